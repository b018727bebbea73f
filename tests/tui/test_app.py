"""Everywhere: ? help listing every key, the command palette, e export (the CLI's
renderers), the light and dark themes, q quits; the CLI entry points."""

from __future__ import annotations

import argparse

import pytest
from textual.binding import Binding
from textual.widgets import Input, OptionList

from polydiff.align import align
from polydiff.cli import build_parser, main
from polydiff.errors import StoreError, UsageError
from polydiff.report.diff_markup import comparison_html, comparison_markdown
from polydiff.store.repo import PolicyRepo
from polydiff.tui import app as app_module
from polydiff.tui.screens.compare import CompareScreen
from polydiff.tui.screens.corpus import CorpusScreen
from polydiff.tui.screens.document import DocumentScreen
from polydiff.tui.screens.export import ExportScreen
from polydiff.tui.screens.help import HelpScreen
from polydiff.tui.screens.history import HistoryScreen
from polydiff.tui.screens.lineage import LineageScreen
from polydiff.tui.screens.search import SearchScreen
from polydiff.tui.widgets.keybar import KeyBar
from tests.conftest import PROJECT
from tests.tui.conftest import press, settle, text_of

SCREENS = (
    CorpusScreen,
    DocumentScreen,
    CompareScreen,
    LineageScreen,
    HistoryScreen,
    SearchScreen,
    ExportScreen,
)


async def test_help_lists_every_key(app_on) -> None:
    app = app_on()
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = text_of(app.screen.query_one("#keys"))
        for cls in (app_module.PolydiffApp, *SCREENS):
            for b in cls.BINDINGS:
                assert isinstance(b, Binding)
                assert b.description in shown, (cls.__name__, b.key)
        for key in (
            "c ",
            "x ",
            "d ",
            "f ",
            "n ",
            "N ",
            ": ",
            "l ",
            "t ",
            "h ",
            "H ",
            "e ",
            "/ ",
            "? ",
            "q ",
            "T ",
            "ctrl+p",
            "space",
            "enter",
            "esc",
        ):
            assert any(line.lstrip().startswith(key) for line in shown.splitlines()), key
        await press(pilot, "escape")
        assert isinstance(app.screen, CorpusScreen)


async def test_command_palette_runs_polydiff_commands(app_on) -> None:
    app = app_on()
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p", *"compare 40")  # the palette searches in a worker
        await press(pilot, "enter")
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.a, app.screen.b) == ("gf-2015-40", "gf-2025-11")


async def test_export_compare_as_markdown_and_html(app_on, tmp_path) -> None:
    app = app_on(None, "gf-2015-40", "gf-2025-11")
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        box = app.screen.query_one("#path", Input)
        assert box.value == str(tmp_path / "polydiff-diff-gf-2015-40-gf-2025-11.md")
        await press(pilot, "enter")
        assert isinstance(app.screen, CompareScreen)
        await press(pilot, "e", "tab", "down", "enter")  # the HTML option
        repo = PolicyRepo(PROJECT)
        cmp = align(
            repo.load_tree("gf-2015-40", "zh"),
            repo.load_tree("gf-2025-11", "zh"),
            a_name="gf-2015-40",
            b_name="gf-2025-11",
        )
        md = (tmp_path / "polydiff-diff-gf-2015-40-gf-2025-11.md").read_text(encoding="utf-8")
        assert md == comparison_markdown(cmp)
        page = (tmp_path / "polydiff-diff-gf-2015-40-gf-2025-11.html").read_text("utf-8")
        assert page == comparison_html(cmp)
        # the kind filter carries over to the export
        await press(pilot, "f", "f", "f", "f", "e", "enter")  # all, reworded, new, counterpart
        md = (tmp_path / "polydiff-diff-gf-2015-40-gf-2025-11.md").read_text(encoding="utf-8")
        assert md == comparison_markdown(cmp.filtered({"counterpart"}))


