"""``polydiff lineage build|check|confirm|reject|stats``: the reviewed clause graph."""

from __future__ import annotations

import argparse
import os
from collections import Counter
from typing import Any

from polydiff.cli.common import add_format, emit_json, out_console, repo_from, stderr_progress, warn
from polydiff.errors import ExitCode

LISTED = 10
"""Documents named, and files listed, in the summary of a build (more are counted)."""

WIDE_STATS = 110
"""Terminal width from which `lineage stats` shows the term shifts too."""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "lineage",
        help="build, check and review the lineage graph",
        description="The lineage graph: machine-proposed links between clauses of "
        "different documents, kept under lineage/ and reviewed by people.",
    )
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    b = verbs.add_parser(
        "build",
        help="recompute stale lineage (keeps every review)",
        description="Recompute the links of documents changed since the last "
        "build (or only of DOC…); reviewed links are kept and carried "
        "to new paths.",
    )
    b.add_argument("docs", nargs="*", metavar="DOC")
    b.add_argument("--force", action="store_true", help="recompute even what is up to date")
    b.add_argument("--commit", action="store_true", help="commit lineage/ afterwards")
    b.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="discover on a local Dask cluster of N processes (needs polydiff[scale])",
    )
    b.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="discover on the Dask cluster at ADDRESS (default: $POLYDIFF_SCHEDULER); its "
        "workers read the repository at the same path",
    )
    b.set_defaults(func=run_build)
    c = verbs.add_parser("check", help="exit 1 when lineage is stale or dangling (for CI)")
    add_format(c, ("text", "json"))
    c.set_defaults(func=run_check)
    for verb, helptext in (
        ("confirm", "mark a link confirmed"),
        ("reject", "mark a link rejected"),
    ):
        v = verbs.add_parser(
            verb,
            help=helptext,
            description=f"{helptext.capitalize()} (written to its lineage file; rebuilds keep it).",
        )
        v.add_argument("source", metavar="FROM#PATH")
        v.add_argument("target", metavar="TO#PATH")
        v.add_argument("--note", help="why (kept with the link)")
        v.add_argument("--commit", action="store_true", help="commit the change")
        if verb == "confirm":
            v.add_argument(
                "--add",
                action="store_true",
                help="record the link even if the machine did not propose it",
            )
        v.set_defaults(func=run_review, verb=verb)
    s = verbs.add_parser("stats", help="links per document pair, and term shifts")
    add_format(s, ("text", "json"))
    s.set_defaults(func=run_stats)


def run_build(args: argparse.Namespace) -> int:
    from polydiff.service import lineage

    repo = repo_from(args)
    scheduler = args.scheduler or os.environ.get("POLYDIFF_SCHEDULER") or None
    with stderr_progress("lineage") as progress:
        result = lineage.build(
            repo, args.docs, args.force, progress, args.commit, args.workers, scheduler
        )
    for line in result.unplaced:
        warn(f"unplaced: {line}")
    if not result.stale_docs:
        print("lineage is up to date (use --force to recompute)")
        return ExitCode.OK
    kinds = Counter(link.kind.value for f in result.files for link in f.links)
    docs = result.stale_docs
    named = ", ".join(docs) if len(docs) <= LISTED else f"{len(docs):,} documents"
    print(
        f"rebuilt lineage of {named}: {len(result.files)} file(s)"
        + "".join(f", {n} {k}" for k, n in sorted(kinds.items()))
    )
    for rel in result.written[:LISTED]:
        print(f"  wrote {rel}")
    if len(result.written) > LISTED:
        print(f"  … and {len(result.written) - LISTED:,} more")
    if result.commit:
        print(f"committed {result.commit[:10]}")
    return ExitCode.OK


def run_check(args: argparse.Namespace) -> int:
    from polydiff.service import lineage

    findings = lineage.check(repo_from(args))
    if args.format == "json":
        emit_json(
            {
                "ok": not findings,
                "findings": [{"what": f.what, "message": f.message} for f in findings],
            }
        )
    else:
        for f in findings:
            print(str(f))
        print("lineage is up to date" if not findings else f"{len(findings)} finding(s)")
    return ExitCode.FINDINGS if findings else ExitCode.OK


def run_review(args: argparse.Namespace) -> int:
    from polydiff.model.lineage import Status
    from polydiff.service import lineage

    status = Status.CONFIRMED if args.verb == "confirm" else Status.REJECTED
    decision = lineage.decide(
        repo_from(args),
        args.source,
        args.target,
        status,
        args.note,
        add=getattr(args, "add", False),
        commit=args.commit,
    )
    link = decision.link
    print(
        f"{status.value} {args.source} → {args.target} ({link.kind.value} {link.score:.2f}) "
        f"in {decision.written}"
    )
    if decision.commit:
        print(f"committed {decision.commit[:10]}")
    return ExitCode.OK


def run_stats(args: argparse.Namespace) -> int:
    from polydiff.service import lineage

    rows: list[dict[str, Any]] = [
        {
            "from": s.file.from_doc,
            "to": s.file.to_doc,
            "relation": s.file.relation.value,
            "basis": s.file.basis.value,
            "links": len(s.file.links),
            "kinds": s.kinds,
            "status": s.statuses,
            "term_shifts": [{"from": t.old, "to": t.new, "count": t.count} for t in s.term_shifts],
        }
        for s in lineage.pair_stats(repo_from(args))
    ]
    if args.format == "json":
        emit_json(rows)
        return ExitCode.OK
    from rich.table import Table

    console = out_console()
    table = Table(
        title="lineage",
        title_justify="left",
        header_style="bold underline",
        box=None,
        padding=(0, 2, 0, 0),
        pad_edge=False,
    )
    table.add_column("from", no_wrap=True)  # ids never wrap: the other columns give way
    table.add_column("to", no_wrap=True)
    table.add_column("relation", no_wrap=True)
    table.add_column("links", justify="right", no_wrap=True)
    table.add_column("kinds", no_wrap=True)
    table.add_column("review", no_wrap=True)
    shifts = console.width >= WIDE_STATS
    if shifts:
        table.add_column("term shifts", overflow="fold")
    for r in rows:
        cells = [
            r["from"],
            r["to"],
            r["relation"] + ("\nby headings" if r["basis"] == "headings" else ""),
            str(r["links"]),
            "\n".join(f"{k} {n}" for k, n in r["kinds"].items()),
            "\n".join(f"{k} {n}" for k, n in r["status"].items()),
        ]
        if shifts:
            cells.append(
                "\n".join(f"{t['from']} → {t['to']} ×{t['count']}" for t in r["term_shifts"][:5])
            )
        table.add_row(*cells)
    console.print(table)
    return ExitCode.OK
