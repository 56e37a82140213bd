"""The monthly bulletin for cell meetings: assembled from the calendar, completed by the officer,
issued with a number, exported to .docx in the party format (``core/official_docx.py``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core import richtext_docx
from tuyengiao.core.official_docx import start
from tuyengiao.exemplars import services as exemplar_services
from tuyengiao.exemplars.models import Exemplar
from tuyengiao.notifications.services import Notice
from tuyengiao.orgs.letterhead import letterhead_for
from tuyengiao.orgs.models import Unit

from .. import grid
from ..anniversaries import occurrences
from ..models import Anniversary, Bulletin, BulletinItem, BulletinPart, Campaign

DOC_TYPE = "Hướng dẫn"


def summary(bulletin: Bulletin) -> str:
    return f"định hướng nội dung sinh hoạt chi bộ tháng {bulletin.month} năm {bulletin.year}"


def parts_for(user: Any, year: int, month: int) -> list[tuple[str, str, str]]:
    """(part, heading, body) of the month as ``user`` sees the calendar: each anniversary that
    falls in it, each campaign running in it, all their slogans in one part, then — in the
    user's scope — the month's documents of the library, the study rounds running, the activities
    that reached the most people, the exemplary models recognised and the questions of the
    suggestion boxes answered and published."""
    first, last = grid.month_bounds(year, month)
    out: list[tuple[str, str, str]] = []
    for o in occurrences(scoped(Anniversary, user).filter(active=True), first, last):
        body = f"Ngày {o.on:%d/%m/%Y}." + (" Năm chẵn." if o.round else "")
        out.append((BulletinPart.ANNIVERSARY, o.label, body))
    campaigns = list(
        scoped(Campaign, user)
        .filter(starts_on__lte=last, ends_on__gte=first, published_down=True)
        .order_by("starts_on", "id")
    )
    for c in campaigns:
        body = f"Từ ngày {c.starts_on:%d/%m/%Y} đến ngày {c.ends_on:%d/%m/%Y}. {c.theme}".strip()
        out.append((BulletinPart.CAMPAIGN, c.title, body))
    slogans = [s for c in campaigns for s in c.slogan_list]
    if slogans:
        out.append(
            (
                BulletinPart.SLOGANS,
                "Khẩu hiệu tuyên truyền",
                "\n".join(dict.fromkeys(slogans)),  # each once, in order
            )
        )
    out += _directives(user, first, last)
    out += _study(user, first, last)
    out += _activities(user, first, last)
    for e in exemplar_services.recognised_between(
        scoped(Exemplar, user).select_related("unit", "sector"), first, last
    ).order_by("recognised_on", "id"):
        body = f"{e.unit.name} — {e.place}. Lĩnh vực: {e.sector.name}. {e.results}".strip()
        out.append((BulletinPart.EXEMPLARS, e.title, body))
    out += _questions(user, first, last)
    return out


# How many of each the builder proposes: the officer edits the bulletin, and a cell meeting reads
# a page or two, not the whole library.
DIRECTIVES_MAX = 10
ACTIVITIES_MAX = 5
QUESTIONS_MAX = 5


def _directives(user: Any, first: date, last: date) -> list[tuple[str, str, str]]:
    """The documents of the month in the user's library (newest first): number, date, summary."""
    from tuyengiao.documents.models import Document

    docs = (
        scoped(Document, user)
        .filter(date__gte=first, date__lte=last)
        .order_by("-date", "-id")[:DIRECTIVES_MAX]
    )
    out: list[tuple[str, str, str]] = []
    for d in docs:
        kind = d.doc_type or "Văn bản"
        heading = f"{kind} số {d.number}" if d.number else kind
        heading += f" ngày {d.date:%d/%m/%Y}" if d.date else ""
        body = " ".join(part for part in (d.issuer and f"Của {d.issuer}.", d.title) if part)
        out.append((BulletinPart.DIRECTIVES, heading, body))
    return out


def _study(user: Any, first: date, last: date) -> list[tuple[str, str, str]]:
    """The study rounds running in the month (not the speakers' listed courses)."""
    from tuyengiao.study.models import StudyRound

    rounds = (
        scoped(StudyRound, user)
        .filter(starts_on__lte=last, ends_on__gte=first, listed_only=False)
        .select_related("unit")
        .order_by("starts_on", "id")
    )
    return [
        (
            BulletinPart.STUDY,
            r.title,
            f"{r.document_title}. {r.unit.name}, từ ngày {r.starts_on:%d/%m/%Y} "
            f"đến ngày {r.ends_on:%d/%m/%Y}.",
        )
        for r in rounds
    ]


def _activities(user: Any, first: date, last: date) -> list[tuple[str, str, str]]:
    """The month's activities in the user's reach that reached the most people."""
    from tuyengiao.activities.models import Activity

    best = (
        scoped(Activity, user)
        .filter(held_on__gte=first, held_on__lte=last)
        .select_related("unit", "kind")
        .order_by("-reached", "held_on", "id")[:ACTIVITIES_MAX]
    )
    return [
        (
            BulletinPart.ACTIVITIES,
            a.topic,
            f"{a.kind.name} của {a.unit.name} ngày {a.held_on:%d/%m/%Y}"
            + (f" tại {a.place}" if a.place else "")
            + f", {a.reached} người tham dự.",
        )
        for a in best
    ]


