"""Quality of the clause aligner on synthetic revisions with known answers (bench/synth.py),
and checks that the generator's answers are themselves right."""

from __future__ import annotations

import re
import time
from collections import Counter
from difflib import SequenceMatcher

import pytest
from bench.quality import Tally, run
from bench.synth import (
    COMBINED_KEEP,
    HARD_EDITS,
    HARD_STRENGTHS,
    SIMILAR_OVERLAP,
    STRENGTHS,
    Truth,
    change,
    make_revision,
)

from polydiff.model import Clause, ClauseKind, ClauseTree
from polydiff.store.repo import PolicyRepo

DOC = "gf-2025-11"
SEEDS = range(30)
_REVISIONS: dict[tuple[str, int, int | None, bool], tuple[ClauseTree, Truth]] = {}


def revision(
    tree: ClauseTree, seed: int, edits: int | None = None, hard: bool = False
) -> tuple[ClauseTree, Truth]:
    """``make_revision`` of ``tree``, memoised across the tests of this module."""
    key = (tree.lang, seed, edits, hard)
    if key not in _REVISIONS:
        _REVISIONS[key] = make_revision(tree, seed, edits, hard=hard)
    return _REVISIONS[key]


@pytest.fixture(scope="module", params=["zh", "en"])
def tree(request: pytest.FixtureRequest, corpus: PolicyRepo) -> ClauseTree:
    return corpus.load_tree(DOC, request.param)


# --- the generator ------------------------------------------------------------------------


def test_zero_edits_give_an_identical_tree(tree: ClauseTree) -> None:
    revised, truth = make_revision(tree, seed=7, edits=0)
    assert revised == tree
    assert truth.pairs == {(p, p) for p in tree.paths()}
    assert not (truth.kinds or truth.new or truth.dropped or truth.moved or truth.edits)


def test_same_seed_same_revision(tree: ClauseTree) -> None:
    a, ta = make_revision(tree, seed=3)
    b, tb = make_revision(tree, seed=3)
    assert a == b
    assert ta == tb