async def test_export_compare_as_the_contrast_table(app_on, tmp_path) -> None:
    """On a comparison the dialog also offers the 对照表 as Word and Excel: the links on screen."""
    import docx
    import openpyxl

    app = app_on(None, "gf-2015-40", "gf-2025-11")
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "e")
        assert len(app.screen.query_one("#formats", OptionList).options) == 4
        await press(pilot, "tab", "down", "down", "enter")
        await press(pilot, "e", "tab", "down", "down", "down", "enter")
        assert isinstance(app.screen, CompareScreen)
        shown = len(app.screen.shown)
    table = docx.Document(str(tmp_path / "polydiff-diff-gf-2015-40-gf-2025-11.docx")).tables[1]
    assert len(table.rows) - 1 == shown > 0
    book = openpyxl.load_workbook(tmp_path / "polydiff-diff-gf-2015-40-gf-2025-11.xlsx")
    assert book["新旧对照表"].max_row - 1 == shown


async def test_export_other_screens(app_on, tmp_path) -> None:
    app = app_on(None, "gf-2025-11#2.6.1")
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "l", "l", "e", "enter")  # the clause, side by side
        md = (tmp_path / "polydiff-gf-2025-11-2.6.1-both.md").read_text(encoding="utf-8")
        assert "| path | zh | en |" in md and "| 2.6.1 | 1. 推动人工智能普惠共享" in md
        await press(pilot, "t", "e", "tab", "down", "enter")
        page = (tmp_path / "polydiff-trace-gf-2025-11-2.6.1.html").read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and "ndrc-2025-0826#2.4" in page
        assert "<strong>quoted</strong>" in page
        await press(pilot, "escape", "escape", "escape", "e", "enter")  # the corpus
        md = (tmp_path / "polydiff-corpus.md").read_text(encoding="utf-8")
        # titles in the language last chosen (both, from the document screen)
        assert (
            "| gf-2025-11 | 2025-08-21 | 国务院关于深入实施“人工智能+”行动的意见 / Opinions" in md
        )
        assert "| ndrc-2025-0826 | interprets | gf-2025-11 |" in md
        await press(pilot, "h", "e", "escape")  # escape cancels: nothing written
        assert not (tmp_path / "polydiff-history-gf-2015-40.md").exists()


async def test_themes_and_quit(app_on) -> None:
    app = app_on(theme="light")
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await press(pilot, "T")
        assert app.theme == "textual-dark"
        # mouse: the key bar's keys are clickable
        bar = app.screen.query_one(KeyBar)
        x = bar.visual.plain.index("? Keys")  # type: ignore[attr-defined]
        await pilot.click(bar, offset=(x + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")
        await press(pilot, "q")
    assert not app.is_running


def test_make_app_refuses_bad_arguments() -> None:
    repo = PolicyRepo(PROJECT)
    with pytest.raises(StoreError, match="unknown document 'nope'"):
        app_module.make_app(repo, ["nope"])
    with pytest.raises(UsageError, match="compare whole documents"):
        app_module.make_app(repo, ["gf-2015-40", "gf-2025-11#2.1"])
    with pytest.raises(UsageError, match="at most two"):
        app_module.make_app(repo, ["gf-2015-40", "gf-2025-11", "ndrc-2025-0826"])
    with pytest.raises(UsageError, match="unknown theme"):
        app_module.make_app(repo, theme="pink")


def test_cli_tui_subcommand_and_bare_polydiff(monkeypatch, capsys) -> None:
    opened: list[tuple[tuple[str, ...], str, str]] = []

    def fake_run(self: app_module.PolydiffApp) -> None:
        opened.append((self.refs, self.lang, self.start_theme))

    monkeypatch.setattr(app_module.PolydiffApp, "run", fake_run)
    monkeypatch.chdir(PROJECT)
    args = build_parser().parse_args(["tui", "gf-2015-40", "gf-2025-11", "--theme", "light"])
    assert isinstance(args, argparse.Namespace) and args.docs == ["gf-2015-40", "gf-2025-11"]
    assert main(["tui", "gf-2015-40", "gf-2025-11", "--theme", "light"]) == 0
    assert main(["tui", "nope"]) == 2
    assert "unknown document 'nope'" in capsys.readouterr().err
    # bare polydiff: the TUI on a terminal, the help otherwise
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main([]) == 0
    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    assert main([]) == 0
    assert "usage: polydiff" in capsys.readouterr().out
    assert opened == [
        (("gf-2015-40", "gf-2025-11"), "zh", "textual-light"),
        ((), "zh", "textual-dark"),
    ]