def _questions(user: Any, first: date, last: date) -> list[tuple[str, str, str]]:
    """Questions of the suggestion boxes answered in the month and published (hỏi – đáp)."""
    from tuyengiao.surveys.models import Suggestion, SuggestionStatus

    answered = (
        scoped(Suggestion, user)
        .filter(
            status=SuggestionStatus.PUBLISHED,
            is_published=True,
            answered_on__gte=first,
            answered_on__lte=last,
        )
        .order_by("answered_on", "id")[:QUESTIONS_MAX]
    )
    return [(BulletinPart.QUESTIONS, s.question_public or s.text[:300], s.answer) for s in answered]


@transaction.atomic
def assemble(unit: Unit, user: Any, year: int, month: int) -> tuple[Bulletin, bool]:
    """The unit's bulletin of the month, made from the calendar the first time (False: it
    existed, left as it is)."""
    bulletin, made = Bulletin.objects.get_or_create(
        unit=unit, year=year, month=month, defaults={"created_by": user}
    )
    if made:
        BulletinItem.objects.bulk_create(
            BulletinItem(bulletin=bulletin, order=n, part=part, heading=heading, body=body)
            for n, (part, heading, body) in enumerate(parts_for(user, year, month), start=1)
        )
    return bulletin, made


def add_item(bulletin: Bulletin, heading: str, body: str) -> BulletinItem:
    last = bulletin.items.aggregate(m=Max("order"))["m"] or 0
    return BulletinItem.objects.create(
        bulletin=bulletin, order=last + 1, part=BulletinPart.OWN, heading=heading, body=body
    )


@transaction.atomic
def change_item(item: BulletinItem, heading: str, body: str) -> bool:
    """Write a part's heading and body (sanitised HTML from the form); False when its bulletin
    was issued meanwhile (an issued bulletin is not changed)."""
    bulletin = Bulletin.objects.select_for_update().get(pk=item.bulletin_id)
    if bulletin.published_down:
        return False
    item.heading, item.body = heading, body
    item.save(update_fields=["heading", "body"])
    return True


@transaction.atomic
def issue(bulletin: Bulletin) -> bool:
    """Give the bulletin the unit's next number of the year and publish it down (False: it was
    already issued)."""
    locked = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
    if locked.published_down:
        return False
    # lock the unit's bulletins of the year so two issues never take the same number
    taken = (
        Bulletin.objects.select_for_update()
        .filter(unit_id=locked.unit_id, year=locked.year)
        .aggregate(m=Max("number"))["m"]
        or 0
    )
    locked.number = taken + 1
    locked.published_down = True
    locked.published_at = timezone.now()
    locked.save(update_fields=["number", "published_down", "published_at"])
    bulletin.refresh_from_db()
    from ..tasks import bulletin_issued_task

    pk = bulletin.pk
    transaction.on_commit(lambda: bulletin_issued_task.enqueue(pk))
    return True


def issued_notices(bulletin_pk: int) -> list[Notice]:
    """The notice of an issued bulletin, for the officers of every unit below its issuer."""
    bulletin = Bulletin.objects.select_related("unit").get(pk=bulletin_pk)
    below = (
        Unit.objects.filter(path__startswith=bulletin.unit.path)
        .exclude(pk=bulletin.unit_id)
        .values_list("pk", flat=True)
    )
    title = f"{bulletin} (số {bulletin.number}) của {bulletin.unit.name} đã được phát hành"
    url = reverse("events:bulletin_detail", kwargs={"bulletin_pk": bulletin.pk})
    return [
        Notice(unit_id=unit_id, event_key=f"bulletin-{bulletin.pk}", title=title, url=url)
        for unit_id in below
    ]


def docx(bulletin: Bulletin, on: date | None = None) -> bytes:
    letterhead = letterhead_for(bulletin.unit)
    on = on or (
        timezone.localtime(bulletin.published_at).date() if bulletin.published_at else date.today()
    )
    draft = start(
        letterhead,
        DOC_TYPE,
        summary(bulletin),
        on,
        number=str(bulletin.number or ""),
        day_blank=bulletin.published_at is None,
    )
    titles = {
        BulletinPart.ANNIVERSARY: "Các ngày kỷ niệm trong tháng",
        BulletinPart.CAMPAIGN: "Các đợt tuyên truyền",
        BulletinPart.SLOGANS: "Khẩu hiệu tuyên truyền",
        BulletinPart.DIRECTIVES: "Văn bản mới cần nghiên cứu, quán triệt",
        BulletinPart.STUDY: "Học tập, quán triệt nghị quyết trong tháng",
        BulletinPart.ACTIVITIES: "Hoạt động tuyên truyền tiêu biểu",
        BulletinPart.EXEMPLARS: "Mô hình, điển hình được công nhận trong tháng",
        BulletinPart.QUESTIONS: "Hỏi – đáp",
        BulletinPart.OWN: "Nội dung khác",
    }
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    section = 0
    current = ""
    for item in bulletin.items.all():
        if item.part != current:
            current = item.part
            draft.heading(f"{numerals[section]}. {titles[BulletinPart(item.part)]}")
            section += 1
        if item.part != BulletinPart.SLOGANS:  # the slogans' section title is their heading
            draft.paragraph(item.heading, bold=True)
        # the editor's formatting kept: runs, lists (the slogans numbered), small headings
        richtext_docx.write(draft, item.body_html)
    return draft.finish(
        [
            letterhead.subordinates[0].upper() + letterhead.subordinates[1:],
            f"Lưu {letterhead.office}",
        ]
    )
