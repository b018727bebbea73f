"""``polydiff check``: validate every document of a repository."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

from polydiff import digests
from polydiff.errors import PolydiffError
from polydiff.model import Completeness, DocMeta, Original, path_mismatch
from polydiff.parse.accounting import unaccounted
from polydiff.parse.outline import parse_outline
from polydiff.record import record
from polydiff.store import yamlio
from polydiff.store.repo import POLICIES, PolicyRepo, doc_dir
from polydiff.store.sources import FileSource


class Severity(StrEnum):
    ERROR = "error"
    """Must be fixed: the repository is inconsistent."""
    WARNING = "warning"
    """Needs a person's look (parse warnings, outline-only language gaps)."""


@record
class Finding:
    """One problem found by :func:`check_repository`."""

    doc: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.doc}: {self.severity.value}: {self.message}"


def check_repository(repo: PolicyRepo, source: FileSource | None = None) -> list[Finding]:
    """Every finding for every document (schema, paths, zh/en agreement, raw text, relations)."""
    src = source or repo.worktree
    findings: list[Finding] = []
    known = set(repo.doc_ids(src))
    for name in src.list_dir(POLICIES):
        if name not in known:
            findings.append(
                Finding(
                    name,
                    Severity.ERROR,
                    "folder under policies/ without a valid meta.yaml or with an invalid id",
                )
            )
    for doc_id in sorted(known):
        findings.extend(check_document(repo, doc_id, known, src))
    if src is repo.worktree:
        findings += [
            Finding(rel, Severity.ERROR, "temporary file left by an interrupted write; delete it")
            for rel in repo.leftover_temp_files()
        ]
    return findings


def check_document(
    repo: PolicyRepo, doc_id: str, known: set[str], src: FileSource
) -> Iterator[Finding]:
    """Findings for one document."""

    def err(msg: str) -> Finding:
        return Finding(doc_id, Severity.ERROR, msg)

    def warn(msg: str) -> Finding:
        return Finding(doc_id, Severity.WARNING, msg)

    try:
        meta = repo.load_meta(doc_id, src)
    except PolydiffError as exc:
        yield err(str(exc))
        return
    trees = {}
    for f in meta.files:
        try:
            trees[f.lang] = repo.load_tree(doc_id, f.lang, src)
        except PolydiffError as exc:
            yield err(str(exc))
            continue
        if trees[f.lang].doc != doc_id:
            yield err(f"{f.lang}.yaml says doc {trees[f.lang].doc!r}")
        for w in f.warnings:
            yield warn(f"{f.lang} parse: {w}")
    for lang in ("zh", "en"):
        if meta.file(lang) is None and src.read(f"{doc_dir(doc_id)}/{lang}.yaml") is not None:
            yield err(f"{lang}.yaml exists but meta.yaml lists no {lang} source")
    if "zh" in trees and "en" in trees:
        only_zh, only_en = path_mismatch(trees["zh"], trees["en"])
        report = warn if meta.completeness is not Completeness.FULL else err
        if only_zh:
            yield report(f"zh/en disagree: only in zh: {', '.join(only_zh)}")
        if only_en:
            yield report(f"zh/en disagree: only in en: {', '.join(only_en)}")
    yield from _check_raw(meta, trees, src)
    for rel in meta.relations:
        if rel.doc not in known:
            yield err(f"relation {rel.type.value} → {rel.doc}: no such document")
        elif rel.doc == doc_id:
            yield err(f"relation {rel.type.value} points to itself")


def _check_raw(meta: DocMeta, trees: dict, src: FileSource) -> Iterator[Finding]:  # type: ignore[type-arg]
    base = doc_dir(meta.id)
    for f in meta.files:
        tree = trees.get(f.lang)
        data = src.read(f"{base}/{f.raw}")
        if data is None:
            yield Finding(meta.id, Severity.ERROR, f"raw text {f.raw} of {f.lang} is missing")
            continue
        if f.extracted_from is not None:
            yield from _check_original(meta.id, f.lang, f.extracted_from, src)
        if tree is None:
            continue
        if f.encoding == "utf-8" and digests.sha256(data).hexdigest() != f.sha256:
            yield Finding(
                meta.id, Severity.ERROR, f"raw text {f.raw} changed since it was imported"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            yield Finding(meta.id, Severity.ERROR, f"raw text {f.raw} is not UTF-8")
            continue
        if f.format == "outline":
            try:
                expected = parse_outline(yamlio.load(text, f.raw), f.raw, meta.id).trees.get(f.lang)
            except PolydiffError as exc:
                yield Finding(meta.id, Severity.ERROR, str(exc))
                continue
            if expected is None or expected.clauses != tree.clauses:
                yield Finding(
                    meta.id,
                    Severity.ERROR,
                    f"{f.lang}.yaml differs from the outline it was imported from",
                )
        else:
            problem = unaccounted(text, tree)
            if problem:
                yield Finding(
                    meta.id,
                    Severity.ERROR,
                    f"{f.lang}.yaml does not account for its raw text: {problem}",
                )


def _check_original(
    doc_id: str, lang: str, original: Original, src: FileSource
) -> Iterator[Finding]:
    """The web page, Word or PDF file a text was extracted from is kept unchanged."""
    data = src.read(f"{doc_dir(doc_id)}/{original.path}")
    if data is None:
        yield Finding(doc_id, Severity.ERROR, f"original {original.path} of {lang} is missing")
    elif digests.sha256(data).hexdigest() != original.sha256:
        yield Finding(
            doc_id, Severity.ERROR, f"original {original.path} changed since it was imported"
        )
