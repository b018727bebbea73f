"""What every full screen shares: a way back, the app's corpus, header and footer."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from polydiff.tui.app import PolydiffApp
    from polydiff.tui.data import CorpusData


class PolydiffScreen(Screen[None]):
    """A full screen of the app; ``escape`` goes back to the previous one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]
    HELP: ClassVar[str] = ""
    """One line for the help screen: what this screen is."""

    @property
    def papp(self) -> PolydiffApp:
        return cast("PolydiffApp", self.app)

    @property
    def data(self) -> CorpusData:
        return self.papp.data

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
