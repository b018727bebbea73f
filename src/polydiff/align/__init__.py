"""Align two clause trees and diff the wording of every linked pair.

``align(a, b)`` is the engine behind ``polydiff diff``: it says which clause became which
(:mod:`polydiff.align.matching`), flags moves and renumbering, diffs the wording of each link
(:mod:`polydiff.diff.wording`) and collects the systematic term shifts
(:mod:`polydiff.diff.terms`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from polydiff.align.matching import LINK_THRESHOLD, Matcher, Matching, Side
from polydiff.diff.terms import term_shifts
from polydiff.diff.wording import similarity, wording_diff
from polydiff.model import Clause, ClauseTree
from polydiff.model.comparison import ChangeKind, Comparison, Link
from polydiff.normalize import normalize

MIN_WORDING_SIMILARITY = 0.2
"""A one-to-one link between short texts (``SHORT`` characters or fewer on one side) whose
wording diff keeps less than this (2·unchanged / total) is dropped again: short headings
can share a rare gram or two by chance. Long texts are left to the gram similarity: the
semantic cleanup of a heavy rewording keeps few unchanged runs (similarity 0.07-0.15 where
difflib finds 0.4 in common), and the pair is still the same clause."""
SHORT = 40

__all__ = ["AlignOptions", "Progress", "align"]

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; called while diffing many links."""


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """How to compare."""

    strict: bool = False
    """Show presentation-only differences (width, quotes, spacing) as changes."""
    fold: Callable[[str], str] | None = None
    """Length-preserving folding applied before comparison (traditional → simplified)."""
    threshold: float = LINK_THRESHOLD
    headings_only: bool | None = None
    """Compare headings only; default: when either tree has no body text (an outline)."""


