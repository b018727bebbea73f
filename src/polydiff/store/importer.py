"""Importing a text (or a verified-headings outline) as a document of the repository."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from polydiff.errors import InputError, ParseError, StoreError, UnknownDocumentError
from polydiff.model import (
    DOC_ID_RE,
    LANGUAGES,
    ClauseTree,
    Completeness,
    DocMeta,
    Relation,
    RelationType,
    SourceFile,
    path_mismatch,
)
from polydiff.parse.accounting import unaccounted
from polydiff.parse.decode import check_policy_text, read_file
from polydiff.parse.outline import is_outline, parse_outline
from polydiff.parse.text import lacks_structure, parse_text
from polydiff.parse.warnings import ParseWarning, summarise
from polydiff.store import yamlio
from polydiff.store.repo import PolicyRepo

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SOURCE_NOTE_FIELDS = {
    "doc_id",
    "title",
    "title_en",
    "doc_number",
    "issuer",
    "date",
    "kind",
    "files",
    "source",
    "notes",
}


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the user said about the document on the command line."""

    doc: str
    lang: str
    title: str | None = None
    date: str | None = None
    number: str | None = None
    issuer: str | None = None
    kind: str | None = None
    relations: tuple[str, ...] = ()
    """``TYPE:DOC`` strings."""
    completeness: str | None = None
    encoding: str | None = None
    provenance: Path | None = None
    """A ``*.source.yaml`` note: title, number, issuer, date, kind, source, notes."""
    strict: bool = False
    force: bool = False
    """Import prose that shows nothing of a policy text (no numbered clause, heading,
    document number, salutation or signature) as paragraphs, instead of refusing it."""
    commit: bool = False


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import did."""

    meta: DocMeta
    trees: dict[str, ClauseTree]
    written: list[str]
    warnings: tuple[str, ...]
    commit: str | None = None
    mismatch: tuple[list[str], list[str]] = field(default=([], []))
    """Paths only in zh, only in en (after this import)."""
    parse_warnings: tuple[ParseWarning, ...] = ()
    """The same warnings with their line and kind (for summaries)."""

    def warning_lines(self, verbose: bool = False) -> list[str]:
        """The parse warnings to show: each one, or a summary per kind of many."""
        return summarise(self.parse_warnings, verbose)


def import_file(repo: PolicyRepo, path: Path, opts: ImportOptions) -> ImportOutcome:
    """Parse ``path`` and store it as language ``opts.lang`` of document ``opts.doc``.

    Everything is checked before anything is written; the write is all-or-nothing."""
    if not DOC_ID_RE.match(opts.doc):
        raise InputError(f"--doc {opts.doc!r}: a document id is a lowercase slug like gf-2025-11")
    if opts.lang not in LANGUAGES:
        raise InputError(f"--lang {opts.lang!r}: expected one of {', '.join(LANGUAGES)}")
    if opts.date is not None and not _DATE_RE.match(opts.date):
        raise InputError(f"--date {opts.date!r}: expected YYYY-MM-DD")
    relations = tuple(_parse_relation(r) for r in opts.relations)
    note = _read_source_note(opts.provenance) if opts.provenance else {}
    history = repo.history if opts.commit else None  # fail early outside git

    try:
        existing: DocMeta | None = repo.load_meta(opts.doc)
    except UnknownDocumentError:
        existing = None
    meta = existing or DocMeta(id=opts.doc)

    decoded = read_file(path, opts.encoding)
    if path.suffix.lower() in (".yaml", ".yml"):
        data = yamlio.load(decoded.text, str(path))
        if not is_outline(data):
            raise InputError(
                f"{path}: a YAML file polydiff can import must be an outline with 'parts'"
            )
        outline = parse_outline(data, str(path), opts.doc)
        trees = dict(outline.trees)
        warnings: tuple[str, ...] = ()
        parse_warnings: tuple[ParseWarning, ...] = ()
        raw = {"raw/outline.yaml": decoded.text.encode("utf-8")}
        files = {
            lang: SourceFile(
                lang,
                "raw/outline.yaml",
                path.name,
                _sha(raw["raw/outline.yaml"]),
                decoded.encoding,
                "outline",
            )
            for lang in trees
        }
        parsed_title = {"zh": outline.title}
        parsed_number, parsed_issuer, parsed_date = outline.number, outline.issuer, outline.date
        parsed_source = (
            f"Verified-headings outline {path.name}: no body text; the pages where "
            "each heading was seen are under provenance.headings."
        )
        parsed_notes = outline.notes
        provenance: dict[str, Any] = {
            **outline.provenance,
            "headings": dict(outline.heading_sources),
        }
    else:
        check_policy_text(decoded.text, opts.lang, str(path), force=opts.force)
        result = parse_text(decoded.text, opts.lang, opts.doc)
        problem = unaccounted(decoded.text, result.tree)
        if problem:
            raise ParseError(f"{path}: parser lost text ({problem}); please report this file")
        if lacks_structure(result.tree) and not opts.force:
            raise InputError(
                f"{path}: no numbered clauses, headings, document number, salutation or "
                f"signature found: not policy text? (--force imports it as "
                f"{len(result.tree.clauses)} paragraph(s))"
            )
        parse_warnings = result.warnings
        warnings = tuple(str(w) for w in result.warnings)
        if opts.strict and warnings:
            raise ParseError(
                f"{path}: {len(warnings)} parse warning(s) with --strict; first: {warnings[0]}"
            )
        trees = {opts.lang: result.tree}
        rel = f"raw/{opts.lang}.txt"
        raw = {rel: decoded.text.encode("utf-8")}
        files = {
            opts.lang: SourceFile(
                opts.lang, rel, path.name, _sha(raw[rel]), decoded.encoding, "text", warnings
            )
        }
        parsed_title = {opts.lang: _plain_title(result.tree.title)}
        parsed_number = result.tree.number if opts.lang == "zh" else ""
        parsed_issuer = parsed_date = parsed_source = parsed_notes = ""
        provenance = {}

    title = dict(meta.title)
    note_titles = {"zh": note.get("title"), "en": note.get("title_en")}
    for lang in trees:
        chosen = (
            (opts.title if lang == opts.lang else None)
            or note_titles.get(lang)
            or parsed_title.get(lang)
            or title.get(lang)
        )
        if chosen:
            title[lang] = str(chosen)
    date = opts.date or str(note.get("date") or "") or parsed_date or meta.date
    if date and not _DATE_RE.match(date):
        raise InputError(
            f"date {date!r} (from the provenance note or outline): expected YYYY-MM-DD"
        )
    all_files = {f.lang: f for f in meta.files} | files
    provenance = {
        **meta.provenance,
        **{k: v for k, v in note.items() if k not in _SOURCE_NOTE_FIELDS},
        **provenance,
    }
    new_meta = replace(
        meta,
        title=title,
        number=opts.number or str(note.get("doc_number") or "") or meta.number or parsed_number,
        issuer=opts.issuer or str(note.get("issuer") or "") or meta.issuer or parsed_issuer,
        date=date,
        kind=opts.kind or meta.kind or str(note.get("kind") or ""),
        relations=tuple(dict.fromkeys((*meta.relations, *relations))),
        source=str(note.get("source") or "") or parsed_source or meta.source,
        notes=str(note.get("notes") or "") or parsed_notes or meta.notes,
        files=tuple(all_files[lang] for lang in LANGUAGES if lang in all_files),
        provenance=provenance,
        completeness=_completeness(opts.completeness, all_files.values()),
    )
    written = repo.save(new_meta, trees, raw)

    mismatch = _mismatch(repo, new_meta, trees)
    sha = None
    if history is not None:
        langs = "+".join(trees)
        message = (
            f"import {opts.doc} ({langs}) from {path.name}\n\n{new_meta.display_title(opts.lang)}"
        )
        if warnings:
            message += "\n\n" + _warnings_note(parse_warnings)
        sha = history.commit(written, message)
    return ImportOutcome(
        new_meta, trees, written, warnings, sha, mismatch, parse_warnings=parse_warnings
    )


def _warnings_note(warnings: tuple[ParseWarning, ...]) -> str:
    """The parse warnings for a commit message: each one, or a summary of many."""
    lines = summarise(warnings)
    if len(lines) == len(warnings):
        return f"{len(warnings)} parse warning(s):\n" + "\n".join(f"- {w}" for w in lines)
    return "\n".join(lines)


def _plain_title(title: str) -> str:
    """A title for the metadata: without the ``#`` of a markdown heading."""
    return title.lstrip("#").strip() if title.startswith("# ") else title


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parse_relation(text: str) -> Relation:
    kind, sep, doc = text.partition(":")
    if not sep or not DOC_ID_RE.match(doc):
        raise InputError(f"--relation {text!r}: expected TYPE:DOC, e.g. succeeds:gf-2015-40")
    try:
        return Relation(RelationType(kind), doc)
    except ValueError:
        names = ", ".join(t.value for t in RelationType)
        raise InputError(f"--relation {text!r}: unknown type {kind!r} (one of {names})") from None


def _read_source_note(path: Path) -> dict[str, Any]:
    decoded = read_file(path)
    data = yamlio.load(decoded.text, str(path))
    if not isinstance(data, dict):
        raise InputError(f"{path}: a provenance note must be a YAML mapping")
    return data


def _completeness(given: str | None, files: Any) -> Completeness:
    if given:
        try:
            return Completeness(given)
        except ValueError:
            raise InputError(f"--completeness {given!r}: one of full, partial, outline") from None
    formats = {f.format for f in files}
    if formats == {"outline"}:
        return Completeness.OUTLINE
    return Completeness.PARTIAL if "outline" in formats else Completeness.FULL


def _mismatch(
    repo: PolicyRepo, meta: DocMeta, trees: dict[str, ClauseTree]
) -> tuple[list[str], list[str]]:
    if set(meta.languages) != {"zh", "en"}:
        return [], []
    try:
        zh = trees.get("zh") or repo.load_tree(meta.id, "zh")
        en = trees.get("en") or repo.load_tree(meta.id, "en")
    except StoreError:
        return [], []
    return path_mismatch(zh, en)
