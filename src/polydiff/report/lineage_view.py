"""A clause's lineage for people: rich text, Markdown, Mermaid and Graphviz DOT."""

from __future__ import annotations

import html

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from polydiff.model.lineage import Span, Trace, TracedHop
from polydiff.normalize import normalize
from polydiff.report.diff_text import MARKERS, OP_STYLE

STATUS_STYLE = {"proposed": "yellow", "confirmed": "green", "rejected": "red"}


def excerpt(text: str, ranges: list[tuple[int, int]], context: int) -> list[tuple[str, bool]]:
    """Pieces of ``text``: (piece, highlighted), with long unmatched stretches shortened."""
    if not ranges:
        return [(text if len(text) <= 4 * context else text[: 4 * context] + " …", False)]
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in sorted(ranges):
        if start < pos:
            continue
        gap = text[pos:start]
        if len(gap) > 2 * context + 3:
            gap = (gap[:context] if pos else "") + " … " + gap[len(gap) - context :]
        pieces.append((gap, False))
        pieces.append((text[start:end], True))
        pos = end
    tail = text[pos:]
    if len(tail) > context + 3 and ranges:
        tail = tail[:context] + " …"
    pieces.append((tail, False))
    return [p for p in pieces if p[0]]


def _spans(hop: TracedHop, side: str) -> list[tuple[int, int]]:
    spans: tuple[Span, ...] = hop.hop.link.spans if hop.spans_valid else ()
    return [(s.from_start, s.from_end) if side == "from" else (s.to_start, s.to_end) for s in spans]


def _hop_text(hop: TracedHop, context: int, markers: bool) -> RenderableType:
    h, link = hop.hop, hop.hop.link
    head = Text()
    head.append(f"{'  ' * (h.depth - 1)}{h.from_ref} → {h.to_ref}", style="bold")
    head.append(f"  {link.kind.value} {link.score:.2f}  ")
    head.append(link.status.value, style=STATUS_STYLE[link.status.value])
    head.append(f"  ({h.relation}{', by headings' if h.basis == 'headings' else ''})", style="dim")
    if link.note:
        head.append(f"  note: {link.note}", style="italic")
    if link.unplaced:
        head.append(f"  unplaced: {link.unplaced}", style="red")
    body = Text()
    if hop.ops:
        for op, chunk in hop.ops:
            if markers and op != "=":
                body.append(MARKERS[op][0] + chunk + MARKERS[op][1], style=OP_STYLE[op])
            else:
                body.append(chunk, style=OP_STYLE[op])
    else:
        for side, clause in (("from", hop.from_clause), ("to", hop.to_clause)):
            label = h.from_ref if side == "from" else h.to_ref
            body.append(f"{label}: ", style="dim")
            if clause is None:
                body.append("(not in this language or no longer in the document)\n", style="italic")
                continue
            for piece, marked in excerpt(clause.content, _spans(hop, side), context):
                shown = f"«{piece}»" if marked and markers else piece
                body.append(shown.replace("\n", " — "), style="bold magenta" if marked else "")
            body.append("\n")
        _foreign_spans(hop, body, markers)
    body.rstrip()
    return Group(head, Padding(body, (0, 0, 0, 2 * h.depth), expand=False))


def _foreign_spans(hop: TracedHop, body: Text, markers: bool) -> None:
    """The matched spans in the language they were found in, when the hop is shown in
    another (offsets are into that language's text): ``zh 0–38 «把人工智能…» → 88–126``."""
    if hop.spans_valid or hop.span_from is None or hop.span_to is None:
        return
    a, b = hop.span_from.content, hop.span_to.content
    for s in hop.hop.link.spans:
        body.append(f"{hop.span_lang} {s.from_start}–{s.from_end} ", style="dim")
        piece = a[s.from_start : s.from_end].replace("\n", " ")
        body.append(f"«{piece}»" if markers else piece, style="bold magenta")
        body.append(f" → {s.to_start}–{s.to_end}", style="dim")
        other = b[s.to_start : s.to_end].replace("\n", " ")
        if normalize(other) != normalize(piece):
            body.append(" ")
            body.append(f"«{other}»" if markers else other, style="bold magenta")
        body.append("\n")


