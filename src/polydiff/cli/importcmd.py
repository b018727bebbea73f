"""``polydiff import FILE --doc ID --lang zh|en``: parse a text and store it."""

from __future__ import annotations

import argparse
from pathlib import Path

from polydiff.cli.common import repo_from, warn
from polydiff.errors import ExitCode
from polydiff.model import LANGUAGES, RelationType


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help="import a text, web page, Word or PDF file (or an outline) as a document",
        description="Parse FILE (plain text, a web page, a .docx or .pdf file, told apart by "
        "content; or a verified-headings *.outline.yaml) into a clause tree and store it "
        "under policies/ID/, with the text (and the original file) under raw/. Importing "
        "again replaces that language; with --commit the change is committed to git.",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--doc", required=True, metavar="ID", help="document id, e.g. gf-2025-11")
    p.add_argument("--lang", required=True, choices=LANGUAGES)
    p.add_argument("--title")
    p.add_argument("--date", help="date of issue, YYYY-MM-DD")
    p.add_argument("--number", help="document number, e.g. 国发〔2025〕11号")
    p.add_argument("--issuer")
    p.add_argument("--kind", help="e.g. opinions, interpretation, commentary")
    p.add_argument(
        "--relation",
        action="append",
        default=[],
        metavar="TYPE:DOC",
        help=f"relation to an earlier document; TYPE is one of "
        f"{', '.join(t.value for t in RelationType)} (repeatable)",
    )
    p.add_argument(
        "--completeness",
        choices=("full", "partial", "outline"),
        help="default: outline for outlines, else full",
    )
    p.add_argument(
        "--provenance",
        type=Path,
        metavar="NOTE",
        help="a *.source.yaml note (title, number, issuer, date, source, notes)",
    )
    p.add_argument("--encoding", help="decode a text or web page with this encoding (e.g. gb18030)")
    p.add_argument("--strict", action="store_true", help="refuse to import when the parser warns")
    p.add_argument(
        "--force",
        action="store_true",
        help="import text that shows nothing of a policy text (no numbered clauses, headings, "
        "document number or signature) as paragraphs, instead of refusing it",
    )
    p.add_argument(
        "--verbose",
        action="store_true",
        help="list every parse warning (default: a summary when there are many)",
    )
    p.add_argument("--commit", action="store_true", help="commit what was written")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from polydiff.service.importing import ImportOptions, import_document

    repo = repo_from(args)
    opts = ImportOptions(
        doc=args.doc,
        lang=args.lang,
        title=args.title,
        date=args.date,
        number=args.number,
        issuer=args.issuer,
        kind=args.kind,
        relations=tuple(args.relation),
        completeness=args.completeness,
        encoding=args.encoding,
        provenance=args.provenance,
        strict=args.strict,
        force=args.force,
        commit=args.commit,
    )
    outcome = import_document(repo, args.file, opts)
    for note in outcome.notes:
        warn(f"{args.file}: {note}")
    for line in outcome.warning_lines(args.verbose):
        warn(f"{args.file}: {line}")
    only_zh, only_en = outcome.mismatch
    if only_zh:
        warn(f"{args.doc}: zh/en disagree: only in zh: {', '.join(only_zh)}")
    if only_en:
        warn(f"{args.doc}: zh/en disagree: only in en: {', '.join(only_en)}")
    counts = ", ".join(f"{lang} {len(t)} clauses" for lang, t in outcome.trees.items())
    print(f"imported {args.file} as {args.doc} ({counts}; {outcome.meta.completeness.value})")
    if outcome.commit:
        print(f"committed {outcome.commit[:10]}")
    return ExitCode.OK
