"""``e``: write what is on screen as Markdown or HTML; a comparison also as the 新旧对照表
(Word or Excel, the CLI's ``diff --format docx/xlsx`` renderers).

Comparisons use the CLI's renderers (``comparison_markdown`` / ``comparison_html``) and
traces ``trace_markdown``; what the CLI only prints as a terminal table (the corpus, a
clause tree, a revision list) is written as Markdown here. HTML without a CLI renderer is
that Markdown rendered by markdown-it (the Markdown parser Textual ships with)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import ClassVar, Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from polydiff.align.model import Comparison
from polydiff.errors import PolydiffError
from polydiff.model import ClauseTree, union_paths
from polydiff.store.atomic import write_files
from polydiff.tui.widgets.dialog import Dialog

FORMATS = {"md": "Markdown", "html": "HTML"}
TABLES = {"docx": "Word 对照表", "xlsx": "Excel 对照表"}
"""Offered on a comparison: the 新旧对照表 of the links on screen."""


@runtime_checkable
class Exportable(Protocol):
    """A screen whose content can be exported."""

    def export_name(self) -> str:
        """A file name stem for the export (``diff-gf-2015-40-gf-2025-11``)."""
        ...

    def export_text(self, fmt: str) -> str:
        """The content as ``md`` or ``html``."""
        ...


def _md(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")


def markdown_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A GitHub Markdown table (cells escaped)."""
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return lines


def tree_markdown(trees: Sequence[ClauseTree], path: str | None, rev: str | None) -> str:
    """Clauses (all, or ``path`` and its descendants) in one language, or two side by side."""
    first = trees[0]
    where = f"{first.doc}@{rev}" if rev else first.doc
    lines = [f"### {_md(first.title or first.doc)}", "", f"`{where}` · {first.number}".strip(), ""]
    subs = [t.subtree(path) if path else t for t in trees]
    if len(subs) == 1:
        for c in subs[0].walk():
            head = " ".join(x for x in (c.label, c.heading) if x)
            lines.append(f"- `{c.path}` **{_md(head)}** {_md(c.text)}".rstrip())
        return "\n".join(lines) + "\n"
    by_lang = [{c.path: c for c in t.walk()} for t in subs]
    order = union_paths(subs)
    rows = []
    for p in order:
        cells = [p]
        for clauses in by_lang:
            found = clauses.get(p)
            parts = (found.label, found.heading, found.text) if found else ("—",)
            cells.append(" ".join(x for x in parts if x))
        rows.append(cells)
    lines += markdown_table(["path", *(t.lang for t in subs)], rows)
    return "\n".join(lines) + "\n"


_CSS = (
    'body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2em auto;'
    "max-width:72em;line-height:1.6;padding:0 1em}table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}"
    "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}"
)


def markdown_to_html(markdown: str, title: str) -> str:
    """One self-contained HTML page from Markdown (tables and inline HTML kept)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}'
        f"</title><style>{_CSS}</style></head><body>\n{body}</body></html>\n"
    )


def default_path(folder: Path, stem: str, fmt: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in stem)
    return folder / f"polydiff-{safe}.{fmt}"


def format_of(path: Path) -> str:
    """``html`` for ``.html``/``.htm``, ``docx``/``xlsx`` for those, else ``md``."""
    suffix = path.suffix.lower()
    return "html" if suffix in (".html", ".htm") else suffix[1:] if suffix[1:] in TABLES else "md"


def shown_comparison(source: object) -> Comparison | None:
    """The comparison a compare screen shows (its ``cmp``, only the links in ``shown``)."""
    cmp = getattr(source, "cmp", None)
    if not isinstance(cmp, Comparison):
        return None
    return replace(cmp, links=tuple(getattr(source, "shown", cmp.links)))


def table_bytes(cmp: Comparison, fmt: str) -> bytes:
    """The 新旧对照表 as ``docx`` or ``xlsx``."""
    from polydiff.report.contrast import Side
    from polydiff.report.contrast_docx import comparison_docx
    from polydiff.report.contrast_xlsx import comparison_xlsx

    render = comparison_docx if fmt == "docx" else comparison_xlsx
    return render(cmp, Side(cmp.a), Side(cmp.b), show_all=True)


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
            options = [Option("Markdown (.md)", id="md"), Option("HTML (.html)", id="html")]
            if shown_comparison(self.source) is not None:
                options += [Option(f"{label} (.{fmt})", id=fmt) for fmt, label in TABLES.items()]
            yield OptionList(*options, id="formats")
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
        fmt, cmp = format_of(path), shown_comparison(self.source)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if fmt in TABLES and cmp is not None:
                write_files({path: table_bytes(cmp, fmt)})
            else:
                path.write_text(self.source.export_text(fmt), encoding="utf-8")
        except OSError as exc:
            self.notify(f"cannot write {path}: {exc.strerror}", severity="error")
            return
        except PolydiffError as exc:  # a missing library, a failed write
            self.notify(str(exc), severity="error")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
