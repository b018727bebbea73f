"""``polydiff lineage build`` end to end, as a user runs it, on a real policy repository.

    python -m bench.lineage_repo [--docs 1000,10000] [--workers 2] [--seed 0] [--keep DIR]

For each size, writes a repository of synthetic documents (``bench.lineage_corpus``:
gf-2025-11 and implementation plans, quoting policies and regional copies of it, with known
reuse) through the store API and commits it in git, then times whole processes (bytecode
compiled first), each on its own copy of the repository:

* ``polydiff lineage build`` in process;
* ``polydiff lineage build --workers N`` (a local Dask cluster of N processes);

with the wall time, the peak memory of the command's process (and, for the cluster, of its
largest worker), whether the two wrote the same files, and the recall of the known reuses
among the links written (whole clauses, sentences, quotations, regional copies: the checks
of ``bench.lineage_scale``, here as a user gets them).
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.lineage_corpus import Corpus, make_corpus
from bench.sources_scale import write_repo
from polydiff.lineage import files
from polydiff.store.repo import PolicyRepo

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
PEAK = """
import resource, runpy, sys, atexit
def report():
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"PEAK {own} {kids}", file=sys.stderr)
atexit.register(report)
sys.argv = ["polydiff", *sys.argv[1:]]
runpy.run_module("polydiff", run_name="__main__")
"""
"""Runs polydiff and reports its peak memory and the largest of its children's (the
cluster's workers and nanny processes), in KB."""


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def commit_repo(root: Path) -> None:
    """``git init``, add and commit everything; with automatic housekeeping off in that
    repository (``gc.auto 0``), since a commit of 100,000 documents' loose objects starts a
    ``git gc`` in the background that would take a core from the build being timed."""
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "gc.auto", "0")
    who = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    git(root, *who, "add", "-A")
    git(root, *who, "commit", "-qm", "synthetic corpus")


def written_repo(corpus: Corpus, n: int, folder: Path) -> Path:
    """The first ``n`` documents of ``corpus`` as a committed repository ``folder/repo-n``."""
    here = folder / f"repo-{n}"
    write_repo(corpus, n, here)
    commit_repo(here)
    return here


def timed_build(root: Path, extra: list[str]) -> tuple[float, float, float, str]:
    """(seconds, peak MB of the command, peak MB of its largest child, last stdout line)."""
    argv = [PY, "-c", PEAK, "--repo", str(root), "lineage", "build", "--force", *extra]
    t = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"lineage build failed ({done.returncode}): {done.stderr[-2000:]}")
    peak = next(line for line in done.stderr.splitlines() if line.startswith("PEAK "))
    own, kids = (int(x) / 1024 for x in peak.split()[1:])
    summary = next((line for line in done.stdout.splitlines() if line.startswith("rebuilt")), "")
    return elapsed, own, kids, summary


def lineage_bytes(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "lineage").iterdir())}


def recall(root: Path, corpus: Corpus) -> Counter[str]:
    """kind → known reuses found, and kind+"/all" → known reuses, among the links written."""
    repo = PolicyRepo(root)
    links = {
        (f.from_doc, x.from_path, f.to_doc, x.to_path)
        for f in files.load_all(repo)
        for x in f.links
    }
    ids = [d.id for d in corpus.docs]
    out: Counter[str] = Counter()
    for r in corpus.truth:
        out[f"{r.kind}/all"] += 1
        out[r.kind] += (ids[r.src_doc], r.src_path, ids[r.doc], r.path) in links
    return out


def run_size(n: int, args: argparse.Namespace) -> None:
    corpus = make_corpus(n, seed=args.seed)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix=f"lineage-{n}-"))
    try:
        t = time.perf_counter()
        here = written_repo(corpus, n, folder)
        there = folder / f"repo-{n}-cluster"
        shutil.copytree(here, there)
        print(f"\n{n:,} documents written and committed in {time.perf_counter() - t:.0f} s")
        s1, own1, _, summary = timed_build(here, [])
        print(f"  in process: {s1:.1f} s, peak {own1:,.0f} MB  ({summary[-80:]})", flush=True)
        s2, own2, kids2, _ = timed_build(there, ["--workers", str(args.workers)])
        same = lineage_bytes(here) == lineage_bytes(there)
        print(
            f"  --workers {args.workers}: {s2:.1f} s, peak {own2:,.0f} MB in the command, "
            f"{kids2:,.0f} MB in the largest worker; same files: {same}",
            flush=True,
        )
        got = recall(here, corpus)
        kinds = sorted(k for k in got if not k.endswith("/all"))
        shown = ", ".join(f"{k} {got[k]}/{got[k + '/all']}" for k in kinds)
        print(f"  recall of the known reuses: {shown}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--docs", default="1000,10000")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--keep", help="write the repositories here and keep them")
    args = p.parse_args(argv)
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    for n in (int(x) for x in args.docs.split(",")):
        run_size(n, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
