"""The key bar at the bottom of every screen: the screen's and the app's main keys, each
clickable. Built once per screen (Textual's Footer rebuilds itself on every focus change)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Static

KEY_NAMES = {"question_mark": "?", "slash": "/", "colon": ":", "escape": "esc"}
"""Textual key names as people type them (the rest read as they are)."""


def key_name(key: str) -> str:
    """``question_mark`` → ``?``; ``a,b`` → ``a, b``."""
    return ", ".join(KEY_NAMES.get(k, k) for k in key.split(","))


class KeyBar(Static):
    """``? Keys  q Quit  esc Back  n Next  …  ^p palette``; a click runs the key's action.
    Narrow terminals get a second line rather than lose keys."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; max-height: 2; background: $panel; color: $text-muted; }
    """

    def on_mount(self) -> None:
        parts = ["[@click=app.help][b $accent]?[/] Keys[/]"]  # first: always visible
        seen: set[str] = {"question_mark"}
        for owner, bindings in (("app", self.app.BINDINGS), ("screen", self.screen.BINDINGS)):
            for b in bindings:
                if not isinstance(b, Binding) or not b.show or b.key in seen:
                    continue
                seen.add(b.key)
                parts.append(
                    f"[@click={owner}.{b.action}][b $accent]{key_name(b.key)}[/] {b.description}[/]"
                )
        parts.append("[@click=app.command_palette][b $accent]^p[/] palette[/]")
        self.update(" " + "  ".join(parts))
