"""Telling formats apart by content, and refusing what polydiff does not read."""

from __future__ import annotations

import io
import zipfile

import pytest

from polydiff.errors import InputError
from polydiff.formats import FORMATS, detect, extract
from polydiff.formats.refused import OLE_MAGIC
from tests.formats.builders import GOVCN_META, TITLE, cjk_pdf, govcn_page, numbered_docx


@pytest.fixture(scope="module")
def samples(zh_text: str) -> dict[str, bytes]:
    return {
        "html": govcn_page(zh_text, GOVCN_META),
        "docx": numbered_docx(zh_text),
        "pdf": cjk_pdf(zh_text, header=TITLE),
        "text": zh_text.encode(),
    }


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf", "text"])
def test_content_decides_whatever_the_name(samples: dict[str, bytes], fmt: str) -> None:
    for name in ("download", "content.asp", "x.bin"):
        assert detect(samples[fmt], name).name == fmt
        assert extract(samples[fmt], name).format == fmt


@pytest.mark.parametrize(
    ("fmt", "name", "message"),
    [
        ("html", "opinions.pdf", "looks like HTML, not PDF as its name says; rename it to .html"),
        ("pdf", "opinions.docx", "looks like PDF, not DOCX as its name says"),
        ("docx", "opinions.txt", "looks like DOCX, not plain text as its name says"),
        ("text", "opinions.html", "looks like plain text, not HTML as its name says"),
        ("html", "opinions.doc", "looks like HTML, not old binary Word (.doc) as its name says"),
    ],
)
def test_a_name_that_lies_is_refused(
    samples: dict[str, bytes], fmt: str, name: str, message: str
) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        extract(samples[fmt], name)


def test_binary_named_pdf_is_neither() -> None:
    with pytest.raises(InputError, match=r"x.pdf: not PDF as its name says, nor text"):
        extract(b"\x00\x01\x02garbage", "x.pdf")


def test_old_binary_word_says_convert() -> None:
    with pytest.raises(InputError, match=r"old binary Word.*convert it to \.docx"):
        extract(OLE_MAGIC + bytes(504), "opinions.doc")
    with pytest.raises(InputError, match="old binary Word"):
        extract(OLE_MAGIC + bytes(504), "renamed.docx")  # what it is, not what it claims


def zip_of(names: list[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n in names:
            z.writestr(n, "x")
    return out.getvalue()


def test_other_archives_are_named() -> None:
    with pytest.raises(InputError, match="an Excel workbook"):
        extract(zip_of(["[Content_Types].xml", "xl/workbook.xml"]), "book.xlsx")
    with pytest.raises(InputError, match="a ZIP archive, not a document"):
        extract(zip_of(["a.txt"]), "a.zip")
    with pytest.raises(InputError, match="a corrupt ZIP archive"):
        extract(zip_of(["a.txt"])[:30], "a.zip")


def test_encoding_only_for_text_and_pages(samples: dict[str, bytes]) -> None:
    with pytest.raises(InputError, match="--encoding applies to text and web pages, not DOCX"):
        extract(samples["docx"], "o.docx", "gb18030")


def test_every_row_is_named_and_unique() -> None:
    names = [f.name for f in FORMATS]
    assert len(set(names)) == len(names) and names[-1] == "text"  # text is the fallback
    exts = [e for f in FORMATS for e in f.extensions]
    assert len(set(exts)) == len(exts)


def test_plain_text_loads_no_extractor_library() -> None:
    """Detection and text extraction import none of lxml, python-docx, pdfminer."""
    import subprocess
    import sys

    code = (
        "import sys; from polydiff.formats import extract; "
        "extract('一、总则。\\n'.encode(), 'a.txt'); "
        "print(sorted(m for m in ('lxml', 'docx', 'pdfminer', 'readability', 'openpyxl') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
