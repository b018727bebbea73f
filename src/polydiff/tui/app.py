"""The Textual app: wiring of screens, global keys and the command palette.

``make_app(...)`` is the one way to build it: the CLI (``polydiff``, ``polydiff tui``), the
pilot tests and the snapshot tests all call it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from polydiff.errors import UsageError
from polydiff.model import ClauseRef
from polydiff.service.documents import document_meta
from polydiff.service.exporting import default_folder
from polydiff.service.repository import PolicyRepo, find_repo
from polydiff.tui.data import LANG_MODES, CorpusData, next_lang_mode
from polydiff.tui.screens.corpus import CorpusScreen

if TYPE_CHECKING:
    from polydiff.service.search import Hit

# The other screens are imported when first opened: the corpus screen shows sooner.

THEMES = {"dark": "textual-dark", "light": "textual-light"}


class PolydiffApp(App[None]):
    """Corpus → document → lineage / history / compare, with search, help and export."""

    TITLE = "polydiff"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Keys"),
        Binding("slash", "search", "Search"),
        Binding("e", "export", "Export"),
        Binding("T", "toggle_theme", "Light/dark theme", show=False),
    ]

    def __init__(
        self,
        repo: PolicyRepo,
        refs: Sequence[str] = (),
        lang: str = "zh",
        theme: str = "dark",
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.data = CorpusData(repo)
        self.refs = tuple(refs)
        self.lang = lang
        self.start_theme = THEMES.get(theme, theme)
        self.export_dir = export_dir or default_folder(self.data.repo.root)

    def get_default_screen(self) -> Screen[None]:
        return CorpusScreen()

    def on_mount(self) -> None:
        self.theme = self.start_theme
        if len(self.refs) == 1:
            ref = ClauseRef.parse(self.refs[0])
            self.open_document(ref.doc, ref.path, ref.rev)
        elif len(self.refs) == 2:
            self.open_compare(*self.refs)

    # --- navigation (screens call these) ------------------------------------------------

    def cycle_lang(self) -> str:
        self.lang = next_lang_mode(self.lang)
        return self.lang

    def open_document(
        self, doc: str, path: str | None = None, rev: str | None = None, lang: str | None = None
    ) -> None:
        from polydiff.tui.screens.document import DocumentScreen

        self.push_screen(DocumentScreen(doc, path, rev, lang or self.lang))

    def open_compare(self, a: str, b: str, path: str | None = None) -> None:
        from polydiff.tui.screens.compare import CompareScreen

        self.push_screen(CompareScreen(a, b, path))

    def open_history(self, doc: str, path: str | None = None) -> None:
        from polydiff.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(doc, path))

    def open_lineage(self, doc: str, path: str, lang: str | None = None) -> None:
        from polydiff.tui.screens.lineage import LineageScreen

        self.push_screen(LineageScreen(doc, path, lang))

    def open_sources(self, text: str = "") -> None:
        from polydiff.tui.screens.sources import SourcesScreen

        self.push_screen(SourcesScreen(text))

    # --- global actions -----------------------------------------------------------------

    def action_search(self) -> None:
        from polydiff.tui.screens.search import SearchScreen

        def opened(hit: Hit | None) -> None:
            if hit is not None:
                self.open_document(hit.doc, hit.path, None, hit.lang)

        self.push_screen(SearchScreen(self.data), opened)

    def action_help(self) -> None:
        from polydiff.tui.screens.compare import CompareScreen
        from polydiff.tui.screens.document import DocumentScreen
        from polydiff.tui.screens.export import ExportScreen
        from polydiff.tui.screens.help import HelpScreen
        from polydiff.tui.screens.history import HistoryScreen
        from polydiff.tui.screens.lineage import LineageScreen
        from polydiff.tui.screens.search import SearchScreen
        from polydiff.tui.screens.sources import SourcesScreen

        sections = [
            ("Everywhere", "keys of every screen", self.BINDINGS),
            *(
                (cls.HELP.partition(":")[0], cls.HELP.partition(":")[2].strip(), cls.BINDINGS)
                for cls in (
                    CorpusScreen,
                    DocumentScreen,
                    CompareScreen,
                    LineageScreen,
                    HistoryScreen,
                    SourcesScreen,
                )
            ),
            ("Search", "the / dialog", SearchScreen.BINDINGS),
            ("Export", "the e dialog", ExportScreen.BINDINGS),
        ]
        self.push_screen(HelpScreen(sections))

    def action_export(self) -> None:
        from polydiff.tui.screens.export import Exportable, ExportScreen

        screen = self.screen
        if not isinstance(screen, Exportable):
            self.notify("nothing to export here", severity="warning")
            return

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(f"wrote {path}")

        self.push_screen(ExportScreen(screen, self.export_dir), written)

    def action_toggle_theme(self) -> None:
        self.theme = THEMES["light"] if self.theme == THEMES["dark"] else THEMES["dark"]

    # --- command palette ----------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Search the corpus", "Find clauses (Chinese or English)", self.action_search
        )
        yield SystemCommand(
            "Sources of a text",
            "Paste a text: where did its passages come from?",
            self.open_sources,
        )
        yield SystemCommand("Keys", "Every key of every screen", self.action_help)
        yield SystemCommand("Export", "Write this screen as Markdown or HTML", self.action_export)
        yield SystemCommand(
            "Light/dark theme", "Switch between the light and dark theme", self.action_toggle_theme
        )
        for doc in self.data.doc_ids():
            title = self.data.meta(doc).display_title("zh" if self.lang == "both" else self.lang)
            yield SystemCommand(f"Open {doc}", title, partial(self.open_document, doc))
            yield SystemCommand(
                f"History of {doc}", "git revisions", partial(self.open_history, doc)
            )
            for rel in self.data.meta(doc).relations:
                yield SystemCommand(
                    f"Compare {rel.doc} → {doc}",
                    f"{doc} {rel.type.value} {rel.doc}",
                    partial(self.open_compare, rel.doc, doc),
                )


def make_app(
    repo: PolicyRepo | Path | None = None,
    refs: Sequence[str] = (),
    lang: str = "zh",
    theme: str = "dark",
    export_dir: Path | None = None,
) -> PolydiffApp:
    """The app on ``repo`` (default: found from the current folder), opening ``refs``:
    none (the corpus), ``DOC[@REV][#PATH]`` (a document at a clause), or two documents or
    revisions (their comparison). Unknown documents or revisions raise before anything is
    drawn."""
    if not isinstance(repo, PolicyRepo):
        repo = find_repo(repo)
    if len(refs) > 2:
        raise UsageError("open at most two documents (a comparison)")
    if lang not in LANG_MODES:
        raise UsageError(f"unknown language {lang!r} (zh, en or both)")
    if theme not in THEMES:
        raise UsageError(f"unknown theme {theme!r} (dark or light)")
    for spec in refs:
        try:
            ref = ClauseRef.parse(spec)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if len(refs) == 2 and ref.path:
            raise UsageError(f"{spec}: compare whole documents (no #path)")
        document_meta(repo, ref.doc, ref.rev)
    return PolydiffApp(repo, refs, lang, theme, export_dir)
