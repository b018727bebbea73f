"""The key bar at the bottom of every screen: the screen's and the app's main keys, each
clickable. Built once per screen (Textual's Footer rebuilds itself on every focus change)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import Static

KEY_NAMES = {"question_mark": "?", "slash": "/", "colon": ":", "escape": "esc"}
"""Textual key names as people type them (the rest read as they are)."""


def key_name(key: str) -> str:
    """``question_mark`` → ``?``; ``a,b`` → ``a, b``."""
    return ", ".join(KEY_NAMES.get(k, k) for k in key.split(","))


class KeyBar(Static):
    """``? Keys  q Quit  esc Back  n Next  …  ^p palette``; a click runs the key's action.
    Narrow terminals get a second line rather than lose keys; a line breaks between keys,
    never inside one."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; max-height: 2; background: $panel; color: $text-muted; }
    """

    def on_mount(self) -> None:
        self._parts = ["[@click=app.help][b $accent]?[/] Keys[/]"]  # first: always visible
        seen: set[str] = {"question_mark"}
        for owner, bindings in (("app", self.app.BINDINGS), ("screen", self.screen.BINDINGS)):
            for b in bindings:
                if not isinstance(b, Binding) or not b.show or b.key in seen:
                    continue
                seen.add(b.key)
                self._parts.append(
                    f"[@click={owner}.{b.action}][b $accent]{key_name(b.key)}[/] {b.description}[/]"
                )
        self._parts.append("[@click=app.command_palette][b $accent]^p[/] palette[/]")
        self._lay_out(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out(event.size.width)

    def _lay_out(self, width: int) -> None:
        """The keys packed into lines of ``width`` cells, two spaces apart."""
        self.update("\n".join(" " + "  ".join(line) for line in pack(self._parts, width)))


def pack(parts: list[str], width: int) -> list[list[str]]:
    """``parts`` (console markup) in lines no wider than ``width`` cells, in order, each
    line holding at least one part."""
    lines: list[list[str]] = [[]]
    used = 1  # the leading space
    for part in parts:
        size = cell_len(Text.from_markup(part).plain)
        gap = 2 if lines[-1] else 0
        if lines[-1] and used + gap + size > width:
            lines.append([])
            used, gap = 1, 0
        lines[-1].append(part)
        used += gap + size
    return lines
