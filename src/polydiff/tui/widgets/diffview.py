"""A wording diff on screen: inline (deletions struck through, insertions underlined) or
side by side (A's text with its deletions, B's with its insertions)."""

from __future__ import annotations

import os
from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from polydiff.model.comparison import Link
from polydiff.report.diff_text import MARKERS, link_header

DEL = Style(color="#8b0000", bgcolor="#ffd7d7", strike=True)
"""Deleted text: dark red on pale red, struck through (readable on light and dark themes)."""
INS = Style(color="#0b4d0b", bgcolor="#c8f0c8", underline=True)
"""Inserted text: dark green on pale green, underlined."""
STYLE = {"-": DEL, "+": INS}
MODES = ("inline", "side")


def use_markers() -> bool:
    """``[-…-]{+…+}`` around changes when colour is off (``NO_COLOR``)."""
    return bool(os.environ.get("NO_COLOR"))


def ops_text(ops: Sequence[tuple[str, str]], keep: str | None = None) -> Text:
    """The ops as one text: all of them (inline), or one side (``keep`` ``-`` for A, ``+``
    for B: unchanged text plus that side's changes)."""
    markers = use_markers()
    text = Text()
    for op, chunk in ops:
        if op == "=":
            text.append(chunk)
        elif keep is None or op == keep:
            shown = MARKERS[op][0] + chunk + MARKERS[op][1] if markers else chunk
            text.append(shown, style=STYLE[op])
    return text


def link_view(link: Link, mode: str, a_name: str, b_name: str) -> RenderableType:
    """One aligned pair: its header and its wording diff in ``mode`` (inline or side)."""
    if mode == "inline":
        return Group(link_header(link), Text(""), ops_text(link.ops) or Text("(no text)"))
    table = Table(expand=True, box=box.SIMPLE_HEAD, header_style="bold", padding=(0, 1))
    table.add_column(f"{a_name}  {', '.join(link.a) or '—'}", ratio=1, overflow="fold")
    table.add_column(f"{b_name}  {', '.join(link.b) or '—'}", ratio=1, overflow="fold")
    table.add_row(ops_text(link.ops, "-"), ops_text(link.ops, "+"))
    return Group(link_header(link), table)


class DiffView(Static):
    """The selected pair's wording diff; ``mode`` is ``inline`` or ``side``."""

    DEFAULT_CSS = """
    DiffView { height: auto; padding: 0 1; }
    """

    mode: reactive[str] = reactive("inline")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._link: Link | None = None
        self._names = ("A", "B")

    def show(self, link: Link | None, a_name: str, b_name: str) -> None:
        """Show ``link`` (None: a hint)."""
        self._link, self._names = link, (a_name, b_name)
        self._refresh_view()

    def toggle_mode(self) -> str:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        return self.mode

    def watch_mode(self) -> None:
        self._refresh_view()

    def _refresh_view(self) -> None:
        if self._link is None:
            self.update(Text("no pair selected", style="italic"))
        else:
            self.update(link_view(self._link, self.mode, *self._names))

    @property
    def link(self) -> Link | None:
        return self._link
