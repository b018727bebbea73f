"""What every full screen shares: a way back, the app's corpus, header and footer; and
the small protocol through which screens ask the app to open other screens (so no screen
imports the app)."""

from __future__ import annotations

from typing import ClassVar, Protocol, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen

from polydiff.tui.data import CorpusData


class Navigator(Protocol):
    """What a screen may ask of the app."""

    data: CorpusData
    lang: str
    """The language mode: ``zh``, ``en`` or ``both``."""

    def cycle_lang(self) -> str: ...

    def open_document(
        self, doc: str, path: str | None = None, rev: str | None = None, lang: str | None = None
    ) -> None: ...

    def open_compare(self, a: str, b: str, path: str | None = None) -> None: ...

    def open_history(self, doc: str, path: str | None = None) -> None: ...

    def open_lineage(self, doc: str, path: str, lang: str | None = None) -> None: ...

    def open_sources(self, text: str = "") -> None: ...


class PolydiffScreen(Screen[None]):
    """A full screen of the app; ``escape`` goes back to the previous one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]
    HELP: ClassVar[str] = ""
    """One line for the help screen: what this screen is."""

    @property
    def papp(self) -> Navigator:
        return cast(Navigator, self.app)

    @property
    def data(self) -> CorpusData:
        return self.papp.data

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
