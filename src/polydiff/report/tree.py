"""Rendering clause trees as rich text: one language, or Chinese and English side by side."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from polydiff.model import Clause, ClauseTree, union_paths
from polydiff.normalize import is_cjk


def _depth(path: str) -> int:
    return path.count(".")


def tight_label(label: str) -> bool:
    """Chinese labels (二、 （一） (一)) run straight into the heading; others (``(VII)``,
    ``1.``, ``Article 3``) take a space."""
    return label.endswith(("、", "）")) or (label.endswith(")") and any(is_cjk(c) for c in label))


def clause_text(c: Clause, show_path: bool = True) -> Text:
    """One clause as styled text: path, label, bold heading, body."""
    t = Text()
    if show_path:
        t.append(f"{c.path} ", style="dim")
    if c.label:
        t.append(c.label + ("" if tight_label(c.label) else " "), style="bold cyan")
    if c.heading:
        t.append(c.heading, style="bold")
        if c.text:
            t.append("\n")
    if c.text:
        t.append(c.text)
    return t


def render_tree(tree: ClauseTree, rev: str | None = None) -> RenderableType:
    """An indented tree: headings in bold, wrapped text (CJK-width aware)."""
    parts: list[RenderableType] = [_title(tree, rev)]
    base = min((_depth(c.path) for c in tree.clauses), default=0)
    for c in tree.walk():
        indent = 2 * (_depth(c.path) - base)
        parts.append(Padding(clause_text(c), (0, 0, 0, indent), expand=False))
    return Group(*parts)


def render_side_by_side(zh: ClauseTree, en: ClauseTree, rev: str | None = None) -> RenderableType:
    """Chinese and English clause by clause; a path missing in one language is marked."""
    table = Table(
        show_header=True,
        header_style="bold",
        expand=True,
        show_lines=True,
        title=f"{zh.doc}{'@' + rev if rev else ''}",
    )
    table.add_column("path", style="dim", no_wrap=True)
    table.add_column("zh", ratio=1, overflow="fold")
    table.add_column("en", ratio=1, overflow="fold")
    table.add_row("", Text(zh.title, style="bold"), Text(en.title, style="bold"))
    zh_by_path = {c.path: c for c in zh.walk()}
    en_by_path = {c.path: c for c in en.walk()}
    order = union_paths((zh, en))
    missing = Text("(not in this language)", style="italic red")
    for path in order:
        a, b = zh_by_path.get(path), en_by_path.get(path)
        table.add_row(
            path, clause_text(a, False) if a else missing, clause_text(b, False) if b else missing
        )
    return table


def _title(tree: ClauseTree, rev: str | None) -> Text:
    t = Text()
    t.append(tree.title or tree.doc, style="bold underline")
    meta = [x for x in (tree.number, f"{tree.doc}{'@' + rev if rev else ''}", tree.lang) if x]
    t.append("\n" + " · ".join(meta), style="dim")
    for line in tree.front:
        t.append("\n" + line, style="dim")
    t.append("\n")
    return t


def print_renderable(r: RenderableType, console: Console | None = None) -> None:
    """Print to stdout (colour only on a terminal and without NO_COLOR)."""
    (console or Console(soft_wrap=False)).print(r)
