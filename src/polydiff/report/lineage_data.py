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
            **_foreign(th),
        }

    def _foreign(th: TracedHop) -> dict[str, Any]:
        """The spans in the language they were found in, when shown in another."""
        if th.spans_valid or th.span_from is None or th.span_to is None:
            return {}
        spans = th.hop.link.spans
        return {
            "spans_in": {
                "lang": th.span_lang,
                "from_text": th.span_from.content,
                "to_text": th.span_to.content,
                "spans": [[s.from_start, s.from_end, s.to_start, s.to_end] for s in spans],
            }
        }

    return {
        "doc": t.doc,
        "path": t.path,
        "lang": t.lang,
        "clause": {"heading": t.clause.heading, "text": t.clause.text},
        "ancestors": [hop(h) for h in t.ancestors],
        "descendants": [hop(h) for h in t.descendants],
    }
