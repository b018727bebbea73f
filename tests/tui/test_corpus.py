"""Corpus screen: documents with their metadata, relations, sorting, filtering, choosing
documents to open or compare."""

from __future__ import annotations

import subprocess
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from polydiff.service.exporting import default_folder, save
from polydiff.store.repo import PolicyRepo
from polydiff.tui.screens.compare import CompareScreen
from polydiff.tui.screens.corpus import TITLE_MIN, WIDE, CorpusScreen, columns_for
from polydiff.tui.screens.document import DocumentScreen
from polydiff.tui.screens.history import HistoryScreen
from polydiff.tui.widgets.keybar import KeyBar, key_part, pack
from tests.tui.conftest import press, settle

DOCS = ["gf-2015-40", "gf-2025-11", "ndrc-2025-0826", "gmrb-2025-1025"]


def column(screen: CorpusScreen, key: str) -> list[str]:
    table = screen.query_one("#docs", DataTable)
    return [str(table.get_cell(row, key)) for row in table.rows]


async def test_lists_documents_and_relations(app_on) -> None:
    app = app_on()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CorpusScreen)
        assert column(screen, "id") == DOCS  # by date
        assert column(screen, "clauses") == ["28/12", "41/41", "20/20", "21/21"]
        assert column(screen, "text")[0] == "outline"
        assert column(screen, "issuer")[0] == "国务院"
        assert column(screen, "title")[1] == "国务院关于深入实施“人工智能+”行动的意见"
        rel = screen.query_one("#relations", DataTable)
        rows = [[str(c) for c in rel.get_row(k)][:3] for k in rel.rows]
        assert rows == [
            ["gf-2025-11", "succeeds", "gf-2015-40"],
            ["ndrc-2025-0826", "interprets", "gf-2025-11"],
            ["gmrb-2025-1025", "cites", "gf-2025-11"],
        ]
        detail = str(screen.query_one("#detail", Static).render())
        assert "国发〔2015〕40号" in detail


async def test_sort_keys_and_header_click(app_on) -> None:
    app = app_on()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await press(pilot, "S")  # reverse the date order
        assert column(screen, "id") == DOCS[::-1]
        await press(pilot, "s")  # next column: title
        assert screen.sort_key == "title" and not screen.reverse
        # mouse: a click on the "id" header sorts by id
        await pilot.click("#docs", offset=(3, 0))
        await settle(pilot)
        assert screen.sort_key == "id"
        assert column(screen, "id") == sorted(DOCS)
        assert str(screen.query_one("#docs", DataTable).columns["id"].label).endswith("▲")
        # l: titles in English (then both, then Chinese again)
        await press(pilot, "l")
        assert app.lang == "en"
        assert column(screen, "title")[1].startswith("Opinions of the State Council")


async def test_filter_box_matches_titles_and_clause_text(app_on) -> None:
    app = app_on()
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        await press(pilot, "f")
        assert screen.query_one("#filter", Input).has_focus
        await pilot.press(*"智能社会")
        await settle(pilot)
        assert column(screen, "id") == ["gf-2025-11", "gmrb-2025-1025"]  # clause text; title
        await press(pilot, "enter")  # back to the table, the filter kept and named
        assert screen.query_one("#docs", DataTable).has_focus
        assert screen.sub_title == "corpus · 2 of 4 documents · filter: 智能社会"
        await press(pilot, "f", "end", *["backspace"] * 4, *"Guang")  # the issuer (Guangming Daily)
        await settle(pilot)
        assert column(screen, "id") == ["gmrb-2025-1025"]
        await press(pilot, "escape")  # escape clears the filter
        await settle(pilot)
        assert len(column(screen, "id")) == 4 and screen.sub_title == "corpus · 4 documents"
        assert screen.query_one("#filter", Input).value == ""


