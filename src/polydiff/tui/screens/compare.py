"""A against B: the aligned pairs with kind badges and similarity, the selected pair's
wording diff, the term shifts, and the summary in a header."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Input, Label, Static

from polydiff.errors import PolydiffError
from polydiff.model.comparison import TITLE, ChangeKind, Comparison, Link
from polydiff.record import replace
from polydiff.report.diff_markup import comparison_html, comparison_markdown
from polydiff.report.diff_text import summary_line
from polydiff.report.segments import link_flags, similarity_text
from polydiff.service.compare import CompareOptions, Comparing, Progress, compare_documents
from polydiff.service.repository import PolicyRepo
from polydiff.tui.screens.base import PolydiffScreen
from polydiff.tui.screens.export import FORMATS, TABLES, TextExport
from polydiff.tui.widgets.busy import Busy
from polydiff.tui.widgets.diffview import DiffView
from polydiff.tui.widgets.keybar import KeyBar
from polydiff.tui.widgets.tables import Cell, PickTable, fill


def filters(cmp: Comparison) -> list[str]:
    """What ``f`` cycles through: changed links (the default), all, then one kind at a time
    (the kinds the comparison has)."""
    return ["changed", "all", *(kind for kind, n in cmp.summary.items() if n)]


BADGE = {
    ChangeKind.UNCHANGED: "#5f6368",
    ChangeKind.REWORDED: "#8a6d00",
    ChangeKind.SPLIT: "#7b3f9e",
    ChangeKind.MERGED: "#7b3f9e",
    ChangeKind.NEW: "#1e7b34",
    ChangeKind.DROPPED: "#b3261e",
    ChangeKind.COUNTERPART: "#1a5fb4",
    ChangeKind.UNMATCHED: "#77767b",
}
BADGE_TEXT = {ChangeKind.COUNTERPART: "counterp.", ChangeKind.UNMATCHED: "none"}
"""Badges are nine cells wide."""


def badge(kind: ChangeKind) -> Text:
    """The kind as a coloured badge (white on a dark colour: legible in both themes)."""
    return Text(f"{BADGE_TEXT.get(kind, kind.value):^9}", style=f"bold #ffffff on {BADGE[kind]}")


def short_title(link: Link) -> str:
    """``2.1 → 2.4.1``; one path when it did not change; ``→ 3.15`` (new), ``2.4 →`` (dropped)."""
    a, b = ", ".join(link.a), ", ".join(link.b)
    if not a:
        return f"→ {b}"
    if not b:
        return f"{a} →"
    return a if a == b else f"{a} → {b}"


def keep(link: Link, filt: str) -> bool:
    if filt == "all":
        return True
    if filt == "changed":
        return link.changed
    return link.kind.value == filt


def compute(
    repo: PolicyRepo, a: str, b: str, lang: str | None, path: str | None, progress: Progress
) -> Comparing:
    """Align A with B (documents, ``doc@rev``, or files) in ``lang`` (default: shared),
    only the links touching ``path`` when given."""
    return compare_documents(repo, a, b, CompareOptions(lang=lang, path=path), progress)


GOTO_HINT = "go to a clause path of A or B (2.1.1, 1.p2) · enter jumps · escape cancels"
GIST = 40
"""Cells of a clause's heading (or text) shown beside its path in the list."""


def gist(link: Link, sides: Comparing | None) -> str:
    """The heading (or the first words of the text) of the link's B clause, else its A one."""
    if sides is None:
        return ""
    if link.b:
        tree, path = sides.b.tree, link.b[0]
    else:
        tree, path = sides.a.tree, link.a[0]
    if path == TITLE:
        return tree.title
    clause = tree.find(path)
    if clause is None:
        return ""
    text = (clause.heading or clause.text).replace("\n", " ")
    return text[:GIST] + ("…" if len(text) > GIST else "")


