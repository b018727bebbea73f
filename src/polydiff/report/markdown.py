"""Markdown (and HTML rendered from it) for what the CLI prints only as terminal tables:
the corpus, a clause tree, a list of revisions (the terminal UI's export)."""

from __future__ import annotations

from collections.abc import Sequence

from polydiff.model import ClauseTree, union_paths


def _escape(text: str, quote: bool = True) -> str:
    import html  # with its entity tables (~3 ms): loaded by the first export, not the UI's start

    return html.escape(text, quote=quote)


def _md(text: str) -> str:
    return _escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")


def markdown_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A GitHub Markdown table (cells escaped)."""
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return lines


def tree_markdown(trees: Sequence[ClauseTree], path: str | None, rev: str | None) -> str:
    """Clauses (all, or ``path`` and its descendants) in one language, or two side by side."""
    first = trees[0]
    where = f"{first.doc}@{rev}" if rev else first.doc
    lines = [f"### {_md(first.title or first.doc)}", "", f"`{where}` · {first.number}".strip(), ""]
    subs = [t.subtree(path) if path else t for t in trees]
    if len(subs) == 1:
        for c in subs[0].walk():
            head = " ".join(x for x in (c.label, c.heading) if x)
            lines.append(f"- `{c.path}` **{_md(head)}** {_md(c.text)}".rstrip())
        return "\n".join(lines) + "\n"
    by_lang = [{c.path: c for c in t.walk()} for t in subs]
    order = union_paths(subs)
    rows = []
    for p in order:
        cells = [p]
        for clauses in by_lang:
            found = clauses.get(p)
            parts = (found.label, found.heading, found.text) if found else ("—",)
            cells.append(" ".join(x for x in parts if x))
        rows.append(cells)
    lines += markdown_table(["path", *(t.lang for t in subs)], rows)
    return "\n".join(lines) + "\n"


_CSS = (
    'body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2em auto;'
    "max-width:72em;line-height:1.6;padding:0 1em}table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}"
    "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}"
)


def markdown_to_html(markdown: str, title: str) -> str:
    """One self-contained HTML page from Markdown (tables and inline HTML kept)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{_escape(title)}'
        f"</title><style>{_CSS}</style></head><body>\n{body}</body></html>\n"
    )