def align(
    a: ClauseTree,
    b: ClauseTree,
    options: AlignOptions | None = None,
    a_name: str | None = None,
    b_name: str | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Compare ``a`` with ``b`` (same language) clause by clause."""
    opts = options or AlignOptions()
    lang = a.lang
    headings_only = opts.headings_only
    if headings_only is None:
        headings_only = _is_outline(a) or _is_outline(b)
    ca, cb = list(a.walk()), list(b.walk())
    side_a = _side(ca, headings_only, opts)
    side_b = _side(cb, headings_only, opts)
    matching = Matcher(side_a, side_b, lang, opts.threshold).run()
    links = _links(ca, cb, side_a, side_b, matching, lang, headings_only, opts, progress)
    return Comparison(
        a_name or a.doc,
        b_name or b.doc,
        lang,
        tuple(links),
        tuple(term_shifts((x.ops for x in links if x.kind in _SHIFTING), lang)),
        opts.strict,
        headings_only,
    )


_SHIFTING = (ChangeKind.REWORDED, ChangeKind.SPLIT, ChangeKind.MERGED)
"""Links whose wording diffs count towards the term shifts."""


def _is_outline(tree: ClauseTree) -> bool:
    return not any(c.text for c in tree.walk())


def _content(c: Clause, headings_only: bool) -> str:
    return c.heading if headings_only else c.content


def _side(clauses: list[Clause], headings_only: bool, opts: AlignOptions) -> Side:
    index = {c.path: i for i, c in enumerate(clauses)}
    parent = [index.get(c.path.rpartition(".")[0], -1) for c in clauses]
    children: list[list[int]] = [[] for _ in clauses]
    for i, p in enumerate(parent):
        if p >= 0:
            children[p].append(i)

    def compare_text(c: Clause) -> str:
        raw = _content(c, headings_only)
        if opts.strict:
            return raw.strip()
        return normalize(opts.fold(raw) if opts.fold else raw)

    return Side([c.path for c in clauses], parent, children, [compare_text(c) for c in clauses])


def _links(
    ca: list[Clause],
    cb: list[Clause],
    sa: Side,
    sb: Side,
    m: Matching,
    lang: str,
    headings_only: bool,
    opts: AlignOptions,
    progress: Progress | None,
) -> list[Link]:
    def diff(a_ids: list[int], b_ids: list[int]) -> tuple[tuple[tuple[str, str], ...], float]:
        ta = "\n".join(_content(ca[i], headings_only) for i in a_ids)
        tb = "\n".join(_content(cb[j], headings_only) for j in b_ids)
        ops = wording_diff(ta, tb, lang, strict=opts.strict, fold=opts.fold)
        return tuple(ops), similarity(ops)

    pair_diffs = {}
    for i, j in list(m.pairs.items()):
        ops, sim = diff([i], [j])
        short = min(len(sa.text[i]), len(sb.text[j])) <= SHORT
        if short and sa.text[i] != sb.text[j] and sim < MIN_WORDING_SIMILARITY:
            del m.pairs[i]  # grams overlap by chance (short headings): not the same clause
        else:
            pair_diffs[i] = (ops, sim)
    partner = m.partner_of_a()
    moved_by_order = _out_of_order(sa, sb, m)

    def moved(i: int, j: int) -> bool:
        pa, pb = sa.parent[i], sb.parent[j]
        parent_changed = (pa < 0) != (pb < 0) or (pa >= 0 and partner.get(pa) != pb)
        return parent_changed or i in moved_by_order

    keyed: list[tuple[tuple[float, float], Link]] = []
    total = len(m.pairs) + len(m.splits) + len(m.merges)
    for done, (i, j) in enumerate(m.pairs.items(), 1):
        same = sa.text[i] == sb.text[j]
        ops, sim = pair_diffs[i]
        kind = ChangeKind.UNCHANGED if same else ChangeKind.REWORDED
        if same and not sa.text[i]:  # empty on both sides (a bare label): compare nothing
            ops, sim = (), 1.0
        keyed.append(
            (
                (j, 0),
                Link(
                    kind,
                    (ca[i].path,),
                    (cb[j].path,),
                    moved(i, j),
                    ca[i].path != cb[j].path,
                    sim,
                    ops,
                ),
            )
        )
        if progress and done % 200 == 0:
            progress("diff", done, total)
    for i, bs in m.splits.items():
        ops, sim = diff([i], bs)
        keyed.append(
            (
                (bs[0], 0),
                Link(
                    ChangeKind.SPLIT,
                    (ca[i].path,),
                    tuple(cb[j].path for j in bs),
                    moved(i, bs[0]),
                    ca[i].path != cb[bs[0]].path,
                    sim,
                    ops,
                ),
            )
        )
    for j, as_ in m.merges.items():
        ops, sim = diff(as_, [j])
        keyed.append(
            (
                (j, 0),
                Link(
                    ChangeKind.MERGED,
                    tuple(ca[i].path for i in as_),
                    (cb[j].path,),
                    moved(as_[0], j),
                    ca[as_[0]].path != cb[j].path,
                    sim,
                    ops,
                ),
            )
        )
    taken_b = set(partner.values()) | {j for bs in m.splits.values() for j in bs}
    for j, c in enumerate(cb):
        if j not in taken_b:
            text = c.content  # shown whole, even when only headings were compared
            keyed.append(
                (
                    (j, 0),
                    Link(
                        ChangeKind.NEW,
                        (),
                        (c.path,),
                        similarity=0.0,
                        ops=(("+", text),) if text else (),
                    ),
                )
            )
    last_b = -1.0
    for i, c in enumerate(ca):
        if i in partner:
            last_b = partner[i]
            continue
        text = c.content
        keyed.append(
            (
                (last_b, 1 + i / (len(ca) + 1)),
                Link(
                    ChangeKind.DROPPED,
                    (c.path,),
                    (),
                    similarity=0.0,
                    ops=(("-", text),) if text else (),
                ),
            )
        )
    if progress:
        progress("diff", total, total)
    keyed.sort(key=lambda kv: kv[0])
    return [link for _, link in keyed]


def _out_of_order(sa: Side, sb: Side, m: Matching) -> set[int]:
    """A clauses whose partner is out of order among siblings that kept their parent pair:
    everything outside a longest increasing run of B positions."""
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for i, j in m.pairs.items():
        groups.setdefault((sa.parent[i], sb.parent[j]), []).append((i, j))
    out: set[int] = set()
    for members in groups.values():
        members.sort()
        keep = _longest_increasing([j for _, j in members])
        out.update(i for k, (i, _) in enumerate(members) if k not in keep)
    return out


def _longest_increasing(seq: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(seq)
    for k, x in enumerate(seq):
        pos = bisect.bisect_left(tails, x)
        if pos == len(tails):
            tails.append(x)
            tail_idx.append(k)
        else:
            tails[pos] = x
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    keep: set[int] = set()
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        keep.add(k)
        k = prev[k]
    return keep
