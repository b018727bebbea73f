"""Align two clause trees and diff the wording of every linked pair.

``align(a, b)`` is the engine behind ``polydiff diff``: it says which clause became which
(:mod:`polydiff.align.matching`), flags moves and renumbering, diffs the wording of each link
(:mod:`polydiff.diff.wording`) and collects the systematic term shifts
(:mod:`polydiff.diff.terms`).
"""

from __future__ import annotations

from collections.abc import Callable

from polydiff.align.matching import LINK_THRESHOLD, Matcher, Matching, Side
from polydiff.align.outline import OutlineMatch, is_outline, match_outline
from polydiff.diff.terms import term_shifts
from polydiff.diff.wording import Normalized, normalized_diff, similarity, wording_diff
from polydiff.gcpause import gc_paused
from polydiff.model import Clause, ClauseTree
from polydiff.model.comparison import TITLE, ChangeKind, Comparison, Link, Op, TermShift
from polydiff.normalize import normalize_many
from polydiff.record import record, replace
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

MIN_WORDING_SIMILARITY = 0.2
"""A one-to-one link between short texts (``SHORT`` characters or fewer on one side) whose
wording diff keeps less than this (2·unchanged / total) is dropped again: short headings
can share a rare gram or two by chance. Long texts are left to the gram similarity: the
semantic cleanup of a heavy rewording keeps few unchanged runs (similarity 0.07-0.15 where
difflib finds 0.4 in common), and the pair is still the same clause."""
SHORT = 40

