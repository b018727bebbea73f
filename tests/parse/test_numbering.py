"""Label recognition and numeral reading."""

from __future__ import annotations

import pytest

from polydiff.parse.numbering import (
    SCHEMES,
    Style,
    int_to_roman,
    match_label,
    match_labels,
    numeral_for,
    roman_to_int,
    zh_to_int,
)
from polydiff.parse.numerals import int_to_zh


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("九", 9),
        ("十", 10),
        ("十一", 11),
        ("十四", 14),
        ("二十", 20),
        ("二十一", 21),
        ("九十九", 99),
        ("一百", 100),
        ("一百零二", 102),
        ("两", 2),
    ],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert zh_to_int(numeral) == value


@pytest.mark.parametrize("n", range(1, 60))
def test_roman_round_trip(n: int) -> None:
    assert roman_to_int(int_to_roman(n)) == n


LABEL_CASES = [
    ("一、总体要求", Style.ZH_PART, 1, "一、", "总体要求"),
    ("十四、附则", Style.ZH_PART, 14, "十四、", "附则"),
    ("（一）夯实发展基础。", Style.ZH_SECTION, 1, "（一）", "夯实发展基础。"),
    ("(十四)提升安全能力水平。", Style.ZH_SECTION, 14, "(十四)", "提升安全能力水平。"),
    ("1.加速科学发现进程。", Style.ARABIC_ITEM, 1, "1.", "加速科学发现进程。"),
    ("1．巩固网络基础。", Style.ARABIC_ITEM, 1, "1．", "巩固网络基础。"),
    ("12、加强管理。", Style.ARABIC_ITEM, 12, "12、", "加强管理。"),
    ("（1）加强组织。", Style.PAREN_ARABIC, 1, "（1）", "加强组织。"),
    ("(3) Item", Style.PAREN_ARABIC, 3, "(3)", "Item"),
    ("②推进试点。", Style.CIRCLED, 2, "②", "推进试点。"),
    ("三是打造新型基础设施体系", Style.ZH_ENUM, 3, "三是", "打造新型基础设施体系"),
    ("第三章 附则", Style.ZH_CHAPTER, 3, "第三章", "附则"),
    (
        "第十二条 本办法自发布之日起施行。",
        Style.ZH_ARTICLE,
        12,
        "第十二条",
        "本办法自发布之日起施行。",
    ),
    (
        "IV. Organization and Implementation",
        Style.ROMAN_PART,
        4,
        "IV.",
        "Organization and Implementation",
    ),
    (
        "(VII) Enhancing Basic Model Capabilities.",
        Style.PAREN_ROMAN,
        7,
        "(VII)",
        "Enhancing Basic Model Capabilities.",
    ),
    (
        "2. Promote more effective learning methods.",
        Style.ARABIC_ITEM,
        2,
        "2.",
        "Promote more effective learning methods.",
    ),
    ("(b) second", Style.PAREN_LETTER, 2, "(b)", "second"),
    (
        "Fifth, solidify the security foundation",
        Style.EN_ENUM,
        5,
        "Fifth,",
        "solidify the security foundation",
    ),
    ("Secondly, we will", Style.EN_ENUM, 2, "Secondly,", "we will"),
    ("Article 3 Scope", Style.EN_ARTICLE, 3, "Article 3", "Scope"),
    # the rows added for documents in the wild (issue 12)
    ("第一编　总则", Style.ZH_BIAN, 1, "第一编", "总则"),
    ("第二节　风险评估", Style.ZH_JIE, 2, "第二节", "风险评估"),
    ("第1条 本办法适用于测试。", Style.ZH_ARTICLE, 1, "第1条", "本办法适用于测试。"),
    ("第一千二百六十条 本法施行。", Style.ZH_ARTICLE, 1260, "第一千二百六十条", "本法施行。"),
    ("1.1 In this Agreement:", Style.DECIMAL, 1, "1.1", "In this Agreement:"),
    ("4.2.1. The Supplier shall", Style.DECIMAL, 1, "4.2.1.", "The Supplier shall"),
    ("4.2　技术要求", Style.DECIMAL, 2, "4.2", "技术要求"),
    ("(A) a State;", Style.PAREN_CAPITAL, 1, "(A)", "a State;"),
    ("(ii) permitting.", Style.PAREN_LOWER_ROMAN, 2, "(ii)", "permitting."),
    ("(z) last", Style.PAREN_LETTER, 26, "(z)", "last"),
    ("SEC. 3. GRANT PROGRAM.", Style.EN_SECTION, 3, "SEC. 3.", "GRANT PROGRAM."),
    ("SECTION 1. SHORT TITLE.", Style.EN_SECTION, 1, "SECTION 1.", "SHORT TITLE."),
    ("Section 2 General Rules", Style.EN_SECTION, 2, "Section 2", "General Rules"),
    ("§ 4. Scope", Style.EN_SECTION, 4, "§ 4.", "Scope"),
    ("Part II Definitions", Style.EN_PART, 2, "Part II", "Definitions"),
    ("CHAPTER 3", Style.EN_CHAPTER, 3, "CHAPTER 3", ""),
    ("ARTICLE IV DEFINITIONS", Style.EN_ARTICLE, 4, "ARTICLE IV", "DEFINITIONS"),
    ("Schedule 1 The Services", Style.SCHEDULE, 1, "Schedule 1", "The Services"),
    ("Annex II", Style.SCHEDULE, 2, "Annex II", ""),
    ("TITLE I—GENERAL PROVISIONS", Style.EN_TITLE, 1, "TITLE I—", "GENERAL PROVISIONS"),
    ("## Purpose", Style.MARKDOWN, 0, "##", "Purpose"),
    ("### 2. Scope", Style.ARABIC_ITEM, 2, "### 2.", "Scope"),
]


