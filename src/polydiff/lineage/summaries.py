"""Summaries: a later sentence that names several earlier clauses in one enumeration, or
condenses a group of them into a few words.

Interpretations restate a section by listing its items — 「从培育智能原生新模式新业态、推进
工业全要素智能化发展、加快农业数智化转型升级和创新服务业发展新模式四个方面」 — or by reducing
each to its key words — 「推动服务消费和产品消费提质升级」 for the two items 拓展服务消费新场景
and 培育产品消费新业态. Neither is a passage long enough to be a quotation of any one clause;
what identifies it is the parallel: an enumeration of the later text (items separated by 、
和 及 与; in English by commas and "and") whose items each carry the distinctive wording of a
different sibling heading of the earlier document (wording its siblings do not share).

A group matches when at least two items fall to two different siblings (a one-to-one
assignment by weight), they are at least half the enumeration and two thirds of the group
(an enumeration restates a group, not two of its eight sections); each matched sibling gets
its own link of kind ``summarises``, with the shared wording as the span on both sides.
Chinese enumerations are read within one clause of a sentence (up to a comma), where 、 和 及
与 join their items.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from polydiff.lineage.passages import Weigher
from polydiff.model import Clause, ClauseTree
from polydiff.model.lineage import LineageLink, LinkKind, Span
from polydiff.normalize import normalize_with_map
from polydiff.record import record

ITEM_MIN = 1.2
"""Weight of the distinctive wording an item must share with its sibling heading."""
ITEM_MAX = 24
"""Units in the longest enumeration item (a longer piece is prose, not a list item)."""
GROUP_SHARE = 2 / 3
"""Share of the sibling group an enumeration must name."""
DENSITY = 0.5
"""Share of the units between the first and the last matched wording of an enumeration
that the matched wording covers (a list restating headings is mostly their words)."""
_LINE = re.compile(r"[^\n]+")
_SENTENCE = {"zh": re.compile(r"[^。；;！？!?，,：:]+"), "en": re.compile(r"[^.;:!?]+")}
_ITEM = {
    "zh": re.compile(r"(?:、|以及|及|和|与)"),
    "en": re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+"),
}
_UNIT = re.compile(r"\w")
_WORD = re.compile(r"\w+")


@record
class _Item:
    """One item of an enumeration: its units with their offsets in the clause content."""

    units: tuple[str, ...]
    offsets: tuple[int, ...]


def summary_links(
    earlier: ClauseTree, later: ClauseTree, lang: str, weigh: Weigher
) -> list[LineageLink]:
    """Links from sibling headings of ``earlier`` to the enumerations of ``later`` that
    name them."""
    groups = [g for g in _sibling_groups(earlier) if len(g) >= 2]
    if not groups:
        return []
    features = {c.path: _distinctive(c, group, lang, weigh) for group in groups for c in group}
    out: dict[tuple[str, str], LineageLink] = {}
    for clause in later.walk():
        if not clause.content:
            continue
        for items in _enumerations(clause.content, lang):
            for group in groups:
                for link in _match(group, items, clause, features, lang):
                    if link.key not in out or link.score > out[link.key].score:
                        out[link.key] = link
    return list(out.values())


def _sibling_groups(tree: ClauseTree) -> list[list[Clause]]:
    groups: list[list[Clause]] = []
    for c in tree.walk():
        kids = [k for k in c.children if k.heading]
        if len(kids) >= 2:
            groups.append(kids)
    top = [c for c in tree.clauses if c.heading]
    if len(top) >= 2:
        groups.append(top)
    return groups


Feature = tuple[str, ...]


def _distinctive(
    clause: Clause, group: Sequence[Clause], lang: str, weigh: Weigher
) -> dict[Feature, tuple[float, int, int]]:
    """Bigrams of units (English: single words too) of the heading that no sibling heading
    has, weighing enough: bigram → (weight, start, end) in the heading (character offsets of
    the clause content, whose first part is the heading)."""
    own = _features(clause.heading, lang, weigh)
    others: set[Feature] = set()
    for sibling in group:
        if sibling.path != clause.path:
            others |= set(_features(sibling.heading, lang, weigh))
    return {f: v for f, v in own.items() if f not in others and v[0] >= ITEM_MIN / 2}


def _features(text: str, lang: str, weigh: Weigher) -> dict[Feature, tuple[float, int, int]]:
    norm, mapping = normalize_with_map(text)
    if lang == "zh":
        matches = list(_UNIT.finditer(norm))
        units = [m.group() for m in matches]
    else:
        matches = list(_WORD.finditer(norm))
        units = [m.group().lower() for m in matches]
    weights = weigh(text)
    out: dict[Feature, tuple[float, int, int]] = {}
    if len(weights) != len(units):  # texts with units outside words (never for headings)
        return out
    size = 2 if lang == "zh" else 1
    for k in range(len(units) - size + 1):
        feat = tuple(units[k : k + size])
        w = sum(weights[k : k + size])
        start, end = mapping[matches[k].start()], mapping[matches[k + size - 1].end() - 1] + 1
        if feat not in out or w > out[feat][0]:
            out[feat] = (w, start, end)
    return out


@lru_cache(maxsize=4096)
def _enumerations(content: str, lang: str) -> tuple[tuple[_Item, ...], ...]:
    """The enumerations of a clause: each sentence (within one line: the heading is the
    first) cut at its item separators (only those with two items or more). Cached: a text
    is compared with the sibling groups of many documents."""
    out = []
    for line in _LINE.finditer(content):
        norm, line_map = normalize_with_map(line.group())
        mapping = [line.start() + m for m in line_map]
        for sentence in _SENTENCE["zh" if lang == "zh" else "en"].finditer(norm):
            pieces, pos = [], sentence.start()
            for sep in _ITEM["zh" if lang == "zh" else "en"].finditer(sentence.group()):
                pieces.append((pos, sentence.start() + sep.start()))
                pos = sentence.start() + sep.end()
            pieces.append((pos, sentence.end()))
            items = [_item(norm, mapping, s, e, lang) for s, e in pieces]
            items = [it for it in items if it.units]
            if len(items) >= 2 and all(len(it.units) <= ITEM_MAX for it in items):
                out.append(tuple(items))
    return tuple(out)


def _item(norm: str, mapping: Sequence[int], start: int, end: int, lang: str) -> _Item:
    pattern = _UNIT if lang == "zh" else _WORD
    found = list(pattern.finditer(norm, start, end))
    units = tuple(m.group() if lang == "zh" else m.group().lower() for m in found)
    return _Item(units, tuple(mapping[m.start()] for m in found))


def _match(
    group: Sequence[Clause],
    items: Sequence[_Item],
    later: Clause,
    features: dict[str, dict[Feature, tuple[float, int, int]]],
    lang: str,
) -> list[LineageLink]:
    """The summary links of one enumeration against one sibling group (none unless two
    items or more match two siblings or more, and half the items do)."""
    size = 2 if lang == "zh" else 1
    scores: dict[tuple[int, int], tuple[float, list[Span]]] = {}
    for k, item in enumerate(items):
        grams: dict[Feature, list[int]] = defaultdict(list)
        for q in range(len(item.units) - size + 1):
            grams[item.units[q : q + size]].append(q)
        for s, sibling in enumerate(group):
            weight, spans = 0.0, []
            for feat, (w, a0, a1) in features[sibling.path].items():
                if feat in grams:
                    q = grams[feat][0]
                    b0 = item.offsets[q]
                    b1 = item.offsets[q + size - 1] + len(item.units[q + size - 1])
                    weight += w
                    spans.append(Span(a0, a1, b0, b1))
            if weight >= ITEM_MIN:
                scores[(k, s)] = (weight, spans)
    chosen = _best_item_per_sibling(scores)
    matched_items = {k for k, _ in chosen}
    if (
        len(matched_items) < 2
        or 2 * len(matched_items) < len(items)
        or len(chosen) < GROUP_SHARE * len(group)
        or _density(items, [sp for ks in chosen for sp in scores[ks][1]]) < DENSITY
    ):
        return []
    out = []
    for k, s in chosen:
        weight, spans = scores[(k, s)]
        sibling = group[s]
        total = sum(w for w, _, _ in features[sibling.path].values()) or 1.0
        out.append(
            LineageLink(
                sibling.path,
                later.path,
                LinkKind.SUMMARISES,
                round(min(1.0, weight / total), 4),
                tuple(_merge(spans)),
            )
        )
    return out


def _best_item_per_sibling(
    scores: dict[tuple[int, int], tuple[float, list[Span]]],
) -> list[tuple[int, int]]:
    """Each sibling with the item that carries most of its wording (an item may name two
    siblings: 「学习品质」 condenses 学习方式 and 有品质的生活)."""
    best: dict[int, tuple[int, int]] = {}
    for k, s in sorted(scores):
        if s not in best or scores[(k, s)][0] > scores[best[s]][0]:
            best[s] = (k, s)
    return sorted(best.values())


def _density(items: Sequence[_Item], spans: Sequence[Span]) -> float:
    """Share of the enumeration's units from the first matched one to the last that the
    spans cover."""
    covered = [
        any(sp.to_start <= offset < sp.to_end for sp in spans)
        for item in items
        for offset in item.offsets
    ]
    hits = [k for k, c in enumerate(covered) if c]
    if not hits:
        return 0.0
    return len(hits) / (hits[-1] - hits[0] + 1)


def _merge(spans: Sequence[Span]) -> list[Span]:
    """Overlapping or touching spans (on both sides) joined, in order of the later text."""
    out: list[Span] = []
    for sp in sorted(spans, key=lambda x: (x.to_start, x.from_start)):
        if out and sp.to_start <= out[-1].to_end and sp.from_start <= out[-1].from_end:
            last = out[-1]
            out[-1] = Span(
                min(last.from_start, sp.from_start),
                max(last.from_end, sp.from_end),
                last.to_start,
                max(last.to_end, sp.to_end),
            )
        else:
            out.append(sp)
    return out
