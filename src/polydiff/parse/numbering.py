"""Clause labels: the numbering schemes as one table, and recognising a label at the start
of a paragraph.

A *scheme* is a family of labels (一、 二、 … is one, （一）（二）… another, ``1.1``/``1.2``
another). Each row of :data:`SCHEMES` says how its labels are written (a pattern and a
numeral system), what kind of clause they open, how they nest (``rank``), whether the text
after the label can be a heading (``heading``), and how users cite them (``cite``). A new
scheme is a new row; the parser (:mod:`polydiff.parse.tree`) reads only the table.

Nesting: a label of a scheme already open returns to that level; otherwise ranked schemes
nest by rank (outer first) and unranked ones (enumerations, ``(a)``, ``(i)``) under whatever
is open when they first appear, the way bills nest ``(a)`` ``(1)`` ``(A)`` ``(i)``.
*Divisions* (parts, chapters, sections, articles, schedules, markdown headings) also close
any unranked clauses open below them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

from polydiff.lazyre import lazy
from polydiff.model import ClauseKind
from polydiff.normalize import is_ideograph
from polydiff.parse import numerals as nm
from polydiff.parse.numerals import ZH_NUM, int_to_roman, roman_to_int, zh_to_int
from polydiff.record import record

__all__ = [
    "KIND_OF_STYLE",
    "LABEL_LIKE",
    "RANK",
    "SCHEMES",
    "HeadingRule",
    "Label",
    "Scheme",
    "Style",
    "int_to_roman",
    "match_label",
    "match_labels",
    "numeral_for",
    "roman_to_int",
    "starts_list_item",
    "zh_to_int",
]


class Style(StrEnum):
    """The numbering schemes (one per row of :data:`SCHEMES`)."""

    ZH_BIAN = "第一编"
    ZH_CHAPTER = "第一章"
    ZH_JIE = "第一节"
    ZH_ARTICLE = "第一条"
    ZH_PART = "一、"
    ZH_SECTION = "（一）"
    ARABIC_ITEM = "1."
    DECIMAL = "1.1"
    PAREN_ARABIC = "（1）"
    CIRCLED = "①"
    ZH_ENUM = "一是"
    MARKDOWN = "#"
    EN_TITLE = "TITLE I"
    EN_PART = "Part 1"
    EN_CHAPTER = "Chapter I"
    EN_SECTION = "Section 1"
    EN_ARTICLE = "Article 1"
    SCHEDULE = "Schedule 1"
    ROMAN_PART = "I."
    PAREN_ROMAN = "(I)"
    PAREN_CAPITAL = "(A)"
    PAREN_LOWER_ROMAN = "(i)"
    PAREN_LETTER = "(a)"
    EN_ENUM = "First,"
    HEADING = "heading"
    """An unnumbered essay heading; not a label, but it nests like one."""


class HeadingRule(StrEnum):
    """Whether the text after a label is a heading, its body, or both."""

    TITLE = "title"
    """A title: the whole of a short rest is the heading (第一章 总则, Chapter I General
    Provisions); a long one is read as ``sentence``."""
    SENTENCE = "sentence"
    """A short first sentence is the heading, the rest the body (（七）提升模型基础能力。加强…)."""
    TEXT = "text"
    """Body text (第三条 国家坚持…的原则。); only a short rest without closing punctuation is a
    heading (Article 3 Scope), and in English a short first sentence without a verb
    (2.1 Term. This Agreement…)."""
    NONE = "none"
    """Always body text: the items of an article (（一）制定规划；)."""
    ALWAYS = "always"
    """Always a heading, however long (a markdown heading)."""


@record
class Scheme:
    """One numbering scheme: how its labels look, and what they open."""

    style: Style
    pattern: re.Pattern[str]
    """Matches at the start of a paragraph; group 1 is the label as written, group 2 its
    numeral; what follows the match is the rest of the paragraph."""
    read: Callable[[str], int]
    write: Callable[[int], str]
    """How number ``n`` is written as a label, for messages."""
    kind: ClauseKind
    rank: int | None
    """Conventional nesting order (lower is outer); None: nests where it first appears."""
    heading: HeadingRule
    starts: str
    """The characters a label of this scheme can start with (a quick first test)."""
    division: bool = False
    """A division of the document (chapter, article…): it closes unranked clauses too."""
    cite: str = ""
    """Citation family (``article``, ``chapter``…): ``第三条`` and ``Article 3`` both cite
    the article numbered 3."""
    segment: str = ""
    """Prefix of the path segment: ``sch`` for schedules (``sch1``); empty for numbers."""
    heading_en: HeadingRule | None = None
    """The rule in English, where it differs: ``(1)`` is a heading in Chinese documents
    (（1）加强组织。…), text in contracts and bills."""

    def heading_rule(self, lang: str) -> HeadingRule:
        """The heading rule of this scheme in ``lang``."""
        return self.heading_en if lang == "en" and self.heading_en else self.heading


def _p(regex: str, flags: int = 0) -> re.Pattern[str]:
    return lazy(regex, flags)


_OPEN = r"[（(]"
_CLOSE = r"[）)]"
_NOT_LOWER = r"(?![ \t]*[a-z])"
"""After a named division (Article 3, Chapter 2): ``Article 3 of the Law`` is text."""
_ZH_ALL = "第一二三四五六七八九十百千万零〇两"
_DIGITS = "0123456789０１２３４５６７８９"
_ORDINAL_RE = "|".join(nm.ORDINALS)


def _en_number(s: str) -> int:
    return int(s) if s.isdigit() else roman_to_int(s)


SCHEMES: tuple[Scheme, ...] = (
    # Chinese law: 编 章 节 条 (款 are unlabelled paragraphs, 项 （一）, 目 1.)
    Scheme(Style.ZH_BIAN, _p(rf"^(第({ZH_NUM}|[0-9]{{1,3}})编)[ \u3000]*"), zh_to_int,
           lambda n: f"第{nm.int_to_zh(n)}编", ClauseKind.PART, 10, HeadingRule.TITLE, "第",
           division=True, cite="part"),
    Scheme(Style.ZH_CHAPTER, _p(rf"^(第({ZH_NUM}|[0-9]{{1,3}})章)[ \u3000]*"), zh_to_int,
           lambda n: f"第{nm.int_to_zh(n)}章", ClauseKind.CHAPTER, 11, HeadingRule.TITLE, "第",
           division=True, cite="chapter"),
    Scheme(Style.ZH_JIE, _p(rf"^(第({ZH_NUM}|[0-9]{{1,3}})节)[ \u3000]*"), zh_to_int,
           lambda n: f"第{nm.int_to_zh(n)}节", ClauseKind.SECTION, 12, HeadingRule.TITLE, "第",
           division=True, cite="section"),
    Scheme(Style.ZH_ARTICLE, _p(rf"^(第({ZH_NUM}|[0-9]{{1,5}})条)[ \u3000]*"), zh_to_int,
           lambda n: f"第{nm.int_to_zh(n)}条", ClauseKind.ARTICLE, 13, HeadingRule.TEXT, "第",
           division=True, cite="article"),
    # Chinese government documents: 一、（一）1.（1）① and 一是
    Scheme(Style.ZH_PART, _p(rf"^(({ZH_NUM})、)\s*"), zh_to_int, lambda n: f"{nm.int_to_zh(n)}、",
           ClauseKind.PART, 20, HeadingRule.SENTENCE, _ZH_ALL),
    Scheme(Style.ZH_SECTION, _p(rf"^({_OPEN}({ZH_NUM}){_CLOSE})\s*"), zh_to_int,
           lambda n: f"（{nm.int_to_zh(n)}）", ClauseKind.SECTION, 21, HeadingRule.SENTENCE, "（("),
    Scheme(Style.PAREN_ARABIC, _p(rf"^({_OPEN}([0-9０-９]{{1,3}}){_CLOSE})\s*"), nm.arabic_to_int,
           lambda n: f"（{n}）", ClauseKind.SUBITEM, 26, HeadingRule.SENTENCE, "（(",
           heading_en=HeadingRule.TEXT),
    Scheme(Style.ARABIC_ITEM, _p(r"^(([0-9０-９]{1,3})(?:[.．、](?![0-9０-９])|\.(?=\s)))\s*"),
           nm.arabic_to_int, lambda n: f"{n}.", ClauseKind.ITEM, 22, HeadingRule.SENTENCE,
           _DIGITS),
    # decimal numbering 1.1, 4.2.1 (the level is the number of components; a message writes
    # its last number, the tree builder the whole)
    Scheme(Style.DECIMAL,
           _p(r"^(([0-9]{1,3}(?:[.．][0-9]{1,3}){1,5})[.．]?)(?=[ \t\u3000]+[^\s%]|$)\s*"),
           nm.arabic_to_int, str, ClauseKind.ITEM, 22, HeadingRule.TEXT, _DIGITS),
    Scheme(Style.CIRCLED, _p(rf"^(([{nm.CIRCLED}]))\s*"), nm.circled_to_int, nm.int_to_circled,
           ClauseKind.SUBITEM, 27, HeadingRule.SENTENCE, nm.CIRCLED),
    Scheme(Style.ZH_ENUM,
           _p(r"^(([一二三四五六七八九十]{1,2})是)(?![一二三四五六七八九十])(?=[“\"《]|\w)"),
           zh_to_int, lambda n: f"{nm.int_to_zh(n)}是", ClauseKind.ENUMERATION, None,
           HeadingRule.SENTENCE, "一二三四五六七八九十"),
    # markdown headings: # … ###### (a label inside, ## 2. Scope, gives the number)
    Scheme(Style.MARKDOWN, _p(r"^((#{1,6}))(?:[ \t]+|$)"), len, lambda n: "#" * n,
           ClauseKind.HEADING, 0, HeadingRule.ALWAYS, "#", division=True),
    # English divisions: TITLE I, Part 1, Chapter I, Section 1 / SEC. 1., Article 1, Schedule 1
    Scheme(Style.EN_TITLE, _p(r"^(TITLE ([IVXLC]+)\b[.—–-]*)[ \t]*"), roman_to_int,
           lambda n: f"TITLE {int_to_roman(n)}", ClauseKind.PART, 9, HeadingRule.TITLE, "T",
           division=True, cite="title"),
    Scheme(Style.EN_PART, _p(rf"^((?:Part|PART) ([IVXLC]+|[0-9]{{1,3}})\b\.?)[ \t]*{_NOT_LOWER}"),
           _en_number, lambda n: f"Part {n}", ClauseKind.PART, 10, HeadingRule.TITLE, "P",
           division=True, cite="part"),
    Scheme(Style.EN_CHAPTER,
           _p(rf"^((?:Chapter|CHAPTER) ([IVXLC]+|[0-9]{{1,3}})\b\.?)[ \t]*{_NOT_LOWER}"),
           _en_number, lambda n: f"Chapter {n}", ClauseKind.CHAPTER, 11, HeadingRule.TITLE, "C",
           division=True, cite="chapter"),
    Scheme(Style.EN_SECTION,
           _p(rf"^((?:Section|SECTION|Sec\.|SEC\.|§)[ \t]?([0-9]{{1,4}})\b\.?)[ \t]*{_NOT_LOWER}"),
           nm.arabic_to_int, lambda n: f"Section {n}", ClauseKind.SECTION, 12,
           HeadingRule.SENTENCE, "SsS§", division=True, cite="section"),
    Scheme(Style.EN_ARTICLE,
           _p(rf"^((?:Article|ARTICLE) ([0-9]{{1,4}}|[IVXLC]+)\b\.?)[ \t]*{_NOT_LOWER}"),
           _en_number, lambda n: f"Article {n}", ClauseKind.ARTICLE, 13, HeadingRule.TEXT, "A",
           division=True, cite="article"),
    Scheme(Style.SCHEDULE,
           _p(rf"^((?:Schedule|SCHEDULE|Annex|ANNEX) ([IVXLC]+|[0-9]{{1,3}})\b\.?)"
              rf"[ \t]*{_NOT_LOWER}"),
           _en_number, lambda n: f"Schedule {n}", ClauseKind.SCHEDULE, 10, HeadingRule.TITLE,
           "SA", division=True, cite="schedule", segment="sch"),
    # English translations and bills: I. (I) (A) (i) (a), First,
    Scheme(Style.ROMAN_PART, _p(r"^(([IVXLC]{1,6})\.)\s+"), roman_to_int,
           lambda n: f"{int_to_roman(n)}.", ClauseKind.PART, 20, HeadingRule.SENTENCE, "IVXLC"),
    Scheme(Style.PAREN_ROMAN, _p(r"^(\(([IVXLC]{1,6})\))\s*"), roman_to_int,
           lambda n: f"({int_to_roman(n)})", ClauseKind.SECTION, 21, HeadingRule.SENTENCE, "("),
    Scheme(Style.PAREN_CAPITAL, _p(r"^(\(([A-Z])\))(?:\s+|$)"), nm.letter_to_int,
           lambda n: f"({nm.int_to_letter(n).upper()})", ClauseKind.SUBITEM, None,
           HeadingRule.TEXT, "("),
    Scheme(Style.PAREN_LOWER_ROMAN, _p(r"^(\(((?:x{0,3})(?:ix|iv|v?i{0,3}))\))(?:\s+|$)"),
           roman_to_int, lambda n: f"({int_to_roman(n).lower()})", ClauseKind.SUBITEM, None,
           HeadingRule.TEXT, "("),
    Scheme(Style.PAREN_LETTER, _p(r"^(\(([a-z])\))(?:\s+|$)"), nm.letter_to_int,
           lambda n: f"({nm.int_to_letter(n)})", ClauseKind.SUBITEM, None, HeadingRule.TEXT,
           "("),
    Scheme(Style.EN_ENUM, _p(rf"^((({_ORDINAL_RE})(?:ly)?),)\s*", re.IGNORECASE),
           nm.ordinal_to_int, lambda n: f"{nm.int_to_ordinal(n)},", ClauseKind.ENUMERATION,
           None, HeadingRule.SENTENCE, "FSTENfsten"),
)  # fmt: skip
"""The numbering schemes, in the order they are tried: where several match (``(i)`` is a
Roman one or the letter after ``(h)``), the first is the usual reading and the parser
takes another only when it continues an open list."""

SCHEME: dict[Style, Scheme] = {s.style: s for s in SCHEMES}
KIND_OF_STYLE: dict[Style, ClauseKind] = {s.style: s.kind for s in SCHEMES}
KIND_OF_STYLE[Style.HEADING] = ClauseKind.HEADING
RANK: dict[Style, int] = {s.style: s.rank for s in SCHEMES if s.rank is not None}
"""Conventional nesting order (outer first) of the ranked schemes."""
_BY_START: dict[str, tuple[Scheme, ...]] = {}
for _s in SCHEMES:
    for _ch in _s.starts:
        _BY_START[_ch] = (*_BY_START.get(_ch, ()), _s)


@record
class Label:
    """A label found at the start of a paragraph."""

    style: Style
    number: int
    text: str
    """The label exactly as written, e.g. ``（七）``, ``1.`` or ``## 2.``."""
    rest: str
    """The paragraph after the label, leading space removed."""
    level: int = 0
    """Depth within its scheme: components of ``4.2.1`` (3), hashes of ``##`` (2)."""
    prefix: tuple[int, ...] = ()
    """The numbers before the last of a decimal label: ``4.2.1`` → (4, 2)."""
    markdown: bool = False
    """Written as a markdown heading (``## 2. Scope``): the rest is its heading."""
    tentative: bool = False
    """A label only where it continues the numbering (``3.2.1 notify…`` under 3.2), else
    text (``1.5 million users``)."""

    @property
    def scheme(self) -> Scheme:
        return SCHEME[self.style]

    @property
    def key(self) -> tuple[Style, int]:
        """What nests as one level: the scheme, and for decimal and markdown labels the
        depth."""
        return self.style, self.level

    @property
    def rank(self) -> float | None:
        """Nesting rank: the scheme's, one step deeper per level of decimal and markdown."""
        base = self.scheme.rank
        if base is None:
            return None
        if self.style is Style.MARKDOWN:
            return base + self.level
        return base + self.level / 10 if self.style is Style.DECIMAL else base


