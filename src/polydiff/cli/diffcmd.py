"""``polydiff diff A B``: clause-level comparison of two documents, revisions or files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from polydiff.cli.common import add_format, emit_json, repo_from, stderr_progress
from polydiff.cli.diff_output import output_format, write_output
from polydiff.errors import ExitCode, StoreError, UsageError

KINDS = ("unchanged", "reworded", "split", "merged", "new", "dropped")


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
    p.add_argument("--kinds", help=f"only these kinds, comma-separated ({','.join(KINDS)})")
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
    from polydiff.align import AlignOptions, align
    from polydiff.report.contrast import Side
    from polydiff.store.inputs import common_language, open_input

    kinds = None
    if args.kinds:
        kinds = {k.strip() for k in args.kinds.split(",") if k.strip()}
        unknown = kinds - set(KINDS)
        if unknown:
            raise UsageError(
                f"--kinds: unknown kind(s) {', '.join(sorted(unknown))} (one of {', '.join(KINDS)})"
            )
    if args.context is not None and args.context < 0:
        raise UsageError("--context must be 0 or more")
    fmt = output_format(args)
    try:
        repo = repo_from(args)
    except StoreError:
        repo = None  # two files can be compared outside a repository
    a = open_input(args.a, repo)
    b = open_input(args.b, repo)
    lang = common_language(a, b, args.lang)
    tree_a, tree_b = a.tree(repo, lang), b.tree(repo, lang)
    fold = None
    if args.fold_variants:
        from polydiff.normalize import variant_folder

        fold = variant_folder()
    big = len(tree_a) + len(tree_b) >= 2000
    with stderr_progress("aligning", enabled=big) as progress:
        cmp = align(
            tree_a,
            tree_b,
            AlignOptions(strict=args.strict, fold=fold),
            a_name=a.name,
            b_name=b.name,
            progress=progress,
        )
    if args.path:
        paths = set(tree_a.paths()) | set(tree_b.paths())
        if args.path not in paths:
            raise UsageError(f"--path {args.path}: no such clause in {a.name} or {b.name}")
    cmp = cmp.filtered(kinds, args.path)
    if args.output is not None:
        meta_a, meta_b = (
            repo.load_meta(x.ref.doc, repo.source(x.ref.rev)) if repo and x.ref else None
            for x in (a, b)
        )
        sides = Side.of(a.name, tree_a, meta_a), Side.of(b.name, tree_b, meta_b)
        write_output(cmp, fmt, args.output, *sides, args)
    else:
        _print(cmp, args)
    return ExitCode.OK if cmp.same else ExitCode.FINDINGS


def _print(cmp: object, args: argparse.Namespace) -> None:
    from polydiff.align.model import Comparison

    assert isinstance(cmp, Comparison)
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
        from rich.console import Console

        from polydiff.report.diff_text import render_comparison

        console = Console()
        markers = not console.is_terminal or console.no_color
        console.print(render_comparison(cmp, args.context, args.stat, args.all, markers))
