"""``polydiff import``: parse a text (a web page, Word or PDF file, or a verified-headings
outline) and store it as a language of a document of the repository.

Everything is read, extracted, parsed and checked before the repository's write lock is
taken; under it, the document's metadata is read again and merged (so a concurrent import of
the other language is kept), then written all or nothing and committed when asked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from polydiff import digests
from polydiff.errors import InputError, ParseError, StoreError, UnknownDocumentError
from polydiff.model import (
    DOC_ID_RE,
    LANGUAGES,
    ClauseTree,
    Completeness,
    DocMeta,
    Original,
    Relation,
    RelationType,
    SourceFile,
    path_mismatch,
)
from polydiff.record import field, record, replace
from polydiff.store.repo import PolicyRepo

if TYPE_CHECKING:
    from polydiff.formats import Extracted
    from polydiff.parse.warnings import ParseWarning

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


@record
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


@record
class ImportOutcome:
    """What an import did."""

    meta: DocMeta
    trees: dict[str, ClauseTree]
    written: list[str]
    warnings: tuple[str, ...]
    commit: str | None = None
    mismatch: tuple[list[str], list[str]] = field(default=([], []))
    """Paths only in zh, only in en (after this import)."""
    notes: tuple[str, ...] = ()
    """What extracting the text from a web page, Word or PDF file removed or left out."""
    parse_warnings: tuple[ParseWarning, ...] = ()
    """The parse warnings with their line and kind (for summaries)."""

    def warning_lines(self, verbose: bool = False) -> list[str]:
        """The parse warnings to show: each one, or a summary per kind of many."""
        from polydiff.parse.warnings import summarise

        return summarise(self.parse_warnings, verbose)


@record
class _Parsed:
    """What a file yields before it meets the repository."""

    trees: dict[str, ClauseTree]
    raw: dict[str, bytes]
    """Files to store under the document's folder (``raw/zh.txt``…)."""
    files: dict[str, SourceFile]
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    title: Mapping[str, str] = field(default_factory=dict)
    number: str = ""
    issuer: str = ""
    date: str = ""
    source: str = ""
    about: str = ""
    """The notes the file itself carries (an outline's)."""
    provenance: Mapping[str, Any] = field(default_factory=dict)
    parse_warnings: tuple[ParseWarning, ...] = ()


def import_document(repo: PolicyRepo, path: Path, opts: ImportOptions) -> ImportOutcome:
    """Parse ``path`` and store it as language ``opts.lang`` of document ``opts.doc``."""
    relations = _check_options(opts)
    note = _read_source_note(opts.provenance) if opts.provenance else {}
    if opts.commit:
        repo.history  # noqa: B018 - fail before any work outside a git repository
    is_yaml = path.suffix.lower() in (".yaml", ".yml")
    parsed = _parse_outline(path, opts) if is_yaml else _parse_text(path, opts)
    with repo.writing():
        try:
            meta = repo.load_meta(opts.doc)
        except UnknownDocumentError:
            meta = DocMeta(id=opts.doc)
        new_meta = _merged_meta(meta, parsed, opts, note, relations)
        written = repo.save(new_meta, parsed.trees, parsed.raw)
        mismatch = _mismatch(repo, new_meta, parsed.trees)
        sha = repo.commit(written, _message(opts, path, new_meta, parsed)) if opts.commit else None
    return ImportOutcome(
        new_meta,
        parsed.trees,
        written,
        parsed.warnings,
        sha,
        mismatch,
        parsed.notes,
        parsed.parse_warnings,
    )