def match_labels(paragraph: str) -> list[Label]:
    """Every reading of the label at the start of ``paragraph``, the usual one first."""
    schemes = _BY_START.get(paragraph[:1])
    if not schemes:
        return []
    out: list[Label] = []
    for scheme in schemes:
        m = scheme.pattern.match(paragraph)
        if m is None:
            continue
        label = _read(scheme, m, paragraph)
        if label is not None:
            out.append(label)
    return out


def match_label(paragraph: str) -> Label | None:
    """The label at the start of ``paragraph`` (its usual reading), if it has one that is a
    label whatever comes before it (not a tentative one)."""
    found = match_labels(paragraph)
    return found[0] if found and not found[0].tentative else None


def _read(scheme: Scheme, m: re.Match[str], paragraph: str) -> Label | None:
    numeral, rest = m.group(2), paragraph[m.end() :]
    if scheme.style is Style.MARKDOWN:
        return _markdown(m.group(1), paragraph[: m.end()], rest)
    if scheme.style is Style.ZH_ENUM and not _opens_zh_sentence(rest):
        return None
    number = scheme.read(numeral)
    if number <= 0:
        return None
    if scheme.style is Style.DECIMAL:
        parts = numeral.replace("．", ".").split(".")
        prefix = tuple(int(p) for p in parts[:-1])
        if 0 in prefix:
            return None
        tentative = rest[:1].islower()  # 1.5 million users; 3.2.1 notify the Supplier
        return Label(
            scheme.style, number, m.group(1), rest, len(parts), prefix, tentative=tentative
        )
    return Label(scheme.style, number, m.group(1), rest)


