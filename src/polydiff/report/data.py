"""Clause trees as JSON-ready data (no rich import: ``--format json`` stays fast)."""

from __future__ import annotations

from typing import Any

from polydiff.model import Clause, ClauseTree


def clause_to_json(c: Clause) -> dict[str, Any]:
    """A clause and its descendants, nested (the ``show --format json`` contract)."""
    return {
        "path": c.path,
        "label": c.label,
        "heading": c.heading,
        "text": c.text,
        "kind": c.kind.value,
        "children": [clause_to_json(k) for k in c.children],
    }


def tree_to_json(tree: ClauseTree, rev: str | None) -> dict[str, Any]:
    """``{"doc", "lang", "rev", "title", "number", "front", "clauses": [...]}``."""
    return {
        "doc": tree.doc,
        "lang": tree.lang,
        "rev": rev,
        "title": tree.title,
        "number": tree.number,
        "front": list(tree.front),
        "clauses": [clause_to_json(c) for c in tree.clauses],
    }
