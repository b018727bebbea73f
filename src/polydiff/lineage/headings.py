"""Links from an outline (headings only, no body text) to a full text, from headings.

With an outline-only predecessor (gf-2015-40), the text allows no more than this: for each
heading, the clause of the later document whose heading and text contain the largest share
of the heading's weight. The grams of a heading (character bigrams, English words) count
unless they are shared by most of its sibling headings (the “互联网+” every action heading
starts with says nothing about which action it is) or found in more than a fifth of the
later document's clauses (发展). Each is weighted by rarity over both documents; a gram
found nowhere else gets the highest weight and is simply missing from every candidate (a
real word the later text dropped, or a bigram across two words such as 代农 in 现代农业).
Links of this kind are marked ``heading`` and are proposals for a person to confirm.
"""

from __future__ import annotations

import math
from collections import Counter

from polydiff.align.overlap import grams
from polydiff.model import Clause, ClauseTree
from polydiff.model.lineage import LineageLink, LinkKind
from polydiff.normalize import normalize

MIN_SCORE = 0.3
"""Least share of a heading's weight a clause must contain. At 0.3, 现代农业 reaches the
clause on 农业 (0.34) and not the one on 现代服务业 (0.27); 智慧能源, whose 能源 the 2025
text never mentions, links nowhere (0.29)."""
FREQUENT = 0.2
"""Grams in more than this share of the later document's clauses do not count."""


def _features(text: str, lang: str) -> set[str]:
    return set(grams(normalize(text), lang))


def heading_links(outline: ClauseTree, target: ClauseTree) -> list[LineageLink]:
    """One proposed ``heading`` link per outline heading that a target clause covers."""
    lang = outline.lang
    targets = [c for c in target.walk() if c.content]
    target_feats = [_features(c.content, lang) for c in targets]
    heads = [c for c in outline.walk() if c.heading]
    head_feats = {c.path: _features(c.heading, lang) for c in heads}
    df: Counter[str] = Counter()
    for feats in (*target_feats, *head_feats.values()):
        df.update(feats)
    in_targets: Counter[str] = Counter(g for feats in target_feats for g in feats)
    n = len(targets) + len(heads)
    frequent = {g for g, k in in_targets.items() if k > FREQUENT * len(targets)}
    links = []
    for clause in heads:
        counted = _distinctive(clause, outline, head_feats) - frequent
        weight = {g: math.log1p(n / df[g]) for g in counted}
        total = sum(weight.values())
        if not total:
            continue
        # the best share wins; between equals, the earliest clause in the document
        scored = [
            (sum(weight[g] for g in counted & feats) / total, -k, c.path)
            for k, (c, feats) in enumerate(zip(targets, target_feats, strict=True))
        ]
        score, _, path = max(scored)
        if score >= MIN_SCORE:
            links.append(LineageLink(clause.path, path, LinkKind.HEADING, round(score, 4)))
    return links


def _distinctive(clause: Clause, outline: ClauseTree, feats: dict[str, set[str]]) -> set[str]:
    """The heading's grams minus those most of its sibling headings share."""
    own = feats[clause.path]
    parent = clause.path.rpartition(".")[0]
    siblings = [
        c
        for c in outline.walk()
        if c.heading and c.path != clause.path and c.path.rpartition(".")[0] == parent
    ]
    if len(siblings) < 2:
        return own
    counts = Counter(g for s in siblings for g in feats[s.path])
    return {g for g in own if counts[g] < len(siblings) / 2}
