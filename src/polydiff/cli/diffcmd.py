"""``polydiff diff A B``: clause-level comparison of two documents, revisions or files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from polydiff.cli.common import add_format, emit_json, out_console, repo_from, stderr_progress
from polydiff.errors import ExitCode, StoreError, UsageError
from polydiff.model.comparison import ChangeKind
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from polydiff.model.comparison import Comparison


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "diff",
        help="compare two documents clause by clause",
        description="Compare A and B clause by clause: which clause became which (unchanged, "
        "reworded, split, merged, new, dropped; moved, renumbered) and how the "
        "wording changed. A and B are document ids, DOC@REV (any git revision), or "
        "files (raw text is parsed; clause-tree YAML is loaded). Exit status: 0 no "
        "differences, 1 differences, 2 error.",
    )
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--lang", choices=("zh", "en"), help="default: the first language both have")
    add_format(p, ("text", "md", "html", "json", "docx", "xlsx"))
    p.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write to FILE instead of stdout (needed for docx and xlsx: the 新旧对照表)",
    )
    kinds = ",".join(k.value for k in ChangeKind)
    p.add_argument("--kinds", help=f"only these kinds, comma-separated ({kinds})")
    p.add_argument("--path", help="only clauses at or under this path (either side), e.g. 2.1")
    p.add_argument(
        "--context",
        type=int,
        metavar="N",
        help="shorten unchanged text to N characters around each change",
    )
    p.add_argument("--stat", action="store_true", help="summary and term shifts only")
    p.add_argument(
        "--strict",
        action="store_true",
        help="count presentation-only differences (width, quotes, spacing) as changes",
    )
    p.add_argument(
        "--fold-variants",
        action="store_true",
        help="treat traditional and simplified characters as the same (needs OpenCC)",
    )
    p.add_argument(
        "--all", action="store_true", help="text, docx, xlsx: show unchanged clauses too"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from polydiff.service.compare import CompareOptions, compare_documents, parse_kinds

    if args.context is not None and args.context < 0:
        raise UsageError("--context must be 0 or more")
    if args.output is not None or args.format in ("docx", "xlsx"):
        from polydiff.cli.diff_output import output_format

        fmt = output_format(args)
    options = CompareOptions(
        lang=args.lang,
        strict=args.strict,
        fold_variants=args.fold_variants,
        kinds=parse_kinds(args.kinds) if args.kinds else None,
        path=args.path,
    )
    try:
        repo = repo_from(args)
    except StoreError:
        repo = None  # two files can be compared outside a repository
    with stderr_progress("aligning") as progress:
        done = compare_documents(repo, args.a, args.b, options, progress)
    cmp = done.comparison
    if args.output is not None:
        from polydiff.cli.diff_output import write_output
        from polydiff.report.contrast import Side

        side_a, side_b = (Side.of(x.name, x.tree, x.meta) for x in (done.a, done.b))
        write_output(cmp, fmt, args.output, side_a, side_b, args)
    else:
        _print(cmp, args)
    return ExitCode.OK if cmp.same else ExitCode.FINDINGS


def _print(cmp: Comparison, args: argparse.Namespace) -> None:
    if args.format == "json":
        from polydiff.report.data import comparison_to_json

        emit_json(comparison_to_json(cmp))
    elif args.format == "md":
        from polydiff.report.diff_markup import comparison_markdown

        sys.stdout.write(comparison_markdown(cmp, args.context, args.stat))
    elif args.format == "html":
        from polydiff.report.diff_markup import comparison_html

        sys.stdout.write(comparison_html(cmp, args.context, args.stat))
    else:
        from polydiff.report.diff_text import render_comparison

        console = out_console()
        markers = not console.is_terminal or console.no_color
        console.print(render_comparison(cmp, args.context, args.stat, args.all, markers))
