"""PDF files: reading order, page furniture removed, lines broken at the width joined."""

from __future__ import annotations

import io

import pytest

from polydiff.errors import InputError
from polydiff.formats import extract
from polydiff.formats.pdf_layout import PAGE_NUMBER, Line, furniture, paragraphs
from polydiff.model import ClauseTree
from polydiff.parse.text import parse_text
from tests.formats.builders import TITLE, cjk_pdf, image_only_pdf


def test_two_page_pdf_gives_the_tree_of_the_plain_text(zh_text: str, zh_tree: ClauseTree) -> None:
    from pdfminer.high_level import extract_pages

    data = cjk_pdf(zh_text, header=TITLE)
    assert len(list(extract_pages(io.BytesIO(data)))) == 2
    out = extract(data, "gf-2025-11.pdf")
    assert out.format == "pdf"
    assert parse_text(out.text, "zh", "gf-2025-11").tree == zh_tree
    assert out.text.count(TITLE) == 1  # the running header went; the title stayed
    assert "— 1 —" not in out.text and "— 2 —" not in out.text
    assert out.warnings == (
        f"removed 4 running header/footer and page-number line(s): — N — / {TITLE}",
    )


def line(page: int, x0: float, x1: float, y: float, text: str, first: float = 10.0) -> Line:
    return Line(page, x0, x1, y, y + 10, text, first, 10.0)


def test_english_lines_join_with_a_space_and_short_lines_end_paragraphs() -> None:
    lines = [
        line(0, 72, 500, 700, "Accelerate the construction and application of", 30),
        line(0, 72, 300, 686, "large-scale scientific models.", 50),
        line(0, 72, 250, 672, "Strengthen the interdisciplinary role.", 60),
    ]
    assert paragraphs(lines) == [
        "Accelerate the construction and application of large-scale scientific models.",
        "Strengthen the interdisciplinary role.",
    ]


def test_indent_blank_line_and_centred_lines_start_paragraphs() -> None:
    lines = [
        line(0, 200, 400, 760, "标题居中"),
        line(0, 92, 500, 740, "一、首行缩进的段落写满了一行"),
        line(0, 72, 500, 726, "接续上一行"),
        line(0, 72, 500, 690, "空行之后的新段落"),
    ]
    assert paragraphs(lines) == [
        "标题居中",
        "一、首行缩进的段落写满了一行接续上一行",
        "空行之后的新段落",
    ]


def test_furniture_needs_repetition_at_the_same_height() -> None:
    pages = [
        [
            line(p, 200, 400, 800, "某省人民政府文件"),
            line(p, 72, 500, 700, f"正文第{p}页。"),
            line(p, 280, 320, 30, f"- {p + 1} -"),
        ]
        for p in range(3)
    ]
    pages[0].append(line(0, 200, 400, 780, "某省人民政府文件"))  # the same words lower down
    dropped = furniture(pages)
    assert {ln.text for ln in dropped} == {"某省人民政府文件", "- 1 -", "- 2 -", "- 3 -"}
    assert all(ln.y0 != 780 for ln in dropped)
    assert all(not ln.text.startswith("正文") for ln in dropped)


@pytest.mark.parametrize("text", ["— 12 —", "- 3 -", "7", "第 2 页 共 9 页", "3/10", "Page 4 of 5"])
def test_page_numbers(text: str) -> None:
    assert PAGE_NUMBER.match(text)


def test_image_only_pdf_suggests_ocr() -> None:
    with pytest.raises(InputError, match="has no text layer .* run OCR"):
        extract(image_only_pdf(), "scan.pdf")


def test_encrypted_pdf_needs_its_password() -> None:
    with pytest.raises(InputError, match="encrypted and needs a password"):
        extract(image_only_pdf(encrypt_with="secret"), "locked.pdf")


def test_truncated_pdf_is_refused(zh_text: str) -> None:
    data = cjk_pdf(zh_text, header=TITLE)
    with pytest.raises(InputError, match="not a readable PDF"):
        extract(data[:2000], "cut.pdf")
