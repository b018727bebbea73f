"""``polydiff review``: the corpus changes of a commit range or of the staged changes."""

from __future__ import annotations

import argparse
import sys

from polydiff.cli.common import add_format, emit_json, out_console, repo_from
from polydiff.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "review",
        help="review added, changed and removed documents in a range",
        description="Report every document added, changed or removed between --base and --head "
        "(default: the merge base with the main branch, and HEAD): metadata, parse "
        "summary, zh/en agreement, clause diff, proposed and broken lineage, and the "
        "lineage reviews made in the range. Exit 0 clean, 1 findings that need a "
        "person (warnings too with --strict), 2 error.",
    )
    p.add_argument("--base", help="base revision; 'empty' reviews everything at head as added")
    p.add_argument("--head", help="head revision (default HEAD)")
    p.add_argument("--staged", action="store_true", help="review the index against HEAD")
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    add_format(p, ("text", "md", "json"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from polydiff.service.review import default_range, exit_status, review

    repo = repo_from(args)
    if args.staged:
        if args.head:
            raise UsageError("--staged reviews the index: leave out --head")
        base, head = args.base or "HEAD", "index"
    elif args.base:
        base, head = args.base, args.head or "HEAD"
    else:
        base, head = default_range(repo)
        head = args.head or head
    result = review(repo, base, head)
    if args.format == "json":
        from polydiff.report.review_view import review_to_json

        emit_json(review_to_json(result))
    elif args.format == "md":
        from polydiff.report.review_view import review_markdown

        sys.stdout.write(review_markdown(result))
    else:
        from polydiff.report.review_view import review_text

        console = out_console()
        console.print(review_text(result, markers=not console.is_terminal or console.no_color))
    return exit_status(result, args.strict)
