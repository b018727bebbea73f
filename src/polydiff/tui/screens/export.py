"""``e``: write what is on screen as Markdown or HTML.

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

from polydiff.tui.widgets.dialog import Dialog

FORMATS = {"md": "Markdown", "html": "HTML"}


@runtime_checkable
class Exportable(Protocol):
    """A screen whose content can be exported."""

    def export_name(self) -> str:
        """A file name stem for the export (``diff-gf-2015-40-gf-2025-11``)."""
        ...

    def export_text(self, fmt: str) -> str:
        """The content as ``md`` or ``html``."""
        ...


def default_path(folder: Path, stem: str, fmt: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in stem)
    return folder / f"polydiff-{safe}.{fmt}"


def format_of(path: Path) -> str:
    """``html`` for ``.html``/``.htm``, else ``md``."""
    return "html" if path.suffix.lower() in (".html", ".htm") else "md"


class ExportScreen(Dialog[Path | None]):
    """Choose Markdown or HTML and where to write; dismisses with the path written."""

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
            yield OptionList(
                Option("Markdown (.md)", id="md"), Option("HTML (.html)", id="html"), id="formats"
            )
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
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.source.export_text(format_of(path)), encoding="utf-8")
        except OSError as exc:
            self.notify(f"cannot write {path}: {exc.strerror}", severity="error")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
