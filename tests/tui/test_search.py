"""``/``: search every clause of the corpus in Chinese and English; a result opens the
document at that clause."""

from __future__ import annotations

from textual.widgets import Input, Label, OptionList

from polydiff.model import ClauseTree
from polydiff.service.search import Hit
from polydiff.service.search import find_clauses as find
from polydiff.store.repo import PolicyRepo
from polydiff.tui.data import CorpusData
from polydiff.tui.screens.document import DocumentScreen
from polydiff.tui.screens.search import SearchScreen
from tests.conftest import PROJECT
from tests.tui.conftest import press, settle


def find_clauses(data: CorpusData, query: str) -> list[Hit]:
    docs: list[tuple[str, dict[str, ClauseTree]]] = [(d, data.trees(d)) for d in data.doc_ids()]
    return find(docs, query)


def test_find_clauses_chinese_english_width_and_case() -> None:
    data = CorpusData(PolicyRepo(PROJECT))
    hits = find_clauses(data, "全球南方")
    assert [(h.ref, h.lang) for h in hits] == [("gf-2025-11#2.6.1", "zh")]
    assert hits[0].match == "全球南方" and hits[0].before.endswith("帮助")
    english = find_clauses(data, "OPEN SOURCE")
    assert {h.ref for h in english} >= {"gf-2025-11#3.11"} and {h.lang for h in english} == {"en"}
    assert english[0].match.lower() == "open source"
    # full-width and half-width punctuation match each other
    assert {h.ref for h in find_clauses(data, "（一）")} == {
        h.ref for h in find_clauses(data, "(一)")
    }
    assert find_clauses(data, "   ") == []


async def test_slash_searches_and_opens_at_the_clause(app_on) -> None:
    app = app_on()
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.query_one("#query", Input).has_focus
        await pilot.press(*"牛鼻子")
        await settle(pilot)
        results = screen.query_one("#results", OptionList)
        assert results.option_count == 1
        assert str(screen.query_one("#count", Label).render()) == "1 clause(s)"
        assert str(results.get_option_at_index(0).prompt).startswith("ndrc-2025-0826#2.1 zh")
        await press(pilot, "enter", "enter")  # to the results, then open
        assert isinstance(app.screen, DocumentScreen)
        assert (app.screen.doc, app.screen.selected_path(), app.screen.mode) == (
            "ndrc-2025-0826",
            "2.1",
            "zh",
        )
        # English: the hit opens in English; escape closes the dialog
        await press(pilot, "slash", *"South")
        screen = app.screen
        assert [h.ref for h in screen.hits] == ["gf-2025-11#2.6.1"]
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, DocumentScreen) and app.screen.mode == "en"
        assert app.screen.selected_path() == "2.6.1"
        await press(pilot, "slash", "escape")
        assert isinstance(app.screen, DocumentScreen)
