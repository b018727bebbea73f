"""``polydiff sources`` against the gold lineage of the bundled corpus: each later document's
published text, as a user would paste it, is asked where it came from, with itself and every
later document left out of the corpus; its sources are scored against the links a reader
found (``tests/lineage/gold.yaml``, the tiers quotation, paraphrase and summary).

    python -m bench.sources_gold

prints recall per tier and precision for the default evidence and for ``--loose``."""

from __future__ import annotations

from dataclasses import replace

from bench.lineage_gold import Gold, Key, Score, load_gold, score
from polydiff.service.sources import SourcesQuery, find_sources, read_file_text
from polydiff.store.repo import PolicyRepo

QUERIED = ("ndrc-2025-0826", "gmrb-2025-1025")
"""The documents whose sources the gold records (both draw on gf-2025-11)."""
TIERS = ("quotation", "paraphrase", "summary")


def sources_keys(repo: PolicyRepo, doc: str, loose: bool = False) -> set[Key]:
    """("doc#path", "queried#passage") of every source found for ``doc``'s raw Chinese text,
    with ``doc`` and the documents dated after it left out."""
    date = repo.load_meta(doc).date
    later = tuple(d for d in repo.doc_ids() if d == doc or repo.load_meta(d).date > date)
    text = read_file_text(repo.root / "policies" / doc / "raw" / "zh.txt")
    report = find_sources(repo, SourcesQuery(text, doc, "zh", top=100, loose=loose, exclude=later))
    return {(m.ref, f"{doc}#{p.path}") for p in report.passages for m in p.sources}


def gold_for(gold: Gold, docs: tuple[str, ...]) -> Gold:
    """The gold links into ``docs`` of the passage tiers."""
    tiers = {k: t for k, t in gold.tiers.items() if t in TIERS and k[1].split("#")[0] in docs}
    return replace(gold, tiers=tiers)


def measure(repo: PolicyRepo, loose: bool = False) -> Score:
    """Sources of every queried document against the gold."""
    found: set[Key] = set()
    for doc in QUERIED:
        found |= sources_keys(repo, doc, loose)
    return score(gold_for(load_gold(), QUERIED), found)


def main() -> None:
    repo = PolicyRepo.find()
    for loose in (False, True):
        sc = measure(repo, loose)
        tiers = ", ".join(f"{t} {a}/{b}" for t, (a, b) in sorted(sc.found.items()))
        print(f"{'--loose' if loose else 'default'}: {tiers}; precision {sc.correct}/{sc.proposed}")
        for key, label in sc.unwanted:
            print(f"  unwanted ({label}): {key[0]} → {key[1]}")
        for key in sc.missed:
            print(f"  missed: {key[0]} → {key[1]}")


if __name__ == "__main__":
    main()
