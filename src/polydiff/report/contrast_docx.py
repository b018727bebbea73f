"""The 新旧对照表 as a Word document (python-docx): a title, the two documents' metadata, a
summary and the three-column table; deletions struck through in red in the earlier
column, insertions underlined in the later one; the heading row repeats on every page."""

from __future__ import annotations

import io
from typing import Any

from polydiff.extras import require
from polydiff.model.comparison import Comparison
from polydiff.report.contrast import HEADINGS, TITLE, Row, Segments, Side, rows, summary

NEEDS = ("--format docx", {"docx": "python-docx"})
"""What writing it needs (checked before the comparison is made)."""
RED = "C00000"
WIDTHS_CM = (10.2, 10.2, 4.2)
"""Earlier, later, note: the width of a landscape A4 page inside its margins."""
EAST_ASIAN_FONT = "宋体"


def comparison_docx(
    cmp: Comparison, a: Side, b: Side, show_all: bool = False, context: int | None = None
) -> bytes:
    """The document's bytes (nothing is written here)."""
    require(NEEDS[0], NEEDS[1])
    import docx
    from docx.enum.section import WD_ORIENT

    document = docx.Document()
    _east_asian(document.styles["Normal"], EAST_ASIAN_FONT)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading(f"{TITLE}  {a.name} → {b.name}", level=1)
    facts = _facts_table(document, a, b)
    document.add_paragraph(f"{summary(cmp)} ({cmp.lang})")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, HEADINGS, strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    _repeat_heading(table.rows[0])
    for row in rows(cmp, show_all, context):
        _add_row(table, row)
    _widths(table, WIDTHS_CM)
    _widths(facts, (WIDTHS_CM[2], WIDTHS_CM[0], WIDTHS_CM[1]))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _facts_table(document: Any, a: Side, b: Side) -> Any:
    facts = document.add_table(rows=0, cols=3)
    facts.style = "Table Grid"
    for (label, va), (_, vb) in zip(a.facts(), b.facts(), strict=True):
        if va or vb:
            cells = facts.add_row().cells
            cells[0].paragraphs[0].add_run(label).bold = True
            cells[1].text, cells[2].text = va, vb
    return facts


def _add_row(table: Any, row: Row) -> None:
    from docx.oxml.ns import qn

    added = table.add_row()
    trpr = added._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:cantSplit"), {}))  # a row never breaks across pages
    cells = added.cells
    _marked(cells[0].paragraphs[0], row.earlier)
    _marked(cells[1].paragraphs[0], row.later)
    cells[2].text = row.note


def _marked(paragraph: Any, segments: Segments) -> None:
    """Runs for the segments: deletions red and struck through, insertions underlined;
    line breaks inside a clause (heading, then text) kept."""
    from docx.shared import RGBColor

    for op, text in segments:
        for k, piece in enumerate(text.split("\n")):
            if k:
                paragraph.add_run().add_break()
            if not piece:
                continue
            run = paragraph.add_run(piece)
            if op == "-":
                run.font.strike = True
                run.font.color.rgb = RGBColor.from_string(RED)
            elif op == "+":
                run.font.underline = True


def _widths(table: Any, widths: tuple[float, ...]) -> None:
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _east_asian(style: Any, font: str) -> None:
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), font)


def _repeat_heading(row: Any) -> None:
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