@pytest.mark.parametrize(("paragraph", "style", "number", "label", "rest"), LABEL_CASES)
def test_labels(paragraph: str, style: Style, number: int, label: str, rest: str) -> None:
    m = match_label(paragraph)
    assert m is not None
    assert (m.style, m.number, m.text, m.rest) == (style, number, label, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "2025年8月21日",
        "5G网络覆盖全国",
        "6.5%的增长",
        "一是一,二是二的说法",
        "一方面,由于",
        "International cooperation",
        "In 2027, we will",
        "1.5 million users",
        "Information (I)",
        "到2027年,率先实现",
        "十分重要",
        "第一,加强",
        "Chapterhouse",
        "I am",
        "Article 3 of the Law provides",
        "Chapter 2 sets out the rules",
        "Part of the funds",
        "Section 5 of this Act",
        "Schedules are attached",
        "2.0 版本",
        "#hashtag",
        "(hereinafter the Act)",
        "() empty",
    ],
)
def test_not_labels(paragraph: str) -> None:
    assert match_label(paragraph) is None


def test_every_scheme_of_the_table_has_a_test_above() -> None:
    tested = {case[1] for case in LABEL_CASES}
    assert {s.style for s in SCHEMES} <= tested


def test_two_readings_the_usual_first() -> None:
    assert [x.style for x in match_labels("(i) first")] == [
        Style.PAREN_LOWER_ROMAN,
        Style.PAREN_LETTER,
    ]
    assert [x.style for x in match_labels("(C) third")] == [
        Style.PAREN_ROMAN,
        Style.PAREN_CAPITAL,
    ]
    tentative = match_labels("1.5 million users")
    assert tentative and tentative[0].tentative  # a label only where it continues 1.4


@pytest.mark.parametrize(
    "n", [*range(1, 130), 1000, 1001, 1010, 1260, 9999, 10000, 10010, 20000, 12345]
)
def test_chinese_numerals_both_ways(n: int) -> None:
    assert zh_to_int(int_to_zh(n)) == n
    assert numeral_for(Style.ZH_ARTICLE, n) == f"第{int_to_zh(n)}条"


def test_chinese_numerals_as_written() -> None:
    assert [int_to_zh(n) for n in (10, 14, 20, 100, 102, 110, 1001, 10010)] == [
        "十", "十四", "二十", "一百", "一百零二", "一百一十", "一千零一", "一万零一十",
    ]  # fmt: skip


def test_zh_enumeration_needs_an_ideograph_or_quote_after_it() -> None:
    """一是 labels exactly where the reference expression (the class of ideographs in the
    lookahead) matches, for every character of the Basic Multilingual Plane after it."""
    import re

    reference = re.compile(
        r"^(([一二三四五六七八九十]{1,2})是)(?![一二三四五六七八九十])(?=[\u4e00-\u9fff“\"《])"
    )
    for code in range(0x20, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        for head in ("一是", "十二是"):
            para = f"{head}{chr(code)}加强统筹"
            got = any(x.style is Style.ZH_ENUM for x in match_labels(para))
            assert got == (reference.match(para) is not None), (head, hex(code))