def render_trace(t: Trace, context: int = 30, markers: bool = False) -> RenderableType:
    """The traced clause, its ancestors and its descendants."""
    title = Text()
    title.append(f"{t.doc}#{t.path}", style="bold underline")
    title.append(f" ({t.lang})  ", style="dim")
    title.append(t.clause.heading, style="bold")
    parts: list[RenderableType] = [
        title,
        Text(t.clause.text[:200] + ("…" if len(t.clause.text) > 200 else "")),
    ]
    for name, hops in (("ancestors", t.ancestors), ("descendants", t.descendants)):
        parts.append(Text(f"\n{name}: {len(hops) or 'none'}", style="bold"))
        parts.extend(_hop_text(h, context, markers) for h in hops)
    return Group(*parts)


def trace_markdown(t: Trace, context: int = 30) -> str:
    """The trace as Markdown (quoted spans in <mark>, wording changes in <del>/<ins>)."""
    e = html.escape
    lines = [f"### `{t.doc}#{t.path}` {e(t.clause.heading)}", "", e(t.clause.text), ""]
    for name, hops in (("Ancestors", t.ancestors), ("Descendants", t.descendants)):
        lines.append(f"**{name}**: {len(hops) or 'none'}")
        lines.append("")
        for hop in hops:
            h, link = hop.hop, hop.hop.link
            lines.append(
                f"- `{h.from_ref}` → `{h.to_ref}` · **{link.kind.value}** {link.score:.2f} · "
                f"{link.status.value} · {h.relation}"
            )
            if hop.ops:
                text = "".join(
                    f"<del>{e(c)}</del>"
                    if op == "-"
                    else f"<ins>{e(c)}</ins>"
                    if op == "+"
                    else e(c)
                    for op, c in hop.ops
                )
                lines.append(f"  - {text.replace(chr(10), '<br>')}")
            else:
                for side, clause in (("from", hop.from_clause), ("to", hop.to_clause)):
                    if clause is None:
                        continue
                    text = "".join(
                        f"<mark>{e(p)}</mark>" if m else e(p)
                        for p, m in excerpt(clause.content, _spans(hop, side), context)
                    )
                    lines.append(f"  - {text.replace(chr(10), ' ')}")
        lines.append("")
    return "\n".join(lines)


def _label(ref: str, heading: str) -> str:
    return ref + (f"\\n{heading}" if heading else "")


def _nodes_and_edges(t: Trace) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    nodes: dict[str, str] = {f"{t.doc}#{t.path}": t.clause.heading}
    edges = []
    for hop in (*t.ancestors, *t.descendants):
        h = hop.hop
        nodes.setdefault(h.from_ref, hop.from_clause.heading if hop.from_clause else "")
        nodes.setdefault(h.to_ref, hop.to_clause.heading if hop.to_clause else "")
        edges.append(
            (
                h.from_ref,
                h.to_ref,
                f"{h.link.kind.value} {h.link.score:.2f}"
                + ("" if h.link.status.value == "proposed" else f" ({h.link.status.value})"),
            )
        )
    return nodes, edges


def trace_mermaid(t: Trace) -> str:
    """A Mermaid flowchart of the lineage."""
    nodes, edges = _nodes_and_edges(t)
    ids = {ref: f"n{k}" for k, ref in enumerate(nodes)}
    lines = ["graph LR"]
    for ref, heading in nodes.items():
        label = ref + (f"<br/>{heading}" if heading else "")
        lines.append(f'  {ids[ref]}["{label.replace(chr(34), "#quot;")}"]')
    for a, b, label in edges:
        lines.append(f"  {ids[a]} -->|{label}| {ids[b]}")
    lines.append(f"  style {ids[f'{t.doc}#{t.path}']} stroke-width:3px")
    return "\n".join(lines) + "\n"


def trace_dot(t: Trace) -> str:
    """A Graphviz digraph of the lineage."""
    nodes, edges = _nodes_and_edges(t)

    def q(s: str) -> str:  # "\n" in labels is DOT's line break: only quotes are escaped
        return '"' + s.replace('"', '\\"') + '"'

    lines = [
        "digraph lineage {",
        "  rankdir=LR;",
        '  node [shape=box, fontname="Noto Sans CJK SC"];',
    ]
    for ref, heading in nodes.items():
        bold = ", penwidth=3" if ref == f"{t.doc}#{t.path}" else ""
        lines.append(f"  {q(ref)} [label={q(_label(ref, heading))}{bold}];")
    for a, b, label in edges:
        lines.append(f"  {q(a)} -> {q(b)} [label={q(label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
