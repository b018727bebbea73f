"""Verified-headings outlines (``*.outline.yaml``) → clause trees with headings only.

An outline lists a document's parts, sections and items with the heading of each and the
public pages where that heading was seen (``verified``), for documents whose full text is
not available (gf-2015-40). The Chinese tree holds every listed heading; the English tree
holds the headings that have a ``heading_en``, under their (unlabelled) ancestors. The
sources of each heading are kept in the document's provenance, keyed by path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from polydiff.errors import ParseError
from polydiff.model import Clause, ClauseTree
from polydiff.parse.numbering import KIND_OF_STYLE, Label, match_label
from polydiff.record import record

_LEVELS = ("parts", "sections", "items")
_META_KEYS = ("doc_id", "title", "doc_number", "issuer", "date", "completeness", "notes", "parts")


@record
class OutlineResult:
    """What an outline yields."""

    trees: Mapping[str, ClauseTree]
    title: str
    number: str
    issuer: str
    date: str
    notes: str
    heading_sources: Mapping[str, Mapping[str, Any]]
    """Per path: ``verified`` (list of URLs) and ``note`` when given."""
    provenance: Mapping[str, Any]
    """Every other top-level key of the outline, verbatim."""


def is_outline(data: object) -> bool:
    """True when ``data`` (loaded YAML) has the shape of an outline."""
    return isinstance(data, dict) and isinstance(data.get("parts"), list)


def _entry_label(entry: object, level: int, parent: str, name: str) -> tuple[str, Label]:
    """The label of an outline entry (as written, and as read), or a :class:`ParseError`."""
    where = f"under {parent or 'the top'}"
    if not isinstance(entry, dict) or not entry.get("label") or not entry.get("heading"):
        raise ParseError(f"{name}: an entry of '{_LEVELS[level]}' {where} lacks a label or heading")
    label_text = str(entry["label"]).strip()
    label = match_label(label_text + "X")
    if label is None:
        raise ParseError(f"{name}: unknown numbering {label_text!r} {where}")
    return label_text, label


def parse_outline(data: object, name: str, doc: str = "") -> OutlineResult:
    """Build the clause trees of an outline; raises :class:`ParseError` naming the problem."""
    if not is_outline(data):
        raise ParseError(f"{name}: not an outline (expected a mapping with a 'parts' list)")
    assert isinstance(data, dict)
    sources: dict[str, dict[str, Any]] = {}

    def build(entries: object, level: int, parent: str) -> tuple[list[Clause], list[Clause]]:
        if entries is None:
            return [], []
        if not isinstance(entries, list):
            raise ParseError(
                f"{name}: '{_LEVELS[level]}' under {parent or 'the top'} is not a list"
            )
        zh: list[Clause] = []
        en: list[Clause] = []
        for entry in entries:
            label_text, label = _entry_label(entry, level, parent, name)
            path = f"{parent}.{label.number}" if parent else str(label.number)
            if path in sources:
                raise ParseError(f"{name}: duplicate clause {path} (label {label_text!r})")
            sources[path] = {k: entry[k] for k in ("verified", "note") if k in entry}
            kids_zh, kids_en = (
                ([], [])
                if level + 1 >= len(_LEVELS)
                else build(entry.get(_LEVELS[level + 1]), level + 1, path)
            )
            kind = KIND_OF_STYLE[label.style]
            zh.append(
                Clause(
                    path, kind, label_text, str(entry["heading"]).strip(), children=tuple(kids_zh)
                )
            )
            heading_en = str(entry.get("heading_en") or "").strip()
            if heading_en or kids_en:
                en.append(Clause(path, kind, "", heading_en, children=tuple(kids_en)))
        return zh, en

    zh, en = build(data["parts"], 0, "")
    title = str(data.get("title") or "")
    number = str(data.get("doc_number") or "")
    trees = {"zh": ClauseTree(doc, "zh", title, number, (), tuple(zh))}
    if en:
        trees["en"] = ClauseTree(doc, "en", "", "", (), tuple(en))
    return OutlineResult(
        trees=trees,
        title=title,
        number=number,
        issuer=str(data.get("issuer") or ""),
        date=str(data.get("date") or ""),
        notes=str(data.get("notes") or ""),
        heading_sources=sources,
        provenance={k: v for k, v in data.items() if k not in _META_KEYS},
    )


def outline_headings(tree: ClauseTree) -> dict[str, str]:
    """Path → heading of every clause with a heading (to check an outline import)."""
    return {c.path: c.heading for c in tree.walk() if c.heading}
