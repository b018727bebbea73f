"""``polydiff log DOC[#PATH]`` and ``polydiff blame DOC``: clause history from git."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from polydiff.cli.common import add_format, emit_json, out_console, repo_from
from polydiff.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from polydiff.service.history import LogEntry


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    lg = sub.add_parser(
        "log",
        help="commits that changed a document or a clause",
        description="Every commit that changed DOC (or the clause DOC#PATH), newest "
        "first, up to REV (DOC@REV; default HEAD), with date, author, message and the "
        "wording diff; the clause is followed through renumbering and moves.",
    )
    lg.add_argument("ref", metavar="DOC[@REV][#PATH]")
    lg.add_argument("--lang", choices=("zh", "en"))
    lg.add_argument("--context", type=int, default=30, help="unchanged characters around changes")
    add_format(lg, ("text", "json"))
    lg.set_defaults(func=run_log)
    bl = sub.add_parser(
        "blame",
        help="the commit that last changed each clause",
        description="For each clause of DOC (at REV, default HEAD), the commit that last "
        "changed its wording.",
    )
    bl.add_argument("doc", metavar="DOC[@REV]")
    bl.add_argument("--lang", choices=("zh", "en"))
    add_format(bl, ("text", "json"))
    bl.set_defaults(func=run_blame)


def _entry_to_json(e: LogEntry) -> dict[str, Any]:
    """One commit of ``log --format json``."""
    return {
        "commit": e.revision.sha,
        "date": e.revision.date,
        "author": e.revision.author,
        "message": e.revision.message,
        "path": e.path,
        "previous_path": e.previous_path,
        "change": e.change,
        "links": [
            {
                "kind": x.kind.value,
                "a": list(x.a),
                "b": list(x.b),
                "ops": [[o, t] for o, t in x.ops],
            }
            for x in e.links
        ],
    }


def run_log(args: argparse.Namespace) -> int:
    from polydiff.model import ClauseRef
    from polydiff.service.history import clause_log

    try:
        ref = ClauseRef.parse(args.ref)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    repo = repo_from(args)
    entries = clause_log(repo, ref.doc, ref.path, args.lang, ref.rev or "HEAD")
    if args.format == "json":
        emit_json([_entry_to_json(e) for e in entries])
        return ExitCode.OK
    from rich.padding import Padding
    from rich.text import Text

    from polydiff.report.diff_text import inline_diff
    from polydiff.report.segments import link_title

    console = out_console()
    markers = not console.is_terminal or console.no_color
    for e in entries:
        head = Text()
        head.append(e.revision.short, style="yellow")
        head.append(f"  {e.revision.date[:10]}  {e.revision.author}  ")
        head.append(e.revision.message, style="bold")
        console.print(head)
        where = f"{e.path}" + (
            f" (was {e.previous_path})" if e.previous_path and e.previous_path != e.path else ""
        )
        if e.path:
            console.print(Text(f"  {where}: {e.change}", style="cyan"))
        for link in e.links:
            if e.path is None:
                console.print(Text(f"  {link_title(link)}: {link.kind.value}", style="cyan"))
            if link.ops and link.kind.value != "unchanged":
                console.print(
                    Padding(inline_diff(link, args.context, markers), (0, 0, 0, 4), expand=False)
                )
        console.print()
    return ExitCode.OK


def run_blame(args: argparse.Namespace) -> int:
    from polydiff.model import ClauseRef
    from polydiff.service.history import blame

    try:
        ref = ClauseRef.parse(args.doc)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if ref.path:
        raise UsageError(f"{args.doc}: blame takes a whole document (DOC or DOC@REV)")
    repo = repo_from(args)
    lines = blame(repo, ref.doc, args.lang, ref.rev or "HEAD")
    if args.format == "json":
        rows: list[dict[str, Any]] = [
            {
                "path": x.path,
                "commit": x.revision.sha,
                "date": x.revision.date,
                "author": x.revision.author,
                "message": x.revision.message,
            }
            for x in lines
        ]
        emit_json(rows)
        return ExitCode.OK
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", box=None)
    for col in ("path", "commit", "date", "author", "clause"):
        table.add_column(col, no_wrap=col != "clause", overflow="ellipsis")
    for x in lines:
        table.add_row(
            x.path,
            x.revision.short,
            x.revision.date[:10],
            x.revision.author,
            (x.heading or x.text)[:60],
        )
    out_console().print(table)
    return ExitCode.OK
