"""``polydiff lineage check``: is the lineage under ``lineage/`` up to date and placed?"""

from __future__ import annotations

from dataclasses import dataclass

from polydiff.errors import PolydiffError
from polydiff.lineage import files
from polydiff.model.lineage import LineageFile
from polydiff.store.repo import LINEAGE, PolicyRepo
from polydiff.store.sources import FileSource


@dataclass(frozen=True, slots=True)
class LineageFinding:
    """One reason the lineage needs a rebuild or a person."""

    what: str
    """``stale``, ``missing``, ``dangling``, ``unplaced``, ``broken`` or ``debris``."""
    message: str

    def __str__(self) -> str:
        return f"{self.what}: {self.message}"


def check_lineage(repo: PolicyRepo, source: FileSource | None = None) -> list[LineageFinding]:
    """Stale documents, declared relations without links, links to missing documents or
    clauses, reviewed links that could not be placed."""
    src = source or repo.worktree
    out: list[LineageFinding] = []
    if src is repo.worktree:
        out += [
            LineageFinding("debris", f"{rel}: temporary file left by an interrupted write")
            for rel in repo.leftover_temp_files()
            if rel.startswith(f"{LINEAGE}/")
        ]
    try:
        lineage_files = files.load_all(repo, src)
        manifest = files.load_manifest(repo, src)
    except PolydiffError as exc:
        return [LineageFinding("broken", str(exc))]
    docs = repo.doc_ids(src)
    langs: dict[str, set[str]] = {}
    paths: dict[tuple[str, str], set[str]] = {}
    broken: set[str] = set()
    for doc in docs:
        try:
            meta = repo.load_meta(doc, src)
        except PolydiffError as exc:
            broken.add(doc)
            out.append(LineageFinding("broken", str(exc)))
            continue
        langs[doc] = set(meta.languages)
        for lang in meta.languages:
            blob = files.tree_blob(repo, doc, lang, src)
            if lang == _lang_of(lineage_files, meta.languages) and manifest.get(doc) != blob:
                what = (
                    "new document, no lineage yet"
                    if doc not in manifest
                    else "changed since the lineage was built"
                )
                out.append(LineageFinding("stale", f"{doc}: {what} (run 'polydiff lineage build')"))
        for rel in meta.relations:
            name = f"{rel.doc}..{doc}"
            if rel.doc in docs and not any(f.name == name for f in lineage_files):
                out.append(
                    LineageFinding(
                        "missing", f"{doc} {rel.type.value} {rel.doc}: no lineage/{name}.yaml"
                    )
                )
    for f in lineage_files:
        for doc in (f.from_doc, f.to_doc):
            if doc not in docs:
                out.append(
                    LineageFinding(
                        "dangling", f"lineage/{f.name}.yaml: document {doc} does not exist"
                    )
                )
        if f.from_doc not in docs or f.to_doc not in docs:
            continue
        for doc in (f.from_doc, f.to_doc):
            key = (doc, f.lang)
            if key not in paths:
                try:
                    tree_paths = (
                        set(repo.load_tree(doc, f.lang, src).paths())
                        if f.lang in langs.get(doc, set())
                        else set()
                    )
                except PolydiffError as exc:
                    if doc not in broken:
                        out.append(LineageFinding("broken", str(exc)))
                    broken.add(doc)
                    tree_paths = set()
                paths[key] = tree_paths
        if f.from_doc in broken or f.to_doc in broken:
            continue
        for link in f.links:
            if link.unplaced:
                out.append(
                    LineageFinding(
                        "unplaced",
                        f"lineage/{f.name}.yaml: {link.status.value} link {link.from_path} → "
                        f"{link.to_path}: {link.unplaced}",
                    )
                )
                continue
            for doc, path in ((f.from_doc, link.from_path), (f.to_doc, link.to_path)):
                if path not in paths[(doc, f.lang)]:
                    out.append(
                        LineageFinding(
                            "dangling",
                            f"lineage/{f.name}.yaml: {doc}#{path} is not in the document",
                        )
                    )
    return out


def _lang_of(lineage_files: list[LineageFile], languages: tuple[str, ...]) -> str:
    """The language the lineage is computed in (that of the files, else the first)."""
    used = {f.lang for f in lineage_files}
    return next((lg for lg in languages if lg in used), languages[0] if languages else "")
