"""Invariants on hostile input (issue 11): mutated real texts and random Unicode through the
parser, the accounting check, the YAML round trip, alignment and the JSON contract."""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polydiff.align import align
from polydiff.model import PATH_RE, ClauseTree
from polydiff.parse.accounting import unaccounted
from polydiff.parse.text import parse_text
from polydiff.report.data import comparison_to_json
from polydiff.store import yamlio
from tests.parse.mutations import contract_violations, mutate, window

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str, str]:
    """(lang, original window, mutated window) of a bundled raw text."""
    rng = draw(st.randoms(use_true_random=False))
    lang, text = window(rng)
    return lang, text, mutate(text, rng)


unicode_text = st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=200
) | st.lists(st.sampled_from(["一、", "（一）", "1.", "1.1 ", "Article 2 ", "\n", "\n\n", "。", "x", "术", " ", "\ufeff", "-\n", "#"]), max_size=40).map("".join)  # fmt: skip


def check_tree(text: str, tree: ClauseTree) -> None:
    """The tree accounts for the text, has well-formed unique paths, and survives YAML."""
    assert unaccounted(text, tree) is None
    paths = tree.paths()
    assert len(paths) == len(set(paths)) and all(PATH_RE.match(p) for p in paths)
    for c in tree.walk():
        assert all(k.path.rpartition(".")[0] == c.path for k in c.children)
    dumped = yamlio.dump(yamlio.tree_to_data(tree))
    again = yamlio.tree_from_data(yamlio.load(dumped, "t.yaml"), "t.yaml")
    assert again == tree
    assert yamlio.dump(yamlio.tree_to_data(again)) == dumped


@SETTINGS
@given(mutated())
def test_mutated_corpus_texts_parse_account_and_round_trip(case: tuple[str, str, str]) -> None:
    lang, _, text = case
    check_tree(text, parse_text(text, lang, "t").tree)


@SETTINGS
@given(unicode_text, st.sampled_from(["zh", "en"]))
def test_random_unicode_parses_accounts_and_round_trips(text: str, lang: str) -> None:
    check_tree(text, parse_text(text, lang, "t").tree)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_alignment_and_the_json_contract_on_mutated_texts(case: tuple[str, str, str]) -> None:
    lang, original, text = case
    a = parse_text(original, lang, "a").tree
    b = parse_text(text, lang, "b").tree
    data = json.loads(json.dumps(comparison_to_json(align(a, b))))
    assert contract_violations(data, a, b) == []


def test_the_mutations_do_mutate() -> None:
    rng = random.Random(1)
    changed = 0
    for _ in range(50):
        _, text = window(rng)
        changed += mutate(text, rng) != text
    assert changed >= 45


def test_a_bare_number_against_a_title_line_is_in_the_links() -> None:
    """Found by hypothesis in CI: the outline side was a bare ``一、`` with no heading, and it
    was neither matched nor listed as unmatched, so it was missing from the links."""
    a = parse_text("国务院关于深入实施“人工智能+”行动的意见\n", "zh", "a").tree
    b = parse_text("一、", "zh", "b").tree
    for x, y in ((a, b), (b, a)):
        data = json.loads(json.dumps(comparison_to_json(align(x, y))))
        assert contract_violations(data, x, y) == []
