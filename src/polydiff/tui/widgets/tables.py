"""Filling a DataTable with column widths measured up front.

DataTable measures auto-width columns on its next idle; a screen drawn before that (a
screenshot, a slow terminal) shows the header at the wrong widths for a moment. Measuring
here makes every frame the same."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from time import monotonic

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

Cell = str | Text


def width_of(cell: Cell) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)


def fill(
    table: DataTable[Cell],
    columns: Sequence[tuple[str, str]],
    rows: Sequence[tuple[str, Sequence[Cell]]],
    widths: Mapping[str, int] | None = None,
) -> None:
    """Replace columns ``(key, label)`` and rows ``(key, cells)``; widths fit the content
    unless given in ``widths``."""
    table.clear(columns=True)
    fixed = widths or {}
    for i, (key, label) in enumerate(columns):
        width = fixed.get(key)
        if width is None:
            width = max([cell_len(label), *(width_of(cells[i]) for _, cells in rows)])
        table.add_column(label, key=key, width=width)
    for key, cells in rows:
        table.add_row(*cells, key=key)
    table.styles.height = len(rows) + int(table.show_header)


class PickTable(DataTable[Cell]):
    """A DataTable where a click highlights a row and a second click on it (or enter)
    picks it: clicking through a list to look at rows never leaves the screen."""

    CLICK = 1.0
    """Seconds within which a RowSelected follows the mouse press that caused it."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._row_before_click: int | None = None
        self._clicked_at = 0.0

    def on_mouse_down(self) -> None:
        self._row_before_click, self._clicked_at = self.cursor_row, monotonic()

    def picked(self, row: int) -> bool:
        """Whether a RowSelected for ``row`` means "open it" (enter, or a repeated click)."""
        before, self._row_before_click = self._row_before_click, None
        if before is None or monotonic() - self._clicked_at > self.CLICK:
            return True  # the keyboard
        return before == row
