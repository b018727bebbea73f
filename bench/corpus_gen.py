"""Synthetic clause trees of any size, built from the sentences of the bundled corpus.

Used by the benchmarks (``bench/perf.py``) to make 40-, 400- and 4,000-clause documents and
revisions of them. Sentences are real corpus sentences recombined, so the texts have the
vocabulary, length and boilerplate of real policy clauses; they are benchmark inputs, never
corpus documents."""

from __future__ import annotations

import random
import re
from pathlib import Path

from polydiff.model import Clause, ClauseKind, ClauseTree
from polydiff.store.repo import PolicyRepo

ROOT = Path(__file__).resolve().parents[1]
_ZH_SENT = re.compile(r"[^。！？]+[。！？]")
_EN_SENT = re.compile(r"[^.!?]+[.!?](?:\s|$)")


def sentences(lang: str) -> list[str]:
    """Every sentence of every full-text document in ``policies/``."""
    repo = PolicyRepo(ROOT)
    out: list[str] = []
    for doc in repo.doc_ids():
        meta = repo.load_meta(doc)
        if lang not in meta.languages or meta.completeness.value == "outline":
            continue
        for c in repo.load_tree(doc, lang).walk():
            pattern = _ZH_SENT if lang == "zh" else _EN_SENT
            out.extend(s.strip() for s in pattern.findall(c.text) if len(s.strip()) > 8)
    return sorted(set(out))


def _vary(sentence: str, rng: random.Random, vocab: list[str], share: float) -> str:
    """Replace ``share`` of the characters (zh) or words (en) by others of the corpus, so that
    thousands of clauses made from a few hundred sentences are still distinct."""
    if " " in sentence:
        words = sentence.split(" ")
        return " ".join(rng.choice(vocab) if rng.random() < share else w for w in words)
    return "".join(rng.choice(vocab) if rng.random() < share else ch for ch in sentence)


def make_tree(
    n: int, lang: str = "zh", seed: int = 0, per_section: int = 10, vary: float = 0.3
) -> ClauseTree:
    """A tree of ``n`` leaf items (3 varied sentences each) in sections of ``per_section``."""
    rng = random.Random(seed)
    pool = sentences(lang)
    vocab = sorted({w for s in pool for w in (s.split(" ") if lang == "en" else s)})
    sections: list[Clause] = []
    for s in range((n + per_section - 1) // per_section):
        items = []
        for k in range(min(per_section, n - s * per_section)):
            picked = [_vary(x, rng, vocab, vary) for x in rng.sample(pool, 3)]
            body = ("" if lang == "zh" else " ").join(picked)
            items.append(Clause(f"1.{s + 1}.{k + 1}", ClauseKind.ITEM, f"{k + 1}.", "", body))
        sections.append(
            Clause(
                f"1.{s + 1}",
                ClauseKind.SECTION,
                f"({s + 1})",
                f"section {s + 1}",
                children=tuple(items),
            )
        )
    part = Clause("1", ClauseKind.PART, "一、", "part", children=tuple(sections))
    return ClauseTree("synthetic", lang, "synthetic", "", (), (part,))


def revise(tree: ClauseTree, seed: int = 1, rate: float = 0.1) -> ClauseTree:
    """A revision: ``rate`` of the items get a sentence replaced, and as many are dropped."""
    rng = random.Random(seed)
    pool = sentences(tree.lang)
    joiner = "" if tree.lang == "zh" else " "
    pattern = _ZH_SENT if tree.lang == "zh" else _EN_SENT
    (part,) = tree.clauses
    sections = []
    for sec in part.children:
        items = []
        for item in sec.children:
            r = rng.random()
            if r < rate:
                continue  # dropped
            text = item.text
            if r < 2 * rate:
                sents = pattern.findall(text)
                if sents:
                    sents[rng.randrange(len(sents))] = rng.choice(pool)
                    text = joiner.join(s.strip() for s in sents)
            number = len(items) + 1
            items.append(
                Clause(f"{sec.path}.{number}", item.kind, f"{number}.", item.heading, text)
            )
        sections.append(Clause(sec.path, sec.kind, sec.label, sec.heading, children=tuple(items)))
    return ClauseTree(
        tree.doc,
        tree.lang,
        tree.title,
        tree.number,
        tree.front,
        (Clause(part.path, part.kind, part.label, part.heading, children=tuple(sections)),),
    )
