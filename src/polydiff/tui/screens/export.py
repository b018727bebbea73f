"""``e``: write what is on screen as Markdown or HTML; a comparison also as the 新旧对照表
(Word or Excel, the CLI's ``diff --format docx/xlsx`` renderers).

Comparisons use the CLI's renderers (``comparison_markdown`` / ``comparison_html``) and
traces ``trace_markdown``; what the CLI only prints as a terminal table (the corpus, a
clause tree, a revision list) is written as Markdown here. HTML without a CLI renderer is
that Markdown rendered by markdown-it (the Markdown parser Textual ships with)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from polydiff.errors import PolydiffError
from polydiff.service.exporting import save
from polydiff.tui.widgets.dialog import Dialog

FORMATS = {"md": "Markdown (.md)", "html": "HTML (.html)"}
TABLES = {"docx": "Word 对照表 (.docx)", "xlsx": "Excel 对照表 (.xlsx)"}
"""What a comparison adds: the 新旧对照表 of the links on screen."""


@runtime_checkable
class Exportable(Protocol):
    """A screen whose content can be exported."""

    def export_name(self) -> str:
        """A file name stem for the export (``diff-gf-2015-40-gf-2025-11``)."""
        ...

    def export_formats(self) -> dict[str, str]:
        """Format → label of what it can be exported as (``FORMATS``, and more)."""
        ...

    def export_bytes(self, fmt: str) -> bytes:
        """The content in ``fmt`` (one of :meth:`export_formats`)."""
        ...


class TextExport:
    """The usual exports of a screen: Markdown, and HTML rendered from it, of
    ``export_text``."""

    def export_text(self, fmt: str) -> str:
        raise NotImplementedError

    def export_formats(self) -> dict[str, str]:
        return dict(FORMATS)

    def export_bytes(self, fmt: str) -> bytes:
        return self.export_text(fmt).encode("utf-8")


def default_path(folder: Path, stem: str, fmt: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in stem)
    return folder / f"polydiff-{safe}.{fmt}"


def format_of(path: Path, offered: dict[str, str]) -> str:
    """The format a file name asks for among ``offered`` (``.htm`` is HTML; else Markdown)."""
    suffix = path.suffix.lower()[1:]
    suffix = "html" if suffix == "htm" else suffix
    return suffix if suffix in offered else "md"


class ExportScreen(Dialog[Path | None]):
    """Choose Markdown or HTML (or, on a comparison, the 对照表 as Word or Excel) and where
    to write; dismisses with the path written."""

    DEFAULT_CSS = """
    ExportScreen OptionList { height: auto; margin: 1 0 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "write", "Write"),
    ]

    def __init__(self, source: Exportable, folder: Path) -> None:
        super().__init__()
        self.source = source
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"[b]Export[/b] {self.source.export_name()}")
            yield Input(str(default_path(self.folder, self.source.export_name(), "md")), id="path")
            offered = self.source.export_formats()
            yield OptionList(*(Option(label, id=f) for f, label in offered.items()), id="formats")
            yield Label("enter: write · tab: format · escape: cancel", classes="hint")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        fmt = event.option.id or "md"
        box = self.query_one("#path", Input)
        box.value = str(Path(box.value).with_suffix(f".{fmt}"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_write()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_write()

    def action_write(self) -> None:
        path = Path(self.query_one("#path", Input).value).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        fmt = format_of(path, self.source.export_formats())
        try:
            save(path, self.source.export_bytes(fmt))
        except PolydiffError as exc:  # a missing library, a failed write
            self.notify(str(exc), severity="error")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
