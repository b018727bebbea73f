"""``polydiff check``: validate every document (for people and for CI)."""

from __future__ import annotations

import argparse

from polydiff.cli.common import add_format, emit_json, repo_from
from polydiff.errors import ExitCode


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "check",
        help="validate every document",
        description="Validate every document: YAML schema, unique paths, zh/en agreement, raw "
        "text still accounted for, relations. Exit 1 when an error is found "
        "(or a warning, with --strict).",
    )
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    add_format(p, ("text", "json"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from polydiff.service.checking import check

    result = check(repo_from(args))
    findings, errors = result.findings, result.errors
    failing = findings if args.strict else errors
    if args.format == "json":
        emit_json(
            {
                "documents": result.documents,
                "ok": not failing,
                "findings": [
                    {"doc": f.doc, "severity": f.severity.value, "message": f.message}
                    for f in findings
                ],
            }
        )
    else:
        for f in findings:
            print(str(f))
        print(
            f"checked {result.documents} document(s): {len(errors)} error(s), "
            f"{len(findings) - len(errors)} warning(s)"
        )
    return ExitCode.FINDINGS if failing else ExitCode.OK