def _check_options(opts: ImportOptions) -> tuple[Relation, ...]:
    if not DOC_ID_RE.match(opts.doc):
        shown = opts.doc if len(opts.doc) <= 40 else opts.doc[:40] + "…"
        raise InputError(
            f"--doc {shown!r}: a document id is a lowercase slug like gf-2025-11 "
            "(at most 80 characters)"
        )
    if opts.lang not in LANGUAGES:
        raise InputError(f"--lang {opts.lang!r}: expected one of {', '.join(LANGUAGES)}")
    if opts.date is not None and not _DATE_RE.match(opts.date):
        raise InputError(f"--date {opts.date!r}: expected YYYY-MM-DD")
    return tuple(_parse_relation(r) for r in opts.relations)


def _parse_outline(path: Path, opts: ImportOptions) -> _Parsed:
    """A verified-headings outline: its trees (zh, and en where it gives English)."""
    from polydiff.parse.decode import read_file
    from polydiff.parse.outline import is_outline, parse_outline
    from polydiff.store import yamlio

    decoded = read_file(path, opts.encoding)
    data = yamlio.load(decoded.text, str(path))
    if not is_outline(data):
        raise InputError(f"{path}: a YAML file polydiff can import must be an outline with 'parts'")
    outline = parse_outline(data, str(path), opts.doc)
    rel = "raw/outline.yaml"
    raw = {rel: decoded.text.encode("utf-8")}
    sha = _sha(raw[rel])
    files = {
        lang: SourceFile(lang, rel, path.name, sha, decoded.encoding, "outline")
        for lang in outline.trees
    }
    return _Parsed(
        dict(outline.trees),
        raw,
        files,
        title={"zh": outline.title},
        number=outline.number,
        issuer=outline.issuer,
        date=outline.date,
        source=f"Verified-headings outline {path.name}: no body text; the pages where "
        "each heading was seen are under provenance.headings.",
        about=outline.notes,
        provenance={**outline.provenance, "headings": dict(outline.heading_sources)},
    )


def _parse_text(path: Path, opts: ImportOptions) -> _Parsed:
    """Plain text, or the text of a web page, Word or PDF file: its clause tree, checked to
    account for every character."""
    from polydiff.formats import extract, read
    from polydiff.parse.accounting import unaccounted
    from polydiff.parse.decode import check_policy_text
    from polydiff.parse.text import lacks_structure, parse_text

    original = read(path)
    extracted = extract(original, str(path), opts.encoding)
    check_policy_text(extracted.text, opts.lang, str(path), force=opts.force)
    result = parse_text(extracted.text, opts.lang, opts.doc)
    problem = unaccounted(extracted.text, result.tree)
    if problem:
        raise ParseError(f"{path}: parser lost text ({problem}); please report this file")
    if lacks_structure(result.tree) and not opts.force:
        raise InputError(
            f"{path}: no numbered clauses, headings, document number, salutation or "
            f"signature found: not policy text? (--force imports it as "
            f"{len(result.tree.clauses)} paragraph(s))"
        )
    warnings = tuple(str(w) for w in result.warnings)
    if opts.strict and warnings:
        raise ParseError(
            f"{path}: {len(warnings)} parse warning(s) with --strict; first: {warnings[0]}"
        )
    rel = f"raw/{opts.lang}.txt"
    raw = {rel: extracted.text.encode("utf-8")}
    kept = _keep_original(extracted, original, opts.lang, raw)
    encoding = "utf-8" if kept else extracted.encoding
    source = SourceFile(opts.lang, rel, path.name, _sha(raw[rel]), encoding, "text", warnings, kept)
    found = extracted.found
    return _Parsed(
        {opts.lang: result.tree},
        raw,
        {opts.lang: source},
        warnings,
        extracted.warnings,
        title={opts.lang: found.title or _plain_title(result.tree.title)},
        number=found.number or (result.tree.number if opts.lang == "zh" else ""),
        issuer=found.issuer,
        date=found.date,
        parse_warnings=tuple(result.warnings),
    )


def _plain_title(title: str) -> str:
    """A title for the metadata: without the ``#`` of a markdown heading."""
    return title.lstrip("#").strip() if title.startswith("# ") else title


