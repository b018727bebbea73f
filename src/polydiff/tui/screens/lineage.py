"""A clause's lineage: its ancestors and descendants across the corpus, each hop with kind,
score, review status and the wording diff or the quoted span; confirm, reject, follow."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from polydiff.errors import PolydiffError
from polydiff.model.lineage import Status, Trace, TracedHop
from polydiff.report.lineage_view import STATUS_STYLE, trace_markdown
from polydiff.report.markdown import markdown_to_html
from polydiff.service.lineage import decide, trace
from polydiff.tui.screens.base import PolydiffScreen
from polydiff.tui.screens.export import TextExport
from polydiff.tui.screens.note import NoteScreen
from polydiff.tui.widgets.busy import Busy
from polydiff.tui.widgets.diffview import ops_text
from polydiff.tui.widgets.keybar import KeyBar
from polydiff.tui.widgets.tables import Cell, PickTable, fill

SPAN = "bold #3b0a45 on #f3d1fb"
"""Matched (quoted) passages: dark purple on pale purple, legible in both themes."""


def spanned(text: str, ranges: list[tuple[int, int]]) -> Text:
    """``text`` with the matched ranges highlighted."""
    out = Text(text)
    for start, end in ranges:
        out.stylize(SPAN, start, end)
    return out


def hop_view(th: TracedHop) -> RenderableType:
    """One hop: both ends, kind, score, status, and its diff or quoted spans."""
    h, link = th.hop, th.hop.link
    head = Text()
    head.append(f"{h.from_ref} → {h.to_ref}", style="bold")
    head.append(f"  {link.kind.value} {link.score:.2f}  ")
    head.append(link.status.value, style=STATUS_STYLE[link.status.value])
    head.append(f"  ({h.relation}{', by headings' if h.basis == 'headings' else ''})", "dim")
    if link.note:
        head.append(f"\nnote: {link.note}", style="italic")
    if link.unplaced:
        head.append(f"\nunplaced: {link.unplaced}", style="red")
    parts: list[RenderableType] = [head, Text("")]
    if th.ops:
        parts.append(ops_text(th.ops))
        return Group(*parts)
    spans = h.link.spans if th.spans_valid else ()
    for side, clause, ref in (("from", th.from_clause, h.from_ref), ("to", th.to_clause, h.to_ref)):
        parts.append(Text(ref, style="dim"))
        if clause is None:
            parts.append(Text("(not in this language or no longer in the document)", "italic"))
        else:
            ranges = [
                (s.from_start, s.from_end) if side == "from" else (s.to_start, s.to_end)
                for s in spans
            ]
            parts.append(spanned(clause.content, ranges))
        parts.append(Text(""))
    if not th.spans_valid:
        parts.append(Text("(spans were found in the other language)", style="dim italic"))
    return Group(*parts)


class LineageScreen(TextExport, PolydiffScreen):
    """Ancestors and descendants of one clause."""

    HELP = "Lineage: where a clause came from and which later clauses reuse it."
    DEFAULT_CSS = """
    LineageScreen #clause { height: auto; max-height: 5; padding: 0 1; background: $boost; }
    LineageScreen #hops { height: 1; max-height: 45%; }
    LineageScreen #hop-pane { height: 1fr; padding: 0 1; border-top: solid $primary-darken-2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *PolydiffScreen.BINDINGS,
        Binding("c", "confirm", "Confirm"),
        Binding("x", "reject", "Reject"),
        Binding("C", "confirm_note", "Confirm with a note", show=False),
        Binding("X", "reject_note", "Reject with a note", show=False),
        Binding("enter", "follow", "Follow hop"),
    ]

    def __init__(self, doc: str, path: str, lang: str | None = None) -> None:
        super().__init__()
        self.doc, self.clause_path, self.lang = doc, path, lang
        self.trace: Trace | None = None
        self.hops: list[tuple[str, TracedHop]] = []

    @property
    def ref(self) -> str:
        return f"{self.doc}#{self.clause_path}"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.ref, style="bold"), id="clause")
        yield Busy(f"tracing {self.ref}…", id="busy")
        yield PickTable(id="hops", cursor_type="row")
        with VerticalScroll(id="hop-pane"):
            yield Static("", id="hop")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = f"lineage of {self.ref}"
        self.load()

    @work(exclusive=True, group="lineage")
    async def load(self, keep: tuple[str, str] | None = None) -> None:
        try:
            t = await asyncio.to_thread(
                trace, self.data.repo, self.ref, 10, self.lang, include_rejected=True
            )
        except PolydiffError as exc:
            self.query_one("#clause", Static).update(Text(str(exc), style="bold red"))
            self.notify(str(exc), severity="error")
            return
        finally:
            await self.query("#busy").remove()
        self.trace = t
        self.hops = [("↑", h) for h in t.ancestors] + [("↓", h) for h in t.descendants]
        head = Text()
        head.append(f"{t.doc}#{t.path}", style="bold")
        head.append(f" ({t.lang})  ", style="dim")
        head.append(t.clause.heading, style="bold")
        head.append(
            f"\n{len(t.ancestors)} ancestor hop(s) ↑ · {len(t.descendants)} descendant hop(s) ↓",
            style="dim",
        )
        self.query_one("#clause", Static).update(head)
        table = self.query_one("#hops", DataTable)
        rows: list[tuple[str, list[Cell]]] = []
        for i, (arrow, th) in enumerate(self.hops):
            other = th.hop.from_ref if arrow == "↑" else th.hop.to_ref
            link = th.hop.link
            rows.append(
                (
                    str(i),
                    [
                        arrow,
                        "  " * (th.hop.depth - 1) + other,
                        link.kind.value,
                        f"{link.score:.2f}",
                        Text(link.status.value, style=STATUS_STYLE[link.status.value]),
                    ],
                )
            )
        names = ("dir", "clause", "kind", "score", "status")
        fill(table, [(n, "" if n == "dir" else n) for n in names], rows)
        if keep is not None:
            for i, (_, th) in enumerate(self.hops):
                if (th.hop.from_ref, th.hop.to_ref) == keep:
                    table.move_cursor(row=i, animate=False)
        table.focus()
        self.show_hop()

    def selected(self) -> TracedHop | None:
        table = self.query_one("#hops", DataTable)
        if not self.hops or table.cursor_row >= len(self.hops):
            return None
        return self.hops[table.cursor_row][1]

    def show_hop(self) -> None:
        th = self.selected()
        pane = self.query_one("#hop", Static)
        if th is None:
            pane.update(
                Text("no lineage links for this clause", style="italic") if self.trace else ""
            )
        else:
            pane.update(hop_view(th))

    @on(DataTable.RowHighlighted, "#hops")
    def _highlighted(self) -> None:
        self.show_hop()

    @on(DataTable.RowSelected, "#hops")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if self.query_one("#hops", PickTable).picked(event.cursor_row):
            self.action_follow()

    # --- actions ------------------------------------------------------------------------

    def action_follow(self) -> None:
        table = self.query_one("#hops", DataTable)
        if not self.hops or table.cursor_row >= len(self.hops):
            return
        arrow, th = self.hops[table.cursor_row]
        target = th.hop.from_ref if arrow == "↑" else th.hop.to_ref
        doc, _, path = target.partition("#")
        self.papp.open_document(doc, path, None, self.trace.lang if self.trace else None)

    def action_confirm(self) -> None:
        self.review(Status.CONFIRMED)

    def action_reject(self) -> None:
        self.review(Status.REJECTED)

    def action_confirm_note(self) -> None:
        self.review(Status.CONFIRMED, ask_note=True)

    def action_reject_note(self) -> None:
        self.review(Status.REJECTED, ask_note=True)

    @work(exclusive=True, group="review")
    async def review(self, status: Status, ask_note: bool = False) -> None:
        th = self.selected()
        if th is None:
            self.notify("no link selected", severity="warning")
            return
        src, dst = th.hop.from_ref, th.hop.to_ref
        note = None
        if ask_note:
            verb = "Confirm" if status is Status.CONFIRMED else "Reject"
            prompt = NoteScreen(f"[b]{verb}[/b] {src} → {dst}", th.hop.link.note)
            note = await self.app.push_screen_wait(prompt)
            if note is None:
                return
        try:
            # note None keeps the link's note; the prompt (prefilled with it) may clear it
            decision = await asyncio.to_thread(decide, self.data.repo, src, dst, status, note)
        except PolydiffError as exc:
            self.notify(str(exc), severity="error")
            return
        self.data.invalidate_lineage()
        self.notify(f"{status.value} {src} → {dst} in {decision.written}")
        self.load((src, dst))

    # --- export -------------------------------------------------------------------------

    def export_name(self) -> str:
        return f"trace-{self.doc}-{self.clause_path}"

    def export_text(self, fmt: str) -> str:
        if self.trace is None:
            return ""
        md = trace_markdown(self.trace)
        return md if fmt == "md" else markdown_to_html(md, f"polydiff: lineage of {self.ref}")
