"""How the link threshold (``polydiff.align.matching.LINK_THRESHOLD``) was chosen.

    python -m bench.threshold [--seed 7]

Two distributions of the aligner's similarity (rarity-weighted gram Jaccard), for each
language of gf-2025-11:

* **unrelated pairs**: every pair of two *different* clauses of the document (they share
  the document's vocabulary and boilerplate, the hardest realistic negatives);
* **true pairs**: each clause against a rewording of itself at strengths 0.1–0.7
  (``bench.synth.reword``: that share of characters/words replaced, phrases deleted).

A good threshold sits above (nearly) every unrelated pair and below (nearly) every true
pair of the strengths a reader still calls "the same clause".
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

from bench.synth import reword
from polydiff.align.overlap import PyOverlap
from polydiff.normalize import normalize
from polydiff.store.repo import PolicyRepo

ROOT = Path(__file__).resolve().parents[1]
STRENGTHS = (0.1, 0.2, 0.35, 0.5, 0.6, 0.7)
CANDIDATES = (0.1, 0.15, 0.2, 0.25, 0.3)


def jaccard(ov: PyOverlap, ra: int, rb: int) -> float:
    s = ov.shared(ra, rb)
    return s / (ov.size_a[ra] + ov.size_b[rb] - s) if s else 0.0


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * (len(values) - 1) + 0.5))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    repo = PolicyRepo(ROOT)
    for lang in ("zh", "en"):
        everything = [
            normalize(c.content) for c in repo.load_tree("gf-2025-11", lang).walk() if c.content
        ]
        ov_all = PyOverlap(everything, everything, lang)
        n_all = len(everything)
        unrelated_all = [
            jaccard(ov_all, i, j) for i in range(n_all) for j in range(n_all) if i != j
        ]
        texts = [c.content for c in repo.load_tree("gf-2025-11", lang).walk() if c.text]
        norm = [normalize(t) for t in texts]
        ov = PyOverlap(norm, norm, lang)
        unrelated = [
            jaccard(ov, i, j) for i in range(len(norm)) for j in range(len(norm)) if i != j
        ]
        print(f"gf-2025-11 ({lang}): {len(norm)} clauses with text, {n_all} with a heading or text")
        for name, values in (
            ("clauses with text", unrelated),
            ("with headings too", unrelated_all),
        ):
            print(
                f"  unrelated pairs, {name}: {len(values)}; max {max(values):.3f}, "
                f"99th pct {pct(values, 0.99):.3f}, median {statistics.median(values):.3f}; "
                + ", ".join(f"≥{t:.2f}: {sum(u >= t for u in values)}" for t in CANDIDATES)
            )
        rng = random.Random(args.seed)
        print("  true pairs (clause vs its rewording):")
        print(
            "    strength  min    5th pct  median   linked at "
            + "  ".join(f"{t:.2f}" for t in CANDIDATES)
        )
        for s in STRENGTHS:
            revised = [normalize(reword(t, lang, s, rng)[0]) for t in texts]
            ov2 = PyOverlap(norm, revised, lang)
            true = [jaccard(ov2, i, i) for i in range(len(norm))]
            linked = "  ".join(f"{sum(x >= t for x in true) / len(true):.2f}" for t in CANDIDATES)
            low, p5, mid = min(true), pct(true, 0.05), statistics.median(true)
            print(f"    {s:<8}  {low:.3f}  {p5:.3f}    {mid:.3f}    {linked}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
