"""SVG snapshots of every screen at 80×24 and 160×48, grouped per feature.

Each test's docstring says what you should see. Review changes with
``pytest tests/tui/test_snapshots.py --snapshot-update`` and the report it writes. Every
interaction happens in ``run_before`` and waits for the workers, so nothing depends on timing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.conftest import press, settle

SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])


def keys(*pressed: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    """A ``run_before`` that waits for loading, presses ``pressed`` and waits again."""

    async def run(pilot: Pilot[object]) -> None:
        await settle(pilot)
        if pressed:
            await press(pilot, *pressed)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False

    return run


class TestCorpus:
    @SIZES
    def test_corpus(self, snap_compare, app_on, size) -> None:
        """The four documents by date (ids, dates, Chinese titles, languages, clause counts
        zh/en, outline/full); at 160 columns also issuer and kind. Below: the highlighted
        document's full title, number, issuer and relations, then the three relations with
        their lineage link counts. The key bar at the bottom."""
        assert snap_compare(app_on(), terminal_size=size, run_before=keys())

    def test_corpus_sorted_marked_english_light(self, snap_compare, app_on) -> None:
        """Light theme. English titles (l), gf-2025-11 highlighted and marked A (space):
        an A in the last column and the detail line saying to press c on another
        document."""
        assert snap_compare(
            app_on(theme="light"), terminal_size=(80, 24), run_before=keys("l", "down", "space")
        )


class TestDocument:
    @SIZES
    def test_document_zh(self, snap_compare, app_on, size) -> None:
        """gf-2025-11 at clause 2.6.1: the tree of labels and headings with markers
        (= carried, ~ reworded, + new against gf-2015-40; »1 quoted by one later document),
        the legend above it; on the right the clause text, "+ new: not in gf-2015-40" and
        "»1 quoted by ndrc-2025-0826#2.4"."""
        assert snap_compare(app_on(None, "gf-2025-11#2.6.1"), terminal_size=size, run_before=keys())

    def test_document_both(self, snap_compare, app_on) -> None:
        """gf-2025-11 at 2.6 with l pressed twice (both): "[both]" in the legend, Chinese
        labels in the tree, and the right pane shows the Chinese and the English of 2.6 and
        its two items side by side, row by row, CJK text wrapped in its column."""
        assert snap_compare(
            app_on(None, "gf-2025-11#2.6"), terminal_size=(80, 24), run_before=keys("l", "l")
        )


class TestCompare:
    @SIZES
    def test_compare_inline(self, snap_compare, app_on, size) -> None:
        """gf-2015-40 → gf-2025-11: the summary (headings only; 4 reworded, 37 new,
        24 dropped, 2 moved, 2 renumbered), the pair list with coloured kind badges and
        similarity, the cursor on "1" (reworded 0.50) after n n, its inline diff: 行动 struck
        through on red, 总体 underlined on green, then 要求; "term shifts: none"."""
        assert snap_compare(
            app_on(None, "gf-2015-40", "gf-2025-11"), terminal_size=size, run_before=keys("n", "n")
        )

    def test_compare_side_by_side_term_shifts(self, snap_compare, app_on, revised_corpus) -> None:
        """Two revisions of gf-2025-11 (HEAD~1 → HEAD): 39 unchanged, 2 reworded; the
        term-shift table under the list (加快 → 加速 ×2); 2.1.1 side by side (d): the old
        text with 快 struck through on the left, the new with 速 underlined on the right."""
        assert snap_compare(
            app_on(revised_corpus, "gf-2025-11@HEAD~1", "gf-2025-11@HEAD"),
            terminal_size=(160, 48),
            run_before=keys("d"),
        )


class TestLineage:
    @SIZES
    def test_lineage(self, snap_compare, app_on, size) -> None:
        """Lineage of gf-2025-11#2.2.3 (t from the document): one ancestor (↑ gf-2015-40#2.3,
        heading 0.33, proposed) and one descendant (↓ ndrc-2025-0826#2.2, quoted 0.09), the
        descendant selected: both clauses with the quoted 加快农业数智化转型升级 highlighted."""
        assert snap_compare(
            app_on(None, "gf-2025-11#2.2.3"), terminal_size=size, run_before=keys("t", "down")
        )


class TestHistory:
    @SIZES
    def test_history_of_a_clause(self, snap_compare, app_on, gf_history, size) -> None:
        """History of gf-2025-11#2.1.1 (h from the document) in a repository of that
        document alone with a second commit: two rows (reworded, imported), dated 2026-01-02
        03:04 with their commit messages, and the hint on marking and comparing."""
        assert snap_compare(
            app_on(gf_history, "gf-2025-11#2.1.1"), terminal_size=size, run_before=keys("h")
        )


class TestSearchAndHelp:
    @SIZES
    def test_search(self, snap_compare, app_on, size) -> None:
        """The search dialog over the corpus with 开源 typed: the clauses that contain it in
        gf-2025-11 and ndrc-2025-0826 (zh), each with the match reversed in context."""
        assert snap_compare(app_on(), terminal_size=size, run_before=keys("slash", *"开源"))

    @SIZES
    def test_help(self, snap_compare, app_on, size) -> None:
        """The ? dialog: every key, screen by screen (Everywhere, Corpus, Document, Compare,
        Lineage, History, Search, Export) with what it does."""
        assert snap_compare(app_on(), terminal_size=size, run_before=keys("question_mark"))
