"""Web pages: the body of a gov.cn policy page, its metadata table, its charset."""

from __future__ import annotations

import pytest

from polydiff.errors import InputError, UsageError
from polydiff.formats import extract
from polydiff.formats.charset import decode_page
from polydiff.formats.govcn import iso_date
from polydiff.model import ClauseTree
from polydiff.parse.text import parse_text
from tests.formats.builders import (
    GOVCN_FOOTER,
    GOVCN_META,
    GOVCN_NAV,
    TITLE,
    govcn_page,
    paragraphs,
)

NOISE = ("首页", "当前位置", "索引号", "我要打印", "相关稿件", "主办单位", "京ICP备", "_trackData")


@pytest.mark.parametrize(
    ("charset", "breaks"),
    [("utf-8", False), ("gb2312", True), ("gbk", False)],
    ids=["utf8-paragraphs", "gb2312-br", "gbk-paragraphs"],
)
def test_govcn_page_gives_the_tree_of_the_plain_text(
    zh_text: str, zh_tree: ClauseTree, charset: str, breaks: bool
) -> None:
    page = govcn_page(zh_text, GOVCN_META, charset, breaks)
    out = extract(page, "content_7037861.htm")
    assert out.format == "html"
    assert out.encoding == ("utf-8" if charset == "utf-8" else "gb18030")
    assert parse_text(out.text, "zh", "gf-2025-11").tree == zh_tree
    assert out.text.split("\n\n")[:3] == paragraphs(zh_text)[:3]  # indentation gone
    assert not [w for w in NOISE if w in out.text]


def test_metadata_table_is_read(zh_text: str) -> None:
    found = extract(govcn_page(zh_text, GOVCN_META), "p.html").found
    assert (found.title, found.number, found.issuer) == (TITLE, "国发〔2025〕11号", "国务院")
    assert (found.date, found.published) == ("2025-08-21", "2025-08-26")
    assert dict(found.fields) == GOVCN_META  # labels without their padding, values verbatim


def test_page_without_the_table_has_no_metadata(zh_text: str) -> None:
    body = "".join(f"<p>\u3000\u3000{p}</p>" for p in paragraphs(zh_text))
    page = f"<html><body>{GOVCN_NAV}<div>{body}</div>{GOVCN_FOOTER}</body></html>"
    out = extract(page.encode(), "p.html")
    assert not out.found and out.found.number == ""
    assert out.text.startswith(TITLE + "\n\n")


def test_no_break_spaces_inside_a_paragraph_are_kept() -> None:
    page = (
        "<html><body><p>　　一、总则</p><p>　　第一项\xa0\xa0内容。此处\n  换行。</p></body></html>"
    )
    assert extract(page.encode(), "p.html").text == "一、总则\n\n第一项\xa0\xa0内容。此处 换行。\n"


def test_page_with_no_main_text_is_refused() -> None:
    page = f"<!DOCTYPE html><html><body>{GOVCN_NAV}{GOVCN_FOOTER}</body></html>".encode()
    with pytest.raises(InputError, match="no main text found"):
        extract(page, "list.html")


@pytest.mark.parametrize(
    ("given", "declared", "expected"),
    [(None, "gb2312", "gb18030"), (None, "GBK", "gb18030"), ("utf-8", "gb2312", "utf-8")],
)
def test_charset(given: str | None, declared: str, expected: str) -> None:
    data = f'<html><head><meta charset="{declared}"></head><body>中文</body></html>'
    encoded = data.encode("utf-8" if expected == "utf-8" else "gbk")
    text, codec = decode_page(encoded, "p.html", given)
    assert codec == expected and "中文" in text


def test_undecodable_page_and_unknown_charset() -> None:
    with pytest.raises(InputError, match="not valid utf-8"):
        decode_page("<html><body>中文</body></html>".encode("gbk"), "p.html", None)
    with pytest.raises(InputError, match="'klingon' is not an encoding"):
        decode_page(b'<html><meta charset="klingon"></html>', "p.html", None)


def test_dates() -> None:
    assert iso_date("2025年8月1日") == "2025-08-01"
    assert iso_date("2025-08-21") == "2025-08-21"
    assert iso_date("2025年13月1日") == "" and iso_date("未知") == ""


def test_missing_library_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        "polydiff.extras.find_spec",
        lambda name: None if name == "readability" else real(name),
    )
    with pytest.raises(UsageError) as err:
        extract(b"<html><body><p>x</p></body></html>", "p.html")
    assert str(err.value) == "HTML import needs readability-lxml: pip install 'polydiff[formats]'"
