"""The corpus as the TUI sees it: documents, clause trees, lineage files and per-clause
notes, loaded lazily and cached. Plain data (no textual): safe to call from worker threads."""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from polydiff.lineage import files
from polydiff.model import LANGUAGES, ClauseTree, DocMeta, RelationType, union_paths
from polydiff.model.lineage import LineageFile, LinkKind, Status
from polydiff.store.repo import PolicyRepo

LANG_MODES = ("zh", "en", "both")
"""What ``l`` cycles through: Chinese, English, both side by side."""


def next_lang_mode(mode: str) -> str:
    """The language mode after ``mode`` in :data:`LANG_MODES`."""
    return LANG_MODES[(LANG_MODES.index(mode) + 1) % len(LANG_MODES)]


SUCCESSION = (RelationType.SUCCEEDS, RelationType.AMENDS)


class Marker(StrEnum):
    """What happened to a clause relative to the document its document succeeds."""

    CARRIED = "carried"
    REWORDED = "reworded"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class DocRow:
    """One line of the corpus table."""

    meta: DocMeta
    clauses: dict[str, int]
    """Clause count per language."""

    @property
    def id(self) -> str:
        return self.meta.id

    def title(self, lang: str) -> str:
        """The title in ``lang`` (``both``: Chinese, then English)."""
        if lang == "both":
            titles = [self.meta.title.get(lg, "") for lg in LANGUAGES]
            return " / ".join(t for t in titles if t) or self.meta.id
        return self.meta.display_title(lang)


@dataclass(frozen=True, slots=True)
class RelationRow:
    """A declared relation (the later document first) and its lineage links."""

    later: str
    type: str
    earlier: str
    links: int
    confirmed: int
    rejected: int


@dataclass(frozen=True, slots=True)
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


