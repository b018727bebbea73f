"""Web pages: the main text by readability-lxml (no navigation, share links, footers or
scripts), the gov.cn metadata table read first, the page decoded from its charset."""

from __future__ import annotations

import re

from polydiff.errors import InputError
from polydiff.extras import require
from polydiff.formats import govcn
from polydiff.formats.charset import decode_page
from polydiff.formats.model import Extracted, Found
from polydiff.lazyre import lazy, lazy_bytes
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

NAME = "html"
LABEL = "HTML"
EXTENSIONS = (".html", ".htm", ".shtml", ".xhtml")
NEEDS = {"lxml": "lxml", "readability": "readability-lxml"}

_SNIFF = lazy_bytes(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "center", "dd", "div", "dl"),
        *("dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table"),
        *("tbody", "thead", "tfoot", "tr", "ul"),
    }
)
_COLLAPSE = lazy(r"[ \t\r\n\f]+")
"""HTML's collapsible white space (full-width spaces and no-break spaces are kept)."""
_SENTENCE = lazy(r"[。！？；.!?;]")


def sniff(head: bytes) -> bool:
    """A page starts (after white space or a BOM) with a tag, and has an html, head or body
    tag (or an HTML doctype) in its first 2 KB."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<") and bool(_SNIFF.search(start[:2048]))


def extract(data: bytes, name: str, encoding: str | None) -> Extracted:
    """The page's main text, one paragraph per block or ``<br>`` line, indentation removed."""
    require("HTML import", NEEDS)
    import lxml.html
    from readability import Document

    page, codec = decode_page(data, name, encoding)
    root = lxml.html.document_fromstring(
        page.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
    )
    table = govcn.metadata_table(root)
    found = Found()
    if table is not None:
        found = govcn.read_table(table)
        table.drop_tree()  # never part of the body, whatever readability scores it
    for el in root.xpath("//script | //style | //noscript | //template"):
        el.drop_tree()
    summary = Document(lxml.html.tostring(root, encoding="unicode")).summary(html_partial=True)
    text = block_text(lxml.html.fragment_fromstring(summary, create_parent="div"))
    if not _SENTENCE.search(text):
        raise InputError(
            f"{name}: no main text found in the page (navigation or scripts only); "
            "save the document's own page, or its text"
        )
    return Extracted(text, NAME, codec, found)


def block_text(root: Any) -> str:
    """Text of an HTML tree: a line per block element, ``<br>`` and table row, cells of a
    row side by side; lines stripped of (full-width) indentation, blank lines between."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = "".join(current).strip()
        if line:
            lines.append(line)
        current.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCKS or tag == "br":
            flush()
        elif tag in ("td", "th") and "".join(current).strip():
            current.append("  ")
        if tag and el.text:
            current.append(el.text if tag == "pre" else _COLLAPSE.sub(" ", el.text))
        for child in el:
            walk(child)
        if tag in _BLOCKS:
            flush()
        if el.tail:
            current.append(_COLLAPSE.sub(" ", el.tail))

    walk(root)
    flush()
    return "\n\n".join(lines) + "\n" if lines else ""
