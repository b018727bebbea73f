"""The corpus as the TUI sees it: documents, clause trees, lineage files and per-clause
notes, loaded lazily and cached (the work itself is the use cases'). Plain data (no
textual): safe to call from worker threads."""

from __future__ import annotations

import threading

from polydiff.model import ClauseTree, DocMeta
from polydiff.model.lineage import LineageFile
from polydiff.service import notes as note_service
from polydiff.service.documents import DocSummary
from polydiff.service.lineage import lineage_files
from polydiff.service.notes import ClauseNote, RelationRow
from polydiff.service.repository import PolicyRepo

LANG_MODES = ("zh", "en", "both")
"""What ``l`` cycles through: Chinese, English, both side by side."""


def next_lang_mode(mode: str) -> str:
    """The language mode after ``mode`` in :data:`LANG_MODES`."""
    return LANG_MODES[(LANG_MODES.index(mode) + 1) % len(LANG_MODES)]


class CorpusData:
    """Cached, thread-safe access to one policy repository (a :class:`notes.Corpus`)."""

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

    def rows(self) -> list[DocSummary]:
        """Every document with its clause counts, by date."""
        rows = [
            DocSummary(self.meta(d), {lg: len(t) for lg, t in self.trees(d).items()})
            for d in self.doc_ids()
        ]
        return sorted(rows, key=lambda r: (r.meta.date, r.id))

    def predecessor(self, doc: str) -> str | None:
        """The document ``doc`` succeeds or amends, if any."""
        return note_service.predecessor(self, doc)

    # --- lineage ------------------------------------------------------------------------

    def lineage(self) -> list[LineageFile]:
        with self._lock:
            if self._lineage is None:
                self._lineage = lineage_files(self.repo)
            return self._lineage

    def invalidate_lineage(self) -> None:
        """Forget lineage and notes (after a review wrote ``lineage/``)."""
        with self._lock:
            self._lineage = None
            self._notes.clear()
            self.lineage_version += 1

    def relations(self) -> list[RelationRow]:
        """Declared relations between documents, with their lineage link counts."""
        return note_service.relations(self, [r.id for r in self.rows()])

    def notes(self, doc: str) -> dict[str, ClauseNote]:
        """Per clause path of ``doc`` (working tree): marker and later reuse."""
        with self._lock:
            if doc not in self._notes:
                self._notes[doc] = note_service.clause_notes(self, doc)
            return self._notes[doc]
