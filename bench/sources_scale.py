"""``polydiff sources`` at corpus scale, as a user runs it.

    python -m bench.sources_scale [--docs 1000,10000] [--queries 5] [--repeat 5] [--lineage]

For each size, writes a policy repository of synthetic documents (``bench.lineage_corpus``:
gf-2025-11 and implementation plans, quoting policies and regional copies of it, with known
reuse) through the store, then times whole processes (bytecode compiled first):

* the first ``polydiff sources`` (it builds the corpus index), with its peak memory;
* a one-page query (the first ``PAGE`` characters of a held-out synthetic document, never
  written to the repository) right
  after, and the median of ``--repeat`` more (the index in the page cache), with peak memory;
* the same query in process (the service call alone, median);
* with ``--lineage``, ``polydiff lineage build`` on the same repository, for comparison.

Recall: each held-out document's known reuses of written documents (whole clauses,
sentences, quotations) found among its sources.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from bench.lineage_corpus import Corpus, make_corpus
from polydiff.model import DocMeta, Relation, SourceFile
from polydiff.store.repo import PolicyRepo

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def write_repo(
    corpus: Corpus,
    n: int,
    root: Path,
    relations: Callable[[int], tuple[Relation, ...]] | None = None,
) -> PolicyRepo:
    """The first ``n`` documents of ``corpus`` as a policy repository at ``root``; document
    ``k`` declares ``relations(k)``."""
    (root / "policies").mkdir(parents=True)
    (root / "lineage").mkdir()
    repo = PolicyRepo(root)
    for k, d in enumerate(corpus.docs[:n]):
        raw = page_of(corpus, k).encode()
        source = SourceFile("zh", "raw/zh.txt", f"{d.id}.txt", hashlib.sha256(raw).hexdigest())
        declared = relations(k) if relations else ()
        meta = DocMeta(
            d.id,
            {"zh": d.tree.title},
            date=d.date,
            kind="plan",
            relations=declared,
            files=(source,),
        )
        repo.save(meta, {"zh": d.tree}, {"raw/zh.txt": raw})
    return repo


PAGE = 1_600
"""Characters of a page of Chinese text."""


def page_of(corpus: Corpus, k: int, chars: int = 0) -> str:
    """Document ``k`` as the plain text a user would paste: whole, or its first clauses up
    to ``chars`` characters."""
    d = corpus.docs[k]
    parts = [d.tree.title]
    for c in d.tree.walk():
        if c.content and (not chars or sum(map(len, parts)) + len(c.content) <= chars):
            parts.append(c.content)
    return "\n\n".join(parts) + "\n"


def timed(argv: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MB, exit status) of one whole process."""
    t = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *argv], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - t
    peak = int(done.stderr.strip().splitlines()[-1]) / 1024
    return elapsed, peak, done.returncode


def recall(repo: PolicyRepo, corpus: Corpus, n: int, held: list[int]) -> Counter[str]:
    """kind → found, and kind+"/all" → expected, of the held-out documents' known reuses."""
    from polydiff.service.sources import SourcesQuery, find_sources

    ids = {k: d.id for k, d in enumerate(corpus.docs)}
    out: Counter[str] = Counter()
    for k in held:
        report = find_sources(repo, SourcesQuery(page_of(corpus, k), f"doc{k}", "zh", top=50))
        found = {m.ref for p in report.passages for m in p.sources}
        for r in corpus.truth:
            if r.doc != k or r.src_doc >= n:
                continue
            out[f"{r.kind}/all"] += 1
            out[r.kind] += f"{ids[r.src_doc]}#{r.src_path}" in found
    return out


def run_size(n: int, args: argparse.Namespace) -> None:
    corpus = make_corpus(n + args.queries, seed=args.seed)
    held = list(range(n, n + args.queries))
    folder = Path(tempfile.mkdtemp(prefix=f"sources-{n}-"))
    try:
        t = time.perf_counter()
        repo = write_repo(corpus, n, folder / "repo")
        print(f"\n{n:,} documents written in {time.perf_counter() - t:.0f} s", flush=True)
        page = folder / "page.txt"
        page.write_text(page_of(corpus, held[0], PAGE), encoding="utf-8")
        cmd = [PY, "-m", "polydiff", "--repo", str(repo.root), "sources", str(page)]
        cmd += ["--format", "json"]
        build_s, build_mb, _ = timed(cmd)
        print(f"  first query (builds the index): {build_s:.1f} s, peak {build_mb:.0f} MB")
        first_s, _first_mb, status = timed(cmd)
        runs = [timed(cmd) for _ in range(args.repeat)]
        warm = statistics.median(r[0] for r in runs)
        print(
            f"  one-page query: {first_s:.2f} s just after the build, median {warm:.2f} s of "
            f"{args.repeat} more (peak {max(r[1] for r in runs):.0f} MB; exit {status})"
        )
        from polydiff.service.sources import SourcesQuery, find_sources

        text = page_of(corpus, held[0], PAGE)
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            find_sources(repo, SourcesQuery(text, "page", "zh"))
            times.append(time.perf_counter() - t)
        print(f"  in process (the query alone): median {statistics.median(times):.3f} s")
        got = recall(repo, corpus, n, held)
        kinds = sorted(k for k in got if not k.endswith("/all"))
        shown = ", ".join(f"{k} {got[k]}/{got[k + '/all']}" for k in kinds)
        print(f"  recall of the known reuses of {len(held)} held-out documents: {shown}")
        if args.lineage:
            lin = [PY, "-m", "polydiff", "--repo", str(repo.root), "lineage", "build", "--force"]
            lin_s, lin_mb, _ = timed(lin)
            print(
                f"  lineage build: {lin_s:.1f} s, peak {lin_mb:.0f} MB (index build / lineage:"
                f" {build_s / lin_s:.2f})"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--docs", default="1000,10000")
    p.add_argument("--queries", type=int, default=5, help="held-out documents for recall")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--lineage", action="store_true", help="also time 'lineage build'")
    args = p.parse_args(argv)
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    for n in (int(x) for x in args.docs.split(",")):
        run_size(n, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
