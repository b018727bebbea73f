"""Lineage data: links between clauses of two documents, the file that holds them, and a
clause's lineage as traced through the graph of all files."""

from __future__ import annotations

from enum import StrEnum

from polydiff.model import Clause, RelationType
from polydiff.model.comparison import Op
from polydiff.record import field, record, replace


class LinkKind(StrEnum):
    """What a lineage link says about two clauses."""

    CARRIED = "carried"
    """Same wording (up to presentation) in the later document."""
    REWORDED = "reworded"
    SPLIT = "split"
    MERGED = "merged"
    HEADING = "heading"
    """Linked from headings only: the earlier document is an outline without body text."""
    QUOTED = "quoted"
    """The later text reproduces a passage of the earlier clause word for word."""
    PARAPHRASED = "paraphrased"
    """The later text follows the earlier clause closely without a long verbatim run."""
    SUMMARISES = "summarises"
    """The later text names or condenses this clause among its siblings (an enumeration)."""
    MANUAL = "manual"
    """Recorded by a person (``polydiff lineage confirm --add``)."""


class LineageRelation(StrEnum):
    """How the two documents of a lineage file relate: a declared :class:`RelationType`,
    or ``discovered`` (quotation found between documents with no declared relation)."""

    SUCCEEDS = "succeeds"
    AMENDS = "amends"
    INTERPRETS = "interprets"
    IMPLEMENTS = "implements"
    CITES = "cites"
    DISCOVERED = "discovered"

    @classmethod
    def declared(cls, relation: RelationType) -> LineageRelation:
        return cls(relation.value)

    @property
    def succession(self) -> bool:
        """Whether the later document takes the earlier one's place (clause alignment)."""
        return self in (LineageRelation.SUCCEEDS, LineageRelation.AMENDS)


class Basis(StrEnum):
    """What the links of a lineage file rest on."""

    TEXT = "text"
    HEADINGS = "headings"
    """The earlier document is an outline without body text: headings only."""


class Status(StrEnum):
    """Review state of a link; recomputation never changes a person's decision."""

    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@record
class Span:
    """A matched passage: character offsets ``[start, end)`` into each clause's content
    (heading, a line break, then body text, as stored)."""

    from_start: int
    from_end: int
    to_start: int
    to_end: int


@record
class LineageLink:
    """One link from a clause of the earlier document to a clause of the later one."""

    from_path: str
    to_path: str
    kind: LinkKind
    score: float
    """Strength in [0, 1]: wording similarity for succession, share of the earlier clause
    reproduced for quotations."""
    spans: tuple[Span, ...] = ()
    status: Status = Status.PROPOSED
    note: str = ""
    unplaced: str = ""
    """Why a reviewed link can no longer be placed in the current documents (kept, reported)."""

    @property
    def key(self) -> tuple[str, str]:
        return self.from_path, self.to_path

    @property
    def reviewed(self) -> bool:
        return self.status is not Status.PROPOSED

    def with_review(self, status: Status, note: str | None = None) -> LineageLink:
        return replace(self, status=status, note=self.note if note is None else note)


@record
class LineageFile:
    """``lineage/<from>..<to>.yaml``: every link between two documents."""

    from_doc: str
    to_doc: str
    relation: LineageRelation
    lang: str
    basis: Basis = Basis.TEXT
    computed_from: dict[str, str] = field(default_factory=dict)
    """Doc id → git blob id of the clause tree the links were computed from."""
    links: tuple[LineageLink, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.from_doc}..{self.to_doc}"


@record
class Hop:
    """One link of the lineage graph with the documents it joins."""

    from_doc: str
    to_doc: str
    link: LineageLink
    relation: LineageRelation
    basis: Basis
    depth: int = 1
    """Distance from the traced clause."""

    @property
    def from_ref(self) -> str:
        return f"{self.from_doc}#{self.link.from_path}"

    @property
    def to_ref(self) -> str:
        return f"{self.to_doc}#{self.link.to_path}"


@record
class TracedHop:
    """A hop with what a reader needs to see it."""

    hop: Hop
    from_clause: Clause | None
    to_clause: Clause | None
    ops: tuple[Op, ...] = ()
    """Wording diff, for carried/reworded/split/merged links."""
    spans_valid: bool = True
    """False when shown in another language than the spans were computed in."""
    span_lang: str = ""
    """The language the spans were computed in, when not the one shown."""
    span_from: Clause | None = None
    """The two clauses in ``span_lang`` (what the spans' offsets point into), when the hop
    is shown in another language."""
    span_to: Clause | None = None


@record
class Trace:
    """A clause's lineage: the hops back to its ancestors and forward to its descendants."""

    doc: str
    path: str
    lang: str
    clause: Clause
    ancestors: list[TracedHop] = field(default_factory=list)
    descendants: list[TracedHop] = field(default_factory=list)
