"""``?``: every key of every screen, read from the bindings themselves (so it is complete)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from polydiff.tui.widgets.keybar import key_name

EXTRA: dict[str, list[tuple[str, str]]] = {
    "Everywhere": [
        ("ctrl+p", "command palette: open a document, compare, search, theme…"),
        ("tab", "next pane"),
        ("mouse", "click rows, tree nodes, column headers (sort), the key bar; wheel scrolls"),
    ],
    "Document": [("↑ ↓ ← →", "move in the clause tree"), ("space", "expand/collapse")],
}


def bindings_rows(bindings: Sequence[BindingType]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for b in bindings:
        if isinstance(b, Binding) and b.description:
            rows.append((key_name(b.key), b.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """A table of keys per screen; any of escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 84; max-width: 96%; height: 90%; border: thick $accent; background: $surface;
    }
    HelpScreen VerticalScroll { height: 1fr; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, sections: Sequence[tuple[str, str, Sequence[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("[b]polydiff keys[/b]  (escape closes)")
            with VerticalScroll():
                yield Static(self.table(), id="keys")

    def table(self) -> Table:
        table = Table(show_header=False, box=None, expand=True, padding=(0, 1))
        table.add_column("key", style="bold", no_wrap=True, width=10)
        table.add_column("does", ratio=1)
        for title, about, bindings in self.sections:
            table.add_row(Text(title, style="bold underline"), Text(about, style="dim"))
            seen = set()
            for key, does in [*bindings_rows(bindings), *EXTRA.get(title, [])]:
                if (key, does) not in seen:
                    seen.add((key, does))
                    table.add_row(key, does)
            table.add_row("", "")
        return table

    def action_close(self) -> None:
        self.dismiss(None)
