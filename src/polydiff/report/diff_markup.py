"""A comparison as Markdown (fits a pull-request comment) and as one self-contained HTML
page with a side-by-side redline."""

from __future__ import annotations

import html
import re

from polydiff.model.comparison import ChangeKind, Comparison, Link
from polydiff.report.segments import (
    link_flags,
    link_measure,
    link_title,
    outline_note,
    similarity_text,
    trim_context,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>~])")


def md_escape(text: str) -> str:
    """Text safe inside Markdown (HTML-escaped, Markdown specials backslashed, line
    breaks as <br>)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", "<br>")


def _md_inline(link: Link, context: int | None) -> str:
    out = []
    for op, chunk in trim_context(link.ops, context):
        esc = md_escape(chunk)
        out.append(f"<del>{esc}</del>" if op == "-" else f"<ins>{esc}</ins>" if op == "+" else esc)
    return "".join(out)


def _kinds(cmp: Comparison) -> list[ChangeKind]:
    """The kinds a summary table shows: the outline kinds only for outline comparisons."""
    return [ChangeKind(k) for k in cmp.summary]


def _measure(cmp: Comparison) -> tuple[str, str]:
    if cmp.outline:
        placed, total = cmp.placed
        return "placed", f"{placed} of {total}"
    return "similarity", similarity_text(cmp.similarity)


def comparison_markdown(cmp: Comparison, context: int | None = None, stat: bool = False) -> str:
    """Summary table, term shifts, and each changed clause with <del>/<ins> marks."""
    lines = [f"### polydiff: `{cmp.a}` → `{cmp.b}` ({cmp.lang})", ""]
    if note := outline_note(cmp):
        lines += [f"_{md_escape(note[0].upper() + note[1:])}._", ""]
    kinds = _kinds(cmp)
    measure_name, measure = _measure(cmp)
    lines.append(
        "| " + " | ".join([*(k.label for k in kinds), "moved", "renumbered", measure_name]) + " |"
    )
    lines.append("|" + "---:|" * (len(kinds) + 3))
    values = [str(cmp.summary[k.value]) for k in kinds]
    values += [str(cmp.flags["moved"]), str(cmp.flags["renumbered"]), measure]
    lines.append("| " + " | ".join(values) + " |")
    if cmp.term_shifts:
        lines += ["", "**Term shifts**", "", "| from | to | count |", "|---|---|---:|"]
        lines += [
            f"| {md_escape(t.old)} | {md_escape(t.new)} | {t.count} |" for t in cmp.term_shifts
        ]
    if not stat:
        for link in cmp.links:
            if not link.changed:
                continue
            head = f"`{link_title(link)}` · **{link.kind.label}**"
            if measure := link_measure(link):
                head += f" · {md_escape(measure)}"
            head += "".join(f" · _{flag}_" for flag in link_flags(link))
            lines += ["", head, "", _md_inline(link, context) or "_(no text)_"]
    if not cmp.links:
        lines += ["", "No clauses to show."]
    elif cmp.same:
        lines += ["", "No changes."]
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:2em auto;max-width:72em;line-height:1.6;color:#222;padding:0 1em}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;
vertical-align:top}th{background:#f4f4f4}.redline td{width:50%}del{background:#fdd;color:#900}
ins{background:#dfd;color:#060;text-decoration:none}.kind{font-weight:bold}.meta{color:#666}
h2{font-size:1.05em;margin:1.6em 0 .2em}.unchanged{color:#888}
"""


def _side_html(link: Link, keep: str, context: int | None) -> str:
    out = []
    for op, chunk in trim_context(link.ops, context):
        esc = html.escape(chunk).replace("\n", "<br>")
        if op == "=":
            out.append(esc)
        elif op == keep:
            out.append(f"<del>{esc}</del>" if op == "-" else f"<ins>{esc}</ins>")
    return "".join(out)


def comparison_html(cmp: Comparison, context: int | None = None, stat: bool = False) -> str:
    """One self-contained page: summary, term shifts, side-by-side redline per clause."""
    e = html.escape
    kinds = _kinds(cmp)
    measure_name, measure = _measure(cmp)
    note = outline_note(cmp)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(cmp.lang)}"><head><meta charset="utf-8">',
        f"<title>polydiff: {e(cmp.a)} → {e(cmp.b)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(cmp.a)} → {e(cmp.b)} <span class='meta'>({e(cmp.lang)})</span></h1>",
        f"<p class='meta'>{e(note[0].upper() + note[1:])}.</p>" if note else "",
        "<table><tr>"
        + "".join(
            f"<th>{e(k)}</th>"
            for k in [*(k.label for k in kinds), "moved", "renumbered", measure_name]
        )
        + "</tr><tr>"
        + "".join(f"<td>{cmp.summary[k.value]}</td>" for k in kinds)
        + f"<td>{cmp.flags['moved']}</td><td>{cmp.flags['renumbered']}</td>"
        + f"<td>{e(measure)}</td></tr></table>",
    ]
    if cmp.term_shifts:
        parts.append("<h2>Term shifts</h2><table><tr><th>from</th><th>to</th><th>count</th></tr>")
        parts += [
            f"<tr><td><del>{e(t.old)}</del></td><td><ins>{e(t.new)}</ins></td><td>{t.count}</td></tr>"
            for t in cmp.term_shifts
        ]
        parts.append("</table>")
    if not stat:
        parts.append(f"<table class='redline'><tr><th>{e(cmp.a)}</th><th>{e(cmp.b)}</th></tr>")
        for link in cmp.links:
            if not link.changed:
                continue
            flags = "".join(f" · {f}" for f in link_flags(link))
            measure = link_measure(link)
            sim = f" · {measure}" if measure else ""
            parts.append(
                f"<tr><td colspan='2'><span class='kind'>{e(link_title(link))}</span> "
                f"<span class='meta'>{e(link.kind.label)}{e(sim)}{e(flags)}</span></td></tr>"
            )
            parts.append(
                f"<tr><td>{_side_html(link, '-', context)}</td>"
                f"<td>{_side_html(link, '+', context)}</td></tr>"
            )
        parts.append("</table>")
    if not cmp.links:
        parts.append("<p>No clauses to show.</p>")
    elif cmp.same:
        parts.append("<p>No changes.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
