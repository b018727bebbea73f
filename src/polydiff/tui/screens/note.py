"""The prompt for the note of a lineage review in the TUI (what ``--note`` gives
``polydiff lineage confirm|reject``)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from polydiff.tui.widgets.dialog import Dialog


class NoteScreen(Dialog[str | None]):
    """Ask for the note kept with a review (enter: the note, escape: cancel the review)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text)
            yield Input(self.note, placeholder="why (kept with the link)", id="note")
            yield Label("enter: save · escape: cancel", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
