"""Scale of the lineage build pipeline in discovery mode (every document pair), on synthetic
corpora with known reuse (``bench/lineage_corpus.py``).

    python -m bench.lineage_scale [--docs 1000,10000] [--sample 200] [--verify-budget 1800]
                                  [--profile] [--seed 0]

Each corpus size runs in a fresh subprocess (so memory peaks are per size). Steps, as
``polydiff lineage build`` runs them: ``clause_rows`` → ``shingle_batch`` → ``doc_frequency``
→ ``candidate_pairs(allowed=None)`` → ``unit_weigher`` + ``verify_pairs`` +
``one_source_per_passage``. For each:
wall time and peak resident memory during the step (the kernel's high-water mark, reset
before the step through ``/proc/self/clear_refs``; ``ru_maxrss`` where that is not
available).

Verification is pure Python per compared pair (``verify_pairs`` skips the candidates that
could only supply passages already found): when the candidates would take longer than
``--verify-budget`` seconds, a random sample of later clauses is verified and the time and
the number of links are extrapolated (marked ``~``).

Recall of the candidate index:

* **vs brute force**: ``--sample`` documents at random (gf-2025-11, the common source,
  always among them); every clause pair of two different sample documents on which
  ``match_passages`` (same weights, same evidence) finds a link; the share
  of those pairs that ``candidate_pairs`` proposed. Comparing every pair of 8,000 clauses
  would take hours, so the brute force first drops the pairs that share no informative
  shingle: ``match_passages`` needs a common run of 4 characters with at least one
  informative character, and such a run contains an informative shingle, so no match is
  lost (checked on the first ``--exact-docs`` sample documents against all their pairs).
* **vs ground truth**: the reuses the generator recorded; the share proposed as candidates,
  the share ``match_passages`` accepts, and both (end to end), by kind of reuse.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from bench.lineage_corpus import FILLER_MAX_RUN, FILLER_VARY, Corpus, make_corpus
from polydiff.lineage.build import (
    ClauseRow,
    clause_rows,
    doc_frequency,
    one_source_per_passage,
    shingle_batch,
)
from polydiff.lineage.index import EARLIEST, MIN_SHARED, candidate_pairs
from polydiff.lineage.passages import EVIDENCE, Weigher, match_passages
from polydiff.lineage.verify import unit_weigher, verify_pairs
from polydiff.model.lineage import LineageRelation

ROOT = Path(__file__).resolve().parents[1]
LANG = "zh"
DISCOVERY = EVIDENCE[LineageRelation.DISCOVERED]
"""What links documents with no declared relation."""
STEPS = ("generate", "rows", "shingle", "doc_freq", "candidates", "verify")


# --- memory ------------------------------------------------------------------------------------


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class Meter:
    """Wall time and peak RSS of each step."""

    def __init__(self) -> None:
        self.time: dict[str, float] = {}
        self.peak: dict[str, float] = {}
        self.process_peak = 0.0

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        _reset_peak()
        t = time.perf_counter()
        yield
        self.time[name] = self.time.get(name, 0.0) + time.perf_counter() - t
        peak = _peak_mb()
        self.peak[name] = max(self.peak.get(name, 0.0), peak)
        self.process_peak = max(self.process_peak, peak)
        _log(f"  {name}: {self.time[name]:.1f} s, peak {peak:.0f} MB")


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- pipeline ----------------------------------------------------------------------------------


class Pipeline:
    """The discovery-mode steps of ``build()``, each measured."""

    def __init__(self, corpus: Corpus, meter: Meter) -> None:
        self.corpus = corpus
        self.meter = meter

    def index(self) -> None:
        m, docs = self.meter, self.corpus.docs
        with m.step("rows"):
            self.rows = clause_rows(docs)
        self.words: dict[str, int] = {}
        with m.step("shingle"):
            table, seqs = shingle_batch(self.rows, 0, LANG, self.words)
        with m.step("doc_freq"):
            self.df = doc_frequency(self.rows, seqs, LANG)
        self.sequences = [h for h, _ in seqs]
        self.codes = [np.unique(h) for h in self.sequences]
        del seqs
        with m.step("candidates"):
            self.clause_doc = np.array([r.doc for r in self.rows], dtype=np.int64)
            self.pairs = candidate_pairs([table], self.clause_doc, self.df, None)
        del table
        self.n = len(self.rows)
        self.keys = np.sort(self.pairs[:, 0] * self.n + self.pairs[:, 1])

    def verify(self, budget: float, seed: int) -> None:
        """Verify the candidates as ``build()`` does (``verify_pairs`` then
        ``one_source_per_passage``), in chunks of whole later-clause groups taken in random
        order; when that would exceed ``budget`` seconds, stop and extrapolate (time, links)."""
        later = np.unique(self.pairs[:, 1])
        order = np.random.default_rng(seed).permutation(later)
        by_later = np.argsort(self.pairs[:, 1], kind="stable")
        sorted_later = self.pairs[by_later, 1]
        total = len(self.pairs)
        where = {(r.doc, r.path): k for k, r in enumerate(self.rows)}
        self.sources: dict[int, list[int]] = defaultdict(list)
        stats: dict[str, int] = {}
        links = 0
        done = 0
        groups = 0
        with self.meter.step("verify"):
            self.weigh = unit_weigher(self.df, LANG, self.words)
            t0 = time.perf_counter()
            while groups < len(order):
                chunk = np.sort(order[groups : groups + 5_000])
                lo = np.searchsorted(sorted_later, chunk, side="left")
                hi = np.searchsorted(sorted_later, chunk, side="right")
                rows = np.concatenate([by_later[x:y] for x, y in zip(lo, hi, strict=True)])
                found = one_source_per_passage(
                    verify_pairs(
                        self.pairs[rows],
                        self.rows,
                        self.sequences,
                        LANG,
                        self.weigh,
                        self.df.frequent_set,
                        stats,
                    )
                )
                for da, db, link in found:
                    y = where[(db, link.to_path)]
                    self.sources[y].append(where[(da, link.from_path)])
                links += len(found)
                done += len(rows)
                groups += len(chunk)
                elapsed = time.perf_counter() - t0
                _log(
                    f"    verified {done:,}/{total:,} ({stats.get('compared', 0):,} compared, "
                    f"{links:,} links, {elapsed:.0f} s)"
                )
                if done < total and elapsed / done * total > budget and elapsed > budget / 4:
                    break
        self.verified = done
        self.compared = stats.get("compared", 0)
        self.links = links
        if done < total:
            scale = total / done
            self.links_est = round(links * scale)
            self.compared_est = round(self.compared * scale)
            self.meter.time["verify_est"] = self.meter.time["verify"] * scale
        else:
            self.links_est = links
            self.compared_est = self.compared

    def is_candidate(self, i: Any, j: Any) -> Any:
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        return np.isin(lo * self.n + hi, self.keys, assume_unique=False)


# --- recall --------------------------------------------------------------------------------------


def _match(rows: list[ClauseRow], weigh: Weigher, i: int, j: int) -> bool:
    if i > j:
        i, j = j, i
    found = match_passages(rows[i].content, rows[j].content, LANG, weigh, DISCOVERY)
    return found is not None


def brute_force(p: Pipeline, sample_docs: list[int]) -> tuple[np.ndarray, int, float]:
    """(clause pairs of different sample documents that ``match_passages`` accepts, pairs
    compared, seconds). Pairs sharing no informative shingle are skipped (they cannot match)."""
    t = time.perf_counter()
    chosen = np.isin(p.clause_doc, np.asarray(sample_docs))
    idx = np.flatnonzero(chosen)
    codes = [p.codes[k] for k in idx]
    flat = np.concatenate(codes)
    owner = np.repeat(idx, [len(c) for c in codes])
    keep = ~p.df.frequent(flat)
    flat, owner = flat[keep], owner[keep]
    order = np.lexsort((owner, flat))
    flat, owner = flat[order], owner[order]
    starts = np.flatnonzero(np.r_[True, flat[1:] != flat[:-1]])
    sizes = np.diff(np.r_[starts, len(flat)])
    keys = []
    for size in np.unique(sizes):
        if size < 2:
            continue
        g = starts[sizes == size]
        members = owner[g[:, None] + np.arange(size)[None, :]]
        ii, jj = np.triu_indices(size, k=1)
        a, b = members[:, ii].ravel(), members[:, jj].ravel()
        ok = p.clause_doc[a] != p.clause_doc[b]
        keys.append(np.minimum(a, b)[ok] * p.n + np.maximum(a, b)[ok])
    compare = np.unique(np.concatenate(keys)) if keys else np.zeros(0, np.int64)
    hits = [k for k in compare.tolist() if _match(p.rows, p.weigh, k // p.n, k % p.n)]
    return np.array(hits, dtype=np.int64), len(compare), time.perf_counter() - t


def exact_check(p: Pipeline, docs: list[int], prefiltered: np.ndarray) -> dict[str, Any]:
    """Every cross-document clause pair of ``docs``, no prefilter: matches the prefilter
    missed (should be none)."""
    t = time.perf_counter()
    idx = np.flatnonzero(np.isin(p.clause_doc, np.asarray(docs))).tolist()
    found = []
    compared = 0
    for x, i in enumerate(idx):
        for j in idx[x + 1 :]:
            if p.rows[i].doc == p.rows[j].doc:
                continue
            compared += 1
            if _match(p.rows, p.weigh, i, j):
                found.append(i * p.n + j)
    missed = np.setdiff1d(np.array(found, dtype=np.int64), prefiltered)
    return {
        "docs": len(docs),
        "pairs": compared,
        "matches": len(found),
        "missed_by_prefilter": len(missed),
        "seconds": round(time.perf_counter() - t, 1),
    }


def truth_recall(p: Pipeline) -> tuple[dict[str, Any], dict[str, dict[str, int]]]:
    where = {(r.doc, r.path): k for k, r in enumerate(p.rows)}
    by_kind: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for t in p.corpus.truth:
        by_kind[t.kind].append((where[(t.src_doc, t.src_path)], where[(t.doc, t.path)]))
    out: dict[str, Any] = {}
    reasons: dict[str, dict[str, int]] = {}
    tot = [0, 0, 0, 0]
    for kind, pairs in sorted(by_kind.items()):
        a = np.array(pairs, dtype=np.int64)
        cand = p.is_candidate(a[:, 0], a[:, 1])
        acc = np.array([_match(p.rows, p.weigh, int(i), int(j)) for i, j in pairs])
        row = [len(pairs), int(cand.sum()), int(acc.sum()), int((cand & acc).sum())]
        out[kind] = row
        missed = [pair for pair, c in zip(pairs, cand, strict=True) if not c]
        reasons[kind] = miss_reasons(p, missed)
        tot = [x + y for x, y in zip(tot, row, strict=True)]
    out["all"] = tot
    return out, reasons


def group_stats(p: Pipeline) -> dict[str, int]:
    """Sizes of the informative-shingle groups (clauses per informative shingle)."""
    flat = np.concatenate(p.codes)
    _, counts = np.unique(flat[~p.df.frequent(flat)], return_counts=True)
    return {
        "informative_shingles": len(counts),
        "largest_group": int(counts.max()) if len(counts) else 0,
        "groups_over_earliest": int((counts > EARLIEST + 1).sum()),
        "pair_occurrences": int(np.minimum(counts - 1, EARLIEST * (counts - 1)).sum()),
    }


def miss_reasons(p: Pipeline, pairs: list[tuple[int, int]]) -> dict[str, int]:
    """Why clause pairs are not candidates: fewer than MIN_SHARED shingles in common at all
    (``few shared``), enough but frequent ones (``frequent``: stock, boilerplate, topic
    words), or enough informative ones but neither clause among the earliest places the
    passages were seen (``later copies``: both copy an earlier source, and each is paired
    with that source instead)."""
    out: dict[str, int] = defaultdict(int)
    for i, j in pairs:
        common = np.intersect1d(p.codes[i], p.codes[j], assume_unique=True)
        info = common[~p.df.frequent(common)]
        if len(common) < MIN_SHARED:
            out["few shared"] += 1
        elif len(info) < MIN_SHARED:
            out["frequent"] += 1
        else:
            out["later copies"] += 1
    return dict(out)


def lineage_recall(p: Pipeline, hits: np.ndarray) -> dict[str, int]:
    """Clause-level recall of the built lineage against brute force: of the sample clauses
    that brute force finds reusing an earlier sample clause, how many the pipeline linked to
    a source (anywhere in the corpus), and how many to the earliest clause brute force found
    (or to one earlier still). Needs a complete :meth:`Pipeline.verify`."""
    later: dict[int, int] = {}
    for k in hits.tolist():
        x, y = k // p.n, k % p.n
        later[y] = min(later.get(y, x), x)
    linked = earliest = 0
    for y, first in later.items():
        sources = sorted(p.sources.get(y, []))
        linked += bool(sources)
        earliest += bool(sources) and sources[0] <= first
    return {"clauses": len(later), "linked": linked, "linked_earliest": earliest}


# --- one size, in its own process -------------------------------------------------------------


def run_one(args: argparse.Namespace) -> dict[str, Any]:
    meter = Meter()
    n = args.one
    _log(f"[{n} documents] generating")
    with meter.step("generate"):
        corpus = make_corpus(n, args.seed, args.filler_vary, args.filler_max_run)
    corpus_rss = _rss_mb()
    p = Pipeline(corpus, meter)
    _log(f"[{n} documents] pipeline")
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    p.index()
    _log(f"  {len(p.rows):,} clauses, {len(p.pairs):,} candidate pairs")
    p.verify(args.verify_budget, args.seed)
    if profiler is not None:
        profiler.disable()
        import io
        import pstats

        for key in ("tottime", "cumulative"):
            s = io.StringIO()
            pstats.Stats(profiler, stream=s).sort_stats(key).print_stats(18)
            _log(s.getvalue())
    result: dict[str, Any] = {
        "docs": n,
        "clauses": len(p.rows),
        "shingles": int(sum(len(c) for c in p.codes)),
        "frequent_codes": len(p.df._frequent),
        "candidates": len(p.pairs),
        "candidates_with_source": int((p.clause_doc[p.pairs[:, 0]] == 0).sum()),
        "verified": p.verified,
        "compared": p.compared_est,
        "links": p.links_est,
        "links_exact": p.verified == len(p.pairs),
        "time": meter.time,
        "peak_mb": meter.peak,
        "corpus_rss_mb": corpus_rss,
        "truth_reuses": len(corpus.truth),
    }
    pipeline_peak = meter.process_peak
    _log(f"[{n} documents] diagnostics")
    result["groups"] = group_stats(p)
    result["truth"], result["truth_missed"] = truth_recall(p)
    rng = random.Random(args.seed)
    sample = [0, *rng.sample(range(1, n), min(n - 1, args.sample - 1))]
    hits, compared, secs = brute_force(p, sample)
    cand = np.isin(hits, p.keys)
    src_rows = sum(1 for r in p.rows if r.doc == 0)
    with_source = p.clause_doc[hits // p.n] == 0 if len(hits) else np.zeros(0, bool)
    result["brute_missed"] = miss_reasons(p, [(int(k // p.n), int(k % p.n)) for k in hits[~cand]])
    if p.verified == len(p.pairs):
        result["lineage"] = lineage_recall(p, hits)
    else:
        result["lineage"] = {"clauses": 0, "linked": 0, "linked_earliest": 0}
    result["brute"] = {
        "sample_docs": len(sample),
        "pairs_compared": compared,
        "matches": len(hits),
        "candidates": int(cand.sum()),
        "matches_with_source": int(with_source.sum()),
        "candidates_with_source": int((cand & with_source).sum()),
        "seconds": round(secs, 1),
        "source_rows": src_rows,
    }
    if args.exact_docs:
        result["exact"] = exact_check(p, sample[: args.exact_docs], np.sort(hits))
    result["process_peak_mb"] = max(
        pipeline_peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    result["pipeline_peak_mb"] = pipeline_peak
    return result


# --- report ---------------------------------------------------------------------------------------


def report(results: list[dict[str, Any]]) -> str:
    lines = []
    head = f"{'':24}" + "".join(f"{r['docs']:>16,}" for r in results)
    lines.append(head)
    lines.append("-" * len(head))

    def row(name: str, fn: Callable[[dict[str, Any]], str]) -> None:
        lines.append(f"{name:24}" + "".join(f"{fn(r):>16}" for r in results))

    row("clauses", lambda r: f"{r['clauses']:,}")
    row("shingle occurrences", lambda r: f"{r['shingles']:,}")
    row("candidate pairs", lambda r: f"{r['candidates']:,}")
    row(" … with gf-2025-11", lambda r: f"{r['candidates_with_source']:,}")
    row(
        "verified links",
        lambda r: f"{'' if r['links_exact'] else '~'}{r['links']:,}",
    )
    for s in STEPS:

        def t(r: dict[str, Any], s: str = s) -> str:
            if s == "verify" and "verify_est" in r["time"]:
                return f"~{r['time']['verify_est']:.1f}"
            return f"{r['time'].get(s, float('nan')):.1f}"

        row(f"time {s} (s)", t)
    row(
        "pairs compared",
        lambda r: f"{'' if r['links_exact'] else '~'}{r.get('compared', r['verified']):,}",
    )
    row(
        "verify ms / candidate",
        lambda r: f"{1000 * r['time']['verify'] / max(1, r['verified']):.2f}",
    )
    row(
        "time pipeline (s)",
        lambda r: f"{_pipeline_time(r):.1f}",
    )
    for s in STEPS:
        row(f"peak RSS {s} (MB)", lambda r, s=s: f"{r['peak_mb'].get(s, float('nan')):.0f}")
    row("RSS of corpus (MB)", lambda r: f"{r['corpus_rss_mb']:.0f}")
    row("largest group", lambda r: f"{r['groups']['largest_group']:,}")
    row("brute-force matches", lambda r: f"{r['brute']['matches']:,}")
    row("lineage: reusing clauses", lambda r: f"{r['lineage']['clauses']:,}")
    row(
        " … linked to a source",
        lambda r: _ratio(r["lineage"]["linked"], r["lineage"]["clauses"]),
    )
    row(
        " … to the earliest",
        lambda r: _ratio(r["lineage"]["linked_earliest"], r["lineage"]["clauses"]),
    )
    row(
        "pair recall vs brute force",
        lambda r: f"{_ratio(r['brute']['candidates'], r['brute']['matches'])}",
    )
    row(
        " … pairs with gf-2025-11",
        lambda r: _ratio(r["brute"]["candidates_with_source"], r["brute"]["matches_with_source"]),
    )
    row(
        " … other pairs",
        lambda r: _ratio(
            r["brute"]["candidates"] - r["brute"]["candidates_with_source"],
            r["brute"]["matches"] - r["brute"]["matches_with_source"],
        ),
    )
    kinds = sorted({k for r in results for k in r["truth"]})
    for k in kinds:
        row(f"truth {k}: n", lambda r, k=k: f"{r['truth'].get(k, [0])[0]:,}")
        row("  candidate", lambda r, k=k: _ratio(*_tk(r, k, 1)))
        row("  verifier accepts", lambda r, k=k: _ratio(*_tk(r, k, 2)))
        row("  end to end", lambda r, k=k: _ratio(*_tk(r, k, 3)))
    lines.append("")
    for r in results:
        lines.append(
            f"{r['docs']:,} docs: brute-force matches not proposed, by cause: "
            f"{r['brute_missed'] or 'none'}; true reuses not proposed, by cause: "
            f"{ {k: v for k, v in r['truth_missed'].items() if v} }"
        )
        if "exact" in r:
            e = r["exact"]
            lines.append(
                f"{r['docs']:,} docs: exact all-pairs check on {e['docs']} sample docs: "
                f"{e['pairs']:,} pairs, {e['matches']:,} matches, "
                f"{e['missed_by_prefilter']} missed by the brute-force prefilter"
            )
    for a, b in itertools.pairwise(results):
        size = b["docs"] / a["docs"]
        lines.append(f"growth {a['docs']:,} → {b['docs']:,} documents (×{size:.1f}):")
        for s in (*STEPS[1:], "pipeline"):
            ta = _pipeline_time(a) if s == "pipeline" else _step_time(a, s)
            tb = _pipeline_time(b) if s == "pipeline" else _step_time(b, s)
            if ta > 0 and tb > 0:
                e = math.log(tb / ta) / math.log(size)
                verdict = (
                    "≈ linear" if 0.8 <= e <= 1.2 else ("super-linear" if e > 1.2 else "sub-linear")
                )
                lines.append(f"  {s:12} ×{tb / ta:7.1f}  (exponent {e:.2f}, {verdict})")
        ratio = b["candidates"] / max(1, a["candidates"])
        lines.append(
            f"  {'candidates':12} ×{ratio:7.1f}  (exponent {math.log(ratio) / math.log(size):.2f})"
            f"; pipeline peak RSS ×{b['pipeline_peak_mb'] / a['pipeline_peak_mb']:.1f}"
        )
        lines.append(
            "  (time alone is no verdict: read it with the recall rows; a step that drops "
            "work looks linear by losing links; pair recall counts copy-to-copy pairs, which the "
            "index pairs with their source instead)"
        )
    return "\n".join(lines)


def _tk(r: dict[str, Any], k: str, col: int) -> tuple[int, int]:
    row = r["truth"].get(k)
    return (row[col], row[0]) if row else (0, 0)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def _step_time(r: dict[str, Any], s: str) -> float:
    if s == "verify" and "verify_est" in r["time"]:
        return float(r["time"]["verify_est"])
    return float(r["time"].get(s, 0.0))


def _pipeline_time(r: dict[str, Any]) -> float:
    return sum(_step_time(r, s) for s in STEPS[1:])


# --- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", default="1000,10000", help="corpus sizes, comma-separated")
    ap.add_argument("--sample", type=int, default=200, help="documents in the brute-force sample")
    ap.add_argument("--exact-docs", type=int, default=8, help="sample documents checked all-pairs")
    ap.add_argument("--verify-budget", type=float, default=1800.0, help="seconds, then sample")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--filler-vary", type=float, default=FILLER_VARY)
    ap.add_argument("--filler-max-run", type=int, default=FILLER_MAX_RUN)
    ap.add_argument("--profile", action="store_true", help="cProfile the pipeline steps")
    ap.add_argument("--timeout", type=float, default=3600.0, help="seconds per size")
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--report", help="print the table of results saved with --json, no run")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.report:
        print(report(json.loads(Path(args.report).read_text(encoding="utf-8"))))
        return 0
    if args.one:
        result = run_one(args)
        Path(args.json).write_text(json.dumps(result), encoding="utf-8")
        return 0
    results = []
    for n in (int(x) for x in args.docs.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "result.json"
            cmd = [
                sys.executable, "-m", "bench.lineage_scale", "--one", str(n),
                "--sample", str(args.sample), "--exact-docs", str(args.exact_docs),
                "--verify-budget", str(args.verify_budget), "--seed", str(args.seed),
                "--filler-vary", str(args.filler_vary),
                "--filler-max-run", str(args.filler_max_run), "--json", str(out),
            ]  # fmt: skip
            if args.profile:
                cmd.append("--profile")
            try:
                subprocess.run(cmd, cwd=ROOT, check=True, timeout=args.timeout, env=os.environ)
            except subprocess.TimeoutExpired:
                _log(f"{n} documents: over {args.timeout:.0f} s, stopped")
                continue
            except subprocess.CalledProcessError as e:
                _log(f"{n} documents: failed ({e.returncode})")
                continue
            results.append(json.loads(out.read_text(encoding="utf-8")))
        print(report(results), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
