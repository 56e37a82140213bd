"""Bulk imports from the web are now background jobs of ``core.Job`` (kind "documents.import").

Every past ImportJob is copied to a ``core.Job`` (files done, imported, duplicates and the failed
files with their reasons); one not finished could not finish any more and is recorded as failed.
Its work folder, if still there, is left on disk.
"""

from django.db import migrations

KIND = "documents.import"


def copy_to_jobs(apps, schema_editor):
    ImportJob = apps.get_model("documents", "ImportJob")
    Job = apps.get_model("core", "Job")
    copies = []
    for old in ImportJob.objects.order_by("pk").iterator():
        failures = [{"name": name, "reason": why} for name, why in old.failures]
        copies.append(
            (
                Job(
                    kind=KIND,
                    unit_id=old.unit_id,
                    started_by_id=old.started_by_id,
                    filename=f"{old.total} tệp",
                    options={"unit": old.unit_id},
                    state="done" if old.finished else "failed",
                    message=(
                        ""
                        if old.finished
                        else "Việc nhập bị dừng khi nâng cấp hệ thống; hãy tải tệp lên lại."
                    ),
                    total=old.total,
                    checked=old.done,
                    result={
                        "imported": old.imported,
                        "duplicates": old.duplicates,
                        "failure_count": len(failures),
                        "failures": failures,
                    },
                    finished_at=old.created_at,
                ),
                old.created_at,
            )
        )
    for job, created_at in copies:
        job.save()
        # auto_now_add set created_at to now: give the copy its own date back.
        Job.objects.filter(pk=job.pk).update(created_at=created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_published_down_index"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_to_jobs, migrations.RunPython.noop),
        migrations.DeleteModel(
            name="ImportJob",
        ),
    ]
