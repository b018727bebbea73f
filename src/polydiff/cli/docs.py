"""``polydiff docs``: the documents of the repository."""

from __future__ import annotations

import argparse
from typing import Any

from polydiff.cli.common import add_format, emit_json, out_console, repo_from
from polydiff.errors import ExitCode


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "docs",
        help="list documents",
        description="List documents: id, title, date, languages, clause counts, "
        "completeness, relations.",
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="title language")
    add_format(p, ("text", "json"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from polydiff.service.documents import list_documents

    repo = repo_from(args)
    rows: list[dict[str, Any]] = [
        {
            "id": d.id,
            "title": d.meta.display_title(args.lang),
            "date": d.meta.date,
            "number": d.meta.number,
            "issuer": d.meta.issuer,
            "kind": d.meta.kind,
            "languages": list(d.meta.languages),
            "clauses": d.clauses,
            "completeness": d.meta.completeness.value,
            "relations": [{"type": r.type.value, "doc": r.doc} for r in d.meta.relations],
        }
        for d in list_documents(repo)
    ]
    if args.format == "json":
        emit_json(rows)
        return ExitCode.OK
    from rich.text import Text

    console = out_console()
    out = Text(f"{len(rows)} document(s) in {repo.root}\n", style="bold")
    width = max((len(r["id"]) for r in rows), default=0)
    for r in rows:
        facts = [
            r["date"],
            " ".join(r["languages"]),
            " / ".join(str(n) for n in r["clauses"].values()),
            r["completeness"],
            *(f"{x['type']} {x['doc']}" for x in r["relations"]),
        ]
        out.append(f"\n{r['id']:<{width}}", style="bold")
        out.append("  " + "  ".join(facts))
        title = Text(f"\n  {r['title']}", no_wrap=True, overflow="ellipsis")
        title.truncate(console.width + 1, overflow="ellipsis")  # one line: cut, not wrapped
        out.append_text(title)
    console.print(out)
    return ExitCode.OK
