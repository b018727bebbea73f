"""Compare two documents, revisions or files clause by clause: ``polydiff diff`` and the
terminal UI's compare screen."""

from __future__ import annotations

from collections.abc import Callable

from polydiff.errors import UsageError
from polydiff.gcpause import gc_paused
from polydiff.model import ClauseTree, DocMeta
from polydiff.model.comparison import ChangeKind, Comparison
from polydiff.record import record
from polydiff.store.repo import PolicyRepo

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)`` while many links are diffed."""
BIG = 2000
"""Clauses (both sides together) from which a comparison reports its progress."""


@record
class CompareOptions:
    """What to compare and how."""

    lang: str | None = None
    """The language to compare in (default: the first both sides have)."""
    strict: bool = False
    """Presentation-only differences (width, quotes, spacing) count as changes."""
    fold_variants: bool = False
    """Traditional and simplified characters count as the same (needs OpenCC)."""
    kinds: frozenset[ChangeKind] | None = None
    """Only links of these kinds (None: all)."""
    path: str | None = None
    """Only links touching this clause (or its descendants) on either side."""


def parse_kinds(text: str) -> frozenset[ChangeKind]:
    """``reworded,new`` → the kinds; a clear error naming what is unknown."""
    names = {k.strip() for k in text.split(",") if k.strip()}
    known = {k.value for k in ChangeKind}
    unknown = names - known
    if unknown:
        raise UsageError(
            f"--kinds: unknown kind(s) {', '.join(sorted(unknown))} "
            f"(one of {', '.join(k.value for k in ChangeKind)})"
        )
    return frozenset(ChangeKind(n) for n in names)


@record
class Compared:
    """One side of a comparison as compared: its name, its tree in the language compared,
    and its metadata when it is a document of the repository (None for a file)."""

    name: str
    tree: ClauseTree
    meta: DocMeta | None


@record
class Comparing:
    """A comparison with what was compared (for reports that name both documents)."""

    comparison: Comparison
    a: Compared
    b: Compared


def compare(
    repo: PolicyRepo | None,
    a: str,
    b: str,
    options: CompareOptions | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Align ``a`` with ``b`` (doc ids, ``doc@rev`` or file paths; files need no repository)
    and keep what ``options`` asks for. ``progress`` hears of the diffing of a big
    comparison (``BIG`` clauses or more)."""
    return compare_documents(repo, a, b, options, progress).comparison


@gc_paused()
def compare_documents(
    repo: PolicyRepo | None,
    a: str,
    b: str,
    options: CompareOptions | None = None,
    progress: Progress | None = None,
) -> Comparing:
    """:func:`compare`, with both sides' trees and metadata. The collector is paused
    throughout (see :mod:`polydiff.gcpause`): opening, parsing and aligning allocate many
    small objects and no cycles, and most of the modules are imported here."""
    from polydiff.align import AlignOptions, align
    from polydiff.store.inputs import common_language, open_input

    opts = options or CompareOptions()
    ia, ib = open_input(a, repo), open_input(b, repo)
    lang = common_language(ia, ib, opts.lang)
    tree_a, tree_b = ia.tree(repo, lang), ib.tree(repo, lang)
    if opts.path is not None and opts.path not in {*tree_a.paths(), *tree_b.paths()}:
        raise UsageError(f"--path {opts.path}: no such clause in {ia.name} or {ib.name}")
    fold = None
    if opts.fold_variants:
        from polydiff.normalize import variant_folder

        fold = variant_folder()
    report = progress if len(tree_a) + len(tree_b) >= BIG else None
    cmp = align(
        tree_a,
        tree_b,
        AlignOptions(strict=opts.strict, fold=fold),
        a_name=ia.name,
        b_name=ib.name,
        progress=report,
    )
    if opts.kinds is not None or opts.path is not None:
        kinds = None if opts.kinds is None else {k.value for k in opts.kinds}
        cmp = cmp.filtered(kinds, opts.path)
    sides = [
        Compared(x.name, t, repo.load_meta(x.ref.doc, repo.source(x.ref.rev)))
        if repo is not None and x.ref is not None
        else Compared(x.name, t, None)
        for x, t in ((ia, tree_a), (ib, tree_b))
    ]
    return Comparing(cmp, *sides)
