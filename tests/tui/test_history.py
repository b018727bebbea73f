"""History: a document's or a clause's git revisions (date, message) and the diff between
any two of them."""

from __future__ import annotations

import shutil

from textual.widgets import DataTable, Static

from polydiff.store.repo import PolicyRepo
from polydiff.tui.screens.compare import CompareScreen
from polydiff.tui.screens.history import HistoryScreen
from tests.conftest import PROJECT, git
from tests.tui.conftest import press, settle, text_of


def rows(screen: HistoryScreen) -> list[list[str]]:
    table = screen.query_one("#revisions", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_document_history_and_diff_of_a_commit(app_on, revised_corpus) -> None:
    app = app_on(revised_corpus)
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "down", "h")  # gf-2025-11
        screen = app.screen
        assert isinstance(screen, HistoryScreen) and screen.doc == "gf-2025-11"
        shown = rows(screen)
        assert [r[1] for r in shown] == ["2026-01-02 03:04"] * 2
        assert [r[3] for r in shown] == [
            "gf-2025-11: 加快 → 加速 in 2.1.1 and 2.2.3",
            "bundled corpus",
        ]
        assert "2 revision(s)" in text_of(screen.query_one("#caption", Static))
        # enter: the highlighted commit against the one before it
        await press(pilot, "enter")
        cmp = app.screen
        assert isinstance(cmp, CompareScreen)
        head, first = (e.rev for e in screen.entries)
        assert (cmp.a, cmp.b) == (f"gf-2025-11@{first[:12]}", f"gf-2025-11@{head[:12]}")
        assert [(x.kind.value, x.a) for x in cmp.shown] == [
            ("reworded", ("2.1.1",)),
            ("reworded", ("2.2.3",)),
        ]
        # the earliest commit has nothing before it, unless another one is marked
        await press(pilot, "escape", "down", "enter")
        assert app.screen is screen
        await press(pilot, "space", "up", "enter")
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.a, app.screen.b) == (cmp.a, cmp.b)


async def test_clause_history_and_the_working_tree(app_on, revised_corpus) -> None:
    zh = revised_corpus.root / "policies" / "gf-2025-11" / "zh.yaml"
    zh.write_text(zh.read_text(encoding="utf-8").replace("加速探索", "加紧探索", 1), "utf-8")
    app = app_on(revised_corpus, "gf-2025-11#2.1.1")
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "h")
        screen = app.screen
        assert isinstance(screen, HistoryScreen) and screen.clause_path == "2.1.1"
        shown = rows(screen)
        assert [r[2:5] for r in shown] == [
            ["worktree", "changed", "2.1.1"],
            [shown[1][2], "reworded", "2.1.1"],
            [shown[2][2], "imported", "2.1.1"],
        ]
        await press(pilot, "enter")  # the working tree against HEAD, this clause only
        cmp = app.screen
        assert isinstance(cmp, CompareScreen) and cmp.b == "gf-2025-11"
        assert cmp.clause_path == "2.1.1"
        assert [(x.kind.value, x.b) for x in cmp.shown] == [("reworded", ("2.1.1",))]
        assert "加速紧探索" in text_of(cmp.query_one("#diff"))


async def test_a_document_never_committed(app_on, tmp_path, git_env) -> None:
    root = tmp_path / "fresh"
    shutil.copytree(PROJECT / "policies", root / "policies")
    git(root, "init", "-q", "-b", "main")
    app = app_on(PolicyRepo(root))
    async with app.run_test() as pilot:
        await settle(pilot)
        app.open_history("gmrb-2025-1025")
        await settle(pilot)
        caption = text_of(app.screen.query_one("#caption", Static))
        assert "gmrb-2025-1025 has no committed revisions" in caption
        await press(pilot, "enter", "space")  # nothing to diff or mark: no error
        assert isinstance(app.screen, HistoryScreen)
        app.open_history("gmrb-2025-1025", "h1")
        await settle(pilot)
        caption = text_of(app.screen.query_one("#caption", Static))
        assert "the repository has no commits yet" in caption
