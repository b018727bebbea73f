"""Quotation and paraphrase: the passages of a later clause that reproduce or closely follow
an earlier one, with their offsets in both clauses.

Passages are found by seed and extend, as in text-reuse tools (passim, TextPAIR): every
run of ``SHINGLE_N`` units the two clauses share (4 Chinese characters, 3 English words;
punctuation and width ignored) is a seed, and consecutive seeds on the same diagonal grow
into a maximal common passage, in any order (a later text may quote the second half of a
clause before the first). A passage's evidence is the number of its *informative* units:
characters or words not covered by a stock phrase or a shingle found in most documents. A
passage of ``QUOTE_MIN`` informative units (eight Chinese characters, seven English words) is a
quotation; shorter passages close together (within ``CLUSTER`` units on both sides) that
add up to ``PARAPHRASE_MIN`` are a paraphrase: 加速“从1到N”技术落地和迭代突破 restated as
“从1到N”的技术落地与迭代突破.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from polydiff.lineage.shingles import SHINGLE_N
from polydiff.model.lineage import LinkKind, Span
from polydiff.normalize import normalize_with_map

QUOTE_MIN = {"zh": 8, "en": 7}
"""Informative units in one passage for a quotation."""
PARAPHRASE_MIN = {"zh": 12, "en": 9}
"""Informative units in a cluster of passages for a paraphrase."""
CLUSTER = {"zh": 40, "en": 25}
"""Units within which passages form one cluster, on both sides."""
_WORD_RE = re.compile(r"\w+")

Counter = Callable[[str], int]
"""Number of informative units in a piece of (normalised) text."""


@dataclass(frozen=True, slots=True)
class PassageMatch:
    """What :func:`match_passages` found."""

    kind: LinkKind
    score: float
    """Share of the earlier clause's informative units reproduced, in [0, 1]."""
    spans: tuple[Span, ...]
    evidence: int
    """Informative units in all matched passages."""


@dataclass(frozen=True, slots=True, eq=False)
class _Units:
    """A text cut into comparison units (characters or lower-case words) with their offsets."""

    norm: str
    """Normalised text."""
    to_original: Sequence[int]
    """Normalised offset → original offset."""
    units: list[str]
    starts: list[int]
    """Normalised offset where each unit starts."""
    ends: list[int]


CACHED_CLAUSES = 20_000
"""Clauses whose units and seeds are kept between comparisons (~35 KB each): the sources a
batch compares again and again, not the whole corpus."""


@lru_cache(maxsize=CACHED_CLAUSES)
def _units(text: str, lang: str) -> _Units:
    norm, mapping = normalize_with_map(text)
    units, starts, ends = [], [], []
    for m in _WORD_RE.finditer(norm):
        if lang == "zh":
            for k in range(m.start(), m.end()):
                units.append(norm[k])
                starts.append(k)
                ends.append(k + 1)
        else:
            units.append(m.group().lower())
            starts.append(m.start())
            ends.append(m.end())
    return _Units(norm, mapping, units, starts, ends)


@lru_cache(maxsize=CACHED_CLAUSES)
def _seeds(a: _Units, n: int) -> dict[tuple[str, ...], list[int]]:
    """Every run of ``n`` units of ``a`` and where it starts (cached: a source clause is
    compared with many later ones)."""
    seeds: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(a.units) - n + 1):
        seeds[tuple(a.units[i : i + n])].append(i)
    return seeds


def common_passages(a: _Units, b: _Units, n: int) -> list[tuple[int, int, int]]:
    """Maximal common runs of at least ``n`` units: (start in a, start in b, length), longest
    first, none overlapping another on either side."""
    seeds = _seeds(a, n)
    run_start: dict[tuple[int, int], tuple[int, int]] = {}
    runs: dict[tuple[int, int], int] = {}  # (start a, start b) → length in units
    for j in range(len(b.units) - n + 1):
        for i in seeds.get(tuple(b.units[j : j + n]), ()):
            start = run_start.pop((i - 1, j - 1), (i, j))
            run_start[(i, j)] = start
            runs[start] = i - start[0] + n
    chosen: list[tuple[int, int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for (i, j), length in sorted(runs.items(), key=lambda kv: (-kv[1], kv[0])):
        span_a, span_b = set(range(i, i + length)), set(range(j, j + length))
        if span_a & used_a or span_b & used_b:
            continue
        used_a |= span_a
        used_b |= span_b
        chosen.append((i, j, length))
    return chosen


def match_passages(
    from_text: str, to_text: str, lang: str, informative: Counter
) -> PassageMatch | None:
    """The quotation or paraphrase of ``from_text`` in ``to_text``, or None."""
    a, b = _units(from_text, lang), _units(to_text, lang)
    found = []
    for i, j, length in common_passages(a, b, SHINGLE_N[lang]):
        evidence = informative(a.norm[a.starts[i] : a.ends[i + length - 1]])
        if evidence:
            found.append((i, j, length, evidence))
    if not found:
        return None
    if max(f[3] for f in found) >= QUOTE_MIN[lang]:
        kind = LinkKind.QUOTED
        keep = [f for f in found if f[3] >= QUOTE_MIN[lang] // 2]
    else:
        keep = _best_cluster(found, CLUSTER[lang])
        if sum(f[3] for f in keep) < PARAPHRASE_MIN[lang]:
            return None
        kind = LinkKind.PARAPHRASED
    total = sum(f[3] for f in keep)
    spans = tuple(
        sorted(
            (
                Span(
                    a.to_original[a.starts[i]],
                    a.to_original[a.ends[i + n - 1] - 1] + 1,
                    b.to_original[b.starts[j]],
                    b.to_original[b.ends[j + n - 1] - 1] + 1,
                )
                for i, j, n, _ in keep
            ),
            key=lambda s: s.to_start,
        )
    )
    score = round(min(1.0, total / max(1, informative(a.norm))), 4)
    return PassageMatch(kind, score, spans, total)


def _best_cluster(
    found: list[tuple[int, int, int, int]], width: int
) -> list[tuple[int, int, int, int]]:
    """The passages, close together on both sides, with the most evidence."""
    best: list[tuple[int, int, int, int]] = []
    for anchor in found:
        group = [
            f for f in found if abs(f[0] - anchor[0]) <= width and abs(f[1] - anchor[1]) <= width
        ]
        if sum(f[3] for f in group) > sum(f[3] for f in best):
            best = group
    return best
