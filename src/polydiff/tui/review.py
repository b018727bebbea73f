"""Confirming or rejecting a lineage link from the TUI: the core's
:func:`polydiff.lineage.review.set_review`, as ``polydiff lineage confirm|reject`` uses it,
and the prompt for the note that ``--note`` gives on the command line."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from polydiff.lineage.model import Status
from polydiff.lineage.review import set_review
from polydiff.store.repo import PolicyRepo
from polydiff.tui.widgets.dialog import Dialog


def review_link(
    repo: PolicyRepo, source: str, target: str, status: Status, note: str | None = None
) -> str:
    """Mark the link ``source`` → ``target`` (``doc#path`` each) as ``status``; returns the
    repository-relative path of the lineage file written."""
    return set_review(repo, source, target, status, note)[1]


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
