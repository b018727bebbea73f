"""The sources of a text for people (rich text, Markdown, HTML) and programs (JSON)."""

from __future__ import annotations

import html

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from polydiff.model.sources import PassageSources, SourceMatch, SourcesReport
from polydiff.report.diff_text import MARKERS, OP_STYLE
from polydiff.report.lineage_view import excerpt
from polydiff.report.sources_data import summary_text

OTHER_CHARS = 160
"""Characters of the source's other-language text shown."""


def _ranges(p: PassageSources, m: SourceMatch | None = None) -> list[tuple[int, int]]:
    matches = (m,) if m is not None else p.sources
    return sorted({(s.to_start, s.to_end) for x in matches for s in x.spans})


def _short(text: str, n: int) -> str:
    text = text.replace("\n", " — ")
    return text if len(text) <= n else text[: n - 1] + "…"


def render_sources(r: SourcesReport, context: int = 30, markers: bool = False) -> RenderableType:
    """The summary, the documents the text draws on, and each passage with its sources."""
    parts: list[RenderableType] = [
        Text.assemble((r.name, "bold underline"), (f" ({r.lang})", "dim")),
        Text(summary_text(r)),
    ]
    if r.by_doc:
        table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
        for col in ("document", "date", "chars", "links", "title"):
            table.add_column(col, no_wrap=col != "title", overflow="ellipsis")
        for d in r.by_doc:
            table.add_row(d.doc, d.date, f"{d.chars:,}", str(d.links), d.title)
        parts += [Text(""), table]
    for p in r.passages:
        if p.sources:
            parts.append(_passage(p, context, markers))
    return Group(*parts)


def _passage(p: PassageSources, context: int, markers: bool) -> RenderableType:
    head = Text()
    head.append(f"\n{p.path}", style="bold")
    head.append(f"  {p.reused} of {len(p.text)} characters reused", style="dim")
    body = Text()
    for piece, marked in excerpt(p.text, _ranges(p), context):
        shown = f"«{piece}»" if marked and markers else piece
        body.append(shown.replace("\n", " — "), style="bold magenta" if marked else "")
    rows: list[RenderableType] = [head, Padding(body, (0, 0, 0, 2))]
    for m in p.sources:
        line = Text("← ", style="dim")
        line.append(m.ref, style="bold")
        line.append(f"  {m.kind.value} {m.score:.2f}  {m.date}", style="")
        diff = Text()
        for op, chunk in m.ops:
            chunk = chunk.replace("\n", " — ")
            if markers and op != "=":
                diff.append(MARKERS[op][0] + chunk + MARKERS[op][1], style=OP_STYLE[op])
            else:
                diff.append(chunk, style=OP_STYLE[op])
        rows += [Padding(line, (0, 0, 0, 2)), Padding(diff, (0, 0, 0, 4))]
        if m.other_text:
            other = Text(f"{m.other_lang}: {_short(m.other_text, OTHER_CHARS)}", style="dim")
            rows.append(Padding(other, (0, 0, 0, 4)))
    return Group(*rows)


def sources_markdown(r: SourcesReport, context: int = 30) -> str:
    """The report as Markdown (reused spans in <mark>, wording changes in <del>/<ins>)."""
    e = html.escape
    lines = [f"### Sources of `{e(r.name)}` ({r.lang})", "", e(summary_text(r)), ""]
    if r.by_doc:
        lines += ["| document | date | chars | links | title |", "|---|---|---|---|---|"]
        lines += [
            f"| `{d.doc}` | {d.date} | {d.chars:,} | {d.links} | {e(d.title)} |" for d in r.by_doc
        ]
        lines.append("")
    for p in r.passages:
        if not p.sources:
            continue
        text = "".join(
            f"<mark>{e(piece)}</mark>" if marked else e(piece)
            for piece, marked in excerpt(p.text, _ranges(p), context)
        )
        lines += [f"**`{p.path}`** ({p.reused} of {len(p.text)} characters reused)", ""]
        lines += [f"> {text.replace(chr(10), ' — ')}", ""]
        for m in p.sources:
            diff = "".join(
                f"<del>{e(c)}</del>" if op == "-" else f"<ins>{e(c)}</ins>" if op == "+" else e(c)
                for op, c in m.ops
            ).replace("\n", " — ")
            lines.append(f"- ← `{m.ref}` **{m.kind.value}** {m.score:.2f} · {m.date}: {diff}")
            if m.other_text:
                lines.append(f"  - {m.other_lang}: {e(_short(m.other_text, OTHER_CHARS))}")
        lines.append("")
    return "\n".join(lines)
