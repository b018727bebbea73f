"""Results of comparing two clause trees: which clause became which (links of a
:class:`ChangeKind`), their wording operations, and the term shifts across them."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum

from polydiff.record import record

TITLE = "title"
"""Where a comparison puts the documents' titles: a link of its own, first, under this
name (not a clause path: the title belongs to no clause)."""
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
    COUNTERPART = "counterpart"
    """An outline heading and the clause that continues it (an outline has no text to
    compare: the pair is made by role, policy field or heading; see ``Link.reason``)."""
    UNMATCHED = "unmatched"
    """An outline heading with no counterpart found (not "dropped": the outline does not
    say what its section contained)."""

    @property
    def label(self) -> str:
        """How a reader sees the kind."""
        return "no counterpart found" if self is ChangeKind.UNMATCHED else self.value

    @property
    def compared(self) -> bool:
        """The wording of both sides was compared (the link has a similarity)."""
        return self in _COMPARED


_OUTLINE_KINDS = frozenset({ChangeKind.COUNTERPART, ChangeKind.UNMATCHED})
_COMPARED = frozenset(
    {ChangeKind.UNCHANGED, ChangeKind.REWORDED, ChangeKind.SPLIT, ChangeKind.MERGED}
)


@record
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
    reason: str = ""
    """Why a ``counterpart`` was paired (``field: agriculture (heading)``)."""

    @property
    def changed(self) -> bool:
        """Anything a reader should see (not unchanged-in-place)."""
        return self.kind is not ChangeKind.UNCHANGED or self.moved or self.renumbered


@record
class TermShift:
    """A substitution seen across the comparison (互联网+ → 人工智能+); made by
    :func:`polydiff.diff.terms.term_shifts`."""

    old: str
    new: str
    count: int


@record
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
    outline: str = ""
    """``a`` or ``b`` when that side is an outline and the other a full text: its headings
    were given counterparts (:mod:`polydiff.align.outline`), not aligned by wording."""

    @property
    def summary(self) -> dict[str, int]:
        """Count of links per kind, every kind listed (``counterpart`` and ``unmatched``
        only for an outline against a full text)."""
        counts = Counter(link.kind.value for link in self.links)
        kinds = [k for k in ChangeKind if self.outline or k not in _OUTLINE_KINDS]
        return {k.value: counts.get(k.value, 0) for k in kinds}

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
            self.outline,
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
            self.a,
            self.b,
            self.lang,
            links,
            self.term_shifts,
            self.strict,
            self.headings_only,
            self.outline,
        )

    @property
    def same(self) -> bool:
        """True when nothing changed."""
        return not any(link.changed for link in self.links)

    @property
    def placed(self) -> tuple[int, int]:
        """Of an outline comparison: (outline headings with a counterpart, outline
        headings)."""
        side = [link for link in self.links if link.kind is ChangeKind.COUNTERPART]
        placed = {p for link in side for p in (link.b if self.outline == "b" else link.a)}
        unmatched = sum(link.kind is ChangeKind.UNMATCHED for link in self.links)
        return len(placed), len(placed) + unmatched

    @property
    def similarity(self) -> float:
        """Overall similarity: the clause similarities weighted by text length."""
        num = den = 0.0
        for link in self.links:
            size = sum(len(t) for _, t in link.ops) or 1
            num += link.similarity * size
            den += size
        return round(num / den, 4) if den else 1.0
