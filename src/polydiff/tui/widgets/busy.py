"""A visible "working on it" indicator for worker computations."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, LoadingIndicator, ProgressBar


class Busy(Vertical):
    """A message, an animated indicator, and a progress bar once totals are known."""

    DEFAULT_CSS = """
    Busy { height: auto; padding: 1 2; }
    Busy LoadingIndicator { height: 1; }
    Busy ProgressBar { display: none; }
    Busy.-measured ProgressBar { display: block; }
    """

    def __init__(self, message: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._message = message

    def compose(self) -> ComposeResult:
        yield Label(self._message, id="busy-message")
        yield LoadingIndicator()
        yield ProgressBar(show_eta=False)

    def progress(self, stage: str, done: int, total: int) -> None:
        """Show ``done`` of ``total`` for ``stage``."""
        self.add_class("-measured")
        self.query_one("#busy-message", Label).update(f"{self._message} ({stage})")
        self.query_one(ProgressBar).update(total=total, progress=done)
