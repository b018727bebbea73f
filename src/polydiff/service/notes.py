"""Where each clause of a document came from and who reuses it: the marks the terminal UI
puts beside a clause (``=`` carried, ``~`` reworded, ``+`` new against the predecessor, ``»n``
quoted by n later documents), and the declared relations with their link counts.

The account is the lineage's when the pair has a lineage file (so the document screen says
what ``polydiff trace`` says), else the clause alignment of ``polydiff diff``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from enum import StrEnum
from typing import Protocol

from polydiff.model import ClauseTree, DocMeta, RelationType, union_paths
from polydiff.model.lineage import LineageFile, LinkKind, Status
from polydiff.record import field, record

SUCCESSION = (RelationType.SUCCEEDS, RelationType.AMENDS)


class Corpus(Protocol):
    """What the notes are computed from (a cache of the repository, in the UI)."""

    def doc_ids(self) -> list[str]: ...

    def meta(self, doc: str) -> DocMeta: ...

    def tree(self, doc: str, lang: str) -> ClauseTree: ...

    def lineage(self) -> list[LineageFile]: ...


class Marker(StrEnum):
    """What happened to a clause relative to the document its document succeeds."""

    CARRIED = "carried"
    REWORDED = "reworded"
    COUNTERPART = "counterpart"
    """The predecessor is an outline: this clause continues one of its headings."""
    NEW = "new"


@record
class ClauseNote:
    """A clause's marker relative to its predecessor and the later clauses that reuse it."""

    marker: Marker | None = None
    source: str = ""
    """``doc#path`` it came from (empty for new clauses)."""
    basis: str = ""
    """How the marker was found (``lineage: heading 0.46``, ``alignment: reworded 0.87``)."""
    quoted_by: tuple[str, ...] = field(default=())
    """``doc#path`` of later clauses linked from this one (rejected links left out)."""

    @property
    def quote_docs(self) -> int:
        """How many later documents quote (carry, reword, paraphrase…) this clause."""
        return len({ref.partition("#")[0] for ref in self.quoted_by})


@record
class RelationRow:
    """A declared relation (the later document first) and its lineage links."""

    later: str
    type: str
    earlier: str
    links: int
    confirmed: int
    rejected: int


def predecessor(corpus: Corpus, doc: str) -> str | None:
    """The document ``doc`` succeeds or amends, if any."""
    return next((r.doc for r in corpus.meta(doc).relations if r.type in SUCCESSION), None)


def relations(corpus: Corpus, docs: Sequence[str]) -> list[RelationRow]:
    """Declared relations of ``docs`` (in that order), with their lineage link counts."""
    by_name = {f.name: f for f in corpus.lineage()}
    out = []
    for doc in docs:
        for rel in corpus.meta(doc).relations:
            f = by_name.get(f"{rel.doc}..{doc}")
            links = f.links if f else ()
            out.append(
                RelationRow(
                    doc,
                    rel.type.value,
                    rel.doc,
                    len(links),
                    sum(x.status is Status.CONFIRMED for x in links),
                    sum(x.status is Status.REJECTED for x in links),
                )
            )
    return out


def clause_notes(corpus: Corpus, doc: str) -> dict[str, ClauseNote]:
    """Per clause path of ``doc`` (every language): marker and later reuse."""
    quoted: dict[str, list[str]] = defaultdict(list)
    for f in corpus.lineage():
        if f.from_doc != doc:
            continue
        for link in f.links:
            if link.status is not Status.REJECTED:
                quoted[link.from_path].append(f"{f.to_doc}#{link.to_path}")
    origin = _origins(corpus, doc)
    trees = [corpus.tree(doc, lg) for lg in corpus.meta(doc).languages]
    pred = predecessor(corpus, doc)
    out = {}
    for p in union_paths(trees):
        marker, source, basis = origin.get(p, (Marker.NEW if pred else None, "", ""))
        out[p] = ClauseNote(marker, source, basis, tuple(quoted.get(p, ())))
    return out


Origin = tuple[Marker, str, str]


def _origins(corpus: Corpus, doc: str) -> dict[str, Origin]:
    """Path → (marker, source ref, basis) from lineage, else from alignment."""
    pred = predecessor(corpus, doc)
    if pred is None:
        return {}
    f = next((x for x in corpus.lineage() if x.from_doc == pred and x.to_doc == doc), None)
    if f is None:
        return _aligned_origins(corpus, pred, doc)
    out: dict[str, Origin] = {}
    for link in f.links:
        if link.status is Status.REJECTED or link.to_path in out:
            continue
        marker = {LinkKind.CARRIED: Marker.CARRIED, LinkKind.HEADING: Marker.COUNTERPART}.get(
            link.kind, Marker.REWORDED
        )
        out[link.to_path] = (
            marker,
            f"{pred}#{link.from_path}",
            f"lineage: {link.kind.value} {link.score:.2f} {link.status.value}",
        )
    return out


def _aligned_origins(corpus: Corpus, pred: str, doc: str) -> dict[str, Origin]:
    from polydiff.align import align
    from polydiff.model.comparison import TITLE, ChangeKind

    langs = [lg for lg in corpus.meta(doc).languages if lg in corpus.meta(pred).languages]
    if not langs:
        return {}
    cmp = align(corpus.tree(pred, langs[0]), corpus.tree(doc, langs[0]))
    out: dict[str, Origin] = {}
    marker_of = {ChangeKind.UNCHANGED: Marker.CARRIED, ChangeKind.COUNTERPART: Marker.COUNTERPART}
    for link in cmp.links:
        if not link.a or not link.b or TITLE in link.b:
            continue
        measure = link.reason if link.reason else f"{link.similarity:.2f}"
        for path in link.b:
            if path in out:  # several outline headings continue in one clause: the first
                continue
            out[path] = (
                marker_of.get(link.kind, Marker.REWORDED),
                f"{pred}#{link.a[0]}",
                f"alignment: {link.kind.value} {measure}",
            )
    return out