class CompareScreen(TextExport, PolydiffScreen):
    """Clause-level comparison of two documents or two revisions of one."""

    HELP = "Compare: A against B, pair by pair."
    DEFAULT_CSS = """
    CompareScreen #summary { height: auto; padding: 0 1; background: $boost; }
    CompareScreen #body { height: 1fr; }
    CompareScreen #left { width: 42%; min-width: 34; }
    CompareScreen #links { height: 1fr; }
    CompareScreen #shifts-caption { padding: 0 1; text-style: bold; }
    CompareScreen #shifts { height: 1; max-height: 7; }
    CompareScreen #diff-pane { width: 1fr; border-left: solid $primary-darken-2; }
    CompareScreen #goto-bar { display: none; height: auto; background: $boost; padding: 0 1; }
    CompareScreen #goto-bar.-shown { display: block; }
    CompareScreen #goto { height: 1; border: none; padding: 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *PolydiffScreen.BINDINGS,
        Binding("n", "next_change", "Next"),
        Binding("N", "prev_change", "Prev"),
        Binding("d", "toggle_diff", "Inline/side"),
        Binding("f", "filter", "Filter"),
        Binding("colon", "goto", "Go to path"),
        Binding("l", "lang", "zh/en", show=False),
        Binding("enter", "open", "Open clause", show=False),
    ]

    def __init__(self, a: str, b: str, path: str | None = None, lang: str | None = None) -> None:
        super().__init__()
        self.a, self.b, self.clause_path, self.lang = a, b, path, lang
        self.cmp: Comparison | None = None
        self.sides: Comparing | None = None
        self.kind_filter = "changed"
        self.shown: list[Link] = []
        self.error = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(f"{self.a} → {self.b}", style="bold"), id="summary")
        yield Busy(f"aligning {self.a} with {self.b}…", id="busy")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield PickTable(id="links", cursor_type="row")
                yield Label("term shifts", id="shifts-caption")
                yield DataTable(id="shifts", cursor_type="row", show_cursor=False)
            with VerticalScroll(id="diff-pane"):
                yield DiffView(id="diff")
        with Vertical(id="goto-bar"):
            yield Label(
                "go to a clause path of A or B (2.1.1, 1.p2) · enter jumps · escape cancels"
            )
            yield Input(placeholder="path", id="goto")
        yield KeyBar()

    def on_mount(self) -> None:
        under = f" · {self.clause_path}" if self.clause_path else ""
        self.sub_title = f"{self.a} → {self.b}{under}"
        self.query_one("#body").display = False
        self.load()

    @work(exclusive=True, group="compare")
    async def load(self) -> None:
        busy = self.query_one("#busy", Busy)
        loop = asyncio.get_running_loop()

        def progress(stage: str, done: int, total: int) -> None:
            loop.call_soon_threadsafe(busy.progress, stage, done, total)

        try:
            self.sides = await asyncio.to_thread(
                compute, self.data.repo, self.a, self.b, self.lang, self.clause_path, progress
            )
            self.cmp = self.sides.comparison
        except PolydiffError as exc:
            self.error = str(exc)
            await busy.remove()
            self.query_one("#summary", Static).update(Text(f"cannot compare: {exc}", "bold red"))
            self.notify(str(exc), severity="error")
            return
        self.lang = self.cmp.lang
        await busy.remove()
        self.query_one("#body").display = True
        self.fill_shifts()
        self.refresh_links()
        self.query_one("#links", DataTable).focus()

    # --- rendering ----------------------------------------------------------------------

    def refresh_links(self, select: Link | None = None) -> None:
        assert self.cmp is not None
        self.shown = [link for link in self.cmp.links if keep(link, self.kind_filter)]
        table = self.query_one("#links", DataTable)
        pair_width = max(12, max(34, int(self.size.width * 0.42)) - 9 - 4 - 6 - 2)
        rows: list[tuple[str, list[Cell]]] = []
        for i, link in enumerate(self.shown):
            sim = similarity_text(link.similarity) if link.kind.compared else ""
            flags = "".join(" ↕" if f == "moved" else " #" for f in link_flags(link))
            pair = Text(short_title(link) + flags)
            if about := gist(link, self.sides):
                pair.append(f"  {about}", style="dim")
            rows.append((str(i), [badge(link.kind), pair, sim]))
        fill(
            table,
            [("kind", "kind"), ("pair", "A → B"), ("sim", "sim")],
            rows,
            {"kind": 9, "pair": pair_width, "sim": 4},
        )
        table.styles.height = "1fr"
        self.update_summary()
        if select is not None and select in self.shown:
            table.move_cursor(row=self.shown.index(select), animate=False)
        self.show_selected()

    def update_summary(self) -> None:
        assert self.cmp is not None
        line = Text()
        line.append(f"{self.cmp.a} → {self.cmp.b}", style="bold")
        line.append(f" ({self.cmp.lang}{', headings only' if self.cmp.headings_only else ''})")
        line.append("\n")
        line.append_text(summary_line(self.cmp).split("\n")[-1])
        line.append(
            f"\nfilter: {self.kind_filter} ({len(self.shown)} of {len(self.cmp.links)})",
            style="dim",
        )
        line.append(f" · {self.query_one(DiffView).mode}", style="dim")
        if self.clause_path:
            line.append(f" · under {self.clause_path}", style="dim")
        self.query_one("#summary", Static).update(line)

    def fill_shifts(self) -> None:
        assert self.cmp is not None
        table = self.query_one("#shifts", DataTable)
        fill(
            table,
            [("from", "from"), ("to", "to"), ("count", "×")],
            [
                (str(i), [Text(t.old, style="red"), Text(t.new, style="green"), str(t.count)])
                for i, t in enumerate(self.cmp.term_shifts)
            ],
        )
        caption = (
            f"term shifts ({len(self.cmp.term_shifts)})"
            if self.cmp.term_shifts
            else ("term shifts: none")
        )
        self.query_one("#shifts-caption", Label).update(caption)
        table.display = bool(self.cmp.term_shifts)

    def selected(self) -> Link | None:
        table = self.query_one("#links", DataTable)
        if not self.shown or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def show_selected(self) -> None:
        self.query_one(DiffView).show(self.selected(), self.a, self.b)
        self.query_one("#diff-pane", VerticalScroll).scroll_home(animate=False)

    @on(DataTable.RowHighlighted, "#links")
    def _highlighted(self) -> None:
        self.show_selected()

    @on(DataTable.RowSelected, "#links")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if self.query_one("#links", PickTable).picked(event.cursor_row):
            self.action_open()

    # --- actions ------------------------------------------------------------------------

    def _ready(self) -> bool:
        return self.cmp is not None

    def action_toggle_diff(self) -> None:
        if self._ready():
            self.query_one(DiffView).toggle_mode()
            self.update_summary()

    def action_filter(self) -> None:
        if self.cmp is None:
            return
        current = self.selected()
        cycle = filters(self.cmp)
        at = cycle.index(self.kind_filter) if self.kind_filter in cycle else 0
        self.kind_filter = cycle[(at + 1) % len(cycle)]
        self.refresh_links(current)

    def _step(self, direction: int) -> None:
        if not self._ready() or not self.shown:
            return
        table = self.query_one("#links", DataTable)
        n = len(self.shown)
        for k in range(1, n):
            i = table.cursor_row + direction * k
            if not 0 <= i < n:
                break
            if self.shown[i].changed:
                table.move_cursor(row=i)
                return
        self.notify("no more changes " + ("below" if direction > 0 else "above"), timeout=2)

    def action_next_change(self) -> None:
        self._step(1)

    def action_prev_change(self) -> None:
        self._step(-1)

    def action_goto(self) -> None:
        if self._ready():
            box = self.query_one("#goto", Input)
            box.value = ""
            self.query_one("#goto-bar").add_class("-shown")
            box.focus()

    @on(Input.Submitted, "#goto")
    def _goto(self, event: Input.Submitted) -> None:
        self.close_goto()
        self.jump(event.value.strip().lstrip(":"))

    def close_goto(self) -> None:
        self.query_one("#goto-bar").remove_class("-shown")
        self.query_one("#links", DataTable).focus()

    def jump(self, path: str) -> bool:
        """Select the pair with ``path`` (or the first under it) on either side."""
        assert self.cmp is not None
        exact = [x for x in self.cmp.links if path in (*x.a, *x.b)]
        target = next(iter(exact or self.cmp.filtered(None, path).links), None)
        if target is None:
            self.notify(f"no clause {path} in {self.a} or {self.b}", severity="warning")
            return False
        if target not in self.shown:
            self.kind_filter = "all"
            self.refresh_links(target)
        else:
            self.query_one("#links", DataTable).move_cursor(row=self.shown.index(target))
        return True

    def action_back(self) -> None:
        if self.query_one("#goto-bar").has_class("-shown"):
            self.close_goto()
        else:
            super().action_back()

    def action_lang(self) -> None:
        if not self._ready():
            return
        self.lang = "en" if self.lang == "zh" else "zh"
        self.cmp = None
        self.query_one("#body").display = False
        self.mount(
            Busy(f"aligning {self.a} with {self.b} ({self.lang})…", id="busy"), after="#summary"
        )
        self.load()

    def action_open(self) -> None:
        link = self.selected()
        if link is None:
            return
        spec, paths = (self.b, link.b) if link.b else (self.a, link.a)
        doc, _, rev = spec.partition("@")
        if doc not in self.data.doc_ids():
            self.notify(f"{spec} is not a document of the corpus", severity="warning")
            return
        path = None if paths[0] == TITLE else paths[0]  # the title: the document's top
        self.papp.open_document(doc, path, rev or None, self.lang)

    # --- export -------------------------------------------------------------------------

    def export_name(self) -> str:
        return f"diff-{self.a}-{self.b}"

    def export_formats(self) -> dict[str, str]:
        return {**FORMATS, **TABLES} if self.cmp is not None else dict(FORMATS)

    def export_bytes(self, fmt: str) -> bytes:
        """Markdown or HTML of the links of the current filter, or their 对照表."""
        if fmt not in TABLES or self.cmp is None:
            return self.export_text(fmt).encode("utf-8")
        from polydiff.report.contrast import Side
        from polydiff.report.contrast_docx import comparison_docx
        from polydiff.report.contrast_xlsx import comparison_xlsx

        shown = replace(self.cmp, links=tuple(self.shown))
        render = comparison_docx if fmt == "docx" else comparison_xlsx
        return render(shown, Side(self.cmp.a), Side(self.cmp.b), show_all=True)

    def export_text(self, fmt: str) -> str:
        if self.cmp is None:
            return ""
        kinds = None if self.kind_filter in ("changed", "all") else {self.kind_filter}
        shown = self.cmp.filtered(kinds)
        return comparison_markdown(shown) if fmt == "md" else comparison_html(shown)
