"""``polydiff lineage check``: is the lineage under ``lineage/`` up to date and placed?"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

from polydiff.errors import PolydiffError
from polydiff.lineage import files
from polydiff.model import DocMeta
from polydiff.model.lineage import LineageFile
from polydiff.record import record
from polydiff.store.repo import LINEAGE, PolicyRepo
from polydiff.store.sources import FileSource


class Problem(StrEnum):
    """What is wrong with the lineage."""

    STALE = "stale"
    """A document changed (or is new) since the lineage was built."""
    MISSING = "missing"
    """A declared relation has no lineage file."""
    DANGLING = "dangling"
    """A link names a document or clause that is not there."""
    UNPLACED = "unplaced"
    """A reviewed link whose clause is gone (kept for a person)."""
    BROKEN = "broken"
    """A file that does not load."""
    DEBRIS = "debris"
    """A temporary file an interrupted write left behind."""


@record
class LineageFinding:
    """One reason the lineage needs a rebuild or a person."""

    what: Problem
    message: str

    def __str__(self) -> str:
        return f"{self.what.value}: {self.message}"


def check_lineage(repo: PolicyRepo, source: FileSource | None = None) -> list[LineageFinding]:
    """Stale documents, declared relations without links, links to missing documents or
    clauses, reviewed links that could not be placed, files that do not load, debris."""
    return list(_Check(repo, source or repo.worktree).run())


class _Check:
    def __init__(self, repo: PolicyRepo, src: FileSource) -> None:
        self.repo, self.src = repo, src
        self.langs: dict[str, set[str]] = {}
        self.paths: dict[tuple[str, str], set[str]] = {}
        self.broken: set[str] = set()

    def run(self) -> Iterator[LineageFinding]:
        if self.src is self.repo.worktree:
            for rel in self.repo.leftover_temp_files():
                if rel.startswith(f"{LINEAGE}/"):
                    yield LineageFinding(
                        Problem.DEBRIS, f"{rel}: temporary file left by an interrupted write"
                    )
        try:
            lineage_files = files.load_all(self.repo, self.src)
            manifest = files.load_manifest(self.repo, self.src)
        except PolydiffError as exc:
            yield LineageFinding(Problem.BROKEN, str(exc))
            return
        docs = self.repo.doc_ids(self.src)
        for doc in docs:
            yield from self._document(doc, docs, lineage_files, manifest)
        for f in lineage_files:
            yield from self._file(f, docs)

    def _document(
        self, doc: str, docs: list[str], lineage_files: list[LineageFile], manifest: dict[str, str]
    ) -> Iterator[LineageFinding]:
        """Staleness and missing files of one document's declared relations."""
        try:
            meta = self.repo.load_meta(doc, self.src)
        except PolydiffError as exc:
            self.broken.add(doc)
            yield LineageFinding(Problem.BROKEN, str(exc))
            return
        self.langs[doc] = set(meta.languages)
        yield from self._stale(doc, meta, lineage_files, manifest)
        for rel in meta.relations:
            name = f"{rel.doc}..{doc}"
            if rel.doc in docs and not any(f.name == name for f in lineage_files):
                message = f"{doc} {rel.type.value} {rel.doc}: no lineage/{name}.yaml"
                yield LineageFinding(Problem.MISSING, message)

    def _stale(
        self, doc: str, meta: DocMeta, lineage_files: list[LineageFile], manifest: dict[str, str]
    ) -> Iterator[LineageFinding]:
        lang = _lang_of(lineage_files, meta.languages)
        if lang not in meta.languages or manifest.get(doc) == files.tree_blob(
            self.repo, doc, lang, self.src
        ):
            return
        what = (
            "new document, no lineage yet"
            if doc not in manifest
            else "changed since the lineage was built"
        )
        yield LineageFinding(Problem.STALE, f"{doc}: {what} (run 'polydiff lineage build')")

    def _file(self, f: LineageFile, docs: list[str]) -> Iterator[LineageFinding]:
        """Dangling documents and clauses, and unplaced reviews, of one lineage file."""
        absent = [doc for doc in (f.from_doc, f.to_doc) if doc not in docs]
        for doc in absent:
            message = f"lineage/{f.name}.yaml: document {doc} does not exist"
            yield LineageFinding(Problem.DANGLING, message)
        if absent:
            return
        for doc in (f.from_doc, f.to_doc):
            yield from self._load_paths(doc, f.lang)
        if f.from_doc in self.broken or f.to_doc in self.broken:
            return
        for link in f.links:
            if link.unplaced:
                message = (
                    f"lineage/{f.name}.yaml: {link.status.value} link {link.from_path} → "
                    f"{link.to_path}: {link.unplaced}"
                )
                yield LineageFinding(Problem.UNPLACED, message)
                continue
            for doc, path in ((f.from_doc, link.from_path), (f.to_doc, link.to_path)):
                if path not in self.paths[(doc, f.lang)]:
                    message = f"lineage/{f.name}.yaml: {doc}#{path} is not in the document"
                    yield LineageFinding(Problem.DANGLING, message)

    def _load_paths(self, doc: str, lang: str) -> Iterator[LineageFinding]:
        """Read the clause paths of ``doc`` in ``lang`` once (none when it lacks the
        language); a tree that does not load is reported once."""
        key = (doc, lang)
        if key in self.paths:
            return
        self.paths[key] = set()
        if lang not in self.langs.get(doc, set()):
            return
        try:
            self.paths[key] = set(self.repo.load_tree(doc, lang, self.src).paths())
        except PolydiffError as exc:
            if doc not in self.broken:
                yield LineageFinding(Problem.BROKEN, str(exc))
            self.broken.add(doc)


def _lang_of(lineage_files: list[LineageFile], languages: tuple[str, ...]) -> str:
    """The language the lineage is computed in (that of the files, else the first)."""
    used = {f.lang for f in lineage_files}
    return next((lg for lg in languages if lg in used), languages[0] if languages else "")