def _opens_zh_sentence(rest: str) -> bool:
    """一是 is an enumeration before an ideograph or an opening quote (the pattern only asks
    for a word character there; see :func:`~polydiff.normalize.is_ideograph`)."""
    return is_ideograph(rest[0]) or rest[0] in '“"《'


def _markdown(hashes: str, written: str, rest: str) -> Label:
    inner = next(
        (x for x in match_labels(rest) if x.style is not Style.MARKDOWN and x.rest.strip()), None
    )
    if inner is None:
        return Label(Style.MARKDOWN, 0, hashes, rest, len(hashes), markdown=True)
    text = written + inner.text
    return Label(inner.style, inner.number, text, inner.rest, inner.level, inner.prefix, True)


def numeral_for(style: Style, number: int) -> str:
    """How a number looks in a scheme (for messages): (ZH_SECTION, 7) → ``（七）``."""
    scheme = SCHEME.get(style)
    return scheme.write(number) if scheme else str(number)


def starts_list_item(line: str) -> bool:
    """A bullet (``-``, ``*``, ``•``) or a markdown heading starts a line of its own."""
    return bool(_BULLET.match(line))


_BULLET = lazy(r"^(?:[-*+•·▪◦][ \t]|#{1,6}(?:[ \t]|$))")

LABEL_LIKE = lazy(
    r"^(?:[（(\[]?(?:[0-9]{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3}|[ivx]{1,4})[）)\]]|"
    r"[A-Z][.．]\s(?![A-Z]\.)|[0-9]{1,3}\.[0-9]{1,3}[.\s]|§\s*[0-9]+|[⑴-⒇⒈-⒛Ⅰ-Ⅻ])"
)
"""Things that look like a label but are of no style polydiff knows: ``1)``, ``A.``."""
