"""The frame of the small dialogs (export, review note): centred, 70 columns, bordered."""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType


class Dialog(ModalScreen[ScreenResultType]):
    """A modal screen whose content is one ``Vertical``, drawn as a centred box."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        width: 70; max-width: 95%; height: auto; border: thick $accent; padding: 0 1;
        background: $surface;
    }
    """
