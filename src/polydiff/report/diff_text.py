"""A comparison as rich text for the terminal: summary, term shifts, each changed clause
with an inline coloured diff (deletions red and struck through, insertions green)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from polydiff.model.comparison import ChangeKind, Comparison, Link
from polydiff.report.segments import (
    link_flags,
    link_measure,
    link_title,
    outline_note,
    summary_measure,
    trim_context,
)

KIND_STYLE = {
    ChangeKind.UNCHANGED: "dim",
    ChangeKind.REWORDED: "yellow",
    ChangeKind.SPLIT: "magenta",
    ChangeKind.MERGED: "magenta",
    ChangeKind.NEW: "green",
    ChangeKind.DROPPED: "red",
    ChangeKind.COUNTERPART: "blue",
    ChangeKind.UNMATCHED: "dim red",
}
OP_STYLE = {"-": "red strike", "+": "green", "=": ""}


def summary_line(cmp: Comparison) -> Text:
    """``gf-2015-40 → gf-2025-11 (zh)`` and the counts per kind, flags and similarity."""
    t = Text()
    t.append(f"{cmp.a} → {cmp.b}", style="bold")
    t.append(f" ({cmp.lang})", style="dim")
    if note := outline_note(cmp):
        t.append(f"  {note}", style="italic")
    t.append("\n")
    items: list[tuple[str, str]] = [
        (f"{n} {ChangeKind(kind).label}", KIND_STYLE[ChangeKind(kind)])
        for kind, n in cmp.summary.items()
        if n
    ]
    items += [(f"{n} {flag}", "cyan") for flag, n in cmp.flags.items() if n]
    items.append((summary_measure(cmp), "bold"))
    for k, (label, style) in enumerate(items):
        if k:
            t.append(" · ", style="dim")
        t.append(label, style=style)
    return t


def term_table(cmp: Comparison) -> Table:
    """The term shifts, most frequent first."""
    table = Table(title="term shifts", title_justify="left", header_style="bold")
    table.add_column("from", style="red")
    table.add_column("to", style="green")
    table.add_column("count", justify="right")
    for t in cmp.term_shifts:
        table.add_row(t.old, t.new, str(t.count))
    return table


MARKERS = {"-": ("[-", "-]"), "+": ("{+", "+}"), "=": ("", "")}
"""Where colour is off (a pipe, NO_COLOR): ``[-deleted-]{+inserted+}`` as in git's word diff."""


def inline_diff(link: Link, context: int | None = None, markers: bool = False) -> Text:
    """The wording diff of a link as one styled text (or with text markers)."""
    text = Text()
    for op, chunk in trim_context(link.ops, context):
        if markers and op != "=":
            text.append(MARKERS[op][0] + chunk + MARKERS[op][1], style=OP_STYLE[op])
        else:
            text.append(chunk, style=OP_STYLE[op])
    return text


def link_header(link: Link) -> Text:
    """``2.1.1 → 2.1.2  reworded 0.87  renumbered``."""
    t = Text()
    t.append(link_title(link), style="bold")
    t.append("  ")
    t.append(link.kind.label, style=KIND_STYLE[link.kind])
    if measure := link_measure(link):
        t.append(f" {measure}")
    for flag in link_flags(link):
        t.append(f"  {flag}", style="cyan")
    return t


def render_comparison(
    cmp: Comparison,
    context: int | None = None,
    stat: bool = False,
    show_unchanged: bool = False,
    markers: bool = False,
) -> RenderableType:
    """Everything ``polydiff diff`` prints as text."""
    parts: list[RenderableType] = [summary_line(cmp)]
    if cmp.term_shifts:
        parts.append(term_table(cmp))
    if stat:
        return Group(*parts)
    for link in cmp.links:
        if not (link.changed or show_unchanged):
            continue
        parts.append(Rule(style="dim"))
        parts.append(link_header(link))
        parts.append(inline_diff(link, context, markers))
    if not cmp.links:
        parts.append(Text("no clauses to show (check --kinds and --path)", style="bold"))
    elif cmp.same:
        parts.append(Text("no changes", style="bold green"))
    return Group(*parts)
