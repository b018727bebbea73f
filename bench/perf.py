"""Speed of polydiff's alignment and wording diff against two baselines, in one run.

    python -m bench.perf [--repeat 5] [--sizes 40,400,4000] [--redlines-limit 60]

Workloads: one clause pair (~160 characters), a ~500-character pair, the whole of
gf-2025-11 against a revision (in-process and end to end through the CLI), and synthetic
documents of 40, 400 and 4,000 clauses (``bench/corpus_gen.py``) against revisions of them.
Baselines: ``difflib`` (SequenceMatcher for pairs, unified_diff over clause lines for
documents) and the ``redlines`` package (word-level track changes). Medians of ``--repeat``
runs; ratios are baseline / polydiff from the same run (the machine is noisy: compare
within one run, not across runs).
"""

from __future__ import annotations

import argparse
import difflib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.corpus_gen import make_tree, revise
from polydiff.align import align
from polydiff.diff.wording import wording_diff
from polydiff.model import ClauseTree
from polydiff.parse.text import parse_text
from polydiff.store.repo import PolicyRepo

ROOT = Path(__file__).resolve().parents[1]
REV1 = ROOT / "tests" / "data" / "gf-2025-11.rev1.zh.txt"


def median_ms(fn: Callable[[], object], repeat: int, limit_s: float | None = None) -> float | None:
    """Median wall time in ms; None when one run exceeds ``limit_s``."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        dt = time.perf_counter() - t
        times.append(dt)
        if limit_s is not None and dt > limit_s:
            return None
    return statistics.median(times) * 1000


def text_of(tree: ClauseTree) -> str:
    return "\n".join(c.content for c in tree.walk())


def redlines_diff(a: str, b: str) -> str:
    from redlines import Redlines

    return str(Redlines(a, b).output_markdown)


def row(name: str, ours: float | None, *others: tuple[str, float | None]) -> str:
    def fmt(x: float | None) -> str:
        return "timeout" if x is None else (f"{x:,.2f}" if x < 10 else f"{x:,.0f}")

    cells = [f"{name:<34}", f"{fmt(ours):>10}"]
    for _, value in others:
        ratio = "" if value is None or not ours else f" ({value / ours:,.1f}x)"
        cells.append(f"{fmt(value) + ratio:>22}")
    return " ".join(cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="40,400,4000")
    parser.add_argument(
        "--redlines-limit",
        type=float,
        default=60.0,
        help="give up on redlines after this many seconds per run",
    )
    args = parser.parse_args(argv)
    try:
        import redlines  # noqa: F401

        have_redlines = True
    except ImportError:
        have_redlines = False
        print("(redlines is not installed: pip install redlines; its column is skipped)\n")

    repo = PolicyRepo(ROOT)
    gf = repo.load_tree("gf-2025-11", "zh")
    rev = parse_text(REV1.read_text(encoding="utf-8"), "zh", "rev1").tree
    a1, b1 = gf.find("2.1.1").content, rev.find("2.1.1").content  # type: ignore[union-attr]
    a5 = "\n".join(gf.find(p).content for p in ("2.1.1", "2.1.2", "2.1.3"))  # type: ignore[union-attr]
    b5 = "\n".join(rev.find(p).content for p in ("2.1.1", "2.1.2", "2.1.3"))  # type: ignore[union-attr]
    r = args.repeat

    print(f"median ms over {r} runs; (Nx) = baseline time / polydiff time\n")
    header = f"{'workload':<34} {'polydiff':>10} {'difflib':>22} {'redlines':>22}"
    print(header)
    print("-" * len(header))

    def pair_row(name: str, a: str, b: str) -> None:
        ours = median_ms(lambda: wording_diff(a, b, "zh"), r * 20)
        base = median_ms(
            lambda: difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), r * 20
        )
        red = median_ms(lambda: redlines_diff(a, b), r * 4) if have_redlines else None
        print(row(name, ours, ("difflib", base), ("redlines", red)))

    pair_row(f"clause pair ({len(a1)}+{len(b1)} chars)", a1, b1)
    pair_row(f"clause pair ({len(a5)}+{len(b5)} chars)", a5, b5)
    os.environ["POLYDIFF_DIFF_BACKEND"] = "python"
    py = median_ms(lambda: wording_diff(a1, b1, "zh"), r * 20)
    os.environ.pop("POLYDIFF_DIFF_BACKEND")
    print(row("  same pair, pure-Python dmp", py))

    def doc_row(name: str, ta: ClauseTree, tb: ClauseTree, limit: float | None) -> None:
        ours = median_ms(lambda: align(ta, tb), r)
        la, lb = [c.content for c in ta.walk()], [c.content for c in tb.walk()]
        base = median_ms(lambda: list(difflib.unified_diff(la, lb, lineterm="")), r)
        red = None
        if have_redlines:
            xa, xb = text_of(ta), text_of(tb)
            red = median_ms(lambda: redlines_diff(xa, xb), max(1, r // 2), limit)
        print(row(name, ours, ("difflib", base), ("redlines", red)))

    doc_row(f"gf-2025-11 vs revision ({len(gf)} clauses)", gf, rev, args.redlines_limit)
    for n in (int(x) for x in args.sizes.split(",")):
        ta = make_tree(n)
        tb = revise(ta)
        doc_row(f"synthetic {n}x{len(tb)} clauses", ta, tb, args.redlines_limit)

    cli = [
        sys.executable,
        "-m",
        "polydiff",
        "--repo",
        str(ROOT),
        "diff",
        "gf-2025-11",
        str(REV1),
        "--format",
        "json",
    ]
    end_to_end = median_ms(lambda: subprocess.run(cli, capture_output=True, check=False), r)
    start_up = median_ms(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), r)
    print()
    print(row("CLI diff gf-2025-11 rev1 (json)", end_to_end))
    print(row("  python start-up alone", start_up))
    return 0


if __name__ == "__main__":
    sys.exit(main())
