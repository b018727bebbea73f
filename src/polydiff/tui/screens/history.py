"""A document's (or one clause's) git revisions, and the diff between any two of them."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from polydiff.errors import PolydiffError
from polydiff.report.markdown import markdown_table, markdown_to_html
from polydiff.service.history import RevisionRow, revision_rows
from polydiff.tui.screens.base import PolydiffScreen
from polydiff.tui.screens.export import TextExport
from polydiff.tui.widgets.busy import Busy
from polydiff.tui.widgets.keybar import KeyBar
from polydiff.tui.widgets.tables import Cell, PickTable, fill


class HistoryScreen(TextExport, PolydiffScreen):
    """Revisions of a document or clause; ``space`` marks one, ``enter`` compares."""

    HELP = "History: git revisions of a document or clause, and the diff between two."
    DEFAULT_CSS = """
    HistoryScreen #caption { height: auto; padding: 0 1; background: $boost; }
    HistoryScreen #revisions { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *PolydiffScreen.BINDINGS,
        Binding("space", "mark", "Mark"),
        Binding("enter", "diff", "Diff"),
        Binding("d", "diff", "Diff", show=False),
    ]

    def __init__(self, doc: str, path: str | None = None) -> None:
        super().__init__()
        self.doc, self.clause_path = doc, path
        self.entries: list[RevisionRow] = []
        self.marked: int | None = None

    @property
    def what(self) -> str:
        return f"{self.doc}#{self.clause_path}" if self.clause_path else self.doc

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(f"history of {self.what}", style="bold"), id="caption")
        yield Busy(f"reading the git history of {self.what}…", id="busy")
        yield PickTable(id="revisions", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = f"history of {self.what}"
        self.load()

    @work(exclusive=True, group="history")
    async def load(self) -> None:
        try:
            self.entries = await asyncio.to_thread(
                revision_rows, self.data.repo, self.doc, self.clause_path
            )
        except PolydiffError as exc:
            self.query_one("#caption", Static).update(Text(str(exc), style="bold red"))
            self.notify(str(exc), severity="error")
            return
        finally:
            await self.query("#busy").remove()
        self.refresh_table()
        self.query_one("#revisions", DataTable).focus()

    def refresh_table(self) -> None:
        table = self.query_one("#revisions", DataTable)
        row = table.cursor_row
        names = (
            ("mark", "date", "commit", "change", "path", "message")
            if self.clause_path
            else ("mark", "date", "commit", "message")
        )
        rows: list[tuple[str, list[Cell]]] = []
        for i, e in enumerate(self.entries):
            cells: list[Cell] = [Text("●", style="bold") if i == self.marked else "", e.date]
            cells.append(e.short)
            if self.clause_path:
                cells += [e.change or "", e.path or ""]
            rows.append((str(i), [*cells, e.message]))
        fill(table, [(n, "" if n == "mark" else n) for n in names], rows, {"mark": 1})
        table.styles.height = "1fr"
        if self.entries:
            table.move_cursor(row=min(row, len(self.entries) - 1), animate=False)
        if not self.entries:
            self.query_one("#caption", Static).update(
                Text(f"{self.what} has no committed revisions (commit it first)", "bold")
            )
            return
        caption = Text(f"history of {self.what}: {len(self.entries)} revision(s)", "bold")
        caption.append(
            "\nspace marks a revision; enter compares it with the highlighted one "
            "(or the highlighted one with the revision before it)",
            style="dim",
        )
        self.query_one("#caption", Static).update(caption)

    @on(DataTable.RowSelected, "#revisions")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if self.query_one("#revisions", PickTable).picked(event.cursor_row):
            self.action_diff()

    def action_mark(self) -> None:
        row = self.query_one("#revisions", DataTable).cursor_row
        if self.entries:
            self.marked = None if self.marked == row else row
            self.refresh_table()

    def spec(self, e: RevisionRow) -> str:
        return f"{self.doc}@{e.rev[:12]}" if e.rev else self.doc

    def action_diff(self) -> None:
        if not self.entries:
            return
        row = self.query_one("#revisions", DataTable).cursor_row
        if self.marked is not None and self.marked != row:
            new, old = sorted((row, self.marked))
        elif row + 1 < len(self.entries):
            new, old = row, row + 1
        else:
            self.notify(
                "the earliest revision: nothing before it to compare with "
                "(mark another revision with space)",
                severity="warning",
            )
            return
        path = self.entries[new].path or self.clause_path
        self.papp.open_compare(self.spec(self.entries[old]), self.spec(self.entries[new]), path)

    # --- export -------------------------------------------------------------------------

    def export_name(self) -> str:
        return f"history-{self.what.replace('#', '-')}"

    def export_text(self, fmt: str) -> str:
        lines = [f"### History of `{self.what}`", ""]
        lines += markdown_table(
            ["date", "commit", "author", "change", "path", "message"],
            [
                [e.date, e.short, e.author, e.change or "", e.path or "", e.message]
                for e in self.entries
            ],
        )
        md = "\n".join(lines) + "\n"
        return md if fmt == "md" else markdown_to_html(md, f"polydiff: history of {self.what}")
