"""``polydiff show DOC[@REV]``: a document's clause tree."""

from __future__ import annotations

import argparse
import sys

from polydiff.cli.common import add_format, emit_json, out_console, repo_from
from polydiff.errors import ExitCode


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "show",
        help="show a document's clause tree",
        description="Show DOC (or DOC@REV: any git revision) as a clause tree.",
    )
    p.add_argument("ref", metavar="DOC[@REV][#PATH]")
    p.add_argument(
        "--lang",
        choices=("zh", "en", "both"),
        help="language (default: the first the document has); both = side by side",
    )
    p.add_argument(
        "--path",
        help="only this clause and its descendants: a path (2.1) or a label as cited "
        "(第三条, art3, 'Article 3')",
    )
    add_format(p, ("text", "json", "yaml"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from polydiff.service.documents import show, tree_yaml

    shown = show(repo_from(args), args.ref, args.lang, args.path)
    trees, rev = shown.trees, shown.ref.rev
    if args.format == "json":
        from polydiff.report.data import tree_to_json

        data = [tree_to_json(t, rev) for t in trees]
        emit_json(
            data[0]
            if len(data) == 1
            else {
                "doc": shown.ref.doc,
                "rev": rev,
                "lang": "both",
                "languages": {t.lang: d for t, d in zip(trees, data, strict=True)},
            }
        )
    elif args.format == "yaml":
        sys.stdout.write("\n".join(tree_yaml(t) for t in trees))
    else:
        from polydiff.report.tree import print_renderable, render_side_by_side, render_tree

        console = out_console(soft_wrap=False)
        if len(trees) == 2:
            print_renderable(render_side_by_side(trees[0], trees[1], rev), console)
        else:
            print_renderable(render_tree(trees[0], rev), console)
    return ExitCode.OK
