"""The lineage a careful reader finds in the bundled corpus (``tests/lineage/gold.yaml``),
and how a set of links measures against it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

GOLD = Path(__file__).resolve().parents[1] / "tests" / "lineage" / "gold.yaml"
Key = tuple[str, str]
"""("doc#path" of the earlier clause, "doc#path" of the later one)."""


@dataclass(frozen=True)
class Gold:
    """Links by tier, the links that are defensible either way, and the wrong ones."""

    tiers: dict[Key, str]
    acceptable: frozenset[Key]
    wrong: frozenset[Key]

    def tier_names(self) -> list[str]:
        return sorted(set(self.tiers.values()))

    def label(self, key: Key) -> str:
        """The tier of a gold link, 'acceptable', 'wrong', or 'unlisted'."""
        if key in self.tiers:
            return self.tiers[key]
        if key in self.acceptable:
            return "acceptable"
        return "wrong" if key in self.wrong else "unlisted"


def load_gold(path: Path = GOLD) -> Gold:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    tiers = {(x["from"], x["to"]): x["tier"] for x in data["links"]}
    return Gold(
        tiers,
        frozenset((x["from"], x["to"]) for x in data["acceptable"]),
        frozenset((x["from"], x["to"]) for x in data["wrong"]),
    )


@dataclass(frozen=True)
class Score:
    """Recall per tier and precision (gold or acceptable links among those proposed)."""

    found: dict[str, tuple[int, int]]
    """tier → (found, gold)."""
    correct: int
    proposed: int
    missed: list[Key]
    unwanted: list[tuple[Key, str]]
    """Proposed links neither gold nor acceptable, with their label."""

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0

    def recall(self, tier: str) -> float:
        got, total = self.found.get(tier, (0, 0))
        return got / total if total else 1.0


def score(gold: Gold, proposed: Iterable[Key], tiers: Iterable[str] | None = None) -> Score:
    """``proposed`` measured against the gold links of ``tiers`` (default: all)."""
    wanted = set(tiers) if tiers is not None else set(gold.tiers.values())
    got = set(proposed)
    found: dict[str, tuple[int, int]] = {}
    missed = []
    for key, tier in sorted(gold.tiers.items()):
        if tier not in wanted:
            continue
        hit, total = found.get(tier, (0, 0))
        found[tier] = (hit + (key in got), total + 1)
        if key not in got:
            missed.append(key)
    correct = [k for k in got if k in gold.tiers or k in gold.acceptable]
    unwanted = sorted(
        (k, gold.label(k)) for k in got if k not in gold.tiers and k not in gold.acceptable
    )
    return Score(found, len(correct), len(got), missed, unwanted)