class CorpusData:
    """Cached, thread-safe access to one policy repository."""

    def __init__(self, repo: PolicyRepo) -> None:
        self.repo = repo
        self._lock = threading.RLock()
        self._metas: dict[tuple[str, str | None], DocMeta] = {}
        self._trees: dict[tuple[str, str, str | None], ClauseTree] = {}
        self._lineage: list[LineageFile] | None = None
        self._notes: dict[str, dict[str, ClauseNote]] = {}
        self._ids: list[str] | None = None
        self.lineage_version = 0
        """Bumped by :meth:`invalidate_lineage`: screens showing lineage compare it with
        the version they rendered to know whether to refresh."""

    # --- documents ----------------------------------------------------------------------

    def doc_ids(self) -> list[str]:
        with self._lock:
            if self._ids is None:
                self._ids = self.repo.doc_ids()
            return list(self._ids)

    def meta(self, doc: str, rev: str | None = None) -> DocMeta:
        with self._lock:
            key = (doc, rev)
            if key not in self._metas:
                self._metas[key] = self.repo.load_meta(doc, self.repo.source(rev))
            return self._metas[key]

    def tree(self, doc: str, lang: str, rev: str | None = None) -> ClauseTree:
        with self._lock:
            key = (doc, lang, rev)
            if key not in self._trees:
                self._trees[key] = self.repo.load_tree(doc, lang, self.repo.source(rev))
            return self._trees[key]

    def trees(self, doc: str, rev: str | None = None) -> dict[str, ClauseTree]:
        """Every language's tree of ``doc`` (at ``rev``)."""
        return {lg: self.tree(doc, lg, rev) for lg in self.meta(doc, rev).languages}

    def rows(self) -> list[DocRow]:
        """Every document with its clause counts, by date."""
        rows = [
            DocRow(self.meta(d), {lg: len(t) for lg, t in self.trees(d).items()})
            for d in self.doc_ids()
        ]
        return sorted(rows, key=lambda r: (r.meta.date, r.id))

    def predecessor(self, doc: str) -> str | None:
        """The document ``doc`` succeeds or amends, if any."""
        return next((r.doc for r in self.meta(doc).relations if r.type in SUCCESSION), None)

    # --- lineage ------------------------------------------------------------------------

    def lineage(self) -> list[LineageFile]:
        with self._lock:
            if self._lineage is None:
                self._lineage = files.load_all(self.repo)
            return self._lineage

    def invalidate_lineage(self) -> None:
        """Forget lineage and notes (after a review wrote ``lineage/``)."""
        with self._lock:
            self._lineage = None
            self._notes.clear()
            self.lineage_version += 1

    def relations(self) -> list[RelationRow]:
        """Declared relations between documents, with their lineage link counts."""
        by_name = {f.name: f for f in self.lineage()}
        out = []
        for row in self.rows():
            for rel in row.meta.relations:
                f = by_name.get(f"{rel.doc}..{row.id}")
                links = f.links if f else ()
                out.append(
                    RelationRow(
                        row.id,
                        rel.type.value,
                        rel.doc,
                        len(links),
                        sum(x.status is Status.CONFIRMED for x in links),
                        sum(x.status is Status.REJECTED for x in links),
                    )
                )
        return out

    def notes(self, doc: str) -> dict[str, ClauseNote]:
        """Per clause path of ``doc`` (working tree): marker and later reuse."""
        with self._lock:
            if doc not in self._notes:
                self._notes[doc] = self._compute_notes(doc)
            return self._notes[doc]

    def _compute_notes(self, doc: str) -> dict[str, ClauseNote]:
        quoted: dict[str, list[str]] = defaultdict(list)
        for f in self.lineage():
            if f.from_doc != doc:
                continue
            for link in f.links:
                if link.status is not Status.REJECTED:
                    quoted[link.from_path].append(f"{f.to_doc}#{link.to_path}")
        origin = self._origins(doc)
        paths = union_paths(self.trees(doc).values())
        pred = self.predecessor(doc)
        out = {}
        for p in paths:
            marker, source, basis = origin.get(p, (Marker.NEW if pred else None, "", ""))
            out[p] = ClauseNote(marker, source, basis, tuple(quoted.get(p, ())))
        return out

    def _origins(self, doc: str) -> dict[str, tuple[Marker, str, str]]:
        """Path → (marker, source ref, basis) from lineage, else from alignment."""
        pred = self.predecessor(doc)
        if pred is None:
            return {}
        f = next((x for x in self.lineage() if x.from_doc == pred and x.to_doc == doc), None)
        out: dict[str, tuple[Marker, str, str]] = {}
        if f is not None:
            for link in f.links:
                if link.status is Status.REJECTED or link.to_path in out:
                    continue
                carried = link.kind is LinkKind.CARRIED or (
                    link.kind is LinkKind.HEADING and link.score >= 0.999
                )
                out[link.to_path] = (
                    Marker.CARRIED if carried else Marker.REWORDED,
                    f"{pred}#{link.from_path}",
                    f"lineage: {link.kind.value} {link.score:.2f} {link.status.value}",
                )
            return out
        return self._aligned_origins(pred, doc)

    def _aligned_origins(self, pred: str, doc: str) -> dict[str, tuple[Marker, str, str]]:
        from polydiff.align import align
        from polydiff.model.comparison import ChangeKind

        langs = [lg for lg in self.meta(doc).languages if lg in self.meta(pred).languages]
        if not langs:
            return {}
        cmp = align(self.tree(pred, langs[0]), self.tree(doc, langs[0]))
        out: dict[str, tuple[Marker, str, str]] = {}
        for link in cmp.links:
            if not link.a or not link.b:
                continue
            marker = Marker.CARRIED if link.kind is ChangeKind.UNCHANGED else Marker.REWORDED
            for path in link.b:
                out[path] = (
                    marker,
                    f"{pred}#{link.a[0]}",
                    f"alignment: {link.kind.value} {link.similarity:.2f}",
                )
        return out
