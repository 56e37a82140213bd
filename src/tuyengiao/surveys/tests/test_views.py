"""The pages: an officer builds and opens a survey, members answer through their own page, the
results show aggregates with the k rule and export; the public link asks a sum and is rate
limited; the suggestion box reaches the FAQ without a name."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.models import Role, User
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.testing import Tree, logged_in_client, make_user

from ..forms import CHALLENGE_SALT
from ..models import (
    AudienceKind,
    Participation,
    Question,
    QuestionKind,
    Response,
    Suggestion,
    Survey,
    SurveyStatus,
)
from ..services import builder, suggestions
from .conftest import people


def member(person: Person) -> Client:
    user = make_user(f"dv{person.pk}", person.unit, Role.MEMBER)
    user.person = person
    user.save()
    return logged_in_client(user)


def _create_and_open(client: Client, audience: list[Unit]) -> Survey:
    closes = (timezone.localdate() + timedelta(days=7)).strftime("%d/%m/%Y")
    response = client.post(
        reverse("surveys:survey_create"),
        {
            "template": "nam-bat-nghi-quyet",
            "title": "",
            "purpose": "",
            "closes_on": closes,
            "k_threshold": "5",
            "audience": AudienceKind.MEMBERS,
            "audience_units": [u.pk for u in audience],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    survey = Survey.objects.get()
    assert survey.title == "Mức độ nắm bắt Nghị quyết sau học tập"
    assert survey.questions.count() == 5
    assert (
        client.post(reverse("surveys:survey_open", kwargs={"survey_pk": survey.pk})).status_code
        == 302
    )
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN
    return survey


def _answer(client: Client, survey: Survey, choice: int) -> int:
    url = reverse("surveys:survey_answer", kwargs={"survey_pk": survey.pk})
    page = client.get(url)
    assert page.status_code == 200
    token = re.search(r'name="token" value="([^"]+)"', page.content.decode())
    assert token is not None
    data = {"token": token.group(1)}
    for q in survey.questions.all():
        if q.kind == QuestionKind.SINGLE:
            data[f"q{q.pk}"] = str(choice)
        elif q.kind == QuestionKind.LONG:
            data[f"q{q.pk}"] = f"kiến nghị {choice}"
    return client.post(url, data).status_code


def test_officer_builds_members_answer_results_respect_k(
    tree: Tree, users: dict[str, User]
) -> None:
    everyone = people(tree.cell1, 6) + people(tree.cell2, 4)
    officer = logged_in_client(users["khoi"])
    survey = _create_and_open(officer, [tree.bloc])
    assert Participation.objects.filter(survey=survey).count() == 10
    for n, person in enumerate(everyone):
        client = member(person)
        assert client.get(reverse("surveys:my_surveys")).status_code == 200
        assert _answer(client, survey, n % 2) == 302
        # the page now says it is answered, and offers no form
        again = client.get(reverse("surveys:survey_answer", kwargs={"survey_pk": survey.pk}))
        assert (
            "Cảm ơn đã trả lời" in again.content.decode()
            and 'name="token"' not in again.content.decode()
        )
    assert Response.objects.filter(survey=survey).count() == 10  # one batch of 10
    page = officer.get(reverse("surveys:survey_results", kwargs={"survey_pk": survey.pk}))
    body = page.content.decode()
    assert page.status_code == 200 and "Tổng hợp từ <strong>10</strong> phiếu" in body
    assert "<svg" in body
    assert "Các đơn vị khác" in body or tree.base1.name in body
    docx = officer.get(reverse("surveys:results_docx", kwargs={"survey_pk": survey.pk}))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "BÁO CÁO" in text and "10 phiếu" in text
    xlsx = officer.get(reverse("surveys:results_xlsx", kwargs={"survey_pk": survey.pk}))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    # cell2 (4 answered) has no results of its own
    small = officer.get(
        reverse("surveys:survey_results", kwargs={"survey_pk": survey.pk})
        + f"?don-vi={tree.cell2.pk}"
    )
    assert "Chưa hiển thị" in small.content.decode()
    rate = officer.get(
        reverse("surveys:response_rate", kwargs={"survey_pk": survey.pk}) + "?export=xlsx"
    )
    assert rate.status_code == 200


def test_a_member_answers_once_and_only_their_own_surveys(
    tree: Tree, users: dict[str, User]
) -> None:
    people(tree.cell1, 5)
    outsider = make_user("ngoai", tree.base2, Role.MEMBER)
    outsider.person = Person.objects.create(unit=tree.base2, full_name="Người ngoài")
    outsider.save()
    survey = _create_and_open(logged_in_client(users["coso1"]), [tree.base1])
    client = member(Person.objects.filter(unit=tree.cell1).first())  # type: ignore[arg-type]
    assert _answer(client, survey, 0) == 302
    again = client.get(reverse("surveys:survey_answer", kwargs={"survey_pk": survey.pk}))
    assert "Cảm ơn đã trả lời" in again.content.decode()
    assert (
        logged_in_client(outsider)
        .get(reverse("surveys:survey_answer", kwargs={"survey_pk": survey.pk}))
        .status_code
        == 404
    )
    # A member opens no officer page.
    assert (
        client.get(reverse("surveys:survey_results", kwargs={"survey_pk": survey.pk})).status_code
        == 403
    )


def test_required_questions_are_asked_again_and_nothing_is_lost(
    tree: Tree, users: dict[str, User]
) -> None:
    people(tree.cell1, 5)
    survey = _create_and_open(logged_in_client(users["coso1"]), [tree.base1])
    client = member(Person.objects.filter(unit=tree.cell1).first())  # type: ignore[arg-type]
    url = reverse("surveys:survey_answer", kwargs={"survey_pk": survey.pk})
    token = re.search(r'name="token" value="([^"]+)"', client.get(url).content.decode())
    assert token
    long_q = survey.questions.get(kind=QuestionKind.LONG)
    response = client.post(url, {"token": token.group(1), f"q{long_q.pk}": "ý kiến còn giữ"})
    body = response.content.decode()
    assert (
        response.status_code == 400
        and "Câu hỏi này cần được trả lời." in body
        and "ý kiến còn giữ" in body
    )
    assert not Participation.objects.get(
        survey=survey,
        person__unit=tree.cell1,
        person=Person.objects.filter(unit=tree.cell1).first(),
    ).answered


def _challenge_answer(page: str) -> dict[str, str]:
    token = re.search(r'name="challenge" value="([^"]+)"', page)
    assert token
    saved = signing.loads(token.group(1), salt=CHALLENGE_SALT)
    return {"challenge": token.group(1), "sum_answer": str(saved["a"] + saved["b"]), "website": ""}


def test_public_link_asks_a_sum_and_limits_the_rate(tree: Tree) -> None:
    cache.clear()
    survey = builder.create_survey(
        tree.base1,
        None,
        title="Ý kiến người dân",
        closes_on=timezone.localdate() + timedelta(days=5),
        audience=AudienceKind.PUBLIC,
    )
    q = builder.add_question(survey, kind=QuestionKind.YES_NO, text="Có hài lòng?", required=True)
    builder.open_survey(survey, timezone.localdate())
    url = reverse("surveys:public_answer", kwargs={"token": survey.public_token})
    visitor = Client()
    page = visitor.get(url).content.decode()
    wrong = visitor.post(url, {**_challenge_answer(page), "sum_answer": "99", f"q{q.pk}": "0"})
    assert wrong.status_code == 400 and "Kết quả phép cộng chưa đúng." in wrong.content.decode()
    bot = visitor.post(url, {**_challenge_answer(page), "website": "http://spam", f"q{q.pk}": "0"})
    assert bot.status_code == 400
    for _ in range(10):
        ok = visitor.post(url, {**_challenge_answer(page), f"q{q.pk}": "0"})
        assert ok.status_code == 200 and "Cảm ơn" in ok.content.decode()
    refused = visitor.post(url, {**_challenge_answer(page), f"q{q.pk}": "0"})
    assert refused.status_code == 429
    assert Response.objects.filter(survey=survey).count() == 10
    assert set(Response.objects.values_list("unit_path", flat=True)) == {""}
    assert visitor.get(
        reverse("surveys:public_qr", kwargs={"token": survey.public_token})
    ).content.startswith(b"<svg")


def test_draft_questions_can_be_edited_open_ones_cannot(tree: Tree, users: dict[str, User]) -> None:
    officer = logged_in_client(users["coso1"])
    survey = builder.create_survey(
        tree.base1, None, title="x", closes_on=timezone.localdate() + timedelta(days=3)
    )
    add = officer.post(
        reverse("surveys:question_add", kwargs={"survey_pk": survey.pk}),
        {"kind": QuestionKind.SINGLE, "text": "Chọn", "options": "Một"},
    )
    assert add.status_code == 400 and "ít nhất 2 lựa chọn" in add.content.decode()
    add = officer.post(
        reverse("surveys:question_add", kwargs={"survey_pk": survey.pk}),
        {"kind": QuestionKind.MATRIX, "text": "Bảng", "options": "Tốt\nChưa tốt", "rows": "A\nB"},
    )
    assert add.status_code == 302
    q = Question.objects.get(survey=survey)
    assert q.rows == ["A", "B"]
    preview = officer.get(reverse("surveys:survey_preview", kwargs={"survey_pk": survey.pk}))
    assert preview.status_code == 200 and "Xem trước" in preview.content.decode()
    copy = officer.post(reverse("surveys:survey_copy", kwargs={"survey_pk": survey.pk}))
    assert copy.status_code == 302
    assert Survey.objects.filter(year=survey.year + 1).get().questions.count() == 1


def test_suggestion_box_to_published_faq_without_names(tree: Tree, users: dict[str, User]) -> None:
    cache.clear()
    officer = logged_in_client(users["coso1"])
    assert (
        officer.post(reverse("surveys:box_settings"), {"public": "on", "intro": ""}).status_code
        == 302
    )
    url = reverse("surveys:public_suggest", kwargs={"unit_code": tree.base1.code})
    visitor = Client()
    page = visitor.get(url).content.decode()
    sent = visitor.post(
        url,
        {
            **_challenge_answer(page),
            "text": "Thủ tục chuyển sinh hoạt đảng thế nào?",
            "contact": "",
        },
    )
    assert sent.status_code == 200
    s = Suggestion.objects.get()
    assert s.from_public and s.contact == ""
    assert (
        officer.post(
            reverse("surveys:suggestion_answer", kwargs={"suggestion_pk": s.pk}),
            {"answer": "Theo Hướng dẫn 12."},
        ).status_code
        == 302
    )
    assert (
        officer.post(
            reverse("surveys:suggestion_publish", kwargs={"suggestion_pk": s.pk}),
            {"question_public": ""},
        ).status_code
        == 302
    )
    faq = visitor.get(
        reverse("surveys:public_faq", kwargs={"unit_code": tree.base1.code}) + "?q=chuyen sinh hoat"
    )
    assert "Theo Hướng dẫn 12." in faq.content.decode()
    # a member of base1's cell reads it too, and can write
    dv = member(people(tree.cell1, 1)[0])
    assert "Theo Hướng dẫn 12." in dv.get(reverse("surveys:faq")).content.decode()
    assert (
        dv.post(
            reverse("surveys:member_suggest"),
            {"unit": tree.base1.pk, "text": "Góp ý", "contact": ""},
        ).status_code
        == 302
    )
    assert Suggestion.objects.count() == 2
    # the sibling branch does not see base1's FAQ
    assert (
        "Theo Hướng dẫn 12."
        not in logged_in_client(users["coso2"]).get(reverse("surveys:faq")).content.decode()
    )


def test_merge_and_spam_and_statistics(tree: Tree) -> None:
    today = timezone.localdate()
    a = suggestions.send(tree.base1, "Hỏi A", today - timedelta(days=4))
    b = suggestions.send(tree.base1, "Hỏi A lần nữa", today)
    c = suggestions.send(tree.base1, "Quảng cáo", today)
    suggestions.merge(b, a)
    suggestions.mark_spam(c)
    suggestions.set_topic(a, "policy")
    suggestions.answer(a, "Đáp", today)
    stats = suggestions.statistics(Suggestion.objects.all())
    by_topic = {s.topic: s for s in stats}
    assert by_topic["Chính sách, pháp luật"].mean_days == 4
    assert sum(s.received for s in stats) == 2  # spam not counted


@pytest.mark.parametrize("name", ["survey_list", "box_list", "faq", "my_surveys"])
def test_lists_open(name: str, users: dict[str, User]) -> None:
    client = logged_in_client(users["coso1"])
    assert client.get(reverse(f"surveys:{name}")).status_code == 200
    if name in ("survey_list", "box_list"):
        assert client.get(reverse(f"surveys:{name}") + "?export=xlsx").content[:2] == b"PK"


def test_results_show_a_sample_of_text_answers_and_all_on_their_own_page(
    tree: Tree, users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ..services import responding, results

    monkeypatch.setattr(results, "TEXT_SAMPLE", 4)
    survey = builder.create_survey(
        tree.bloc, None, title="Ý kiến", closes_on=timezone.localdate() + timedelta(days=3)
    )
    q = builder.add_question(survey, kind=QuestionKind.LONG, text="Kiến nghị của đồng chí")
    survey.audience_units.set([tree.bloc])
    persons = people(tree.cell1, 10)
    builder.open_survey(survey, timezone.localdate())
    for n, person in enumerate(persons):
        p = Participation.objects.get(survey=survey, person=person)
        responding.submit_member(p, p.token, {str(q.pk): f"ý kiến số {n}"}, timezone.localdate())
    officer = logged_in_client(users["khoi"])
    body = officer.get(
        reverse("surveys:survey_results", kwargs={"survey_pk": survey.pk})
    ).content.decode()
    assert "10 ý kiến viết; dưới đây là 4 ý kiến chọn ngẫu nhiên" in body
    assert body.count("ý kiến số ") == 4
    url = reverse("surveys:results_texts", kwargs={"survey_pk": survey.pk})
    everything = officer.get(f"{url}?cau={q.pk}").content.decode()
    assert all(f"ý kiến số {n}<" in everything for n in range(10))
    assert officer.get(f"{url}?cau=999999").status_code == 404
    assert officer.get(f"{url}?cau={q.pk}&don-vi={tree.cell2.pk}").status_code == 404
