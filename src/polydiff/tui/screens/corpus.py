"""The first screen: every document of the corpus and the relations between them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Input, Label, Static

from polydiff.service.documents import DocSummary
from polydiff.service.notes import RelationRow
from polydiff.tui.screens.base import PolydiffScreen
from polydiff.tui.screens.export import TextExport
from polydiff.tui.widgets.keybar import KeyBar
from polydiff.tui.widgets.tables import Cell, PickTable, fill

SORTS: dict[str, tuple[str, Callable[[DocSummary, str], Any]]] = {
    "id": ("id", lambda r, lang: r.id),
    "title": ("title", lambda r, lang: r.title(lang)),
    "date": ("date", lambda r, lang: r.meta.date),
    "issuer": ("issuer", lambda r, lang: r.meta.issuer),
    "kind": ("kind", lambda r, lang: r.meta.kind),
    "lang": ("lang", lambda r, lang: r.meta.languages),
    "clauses": ("clauses", lambda r, lang: sum(r.clauses.values())),
    "text": ("text", lambda r, lang: r.meta.completeness.value),
}
"""Column key → (header, sort key)."""
WIDE = ("id", "date", "title", "issuer", "kind", "lang", "clauses", "text")
"""Every column, in the order shown."""
PRIORITY = ("id", "title", "date", "clauses", "lang", "text", "issuer", "kind")
"""Which columns a narrow terminal keeps first (the title always, with ``TITLE_MIN``)."""
FIXED = {"id": 14, "date": 10, "issuer": 14, "kind": 16, "lang": 5, "clauses": 7, "text": 8}
TITLE_MIN = 28
"""Cells the title keeps before another column is added (14 Chinese characters)."""
FRAME = 3 + 2
"""Cells of the table that no column uses (borders, the mark column)."""


def columns_for(width: int) -> tuple[str, ...]:
    """The columns that fit ``width`` cells: by :data:`PRIORITY`, the title keeping at
    least ``TITLE_MIN``; shown in :data:`WIDE`'s order."""
    chosen = {"id", "title"}
    used = FIXED["id"] + 2 + TITLE_MIN + 2 + FRAME
    for key in PRIORITY:
        if key in chosen:
            continue
        if used + FIXED[key] + 2 <= width:
            chosen.add(key)
            used += FIXED[key] + 2
    return tuple(k for k in WIDE if k in chosen)


def cell(row: DocSummary, key: str, lang: str) -> str:
    if key == "lang":
        return " ".join(row.meta.languages)
    if key == "clauses":
        return "/".join(str(n) for n in row.clauses.values())
    if key == "text":
        return row.meta.completeness.value
    return str(SORTS[key][1](row, lang))


def matches(data: Any, row: DocSummary, query: str) -> bool:
    """``query`` in the id, a title, number, issuer, kind, or any clause's text."""
    q = query.casefold().strip()
    if not q:
        return True
    meta = row.meta
    fields = [meta.id, meta.number, meta.issuer, meta.kind, *meta.title.values()]
    if any(q in f.casefold() for f in fields):
        return True
    return any(q in c.content.casefold() for t in data.trees(row.id).values() for c in t.walk())


