"""The key bar at the bottom of every screen: the screen's and the app's main keys, each
clickable. Built once per screen (Textual's Footer rebuilds itself on every focus change)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.markup import escape
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
        self._parts = [key_part("app.help", "?", "Keys")]  # first: always visible
        seen: set[str] = {"question_mark"}
        for owner, bindings in (("app", self.app.BINDINGS), ("screen", self.screen.BINDINGS)):
            for b in bindings:
                if not isinstance(b, Binding) or not b.show or b.key in seen:
                    continue
                seen.add(b.key)
                self._parts.append(key_part(f"{owner}.{b.action}", key_name(b.key), b.description))
        self._parts.append(key_part("app.command_palette", "^p", "palette"))
        self._width = -1
        self._lay_out(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out(event.size.width)

    def _lay_out(self, width: int) -> None:
        """The keys packed into lines of ``width`` cells, two spaces apart."""
        if width == self._width:
            return
        self._width = width
        lines = pack(self._parts, width)
        self.update("\n".join(" " + "  ".join(m for m, _ in line) for line in lines))


Part = tuple[str, int]
"""A key as console markup, and its width in cells."""


def key_part(action: str, key: str, description: str) -> Part:
    """``key description``, clickable, with its width."""
    markup = f"[@click={action}][b $accent]{escape(key)}[/] {escape(description)}[/]"
    return markup, cell_len(f"{key} {description}")


def pack(parts: list[Part], width: int) -> list[list[Part]]:
    """``parts`` in lines no wider than ``width`` cells, in order, each line holding at
    least one part."""
    lines: list[list[Part]] = [[]]
    used = 1  # the leading space
    for part in parts:
        size = part[1]
        gap = 2 if lines[-1] else 0
        if lines[-1] and used + gap + size > width:
            lines.append([])
            used, gap = 1, 0
        lines[-1].append(part)
        used += gap + size
    return lines
