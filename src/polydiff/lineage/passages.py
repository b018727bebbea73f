"""Quotation and paraphrase: the passages of a later clause that reproduce or closely follow
an earlier one, with their offsets in both clauses.

The two clauses are cut into units (Chinese characters, English words; punctuation and
width ignored) and aligned as a chain of common runs (:mod:`polydiff.lineage.chain`), each
unit weighing what it says in the language at large and in the corpus
(:mod:`polydiff.lineage.background`; stock phrases, boilerplate and titles weigh little).
What the chain is, is measured:

* **quoted**: runs weighing ``QUOTE_MIN`` or more each (about seven content characters, five
  content words) carry at least ``QUOTE_SHARE`` of the chain's weight: the later text
  reproduces the passage word for word, in one stretch or several (a sentence skipped
  between two quoted ones), give or take a word beside them;
* **paraphrased**: the chain scores the relation's ``paraphrase`` threshold or more
  (:data:`EVIDENCE`) without being a quotation: runs of the source's wording in order with
  words changed between them (完善适配…收益分成 → 完善适应…收益分配).

How much evidence a link needs depends on what the documents declare: a document that says
it interprets or implements another is expected to restate it, a commentary that cites one
less so, and between documents with no declared relation a quotation must be longer and a
paraphrase a long stretch of shingle-long runs: a copy with a few words changed, not a
shared turn of phrase or a template's sentence with the province's name in it
(``python -m bench.lineage_thresholds`` shows how the numbers were chosen).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from polydiff.lineage.background import FREQUENT_WEIGHT
from polydiff.lineage.chain import (
    RUN_MIN,
    Chain,
    Run,
    Seeds,
    best_chains,
    runs,
    seeds_of,
    split_at_low,
)
from polydiff.lineage.shingles import SHINGLE_N
from polydiff.model.lineage import LineageRelation, LinkKind, Span
from polydiff.normalize import normalize, normalize_with_map
from polydiff.record import record

QUOTE_MIN = {"zh": 6.0, "en": 4.5}
"""Weight of a word-for-word run of a quotation."""
QUOTE_SHARE = 0.75
"""Share of a quotation's weight in runs of ``QUOTE_MIN`` or more."""


@record
class Evidence:
    """What a link between two documents needs."""

    paraphrase: float
    """Least chain score of a paraphrase."""
    shingle_runs: bool = False
    """Chains of runs of a shingle's length or more only: every run then lies under shingles
    the two clauses share, so the shingle index bounds what a pair can score
    (:func:`polydiff.lineage.verify.may_match`) and most candidates are never aligned."""
    quote_shingles: int = 0
    """Shingles' worth of units a quotation's run must span besides its weight (0: any):
    between undeclared documents seven characters in common are a coincidence as often as
    not (推动工高全要素), ten are a quotation."""

    def quote_min(self, lang: str) -> float:
        return QUOTE_MIN[lang]


EVIDENCE: dict[LineageRelation, Evidence] = {
    LineageRelation.INTERPRETS: Evidence(5.0),
    LineageRelation.IMPLEMENTS: Evidence(5.0),
    LineageRelation.CITES: Evidence(7.0),
    LineageRelation.DISCOVERED: Evidence(9.0, shingle_runs=True, quote_shingles=2),
}
"""Per declared relation (successions are aligned, not matched here)."""
_WORD_RE = re.compile(r"\w+")

Weigher = Callable[[str], Sequence[float]]
"""The weight of every unit of a text (as cut by :func:`units_of`)."""


@record
class PassageMatch:
    """What :func:`match_passages` found."""

    kind: LinkKind
    score: float
    """Share of the earlier clause's weight reproduced, in [0, 1]."""
    spans: tuple[Span, ...]
    evidence: float
    """Score of the chains matched (what was compared with the thresholds)."""


@record(eq=False)
class _Units:
    """A text cut into comparison units (characters or lower-case words) with their offsets."""

    norm: str
    """Normalised text."""
    to_original: Sequence[int]
    """Normalised offset → original offset."""
    units: list[str]
    codes: tuple[int, ...]
    """Each unit's number (equal units, equal numbers, across texts)."""
    starts: list[int]
    """Normalised offset where each unit starts."""
    ends: list[int]


CACHED_CLAUSES = 8_000
"""Clauses whose units and seeds are kept between comparisons (~35 KB each, 0.3 GB in all):
the sources a batch compares again and again, not the whole corpus."""


