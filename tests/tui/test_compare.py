"""Compare screen: aligned pairs with kind badges and similarity, the wording diff inline
or side by side, term shifts, kind filter, next/previous change, jump to a path."""

from __future__ import annotations

import threading

from textual.widgets import DataTable, Input, Label, Static

from polydiff.tui.screens import compare
from polydiff.tui.screens.compare import CompareScreen
from polydiff.tui.screens.document import DocumentScreen
from polydiff.tui.screens.help import HelpScreen
from polydiff.tui.widgets.busy import Busy
from polydiff.tui.widgets.diffview import DEL, INS, DiffView, ops_text
from polydiff.tui.widgets.keybar import KeyBar
from tests.tui.conftest import press, settle, text_of


def diff_text(screen: CompareScreen) -> str:
    return text_of(screen.query_one(DiffView))


def pair(screen: CompareScreen) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    link = screen.selected()
    assert link is not None
    return link.kind.value, link.a, link.b


async def test_outline_against_the_opinions(app_on) -> None:
    """The 2015 outline against the 2025 Opinions: counterparts by role and policy field,
    the headings with none found, the term shift of the actions (one account with diff,
    trace and lineage)."""
    app = app_on(None, "gf-2015-40", "gf-2025-11")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        summary = text_of(screen.query_one("#summary", Static))
        assert "gf-2015-40 → gf-2025-11 (zh, headings only)" in summary
        assert (
            "31 new · 14 counterpart · 14 no counterpart found · 14 of 28 outline headings placed"
            in summary
        )
        assert "filter: changed (60 of 60)" in summary
        table = screen.query_one("#links", DataTable)
        title = "title  国务院关于深入实施“人工智能+”行动的意见"
        assert [str(c).strip() for c in table.get_row_at(0)] == ["reworded", title, "0.56"]
        assert [str(c).strip() for c in table.get_row_at(3)] == ["counterp.", "1  总体要求", ""]
        # n / N: next and previous change; the diff follows the cursor
        await press(pilot, "n", "n", "n")
        assert pair(screen) == ("counterpart", ("1",), ("1",))
        text = diff_text(screen)
        assert "1  counterpart part: requirements" in text and "行动总体要求" in text
        rendered = ops_text(screen.selected().ops)
        styles = {rendered.plain[s.start : s.end]: s.style for s in rendered.spans}
        assert styles == {"行动": DEL, "总体": INS}
        await press(pilot, "N")
        assert pair(screen) == ("new", (), ("pre",))
        # d: side by side, each side with its own changes
        await press(pilot, "n", "d")
        assert screen.query_one(DiffView).mode == "side"
        side = diff_text(screen)
        row = next(line for line in side.splitlines() if "行动要求" in line)
        assert "总体要求" in row and row.index("行动要求") < row.index("总体要求")
        assert "gf-2015-40  1" in side and "gf-2025-11  1" in side
        await press(pilot, "d")
        assert screen.query_one(DiffView).mode == "inline"
        shifts = screen.query_one("#shifts", DataTable)
        assert [str(c) for c in shifts.get_row_at(0)] == ["互联网+", "人工智能+", "4"]
        # the targets section went to the paragraph of dated targets
        rows = [screen.cmp.links.index(x) for x in screen.shown if x.a == ("1.3",)]
        assert [screen.shown[r].b for r in rows] == [("1.p2",)]
        # mouse: a click shows a pair, a second click on it opens its clause
        k = next(i for i, x in enumerate(screen.shown) if x.a == ("2",))
        await pilot.click(table, offset=(12, 1 + k - table.scroll_offset.y))
        await settle(pilot)
        assert app.screen is screen and pair(screen) == ("counterpart", ("2",), ("2",))
        assert "重点行动" in diff_text(screen)
        await pilot.click(table, offset=(12, 1 + k - table.scroll_offset.y))
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen) and app.screen.selected_path() == "2"


