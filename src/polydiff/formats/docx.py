"""Word files (.docx) by python-docx: paragraphs and tables in document order, automatic
numbering rendered into the label it shows (一、, （一）, 1. survive), table rows as lines."""

from __future__ import annotations

import io

from polydiff.errors import InputError
from polydiff.extras import require
from polydiff.formats.model import Extracted
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:  # Word's numbering rules load with the first Word file
    from typing import Any

    from polydiff.formats.docx_numbering import Numbering

NAME = "docx"
EXTENSIONS = (".docx",)
NEEDS = {"docx": "python-docx"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ZIP_MAGIC = b"PK\x03\x04"


def sniff(data: bytes) -> bool:
    """A ZIP archive holding ``word/`` parts (their names are plain in the local headers)."""
    return data.startswith(ZIP_MAGIC) and b"word/" in data


def extract(data: bytes, name: str, encoding: str | None) -> Extracted:
    """Body paragraphs (labels of automatic numbering included) and table rows, one per
    line; headers, footers and comments are not part of the text."""
    require("DOCX import", NEEDS)
    import zipfile  # with the first archive: sniffing needs only the magic bytes

    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{name}: not a readable DOCX (corrupt archive: {exc})") from None
    from polydiff.formats.docx_numbering import Numbering

    numbering = Numbering(_numbering_element(document))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_rows(block))
        else:
            text = _numbered_text(block, numbering)
            lines.extend(part.strip() for part in text.split("\n") if part.strip())
    if not lines:
        raise InputError(f"{name}: the Word document has no text")
    warnings = []
    if (
        document.element.body.find(f".//{_W}ins") is not None
        or document.element.body.find(f".//{_W}del") is not None
    ):
        warnings.append(
            "has tracked changes: their inserted text is left out; "
            "accept or reject the changes in Word first"
        )
    warnings += [
        f"numbering format {fmt!r} shown as decimal" for fmt in sorted(numbering.unsupported)
    ]
    return Extracted("\n\n".join(lines) + "\n", NAME, "", warnings=tuple(warnings))


def _numbering_element(document: Any) -> Any | None:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """The (numId, ilvl) of a paragraph: its own, else its style's (through ``basedOn``)."""
    ppr = paragraph._p.pPr
    num_pr = None if ppr is None else ppr.numPr
    style = paragraph.style
    while num_pr is None and style is not None:
        sppr = style.element.pPr
        num_pr = None if sppr is None else sppr.numPr
        style = style.base_style
    if num_pr is None or num_pr.numId is None:
        return None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return str(num_pr.numId.val), int(ilvl)


def _numbered_text(paragraph: Any, numbering: Numbering) -> str:
    text = str(paragraph.text).replace("\t", " ")
    ref = _num_pr(paragraph)
    if ref is None:
        return text
    label = numbering.label(*ref)  # an empty numbered paragraph still takes its number
    return label + text.lstrip() if text.strip() else ""


def _table_rows(table: Any) -> list[str]:
    """Each row as one line, its cells (merged cells once) two spaces apart."""
    rows = []
    for row in table.rows:
        cells: list[Any] = []
        for cell in row.cells:
            if not cells or cell._tc is not cells[-1]._tc:
                cells.append(cell)
        texts = [" ".join(c.text.split()) for c in cells]
        line = "  ".join(t for t in texts if t)
        if line:
            rows.append(line)
    return rows
