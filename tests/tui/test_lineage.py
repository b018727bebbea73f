"""Lineage panel: a clause's ancestors and descendants with kind, score, status and the
diff or quoted span; c / x write the review to lineage/ exactly as the CLI does; enter
follows a hop."""

from __future__ import annotations

import shutil

import yaml
from textual.widgets import DataTable, Input, Static

from polydiff.cli import main
from polydiff.store.repo import PolicyRepo
from polydiff.tui.screens.document import DocumentScreen
from polydiff.tui.screens.lineage import SPAN, LineageScreen, hop_view
from polydiff.tui.screens.note import NoteScreen
from tests.tui.conftest import press, settle, text_of

UP = "lineage/gf-2015-40..gf-2025-11.yaml"
DOWN = "lineage/gf-2025-11..ndrc-2025-0826.yaml"


def rows(screen: LineageScreen) -> list[list[str]]:
    table = screen.query_one("#hops", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def status_of(repo: PolicyRepo, rel: str, a: str, b: str) -> str:
    data = yaml.safe_load((repo.root / rel).read_text(encoding="utf-8"))
    return next(x["status"] for x in data["links"] if (str(x["from"]), str(x["to"])) == (a, b))


async def test_ancestors_descendants_and_spans(app_on) -> None:
    app = app_on(None, "gf-2025-11#2.2.3")
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "t")
        screen = app.screen
        assert isinstance(screen, LineageScreen)
        head = text_of(screen.query_one("#clause", Static))
        assert "gf-2025-11#2.2.3 (zh)  加快农业数智化转型升级" in head
        assert rows(screen) == [
            ["↑", "gf-2015-40#2.3", "heading", "0.80", "proposed"],
            ["↓", "ndrc-2025-0826#2.2", "summarises", "1.00", "proposed"],
        ]
        detail = text_of(screen.query_one("#hop", Static))
        assert "gf-2015-40#2.3 → gf-2025-11#2.2.3  heading 0.80  proposed" in detail
        assert "(succeeds, by headings)" in detail
        await press(pilot, "down")
        detail = text_of(screen.query_one("#hop", Static))
        assert (
            "gf-2025-11#2.2.3 → ndrc-2025-0826#2.2  summarises 1.00  proposed  (interprets)"
            in detail
        )
        # the named heading is highlighted in both clauses
        th = screen.selected()
        assert th is not None and th.from_clause is not None
        group = hop_view(th)
        marked = [
            t.plain[s.start : s.end]
            for t in group.renderables
            if hasattr(t, "spans")
            for s in t.spans
            if s.style == SPAN
        ]
        assert marked[0] == th.from_clause.content[0:11] == "加快农业数智化转型升级"
        assert marked[1] == "加快农业数智化转型升级"
        # enter follows the hop to the clause in its document
        await press(pilot, "enter")
        assert isinstance(app.screen, DocumentScreen)
        assert (app.screen.doc, app.screen.selected_path()) == ("ndrc-2025-0826", "2.2")


async def test_confirm_and_reject_write_what_the_cli_writes(app_on, corpus_copy, tmp_path) -> None:
    cli_copy = tmp_path / "cli"
    shutil.copytree(corpus_copy.root, cli_copy)
    app = app_on(corpus_copy, "gf-2025-11#2.2.3")
    async with app.run_test() as pilot:
        await settle(pilot)
        doc_screen = app.screen
        assert doc_screen.notes["2.2.3"].quote_docs == 1
        await press(pilot, "t", "c")  # confirm the ancestor link
        assert status_of(corpus_copy, UP, "2.3", "2.2.3") == "confirmed"
        assert rows(app.screen)[0][-1] == "confirmed"
        await press(pilot, "down", "x")  # reject the quotation by the NDRC
        assert status_of(corpus_copy, DOWN, "2.2.3", "2.2") == "rejected"
        assert rows(app.screen)[1][-1] == "rejected"  # still listed, so it can be undone
        assert app.screen.selected().hop.to_ref == "ndrc-2025-0826#2.2"
        # back in the document: the rejected quotation no longer counts
        await press(pilot, "escape")
        assert app.screen is doc_screen and doc_screen.notes["2.2.3"].quote_docs == 0
        assert "»" not in str(doc_screen.nodes["2.2.3"].label)
    assert (
        main(["--repo", str(cli_copy), "lineage", "confirm", "gf-2015-40#2.3", "gf-2025-11#2.2.3"])
        == 0
    )
    assert (
        main(
            ["--repo", str(cli_copy), "lineage", "reject", "gf-2025-11#2.2.3", "ndrc-2025-0826#2.2"]
        )
        == 0
    )
    for rel in (UP, DOWN):
        assert (corpus_copy.root / rel).read_bytes() == (cli_copy / rel).read_bytes()


async def test_a_clause_without_lineage(app_on) -> None:
    app = app_on(None, "gf-2025-11#to")
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        screen = app.screen
        assert rows(screen) == []
        assert "no lineage links for this clause" in text_of(screen.query_one("#hop", Static))
        await press(pilot, "c")
        assert any("no link selected" in n.message for n in app._notifications)


async def test_review_with_a_note_as_the_cli_note_option(app_on, corpus_copy, tmp_path) -> None:
    """C asks for a note (prefilled with the link's note), then confirms with it, and the
    lineage file is byte for byte what ``lineage confirm --note`` writes; escape in the
    prompt changes nothing."""
    cli_copy = tmp_path / "cli"
    shutil.copytree(corpus_copy.root, cli_copy)
    app = app_on(corpus_copy, "gf-2025-11#2.2.3")
    before = (corpus_copy.root / UP).read_bytes()
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "t")
        lineage = app.screen
        await pilot.press("C")  # the review waits for the prompt: no settling here
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await press(pilot, "escape")
        assert app.screen is lineage
        assert (corpus_copy.root / UP).read_bytes() == before  # cancelled: nothing written
        await pilot.press("C")
        await pilot.pause()
        app.screen.query_one("#note", Input).value = "农业 heading"
        await press(pilot, "enter")
        assert app.screen is lineage
        assert status_of(corpus_copy, UP, "2.3", "2.2.3") == "confirmed"
        assert "note: 农业 heading" in text_of(app.screen.query_one("#hop", Static))
    args = ["lineage", "confirm", "gf-2015-40#2.3", "gf-2025-11#2.2.3", "--note", "农业 heading"]
    assert main(["--repo", str(cli_copy), *args]) == 0
    assert (corpus_copy.root / UP).read_bytes() == (cli_copy / UP).read_bytes()
