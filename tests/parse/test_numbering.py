"""Label recognition and numeral reading."""

from __future__ import annotations

import pytest

from polydiff.parse.numbering import Style, int_to_roman, match_label, roman_to_int, zh_to_int


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


@pytest.mark.parametrize(
    ("paragraph", "style", "number", "label", "rest"),
    [
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
    ],
)
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
    ],
)
def test_not_labels(paragraph: str) -> None:
    assert match_label(paragraph) is None
