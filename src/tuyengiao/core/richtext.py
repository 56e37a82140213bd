"""Rich text (bold, italic, lists, small headings, links) typed in the browser and kept as HTML:
the bulletin's parts (``events.BulletinItem.body``) and the units' news (``news.NewsItem.body``).

Every rich text of the project goes through this module:

* **Editing** — :class:`RichTextField` (a form field) with :class:`RichTextWidget`: a
  ``<textarea data-richtext>`` that ``core/static/core/richtext.js`` turns into an editor. The
  editor is ProseMirror through Tiptap, as bundled in the wheel of **django-prose-editor**
  (FeinCMS; maintained, BSD): its ``editor.js`` is a static file of the installed package, served
  by our own server like every other asset — no CDN, no npm build on our side. We do not use the
  package's own widget scripts: they create the editor with Tiptap's default of injecting a
  ``<style>`` element without a nonce, which our Content-Security-Policy blocks. ``richtext.js``
  creates it with ``injectCSS: false`` (the same rules are in ``core/richtext.css``); the only
  inline element left, the import map naming ``editor.js``, carries the request's nonce
  (:func:`media`). Without JavaScript the textarea stays and takes plain text.
* **Sanitising** — **nh3** (the Python binding of Ammonia, the Rust allow-list sanitiser; bleach,
  the older choice, is deprecated). Only the tags of :data:`TAGS` survive, links keep ``href``
  with http, https or mailto only and get ``rel="noopener"``; scripts, styles, event handlers and
  ``javascript:`` URLs are removed. The form field sanitises what it saves, and :func:`to_html`
  sanitises again whenever stored text is shown: a stored value is never trusted as it is.
* **Text written before the editor** — plain text with paragraphs separated by a blank line
  (:func:`looks_like_html` tells it apart) is shown as ``<p>`` paragraphs, escaped
  (:func:`from_plain_text`); saving it through the editor stores HTML.
* **Plain text again** — feeds and Open Graph descriptions take :func:`to_plain_text`; the .docx
  exports take the HTML through ``core.richtext_docx``.
"""

from __future__ import annotations

import json
import re
from html import escape
from html.parser import HTMLParser
from typing import Any

import nh3
from django import forms
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# What the editor offers and the sanitiser keeps. ``b`` and ``i`` come with pasted text.
TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "blockquote", "a"}
)
URL_SCHEMES = frozenset({"http", "https", "mailto"})
BLOCK_TAGS = frozenset({"p", "ul", "ol", "li", "h3", "h4", "blockquote"})

# A stored value is HTML when it opens with one of the editor's block elements; text typed before
# the editor (or into the bare textarea without JavaScript) never does.
_HTML_START = re.compile(r"^\s*<(?:p|ul|ol|h[1-6]|blockquote|div)[\s>]", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n\s*\n")


def _only_absolute_links(tag: str, attribute: str, value: str) -> str | None:
    """Ammonia lets relative URLs through; a link in a bulletin or a news item must say where it
    goes, so only http(s) and mailto addresses stay."""
    if tag == "a" and attribute == "href":
        scheme = value.strip().split(":", 1)[0].lower() if ":" in value else ""
        return value if scheme in URL_SCHEMES else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags={"script", "style"},
    attributes={"a": {"href"}},
    attribute_filter=_only_absolute_links,
    url_schemes=set(URL_SCHEMES),
    link_rel="noopener",
    strip_comments=True,
)


def sanitize(html: str) -> str:
    """``html`` with only the allowed tags, attributes and link addresses (nh3 / Ammonia)."""
    return _CLEANER.clean(html).strip()


def looks_like_html(value: str) -> bool:
    return bool(_HTML_START.match(value))


def from_plain_text(text: str) -> str:
    """Plain text as HTML: a paragraph per block separated by a blank line, a line break for a
    single newline, everything escaped."""
    blocks = [b.strip() for b in _BLANK_LINES.split(text.replace("\r\n", "\n")) if b.strip()]
    return "".join(
        "<p>" + "<br>".join(escape(line.strip()) for line in block.split("\n")) + "</p>"
        for block in blocks
    )


