"""YAML for people and for ``git diff``: the dumper, the loader, and the mappings between
YAML documents and :mod:`polydiff.model` objects.

Layout rules: keys in a fixed order, empty fields left out, one clause per list entry in
document order (the tree is rebuilt from paths), long or multi-line text as literal block
scalars, no line folding, a ``schema_version`` at the top. ``load(dump(x)) == x`` exactly.
The libyaml C loader and dumper are used when present (same output, several times faster).

Files are read with the *base* loader: every scalar is text. A hand-written ``path: 2.10``
stays ``"2.10"`` instead of becoming the float 2.1, and ``date: 2025-08-21`` stays a string.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from polydiff.errors import StoreError
from polydiff.model import (
    PATH_RE,
    SCHEMA_VERSION,
    Clause,
    ClauseKind,
    ClauseTree,
    Completeness,
    DocMeta,
    Original,
    Relation,
    RelationType,
    SourceFile,
    parent_path,
)
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:  # yaml loads with the first file parsed or written (reads mostly hit the
    from typing import Any

    import yaml  # parsed cache, polydiff.store.parsed_cache)

BLOCK_MIN = 60
"""Text at least this long (or with a line break) is written as a literal block; long
strings of letters and digits only (digests) stay plain."""


@cache
def _dumper() -> type:
    """A private dumper class: representers registered on it touch no global state."""
    import yaml

    base: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    dumper = type("_Dumper", (base,), {})
    dumper.add_representer(str, _represent_str)  # type: ignore[attr-defined]
    return dumper


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    long_text = len(value) >= BLOCK_MIN and not value.isalnum()  # not a hash or id
    style = "|" if ("\n" in value or long_text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def dump(data: Any) -> str:
    """Serialise plain data (dicts, lists, strings, numbers) in polydiff's house layout."""
    import yaml

    text: str = yaml.dump(
        data,
        Dumper=_dumper(),
        sort_keys=False,
        allow_unicode=True,
        width=2**30,
        default_flow_style=False,
        indent=2,
    )
    return text