@lru_cache(maxsize=CACHED_CLAUSES)
def _units(text: str, lang: str) -> _Units:
    norm, mapping = normalize_with_map(text)
    units: list[str] = []
    starts: list[int] = []
    ends: list[int]
    if lang == "zh":
        for m in _WORD_RE.finditer(norm):
            units.extend(m.group())
            starts.extend(range(m.start(), m.end()))
        ends = [k + 1 for k in starts]
    else:
        ends = []
        for m in _WORD_RE.finditer(norm):
            units.append(m.group().lower())
            starts.append(m.start())
            ends.append(m.end())
    codes = tuple(map(_CODES.setdefault, units, _NEXT_CODE))
    return _Units(norm, mapping, units, codes, starts, ends)


_CODES: dict[str, int] = {}
"""Unit → number, for the life of the process (a language's vocabulary)."""
_NEXT_CODE = itertools.count()
"""Numbers to give (one is used up per unit looked up, so numbers are unique, with gaps)."""


@lru_cache(maxsize=CACHED_CLAUSES)
def _seeds(text: str, lang: str, size: int) -> Seeds:
    return seeds_of(_units(text, lang).codes, size)


def light_units(text: str, lang: str) -> Sequence[str]:
    """The same units as :func:`units_of`, without their offsets (cheaper, not cached)."""
    found = _WORD_RE.findall(normalize(text))
    if lang == "zh":
        return "".join(found)
    return [w.lower() for w in found]


def units_of(text: str, lang: str) -> list[str]:
    """The comparison units of ``text`` (what shingles and weights are computed over)."""
    return _units(text, lang).units


def match_passages(
    from_text: str,
    to_text: str,
    lang: str,
    weigh: Weigher,
    evidence: Evidence = EVIDENCE[LineageRelation.INTERPRETS],
) -> PassageMatch | None:
    """The quotation or paraphrase of ``from_text`` in ``to_text``, or None."""
    a, b = _units(from_text, lang), _units(to_text, lang)
    weights = weigh(from_text)
    size = SHINGLE_N[lang] if evidence.shingle_runs else RUN_MIN
    found = runs(_seeds(from_text, lang, size), size, b.codes, weights)
    if evidence.shingle_runs and not _evident(found, weights, size, lang, evidence):
        return None
    chains = best_chains(found)
    if not chains:
        return None
    best = chains[0]
    quote_min = evidence.quote_min(lang)
    if best.long_share(quote_min) >= QUOTE_SHARE:
        kind = LinkKind.QUOTED
        kept = [c for c in chains if c.longest.weight >= quote_min / 2]
    elif evidence.shingle_runs or best.score >= evidence.paraphrase:
        kind = LinkKind.PARAPHRASED
        kept = [best, *(c for c in chains[1:] if c.score >= evidence.paraphrase)]
    else:
        return None
    spans = tuple(sorted((_span(a, b, r) for c in kept for r in c.runs), key=_to_start))
    total = sum(weights) or 1.0
    score = round(min(1.0, sum(c.weight for c in kept) / total), 4)
    return PassageMatch(kind, score, spans, round(sum(c.score for c in kept), 4))


def _evident(
    found: Sequence[Run], weights: Sequence[float], size: int, lang: str, evidence: Evidence
) -> bool:
    """Whether the common runs of two clauses with no declared relation are evidence of
    reuse. The runs are cut where two shingles' worth of units in a row are frequent
    (stock, boilerplate, a title): a template's sentence shared around a name
    (为深入贯彻落实《…》精神，加快推进河北省人工智能…结合河北省实际) is two names, not a
    quotation; a piece must be a quotation's run (weight, and ``quote_shingles``), or the
    chain of them score a paraphrase."""
    pieces = split_at_low(found, weights, FREQUENT_WEIGHT, 2 * size)
    least = evidence.quote_shingles * size
    if any(r.weight >= evidence.quote_min(lang) and r.length >= least for r in pieces):
        return True
    islands = best_chains(pieces)
    return bool(islands) and islands[0].score >= evidence.paraphrase


def _span(a: _Units, b: _Units, run: object) -> Span:
    from polydiff.lineage.chain import Run

    assert isinstance(run, Run)
    i, j, n = run.a, run.b, run.length
    return Span(
        a.to_original[a.starts[i]],
        a.to_original[a.ends[i + n - 1] - 1] + 1,
        b.to_original[b.starts[j]],
        b.to_original[b.ends[j + n - 1] - 1] + 1,
    )


def _to_start(span: Span) -> int:
    return span.to_start


def chains_of(from_text: str, to_text: str, lang: str, weigh: Weigher) -> list[Chain]:
    """The chains of common runs of two texts (for benches and tests)."""
    b = _units(to_text, lang)
    return best_chains(runs(_seeds(from_text, lang, RUN_MIN), RUN_MIN, b.codes, weigh(from_text)))