def _check_truth(a: ClauseTree, b: ClauseTree, t: Truth) -> None:
    pa, pb = a.paths(), b.paths()
    assert len(set(pb)) == len(pb), "duplicate paths in the revision"
    linked_a = {x for x, _ in t.pairs}
    linked_b = {y for _, y in t.pairs}
    # every clause is accounted for exactly once: linked or dropped / linked or new
    assert linked_a | t.dropped == set(pa)
    assert not linked_a & t.dropped
    assert linked_b | t.new == set(pb)
    assert not linked_b & t.new
    assert t.moved <= set(pa)
    assert t.cross_moves <= t.moved
    for (ka, kb), kind in t.kinds.items():
        assert {(x, y) for x in ka for y in kb} <= t.pairs, (ka, kb, kind)
    one = {(x, y) for x, y in t.pairs if len(t.b_of(x)) == 1}
    merged_b = {y for _, y in t.merges}
    near_dups = {x for c in t.cases if c.edit == "drop+near-dup" for x in c.a}
    reworded_splits = {x for c in t.cases if c.edit == "split+reword" for x in c.a}
    reworded_merges = {c.b[0] for c in t.cases if c.edit == "merge+reword"}
    collages = {c.b[0]: c.a for c in t.cases if c.edit == "new (collage)"}
    for x, y in one:
        ca, cb = a.find(x), b.find(y)
        assert ca is not None and cb is not None
        assert ca.kind is cb.kind
        if y in merged_b:
            continue
        kind = t.kind_of((x,), (y,))
        if x in t.reworded:
            assert kind == "reworded" and cb.text != ca.text
            # a near-duplicate has its own heading: one term replaced
            assert (cb.heading != ca.heading) == (x in near_dups), (x, ca.heading, cb.heading)
            assert change(ca.text, cb.text, a.lang) == pytest.approx(t.reworded[x][1])
        elif x in t.punct:
            assert cb.text != ca.text and _fold(cb.text) == _fold(ca.text)
        else:
            assert kind == "unchanged"
            assert (cb.heading, cb.text) == (ca.heading, ca.text), (x, y)
        if x != y:
            assert x in t.renumbered
    sep = "" if a.lang == "zh" else " "
    for x, (y1, y2) in t.splits:
        ca, c1, c2 = a.find(x), b.find(y1), b.find(y2)
        assert ca and c1 and c2
        assert c1.heading == ca.heading and not c2.heading
        if x in reworded_splits:  # one half reworded, the other exactly a part of A
            assert c1.text + sep + c2.text != ca.text
            assert ca.text.startswith(c1.text + sep) or ca.text.endswith(sep + c2.text)
            assert _kept(ca.text, c1.text + sep + c2.text) >= COMBINED_KEEP - 0.05
        else:
            assert c1.text + sep + c2.text == ca.text
        assert _siblings(b, y1).index(y2) == _siblings(b, y1).index(y1) + 1
    for (x1, x2), y in t.merges:
        c1, c2, cb = a.find(x1), a.find(x2), b.find(y)
        assert c1 and c2 and cb
        assert _siblings(a, x1).index(x2) == _siblings(a, x1).index(x1) + 1
        if y in reworded_merges:  # both parts mostly kept
            assert _kept(c1.text, cb.text) >= COMBINED_KEEP - 0.05
            assert _kept(c2.text, cb.text) >= COMBINED_KEEP - 0.05
        else:
            assert cb.text.startswith(c1.text) and cb.text.endswith(c2.text)
    original = "".join(c.content for c in a.walk())
    for y in t.new:
        c = b.find(y)
        assert c is not None and c.text
        parts = [s for s in re.split(r"(?<=[。.])", c.text) if len(s) > 8]
        if y in collages:  # every sentence copied from one of two sources, kept unchanged
            sources = [a.find(x) for x in collages[y]]
            assert len(set(collages[y])) == 2
            for x, src in zip(collages[y], sources, strict=True):
                assert src is not None
                (x2,) = t.b_of(x)
                kept = b.find(x2)
                assert kept is not None and (kept.heading, kept.text) == (src.heading, src.text)
            assert all(any(s.strip() in src.text for src in sources if src) for s in parts)
            assert not any(c.text in src.text for src in sources if src)
        else:
            assert all(s not in original for s in parts)
    for x, y in t.swaps:
        assert _siblings(a, x) == _siblings(a, y)
    for x in t.cross_moves:
        (y,) = t.b_of(x)
        parent_b = y.rpartition(".")[0]
        assert (x.rpartition(".")[0], parent_b) not in t.pairs
    _check_cases(a, b, t)


def _kept(part: str, whole: str) -> float:
    """Share of the characters of ``part`` found, in order, in ``whole``."""
    sm = SequenceMatcher(None, part, whole, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks()) / len(part)


def _check_cases(a: ClauseTree, b: ClauseTree, t: Truth) -> None:
    """The expected links of hard-mode cases agree with the rest of the truth."""
    merges = {(frozenset(m), y) for m, y in t.merges}
    splits = {(x, frozenset(ys)) for x, ys in t.splits}
    for case in t.cases:
        assert case.edit in HARD_EDITS
        assert case.moved_any <= t.moved
        for e in case.expect:
            if e.kind == "new":
                assert not e.a and len(e.b) == 1 and e.b[0] in t.new
            elif e.kind == "split":
                assert (e.a[0], frozenset(e.b)) in splits
            elif e.kind == "merged":
                assert (frozenset(e.a), e.b[0]) in merges
            else:
                assert {(x, y) for x in e.a for y in e.b} <= t.pairs
                assert t.kind_of(e.a, e.b) == e.kind
            if e.moved:
                assert set(e.a) <= t.moved
            if e.moved is False:
                assert not set(e.a) & t.may_move
        if case.edit == "cascade":  # first of its siblings
            (new,) = case.b
            assert _siblings(b, new)[0] == new
            assert case.expect[0].kind == "new"
        if case.edit == "section swap":
            swapped = [b.find(y) for y in case.b]
            assert len(case.a) == 2 and all(c is not None and c.children for c in swapped)
        if case.edit == "new (similar topic)":
            new_clause = b.find(case.b[0])
            assert new_clause is not None
            grams = _ngrams(new_clause.content, a.lang)
            own = set().union(*(_ngrams(c.content, a.lang) for c in a.walk()))
            share = len(grams & own) / len(grams)
            assert 0 < share < SIMILAR_OVERLAP[1] + 0.1, share
        if case.strength and case.edit.startswith("reword 0."):
            assert case.strength[0] in HARD_STRENGTHS


