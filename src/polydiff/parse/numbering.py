"""Clause labels: recognising them at the start of a paragraph and reading their number.

A *style* is a family of labels (一、 二、 … is one style, （一）（二）… another). The parser
decides nesting from styles, and the path segment of a clause is the number its label
carries, whatever the numeral system.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from polydiff.model import ClauseKind

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_UNITS = {"十": 10, "百": 100}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
]  # fmt: skip
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

ZH_NUM = "[一二三四五六七八九十百零〇两]+"


def zh_to_int(s: str) -> int:
    """Chinese numerals up to the hundreds: 一 → 1, 十四 → 14, 二十一 → 21, 一百零二 → 102."""
    total, current = 0, 0
    for ch in s:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + current


def roman_to_int(s: str) -> int:
    """Roman numerals: XIV → 14."""
    values = [_ROMAN[c] for c in s.upper()]
    total = 0
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and v < values[i + 1] else v
    return total


class Style(StrEnum):
    """Families of clause labels."""

    ZH_CHAPTER = "第一章"
    ZH_ARTICLE = "第一条"
    ZH_PART = "一、"
    ZH_SECTION = "（一）"
    ARABIC_ITEM = "1."
    PAREN_ARABIC = "（1）"
    CIRCLED = "①"
    ZH_ENUM = "一是"
    EN_CHAPTER = "Chapter I"
    EN_ARTICLE = "Article 1"
    ROMAN_PART = "I."
    PAREN_ROMAN = "(I)"
    PAREN_LETTER = "(a)"
    EN_ENUM = "First,"
    HEADING = "heading"
    """An unnumbered essay heading; not a label, but it nests like one."""


KIND_OF_STYLE: dict[Style, ClauseKind] = {
    Style.ZH_CHAPTER: ClauseKind.CHAPTER,
    Style.EN_CHAPTER: ClauseKind.CHAPTER,
    Style.ZH_ARTICLE: ClauseKind.ARTICLE,
    Style.EN_ARTICLE: ClauseKind.ARTICLE,
    Style.ZH_PART: ClauseKind.PART,
    Style.ROMAN_PART: ClauseKind.PART,
    Style.ZH_SECTION: ClauseKind.SECTION,
    Style.PAREN_ROMAN: ClauseKind.SECTION,
    Style.ARABIC_ITEM: ClauseKind.ITEM,
    Style.PAREN_ARABIC: ClauseKind.SUBITEM,
    Style.CIRCLED: ClauseKind.SUBITEM,
    Style.PAREN_LETTER: ClauseKind.SUBITEM,
    Style.ZH_ENUM: ClauseKind.ENUMERATION,
    Style.EN_ENUM: ClauseKind.ENUMERATION,
    Style.HEADING: ClauseKind.HEADING,
}

RANK: dict[Style, int] = {
    Style.ZH_CHAPTER: 0,
    Style.EN_CHAPTER: 0,
    Style.ZH_ARTICLE: 1,
    Style.EN_ARTICLE: 1,
    Style.ZH_PART: 2,
    Style.ROMAN_PART: 2,
    Style.ZH_SECTION: 3,
    Style.PAREN_ROMAN: 3,
    Style.ARABIC_ITEM: 4,
    Style.PAREN_ARABIC: 5,
    Style.PAREN_LETTER: 5,
    Style.CIRCLED: 6,
}
"""Conventional nesting order (outer first). Styles without a rank (enumerations,
unnumbered headings) nest under whatever is open when they first appear."""


@dataclass(frozen=True, slots=True)
class Label:
    """A label found at the start of a paragraph."""

    style: Style
    number: int
    text: str
    """The label exactly as written, e.g. ``（七）`` or ``1.``."""
    rest: str
    """The paragraph after the label, leading space removed."""


_OPEN = r"[（(]"
_CLOSE = r"[）)]"
_PATTERNS: list[tuple[Style, re.Pattern[str]]] = [
    (Style.ZH_CHAPTER, re.compile(rf"^(第({ZH_NUM})章)[ \u3000]*")),
    (Style.ZH_ARTICLE, re.compile(rf"^(第({ZH_NUM})条)[ \u3000]*")),
    (Style.ZH_PART, re.compile(rf"^(({ZH_NUM})、)\s*")),
    (Style.ZH_SECTION, re.compile(rf"^({_OPEN}({ZH_NUM}){_CLOSE})\s*")),
    (Style.PAREN_ARABIC, re.compile(rf"^({_OPEN}([0-9０-９]{{1,3}}){_CLOSE})\s*")),
    (Style.ARABIC_ITEM, re.compile(r"^(([0-9０-９]{1,3})(?:[.．、](?![0-9０-９])|\.(?=\s)))\s*")),
    (Style.CIRCLED, re.compile(rf"^(([{_CIRCLED}]))\s*")),
    (
        Style.ZH_ENUM,
        re.compile(
            r"^(([一二三四五六七八九十]{1,2})是)(?![一二三四五六七八九十])(?=[\u4e00-\u9fff“\"《])"
        ),
    ),
    (Style.EN_CHAPTER, re.compile(r"^(Chapter ([IVXLC]+|[0-9]{1,3})\b\.?)\s*")),
    (Style.EN_ARTICLE, re.compile(r"^(Article ([0-9]{1,3})\b\.?)\s*")),
    (Style.ROMAN_PART, re.compile(r"^(([IVXLC]{1,6})\.)\s+")),
    (Style.PAREN_ROMAN, re.compile(r"^(\(([IVXLC]{1,6})\))\s*")),
    (Style.PAREN_LETTER, re.compile(r"^(\(([a-h])\))\s+")),
    (Style.EN_ENUM, re.compile(rf"^(({'|'.join(_ORDINALS)})(?:ly)?,)\s*", re.IGNORECASE)),
]

LABEL_LIKE = re.compile(
    r"^(?:[（(\[]?(?:[0-9]{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3}|[ivx]{1,4})[）)\]]|"
    r"[A-Z][.．]\s|[0-9]{1,3}\.[0-9]{1,3}[.\s]|§\s*[0-9]+|[⑴-⒇⒈-⒛Ⅰ-Ⅻ])"
)
"""Things that look like a label but are of no style polydiff knows: ``1)``, ``A.``, ``§3``."""


def _to_int(style: Style, numeral: str) -> int:
    numeral = numeral.translate({cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)})
    if style in (
        Style.ZH_CHAPTER,
        Style.ZH_ARTICLE,
        Style.ZH_PART,
        Style.ZH_SECTION,
        Style.ZH_ENUM,
    ):
        return zh_to_int(numeral)
    if style in (Style.ROMAN_PART, Style.PAREN_ROMAN):
        return roman_to_int(numeral)
    if style is Style.EN_CHAPTER:
        return int(numeral) if numeral.isdigit() else roman_to_int(numeral)
    if style is Style.CIRCLED:
        return _CIRCLED.index(numeral) + 1
    if style is Style.PAREN_LETTER:
        return ord(numeral) - ord("a") + 1
    if style is Style.EN_ENUM:
        return _ORDINALS.index(numeral.lower()) + 1
    return int(numeral)


def match_label(paragraph: str) -> Label | None:
    """The label at the start of ``paragraph``, if it has one of the known styles."""
    for style, pattern in _PATTERNS:
        m = pattern.match(paragraph)
        if m:
            number = _to_int(style, m.group(2))
            if number <= 0:
                return None
            return Label(style, number, m.group(1), paragraph[m.end() :])
    return None


def numeral_for(style: Style, number: int) -> str:
    """How a number looks in a style (for messages): (ZH_SECTION, 7) → ``（七）``."""
    digits = "零一二三四五六七八九"
    if number < 10:
        zh = digits[number]
    elif number < 20:
        zh = "十" + (digits[number % 10] if number % 10 else "")
    else:
        zh = digits[number // 10] + "十" + (digits[number % 10] if number % 10 else "")
    return {
        Style.ZH_PART: f"{zh}、",
        Style.ZH_SECTION: f"（{zh}）",
        Style.ZH_ENUM: f"{zh}是",
        Style.ZH_CHAPTER: f"第{zh}章",
        Style.ZH_ARTICLE: f"第{zh}条",
        Style.PAREN_ARABIC: f"（{number}）",
        Style.ARABIC_ITEM: f"{number}.",
        Style.CIRCLED: _CIRCLED[number - 1] if number <= 20 else f"({number})",
        Style.PAREN_LETTER: f"({chr(ord('a') + number - 1)})",
        Style.EN_ENUM: (_ORDINALS[number - 1].title() + ",") if number <= 15 else f"#{number}",
        Style.ROMAN_PART: f"{int_to_roman(number)}.",
        Style.PAREN_ROMAN: f"({int_to_roman(number)})",
        Style.EN_CHAPTER: f"Chapter {number}",
        Style.EN_ARTICLE: f"Article {number}",
    }.get(style, str(number))


def int_to_roman(n: int) -> str:
    """14 → XIV."""
    out = []
    for value, sym in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)
