"""A review as Markdown (a pull-request comment), terminal text, or JSON."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from polydiff.model.lineage import LineageFile
from polydiff.report.data import comparison_to_json
from polydiff.report.diff_markup import md_escape as _md_escape
from polydiff.report.diff_text import MARKERS
from polydiff.report.segments import link_title, similarity_text, trim_context
from polydiff.service.review import DocChange, DocReview, ReviewResult

_CONTEXT = 30


def _proposed_to_json(other: str, f: LineageFile) -> dict[str, Any]:
    """One proposed lineage file of an added document."""
    return {
        "with": other,
        "from": f.from_doc,
        "to": f.to_doc,
        "relation": f.relation,
        "basis": f.basis,
        "links": [
            {"from": x.from_path, "to": x.to_path, "kind": x.kind.value, "score": x.score}
            for x in f.links
        ],
    }


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
            "proposed_lineage": [_proposed_to_json(other, f) for other, f in d.proposed],
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


Piece = tuple[str, str]
"""``(style, text)``: style ``""`` (plain), ``code``, ``bold``, ``em``, ``-`` (deleted) or
``+`` (inserted)."""
Block = tuple[str, list[Piece]]
"""``(kind, pieces)``: kind ``h2``, ``h3``, ``p``, ``lead`` (a paragraph introducing the
list that follows it), ``li`` or ``li2`` (a nested item)."""


def review_blocks(r: ReviewResult, limit: int = 12) -> list[Block]:
    """The review as headings, paragraphs and list items: one structure for every text
    format (Markdown for a pull request, styled or marked-up text for a terminal)."""
    out: list[Block] = [
        ("h2", [("", "polydiff review "), ("code", f"{r.base[:10]}..{r.head[:10]}")])
    ]
    if r.empty:
        return [*out, ("p", [("", "No policy documents or lineage changed in this range.")])]
    out += _verdict(r)
    for d in r.documents:
        out += _document_blocks(r, d, limit)
    if r.lineage_changed:
        out.append(("h3", [("", "lineage")]))
        files_changed: list[Piece] = [("", "Files changed: ")]
        for k, n in enumerate(r.lineage_changed):
            files_changed += [("", ", ")] if k else []
            files_changed.append(("code", n))
        out.append(("lead", files_changed))
        for x in r.link_reviews:
            when = f"{x.commit}, {x.date}" if x.date else x.commit
            item: list[Piece] = [
                ("code", x.file),
                ("", " "),
                ("code", x.link.from_path),
                ("", " → "),
                ("code", x.link.to_path),
                ("", f": {x.before} → "),
                ("bold", x.link.status.value),
                ("", f" by {x.author} ({when})"),
            ]
            if x.link.note:
                item.append(("", f": {x.link.note}"))
            out.append(("li", item))
    return out


def _document_blocks(r: ReviewResult, d: DocReview, limit: int) -> list[Block]:
    title = d.meta.display_title("zh") if d.meta else ""
    out: list[Block] = [("h3", [("", f"{d.status}: "), ("code", d.doc), ("", f" {title}")])]
    if d.meta and d.status is DocChange.ADDED:
        m = d.meta
        line = (
            f"{m.number or 'no number'} · {m.date or 'no date'} · {m.issuer or 'no issuer'} · "
            f"{m.completeness.value} · relations: "
        )
        pieces: list[Piece] = [("", line)]
        for k, rel in enumerate(m.relations):
            pieces += [("", ", ")] if k else []
            pieces += [("", f"{rel.type.value} "), ("code", rel.doc)]
        out.append(("p", pieces if m.relations else [("", line + "none declared")]))
    for lang, kind_counts in d.structure.items():
        counts = ", ".join(f"{n} {k}" for k, n in sorted(kind_counts.items()))
        out.append(("li", [("", f"structure ({lang}): {counts}")]))
    out += [("li", [("", f"not recognised: {w}")]) for w in d.parse_warnings]
    if any(d.mismatch):
        only_zh, only_en = (", ".join(x) or "-" for x in d.mismatch)
        out.append(("li", [("", f"zh/en: only in zh {only_zh}; only in en {only_en}")]))
    out += [("li", [("bold", "error"), ("", f": {e}")]) for e in d.errors]
    for lang, cmp in d.diffs.items():
        counts = ", ".join(f"{n} {k}" for k, n in cmp.summary.items() if n and k != "unchanged")
        out.append(("li", [("", f"clause diff ({lang}): {counts or 'no clause changes'}")]))
        changed = [link for link in cmp.links if link.changed]
        for link in changed[:limit]:
            head: list[Piece] = [("code", link_title(link)), ("", " "), ("bold", link.kind.value)]
            head.append(("", f" {similarity_text(link.similarity)}: "))
            out.append(("li2", head + list(trim_context(link.ops, _CONTEXT))))
        if len(changed) > limit:
            cmd = f"polydiff diff {d.doc}@{r.base[:10]} {d.doc}@{r.head[:10]}"
            out.append(
                ("li2", [("", f"… {len(changed) - limit} more ("), ("code", cmd), ("", ")")])
            )
    for other, f in d.proposed:
        item: list[Piece] = [("", "proposed lineage with "), ("code", other)]
        item.append(("", f" ({f.relation}{', by headings' if f.basis == 'headings' else ''}): "))
        for k, x in enumerate(f.links[:5]):
            item += [("", "; ")] if k else []
            item += [("code", x.from_path), ("", " → "), ("code", x.to_path)]
            item.append(("", f" {x.kind.value} {x.score:.2f}"))
        if len(f.links) > 5:
            item.append(("", f" … ({len(f.links)} in all)"))
        out.append(("li", item))
    out += [("li", [("", f"lineage: {e}")]) for e in d.lineage_effects]
    return out


def _verdict(r: ReviewResult) -> list[Block]:
    out: list[Block] = []
    if r.findings:
        out.append(("lead", [("bold", f"{len(r.findings)} finding(s) need a person:")]))
        out += [("li", [("", x)]) for x in r.findings]
    if r.warnings:
        out.append(("lead", [("bold", f"{len(r.warnings)} warning(s):")]))
        out += [("li", [("", x)]) for x in r.warnings]
    return out or [("p", [("", "No findings.")])]


_MD_WRAP = {"code": ("`", "`"), "bold": ("**", "**"), "em": ("_", "_")}


def review_markdown(r: ReviewResult, limit: int = 12) -> str:
    """Markdown for a pull-request comment (deletions and insertions as <del>/<ins>)."""
    prefix = {"h2": "## ", "h3": "### ", "p": "", "lead": "", "li": "- ", "li2": "  - "}
    lines: list[str] = []
    for kind, pieces in review_blocks(r, limit):
        if kind in ("h2", "h3", "p", "lead") and lines and lines[-1] != "":
            lines.append("")
        text = "".join(_md_piece(style, t) for style, t in pieces)
        lines.append(prefix[kind] + text)
        if kind in ("h2", "h3", "p"):
            lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n\n"


def _md_piece(style: str, text: str) -> str:
    if style == "code":
        return f"`{text}`"
    if style in ("-", "+"):
        tag = "del" if style == "-" else "ins"
        return f"<{tag}>{_md_escape(text)}</{tag}>"
    before, after = _MD_WRAP.get(style, ("", ""))
    return before + _md_escape(text) + after


_TEXT_STYLE = {"code": "cyan", "bold": "bold", "em": "italic", "-": "red strike", "+": "green"}


def review_text(r: ReviewResult, markers: bool, limit: int = 12) -> Text:
    """The review for a terminal: styled (deletions red and struck through, insertions
    green) or, without colour (a pipe, NO_COLOR), with ``[-…-]{+…+}`` marks as in
    ``polydiff diff``; no Markdown syntax, no HTML tags."""
    out = Text()
    indent = {"h2": "", "h3": "", "p": "", "lead": "", "li": "- ", "li2": "    - "}
    for k, (kind, pieces) in enumerate(review_blocks(r, limit)):
        if kind in ("h2", "h3") and k:
            out.append("\n")
        out.append(indent[kind])
        for style, text in pieces:
            shown = text.replace("\n", " ")
            if markers and style in MARKERS and style != "=":
                shown = MARKERS[style][0] + shown + MARKERS[style][1]
            heading = "bold underline" if kind in ("h2", "h3") else ""
            out.append(shown, style=" ".join(x for x in (heading, _TEXT_STYLE.get(style, "")) if x))
        out.append("\n")
    return out
