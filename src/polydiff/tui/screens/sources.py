"""Where a text came from: paste (or open) a text, see its reused passages highlighted and
each source with its wording diff; ``enter`` opens the source clause."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static, TextArea

from polydiff.errors import PolydiffError
from polydiff.model.sources import PassageSources, SourceMatch, SourcesReport
from polydiff.report.markdown import markdown_to_html
from polydiff.report.sources_data import summary_text
from polydiff.report.sources_view import sources_markdown
from polydiff.service.sources import SourcesQuery, find_sources
from polydiff.tui.screens.base import PolydiffScreen
from polydiff.tui.screens.export import TextExport
from polydiff.tui.screens.lineage import spanned
from polydiff.tui.widgets.diffview import ops_text
from polydiff.tui.widgets.keybar import KeyBar
from polydiff.tui.widgets.tables import Cell, PickTable, fill

PROMPT = "paste or type a text here, then ctrl+r finds its sources in the corpus"


class SourcesScreen(TextExport, PolydiffScreen):
    """A text in hand against the whole corpus."""

    HELP = "Sources: where the passages of a pasted text came from."
    DEFAULT_CSS = """
    SourcesScreen #text { height: 8; }
    SourcesScreen #summary { height: auto; padding: 0 1; background: $boost; }
    SourcesScreen #found { height: 1; max-height: 40%; }
    SourcesScreen #match-pane { height: 1fr; padding: 0 1; border-top: solid $primary-darken-2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *PolydiffScreen.BINDINGS,
        Binding("ctrl+r", "find", "Find sources", priority=True),
        Binding("enter", "open_source", "Open source"),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.initial = text
        self.report: SourcesReport | None = None
        self.rows: list[tuple[PassageSources, SourceMatch]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        area = TextArea(self.initial, id="text", soft_wrap=True)
        area.border_title = PROMPT
        yield area
        yield Static(Text("no query yet", style="dim"), id="summary")
        yield PickTable(id="found", cursor_type="row")
        with VerticalScroll(id="match-pane"):
            yield Static("", id="match")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "sources of a text"
        self.query_one("#text", TextArea).focus()
        if self.initial.strip():
            self.action_find()

    def action_find(self) -> None:
        self.find(self.query_one("#text", TextArea).text)

    @work(exclusive=True, group="sources")
    async def find(self, text: str) -> None:
        summary = self.query_one("#summary", Static)
        if not text.strip():
            summary.update(Text("nothing to look for: paste a text first", style="italic"))
            return
        summary.update(Text("looking for the sources…", style="italic"))
        query = SourcesQuery(text, "pasted text")  # its language read off its characters
        try:
            report = await asyncio.to_thread(find_sources, self.data.repo, query)
        except PolydiffError as exc:
            summary.update(Text(str(exc), style="bold red"))
            self.notify(str(exc), severity="error")
            return
        self.report = report
        self.rows = [(p, m) for p in report.passages for m in p.sources]
        summary.update(Text(summary_text(report)))
        rows: list[tuple[str, list[Cell]]] = [
            (str(i), [p.path, m.ref, m.kind.value, f"{m.score:.2f}", m.date])
            for i, (p, m) in enumerate(self.rows)
        ]
        names = ("passage", "source", "kind", "score", "date")
        fill(self.query_one("#found", DataTable), [(n, n) for n in names], rows)
        if self.rows:
            self.query_one("#found", DataTable).focus()
        self.show_match()

    def selected(self) -> tuple[PassageSources, SourceMatch] | None:
        table = self.query_one("#found", DataTable)
        if not self.rows or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def show_match(self) -> None:
        pane = self.query_one("#match", Static)
        picked = self.selected()
        if picked is None:
            pane.update(Text("no reused passage found", style="italic") if self.report else "")
            return
        pane.update(match_view(*picked))

    @on(DataTable.RowHighlighted, "#found")
    def _highlighted(self) -> None:
        self.show_match()

    @on(DataTable.RowSelected, "#found")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if self.query_one("#found", PickTable).picked(event.cursor_row):
            self.action_open_source()

    def action_open_source(self) -> None:
        picked = self.selected()
        if picked is None or self.report is None:
            return
        _, match = picked
        self.papp.open_document(match.doc, match.path, None, self.report.lang)

    def export_name(self) -> str:
        return "sources"

    def export_text(self, fmt: str) -> str:
        if self.report is None:
            return ""
        md = sources_markdown(self.report)
        return md if fmt == "md" else markdown_to_html(md, "polydiff: sources of a text")


def match_view(passage: PassageSources, match: SourceMatch) -> RenderableType:
    """The passage with what this source explains highlighted, the source's wording diff
    and the clause in the document's other language."""
    head = Text()
    head.append(f"{passage.path} ← {match.ref}", style="bold")
    head.append(f"  {match.kind.value} {match.score:.2f}  {match.date}", style="dim")
    ranges = [(s.to_start, s.to_end) for s in match.spans]
    parts: list[RenderableType] = [
        head,
        Text(""),
        Text("the text", style="dim"),
        spanned(passage.text, ranges),
        Text(""),
        Text(f"{match.ref}: what changed", style="dim"),
        ops_text(match.ops),
    ]
    if match.other_text:
        parts += [Text(""), Text(f"{match.ref} ({match.other_lang})", style="dim")]
        parts.append(Text(match.other_text))
    return Group(*parts)
