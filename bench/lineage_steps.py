"""Where ``polydiff lineage build`` spends its time, step by step, as the corpus grows.

    python -m bench.lineage_steps [--docs 10000,30000] [--seed 0] [--keep DIR]
    python -m bench.lineage_steps --repo DIR [--repo DIR ...]   # repositories already written

For each size, writes a committed repository of synthetic documents as ``bench.lineage_repo``
does (or takes the repositories given), then runs ``polydiff lineage build --force`` in its
own process (bytecode compiled first) with each step of the pipeline timed where the build
calls it: reading the clause trees, shingling, the frequency model, the candidate pairs,
their verification (with the candidates compared and those the shingle bound skipped) and
writing ``lineage/``; the rest (planning, merging) is what the total leaves. Between
consecutive sizes it prints each step's growth exponent (log of the time ratio over log of
the document ratio), and the pipeline's: the build less reading the trees, which depends on
whether the YAML files were read before (their parsed cache).
"""

from __future__ import annotations

import argparse
import compileall
import inspect
import itertools
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.lineage_corpus import make_corpus
from bench.lineage_repo import written_repo

ROOT = Path(__file__).resolve().parents[1]
STEPS = ("read", "shingle", "frequency", "candidates", "verify", "write")
"""The timed steps, in pipeline order."""


def child(repo: Path) -> dict[str, Any]:
    """Build ``repo``'s lineage here, timing the steps: what :func:`measure` reports."""
    import resource

    import polydiff.cli
    from polydiff.lineage import build, files
    from polydiff.lineage.shingles import DocFrequency

    seconds = dict.fromkeys(STEPS, 0.0)
    counts = {"candidates": 0, "compared": 0, "skipped": 0}

    def timed(step: str, f: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return f(*args, **kwargs)
            finally:
                seconds[step] += time.perf_counter() - t

        return call

    def counted_candidates(*args: Any, **kwargs: Any) -> Any:
        pairs = candidate_pairs(*args, **kwargs)
        counts["candidates"] += len(pairs)
        return pairs

    def counted_verify(*args: Any, **kwargs: Any) -> Any:
        call = signature.bind(*args, **kwargs)
        if call.arguments.get("stats") is None:
            call.arguments["stats"] = counts
        return verify_pairs(*call.args, **call.kwargs)

    candidate_pairs, verify_pairs = build.candidate_pairs, build.verify_pairs
    signature = inspect.signature(verify_pairs)
    build.document_texts = timed("read", build.document_texts)  # type: ignore[assignment]
    build.shingled_batches = timed("shingle", build.shingled_batches)  # type: ignore[assignment]
    DocFrequency.of_batches = timed("frequency", DocFrequency.of_batches)  # type: ignore[method-assign]
    build.candidate_pairs = timed("candidates", counted_candidates)  # type: ignore[assignment]
    build.verify_pairs = timed("verify", counted_verify)  # type: ignore[assignment]
    files.write = timed("write", files.write)  # type: ignore[assignment]
    t = time.perf_counter()
    code = polydiff.cli.main(["--repo", str(repo), "lineage", "build", "--force"])
    total = time.perf_counter() - t
    if code != 0:
        raise SystemExit(f"lineage build failed ({code})")
    return {
        "docs": sum(1 for p in (repo / "policies").iterdir() if p.is_dir()),
        "total": total,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "seconds": seconds,
        **counts,
    }


def measure(repo: Path) -> dict[str, Any]:
    """Step times of one ``lineage build --force`` of ``repo``, in a process of its own."""
    argv = [sys.executable, "-m", "bench.lineage_steps", "--child", str(repo)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{repo}: {done.stderr.strip()[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def exponent(small: float, large: float, ratio: float) -> float:
    """Growth exponent of a time going from ``small`` to ``large`` over a ``ratio`` of sizes."""
    return math.log(large / small) / math.log(ratio) if small > 0 and large > 0 else math.nan


def pipeline(m: dict[str, Any]) -> float:
    """The build's seconds less reading the clause trees."""
    return float(m["total"] - m["seconds"]["read"])


def rest(m: dict[str, Any]) -> float:
    """The build's seconds outside the timed steps (planning, merging)."""
    return float(m["total"] - sum(m["seconds"].values()))


def report(results: list[dict[str, Any]]) -> list[str]:
    """The table of step times (and exponents between consecutive sizes) as lines."""
    head = f"{'documents':>10} " + " ".join(f"{s:>10}" for s in (*STEPS, "rest", "pipeline"))
    lines = [head + f" {'candidates':>11} {'compared':>9} {'peak MB':>8}"]
    for m in results:
        row = " ".join(f"{m['seconds'][s]:>10.1f}" for s in STEPS)
        lines.append(
            f"{m['docs']:>10,} {row} {rest(m):>10.1f} {pipeline(m):>10.1f} "
            f"{m['candidates']:>11,} {m['compared']:>9,} {m['peak_mb']:>8,.0f}"
        )
    for a, b in itertools.pairwise(results):
        ratio = b["docs"] / a["docs"]
        grow = " ".join(
            f"{exponent(a['seconds'][s], b['seconds'][s], ratio):>10.2f}" for s in STEPS
        )
        others = exponent(rest(a), rest(b), ratio)
        whole = exponent(pipeline(a), pipeline(b), ratio)
        lines.append(
            f"{'exponent':>10} {grow} {others:>10.2f} {whole:>10.2f} "
            f"{exponent(a['candidates'], b['candidates'], ratio):>11.2f} "
            f"{exponent(a['compared'], b['compared'], ratio):>9.2f}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--docs", default="10000,30000")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--keep", help="write the repositories here and keep them")
    p.add_argument("--repo", action="append", default=[], help="measure this repository")
    p.add_argument("--child", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(child(Path(args.child))))
        return 0
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    repos = [Path(r).resolve() for r in args.repo]  # the builds run in the project folder
    folder = None
    if not repos:
        folder = (
            Path(args.keep).resolve()
            if args.keep
            else Path(tempfile.mkdtemp(prefix="lineage-steps-"))
        )
    results = []
    try:
        if folder is not None:
            sizes = [int(x) for x in args.docs.split(",")]
            repos = [written_repo(make_corpus(n, seed=args.seed), n, folder) for n in sizes]
        for repo in repos:
            results.append(measure(repo))
            print(f"{repo}: {results[-1]['total']:.1f} s", flush=True)
    finally:
        if folder is not None and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    results.sort(key=lambda m: m["docs"])
    print("\n".join(report(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