__all__ = ["TITLE", "AlignOptions", "Progress", "align"]

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; called while diffing many links."""


@record
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
    with gc_paused():  # objects per clause and per link, none in a cycle
        return _align(a, b, options or AlignOptions(), a_name, b_name, progress)


def _align(
    a: ClauseTree,
    b: ClauseTree,
    opts: AlignOptions,
    a_name: str | None,
    b_name: str | None,
    progress: Progress | None,
) -> Comparison:
    lang = a.lang
    headings_only = opts.headings_only
    title = _title_link(a, b, opts)
    if headings_only is None and is_outline(a) != is_outline(b):
        outline = _outline_comparison(a, b, is_outline(a), a_name or a.doc, b_name or b.doc)
        return replace(outline, links=(*title, *outline.links))
    if headings_only is None:
        headings_only = is_outline(a) or is_outline(b)
    normal: dict[str, str] = {}  # a revision repeats most texts: each normalised once
    sa = _Prepared(list(a.walk()), headings_only, opts, normal)
    sb = _Prepared(list(b.walk()), headings_only, opts, normal)
    matching = Matcher(sa.side, sb.side, lang, opts.threshold).run()
    links = [*title, *_Links(sa, sb, matching, lang, opts, progress).build()]
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


def _title_link(a: ClauseTree, b: ClauseTree, opts: AlignOptions) -> tuple[Link, ...]:
    """The titles compared (国务院关于积极推进“互联网+”行动的指导意见 → 国务院关于深入实施“人工
    智能+”行动的意见), when either document has one."""
    ta, tb = a.title.strip(), b.title.strip()
    if not ta and not tb:
        return ()
    if not tb:
        return (Link(ChangeKind.DROPPED, (TITLE,), (), ops=(("-", ta),)),)
    if not ta:
        return (Link(ChangeKind.NEW, (), (TITLE,), ops=(("+", tb),)),)
    ops = tuple(wording_diff(ta, tb, a.lang, strict=opts.strict, fold=opts.fold))
    same = all(op == "=" for op, _ in ops)
    kind = ChangeKind.UNCHANGED if same else ChangeKind.REWORDED
    return (Link(kind, (TITLE,), (TITLE,), similarity=similarity(list(ops)), ops=ops),)


def _outline_comparison(
    a: ClauseTree, b: ClauseTree, outline_is_a: bool, a_name: str, b_name: str
) -> Comparison:
    """An outline against a full text: each outline heading with its counterpart
    (:func:`polydiff.align.outline.match_outline`) or none found; the full text's other
    clauses are new (or dropped, when the outline is the later side). Links in B's order."""
    outline, full = (a, b) if outline_is_a else (b, a)
    match = match_outline(outline, full)
    lang = a.lang
    of_outline = {c.path: c for c in outline.walk()}
    of_full = {c.path: c for c in full.walk()}
    keyed: list[tuple[tuple[float, float], Link]] = []

    def oriented(o: tuple[str, ...], f: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        return (o, f) if outline_is_a else (f, o)

    b_order = {p: float(k) for k, p in enumerate(of_full if outline_is_a else of_outline)}
    a_order = {
        p: k / (len(b_order) + 1) for k, p in enumerate(of_outline if outline_is_a else of_full)
    }
    for cp in match.counterparts:
        olds, news = oriented((of_outline[cp.outline].heading,), (_gist(of_full[cp.full]),))
        ops = tuple(wording_diff(olds[0], news[0], lang))
        sides = oriented((cp.outline,), (cp.full,))
        link = Link(
            ChangeKind.COUNTERPART,
            sides[0],
            sides[1],
            similarity=similarity(list(ops)),
            ops=ops,
            reason=cp.reason,
        )
        keyed.append(((b_order[sides[1][0]], a_order[sides[0][0]]), link))
    placed = {cp.full for cp in match.counterparts}  # full-text paths with an outline heading
    unmatched = set(match.unmatched)
    a_only = ChangeKind.UNMATCHED if outline_is_a else ChangeKind.DROPPED
    b_only = ChangeKind.NEW if outline_is_a else ChangeKind.UNMATCHED
    a_side = of_outline if outline_is_a else of_full
    b_side = of_full if outline_is_a else of_outline
    partner = {x.a[0]: b_order[x.b[0]] for _, x in keyed}
    previous = -1.0
    for path, clause in a_side.items():  # after the B position of the previous placed one
        if path in partner:
            previous = partner[path]
        elif (path in unmatched) if outline_is_a else (path not in placed):
            text = clause.heading if a_only is ChangeKind.UNMATCHED else clause.content
            link = Link(a_only, (path,), (), ops=(("-", text),) if text else ())
            keyed.append(((previous, 1 + a_order[path]), link))
    for path, clause in b_side.items():
        if (path not in placed) if outline_is_a else (path in unmatched):
            text = clause.heading if b_only is ChangeKind.UNMATCHED else clause.content
            link = Link(b_only, (), (path,), ops=(("+", text),) if text else ())
            keyed.append(((b_order[path], 0.0), link))
    keyed.sort(key=lambda kv: kv[0])
    links = tuple(link for _, link in keyed)
    shifts = _outline_shifts(match, outline_is_a, of_outline)
    side = "a" if outline_is_a else "b"
    return Comparison(a_name, b_name, lang, links, shifts, False, True, side)


def _outline_shifts(
    match: OutlineMatch, outline_is_a: bool, of_outline: dict[str, Clause]
) -> tuple[TermShift, ...]:
    """The pair's term shift (A's term → B's), counted in the outline headings placed."""
    if not match.shift:
        return ()
    old, new = match.shift if outline_is_a else match.shift[::-1]
    count = sum(match.shift[0] in of_outline[cp.outline].heading for cp in match.counterparts)
    return (TermShift(old, new, count),)


GIST = 60
"""Characters of a counterpart's text shown when it has no heading."""


def _gist(clause: Clause) -> str:
    """A clause's heading, or the start of its text."""
    if clause.heading:
        return clause.heading
    text = clause.text.replace("\n", " ")
    return text if len(text) <= GIST else text[:GIST] + "…"


class _Prepared:
    """One tree's clauses, flattened, each normalised once: the matcher compares the normal
    forms, and the wording diffs project their operations back through the offset maps,
    made only for the clauses whose wording is diffed (in a revision, few)."""

    def __init__(
        self,
        clauses: list[Clause],
        headings_only: bool,
        opts: AlignOptions,
        normal: dict[str, str],
    ) -> None:
        """``normal``: the normal forms of texts seen so far (shared by both sides)."""
        self.clauses = clauses
        self.headings_only = headings_only
        self.opts = opts
        self.raw = [c.heading if headings_only else c.content for c in clauses]
        if opts.strict:
            self.folded, texts = self.raw, [raw.strip() for raw in self.raw]
        else:
            self.folded = [opts.fold(r) for r in self.raw] if opts.fold else self.raw
            new = [t for t in dict.fromkeys(self.folded) if t not in normal]
            normal.update(zip(new, normalize_many(new), strict=True))
            texts = [normal[t] for t in self.folded]
        index = {c.path: i for i, c in enumerate(clauses)}
        parent = [index.get(c.path.rpartition(".")[0], -1) for c in clauses]
        children: list[list[int]] = [[] for _ in clauses]
        for i, p in enumerate(parent):
            if p >= 0:
                children[p].append(i)
        self.side = Side([c.path for c in clauses], parent, children, texts)

    def joined(self, ids: list[int]) -> tuple[str, Normalized | None]:
        """The raw text of clauses ``ids`` (one per line) and its normal form with offsets
        (None when comparing strictly)."""
        if self.opts.strict:
            return "\n".join(self.raw[i] for i in ids), None
        if len(ids) == 1:  # the normal form the matcher compared; offsets when diffed
            i = ids[0]
            return self.raw[i], Normalized(self.side.text[i], self.folded[i])
        raw = "\n".join(self.raw[i] for i in ids)
        return raw, Normalized.of(self.opts.fold(raw) if self.opts.fold else raw)


class _Links:
    """The links of a matching: pairs, splits and merges with their wording diffs, then
    new and dropped clauses, in B's document order (dropped ones after their A neighbour)."""

    def __init__(
        self,
        a: _Prepared,
        b: _Prepared,
        m: Matching,
        lang: str,
        opts: AlignOptions,
        progress: Progress | None,
    ) -> None:
        self.a, self.b, self.m, self.lang, self.opts = a, b, m, lang, opts
        self.progress = progress
        self.keyed: list[tuple[tuple[float, float], Link]] = []

    def build(self) -> list[Link]:
        pair_diffs = self._pair_diffs()
        self.partner = self.m.partner_of_a()
        self.out_of_order = _out_of_order(self.a.side, self.b.side, self.m)
        self._pairs(pair_diffs)
        self._splits_and_merges()
        self._new()
        self._dropped()
        if self.progress:
            self.progress("diff", self.total, self.total)
        self.keyed.sort(key=lambda kv: kv[0])
        return [link for _, link in self.keyed]

    @property
    def total(self) -> int:
        return len(self.m.pairs) + len(self.m.splits) + len(self.m.merges)

    def _diff(self, a_ids: list[int], b_ids: list[int]) -> tuple[tuple[Op, ...], float]:
        (ta, na), (tb, nb) = self.a.joined(a_ids), self.b.joined(b_ids)
        if na is None or nb is None:
            ops = wording_diff(ta, tb, self.lang, strict=True)
        else:
            ops = normalized_diff(ta, na, tb, nb, self.lang)
        return tuple(ops), similarity(ops)

    def _pair_diffs(self) -> dict[int, tuple[tuple[Op, ...], float]]:
        """The wording diff of every pair; a short pair whose wording shares almost nothing
        is unpaired again (short headings can share a rare gram or two by chance)."""
        sa, sb = self.a.side, self.b.side
        out = {}
        for i, j in list(self.m.pairs.items()):
            ops, sim = self._diff([i], [j])
            short = min(len(sa.text[i]), len(sb.text[j])) <= SHORT
            if short and sa.text[i] != sb.text[j] and sim < MIN_WORDING_SIMILARITY:
                del self.m.pairs[i]
            else:
                out[i] = (ops, sim)
        return out

    def _moved(self, i: int, j: int) -> bool:
        pa, pb = self.a.side.parent[i], self.b.side.parent[j]
        parent_changed = (pa < 0) != (pb < 0) or (pa >= 0 and self.partner.get(pa) != pb)
        return parent_changed or i in self.out_of_order

    def _link(self, kind: ChangeKind, a_ids: list[int], b_ids: list[int], diff: Any) -> Link:
        ops, sim = diff
        pa, pb = self.a.clauses[a_ids[0]].path, self.b.clauses[b_ids[0]].path
        return Link(
            kind,
            tuple(self.a.clauses[i].path for i in a_ids),
            tuple(self.b.clauses[j].path for j in b_ids),
            self._moved(a_ids[0], b_ids[0]),
            pa != pb,
            sim,
            ops,
        )

    def _pairs(self, diffs: dict[int, tuple[tuple[Op, ...], float]]) -> None:
        sa, sb = self.a.side, self.b.side
        for done, (i, j) in enumerate(self.m.pairs.items(), 1):
            same = sa.text[i] == sb.text[j]
            diff = diffs[i]
            if same and not sa.text[i]:  # empty on both sides (a bare label): compare nothing
                diff = ((), 1.0)
            kind = ChangeKind.UNCHANGED if same else ChangeKind.REWORDED
            self.keyed.append(((j, 0), self._link(kind, [i], [j], diff)))
            if self.progress and done % 200 == 0:
                self.progress("diff", done, self.total)

    def _splits_and_merges(self) -> None:
        for i, bs in self.m.splits.items():
            link = self._link(ChangeKind.SPLIT, [i], bs, self._diff([i], bs))
            self.keyed.append(((bs[0], 0), link))
        for j, as_ in self.m.merges.items():
            link = self._link(ChangeKind.MERGED, as_, [j], self._diff(as_, [j]))
            self.keyed.append(((j, 0), link))

    def _new(self) -> None:
        taken = set(self.partner.values()) | {j for bs in self.m.splits.values() for j in bs}
        for j, c in enumerate(self.b.clauses):
            if j not in taken:
                text = c.content  # shown whole, even when only headings were compared
                ops: tuple[Op, ...] = (("+", text),) if text else ()
                self.keyed.append(((j, 0), Link(ChangeKind.NEW, (), (c.path,), ops=ops)))

    def _dropped(self) -> None:
        last_b = -1.0
        n = len(self.a.clauses)
        for i, c in enumerate(self.a.clauses):
            if i in self.partner:
                last_b = self.partner[i]
                continue
            text = c.content
            ops: tuple[Op, ...] = (("-", text),) if text else ()
            link = Link(ChangeKind.DROPPED, (c.path,), (), ops=ops)
            self.keyed.append(((last_b, 1 + i / (n + 1)), link))


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
