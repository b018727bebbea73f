"""Compare two documents, revisions or files clause by clause: ``polydiff diff`` and the
terminal UI's compare screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from polydiff.errors import UsageError
from polydiff.model.comparison import ChangeKind, Comparison
from polydiff.store.repo import PolicyRepo

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)`` while many links are diffed."""
BIG = 2000
"""Clauses (both sides together) from which a comparison reports its progress."""


@dataclass(frozen=True, slots=True)
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
    if opts.kinds is None and opts.path is None:
        return cmp
    kinds = None if opts.kinds is None else {k.value for k in opts.kinds}
    return cmp.filtered(kinds, opts.path)
