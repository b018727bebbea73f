"""How the paraphrase thresholds of the lineage (``polydiff.lineage.passages.EVIDENCE``)
were chosen.

    python -m bench.lineage_thresholds

For each declared pair of documents of the bundled corpus (an interpretation, a commentary
citing the Opinions), every candidate clause pair is aligned as a chain of common runs and
labelled from the reading of the texts (``tests/lineage/gold.yaml``): a gold link of some
tier, acceptable (defensible either way), wrong, or unlisted (a pair nobody would link).
The table gives, for each threshold of the chain score, the gold paraphrases kept and the
pairs that are not links kept with them: the threshold sits where the first are nearly all
in and the second nearly all out. Quotations are decided before the threshold (word-for-word
runs carrying the chain) and summaries apart from it; they are shown for reference.

Discovery (documents that declare no relation) aligns with shingle-long runs only and
needs a stronger paraphrase. Its table sets the true reuses of a synthetic corpus
(``bench.lineage_corpus``: copies, sentences and quotations of gf-2025-11, lightly
reworded) against every clause pair of two different bundled documents that the reading
did not link (gold, acceptable) — the realistic negatives: the same topic, the same
slogans, no reuse.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Sequence

from bench.lineage_corpus import make_corpus
from bench.lineage_gold import Gold, load_gold
from polydiff.lineage.build import (
    ClauseRow,
    DocText,
    clause_rows,
    doc_frequency,
    document_texts,
    plan_pairs,
    shingle_batch,
)
from polydiff.lineage.passages import (
    EVIDENCE,
    QUOTE_MIN,
    QUOTE_SHARE,
    Evidence,
    Weigher,
    chains_of,
    match_passages,
)
from polydiff.lineage.verify import declared_candidates, unit_weigher
from polydiff.model.lineage import LineageRelation
from polydiff.record import replace
from polydiff.store.repo import PolicyRepo

THRESHOLDS = (4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 9.0, 10.0)
SYNTHETIC_DOCS = 60


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--list", action="store_true", help="list every pair with its score")
    parser.add_argument("--seed", type=int, default=0, help="of the synthetic corpus")
    args = parser.parse_args(argv)
    gold = load_gold()
    repo = PolicyRepo.find()
    docs = document_texts(repo)
    lang = docs[0].tree.lang if docs else "zh"
    rows = clause_rows(docs)
    words: dict[str, int] = {}
    _, shingled = shingle_batch(rows, 0, lang, words)
    df = doc_frequency(rows, shingled, lang, [d.tree.title for d in docs])
    weigh = unit_weigher(df, lang, words)
    index = {d.id: k for k, d in enumerate(docs)}
    by_doc: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for k, r in enumerate(rows):
        by_doc[r.doc].append((k, r.content))
    for plan in plan_pairs(docs):
        if plan.relation.succession or plan.relation is LineageRelation.DISCOVERED:
            continue
        a, b = index[plan.from_doc], index[plan.to_doc]
        scored = []
        for i, j in declared_candidates(by_doc[a], by_doc[b], lang, weigh):
            chains = chains_of(rows[i].content, rows[j].content, lang, weigh)
            if not chains:
                continue
            best = chains[0]
            quoted = best.long_share(QUOTE_MIN[lang]) >= QUOTE_SHARE
            key = (f"{plan.from_doc}#{rows[i].path}", f"{plan.to_doc}#{rows[j].path}")
            scored.append((best.score, quoted, gold.label(key), key))
        scored.sort(reverse=True)
        chosen = EVIDENCE[plan.relation].paraphrase
        print(f"\n{plan.from_doc} → {plan.to_doc} ({plan.relation.value}, threshold {chosen})")
        print(f"  {len(scored)} candidate pairs; quotations (decided first) excluded below")
        rest = [s for s in scored if not s[1]]
        gold_para = sum(1 for s in rest if s[2] == "paraphrase")
        print("  threshold  paraphrase kept  other gold kept  acceptable  not links kept")
        for t in THRESHOLDS:
            kept = [s for s in rest if s[0] >= t]
            para = sum(1 for s in kept if s[2] == "paraphrase")
            other = sum(1 for s in kept if s[2] in gold.tier_names() and s[2] != "paraphrase")
            acc = sum(1 for s in kept if s[2] == "acceptable")
            bad = sum(1 for s in kept if s[2] in ("wrong", "unlisted"))
            mark = " ←" if chosen == t else ""
            print(f"  {t:9.1f}  {para:>7}/{gold_para:<7}  {other:>15}  {acc:>10}  {bad:>14}{mark}")
        if args.list:
            for sc, quoted, label, (f, t) in scored:
                print(f"  {sc:6.2f} {'Q' if quoted else ' '} {label:11} {f} → {t}")
    discovery(gold, docs, rows, weigh, lang, args.seed)
    return 0


def discovery(
    gold: Gold,
    docs: Sequence[DocText],
    rows: Sequence[ClauseRow],
    weigh: Weigher,
    lang: str,
    seed: int,
) -> None:
    evidence = EVIDENCE[LineageRelation.DISCOVERED]
    chosen = evidence.paraphrase
    negatives = []
    for x in rows:
        for y in rows:
            if x.doc >= y.doc:
                continue
            key = (f"{docs[x.doc].id}#{x.path}", f"{docs[y.doc].id}#{y.path}")
            if gold.label(key) in ("wrong", "unlisted"):
                negatives.append((x.content, y.content, weigh))
    corpus = make_corpus(SYNTHETIC_DOCS, seed=seed)
    s_rows = clause_rows(corpus.docs)
    s_words: dict[str, int] = {}
    _, s_shingled = shingle_batch(s_rows, 0, lang, s_words)
    s_df = doc_frequency(s_rows, s_shingled, lang, [d.tree.title for d in corpus.docs])
    s_weigh = unit_weigher(s_df, lang, s_words)
    where = {(r.doc, r.path): r.content for r in s_rows}
    positives: dict[str, list[tuple[str, str, Weigher]]] = defaultdict(list)
    for t in corpus.truth:
        src, dst = where.get((t.src_doc, t.src_path)), where.get((t.doc, t.path))
        if src and dst:
            positives[t.kind].append((src, dst, s_weigh))
    print(f"\ndiscovery (no declared relation; threshold {chosen})")
    kinds = sorted(positives)
    print(
        f"  {len(negatives)} bundled pairs the reading did not link; "
        + ", ".join(f"{len(positives[k])} synthetic {k}" for k in kinds)
    )
    print("  threshold  " + "  ".join(f"{k:>9}" for k in kinds) + "  not links kept")

    def linked(pairs: list[tuple[str, str, Weigher]], at: Evidence) -> int:
        return sum(match_passages(a, b, lang, w, at) is not None for a, b, w in pairs)

    for t in THRESHOLDS:
        at = replace(evidence, paraphrase=t)
        kept = [linked(positives[k], at) / len(positives[k]) for k in kinds]
        bad = linked(negatives, at)
        mark = " ←" if chosen == t else ""
        print(f"  {t:9.1f}  " + "  ".join(f"{v:9.3f}" for v in kept) + f"  {bad:>14}{mark}")


if __name__ == "__main__":
    raise SystemExit(main())