def load(text: str | bytes, name: str) -> Any:
    """Parse YAML safely; a syntax error becomes one line naming the file and position."""
    import yaml

    try:
        data = yaml.load(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise StoreError(f"{name}: broken YAML{where}: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise StoreError(f"{name}: broken YAML: {exc}") from None
    except UnicodeDecodeError:
        raise StoreError(f"{name}: not UTF-8 text") from None
    if data is None or data == "":
        raise StoreError(f"{name}: empty file")
    return data


# --- clause trees -------------------------------------------------------------------------


def tree_to_data(tree: ClauseTree) -> dict[str, Any]:
    """A clause tree as a YAML-ready mapping (flat clause list in document order)."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "doc": tree.doc,
        "lang": tree.lang,
        "title": tree.title,
        "number": tree.number,
    }
    if tree.front:
        data["front"] = list(tree.front)
    clauses = []
    for c in tree.walk():
        entry: dict[str, str] = {"path": c.path, "kind": c.kind.value}
        for key in ("label", "heading", "text"):
            value = getattr(c, key)
            if value:
                entry[key] = value
        clauses.append(entry)
    data["clauses"] = clauses
    return data


def tree_from_data(data: object, name: str) -> ClauseTree:
    """Rebuild a clause tree from its mapping, checking every field; errors name the file."""
    d = _mapping(data, name, "the file")
    _check_schema(d, name)
    raw_clauses = d.get("clauses")
    if not isinstance(raw_clauses, list):
        raise StoreError(f"{name}: 'clauses' must be a list")
    nodes: dict[str, dict[str, Any]] = {}
    roots: list[str] = []
    for i, item in enumerate(raw_clauses, 1):
        c = _mapping(item, name, f"clause #{i}")
        unknown = set(c) - {"path", "kind", "label", "heading", "text"}
        if unknown:
            raise StoreError(
                f"{name}: clause #{i} has unknown field(s) {', '.join(sorted(unknown))}"
            )
        path = _str(c, "path", name, f"clause #{i}", required=True)
        if not PATH_RE.match(path):
            raise StoreError(f"{name}: clause #{i} has an invalid path {path!r}")
        if path in nodes:
            raise StoreError(f"{name}: duplicate clause path {path!r}")
        kind_name = _str(c, "kind", name, f"clause {path}", required=True)
        try:
            kind = ClauseKind(kind_name)
        except ValueError:
            raise StoreError(f"{name}: clause {path} has unknown kind {kind_name!r}") from None
        parent = parent_path(path)
        if parent and parent not in nodes:
            raise StoreError(f"{name}: clause {path} comes before (or without) its parent {parent}")
        nodes[path] = {
            "kind": kind,
            "children": [],
            **{k: _str(c, k, name, f"clause {path}") for k in ("label", "heading", "text")},
        }
        (nodes[parent]["children"] if parent else roots).append(path)

    def build(path: str) -> Clause:
        n = nodes[path]
        return Clause(
            path,
            n["kind"],
            n["label"],
            n["heading"],
            n["text"],
            tuple(build(p) for p in n["children"]),
        )

    front = d.get("front", [])
    if not isinstance(front, list) or not all(isinstance(x, str) for x in front):
        raise StoreError(f"{name}: 'front' must be a list of strings")
    return ClauseTree(
        doc=_str(d, "doc", name, "the file"),
        lang=_str(d, "lang", name, "the file", required=True),
        title=_str(d, "title", name, "the file"),
        number=_str(d, "number", name, "the file"),
        front=tuple(front),
        clauses=tuple(build(p) for p in roots),
    )


# --- metadata -----------------------------------------------------------------------------


def meta_to_data(meta: DocMeta) -> dict[str, Any]:
    """Document metadata as a YAML-ready mapping."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": meta.id,
        "title": dict(meta.title),
        "number": meta.number,
        "issuer": meta.issuer,
        "date": meta.date,
        "kind": meta.kind,
        "completeness": meta.completeness.value,
        "relations": [{"type": r.type.value, "doc": r.doc} for r in meta.relations],
        "source": meta.source,
        "notes": meta.notes,
        "files": [_file_to_data(f) for f in meta.files],
    }
    if meta.provenance:
        data["provenance"] = _plain(meta.provenance)
    return data


def meta_from_data(data: object, name: str) -> DocMeta:
    """Rebuild metadata from its mapping, checking every field."""
    d = _mapping(data, name, "the file")
    _check_schema(d, name)
    title = _mapping(d.get("title", {}), name, "'title'")
    relations = []
    for i, r in enumerate(_list(d, "relations", name), 1):
        rm = _mapping(r, name, f"relation #{i}")
        try:
            rtype = RelationType(_str(rm, "type", name, f"relation #{i}", required=True))
        except ValueError:
            raise StoreError(
                f"{name}: relation #{i} has an unknown type {rm.get('type')!r}"
            ) from None
        relations.append(Relation(rtype, _str(rm, "doc", name, f"relation #{i}", required=True)))
    files = []
    for i, f in enumerate(_list(d, "files", name), 1):
        fm = _mapping(f, name, f"file #{i}")
        warnings = fm.get("warnings", [])
        if not isinstance(warnings, list):
            raise StoreError(f"{name}: file #{i} 'warnings' must be a list")
        files.append(
            SourceFile(
                lang=_str(fm, "lang", name, f"file #{i}", required=True),
                raw=_str(fm, "raw", name, f"file #{i}", required=True),
                original=_str(fm, "original", name, f"file #{i}"),
                sha256=_str(fm, "sha256", name, f"file #{i}"),
                encoding=_str(fm, "encoding", name, f"file #{i}") or "utf-8",
                format=_str(fm, "format", name, f"file #{i}") or "text",
                warnings=tuple(str(w) for w in warnings),
                extracted_from=_original_from_data(fm.get("extracted_from"), name, i),
            )
        )
    try:
        completeness = Completeness(_str(d, "completeness", name, "the file") or "full")
    except ValueError:
        raise StoreError(f"{name}: unknown completeness {d.get('completeness')!r}") from None
    provenance = d.get("provenance", {})
    return DocMeta(
        id=_str(d, "id", name, "the file", required=True),
        title={str(k): _str(title, k, name, "'title'") for k in title},
        number=_str(d, "number", name, "the file"),
        issuer=_str(d, "issuer", name, "the file"),
        date=_str(d, "date", name, "the file"),
        kind=_str(d, "kind", name, "the file"),
        completeness=completeness,
        relations=tuple(relations),
        source=_str(d, "source", name, "the file"),
        notes=_str(d, "notes", name, "the file"),
        files=tuple(files),
        provenance=_mapping(provenance, name, "'provenance'"),
    )


def _file_to_data(f: SourceFile) -> dict[str, Any]:
    data: dict[str, Any] = {
        "lang": f.lang,
        "raw": f.raw,
        "original": f.original,
        "sha256": f.sha256,
        "encoding": f.encoding,
        "format": f.format,
        "warnings": list(f.warnings),
    }
    o = f.extracted_from
    if o is not None:  # absent for texts imported as text: older files stay as they were
        data["extracted_from"] = {"path": o.path, "format": o.format, "sha256": o.sha256}
        if o.encoding:
            data["extracted_from"]["encoding"] = o.encoding
        if o.metadata:
            data["extracted_from"]["metadata"] = dict(o.metadata)
    return data


def _original_from_data(value: object, name: str, i: int) -> Original | None:
    if value is None:
        return None
    where = f"file #{i} 'extracted_from'"
    o = _mapping(value, name, where)
    metadata = _mapping(o.get("metadata", {}), name, f"{where} 'metadata'")
    return Original(
        path=_str(o, "path", name, where, required=True),
        format=_str(o, "format", name, where, required=True),
        sha256=_str(o, "sha256", name, where, required=True),
        encoding=_str(o, "encoding", name, where),
        metadata={str(k): _str(metadata, k, name, f"{where} 'metadata'") for k in metadata},
    )


# --- helpers ------------------------------------------------------------------------------


def _check_schema(d: Mapping[str, Any], name: str) -> None:
    version = d.get("schema_version")
    if str(version) != str(SCHEMA_VERSION):
        raise StoreError(
            f"{name}: schema_version {version!r} is not {SCHEMA_VERSION} (written by another "
            "polydiff version, or not a polydiff file)"
        )


def _mapping(value: object, name: str, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise StoreError(f"{name}: {what} must be a mapping, not {type(value).__name__}")
    return value


def _list(d: Mapping[str, Any], key: str, name: str) -> list[Any]:
    value = d.get(key, [])
    if not isinstance(value, list):
        raise StoreError(f"{name}: '{key}' must be a list")
    return value


def _str(d: Mapping[str, Any], key: str, name: str, where: str, required: bool = False) -> str:
    value = d.get(key)
    if value is None:
        if required:
            raise StoreError(f"{name}: {where} lacks '{key}'")
        return ""
    if not isinstance(value, str):
        what = "a list" if isinstance(value, list) else "a mapping"
        raise StoreError(f"{name}: {where}: '{key}' must be text, not {what}")
    return value


def _plain(value: Any) -> Any:
    """Mappings and sequences as plain dicts and lists, every scalar as text (as read back)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return "" if value is None else str(value)
