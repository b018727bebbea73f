"""Word files: paragraphs in order, automatic numbering rendered, tables as rows."""

from __future__ import annotations

import io

import pytest

from polydiff.errors import InputError
from polydiff.formats import extract
from polydiff.formats.docx_numbering import Numbering
from polydiff.formats.numfmt import chinese, format_number
from polydiff.model import ClauseTree
from polydiff.parse.text import parse_text
from tests.formats.builders import numbered_docx


def test_numbered_docx_gives_the_tree_of_the_plain_text(zh_text: str, zh_tree: ClauseTree) -> None:
    data = numbered_docx(zh_text)
    assert "（一）".encode() not in data and "(一)".encode() not in data  # Word numbers them
    out = extract(data, "opinions.docx")
    assert out.format == "docx" and out.warnings == ()
    assert parse_text(out.text, "zh", "gf-2025-11").tree == zh_tree


def test_sections_keep_counting_across_parts_and_items_restart(zh_text: str) -> None:
    text = extract(numbered_docx(zh_text), "o.docx").text
    lines = text.split("\n\n")
    assert "三、强化基础支撑能力" in lines
    after = lines[lines.index("三、强化基础支撑能力") + 1]
    assert after.startswith("(七)")  # lvlRestart 0: (七) follows (六) of part 二
    assert lines[lines.index(next(x for x in lines if x.startswith("(二)"))) + 1].startswith("1.")


def test_tables_are_rows_of_text(zh_text: str) -> None:
    rows = [("序号", "重点任务", "牵头单位"), ("1", "“人工智能+”科学技术", "科技部")]
    text = extract(numbered_docx("一、总体要求\n加快发展。\n", rows), "t.docx").text
    assert text.endswith("序号  重点任务  牵头单位\n\n1  “人工智能+”科学技术  科技部\n")


def numbering_xml(body: str) -> object:
    from lxml import etree

    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return etree.fromstring(f'<w:numbering xmlns:w="{ns}">{body}</w:numbering>')


def test_start_override_restarts_a_list_and_other_lists_continue() -> None:
    lvl = '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    xml = numbering_xml(
        f'<w:abstractNum w:abstractNumId="1">{lvl}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    n = Numbering(xml)
    got = [n.label(num, 0) for num in ("1", "1", "2", "3", "3", "9")]
    assert got == ["3. ", "4. ", "5. ", "1. ", "2. ", ""]  # suffix: Word's default tab


def test_unknown_number_format_is_decimal_and_reported() -> None:
    xml = numbering_xml(
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="hebrew1"/>'
        '<w:lvlText w:val="%1)"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    n = Numbering(xml)
    assert n.label("1", 0) == "1)" and n.unsupported == {"hebrew1"}


@pytest.mark.parametrize(
    ("fmt", "n", "shown"),
    [
        ("chineseCounting", 14, "十四"),
        ("chineseCounting", 20, "二十"),
        ("chineseCountingThousand", 105, "一百零五"),
        ("chineseLegalSimplified", 12, "壹拾贰"),
        ("ideographTraditional", 3, "丙"),
        ("decimalEnclosedCircle", 2, "②"),
        ("upperRoman", 14, "XIV"),
        ("lowerLetter", 28, "bb"),
        ("decimalFullWidth", 12, "１２"),
    ],
)
def test_number_formats(fmt: str, n: int, shown: str) -> None:
    assert format_number(fmt, n) == shown


def test_chinese_numerals() -> None:
    assert [chinese(n) for n in (1, 10, 11, 99, 110, 1010)] == [
        "一",
        "十",
        "十一",
        "九十九",
        "一百一十",
        "一千零一十",
    ]


def test_corrupt_docx_is_refused(zh_text: str) -> None:
    data = numbered_docx(zh_text)
    with pytest.raises(InputError, match="not a readable DOCX"):
        extract(data[: len(data) // 2], "o.docx")


def test_empty_docx_is_refused() -> None:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(InputError, match="has no text"):
        extract(out.getvalue(), "empty.docx")
