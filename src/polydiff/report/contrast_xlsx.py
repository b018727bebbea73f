"""The 新旧对照表 as an Excel workbook (openpyxl) for analysts who sort and filter: one row
per link with its paths, kind, flags and similarity in columns of their own, the two texts
with the same marks as the Word table (rich text), and a sheet of the documents."""

from __future__ import annotations

import io
from typing import Any

from polydiff.extras import require
from polydiff.model.comparison import Comparison
from polydiff.report.contrast import HEADINGS, TITLE, Segments, Side, rows, summary
from polydiff.report.contrast_docx import RED

NEEDS = ("--format xlsx", {"openpyxl": "openpyxl"})
"""What writing it needs (checked before the comparison is made)."""
COLUMNS = (
    ("A", 12),
    ("B", 12),
    ("kind", 11),
    ("moved", 8),
    ("renumbered", 12),
    ("similarity", 11),
    (HEADINGS[0], 60),
    (HEADINGS[1], 60),
    (HEADINGS[2], 36),
)


def comparison_xlsx(
    cmp: Comparison, a: Side, b: Side, show_all: bool = False, context: int | None = None
) -> bytes:
    """The workbook's bytes (nothing is written here)."""
    require(NEEDS[0], NEEDS[1])
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = TITLE
    sheet.append([name for name, _ in COLUMNS])
    for k, (_, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + k)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows(cmp, show_all, context):
        link = row.link
        sheet.append(
            [
                ", ".join(link.a),
                ", ".join(link.b),
                link.kind.value,
                link.moved,
                link.renumbered,
                link.similarity,
                _rich(row.earlier),
                _rich(row.later),
                row.note,
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _documents_sheet(book.create_sheet("documents"), cmp, a, b)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rich(segments: Segments) -> Any:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    parts: list[Any] = []
    for op, text in segments:
        if op == "-":
            parts.append(TextBlock(InlineFont(strike=True, color=RED), text))
        elif op == "+":
            parts.append(TextBlock(InlineFont(u="single"), text))
        elif text:
            parts.append(text)
    return CellRichText(parts) if parts else ""


def _documents_sheet(sheet: Any, cmp: Comparison, a: Side, b: Side) -> None:
    from openpyxl.styles import Font

    sheet.append(["", "A", "B"])
    for (label, va), (_, vb) in zip(a.facts(), b.facts(), strict=True):
        sheet.append([label, va, vb])
    sheet.append(["summary", summary(cmp), cmp.lang])
    for cell in (*sheet[1], *sheet["A"]):
        cell.font = Font(bold=True)
    for col, width in (("A", 18), ("B", 60), ("C", 60)):
        sheet.column_dimensions[col].width = width