async def test_enter_opens_space_marks_c_compares(app_on) -> None:
    app = app_on()
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "c")  # gf-2015-40 relates to nothing earlier: mark one first
        assert isinstance(app.screen, CorpusScreen)
        assert any("mark one with space" in n.message for n in app._notifications)
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, DocumentScreen) and app.screen.doc == "gf-2025-11"
        await press(pilot, "escape")
        await press(pilot, "space", "down", "down", "c")  # A = gf-2025-11, B = gmrb-2025-1025
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.a, app.screen.b) == ("gf-2025-11", "gmrb-2025-1025")
        await press(pilot, "escape", "up", "c")  # no mark needed: ndrc interprets gf-2025-11
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.a, app.screen.b) == ("gf-2025-11", "ndrc-2025-0826")


async def test_relation_row_opens_the_comparison_and_h_the_history(app_on) -> None:
    app = app_on()
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "tab")  # documents → relations
        rel = app.screen.query_one("#relations", DataTable)
        assert rel.has_focus
        await press(pilot, "enter")
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.a, app.screen.b) == ("gf-2015-40", "gf-2025-11")
        await press(pilot, "escape", "shift+tab", "h")
        assert isinstance(app.screen, HistoryScreen) and app.screen.doc == "gf-2015-40"


async def test_link_counts_follow_reviews_and_only_reviews(app_on, corpus_copy) -> None:
    """Back on the corpus after confirming a link elsewhere, the relations table shows one
    more confirmed link; closing a dialog (help) on top of it reloads nothing."""
    app = app_on(corpus_copy)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        corpus = app.screen
        assert isinstance(corpus, CorpusScreen)

        def confirmed() -> str:
            rel = corpus.query_one("#relations", DataTable)
            first = next(iter(rel.rows))
            return str(rel.get_cell(first, "confirmed"))

        before = corpus.relations
        await press(pilot, "question_mark", "escape")
        assert app.screen is corpus and corpus.relations is before  # not recomputed
        assert confirmed() == "0"
        app.open_document("gf-2025-11", "2.2.3")
        await settle(pilot)
        await press(pilot, "t", "c")  # confirm gf-2015-40#2.3 → gf-2025-11#2.2.3
        await press(pilot, "escape", "escape")
        assert app.screen is corpus
        assert corpus.relations is not before
        assert confirmed() == "1"


async def test_at_80_columns_titles_keep_their_room_and_no_key_is_lost(app_on) -> None:
    app = app_on()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#docs", DataTable)
        widths = {str(c.key.value): c.width for c in table.columns.values()}
        assert widths["title"] >= TITLE_MIN and "issuer" not in widths  # the title first
        assert sum(w + 2 for w in widths.values()) <= 80
        keys = screen.query_one(KeyBar)
        shown = keys.render().plain
        assert "q Quit" in shown and "^p palette" in shown  # a second line, not a lost key
        assert keys.region.height <= 2
        lines = shown.splitlines()
        assert len(lines) == 2 and all(len(line) <= 80 for line in lines)
        assert " h History" in shown  # a line breaks between keys, never inside one
    assert columns_for(160) == WIDE


def test_exports_default_to_a_folder_git_ignores_inside_the_repository(
    corpus_copy: PolicyRepo, tmp_path: Path
) -> None:
    root = corpus_copy.root
    inside = default_folder(root, root / "policies")
    assert inside == root / ".polydiff" / "exports"
    assert default_folder(root, tmp_path) == tmp_path.absolute()
    save(inside / "polydiff-corpus.md", b"# corpus\n")
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True
    )
    assert status.stdout == ""


def test_the_key_bar_packs_whole_keys_into_lines() -> None:
    parts = [
        key_part("a", k, d)
        for k, d in (("?", "Keys"), ("q", "Quit"), ("h", "History"), ("^p", "palette"))
    ]
    assert pack(parts, 80) == [parts]
    assert pack(parts, 20) == [parts[:2], parts[2:3], parts[3:]]  # " ? Keys  q Quit" is 15
    assert pack(parts[:1], 3) == [parts[:1]]  # a key wider than the line still shows
