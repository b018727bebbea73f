"""``polydiff docs``: the documents of the repository."""

from __future__ import annotations

import argparse
from typing import Any

from polydiff.cli.common import add_format, emit_json, repo_from
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
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(rows)} document(s) in {repo.root}", title_justify="left")
    table.add_column("document", ratio=3, overflow="fold")
    table.add_column("date", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("clauses", no_wrap=True, justify="right")
    table.add_column("text", no_wrap=True)
    table.add_column("relations", ratio=1, overflow="fold")
    for r in rows:
        cell = Text(r["id"], style="bold")
        cell.append("\n" + r["title"])
        table.add_row(
            cell,
            r["date"],
            " ".join(r["languages"]),
            " / ".join(str(n) for n in r["clauses"].values()),
            r["completeness"],
            "\n".join(f"{x['type']} {x['doc']}" for x in r["relations"]),
        )
    Console().print(table)
    return ExitCode.OK
