"""A clause's lineage as JSON-ready data (no rich: ``trace --format json`` stays fast)."""

from __future__ import annotations

from typing import Any

from polydiff.model.lineage import Trace, TracedHop


def trace_to_json(t: Trace) -> dict[str, Any]:
    """The ``trace --format json`` document."""

    def hop(th: TracedHop) -> dict[str, Any]:
        h, link = th.hop, th.hop.link
        return {
            "depth": h.depth,
            "relation": h.relation,
            "basis": h.basis,
            "from": {
                "doc": h.from_doc,
                "path": link.from_path,
                "text": th.from_clause.content if th.from_clause else None,
            },
            "to": {
                "doc": h.to_doc,
                "path": link.to_path,
                "text": th.to_clause.content if th.to_clause else None,
            },
            "kind": link.kind.value,
            "score": link.score,
            "status": link.status.value,
            "note": link.note,
            "spans": [[s.from_start, s.from_end, s.to_start, s.to_end] for s in link.spans]
            if th.spans_valid
            else [],
            "ops": [[op, text] for op, text in th.ops],
        }

    return {
        "doc": t.doc,
        "path": t.path,
        "lang": t.lang,
        "clause": {"heading": t.clause.heading, "text": t.clause.text},
        "ancestors": [hop(h) for h in t.ancestors],
        "descendants": [hop(h) for h in t.descendants],
    }
