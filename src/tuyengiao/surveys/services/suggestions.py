"""The suggestion box: a question or suggestion reaches a unit without its sender's identity
(no person, no account, no address stored — only the day it came and, when the sender typed one,
a contact for a private reply); officers sort by topic, merge duplicates, answer and publish the
answer as the unit's questions and answers (hỏi – đáp). Spam is removed; opinions are not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet

from tuyengiao.core.text import fold
from tuyengiao.orgs.models import Unit

from ..models import Suggestion, SuggestionBox, SuggestionStatus, Topic
from . import SurveyError

MAX_TEXT = 4000


def box_for(unit: Unit) -> SuggestionBox:
    box, _ = SuggestionBox.objects.get_or_create(unit=unit)
    return box


def send(
    unit: Unit, text: str, today: date, *, contact: str = "", from_public: bool = False
) -> Suggestion:
    text = text.strip()
    if not text:
        raise SurveyError("Hãy viết câu hỏi hoặc góp ý.")
    if len(text) > MAX_TEXT:
        raise SurveyError(f"Câu hỏi, góp ý dài quá {MAX_TEXT} ký tự; hãy viết ngắn gọn hơn.")
    if from_public and not box_for(unit).public:
        raise SurveyError("Hộp thư của đơn vị này chưa mở cho người dân.")
    return Suggestion.objects.create(
        unit=unit, text=text, contact=contact.strip(), from_public=from_public, received_on=today
    )


def set_topic(suggestion: Suggestion, topic: str) -> None:
    if topic not in Topic.values:
        raise SurveyError("Chủ đề không hợp lệ.")
    suggestion.topic = topic
    suggestion.save(update_fields=["topic", "search_folded"])


def answer(suggestion: Suggestion, text: str, today: date) -> None:
    if suggestion.status in (SuggestionStatus.SPAM, SuggestionStatus.MERGED):
        raise SurveyError("Câu hỏi này đã được loại hoặc đã gộp vào câu khác.")
    if not text.strip():
        raise SurveyError("Hãy viết nội dung trả lời.")
    suggestion.answer = text.strip()
    suggestion.answered_on = suggestion.answered_on or today
    if suggestion.status == SuggestionStatus.NEW:
        suggestion.status = SuggestionStatus.ANSWERED
    suggestion.save()


def publish(suggestion: Suggestion, question_text: str = "") -> None:
    """Publish the question (as worded by the officer, without any name) and its answer."""
    if not suggestion.answer:
        raise SurveyError("Hãy trả lời trước khi công bố.")
    suggestion.question_public = (
        question_text.strip() or suggestion.question_public or suggestion.text
    )
    suggestion.is_published = True
    suggestion.status = SuggestionStatus.PUBLISHED
    suggestion.save()


def unpublish(suggestion: Suggestion) -> None:
    suggestion.is_published = False
    suggestion.status = SuggestionStatus.ANSWERED
    suggestion.save()


def mark_spam(suggestion: Suggestion) -> None:
    """Spam (advertising, nonsense) only; an opinion, however critical, is answered, not removed."""
    suggestion.status = SuggestionStatus.SPAM
    suggestion.is_published = False
    suggestion.save()


def merge(duplicate: Suggestion, into: Suggestion) -> None:
    if duplicate.pk == into.pk or duplicate.unit_id != into.unit_id:
        raise SurveyError("Chỉ gộp được vào một câu hỏi khác của cùng đơn vị.")
    if into.status in (SuggestionStatus.MERGED, SuggestionStatus.SPAM):
        raise SurveyError("Không gộp vào câu hỏi đã gộp hoặc đã loại.")
    with transaction.atomic():
        duplicate.merged_into = into
        duplicate.status = SuggestionStatus.MERGED
        duplicate.is_published = False
        duplicate.save()
        Suggestion.objects.filter(merged_into=duplicate).update(merged_into=into)


def search_published(qs: QuerySet[Suggestion], query: str) -> QuerySet[Suggestion]:
    """Published questions and answers holding every word typed, with or without accents."""
    qs = qs.filter(is_published=True)
    for word in fold(query).split():
        qs = qs.filter(search_folded__contains=word)
    return qs.order_by("-answered_on", "-id")


@dataclass
class TopicStat:
    topic: str
    received: int
    answered: int
    mean_days: Decimal | None


def statistics(qs: QuerySet[Suggestion]) -> list[TopicStat]:
    """By topic: received (spam excluded), answered, mean days from receipt to answer."""
    rows: dict[str, list[int]] = {}
    days: dict[str, list[int]] = {}
    for topic, received, answered_on in qs.exclude(status=SuggestionStatus.SPAM).values_list(
        "topic", "received_on", "answered_on"
    ):
        counts = rows.setdefault(topic, [0, 0])
        counts[0] += 1
        if answered_on is not None:
            counts[1] += 1
            days.setdefault(topic, []).append((answered_on - received).days)
    labels = dict(Topic.choices)
    out = []
    for topic, (received_n, answered_n) in sorted(rows.items()):
        spans = days.get(topic, [])
        mean = (Decimal(sum(spans)) / len(spans)).quantize(Decimal("0.1")) if spans else None
        out.append(TopicStat(str(labels.get(topic, topic)), received_n, answered_n, mean))
    return out
