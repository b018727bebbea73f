"""Clause trees and comparisons as JSON-ready data (no rich: ``--format json`` stays fast)."""

from __future__ import annotations

from polydiff.model import Clause, ClauseTree
from polydiff.model.comparison import Comparison
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


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


def comparison_to_json(cmp: Comparison) -> dict[str, Any]:
    """The ``diff --format json`` contract (design.md)."""
    return {
        "a": cmp.a,
        "b": cmp.b,
        "lang": cmp.lang,
        "headings_only": cmp.headings_only,
        **({"outline": cmp.outline} if cmp.outline else {}),
        "summary": cmp.summary,
        "flags": cmp.flags,
        "similarity": cmp.similarity,
        "links": [
            {
                "kind": link.kind.value,
                "a": link.a,  # tuples: JSON arrays, without a copy per link
                "b": link.b,
                "moved": link.moved,
                "renumbered": link.renumbered,
                "similarity": link.similarity,
                "ops": link.ops,
                **({"reason": link.reason} if link.reason else {}),
            }
            for link in cmp.links
        ],
        "term_shifts": [{"from": t.old, "to": t.new, "count": t.count} for t in cmp.term_shifts],
    }
