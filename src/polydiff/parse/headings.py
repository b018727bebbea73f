"""Headings: what of the text after a label is its heading, and which unlabelled lines
are headings of their own. The rule for a label comes from its scheme
(:class:`polydiff.parse.numbering.HeadingRule`); length decides within it."""

from __future__ import annotations

import re

from polydiff.lazyre import lazy
from polydiff.parse.lines import INVISIBLE
from polydiff.parse.numbering import LABEL_LIKE, HeadingRule

ZH_HEADING_MAX = 48
"""Longest Chinese heading, in characters. Headings in the corpus run to 41 characters
(ndrc-2025-0826 三 二是); a labelled clause whose short first sentence is really body text
cannot be told apart from plain text and is read as a heading, as most such sentences are."""
EN_HEADING_MAX_WORDS = 26
"""Longest English heading, in words."""
EN_TERM_MAX_WORDS = 6
"""Longest English heading before the text of a clause that is mostly text (``2.1 Term.``)."""

_ZH_STOPS = "。！？"
_ZH_MARKS = lazy(f"[“《（()”》）{_ZH_STOPS}]")
END_PUNCT = "。.!?！？；;：:，,、…—–-"
"""A line ending in one of these is not a heading."""
_EN_SENTENCE_END = lazy(
    r"(?<!\bNo)(?<!\betc)(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\b[A-Z])"
    r"[\"”’']?[.!?][\"”’']?(?=\s+[\"“‘(]?[A-Z0-9])"
)
_EN_VERB = lazy(
    r"\b(?:shall|will|may|must|should|can|is|are|was|were|be|been|has|have|had|does|do)\b",
    re.IGNORECASE,
)


def split_heading(
    rest: str, lang: str, rule: HeadingRule = HeadingRule.SENTENCE
) -> tuple[str, str]:
    """Split what follows a label into (heading, body) by ``rule``.

    ``sentence``: a short first sentence is a heading (``加速科学发现进程。加快…`` → heading and
    body); a short paragraph with no full stop inside is a heading alone; anything else is
    body. The full stop ending a heading is dropped, ``！`` and ``？`` are kept."""
    rest = rest.strip().strip(INVISIBLE).strip()
    if not rest or rule is HeadingRule.NONE:
        return "", rest
    if rule is HeadingRule.ALWAYS:
        return rest, ""
    if rule is HeadingRule.TITLE and short(rest, lang):
        return (rest[:-1] if rest[-1] in "。." and len(rest) > 1 else rest), ""
    if rule is HeadingRule.TEXT:
        return _text_heading(rest, lang)
    head, body = _split_sentence(rest, lang)
    return (head, body) if head else ("", rest)


def _text_heading(rest: str, lang: str) -> tuple[str, str]:
    """A clause that is mostly text: a short title alone (not starting in lower case: that is
    a list item, ``(b) an Indian Tribe; or``), or a short verbless English term before the
    text (``Term. This Agreement…``)."""
    if rest[-1] not in END_PUNCT + '”"’)）' and short(rest, lang) and not rest[0].islower():
        return rest, ""
    if lang == "zh":
        return "", rest
    m = _EN_SENTENCE_END.search(rest)
    if m is None or rest[m.start()] != ".":
        return "", rest
    head = rest[: m.start()]
    if not head.strip() or len(head.split()) > EN_TERM_MAX_WORDS or _EN_VERB.search(head):
        return "", rest
    return head, rest[m.end() :].strip()


def _split_sentence(rest: str, lang: str) -> tuple[str, str]:
    if lang == "zh":
        cut = _first_zh_stop(rest)
        if cut < 0:
            return (rest, "") if short(rest, lang) else ("", rest)
        keep = 0 if rest[cut] == "。" else 1  # 。 ends the heading; ！ and ？ belong to it
        head, body = rest[: cut + keep], rest[cut + 1 :].strip()
        return (head, body) if short(rest[:cut], lang) else ("", rest)
    m = _EN_SENTENCE_END.search(rest)
    if not m:
        if short(rest, lang):
            return (rest[:-1] if rest.endswith(".") else rest), ""
        return "", rest
    head = rest[: m.end()].rstrip()
    if head.endswith("."):
        head = head[:-1]
    body = rest[m.end() :].strip()
    return (head, body) if short(head, lang) else ("", rest)


def _first_zh_stop(s: str) -> int:
    """Index of the first 。！？ outside quotation marks, title marks and brackets, or -1
    (only the marks are visited, by one regular expression)."""
    depth = 0
    for m in _ZH_MARKS.finditer(s):
        ch = m.group()
        if ch in "“《（(":
            depth += 1
        elif ch in "”》）)":
            depth = max(0, depth - 1)
        elif depth == 0:
            return m.start()
    return -1


def short(s: str, lang: str) -> bool:
    """Short enough for a heading."""
    if lang == "zh":
        return 0 < len(s) <= ZH_HEADING_MAX
    return 0 < len(s.split()) <= EN_HEADING_MAX_WORDS and len(s) <= 220


def is_unnumbered_heading(p: str, lang: str) -> bool:
    """A short line without closing punctuation and without a label-like start."""
    return short(p, lang) and p[-1] not in END_PUNCT and LABEL_LIKE.match(p) is None
