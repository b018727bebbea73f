"""Document screen: clause tree beside the clause's text, zh/en/both, markers against the
predecessor, reuse counts, and the keys that lead to lineage, history and comparison."""

from __future__ import annotations

from textual.widgets import Static, Tree

from polydiff.service.notes import Marker
from polydiff.tui.screens.compare import CompareScreen
from polydiff.tui.screens.document import DocumentScreen
from polydiff.tui.screens.history import HistoryScreen
from polydiff.tui.screens.lineage import LineageScreen
from tests.tui.conftest import press, settle, text_of


def pane(screen: DocumentScreen) -> str:
    return text_of(screen.query_one("#clause-text", Static))


def labels(screen: DocumentScreen) -> dict[str, str]:
    return {p: str(n.label) for p, n in screen.nodes.items()}


async def test_tree_markers_clause_text_and_languages(app_on) -> None:
    app = app_on(None, "gf-2025-11#2.6.1")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DocumentScreen)
        assert screen.selected_path() == "2.6.1"
        text = pane(screen)
        assert "把人工智能作为造福人类的国际公共产品" in text
        assert "quoted by ndrc-2025-0826#2.4" in text
        assert "+ new: not in gf-2015-40" in text
        # markers from lineage/gf-2015-40..gf-2025-11.yaml; reuse from the later documents
        notes = screen.notes
        assert notes["2.2.2"].marker is Marker.COUNTERPART and notes["2.2.2"].source == (
            "gf-2015-40#2.2"
        )  # 协同制造 continues in the item on industry, not in 2.1.2 (which shares only 协同)
        assert notes["2.1.2"].marker is Marker.NEW
        assert notes["2"].marker is Marker.COUNTERPART
        assert notes["2.6.1"].marker is Marker.NEW and notes["2.6.1"].quote_docs == 1
        shown = labels(screen)
        assert shown["2.1.2"].startswith("+»1 2. 驱动技术研发模式创新")
        assert shown["2.2.2"].startswith("≈»1 2. 推进工业全要素智能化发展")
        assert shown["2.6.1"] == "+»1 1. 推动人工智能普惠共享"
        assert shown["1.p1"].startswith("≈»1 1.p1 以习近平")  # 总体思路 and 基本原则
        legend = text_of(screen.query_one("#legend", Static))
        assert "vs gf-2015-40 · [zh]" in legend and "»quoted" in legend
        # moving the cursor shows the clause and what it came from
        await press(pilot, "up")
        assert screen.selected_path() == "2.6"
        assert "(六)“人工智能+”全球合作" in pane(screen)
        assert "2.6.2 2. 共建人工智能全球治理体系" in pane(screen)  # and its children
        await press(pilot, "down")
        # l cycles zh → en → both → zh
        await press(pilot, "l")
        assert screen.mode == "en" and screen.selected_path() == "2.6.1"
        assert "Promote the inclusive sharing" in pane(screen)
        assert "把人工智能" not in pane(screen)
        assert labels(screen)["2.6.1"].startswith("+»1 1. Promote")
        await press(pilot, "l")
        assert screen.mode == "both"
        both = pane(screen)
        assert "把人工智能" in both and "Promote the inclusive sharing" in both
        # side by side: the Chinese and English of the clause share their first line
        first = next(line for line in both.splitlines() if "2.6.1" in line)
        assert first.count("2.6.1") == 2
        await press(pilot, "l")
        assert screen.mode == "zh"


async def test_both_marks_clauses_missing_in_one_language(app_on) -> None:
    app = app_on(None, "gf-2015-40#1.1", lang="both")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        assert "(not in this language)" in pane(screen)  # the outline has no English 1.1
        assert "总体思路" in pane(screen)
        await press(pilot, "l")  # both → zh
        await press(pilot, "l")  # zh → en: only the twelve clauses with English headings
        assert screen.mode == "en" and len(screen.nodes) == 12


async def test_collapse_with_enter_space_and_mouse(app_on) -> None:
    app = app_on(None, "gf-2025-11#2")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        node = screen.nodes["2"]
        assert node.is_expanded
        await press(pilot, "enter")
        assert not node.is_expanded
        await press(pilot, "space")
        assert node.is_expanded
        tree = screen.query_one("#clauses", Tree)
        line = screen.nodes["2.1.1"].line
        await pilot.click(tree, offset=(12, line - tree.scroll_offset.y))
        await settle(pilot)
        assert screen.selected_path() == "2.1.1"
        assert "加快探索人工智能驱动的新型科研范式" in pane(screen)


async def test_keys_to_lineage_history_and_compare(app_on) -> None:
    app = app_on(None, "gf-2025-11#2.6.1")
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "t")
        assert isinstance(app.screen, LineageScreen) and app.screen.ref == "gf-2025-11#2.6.1"
        await press(pilot, "escape", "h")
        assert isinstance(app.screen, HistoryScreen)
        assert (app.screen.doc, app.screen.clause_path) == ("gf-2025-11", "2.6.1")
        await press(pilot, "escape", "H")
        assert isinstance(app.screen, HistoryScreen) and app.screen.clause_path is None
        await press(pilot, "escape", "c")
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.a, app.screen.b) == ("gf-2015-40", "gf-2025-11")


async def test_a_revision_has_no_markers_and_no_lineage(app_on) -> None:
    app = app_on(None, "gf-2025-11@HEAD#2.6.1")
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.rev == "HEAD" and screen.selected_path() == "2.6.1"
        assert screen.notes == {}
        await press(pilot, "t")
        assert app.screen is screen
        assert any("without a revision" in n.message for n in app._notifications)