def _ngrams(text: str, lang: str) -> set[tuple[str, ...]]:
    """Character 4-grams (zh) or word 3-grams (en)."""
    units = list(text) if lang == "zh" else re.findall(r"\w+", text.lower())
    n = 4 if lang == "zh" else 3
    return {tuple(units[i : i + n]) for i in range(len(units) - n + 1)}


def _fold(text: str) -> str:
    """Width, quotes and spacing folded (the generator's presentation-only changes)."""
    table = str.maketrans("，：；（）？！“”’", ',:;()?!""\'')
    return re.sub(r"\s+", " ", text.translate(table))


def _siblings(tree: ClauseTree, path: str) -> list[str]:
    parent = path.rpartition(".")[0]
    holder = tree.find(parent) if parent else None
    return [c.path for c in (holder.children if holder else tree.clauses)]


@pytest.mark.parametrize("seed", SEEDS)
def test_truth_is_consistent(tree: ClauseTree, seed: int) -> None:
    revised, truth = revision(tree, seed)
    _check_truth(tree, revised, truth)


def test_many_edits_truth_is_consistent(tree: ClauseTree) -> None:
    for seed in range(10):
        revised, truth = revision(tree, 1000 + seed, edits=14)
        _check_truth(tree, revised, truth)


_ZH = {c: i for i, c in enumerate("零一二三四五六七八九")}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _number(label: str) -> int | None:
    """The number a label carries (an independent reading, for the checks below)."""
    if m := re.search(r"\d+", label):
        return int(m.group())
    if m := re.search(r"[一二三四五六七八九十]+", label):
        s = m.group()
        if "十" in s:
            tens, _, ones = s.partition("十")
            return (_ZH[tens] if tens else 1) * 10 + (_ZH[ones] if ones else 0)
        return _ZH[s]
    if m := re.search(r"[IVXLC]+", label):
        vals = [_ROMAN[c] for c in m.group()]
        return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    return None


def _check_numbering(tree: ClauseTree) -> None:
    counters: Counter[ClauseKind] = Counter()

    def visit(kids: tuple[Clause, ...], parent: str) -> None:
        paragraphs = 0
        local: Counter[ClauseKind] = Counter()
        for c in kids:
            head, _, seg = c.path.rpartition(".")
            assert head == parent, c.path
            if c.kind is ClauseKind.PARAGRAPH:
                paragraphs += 1
                assert seg == f"p{paragraphs}", c.path
            elif c.label:
                local[c.kind] += 1
                counters[c.kind] += 1
                assert int(seg) == _number(c.label), (c.path, c.label)
                # sections keep counting across parts, items restart in every section
                expected = counters[c.kind] if c.kind is ClauseKind.SECTION else local[c.kind]
                assert int(seg) == expected, (c.path, c.label)
            visit(c.children, c.path)

    visit(tree.clauses, "")


def test_numbering_of_the_original_is_what_the_checker_expects(tree: ClauseTree) -> None:
    _check_numbering(tree)


@pytest.mark.parametrize("seed", SEEDS)
def test_revision_is_numbered_like_the_parser_would(tree: ClauseTree, seed: int) -> None:
    revised, _ = revision(tree, seed)
    _check_numbering(revised)
    _check_numbering(revision(tree, 1000 + seed % 10, edits=14)[0])
    label_style = {c.kind: re.sub(r"[0-9一二三四五六七八九十IVXLC]+", "N", c.label)
                   for c in tree.walk() if c.label}  # fmt: skip
    for c in revised.walk():
        if c.label:
            assert re.sub(r"[0-9一二三四五六七八九十IVXLC]+", "N", c.label) == label_style[c.kind]


def test_every_kind_of_edit_occurs(tree: ClauseTree) -> None:
    seen: Counter[str] = Counter()
    for seed in SEEDS:
        _, t = revision(tree, seed)
        seen.update(
            split=len(t.splits), merge=len(t.merges), swap=len(t.swaps),
            move=len(t.cross_moves), drop=len(t.dropped), new=len(t.new), punct=len(t.punct),
            renumbered=len(t.renumbered),
        )  # fmt: skip
        seen.update(f"reword {s}" for s, _ in t.reworded.values())
    for kind in ("split", "merge", "swap", "move", "drop", "new", "punct", "renumbered"):
        assert seen[kind] >= 5, (kind, seen)
    for s in STRENGTHS:
        assert seen[f"reword {s}"] >= 3, (s, seen)


