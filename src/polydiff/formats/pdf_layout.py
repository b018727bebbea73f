"""From positioned lines to paragraphs: running headers, footers and page numbers removed,
lines broken at the page width joined (Chinese without a space). Pure geometry; the lines
come from :mod:`polydiff.formats.pdf`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from polydiff.lazyre import lazy
from polydiff.record import record

PAGE_NUMBER = lazy(
    r"^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)
"""``— 1 —``, ``- 1 -``, ``1``, ``第1页 共2页``, ``1/2``, ``Page 1 of 2``."""
_EDGE = 2
"""Lines at the top and at the bottom of a page that may be running headers or footers."""
_SENTENCE_END = lazy(r"[。！？；.!?;]$")
_CJK = lazy(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]")


@record
class Line:
    """One line of text on a page, in PDF points (origin bottom left)."""

    page: int
    x0: float
    x1: float
    y0: float
    y1: float
    text: str
    first: float
    """Width of the line's first word (first character, for Chinese)."""
    size: float
    """Font size of the line."""


def furniture(pages: Sequence[Sequence[Line]]) -> set[Line]:
    """Page numbers, and lines at a page's top or bottom repeated (digits aside) at the
    same height on at least half of the pages (and on two pages at least) that do not end
    a sentence (body text does)."""

    def key(line: Line) -> tuple[str, int]:
        return re.sub(r"\d+", "#", line.text.strip()), round(line.y0 / 4)

    edges = [
        {
            ln
            for ln in (
                *sorted(p, key=lambda ln: -ln.y1)[:_EDGE],
                *sorted(p, key=lambda ln: ln.y0)[:_EDGE],
            )
        }
        for p in pages
    ]
    counts = Counter(key(ln) for edge in edges for ln in {key(x): x for x in edge}.values())
    needed = max(2, (len(pages) + 1) // 2)
    return {
        ln
        for edge in edges
        for ln in edge
        if PAGE_NUMBER.match(ln.text.strip())
        or (counts[key(ln)] >= needed and not _SENTENCE_END.search(ln.text.strip()))
    }


def _continues(a: Line, b: Line, left: float, right: float) -> bool:
    """Does ``b`` carry on the paragraph of ``a`` (``a`` was broken at the page width)?"""
    em = max(a.size, b.size, 1.0)
    if b.x0 > left + 0.5 * em or a.x0 > left + 2.5 * em:
        return False  # b is indented (a new paragraph), or a is centred or right-aligned
    if a.page == b.page and a.y0 - b.y1 > 0.8 * em:
        return False  # a blank line between them
    space = 0.0 if _CJK.match(b.text) else 0.3 * em
    return right - a.x1 < b.first + space + 0.25 * em  # b's first word did not fit on a


def _join(a: str, b: str) -> str:
    if _CJK.match(a[-1:]) or _CJK.match(b[:1]):
        return a + b
    return f"{a} {b}"


def paragraphs(lines: Sequence[Line]) -> list[str]:
    """Lines in reading order joined into paragraphs."""
    if not lines:
        return []
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    out: list[str] = []
    prev: Line | None = None
    for ln in lines:
        text = ln.text.strip()
        if not text:
            continue
        if prev is not None and out and _continues(prev, ln, left, right):
            out[-1] = _join(out[-1], text)
        else:
            out.append(text)
        prev = ln
    return out
