"""A review as Markdown (a pull-request comment), rich text, or JSON."""

from __future__ import annotations

from typing import Any

from polydiff.report.data import comparison_to_json
from polydiff.report.diff_markup import _md_escape, _md_inline
from polydiff.report.segments import link_title
from polydiff.review import DocReview, ReviewResult

_CONTEXT = 30


def review_to_json(r: ReviewResult) -> dict[str, Any]:
    """The ``review --format json`` document."""

    def doc(d: DocReview) -> dict[str, Any]:
        return {
            "doc": d.doc,
            "status": d.status,
            "title": dict(d.meta.title) if d.meta else {},
            "number": d.meta.number if d.meta else "",
            "date": d.meta.date if d.meta else "",
            "completeness": d.meta.completeness.value if d.meta else None,
            "relations": [{"type": x.type.value, "doc": x.doc} for x in d.meta.relations]
            if d.meta
            else [],
            "structure": d.structure,
            "parse_warnings": d.parse_warnings,
            "only_zh": d.mismatch[0],
            "only_en": d.mismatch[1],
            "diffs": {lang: comparison_to_json(c.changes()) for lang, c in d.diffs.items()},
            "proposed_lineage": [
                {
                    "with": other,
                    "from": f.from_doc,
                    "to": f.to_doc,
                    "relation": f.relation,
                    "basis": f.basis,
                    "links": [
                        {
                            "from": x.from_path,
                            "to": x.to_path,
                            "kind": x.kind.value,
                            "score": x.score,
                        }
                        for x in f.links
                    ],
                }
                for other, f in d.proposed
            ],
            "lineage_effects": d.lineage_effects,
            "errors": d.errors,
        }

    return {
        "base": r.base,
        "head": r.head,
        "documents": [doc(d) for d in r.documents],
        "lineage_files_changed": r.lineage_changed,
        "link_reviews": [
            {
                "file": x.file,
                "from": x.link.from_path,
                "to": x.link.to_path,
                "kind": x.link.kind.value,
                "before": x.before,
                "status": x.link.status.value,
                "note": x.link.note,
                "author": x.author,
                "commit": x.commit,
                "date": x.date,
            }
            for x in r.link_reviews
        ],
        "findings": r.findings,
        "warnings": r.warnings,
    }


def review_markdown(r: ReviewResult, limit: int = 12) -> str:
    """Markdown for a pull-request comment."""
    lines = [f"## polydiff review `{r.base[:10]}..{r.head[:10]}`", ""]
    if r.empty:
        return "\n".join([*lines, "No policy documents or lineage changed in this range.", ""])
    lines.append(_verdict(r))
    lines.append("")
    for d in r.documents:
        title = d.meta.display_title("zh") if d.meta else ""
        lines.append(f"### {d.status}: `{d.doc}` {_md_escape(title)}")
        lines.append("")
        if d.meta and d.status == "added":
            rel = (
                ", ".join(f"{x.type.value} `{x.doc}`" for x in d.meta.relations) or "none declared"
            )
            lines.append(
                f"{d.meta.number or 'no number'} · {d.meta.date or 'no date'} · "
                f"{d.meta.issuer or 'no issuer'} · {d.meta.completeness.value} · relations: {rel}"
            )
            lines.append("")
        for lang, kind_counts in d.structure.items():
            lines.append(
                f"- structure ({lang}): "
                + ", ".join(f"{n} {k}" for k, n in sorted(kind_counts.items()))
            )
        for w in d.parse_warnings:
            lines.append(f"- not recognised: {_md_escape(w)}")
        if any(d.mismatch):
            lines.append(
                f"- zh/en: only in zh {', '.join(d.mismatch[0]) or '-'}; "
                f"only in en {', '.join(d.mismatch[1]) or '-'}"
            )
        for e in d.errors:
            lines.append(f"- **error**: {_md_escape(e)}")
        for lang, cmp in d.diffs.items():
            s = cmp.summary
            counts = ", ".join(f"{n} {k}" for k, n in s.items() if n and k != "unchanged")
            lines.append(f"- clause diff ({lang}): {counts or 'no clause changes'}")
            changed = [link for link in cmp.links if link.changed]
            for link in changed[:limit]:
                lines.append(
                    f"  - `{link_title(link)}` **{link.kind.value}** "
                    f"{link.similarity:.2f}: {_md_inline(link, _CONTEXT)}"
                )
            if len(changed) > limit:
                lines.append(
                    f"  - … {len(changed) - limit} more (`polydiff diff {d.doc}@{r.base[:10]} "
                    f"{d.doc}@{r.head[:10]}`)"
                )
        for other, f in d.proposed:
            lines.append(
                f"- proposed lineage with `{other}` ({f.relation}"
                + (", by headings" if f.basis == "headings" else "")
                + "): "
                + "; ".join(
                    f"`{x.from_path}` → `{x.to_path}` {x.kind.value} {x.score:.2f}"
                    for x in f.links[:5]
                )
                + (f" … ({len(f.links)} in all)" if len(f.links) > 5 else "")
            )
        for e in d.lineage_effects:
            lines.append(f"- lineage: {_md_escape(e)}")
        lines.append("")
    if r.lineage_changed:
        lines.append("### lineage")
        lines.append("")
        lines.append("Files changed: " + ", ".join(f"`{n}`" for n in r.lineage_changed))
        for x in r.link_reviews:
            lines.append(
                f"- `{x.file}` `{x.link.from_path}` → `{x.link.to_path}`: {x.before} → "
                f"**{x.link.status.value}** by {x.author} ({x.commit}"
                + (f", {x.date}" if x.date else "")
                + ")"
                + (f": {_md_escape(x.link.note)}" if x.link.note else "")
            )
        lines.append("")
    return "\n".join(lines) + "\n"


def _verdict(r: ReviewResult) -> str:
    parts = []
    if r.findings:
        parts.append(
            f"**{len(r.findings)} finding(s) need a person:**\n"
            + "\n".join(f"- {_md_escape(x)}" for x in r.findings)
        )
    if r.warnings:
        parts.append(
            f"**{len(r.warnings)} warning(s):**\n"
            + "\n".join(f"- {_md_escape(x)}" for x in r.warnings)
        )
    return "\n\n".join(parts) if parts else "No findings."