def _merged_meta(
    meta: DocMeta,
    parsed: _Parsed,
    opts: ImportOptions,
    note: Mapping[str, Any],
    relations: tuple[Relation, ...],
) -> DocMeta:
    """The document's metadata with this import in it: the command line first, then the
    provenance note, then what the file said, then what was there before."""
    date = opts.date or str(note.get("date") or "") or parsed.date or meta.date
    if date and not _DATE_RE.match(date):
        raise InputError(
            f"date {date!r} (from the provenance note or outline): expected YYYY-MM-DD"
        )
    all_files = {f.lang: f for f in meta.files} | parsed.files
    return replace(
        meta,
        title=_titles(meta, parsed, opts, note),
        number=opts.number or str(note.get("doc_number") or "") or meta.number or parsed.number,
        issuer=opts.issuer or str(note.get("issuer") or "") or meta.issuer or parsed.issuer,
        date=date,
        kind=opts.kind or meta.kind or str(note.get("kind") or ""),
        relations=tuple(dict.fromkeys((*meta.relations, *relations))),
        source=str(note.get("source") or "") or parsed.source or meta.source,
        notes=str(note.get("notes") or "") or parsed.about or meta.notes,
        files=tuple(all_files[lang] for lang in LANGUAGES if lang in all_files),
        provenance={
            **meta.provenance,
            **{k: v for k, v in note.items() if k not in _SOURCE_NOTE_FIELDS},
            **parsed.provenance,
        },
        completeness=_completeness(opts.completeness, all_files.values()),
    )


def _titles(
    meta: DocMeta, parsed: _Parsed, opts: ImportOptions, note: Mapping[str, Any]
) -> dict[str, str]:
    title = dict(meta.title)
    note_titles = {"zh": note.get("title"), "en": note.get("title_en")}
    for lang in parsed.trees:
        chosen = (
            (opts.title if lang == opts.lang else None)
            or note_titles.get(lang)
            or parsed.title.get(lang)
            or title.get(lang)
        )
        if chosen:
            title[lang] = str(chosen)
    return title


def _message(opts: ImportOptions, path: Path, meta: DocMeta, parsed: _Parsed) -> str:
    langs = "+".join(parsed.trees)
    message = f"import {opts.doc} ({langs}) from {path.name}\n\n{meta.display_title(opts.lang)}"
    if parsed.parse_warnings:
        from polydiff.parse.warnings import summarise

        lines = summarise(parsed.parse_warnings)
        if len(lines) == len(parsed.parse_warnings):
            listed = "\n".join(f"- {w}" for w in lines)
            message += f"\n\n{len(lines)} parse warning(s):\n{listed}"
        else:
            message += "\n\n" + "\n".join(lines)
    elif parsed.warnings:
        listed = "\n".join(f"- {w}" for w in parsed.warnings)
        message += f"\n\n{len(parsed.warnings)} parse warning(s):\n{listed}"
    return message


def _sha(data: bytes) -> str:
    return digests.sha256(data).hexdigest()


def _keep_original(
    extracted: Extracted, original: bytes, lang: str, raw: dict[str, bytes]
) -> Original | None:
    """A web page, Word or PDF file is stored as ``raw/<lang>.<format>`` beside the text
    extracted from it (added to ``raw``); plain text is the stored text itself."""
    if extracted.format == "text":
        return None
    rel = f"raw/{lang}.{extracted.format}"
    raw[rel] = original
    found = dict(extracted.found.fields)
    return Original(rel, extracted.format, _sha(original), extracted.encoding, found)


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
    from polydiff.parse.decode import read_file
    from polydiff.store import yamlio

    decoded = read_file(path)
    data = yamlio.load(decoded.text, str(path))
    if not isinstance(data, dict):
        raise InputError(f"{path}: a provenance note must be a YAML mapping")
    return data


def _completeness(given: str | None, files: Iterable[SourceFile]) -> Completeness:
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
