"""A document: its clause tree (collapsible) beside the selected clause's text, in Chinese,
English, or both side by side; each clause marked against the predecessor document."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Static, Tree
from textual.widgets.tree import TreeNode

from polydiff.model import LANGUAGES, Clause, ClauseTree, DocMeta, union_paths
from polydiff.report.markdown import markdown_to_html, tree_markdown
from polydiff.report.tree import clause_text, tight_label
from polydiff.service.notes import ClauseNote, Marker
from polydiff.tui.data import next_lang_mode
from polydiff.tui.screens.base import PolydiffScreen
from polydiff.tui.screens.export import TextExport
from polydiff.tui.widgets.busy import Busy
from polydiff.tui.widgets.keybar import KeyBar

GLYPH = {
    Marker.CARRIED: ("=", "dim"),
    Marker.REWORDED: ("~", "bold yellow"),
    Marker.COUNTERPART: ("≈", "bold blue"),
    Marker.NEW: ("+", "bold green"),
}
QUOTE_STYLE = "bold magenta"


def node_label(clause: Clause, note: ClauseNote | None) -> Text:
    """``~»1 1. 加速科学发现进程``: marker, reuse count, label and heading (or the text's
    start)."""
    t = Text(no_wrap=True, overflow="ellipsis")
    if note and note.marker:
        glyph, style = GLYPH[note.marker]
        t.append(glyph, style=style)
    if note and note.quote_docs:
        t.append(f"»{note.quote_docs}", style=QUOTE_STYLE)
    if len(t):
        t.append(" ")
    if clause.label:
        t.append(clause.label + ("" if tight_label(clause.label) else " "), style="bold")
    if clause.heading:
        t.append(clause.heading)
    elif not clause.label:
        t.append(clause.path + " ", style="dim")
        snippet = clause.text.replace("\n", " ")
        t.append(snippet[:24] + ("…" if len(snippet) > 24 else ""), style="italic")
    return t


def note_text(note: ClauseNote | None, predecessor: str | None) -> Text:
    """What happened to the clause since the predecessor, and who quotes it."""
    t = Text()
    if note is None:
        return t
    if note.marker and predecessor:
        glyph, style = GLYPH[note.marker]
        t.append(f"{glyph} {note.marker.value}", style=style)
        if note.source:
            t.append(
                f" of {note.source}"
                if note.marker is Marker.COUNTERPART
                else f" from {note.source}"
            )
        else:
            t.append(f": not in {predecessor}")
        if note.basis:
            t.append(f"  ({note.basis})", style="dim")
        t.append("\n")
    if note.quoted_by:
        t.append(f"»{note.quote_docs} quoted by ", style=QUOTE_STYLE)
        t.append(", ".join(note.quoted_by))
        t.append("\n")
    return t


def clause_view(
    trees: dict[str, ClauseTree],
    mode: str,
    path: str,
    note: ClauseNote | None,
    predecessor: str | None,
) -> RenderableType:
    """The clause at ``path`` and its descendants in one language or both side by side."""
    head = note_text(note, predecessor)
    langs = [lg for lg in LANGUAGES if lg in trees] if mode == "both" else [mode]
    subs = {lg: trees[lg].subtree(path) for lg in langs if lg in trees}
    missing = Text("(not in this language)", style="italic red")
    if len(langs) == 1:
        sub = subs.get(langs[0])
        if sub is None or not sub.clauses:
            return Group(head, missing)
        base = path.count(".")
        parts: list[RenderableType] = [head] if head else []
        for c in sub.walk():
            parts.append(Padding(clause_text(c), (0, 0, 1, 2 * (c.path.count(".") - base))))
        return Group(*parts)
    table = Table(
        expand=True, box=box.HORIZONTALS, show_lines=True, header_style="bold", padding=(0, 1)
    )
    by_lang = {lg: {c.path: c for c in t.walk()} for lg, t in subs.items()}
    order = union_paths(subs.values())
    for lg in langs:
        table.add_column(lg, ratio=1, overflow="fold")
    for p in order:
        cells: list[RenderableType] = []
        for lg in langs:
            found = by_lang.get(lg, {}).get(p)
            cells.append(clause_text(found) if found else missing)
        table.add_row(*cells)
    return Group(head, table) if head else table


class DocumentScreen(TextExport, PolydiffScreen):
    """One document's clause tree and the selected clause's text."""

    HELP = "Document: clause tree beside the selected clause's text."
    DEFAULT_CSS = """
    DocumentScreen #panes { height: 1fr; }
    DocumentScreen #left { width: 44%; min-width: 24; border-right: solid $primary-darken-2; }
    DocumentScreen #legend { height: 2; padding: 0 1; color: $text-muted; }
    DocumentScreen #clauses { height: 1fr; overflow-x: hidden; }
    DocumentScreen #text-pane { width: 1fr; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *PolydiffScreen.BINDINGS,
        Binding("l", "cycle_lang", "zh/en/both"),
        Binding("t", "trace", "Lineage"),
        Binding("h", "history", "History"),
        Binding("H", "doc_history", "Document history", show=False),
        Binding("c", "compare", "Compare with predecessor", show=False),
        Binding("enter", "toggle_node", "Expand/collapse", show=False),
    ]

    def __init__(
        self, doc: str, path: str | None = None, rev: str | None = None, lang: str | None = None
    ) -> None:
        super().__init__()
        self.doc = doc
        self.rev = rev
        self.want_path = path
        self.mode = lang or "zh"
        self.meta: DocMeta | None = None
        self.trees: dict[str, ClauseTree] = {}
        self.notes: dict[str, ClauseNote] = {}
        self.lineage_seen = -1
        self.predecessor: str | None = None
        self.nodes: dict[str, TreeNode[str]] = {}

    @property
    def ref(self) -> str:
        return self.doc + (f"@{self.rev}" if self.rev else "")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Static("", id="legend")
                yield Busy(f"loading {self.ref}…", id="busy")
                tree: Tree[str] = Tree(self.doc, id="clauses")
                tree.show_root = False
                tree.center_scroll = True
                yield tree
            with VerticalScroll(id="text-pane"):
                yield Static("", id="clause-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.ref
        self.load()

    @work(exclusive=True, group="document")
    async def load(self) -> None:
        def read() -> tuple[DocMeta, dict[str, ClauseTree]]:
            return self.data.meta(self.doc, self.rev), self.data.trees(self.doc, self.rev)

        meta, self.trees = await asyncio.to_thread(read)
        self.meta = meta
        if self.mode != "both" and self.mode not in self.trees:
            self.mode = next(iter(self.trees), "zh")
        self.sub_title = f"{self.ref} · {meta.display_title(self.title_lang)}"
        await self.query_one("#busy").remove()  # first: the tree's height is then final
        self.build_tree(self.want_path)
        if self.rev is None:
            self.predecessor = self.data.predecessor(self.doc)
            self.lineage_seen = self.data.lineage_version
            self.notes = await asyncio.to_thread(self.data.notes, self.doc)
            self.relabel()
        self.show_legend()

    def on_screen_resume(self) -> None:
        if self.rev is None and self.nodes and self.lineage_seen != self.data.lineage_version:
            self.reload_notes()

    @work(exclusive=True, group="notes")
    async def reload_notes(self) -> None:
        """Markers and quote counts change when a link is reviewed on another screen."""
        self.lineage_seen = self.data.lineage_version
        notes = await asyncio.to_thread(self.data.notes, self.doc)
        if notes != self.notes:
            self.notes = notes
            self.relabel()
            self.show_legend()

    @property
    def title_lang(self) -> str:
        return "zh" if self.mode == "both" else self.mode

    def shown_clauses(self) -> list[Clause]:
        """Clauses of the tree pane, in document order (both: the union, zh first)."""
        langs = [lg for lg in LANGUAGES if lg in self.trees] if self.mode == "both" else [self.mode]
        seen: dict[str, Clause] = {}
        for lg in langs:
            if lg in self.trees:
                for c in self.trees[lg].walk():
                    seen.setdefault(c.path, c)
        return list(seen.values())

    def build_tree(self, select: str | None) -> None:
        tree: Tree[str] = self.query_one("#clauses", Tree)
        tree.clear()
        self.nodes = {}
        for c in self.shown_clauses():
            parent_path = c.path.rpartition(".")[0]
            parent = self.nodes.get(parent_path, tree.root)
            node = parent.add(
                node_label(c, self.notes.get(c.path)),
                data=c.path,
                expand=True,
                allow_expand=bool(c.children),
            )
            self.nodes[c.path] = node
        tree.root.expand()
        self.select_path(select or next(iter(self.nodes), None))
        tree.focus()

    def relabel(self) -> None:
        by_path = {c.path: c for c in self.shown_clauses()}
        for path, node in self.nodes.items():
            node.set_label(node_label(by_path[path], self.notes.get(path)))
        self.show_clause(self.selected_path())

    def show_legend(self) -> None:
        legend = Text()
        if self.predecessor:
            legend.append("=carried ", style="dim")
            legend.append("~reworded ", style="bold yellow")
            if any(n.marker is Marker.COUNTERPART for n in self.notes.values()):
                legend.append("≈counterpart ", style="bold blue")
            legend.append("+new ", style="bold green")
        if any(n.quoted_by for n in self.notes.values()):
            legend.append("»quoted", style=QUOTE_STYLE)
        if legend:
            legend.append("\n")
        if self.predecessor:
            legend.append(f"vs {self.predecessor} · ")
        legend.append(f"[{self.mode}]", style="bold")
        self.query_one("#legend", Static).update(legend)

    def select_path(self, path: str | None) -> None:
        """Move the cursor to ``path`` (expanding its ancestors) and show it."""
        if path is None:
            return
        node = self.nodes.get(path)
        if node is None:
            self.notify(f"no clause {path} in {self.ref} ({self.mode})", severity="warning")
            return
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.show_clause(path)
        self.call_after_refresh(self._move_to, path)

    def _move_to(self, path: str, tries: int = 20) -> None:
        """Put the cursor on ``path`` once the tree has laid out its lines and has a size;
        until then, try again after the next refresh."""
        node = self.nodes.get(path)
        if node is None:
            return
        tree: Tree[str] = self.query_one("#clauses", Tree)
        if (node.line < 0 or not tree.size.height) and tries:
            self.call_after_refresh(self._move_to, path, tries - 1)
            return
        tree.move_cursor(node)  # center_scroll: the clause lands mid-pane

    def selected_path(self) -> str | None:
        node = self.query_one("#clauses", Tree).cursor_node
        return node.data if node is not None else None

    def show_clause(self, path: str | None) -> None:
        pane = self.query_one("#clause-text", Static)
        if path is None:
            pane.update("")
            return
        pane.update(
            clause_view(self.trees, self.mode, path, self.notes.get(path), self.predecessor)
        )
        self.query_one("#text-pane", VerticalScroll).scroll_home(animate=False)

    @on(Tree.NodeHighlighted, "#clauses")
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        self.show_clause(event.node.data)

    # --- actions ------------------------------------------------------------------------

    def action_toggle_node(self) -> None:
        node = self.query_one("#clauses", Tree).cursor_node
        if node is not None and node.allow_expand:
            node.toggle()

    def action_cycle_lang(self) -> None:
        if not self.trees:
            return
        path = self.selected_path()
        self.mode = next_lang_mode(self.mode)
        if self.mode != "both" and self.mode not in self.trees:
            self.mode = next_lang_mode(self.mode)
        self.papp.lang = self.mode
        if self.meta:
            self.sub_title = f"{self.ref} · {self.meta.display_title(self.title_lang)}"
        if path not in {c.path for c in self.shown_clauses()}:
            path = None
        self.build_tree(path)
        self.show_legend()

    def action_trace(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        if self.rev is not None:
            self.notify(
                "lineage is kept for the current documents: open it without a revision",
                severity="warning",
            )
            return
        self.papp.open_lineage(self.doc, path, None if self.mode == "both" else self.mode)

    def action_history(self) -> None:
        self.papp.open_history(self.doc, self.selected_path())

    def action_doc_history(self) -> None:
        self.papp.open_history(self.doc)

    def action_compare(self) -> None:
        pred = self.data.predecessor(self.doc)
        if pred is None:
            self.notify(
                f"{self.doc} succeeds no document: compare from the corpus screen",
                severity="warning",
            )
            return
        self.papp.open_compare(pred, self.doc)

    # --- export -------------------------------------------------------------------------

    def export_name(self) -> str:
        path = self.selected_path()
        return f"{self.doc}-{path}-{self.mode}" if path else f"{self.doc}-{self.mode}"

    def export_text(self, fmt: str) -> str:
        langs = [lg for lg in LANGUAGES if lg in self.trees] if self.mode == "both" else [self.mode]
        md = tree_markdown([self.trees[lg] for lg in langs], self.selected_path(), self.rev)
        return md if fmt == "md" else markdown_to_html(md, f"polydiff: {self.ref}")
