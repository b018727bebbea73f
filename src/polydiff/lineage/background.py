"""How much a unit of text says, from a background frequency model of the language.

A corpus of a few documents on one topic cannot tell its own topic words from stock words
(人工智能 is in every clause of an AI corpus, yet 全要素 is not 的), so the weight of a unit
comes from how common it is in the language at large: ``wordfreq``'s word frequencies
(subtitles, web, Wikipedia, news; the "small" lists, loaded in well under 0.1 s). English
units are words; a Chinese unit is a character, weighted by the frequency of the character
across the language's words (的 and 是 are in everything, 枢 and 纽 in little).

The corpus adds what the background cannot know: its stock phrases, boilerplate and the
titles of its documents (:class:`polydiff.lineage.shingles.DocFrequency`); a unit covered
only by such shingles weighs :data:`FREQUENT_WEIGHT`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

FLOOR = 0.15
"""Weight of the commonest units (的, the)."""
FREQUENT_WEIGHT = 0.1
"""Weight of a unit covered only by stock, boilerplate or title shingles."""
_SPAN = {"zh": (7.6, 6.1), "en": (7.7, 5.2)}
"""Zipf values (log10 of occurrences per billion) between which the weight rises from
``FLOOR`` to 1: in Chinese 的 is 7.6 and content characters 5–6.5; in English ``the`` is
7.7 and content words mostly below 5."""


_TABLES: dict[str, dict[str, float]] = {}
"""Zipf tables given by :func:`use_table` (a cache of them), by language."""


def _zipf_table(lang: str) -> dict[str, float]:
    """Unit → Zipf frequency in the background language (characters for Chinese)."""
    if lang not in _TABLES:
        _TABLES[lang] = _from_wordfreq(lang)
    return _TABLES[lang]


def zipf_table(lang: str) -> dict[str, float]:
    """The background table of ``lang`` (``zh`` or ``en``), to be kept by a cache."""
    return _zipf_table("zh" if lang == "zh" else "en")


def use_table(lang: str, table: dict[str, float]) -> None:
    """Use ``table`` (as :func:`zipf_table` gave it, kept by a cache) as the background
    of ``lang``, sparing the import of wordfreq (a third of a second)."""
    _TABLES.setdefault("zh" if lang == "zh" else "en", table)


def background_version() -> str:
    """The installed word-frequency lists, as the name of their distribution (``wordfreq
    3.1.1``): a kept table is good for this one only. Read off the installed files, without
    importing wordfreq or importlib.metadata (a tenth of a second together)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return "wordfreq missing"
    package = Path(spec.origin).parent
    infos = sorted(p.name for p in package.parent.glob("wordfreq-*.dist-info"))
    return infos[-1].removesuffix(".dist-info").replace("-", " ") if infos else str(package)


def _from_wordfreq(lang: str) -> dict[str, float]:
    import wordfreq

    words = wordfreq.get_frequency_dict(lang, wordlist="small")
    if lang != "zh":
        return {w: math.log10(f * 1e9) for w, f in words.items() if f > 0}
    chars: dict[str, float] = defaultdict(float)
    for word, f in words.items():
        for ch in word:
            chars[ch] += f
    total = sum(chars.values()) or 1.0
    return {ch: math.log10(f / total * 1e9) for ch, f in chars.items() if f > 0}


@cache
def unit_weight(unit: str, lang: str) -> float:
    """The weight of one unit (a Chinese character, an English lower-case word) in [FLOOR, 1]:
    1 for what is rare in the language, ``FLOOR`` for what is in everything."""
    zipf = _zipf_table("zh" if lang == "zh" else "en").get(unit)
    if zipf is None:
        return 1.0
    hi, lo = _SPAN["zh" if lang == "zh" else "en"]
    return max(FLOOR, min(1.0, (hi - zipf) / (hi - lo)))


_WEIGHTS: dict[str, dict[str, float]] = {"zh": {}, "en": {}}


def unit_weights(units: Sequence[str], lang: str) -> list[float]:
    """:func:`unit_weight` of each unit."""
    known = _WEIGHTS["zh" if lang == "zh" else "en"]
    try:
        return list(map(known.__getitem__, units))
    except KeyError:
        for u in units:
            if u not in known:
                known[u] = unit_weight(u, lang)
        return list(map(known.__getitem__, units))
