"""Term shifts."""

from __future__ import annotations

from polydiff.diff.terms import substitutions, term_shifts
from polydiff.diff.wording import wording_diff
from polydiff.model.comparison import Op


def reworded(a: str, b: str, lang: str = "zh") -> list[Op]:
    return wording_diff(a, b, lang)


def test_single_character_substitutions_are_widened_to_terms() -> None:
    assert list(substitutions(wording_diff("加快发展", "加速发展", "zh"), "zh")) == [
        ("加快", "加速")
    ]


def test_systematic_shifts_are_counted() -> None:
    links = [
        reworded("“互联网+”现代农业", "“人工智能+”现代农业"),
        reworded("“互联网+”智慧能源", "“人工智能+”智慧能源"),
        reworded("加快发展新业态", "加速发展新业态"),
        reworded("加快建设", "加速建设"),
        reworded("推动融合", "促进融合"),  # once: a rewording, not a shift
    ]
    shifts = term_shifts(links, "zh")
    assert [(t.old, t.new, t.count) for t in shifts] == [
        ("互联网", "人工智能", 2),
        ("加快", "加速", 2),
    ]


def test_english_shifts_and_long_rewrites_are_not_terms() -> None:
    links = [
        reworded('"Internet Plus" agriculture', '"AI Plus" agriculture', "en"),
        reworded('"Internet Plus" energy', '"AI Plus" energy', "en"),
        reworded("one two three four five six", "seven eight nine ten eleven twelve", "en"),
        reworded("one two three four five six", "seven eight nine ten eleven twelve", "en"),
    ]
    assert [(t.old, t.new) for t in term_shifts(links, "en")] == [("Internet", "AI")]
