"""Lineage files under ``lineage/``: one YAML file per pair of documents, and a manifest.

``lineage/<from>..<to>.yaml`` (the earlier document first)::

    schema_version: 1
    from: gf-2025-11
    to: ndrc-2025-0826
    relation: interprets
    lang: zh
    basis: text
    computed_from: {gf-2025-11: <git blob of zh.yaml>, ndrc-2025-0826: <blob>}
    links:
    - from: 2.6.1
      to: '2.4'
      kind: quoted
      score: 0.41
      status: proposed
      spans:
      - [12, 58, 20, 66]     # from start, from end, to start, to end (clause content offsets)

``lineage/manifest.yaml`` records, per document, the clause-tree blob the whole lineage was
last built from (documents with no links are recorded too), so staleness is one comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from polydiff.errors import StoreError
from polydiff.model import SCHEMA_VERSION
from polydiff.model.lineage import (
    Basis,
    LineageFile,
    LineageLink,
    LineageRelation,
    LinkKind,
    Span,
    Status,
)
from polydiff.store import yamlio
from polydiff.store.blobs import git_blob_id
from polydiff.store.repo import LINEAGE, PolicyRepo, doc_dir
from polydiff.store.sources import FileSource

MANIFEST = f"{LINEAGE}/manifest.yaml"


def file_path(from_doc: str, to_doc: str) -> str:
    """Repository-relative path of the lineage file of a document pair."""
    return f"{LINEAGE}/{from_doc}..{to_doc}.yaml"


def tree_blob(
    repo: PolicyRepo, doc: str, lang: str, source: FileSource | None = None
) -> str | None:
    """Blob id of a document's clause tree in ``lang`` (None if it has none)."""
    data = (source or repo.worktree).read(f"{doc_dir(doc)}/{lang}.yaml")
    return None if data is None else git_blob_id(data)


def to_data(f: LineageFile) -> dict[str, Any]:
    links = []
    for link in f.links:
        entry: dict[str, Any] = {
            "from": link.from_path,
            "to": link.to_path,
            "kind": link.kind.value,
            "score": round(link.score, 4),
            "status": link.status.value,
        }
        if link.note:
            entry["note"] = link.note
        if link.unplaced:
            entry["unplaced"] = link.unplaced
        if link.spans:
            entry["spans"] = [
                f"{s.from_start} {s.from_end} {s.to_start} {s.to_end}" for s in link.spans
            ]
        links.append(entry)
    return {
        "schema_version": SCHEMA_VERSION,
        "from": f.from_doc,
        "to": f.to_doc,
        "relation": f.relation.value,
        "lang": f.lang,
        "basis": f.basis.value,
        "computed_from": dict(f.computed_from),
        "links": links,
    }


def from_data(data: object, name: str) -> LineageFile:
    if not isinstance(data, dict):
        raise StoreError(f"{name}: must be a mapping")
    if str(data.get("schema_version")) != str(SCHEMA_VERSION):
        raise StoreError(
            f"{name}: schema_version {data.get('schema_version')!r} is not {SCHEMA_VERSION}"
        )
    try:
        links = []
        for i, e in enumerate(data.get("links") or [], 1):
            if not isinstance(e, dict):
                raise StoreError(f"{name}: link #{i} must be a mapping")
            spans = []
            for s in e.get("spans") or []:
                a, b, c, d = (int(x) for x in str(s).split())
                spans.append(Span(a, b, c, d))
            links.append(
                LineageLink(
                    str(e["from"]),
                    str(e["to"]),
                    LinkKind(e["kind"]),
                    float(e["score"]),
                    tuple(spans),
                    Status(e.get("status", "proposed")),
                    str(e.get("note", "")),
                    str(e.get("unplaced", "")),
                )
            )
        computed = data.get("computed_from") or {}
        if not isinstance(computed, dict):
            raise StoreError(f"{name}: 'computed_from' must be a mapping")
        return LineageFile(
            str(data["from"]),
            str(data["to"]),
            LineageRelation(str(data["relation"])),
            str(data["lang"]),
            Basis(str(data.get("basis", "text"))),
            {str(k): str(v) for k, v in computed.items()},
            tuple(links),
        )
    except KeyError as exc:
        raise StoreError(f"{name}: missing field {exc.args[0]!r}") from None
    except ValueError as exc:
        raise StoreError(f"{name}: {exc}") from None


def load_all(repo: PolicyRepo, source: FileSource | None = None) -> list[LineageFile]:
    """Every lineage file of the repository (sorted by name)."""
    src = source or repo.worktree
    out = []
    for name in src.list_dir(LINEAGE):
        if name.endswith(".yaml") and ".." in name:
            found = _load(repo, src, f"{LINEAGE}/{name}")
            assert found is not None
            out.append(found)
    return out


def load(
    repo: PolicyRepo, from_doc: str, to_doc: str, source: FileSource | None = None
) -> LineageFile | None:
    """The lineage file ``from_doc..to_doc``, or None when there is none."""
    return _load(repo, source or repo.worktree, file_path(from_doc, to_doc))


def _load(repo: PolicyRepo, src: FileSource, rel: str) -> LineageFile | None:
    data = src.read(rel)
    if data is None:
        return None
    return from_data(repo.parsed_yaml(data, src.describe(rel)), src.describe(rel))


def load_manifest(repo: PolicyRepo, source: FileSource | None = None) -> dict[str, str]:
    """Doc id → clause-tree blob the lineage was last built from."""
    src = source or repo.worktree
    data = src.read(MANIFEST)
    if data is None:
        return {}
    loaded = repo.parsed_yaml(data, src.describe(MANIFEST))
    docs = loaded.get("documents") if isinstance(loaded, dict) else None
    if not isinstance(docs, dict):
        raise StoreError(f"{MANIFEST}: 'documents' must be a mapping")
    return {str(k): str(v) for k, v in docs.items()}


def write(
    repo: PolicyRepo,
    files: list[LineageFile],
    manifest: dict[str, str] | None,
    remove: Sequence[str] = (),
) -> list[str]:
    """Write lineage files (and the manifest) all or nothing; delete ``remove`` after."""
    out: dict[str, bytes] = {
        file_path(f.from_doc, f.to_doc): yamlio.dump(to_data(f)).encode() for f in files
    }
    if manifest is not None:
        out[MANIFEST] = yamlio.dump(
            {"schema_version": SCHEMA_VERSION, "documents": dict(sorted(manifest.items()))}
        ).encode()
    return repo.write(out, remove)
