"""``polydiff sources FILE|-``: where the passages of a text came from, in the corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from polydiff.cli.common import add_format, emit_json, out_console, repo_from
from polydiff.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from polydiff.model.sources import SourcesReport


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "sources",
        help="where the passages of a text came from",
        description="Split a text (a file, a web page, Word or PDF file, '-' for standard "
        "input, or --text) into passages and list, for each, the corpus clauses it quotes, "
        "paraphrases or summarises, earliest source first, with the wording diff. Nothing "
        "is imported or written to the repository (the corpus index is cached in .polydiff/, "
        "which git ignores). Exit status: 0 sources found, 1 none, 2 error.",
    )
    p.add_argument("file", metavar="FILE", nargs="?", help="the text; '-' reads standard input")
    p.add_argument("--text", help="the text itself, instead of FILE")
    p.add_argument("--lang", choices=("zh", "en"), help="default: read off the text")
    p.add_argument(
        "--min-score",
        type=float,
        default=0.0,
        metavar="S",
        help="list only sources whose matched share of the source clause is S or more (0–1)",
    )
    p.add_argument(
        "--top",
        type=int,
        default=10,
        metavar="N",
        help="sources per passage (default 10, the best by score)",
    )
    p.add_argument(
        "--loose",
        action="store_true",
        help="ask less evidence of a paraphrase (as of a text that says it interprets the "
        "corpus): more found, a few wrong",
    )
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="DOC",
        help="leave this document out (repeatable), e.g. the text itself when it is imported",
    )
    p.add_argument(
        "--context",
        type=int,
        default=30,
        help="characters shown around reused passages (default 30)",
    )
    add_format(p, ("text", "md", "json", "html"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from polydiff.service.sources import SourcesQuery, find_sources, read_file_text, read_text

    if (args.file is None) == (args.text is None):
        raise UsageError("give one of FILE, '-' (standard input) or --text")
    if args.context < 0:
        raise UsageError("--context must be 0 or more")
    if not 0.0 <= args.min_score <= 1.0:
        raise UsageError("--min-score must be between 0 and 1")
    if args.text is not None:
        text, name = args.text, "--text"
    elif args.file == "-":
        text, name = read_text(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"
    else:
        text, name = read_file_text(Path(args.file)), Path(args.file).name
    query = SourcesQuery(
        text, name, args.lang, args.min_score, args.top, args.loose, tuple(args.exclude)
    )
    report = find_sources(repo_from(args), query)
    _print(report, args)
    return ExitCode.OK if report.found else ExitCode.FINDINGS


def _print(report: SourcesReport, args: argparse.Namespace) -> None:
    if args.format == "json":
        from polydiff.report.sources_data import sources_to_json

        emit_json(sources_to_json(report))
        return
    from polydiff.report import sources_view

    if args.format == "md":
        sys.stdout.write(sources_view.sources_markdown(report, args.context))
    elif args.format == "html":
        from polydiff.report.markdown import markdown_to_html

        md = sources_view.sources_markdown(report, args.context)
        sys.stdout.write(markdown_to_html(md, f"Sources of {report.name}"))
    else:
        console = out_console()
        markers = not console.is_terminal or console.no_color
        console.print(sources_view.render_sources(report, args.context, markers))
