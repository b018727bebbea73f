"""The Sources screen: paste a text, see its reused passages and their sources, open one."""

from __future__ import annotations

from textual.widgets import DataTable, Static, TextArea

from polydiff.store.repo import PolicyRepo
from polydiff.tui.screens.document import DocumentScreen
from polydiff.tui.screens.lineage import SPAN
from polydiff.tui.screens.sources import SourcesScreen, match_view
from tests.sources.test_sources import UNRELATED, stitched
from tests.tui.conftest import press, settle, text_of


def rows(screen: SourcesScreen) -> list[list[str]]:
    table = screen.query_one("#found", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_paste_find_and_open_a_source(app_on, corpus_copy: PolicyRepo) -> None:
    app = app_on(corpus_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "o")
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        area = screen.query_one("#text", TextArea)
        assert area.has_focus
        await press(pilot, "ctrl+r")  # nothing pasted yet: it says so
        assert "paste a text first" in text_of(screen.query_one("#summary", Static))
        area.text = stitched(corpus_copy)[0]
        await press(pilot, "ctrl+r")
        assert "passage(s) reuse the corpus" in text_of(screen.query_one("#summary", Static))
        found = rows(screen)
        assert found[0][:3] == ["1.p1", "gf-2025-11#2.6.1", "quoted"]
        assert ["2.p1", "gf-2025-11#2.1.3"] in [r[:2] for r in found]
        detail = text_of(screen.query_one("#match", Static))
        assert "1.p1 ← gf-2025-11#2.6.1  quoted" in detail and "(en)" in detail
        # the reused stretch is highlighted in the pasted passage
        passage, match = screen.rows[0]
        group = match_view(passage, match)
        marked = [
            t.plain[s.start : s.end]
            for t in group.renderables
            if hasattr(t, "spans")
            for s in t.spans
            if str(s.style) == SPAN
        ]
        assert any("国际公共产品" in m for m in marked)
        await press(pilot, "enter")
        assert isinstance(app.screen, DocumentScreen)
        assert app.screen.doc == "gf-2025-11"


async def test_a_text_with_no_sources(app_on, corpus_copy: PolicyRepo) -> None:
    app = app_on(corpus_copy)
    async with app.run_test() as pilot:
        await settle(pilot)
        app.open_sources(UNRELATED)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        assert "0 of 1 passage(s)" in text_of(screen.query_one("#summary", Static))
        assert "no reused passage found" in text_of(screen.query_one("#match", Static))
        assert rows(screen) == []