def numbered(lines: list[str]) -> str:
    """One numbered item per non-empty line (the bulletin's slogans), escaped."""
    items = "".join(f"<li><p>{escape(line.strip())}</p></li>" for line in lines if line.strip())
    return f"<ol>{items}</ol>" if items else ""


def clean(value: str) -> str:
    """What a form stores: the editor's HTML sanitised, or plain text made into paragraphs; ""
    when nothing readable is left (an empty editor still sends ``<p></p>``)."""
    if looks_like_html(value):
        html = sanitize(value)
        if not looks_like_html(html):  # its outer block was not one we keep: keep it a paragraph
            html = f"<p>{html}</p>"
    else:
        html = from_plain_text(value)
    return html if _has_text(html) else ""


# Only ever applied to our own output (nh3's or escaped paragraphs), where no ">" opens text.
_TAG = re.compile(r"<[^>]*>")


def _has_text(html: str) -> bool:
    return bool(_TAG.sub("", html).replace("&nbsp;", "").strip())


def to_html(value: str) -> SafeString:
    """Stored text ready for a page: sanitised again (stored HTML is untrusted), or plain text of
    before the editor made into paragraphs. The only place a rich text is marked safe."""
    return mark_safe(clean(value or ""))  # nh3 output or escaped paragraphs


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS or tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def to_plain_text(value: str) -> str:
    """The words of a rich text (or of old plain text), tags dropped and entities decoded, one
    line per paragraph: RSS/Atom and Open Graph descriptions, which readers show as text."""
    if not looks_like_html(value or ""):
        return "\n".join(line.strip() for line in (value or "").splitlines() if line.strip())
    collector = _TextCollector()
    collector.feed(value)
    collector.close()
    lines = ("".join(collector.parts)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


# --- the form field -------------------------------------------------------------------------------

# The editor's bundle is an ES module imported by name ("django-prose-editor/editor"), so the page
# carries an import map — an inline <script>, hence the nonce.
EDITOR_MODULE = "django-prose-editor/editor"


def media(nonce: str) -> SafeString:
    """The import map (with the request's CSP nonce), the editor's style sheets and our two
    scripts: ``richtext-vi.js`` (the editor's dialog texts in Vietnamese, read by the bundle when
    it loads) and the ``richtext.js`` module that makes the editors."""
    importmap = json.dumps({"imports": {EDITOR_MODULE: static("django_prose_editor/editor.js")}})
    sheets = [
        static("django_prose_editor/material-icons.css"),
        static("django_prose_editor/editor.css"),
        static("core/richtext.css"),
    ]
    return format_html(
        '<script type="importmap" nonce="{}">{}</script>\n{}\n'
        '<script src="{}"></script>\n<script type="module" src="{}"></script>',
        nonce,
        mark_safe(importmap.replace("<", "\\u003c")),  # JSON of our static URL; "<" cannot close it
        mark_safe("\n".join(format_html('<link rel="stylesheet" href="{}">', s) for s in sheets)),
        static("core/richtext-vi.js"),
        static("core/richtext.js"),
    )


class RichTextWidget(forms.Textarea):
    """A textarea the editor replaces (``data-richtext``); the page includes
    ``{% richtext_media %}`` (``core/templatetags/richtext.py``) once."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"rows": 10, "data-richtext": "", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        # The editor reads HTML: text of before the editor is given to it as paragraphs. A plain
        # str (not marked safe), so that the textarea's template escapes it.
        return clean(str(value)) if value else None

    def use_required_attribute(self, initial: Any) -> bool:
        # The hidden textarea cannot take the focus, so the browser could not say what is missing;
        # the server does.
        return False


class RichTextField(forms.CharField):
    """A rich text: the form's cleaned value is sanitised HTML (:func:`clean`)."""

    widget = RichTextWidget

    def to_python(self, value: Any) -> str:
        return clean(str(super().to_python(value)))
