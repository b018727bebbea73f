"""The policy repository: finding it, listing documents, loading and saving them.

Layout (see design.md)::

    policies/<doc-id>/meta.yaml     metadata, relations, provenance
    policies/<doc-id>/zh.yaml       clause tree per language
    policies/<doc-id>/en.yaml
    policies/<doc-id>/raw/…         the raw text each tree was imported from
    lineage/                        reviewed clause links (see polydiff.lineage)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from polydiff.errors import StoreError, UnknownDocumentError
from polydiff.model import DOC_ID_RE, LANGUAGES, ClauseRef, ClauseTree, DocMeta, Document
from polydiff.store import yamlio
from polydiff.store.parsed_cache import ParsedCache
from polydiff.store.sources import FileSource, WorktreeSource
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:  # git and the write path load with the first command that needs them
    from polydiff.store.git import GitHistory
    from polydiff.store.locking import WriteLock

POLICIES = "policies"
LINEAGE = "lineage"


def doc_dir(doc_id: str) -> str:
    """Repository-relative folder of a document."""
    return f"{POLICIES}/{doc_id}"


class PolicyRepo:
    """A folder holding ``policies/`` (and ``lineage/``), normally inside a git repository."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.worktree = WorktreeSource(self.root)

    @classmethod
    def find(cls, start: Path | None = None) -> PolicyRepo:
        """The repository containing ``start`` (default: the current folder)."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / POLICIES).is_dir():
                return cls(folder)
        raise StoreError(
            f"no policy repository at {here} or above (no '{POLICIES}/' folder); "
            "pass --repo PATH or run 'polydiff init'"
        )

    @classmethod
    def at(cls, root: Path) -> PolicyRepo:
        """The repository at exactly ``root`` (for ``--repo``)."""
        if not (root / POLICIES).is_dir():
            raise StoreError(f"{root}: not a policy repository (no '{POLICIES}/' folder)")
        return cls(root)

    @cached_property
    def history(self) -> GitHistory:
        """Git access; opened (and ``git`` imported) only when first needed."""
        from polydiff.store.git import GitHistory

        return GitHistory(self.root)

    @cached_property
    def lock(self) -> WriteLock:
        """The repository's write lock (see :mod:`polydiff.store.locking`)."""
        from polydiff.store.locking import WriteLock

        return WriteLock(self.root)

    @cached_property
    def parsed(self) -> ParsedCache:
        """The parsed data of the YAML files read (see :mod:`polydiff.store.parsed_cache`)."""
        from polydiff.store.locking import STATE_DIR, state_dir

        return ParsedCache(self.root / STATE_DIR, lambda: state_dir(self.root))

    def parsed_yaml(self, data: bytes, name: str) -> object:
        """The data of a stored YAML file's bytes (kept parsed by content); errors name the
        file ``name``."""
        return self.parsed.load(data, lambda: yamlio.load(data, name))

    def source(self, rev: str | None = None) -> FileSource:
        """The working tree, or the repository as it was at ``rev``."""
        return self.worktree if rev is None else self.history.source(rev)

    # --- reading ------------------------------------------------------------------------

    def doc_ids(self, source: FileSource | None = None) -> list[str]:
        """Ids of every document (folders of ``policies/`` with a ``meta.yaml``)."""
        src = source or self.worktree
        return [
            name
            for name in src.list_dir(POLICIES)
            if DOC_ID_RE.match(name) and src.read(f"{doc_dir(name)}/meta.yaml") is not None
        ]

    def load_meta(self, doc_id: str, source: FileSource | None = None) -> DocMeta:
        """Metadata of ``doc_id``; raises UnknownDocumentError when absent."""
        src = source or self.worktree
        rel = f"{doc_dir(doc_id)}/meta.yaml"
        data = src.read(rel)
        if data is None:
            raise UnknownDocumentError(self._unknown(doc_id, src))
        meta = yamlio.meta_from_data(self.parsed_yaml(data, src.describe(rel)), src.describe(rel))
        if meta.id != doc_id:
            raise StoreError(
                f"{src.describe(rel)}: id {meta.id!r} does not match its folder {doc_id!r}"
            )
        return meta

    def load_tree(self, doc_id: str, lang: str, source: FileSource | None = None) -> ClauseTree:
        """The clause tree of ``doc_id`` in ``lang``."""
        src = source or self.worktree
        rel = f"{doc_dir(doc_id)}/{lang}.yaml"
        data = src.read(rel)
        if data is None:
            raise StoreError(f"{src.describe(rel)}: missing")
        tree = yamlio.tree_from_data(self.parsed_yaml(data, src.describe(rel)), src.describe(rel))
        if tree.lang != lang:
            raise StoreError(f"{src.describe(rel)}: says lang {tree.lang!r}, expected {lang!r}")
        return tree

    def load(self, ref: ClauseRef | str, langs: tuple[str, ...] | None = None) -> Document:
        """A document by reference (``gf-2025-11`` or ``gf-2025-11@HEAD~2``) with its trees."""
        if isinstance(ref, str):
            try:
                ref = ClauseRef.parse(ref)
            except ValueError as exc:
                raise StoreError(str(exc)) from None
        src = self.source(ref.rev)
        meta = self.load_meta(ref.doc, src)
        wanted = (
            meta.languages
            if langs is None
            else tuple(lang for lang in langs if lang in meta.languages)
        )
        trees = {lang: self.load_tree(ref.doc, lang, src) for lang in wanted}
        return Document(meta, trees, ref.rev)

    def read_raw(self, doc_id: str, lang: str, source: FileSource | None = None) -> bytes | None:
        """The stored raw text a language's tree was imported from."""
        src = source or self.worktree
        meta = self.load_meta(doc_id, src)
        f = meta.file(lang)
        return None if f is None else src.read(f"{doc_dir(doc_id)}/{f.raw}")

    def _unknown(self, doc_id: str, src: FileSource) -> str:
        where = f" at {src.rev}" if src.rev else ""
        known = self.doc_ids(src)
        hint = (
            f" (documents: {', '.join(known)})" if known else " (the repository has no documents)"
        )
        return f"unknown document {doc_id!r}{where}{hint}"

    # --- writing ------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the repository's write lock (reentrant): read what you change inside the
        block, then :meth:`write` it (and :meth:`commit`), so no concurrent writer's work is
        lost."""
        with self.lock.held():
            yield

    def write(self, files: Mapping[str, bytes], remove: Iterable[str] = ()) -> list[str]:
        """Write repository-relative ``files`` and delete ``remove``, all or nothing, under
        the write lock. Returns the paths written and removed."""
        from polydiff.store.atomic import write_files

        removed = list(remove)
        with self.writing():
            write_files(
                {self.root / rel: data for rel, data in files.items()},
                [self.root / rel for rel in removed],
            )
        return [*files, *removed]

    def commit(self, paths: list[str], message: str) -> str:
        """Commit ``paths`` (only them) under the write lock; returns the new commit id."""
        with self.writing():
            return self.history.commit(paths, message)

    def leftover_temp_files(self) -> list[str]:
        """Repository-relative paths of temporary files an interrupted write left behind."""
        from polydiff.store.atomic import leftover_temp_files

        found = [p for top in (POLICIES, LINEAGE) for p in leftover_temp_files(self.root / top)]
        return [p.relative_to(self.root).as_posix() for p in found]

    def save(self, meta: DocMeta, trees: dict[str, ClauseTree], raw: dict[str, bytes]) -> list[str]:
        """Write metadata, trees and raw files of one document, all or nothing.

        ``raw`` maps paths relative to the document folder to bytes. Returns the
        repository-relative paths written."""
        base = doc_dir(meta.id)
        files: dict[str, bytes] = {
            f"{base}/meta.yaml": yamlio.dump(yamlio.meta_to_data(meta)).encode()
        }
        for lang, tree in trees.items():
            if lang not in LANGUAGES:
                raise StoreError(f"unsupported language {lang!r}")
            files[f"{base}/{lang}.yaml"] = yamlio.dump(yamlio.tree_to_data(tree)).encode()
        for rel, data in raw.items():
            files[f"{base}/{rel}"] = data
        return self.write(files)