async def test_filter_and_jump_to_path(app_on) -> None:
    app = app_on(None, "gf-2015-40", "gf-2025-11")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        await press(pilot, "f")
        assert screen.kind_filter == "all"
        await press(pilot, "f", "f", "f")  # then its kinds: reworded (the title), new, counterpart…
        assert screen.kind_filter == "counterpart"
        assert {link.kind.value for link in screen.shown} == {"counterpart"}
        assert len(screen.shown) == 14
        summary = text_of(screen.query_one("#summary", Static))
        assert "filter: counterpart (14 of 60)" in summary
        # :2.1.1 jumps to the pair holding 2.1.1: new in B, outside the filter, so all
        await press(pilot, "colon")
        box = screen.query_one("#goto", Input)
        assert box.has_focus
        # the prompt is on screen, above the key bar, with its hint
        bar = screen.query_one("#goto-bar")
        keys = screen.query_one(KeyBar)
        assert box.region.height == 1 and box.region.bottom <= keys.region.y
        assert "go to a clause path" in text_of(bar.query_one(Label))
        await press(pilot, *"2.1.1", "enter")
        assert screen.kind_filter == "all"
        assert pair(screen) == ("new", (), ("2.1.1",))
        assert "加速科学发现进程" in diff_text(screen)
        # an A-side path works too
        await press(pilot, "colon", *"2.3", "enter")
        assert pair(screen) == ("counterpart", ("2.3",), ("2.2.3",))
        assert "2.3 → 2.2.3  counterpart field: agriculture (heading)" in diff_text(screen)
        await press(pilot, "colon", *"3.1.2", "enter")
        assert pair(screen) == ("unmatched", ("3.1.2",), ())
        assert "3.1.2 → (no counterpart)  no counterpart found" in diff_text(screen)
        # an unknown path says so and stays put
        await press(pilot, "colon", *"9.9", "enter")
        assert pair(screen) == ("unmatched", ("3.1.2",), ())
        await press(pilot, "colon", "escape")  # escape cancels the path box, stays here
        assert app.screen is screen and not bar.has_class("-shown")
        # enter opens the clause in its document (A side: the heading has no counterpart)
        await press(pilot, "enter")
        assert isinstance(app.screen, DocumentScreen)
        assert (app.screen.doc, app.screen.selected_path()) == ("gf-2015-40", "3.1.2")


async def test_term_shifts_and_revisions(app_on, revised_corpus) -> None:
    """Two revisions of one document: two reworded clauses and the 加快 → 加速 term shift."""
    app = app_on(revised_corpus, "gf-2025-11@HEAD~1", "gf-2025-11@HEAD")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        summary = text_of(screen.query_one("#summary", Static))
        assert "40 unchanged · 2 reworded" in summary  # 39 clauses and the title
        assert "filter: changed (2 of 42)" in summary
        assert pair(screen) == ("reworded", ("2.1.1",), ("2.1.1",))
        assert "加快速探索人工智能" in diff_text(screen)
        assert ("-", "快") in screen.selected().ops and ("+", "速") in screen.selected().ops
        shifts = screen.query_one("#shifts", DataTable)
        assert shifts.display
        assert [str(c) for c in shifts.get_row_at(0)] == ["加快", "加速", "2"]
        assert "term shifts (1)" in str(screen.query_one("#shifts-caption").render())
        await press(pilot, "l")  # English: nothing changed there
        assert screen.lang == "en" and screen.shown == []
        assert "42 unchanged" in text_of(screen.query_one("#summary", Static))


async def test_appears_without_blocking_input(app_on, monkeypatch) -> None:
    """While the alignment runs in a worker, the screen shows progress and keys work."""
    release = threading.Event()
    real = compare.compute

    def slow(*args: object) -> object:
        release.wait(10)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(compare, "compute", slow)
    app = app_on(None, "gf-2015-40", "gf-2025-11")
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.query(Busy)  # the progress indicator
        await pilot.press("question_mark")  # input is handled meanwhile
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("n", "d", "f")  # no comparison yet: these do nothing, no error
        assert screen.cmp is None
        release.set()
        await settle(pilot)
        assert screen.cmp is not None and not screen.query(Busy)
        assert len(screen.shown) == 60


async def test_unknown_revision_is_reported(app_on, revised_corpus) -> None:
    app = app_on(revised_corpus)
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        app.open_compare("gf-2025-11@nosuchrev", "gf-2025-11")
        await settle(pilot)
        assert "unknown revision 'nosuchrev'" in text_of(app.screen.query_one("#summary"))


def test_no_color_marks_changes_with_text(monkeypatch) -> None:
    """Without colour (NO_COLOR) deletions and insertions are still told apart."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert ops_text((("=", "加"), ("-", "快"), ("+", "速"))).plain == "加[-快-]{+速+}"
    monkeypatch.delenv("NO_COLOR")
    assert ops_text((("=", "加"), ("-", "快"), ("+", "速"))).plain == "加快速"
