"""The sources of a text as data: the ``sources --format json`` document and the summary
line (no rich here: JSON output loads no terminal renderer)."""

from __future__ import annotations

from typing import Any

from polydiff.model.sources import SourceMatch, SourcesReport


def summary_text(r: SourcesReport) -> str:
    """``7 of 20 passages reuse the corpus · 6.8% of the text (258 of 3,812 characters)``."""
    with_sources = sum(1 for p in r.passages if p.sources)
    return (
        f"{with_sources} of {len(r.passages)} passage(s) reuse the corpus · "
        f"{100 * r.share:.1f}% of the text ({r.reused:,} of {r.total:,} characters) · "
        f"corpus: {r.corpus_docs} document(s) in {r.lang}, index {r.index}"
    )


def sources_to_json(r: SourcesReport) -> dict[str, Any]:
    """The ``sources --format json`` document."""

    def match(m: SourceMatch) -> dict[str, Any]:
        return {
            "doc": m.doc,
            "date": m.date,
            "path": m.path,
            "kind": m.kind.value,
            "score": m.score,
            "spans": [[s.from_start, s.from_end, s.to_start, s.to_end] for s in m.spans],
            "text": m.source_text,
            "ops": [[op, text] for op, text in m.ops],
            "other": {"lang": m.other_lang, "text": m.other_text} if m.other_text else None,
        }

    return {
        "name": r.name,
        "lang": r.lang,
        "summary": {
            "passages": len(r.passages),
            "with_sources": sum(1 for p in r.passages if p.sources),
            "chars": r.total,
            "reused_chars": r.reused,
            "share": round(r.share, 4),
            "corpus_docs": r.corpus_docs,
            "index": r.index,
        },
        "documents": [
            {"doc": d.doc, "date": d.date, "title": d.title, "chars": d.chars, "links": d.links}
            for d in r.by_doc
        ],
        "passages": [
            {
                "path": p.path,
                "start": p.start,
                "text": p.text,
                "reused_chars": p.reused,
                "sources": [match(m) for m in p.sources],
            }
            for p in r.passages
            if p.sources
        ],
    }
