"""``polydiff show DOC[@REV]``: a document's clause tree."""

from __future__ import annotations

import argparse
import sys

from polydiff.cli.common import add_format, emit_json, repo_from
from polydiff.errors import ExitCode, UsageError
from polydiff.model import ClauseRef, ClauseTree, Document
from polydiff.store import yamlio


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
    try:
        ref = ClauseRef.parse(args.ref)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    path = args.path or ref.path
    repo = repo_from(args)
    source = repo.source(ref.rev)
    meta = repo.load_meta(ref.doc, source)
    langs = meta.languages if args.lang == "both" else (args.lang or meta.languages[0],)
    doc = Document(
        meta,
        {lang: repo.load_tree(ref.doc, lang, source) for lang in langs if lang in meta.languages},
        ref.rev,
    )
    missing = [lang for lang in langs if lang not in doc.trees]
    if missing or not langs:
        have = ", ".join(doc.meta.languages) or "none"
        raise UsageError(f"{ref.doc} has no {'/'.join(missing) or 'text'} (languages: {have})")
    if path is not None:
        from polydiff.parse.cite import resolve_path

        path = resolve_path(doc.tree(langs[0]), path)  # 第三条, Article 3 → its path
    trees = [_restrict(doc, lang, path) for lang in langs]
    if args.format == "json":
        from polydiff.report.data import tree_to_json

        data = [tree_to_json(t, ref.rev) for t in trees]
        emit_json(
            data[0]
            if len(data) == 1
            else {
                "doc": ref.doc,
                "rev": ref.rev,
                "lang": "both",
                "languages": {t.lang: d for t, d in zip(trees, data, strict=True)},
            }
        )
    elif args.format == "yaml":
        sys.stdout.write("\n".join(yamlio.dump(yamlio.tree_to_data(t)) for t in trees))
    else:
        from polydiff.report.tree import print_renderable, render_side_by_side, render_tree

        if len(trees) == 2:
            print_renderable(render_side_by_side(trees[0], trees[1], ref.rev))
        else:
            print_renderable(render_tree(trees[0], ref.rev))
    return ExitCode.OK


def _restrict(doc: Document, lang: str, path: str | None) -> ClauseTree:
    tree = doc.tree(lang)
    if path is None:
        return tree
    sub = tree.subtree(path)
    if not sub.clauses:
        raise UsageError(f"no clause {path} in {doc.id} ({lang})")
    return sub
