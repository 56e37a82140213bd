"""Large sign-in sheets are now background jobs of ``core.Job`` (kind "study.signin").

The outcome of every past import is copied to a ``core.Job`` (counts and the bad rows kept, at
most 500 as before); an import still pending could not finish any more and is recorded as failed.
The stored sheets are not moved (the new jobs drop their file once finished).
"""

from django.db import migrations

KIND = "study.signin"


def copy_to_jobs(apps, schema_editor):
    SigninImport = apps.get_model("study", "SigninImport")
    Job = apps.get_model("core", "Job")
    jobs = []
    for old in SigninImport.objects.select_related("session").iterator():
        errors = [{"row": row, "reason": reason} for row, reason in old.errors]
        done = old.status == "done"
        jobs.append(
            Job(
                kind=KIND,
                unit_id=old.session.unit_id,
                started_by_id=old.created_by_id,
                filename=old.filename,
                options={"session": old.session_id, "valid_only": old.valid_rows_only},
                state="done" if done else "failed",
                message=(
                    ""
                    if done
                    else old.message
                    or "Việc nhập bị dừng khi nâng cấp hệ thống; hãy tải tệp lên lại."
                )[:500],
                result=(
                    {
                        "applied": old.applied,
                        "created": old.created_count,
                        "updated": 0,
                        "skipped": 0,
                        "error_count": len(errors),
                        "errors": errors,
                    }
                    if done
                    else {}
                ),
                finished_at=old.created_at,
            )
        )
    created = Job.objects.bulk_create(jobs, batch_size=500)
    # auto_now_add set created_at to now: give the copies their own dates back.
    for job in created:
        Job.objects.filter(pk=job.pk).update(created_at=job.finished_at)


class Migration(migrations.Migration):
    dependencies = [
        ("study", "0003_signin_import"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_to_jobs, migrations.RunPython.noop),
        migrations.DeleteModel(
            name="SigninImport",
        ),
    ]
