"""``polydiff tui [DOC [DOC]]`` (and ``polydiff`` alone on a terminal): the terminal UI."""

from __future__ import annotations

import argparse

from polydiff.cli.common import repo_from
from polydiff.errors import ExitCode


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "tui",
        help="browse the corpus in a terminal UI",
        description="Open the terminal UI on the corpus; with DOC[@REV][#PATH] at that "
        "document (and clause); with two documents or revisions, at their comparison. "
        "Press ? in the UI for every key.",
    )
    p.add_argument("docs", nargs="*", metavar="DOC", help="a document, or two to compare")
    p.add_argument("--lang", choices=("zh", "en", "both"), default="zh", help="default: zh")
    p.add_argument("--theme", choices=("dark", "light"), default="dark", help="default: dark")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from polydiff.service.exporting import default_folder
    from polydiff.tui.app import make_app  # textual is imported only here

    repo = repo_from(args)
    app = make_app(repo, args.docs, args.lang, args.theme, default_folder(repo.root))
    app.run()
    return ExitCode.OK
