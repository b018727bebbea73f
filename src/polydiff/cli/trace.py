"""``polydiff trace DOC#PATH``: where a clause came from and what became of it."""

from __future__ import annotations

import argparse
import sys

from polydiff.cli.common import add_format, emit_json, out_console, repo_from
from polydiff.errors import ExitCode


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "trace",
        help="a clause's ancestors and descendants",
        description="The lineage of one clause: the chain of links back to its "
        "earliest ancestor and forward to every later document that "
        "carries, rewords, quotes or paraphrases it.",
    )
    p.add_argument("ref", metavar="DOC#PATH")
    p.add_argument("--depth", type=int, default=10, help="hops to follow each way (default 10)")
    p.add_argument("--lang", choices=("zh", "en"), help="show the texts in this language")
    p.add_argument(
        "--context",
        type=int,
        default=30,
        help="characters shown around matched passages (default 30)",
    )
    p.add_argument("--all", action="store_true", help="include rejected links")
    add_format(p, ("text", "md", "json", "mermaid", "dot"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from polydiff.service.lineage import trace

    t = trace(repo_from(args), args.ref, args.depth, args.lang, args.all)
    if args.format == "json":
        from polydiff.report.lineage_data import trace_to_json

        emit_json(trace_to_json(t))
        return ExitCode.OK
    from polydiff.report import lineage_view

    if args.format == "md":
        sys.stdout.write(lineage_view.trace_markdown(t, args.context))
    elif args.format == "mermaid":
        sys.stdout.write(lineage_view.trace_mermaid(t))
    elif args.format == "dot":
        sys.stdout.write(lineage_view.trace_dot(t))
    else:
        console = out_console()
        markers = not console.is_terminal or console.no_color
        console.print(lineage_view.render_trace(t, args.context, markers))
    return ExitCode.OK
