"""Rich text (core.richtext): what the sanitiser keeps and removes, old plain text read as
paragraphs, the words for feeds, the form field, and the editor's page assets under the CSP."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.staticfiles import finders
from django.template import Context, Template

from tuyengiao.core import richtext


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ('<p><img src="x" onerror="alert(1)">ảnh</p>', "<p>ảnh</p>"),
        (
            '<p onclick="alert(1)"><strong onmouseover="x()">đậm</strong></p>',
            "<p><strong>đậm</strong></p>",
        ),
        ('<p><a href="javascript:alert(1)">bấm</a></p>', '<p><a rel="noopener">bấm</a></p>'),
        ('<p><a href="JaVaScRiPt:alert(1)">bấm</a></p>', '<p><a rel="noopener">bấm</a></p>'),
        ('<p><a href="data:text/html,x">bấm</a></p>', '<p><a rel="noopener">bấm</a></p>'),
        ('<p><a href="/tin/">tương đối</a></p>', '<p><a rel="noopener">tương đối</a></p>'),
        ("<p><style>p{color:red}</style>chữ</p>", "<p>chữ</p>"),
        ('<p style="color:red" class="x">chữ</p>', "<p>chữ</p>"),
        ("<p>a<!-- ghi chú -->b</p>", "<p>ab</p>"),
        ("<p><iframe src='https://x.vn'></iframe>c</p>", "<p>c</p>"),
    ],
)
def test_the_sanitiser_removes_scripts_handlers_and_unsafe_links(dirty: str, clean: str) -> None:
    assert richtext.sanitize(dirty) == clean
    assert richtext.to_html(dirty) == clean


def test_the_sanitiser_keeps_the_editors_formatting() -> None:
    html = (
        "<h3>Mục</h3><h4>Mục nhỏ</h4><p>Chữ <strong>đậm</strong>, <em>nghiêng</em>, "
        "<u>gạch chân</u>, <b>b</b>, <i>i</i><br>dòng mới</p>"
        "<ul><li><p>gạch đầu dòng</p></li></ul><ol><li><p>một</p></li></ol>"
        "<blockquote><p>trích dẫn</p></blockquote>"
    )
    assert richtext.sanitize(html) == html
    links = (
        '<p><a href="https://tuyengiao.vn/a?b=1&amp;c=2">web</a> '
        '<a href="http://x.vn">http</a> <a href="mailto:ban@x.vn">thư</a></p>'
    )
    assert richtext.sanitize(links) == links.replace('">', '" rel="noopener">')
    # an attribute nobody allowed is dropped, the link kept
    assert richtext.sanitize('<p><a href="https://x.vn" target="_blank">x</a></p>') == (
        '<p><a href="https://x.vn" rel="noopener">x</a></p>'
    )


def test_plain_text_written_before_the_editor_is_shown_as_escaped_paragraphs() -> None:
    old = "Đoạn một,\ndòng hai.\n\n\nĐoạn <b>hai</b> & hết."
    assert not richtext.looks_like_html(old)
    assert richtext.to_html(old) == (
        "<p>Đoạn một,<br>dòng hai.</p><p>Đoạn &lt;b&gt;hai&lt;/b&gt; &amp; hết.</p>"
    )
    assert richtext.to_html("") == "" and richtext.to_html("  \n\n ") == ""
    assert richtext.numbered(["Khẩu hiệu 1", "", "Khẩu <hiệu> 2"]) == (
        "<ol><li><p>Khẩu hiệu 1</p></li><li><p>Khẩu &lt;hiệu&gt; 2</p></li></ol>"
    )


def test_a_block_the_sanitiser_drops_leaves_a_paragraph_not_escaped_markup() -> None:
    stored = richtext.clean("<div><strong>đậm</strong></div>")
    assert stored == "<p><strong>đậm</strong></p>"
    assert richtext.to_html(stored) == stored


def test_plain_text_for_feeds_drops_tags_and_decodes_entities() -> None:
    html = "<h3>Mục</h3><p>Một &amp; <strong>hai</strong><br>ba</p><ul><li><p>bốn</p></li></ul>"
    assert richtext.to_plain_text(html) == "Mục\nMột & hai\nba\nbốn"
    assert richtext.to_plain_text("Cũ một\n\nCũ <hai>") == "Cũ một\nCũ <hai>"


class _Form(forms.Form):
    body = richtext.RichTextField(label="Nội dung")


def test_the_field_saves_sanitised_html_and_an_empty_editor_is_empty() -> None:
    form = _Form({"body": '<p>Chào <strong>bạn</strong><script>x()</script><img src=x onerror=y></p>'})  # fmt: skip
    assert form.is_valid()
    assert form.cleaned_data["body"] == "<p>Chào <strong>bạn</strong></p>"
    # typed into the bare textarea (no JavaScript): paragraphs
    form = _Form({"body": "Dòng một\n\nDòng <hai>"})
    assert form.is_valid()
    assert form.cleaned_data["body"] == "<p>Dòng một</p><p>Dòng &lt;hai&gt;</p>"
    # the editor left empty sends an empty paragraph: that is no text
    for empty in ("<p></p>", "<p><br></p>", "<p><script>x()</script></p>"):
        form = _Form({"body": empty})
        assert not form.is_valid() and "body" in form.errors


def test_the_widget_gives_the_editor_html_and_marks_the_textarea() -> None:
    html = str(_Form(initial={"body": "Cũ một\n\nCũ hai"})["body"])
    assert "data-richtext" in html and "required" not in html
    assert "&lt;p&gt;Cũ một&lt;/p&gt;&lt;p&gt;Cũ hai&lt;/p&gt;" in html


def test_the_page_assets_carry_the_nonce_and_come_from_installed_packages() -> None:
    out = Template("{% load richtext %}{% richtext_media %}").render(
        Context({"csp_nonce": "n0nce"})
    )
    assert '<script type="importmap" nonce="n0nce">' in out
    assert '"django-prose-editor/editor": "/static/django_prose_editor/editor.js"' in out
    assert '<script type="module" src="/static/core/richtext.js">' in out
    # no other inline script, nothing from another site
    assert out.count("<script") == 3 and out.count("src=") == 2 and "//" not in out.replace("://", "")  # fmt: skip
    for path in (
        "django_prose_editor/editor.js",
        "django_prose_editor/editor.css",
        "django_prose_editor/material-icons.css",
        "core/richtext.js",
        "core/richtext-vi.js",
        "core/richtext.css",
    ):
        assert finders.find(path), path
