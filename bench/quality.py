"""Measure the clause aligner on synthetic revisions with known answers.

    python -m bench.quality [--pairs 60] [--lang zh|en|both] [--seed 1] [--hard] [--verbose]
                            [--docs corpus,contract,regulation]

Generates ``--pairs`` revisions of gf-2025-11 per language (:mod:`bench.synth`), aligns each
with :func:`polydiff.align.align` and prints pair precision and recall plus how often each
kind of edit was recognised. ``--hard`` uses the harder revisions of ``make_revision(...,
hard=True)`` and adds a table of the combined edits (``linked``: the expected links exist
with the expected members; ``exact``: also their kind and move / renumbered flags).
``--verbose`` lists every miss. Always exits 0.

English documents in the wild (:mod:`bench.wild`: contracts with decimal numbering,
regulations with chapters and articles, hard-wrapped at 66–80 columns) are measured end to
end: the generated tree and its revision are written out as text, both texts are parsed,
and the parsed trees aligned. Their report adds the parse warnings, how many generated
clauses the parser recovered (same path, same text) and the false ``moved`` flags.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.synth import HARD_EDITS, PROJECT, STRENGTHS, Case, Truth, make_revision
from bench.wild import FAMILIES, LAYOUTS, make_document, render
from polydiff.align import Link, align
from polydiff.model import ClauseTree

DOC = "gf-2025-11"

CATEGORIES = (
    "split", "merge", "move (swap)", "move (across)", "drop", "new",
    "punctuation → unchanged", "renumbered flag",
    *(f"reworded {s:.2f} linked" for s in STRENGTHS),
    *(f"reworded {s:.2f} kind" for s in STRENGTHS),
    "kind of 1:1 pairs", "no false move flag",
)  # fmt: skip
CASE_PREFIX = "case: "
"""Tally categories of hard-mode cases: ``case: <edit> linked`` / ``case: <edit> exact``."""


@dataclass
class Tally:
    """Counts over many revisions."""

    revisions: int = 0
    edits: int = 0
    seconds: float = 0.0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    changed_tp: int = 0
    changed: int = 0
    """Truth pairs touched by an edit or renumbered (the pairs that are not trivial)."""
    found: dict[str, list[int]] = field(default_factory=dict)
    """Category → [found, cases]."""
    misses: list[str] = field(default_factory=list)
    texts: int = 0
    """Texts parsed (documents in the wild only)."""
    warnings: int = 0
    clauses: int = 0
    """Clauses of the generated trees of those texts."""
    recovered: int = 0
    """Of those, the clauses the parser gave the same path and the same text."""

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def changed_recall(self) -> float:
        return self.changed_tp / self.changed if self.changed else 1.0

    def rate(self, category: str) -> float:
        """Share of cases of ``category`` recognised (1.0 when there were none)."""
        got, cases = self.found.get(category, [0, 0])
        return got / cases if cases else 1.0

    def count(self, category: str, ok: bool, miss: str = "") -> None:
        entry = self.found.setdefault(category, [0, 0])
        entry[0] += ok
        entry[1] += 1
        if not ok and miss:
            self.misses.append(miss)

    def add(self, other: Tally) -> None:
        for name in (
            *("revisions", "edits", "seconds", "tp", "fp", "fn", "changed_tp", "changed"),
            *("texts", "warnings", "clauses", "recovered"),
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for k, (got, cases) in other.found.items():
            entry = self.found.setdefault(k, [0, 0])
            entry[0] += got
            entry[1] += cases
        self.misses.extend(other.misses)


def link_pairs(links: Sequence[Link]) -> set[tuple[str, str]]:
    """Every (A path, B path) the links relate (a split or merge gives one pair per member)."""
    return {(a, b) for link in links for a in link.a for b in link.b}


def _show(link: Link) -> str:
    a, b = "+".join(link.a) or "∅", "+".join(link.b) or "∅"
    flags = "".join(f" {name}" for name in ("moved", "renumbered") if getattr(link, name))
    return f"{link.kind.value} {a}→{b}{flags} sim={link.similarity:.2f}"


def score(truth: Truth, links: Sequence[Link], tag: str = "") -> Tally:
    """Compare the links of one alignment with the truth of one revision."""
    t = Tally(revisions=1, edits=len(truth.edits))
    got = link_pairs(links)
    t.tp, t.fp, t.fn = len(got & truth.pairs), len(got - truth.pairs), len(truth.pairs - got)

    def touching(a: set[str] | None = None, b: set[str] | None = None) -> str:
        a, b = a or set(), b or set()
        hits = [_show(k) for k in links if set(k.a) & a or set(k.b) & b]
        return "; ".join(hits) or "no link"

    edited_a = {a for key in truth.kinds for a in key[0]}
    for a, b in truth.pairs:
        if a in edited_a or a != b:
            t.changed += 1
            t.changed_tp += (a, b) in got
    for a, b in sorted(truth.pairs - got):
        t.misses.append(f"{tag} missing pair {a}→{b}: got {touching({a}, {b})}")
    for a, b in sorted(got - truth.pairs):
        t.misses.append(
            f"{tag} wrong pair {a}→{b} (truth: {a}→{','.join(sorted(truth.b_of(a))) or 'dropped'})"
        )

    one_to_one = {(k.a[0], k.b[0]): k for k in links if len(k.a) == 1 and len(k.b) == 1}
    by_kind = {
        kind: [k for k in links if k.kind.value == kind]
        for kind in ("split", "merged", "new", "dropped")
    }

    for a, (b1, b2) in truth.splits:
        ok = any(k.a == (a,) and set(k.b) == {b1, b2} for k in by_kind["split"])
        t.count("split", ok, f"{tag} split {a}→{b1}+{b2}: got {touching({a}, {b1, b2})}")
    for (a1, a2), b in truth.merges:
        ok = any(set(k.a) == {a1, a2} and k.b == (b,) for k in by_kind["merged"])
        t.count("merge", ok, f"{tag} merge {a1}+{a2}→{b}: got {touching({a1, a2}, {b})}")
    for x, y in truth.swaps:
        ok = any(k.moved and set(k.a) & {x, y} for k in links)
        t.count("move (swap)", ok, f"{tag} swap {x}<->{y}: got {touching({x, y})}")
    for a in sorted(truth.cross_moves):
        ok = any(k.moved and a in k.a for k in links)
        t.count(
            "move (across)", ok, f"{tag} move {a}→{','.join(truth.b_of(a))}: got {touching({a})}"
        )
    for a in sorted(truth.dropped):
        ok = any(k.a == (a,) for k in by_kind["dropped"])
        t.count("drop", ok, f"{tag} drop {a}: got {touching({a})}")
    for b in sorted(truth.new):
        ok = any(k.b == (b,) for k in by_kind["new"])
        t.count("new", ok, f"{tag} new {b}: got {touching(set(), {b})}")
    for a in sorted(truth.punct):
        (b,) = truth.b_of(a)
        link = one_to_one.get((a, b))
        ok = link is not None and link.kind.value == "unchanged"
        t.count("punctuation → unchanged", ok, f"{tag} punctuation {a}→{b}: got {touching({a})}")
    for a, (strength, measured) in sorted(truth.reworded.items()):
        (b,) = truth.b_of(a)
        link = one_to_one.get((a, b))
        what = (
            f"{tag} reworded({strength}, measured {measured:.2f}) {a}→{b}: got {touching({a}, {b})}"
        )
        t.count(f"reworded {strength:.2f} linked", link is not None, what)
        t.count(f"reworded {strength:.2f} kind", link is not None and link.kind.value == "reworded")
    splits_merges = {a for a, _ in truth.splits} | {a for m, _ in truth.merges for a in m}
    for a, b in sorted(truth.pairs):
        if a in splits_merges:
            continue
        link = one_to_one.get((a, b))
        if link is None:
            continue
        want = truth.kind_of((a,), (b,))
        kind = link.kind.value
        t.count(
            "kind of 1:1 pairs", kind == want, f"{tag} kind {a}→{b}: want {want}, got {_show(link)}"
        )
        if a != b and a not in truth.moved:
            t.count(
                "renumbered flag",
                link.renumbered,
                f"{tag} renumbered {a}→{b} not flagged: got {_show(link)}",
            )
    for k in links:
        if k.a and k.b:
            false_move = k.moved and not set(k.a) & truth.may_move
            t.count("no false move flag", not false_move, f"{tag} false move flag: {_show(k)}")
    for case in truth.cases:
        linked, exact, why = check_case(case, links)
        t.count(f"{CASE_PREFIX}{case.edit} linked", linked)
        case_a, case_b = set(case.a), set(case.b) | {y for e in case.expect for y in e.b}
        t.count(
            f"{CASE_PREFIX}{case.edit} exact",
            exact,
            f"{tag} {case.edit} {'+'.join(case.a) or '∅'}→{'+'.join(case.b)}"
            f"{f' ({case.note})' if case.note else ''}: {why}; got {touching(case_a, case_b)}",
        )
    return t


def check_case(case: Case, links: Sequence[Link]) -> tuple[bool, bool, str]:
    """(linked, exact, what is wrong) for one hard-mode case."""
    linked = exact = True
    wrong: list[str] = []
    for e in case.expect:
        want = f"{e.kind} {'+'.join(e.a) or '∅'}→{'+'.join(e.b)}"
        link = next((k for k in links if set(k.a) == set(e.a) and set(k.b) == set(e.b)), None)
        if link is None:
            linked = exact = False
            wrong.append(f"no {want}")
            continue
        if link.kind.value != e.kind:
            exact = False
            wrong.append(f"want {want}, got {link.kind.value}")
        if e.moved is not None and link.moved != e.moved:
            exact = False
            wrong.append(f"{want} {'not ' if e.moved else ''}flagged moved")
        if e.moved is False and len(e.a) == len(e.b) == 1 and link.renumbered != (e.a != e.b):
            exact = False
            wrong.append(f"{want} renumbered flag {link.renumbered}")
    if case.moved_any and not any(k.moved and set(k.a) & case.moved_any for k in links):
        exact = False
        wrong.append(f"none of {'/'.join(sorted(case.moved_any))} flagged moved")
    return linked, exact, "; ".join(wrong)


def run(
    tree: ClauseTree, pairs: int, seed: int = 1, edits: int | None = None, hard: bool = False
) -> Tally:
    """Generate ``pairs`` revisions of ``tree``, align each, and tally the results."""
    total = Tally()
    for i in range(pairs):
        rev_seed = seed * 100_000 + i
        revised, truth = make_revision(tree, rev_seed, edits, hard=hard)
        start = time.perf_counter()
        cmp = align(tree, revised)
        elapsed = time.perf_counter() - start
        one = score(truth, cmp.links, f"[{tree.lang} seed={rev_seed}]")
        one.seconds = elapsed
        total.add(one)
    return total


def run_wild(family: str, pairs: int, seed: int = 1, hard: bool = False) -> Tally:
    """Generate ``pairs`` documents of ``family`` and a revision of each, write both out as
    text, parse them, align the parsed trees and tally the results against the truth."""
    from polydiff.parse.text import parse_text

    total = Tally()
    for i in range(pairs):
        rev_seed = seed * 100_000 + i
        tree = make_document(family, rev_seed)
        revised, truth = make_revision(tree, rev_seed, hard=hard)
        layout = LAYOUTS[i % len(LAYOUTS)]
        parsed = []
        for generated in (tree, revised):
            result = parse_text(render(generated, family, layout), "en", family)
            parsed.append(result.tree)
            total.texts += 1
            total.warnings += len(result.warnings)
            total.clauses += len(generated)
            total.recovered += recovered(generated, result.tree)
        start = time.perf_counter()
        cmp = align(parsed[0], parsed[1])
        elapsed = time.perf_counter() - start
        one = score(truth, cmp.links, f"[{family} seed={rev_seed} {layout.describe()}]")
        one.seconds = elapsed
        total.add(one)
    return total


def _key(heading: str, text: str) -> str:
    heading = heading.rstrip(".")
    return " ".join(f"{heading} {text}".split()).casefold()


def recovered(generated: ClauseTree, parsed: ClauseTree) -> int:
    """Clauses of ``generated`` that ``parsed`` has at the same path with the same heading
    and text (up to spacing, case and the full stop after a heading)."""
    got = {c.path: _key(c.heading, c.text) for c in parsed.walk()}
    return sum(got.get(c.path) == _key(c.heading, c.text) for c in generated.walk())


def load(lang: str, doc: str = DOC) -> ClauseTree:
    """A bundled tree."""
    from polydiff.store.repo import PolicyRepo

    return PolicyRepo(PROJECT).load_tree(doc, lang)


def report(name: str, t: Tally, verbose: bool = False) -> str:
    """A readable table of one tally."""
    lines = [
        f"{name}: {t.revisions} revisions, {t.edits} edits, align {t.seconds:.2f} s",
        f"  pairs          precision {t.precision:.3f}  recall {t.recall:.3f}"
        f"   (tp {t.tp}, fp {t.fp}, fn {t.fn})",
        f"  changed pairs  recall {t.changed_recall:.3f}   ({t.changed_tp} of {t.changed}: "
        "pairs that were edited, moved or renumbered)",
        f"  {'detection':<28}{'found':>7}{'cases':>7}{'rate':>8}",
    ]
    extra = sorted(
        (c for c in t.found if c not in CATEGORIES and not c.startswith(CASE_PREFIX)),
        key=lambda c: (c.endswith(" kind"), c),
    )  # the heavy rewordings of hard mode: "reworded 0.60 linked", ...
    for cat in (*CATEGORIES, *extra):
        got, cases = t.found.get(cat, [0, 0])
        rate = f"{got / cases:.3f}" if cases else "-"
        lines.append(f"  {cat:<28}{got:>7}{cases:>7}{rate:>8}")
    if any(c.startswith(CASE_PREFIX) for c in t.found):
        lines.append(f"  {'combined edit':<28}{'cases':>7}{'linked':>8}{'exact':>8}")
        for edit in HARD_EDITS:
            linked, cases = t.found.get(f"{CASE_PREFIX}{edit} linked", [0, 0])
            exact, _ = t.found.get(f"{CASE_PREFIX}{edit} exact", [0, 0])
            if cases:
                lines.append(f"  {edit:<28}{cases:>7}{linked / cases:>8.3f}{exact / cases:>8.3f}")
    if t.texts:
        got, cases = t.found.get("no false move flag", [0, 0])
        lines.insert(
            1,
            f"  parse          {t.warnings} warnings in {t.texts} texts; {t.recovered} of "
            f"{t.clauses} clauses recovered ({t.recovered / max(1, t.clauses):.3f}); "
            f"{cases - got} false moved flags",
        )
    if verbose:
        lines.append(f"  misses ({len(t.misses)}):")
        lines.extend(f"    {m}" for m in t.misses)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__.split("\n")[0])
    p.add_argument("--pairs", type=int, default=60, help="revisions per language (default 60)")
    p.add_argument("--lang", choices=("zh", "en", "both"), default="both")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--edits", type=int, default=None, help="edits per revision (default 3-7)")
    p.add_argument("--hard", action="store_true", help="harder, combined edits")
    p.add_argument("--verbose", action="store_true", help="list every miss")
    p.add_argument(
        "--docs",
        default=",".join(("corpus", *FAMILIES)),
        help="what to measure: corpus (gf-2025-11), "
        f"{', '.join(FAMILIES)} (English, generated as text and parsed)",
    )
    args = p.parse_args(argv)
    langs = ("zh", "en") if args.lang == "both" else (args.lang,)
    docs = [d.strip() for d in args.docs.split(",") if d.strip()]
    unknown = set(docs) - {"corpus", *FAMILIES}
    if unknown:
        p.error(f"--docs: unknown {', '.join(sorted(unknown))}")
    overall = Tally()
    if "corpus" in docs:
        for lang in langs:
            t = run(load(lang), args.pairs, args.seed, args.edits, args.hard)
            print(report(f"{DOC} {lang}", t, args.verbose))
            print()
            overall.add(t)
        if len(langs) > 1:
            print(report(f"{DOC} all", overall))
            print()
    if "en" in langs:
        for family in (d for d in docs if d in FAMILIES):
            t = run_wild(family, args.pairs, args.seed, args.hard)
            print(report(f"{family} en (wrapped text)", t, args.verbose))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