def test_reword_strength_is_close_to_nominal(tree: ClauseTree) -> None:
    for seed in SEEDS:
        _, t = revision(tree, seed)
        for nominal, measured in t.reworded.values():
            assert 0.8 * nominal <= measured <= nominal + 0.15


# --- the aligner ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tallies(corpus: PolicyRepo) -> dict[str, Tally]:
    """20 Chinese and 10 English revisions, aligned and scored."""
    return {
        "zh": run(corpus.load_tree(DOC, "zh"), pairs=20, seed=11),
        "en": run(corpus.load_tree(DOC, "en"), pairs=10, seed=11),
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pair_precision_and_recall(tallies: dict[str, Tally], lang: str) -> None:
    t = tallies[lang]
    assert t.revisions >= (20 if lang == "zh" else 10)
    misses = "\n".join(t.misses)
    assert t.precision >= 0.95, misses
    assert t.recall >= 0.95, misses


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("category", ["split", "merge", "move (swap)", "move (across)"])
def test_structural_edits_are_recognised(
    tallies: dict[str, Tally], lang: str, category: str
) -> None:
    t = tallies[lang]
    assert t.found.get(category, [0, 0])[1] > 0, f"no {category} case generated"
    assert t.rate(category) >= 0.9, "\n".join(m for m in t.misses if category.split()[0] in m)


# --- hard mode ------------------------------------------------------------------------------
#
# Combined edits, heavy rewordings, near-duplicates and renumbering cascades
# (``make_revision(..., hard=True)``). Only the pair precision and recall are asserted; the
# per-edit rates (``python -m bench.quality --hard``) are there to be looked at.

HARD_SEEDS = range(2000, 2030)


def test_default_mode_has_no_hard_cases(tree: ClauseTree) -> None:
    for seed in SEEDS:
        _, t = revision(tree, seed)
        assert not t.cases
        assert all(s in STRENGTHS for s, _ in t.reworded.values())


@pytest.mark.parametrize("seed", HARD_SEEDS)
def test_hard_truth_is_consistent(tree: ClauseTree, seed: int) -> None:
    revised, truth = revision(tree, seed, hard=True)
    _check_truth(tree, revised, truth)
    _check_numbering(revised)


def test_every_hard_edit_occurs(tree: ClauseTree) -> None:
    seen: Counter[str] = Counter()
    for seed in HARD_SEEDS:
        _, t = revision(tree, seed, hard=True)
        seen.update(c.edit for c in t.cases)
        for nominal, measured in t.reworded.values():
            assert 0.8 * nominal <= measured <= nominal + 0.15
    for edit in HARD_EDITS:
        assert seen[edit] >= 3, (edit, seen)


@pytest.fixture(scope="module")
def hard_tallies(corpus: PolicyRepo) -> dict[str, tuple[Tally, float]]:
    """20 Chinese and 10 English hard revisions, generated, aligned and scored (with the
    wall time of each run)."""
    out = {}
    for lang, pairs in (("zh", 20), ("en", 10)):
        start = time.perf_counter()
        t = run(corpus.load_tree(DOC, lang), pairs=pairs, seed=11, hard=True)
        out[lang] = (t, time.perf_counter() - start)
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hard_pair_precision_and_recall(
    hard_tallies: dict[str, tuple[Tally, float]], lang: str
) -> None:
    t, _ = hard_tallies[lang]
    assert t.revisions >= (20 if lang == "zh" else 10)
    assert sum(cases for k, (_, cases) in t.found.items() if k.startswith("case: ")) > 0
    misses = "\n".join(t.misses)
    assert t.precision >= 0.95, misses
    assert t.recall >= 0.90, misses


def test_hard_mode_is_fast_enough(hard_tallies: dict[str, tuple[Tally, float]]) -> None:
    assert sum(seconds for _, seconds in hard_tallies.values()) < 20