class CorpusScreen(TextExport, PolydiffScreen):
    """Documents (sortable, filterable) and their relations."""

    HELP = "Corpus: every document and the relations between them."
    DEFAULT_CSS = """
    CorpusScreen #filter { height: 1; border: none; padding: 0 1; }
    CorpusScreen #docs { height: 1; max-height: 12; }
    CorpusScreen #detail { height: auto; padding: 0 1; color: $text-muted; }
    CorpusScreen .caption { padding: 0 1; text-style: bold; margin-top: 1; }
    CorpusScreen #relations { height: 1; max-height: 10; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open"),
        Binding("space", "mark", "Mark A"),
        Binding("c", "compare", "Compare"),
        Binding("h", "history", "History"),
        Binding("o", "sources", "Sources"),
        Binding("s", "sort", "Sort"),
        Binding("S", "reverse", "Reverse sort", show=False),
        Binding("f", "filter", "Filter"),
        Binding("l", "lang", "Lang"),
        Binding("escape", "back", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[DocSummary] = []
        self.relations: list[RelationRow] = []
        self.sort_key = "date"
        self.reverse = False
        self.marked: str | None = None
        self.query_text = ""
        self._matching: set[str] | None = None
        self.loaded = False
        self.lineage_seen = -1

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter: id, title, issuer or any clause text (f)", id="filter")
        yield PickTable(id="docs", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield Label("Relations", classes="caption")
        yield PickTable(id="relations", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "corpus"
        self.query_one("#docs", DataTable).focus()

    BUSY_AFTER = 0.3
    """Seconds of loading after which the screen says it is busy (a small corpus loads in
    a few milliseconds: no indicator flashes)."""

    def _busy(self) -> None:
        if not self.loaded and not self.query("#busy"):
            from polydiff.tui.widgets.busy import Busy  # with its progress bar: not at start

            self.mount(Busy("loading the corpus…", id="busy"), after="#filter")

    @work(exclusive=True, group="corpus")
    async def load(self) -> None:
        self.lineage_seen = self.data.lineage_version
        timer = self.set_timer(self.BUSY_AFTER, self._busy)
        rows, relations = await asyncio.to_thread(lambda: (self.data.rows(), self.data.relations()))
        self.rows, self.relations, self.loaded = rows, relations, True
        timer.stop()
        await self.query("#busy").remove()
        self.refresh_tables()

    def on_screen_resume(self) -> None:
        """Load the corpus when first shown (not while another screen opened on top of it
        at start-up); afterwards refresh the link counts when a review changed them."""
        if self.loaded:
            if self.lineage_seen != self.data.lineage_version:
                self.reload_relations()
        elif not any(w.group == "corpus" for w in self.workers):
            self.load()

    @work(exclusive=True, group="relations")
    async def reload_relations(self) -> None:
        """Link counts change when a link is confirmed or rejected on another screen."""
        self.lineage_seen = self.data.lineage_version
        self.relations = await asyncio.to_thread(self.data.relations)
        self.refresh_tables()

    # --- rendering ----------------------------------------------------------------------

    def visible_rows(self) -> list[DocSummary]:
        rows = [r for r in self.rows if self._matching is None or r.id in self._matching]
        key = SORTS[self.sort_key][1]
        return sorted(rows, key=lambda r: (key(r, self.papp.lang), r.id), reverse=self.reverse)

    def columns(self) -> tuple[str, ...]:
        return columns_for(self.size.width)

    def refresh_tables(self) -> None:
        shown, total = len(self.visible_rows()), len(self.rows)
        self.sub_title = (
            f"corpus · {shown} of {total} documents · filter: {self.query_text.strip()}"
            if self._matching is not None
            else f"corpus · {total} documents"
        )
        table = self.query_one("#docs", DataTable)
        current = self.highlighted_id()
        cols = self.columns()
        fixed = sum(FIXED[c] + 2 for c in cols if c in FIXED) + FRAME + 2
        arrow = " ▼" if self.reverse else " ▲"
        headers = [(k, SORTS[k][0] + (arrow if k == self.sort_key else "")) for k in cols]
        lang = self.papp.lang
        rows: list[tuple[str, list[Cell]]] = []
        for row in self.visible_rows():
            cells: list[Cell] = [cell(row, k, lang) for k in cols]
            cells[0] = Text(row.id, style="bold")
            cells.append(Text("A", style="bold reverse") if row.id == self.marked else "")
            rows.append((row.id, cells))
        widths = {k: FIXED.get(k, max(TITLE_MIN, self.size.width - fixed)) for k in cols}
        fill(table, [*headers, ("mark", "")], rows, {**widths, "mark": 1})
        if current is not None and current in [r.id for r in self.visible_rows()]:
            table.move_cursor(row=table.get_row_index(current))
        self.show_detail()
        rel = self.query_one("#relations", DataTable)
        names = ("document", "relation", "earlier", "links", "confirmed", "rejected")
        fill(
            rel,
            [(n, n) for n in names],
            [
                (
                    f"{r.earlier}..{r.later}",
                    [r.later, r.type, r.earlier, str(r.links), str(r.confirmed), str(r.rejected)],
                )
                for r in self.relations
            ],
        )

    def show_detail(self) -> None:
        doc = self.highlighted_id()
        row = next((r for r in self.rows if r.id == doc), None)
        detail = self.query_one("#detail", Static)
        if row is None:
            detail.update("no documents match the filter" if self.rows else "")
            return
        m = row.meta
        rels = ", ".join(f"{r.type.value} {r.doc}" for r in m.relations) or "no relations"
        text = Text()
        text.append(row.title("both"), style="bold")
        text.append(f"\n{m.number} · {m.issuer} · {m.kind} · {m.date} · {m.completeness.value}")
        text.append(f" · {rels}")
        if self.marked:
            text.append(f"\nA = {self.marked}: press c on another document to compare")
        detail.update(text)

    def on_resize(self) -> None:
        if self.loaded:
            self.refresh_tables()

    def highlighted_id(self) -> str | None:
        table = self.query_one("#docs", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value)

    @on(DataTable.RowHighlighted, "#docs")
    def _highlighted(self) -> None:
        self.show_detail()

    @on(DataTable.RowSelected, "#docs")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if self.query_one("#docs", PickTable).picked(event.cursor_row):
            self.action_open()

    @on(DataTable.RowSelected, "#relations")
    def _relation_selected(self, event: DataTable.RowSelected) -> None:
        if self.query_one("#relations", PickTable).picked(event.cursor_row):
            earlier, _, later = str(event.row_key.value).partition("..")
            self.papp.open_compare(earlier, later)

    @on(DataTable.HeaderSelected, "#docs")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key in SORTS:
            self.reverse = not self.reverse if key == self.sort_key else False
            self.sort_key = key
            self.refresh_tables()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.apply_filter()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one("#docs", DataTable).focus()

    @work(exclusive=True, group="filter")
    async def apply_filter(self) -> None:
        query = self.query_text
        if not query.strip():
            self._matching = None
        else:
            ids = await asyncio.to_thread(
                lambda: {r.id for r in self.rows if matches(self.data, r, query)}
            )
            self._matching = ids
        self.refresh_tables()

    # --- actions ------------------------------------------------------------------------

    def action_open(self) -> None:
        doc = self.highlighted_id()
        if doc:
            self.papp.open_document(doc)

    def action_mark(self) -> None:
        doc = self.highlighted_id()
        if doc:
            self.marked = None if self.marked == doc else doc
            self.refresh_tables()

    def action_compare(self) -> None:
        doc = self.highlighted_id()
        if doc is None:
            return
        if self.marked and self.marked != doc:
            self.papp.open_compare(self.marked, doc)
            return
        earlier = next((r.earlier for r in self.relations if r.later == doc), None)
        if earlier:
            self.papp.open_compare(earlier, doc)
        else:
            self.notify(
                f"{doc} relates to no earlier document: mark one with space, then press c "
                "on the other",
                severity="warning",
            )

    def action_history(self) -> None:
        doc = self.highlighted_id()
        if doc:
            self.papp.open_history(doc)

    def action_sources(self) -> None:
        self.papp.open_sources()

    def action_sort(self) -> None:
        visible = list(self.columns())
        self.sort_key = visible[(visible.index(self.sort_key) + 1) % len(visible)]
        self.reverse = False
        self.refresh_tables()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self.refresh_tables()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_lang(self) -> None:
        self.papp.cycle_lang()
        self.refresh_tables()

    def action_back(self) -> None:
        """Escape leaves the filter box and clears the filter."""
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""  # Input.Changed re-applies the (empty) filter
        self.query_text, self._matching = "", None
        self.refresh_tables()
        self.query_one("#docs", DataTable).focus()

    # --- export -------------------------------------------------------------------------

    def export_name(self) -> str:
        return "corpus"

    def export_text(self, fmt: str) -> str:
        from polydiff.report.markdown import markdown_table, markdown_to_html

        lang = self.papp.lang
        cols = WIDE
        lines = [f"### polydiff corpus ({len(self.visible_rows())} documents)", ""]
        lines += markdown_table(
            [SORTS[c][0] for c in cols],
            [[cell(r, c, lang) for c in cols] for r in self.visible_rows()],
        )
        lines += ["", "**Relations**", ""]
        lines += markdown_table(
            ["document", "relation", "earlier", "links", "confirmed", "rejected"],
            [
                [r.later, r.type, r.earlier, str(r.links), str(r.confirmed), str(r.rejected)]
                for r in self.relations
            ],
        )
        md = "\n".join(lines) + "\n"
        return md if fmt == "md" else markdown_to_html(md, "polydiff corpus")
