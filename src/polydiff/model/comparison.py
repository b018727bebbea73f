"""Results of comparing two clause trees: which clause became which (links of a
:class:`ChangeKind`), their wording operations, and the term shifts across them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

Op = tuple[str, str]
"""``("=" | "-" | "+", text)``: unchanged, deleted from A, inserted in B."""


class ChangeKind(StrEnum):
    """How clauses of A relate to clauses of B."""

    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    SPLIT = "split"
    """One A clause → several B clauses."""
    MERGED = "merged"
    """Several A clauses → one B clause."""
    NEW = "new"
    """B only."""
    DROPPED = "dropped"
    """A only."""


@dataclass(frozen=True, slots=True)
class Link:
    """One relation between clauses of A and clauses of B."""

    kind: ChangeKind
    a: tuple[str, ...]
    """Paths in A (empty for ``new``)."""
    b: tuple[str, ...]
    """Paths in B (empty for ``dropped``)."""
    moved: bool = False
    """Under a different parent, or out of order among its siblings."""
    renumbered: bool = False
    """The path changed."""
    similarity: float = 0.0
    """2·unchanged / (len A + len B) of the wording, in [0, 1]."""
    ops: tuple[Op, ...] = ()
    """Wording diff of A's text(s) to B's text(s)."""

    @property
    def changed(self) -> bool:
        """Anything a reader should see (not unchanged-in-place)."""
        return self.kind is not ChangeKind.UNCHANGED or self.moved or self.renumbered


@dataclass(frozen=True, slots=True)
class TermShift:
    """A substitution seen across the comparison (互联网+ → 人工智能+); made by
    :func:`polydiff.diff.terms.term_shifts`."""

    old: str
    new: str
    count: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything ``polydiff diff`` reports."""

    a: str
    """What A was (``gf-2025-11``, ``gf-2025-11@HEAD~1``, a file name)."""
    b: str
    lang: str
    links: tuple[Link, ...]
    term_shifts: tuple[TermShift, ...] = ()
    strict: bool = False
    headings_only: bool = False
    """Only headings were compared (one side is an outline without body text)."""

    @property
    def summary(self) -> dict[str, int]:
        """Count of links per kind, every kind listed."""
        counts = Counter(link.kind.value for link in self.links)
        return {k.value: counts.get(k.value, 0) for k in ChangeKind}

    @property
    def flags(self) -> dict[str, int]:
        """How many links are moved and renumbered."""
        return {
            "moved": sum(link.moved for link in self.links),
            "renumbered": sum(link.renumbered for link in self.links),
        }

    def changes(self) -> Comparison:
        """Only the links a reader should see: not unchanged-in-place."""
        return Comparison(
            self.a,
            self.b,
            self.lang,
            tuple(link for link in self.links if link.changed),
            self.term_shifts,
            self.strict,
            self.headings_only,
        )

    def filtered(self, kinds: set[str] | None = None, path: str | None = None) -> Comparison:
        """Only links of ``kinds`` (values of :class:`ChangeKind`) touching clause ``path`` or
        its descendants on either side."""

        def under(p: str) -> bool:
            return path is None or p == path or p.startswith(path + ".")

        links = tuple(
            link
            for link in self.links
            if (kinds is None or link.kind.value in kinds)
            and any(under(p) for p in (*link.a, *link.b))
        )
        return Comparison(
            self.a, self.b, self.lang, links, self.term_shifts, self.strict, self.headings_only
        )

    @property
    def same(self) -> bool:
        """True when nothing changed."""
        return not any(link.changed for link in self.links)

    @property
    def similarity(self) -> float:
        """Overall similarity: the clause similarities weighted by text length."""
        num = den = 0.0
        for link in self.links:
            size = sum(len(t) for _, t in link.ops) or 1
            num += link.similarity * size
            den += size
        return round(num / den, 4) if den else 1.0
