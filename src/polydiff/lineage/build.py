"""``polydiff lineage build``: compute the links of the corpus, keep every human decision.

The work is a pipeline of pure steps over batches, so it can move to a distributed engine
(a Dask bag of documents, say) without a rewrite:

1. :func:`document_texts` – read each document's clause tree (the only I/O);
2. :func:`succession_links` – for declared ``succeeds``/``amends`` pairs, the clause
   alignment of the diff engine (from headings when the earlier one is an outline);
3. :func:`shingle_batch` → :class:`DocFrequency` → :func:`candidate_pairs` – an index of
   informative shingles proposes the clause pairs worth comparing, for declared
   ``interprets``/``implements``/``cites`` pairs and for discovery between documents with
   no declared relation;
4. :func:`verify_pairs` – quotation and paraphrase detection on each candidate pair;
5. :func:`merge` – new proposals plus the reviewed links of the existing files, carried to
   new paths through the revision alignment when a document changed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any, Protocol

from polydiff.align.outline import is_outline, match_outline
from polydiff.lineage import files
from polydiff.lineage.index import PairFilter, candidate_pairs
from polydiff.lineage.passages import EVIDENCE
from polydiff.lineage.shingles import (
    DocFrequency,
    ShingledClauses,
    ShingleTable,
    shingle_clauses,
    shingle_sequence,
)
from polydiff.lineage.summaries import summary_links
from polydiff.lineage.verify import Found, declared_candidates, unit_weigher, verify_pairs
from polydiff.model import LANGUAGES, ClauseTree, RelationType
from polydiff.model.comparison import TITLE, ChangeKind
from polydiff.model.lineage import (
    Basis,
    LineageFile,
    LineageLink,
    LineageRelation,
    LinkKind,
    Span,
)
from polydiff.record import record, replace
from polydiff.store.repo import PolicyRepo
from polydiff.store.sources import FileSource

SUCCESSION_KIND = {
    ChangeKind.UNCHANGED: LinkKind.CARRIED,
    ChangeKind.REWORDED: LinkKind.REWORDED,
    ChangeKind.SPLIT: LinkKind.SPLIT,
    ChangeKind.MERGED: LinkKind.MERGED,
}
"""The lineage link a clause alignment makes (new and dropped clauses make none)."""
Progress = Callable[[str, int, int], None]


@record
class DocText:
    """One document as the pipeline sees it."""

    id: str
    date: str
    tree: ClauseTree
    outline: bool
    blob: str
    relations: tuple[tuple[RelationType, str], ...]
    """(relation type, earlier doc id) as declared in meta.yaml."""
    alternates: tuple[ClauseTree, ...] = ()
    """The document in its other languages, for a succession whose two documents share no
    tree in the lineage language (loaded only for documents in a succession)."""

    def in_language(self, lang: str) -> ClauseTree | None:
        """The document's tree in ``lang``, if it has one."""
        return next((t for t in (self.tree, *self.alternates) if t.lang == lang), None)


@record
class PairPlan:
    """A pair of documents to link, earlier first."""

    from_doc: str
    to_doc: str
    relation: LineageRelation


# --- 1. read ---------------------------------------------------------------------------------


def document_texts(
    repo: PolicyRepo, lang: str | None = None, source: FileSource | None = None
) -> list[DocText]:
    """Every document in ``lang`` (default: the lineage language, the one most documents
    list first), or in its first language when it lacks that one; oldest first (working
    tree or ``source``)."""
    src = source or repo.worktree
    metas = [repo.load_meta(doc_id, src) for doc_id in repo.doc_ids(src)]
    if lang is None:
        lang = _most_common(next(iter(m.languages), "") for m in metas)
    succession = (RelationType.SUCCEEDS, RelationType.AMENDS)
    in_succession = {m.id for m in metas for r in m.relations if r.type in succession} | {
        r.doc for m in metas for r in m.relations if r.type in succession
    }
    out = []
    for meta in metas:
        doc_id = meta.id
        use = lang if lang in meta.languages else next(iter(meta.languages), None)
        if use is None:
            continue
        tree = repo.load_tree(doc_id, use, src)
        others: tuple[ClauseTree, ...] = ()
        if doc_id in in_succession:
            others = tuple(repo.load_tree(doc_id, lg, src) for lg in meta.languages if lg != use)
        out.append(
            DocText(
                doc_id,
                meta.date,
                tree,
                not any(c.text for c in tree.walk()),
                files.tree_blob(repo, doc_id, use, src) or "",
                tuple((r.type, r.doc) for r in meta.relations),
                others,
            )
        )
    return sorted(out, key=lambda d: (d.date, d.id))


def lineage_language(docs: Sequence[DocText]) -> str:
    """The language most documents are read in (zh first on a tie)."""
    return _most_common(d.tree.lang for d in docs)


def _most_common(langs: Iterable[str]) -> str:
    counts = Counter(langs)
    return max(LANGUAGES, key=lambda lg: (counts[lg], -LANGUAGES.index(lg)))


def plan_pairs(docs: Sequence[DocText]) -> list[PairPlan]:
    """The declared relations (earlier document first). Every other pair is left to
    discovery, which is not planned pair by pair (:class:`~polydiff.lineage.index.PairFilter`:
    a corpus of n documents has n²/2 pairs, and a few have reuse)."""
    ids = {d.id for d in docs}
    order = {d.id: k for k, d in enumerate(docs)}
    declared: dict[tuple[str, str], LineageRelation] = {}
    for d in docs:
        for rel, other in d.relations:
            if other in ids:
                declared[(other, d.id)] = LineageRelation.declared(rel)
    plans = [PairPlan(a, b, rel) for (a, b), rel in declared.items()]
    return sorted(plans, key=lambda p: (order[p.from_doc], order[p.to_doc]))


# --- 2. succession ---------------------------------------------------------------------------


def succession_links(earlier: DocText, later: DocText) -> tuple[list[LineageLink], Basis, str]:
    """Alignment links of a successor (or a revision), the basis they rest on and the
    language they were found in (the lineage language when both documents have it, else
    one they share)."""
    a, b = _shared_trees(earlier, later)
    if a is None or b is None:
        return [], Basis.TEXT, earlier.tree.lang
    if is_outline(a) and not is_outline(b):
        found = match_outline(a, b).counterparts
        links = [LineageLink(c.outline, c.full, LinkKind.HEADING, c.score) for c in found]
        return links, Basis.HEADINGS, a.lang
    from polydiff.align import align

    links = []
    for link in align(a, b).links:
        kind = SUCCESSION_KIND.get(link.kind)
        if kind is None or TITLE in link.a:  # the titles are compared, not linked
            continue
        for x in link.a:
            for y in link.b:
                links.append(LineageLink(x, y, kind, link.similarity))
    return links, Basis.TEXT, a.lang


def _shared_trees(earlier: DocText, later: DocText) -> tuple[ClauseTree | None, ClauseTree | None]:
    if earlier.tree.lang == later.tree.lang:
        return earlier.tree, later.tree
    for tree in (earlier.tree, *earlier.alternates):
        other = later.in_language(tree.lang)
        if other is not None:
            return tree, other
    return None, None


# --- 3. index ---------------------------------------------------------------------------------


@record
class ClauseRow:
    """One clause in the index: its document index, path and text."""

    doc: int
    path: str
    content: str


def clause_rows(docs: Sequence[DocText]) -> list[ClauseRow]:
    """Every clause with text, document by document (global clause index = position)."""
    return [
        ClauseRow(k, c.path, c.content)
        for k, d in enumerate(docs)
        if not d.outline
        for c in d.tree.walk()
        if c.content
    ]


def shingle_batch(
    rows: Sequence[ClauseRow], first: int, lang: str, words: dict[str, int]
) -> tuple[ShingleTable, ShingledClauses]:
    """Shingle a batch of clauses (pure, except for the shared word numbering): the index
    table (clauses numbered from ``first``), and each clause's shingle sequence (for the
    frequency step)."""
    shingled = shingle_clauses([r.content for r in rows], lang, words, first)
    return shingled.table(), shingled


def doc_frequency(
    rows: Sequence[ClauseRow],
    sequences: ShingledClauses,
    lang: str,
    titles: Sequence[str] = (),
) -> DocFrequency:
    """Which shingles are frequent, from one batch of every clause."""
    import numpy as np

    doc_of = np.array([r.doc for r in rows], dtype=np.int64)
    return DocFrequency.of_batches([sequences], doc_of, lang, titles, 1)


def one_source_per_passage(
    found: list[tuple[int, int, LineageLink]],
) -> list[tuple[int, int, LineageLink]]:
    """A passage of a later clause has one source. Matched passages are handed out longest
    first (the earlier source on a tie); a passage that overlaps one already given keeps
    only its own part, and a link left with less than half of what it matched is dropped
    (it only shared a few words of a passage another clause supplies whole)."""
    by_target: dict[tuple[int, str], list[tuple[int, int, LineageLink]]] = defaultdict(list)
    for item in found:
        by_target[(item[1], item[2].to_path)].append(item)
    out = []
    for items in by_target.values():
        spans = sorted(
            ((s, k) for k, item in enumerate(items) for s in item[2].spans),
            key=lambda sk: (-(sk[0].to_end - sk[0].to_start), items[sk[1]][0], sk[1]),
        )
        taken: set[int] = set()
        kept: dict[int, list[Span]] = defaultdict(list)
        for span, k in spans:
            chars = set(range(span.to_start, span.to_end))
            if not chars & taken:
                taken |= chars
                kept[k].append(span)
        for k, item in enumerate(items):
            link = item[2]
            if 2 * sum(s.to_end - s.to_start for s in kept[k]) >= _matched(link):
                spans_k = tuple(sorted(kept[k], key=lambda x: x.to_start))
                out.append((item[0], item[1], replace(link, spans=spans_k)))
    return out


def _matched(link: LineageLink) -> int:
    return sum(s.to_end - s.to_start for s in link.spans)


# --- 5. merge ---------------------------------------------------------------------------------

Carry = Callable[[str], str | None]
"""Maps a path of a document's earlier revision to its path now (None: no longer there)."""


def merge(
    new: LineageFile, old: LineageFile | None, carry_from: Carry, carry_to: Carry
) -> LineageFile:
    """New proposals plus every reviewed link of ``old``, carried to current paths, in path
    order (a first build and a rebuild write the same file)."""
    if old is None:
        return replace(new, links=tuple(sorted(new.links, key=_link_order)))
    by_key = {link.key: link for link in new.links}
    kept: list[LineageLink] = []
    for link in old.links:
        if not link.reviewed:
            continue
        fp, tp = carry_from(link.from_path), carry_to(link.to_path)
        if fp is None or tp is None:
            gone = link.from_path if fp is None else link.to_path
            doc = new.from_doc if fp is None else new.to_doc
            kept.append(
                replace(
                    link, unplaced=link.unplaced or f"{doc}#{gone} is no longer in the document"
                )
            )
            continue
        fresh = by_key.pop((fp, tp), None)
        kept.append(
            replace(
                fresh or link,
                from_path=fp,
                to_path=tp,
                status=link.status,
                note=link.note,
                unplaced="",
            )
        )
    links = kept + list(by_key.values())
    links.sort(key=_link_order)
    return replace(new, links=tuple(links))


def _link_order(link: LineageLink) -> tuple[tuple[tuple[int, str], ...], ...]:
    return (_path_key(link.from_path), _path_key(link.to_path))


def _path_key(path: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in path.split("."))


# --- orchestration ----------------------------------------------------------------------------


@record
class BuildResult:
    files: list[LineageFile]
    written: list[str]
    unplaced: list[str]
    stale_docs: list[str]
    commit: str | None = None


def build(
    repo: PolicyRepo,
    only: Sequence[str] = (),
    force: bool = False,
    progress: Progress | None = None,
    commit: bool = False,
    discovery: Discovery | None = None,
) -> BuildResult:
    """Recompute what is stale (or everything with ``force``), merge, write all or nothing
    (and commit ``lineage/`` with ``commit``).

    The links are computed without the write lock; the merge with the reviewed links and
    the write happen under it, on the lineage files as they are then, so a review recorded
    while the build ran is kept."""
    docs = document_texts(repo)
    lang = lineage_language(docs)
    current = {d.id: d.blob for d in docs}
    stale = _stale(current, files.load_manifest(repo), only, force)
    plans = [p for p in plan_pairs(docs) if p.from_doc in stale or p.to_doc in stale]
    computed = compute_links(docs, plans, lang, progress, stale, discovery)
    with repo.writing():
        manifest = files.load_manifest(repo)
        existing = {f.name: f for f in files.load_all(repo)}
        by_id = {d.id: d for d in docs}
        _with_earlier_discoveries(computed, existing.values(), stale, by_id, lang)
        out_files, remove, unplaced = _merge_all(repo, computed, existing, by_id, current, lang)
        # under the lock no write is in flight: temporary files left here are debris
        remove += [rel for rel in repo.leftover_temp_files() if rel.startswith("lineage/")]
        # files of documents that no longer exist are left for 'lineage check' to report
        new_manifest = {
            **{k: v for k, v in manifest.items() if k in current},
            **{d: current[d] for d in stale},
        }
        written = files.write(repo, out_files, new_manifest, remove)
        sha = None
        if commit and stale:
            sha = repo.commit(["lineage"], f"lineage: rebuild ({', '.join(sorted(stale))})")
    return BuildResult(out_files, written, unplaced, sorted(stale), sha)


def _stale(
    current: dict[str, str], manifest: dict[str, str], only: Sequence[str], force: bool
) -> set[str]:
    """Documents whose lineage must be recomputed."""
    stale = {d for d in current if force or manifest.get(d) != current[d]}
    if not only:
        return stale
    unknown = [d for d in only if d not in current]
    if unknown:
        from polydiff.errors import UnknownDocumentError

        raise UnknownDocumentError(f"unknown document(s): {', '.join(unknown)}")
    return set(only) if force else stale & set(only)


def _with_earlier_discoveries(
    computed: Computed,
    existing: Iterable[LineageFile],
    stale: set[str],
    by_id: dict[str, DocText],
    lang: str,
) -> None:
    """Add to ``computed`` the discovered pairs of a recomputed document that have a file
    but no links now: merged, the file keeps its reviewed links or goes."""
    for f in existing:
        key = (f.from_doc, f.to_doc)
        if (
            f.relation is LineageRelation.DISCOVERED
            and key not in computed
            and (f.from_doc in stale or f.to_doc in stale)
            and f.from_doc in by_id
            and f.to_doc in by_id
        ):
            computed[key] = ([], Basis.TEXT, LineageRelation.DISCOVERED, lang)


def _merge_all(
    repo: PolicyRepo,
    computed: Computed,
    existing: dict[str, LineageFile],
    by_id: dict[str, DocText],
    current: dict[str, str],
    lang: str,
) -> tuple[list[LineageFile], list[str], list[str]]:
    """Merge each computed pair with its existing file: (files to write, files to remove,
    reviewed links that could not be placed)."""
    out_files: list[LineageFile] = []
    remove: list[str] = []
    unplaced: list[str] = []
    for (a, b), (links, basis, relation, found_in) in computed.items():
        name = f"{a}..{b}"
        old = existing.get(name)
        new = LineageFile(
            a, b, relation, found_in, basis, {a: current[a], b: current[b]}, tuple(links)
        )
        carry_a = _carrier(repo, by_id[a], old.computed_from.get(a, "") if old else "")
        carry_b = _carrier(repo, by_id[b], old.computed_from.get(b, "") if old else "")
        merged = merge(new, old, carry_a, carry_b)
        unplaced += [
            f"{name}: {x.from_path} → {x.to_path}: {x.unplaced}" for x in merged.links if x.unplaced
        ]
        if merged.links or relation is not LineageRelation.DISCOVERED:
            out_files.append(merged)
        elif old is not None:
            remove.append(files.file_path(a, b))
    return out_files, remove, unplaced


Computed = dict[tuple[str, str], tuple[list[LineageLink], Basis, LineageRelation, str]]
"""(earlier doc, later doc) → (links, basis, relation, language)."""


def compute_links(
    docs: Sequence[DocText],
    plans: Sequence[PairPlan],
    lang: str,
    progress: Progress | None = None,
    discover: Iterable[str] = (),
    discovery: Discovery | None = None,
) -> Computed:
    """The links of each planned pair, and of the discovered pairs (no declared relation,
    one of the documents in ``discover``) that have any (steps 2-4; pure: nothing is read
    or written)."""
    by_id = {d.id: d for d in docs}
    computed: Computed = {}
    wanted = set(discover)
    marked = [k for k, d in enumerate(docs) if d.id in wanted]
    total = len(plans) + (1 if marked else 0)
    ticks = iter(range(1, total + 1))

    def tick(stage: str) -> None:
        if progress:
            progress(stage, next(ticks), total)

    for p in plans:
        if p.relation.succession:
            links, basis, found_in = succession_links(by_id[p.from_doc], by_id[p.to_doc])
            computed[(p.from_doc, p.to_doc)] = (links, basis, p.relation, found_in)
            tick(f"align {p.from_doc} → {p.to_doc}")
    passage_plans = [p for p in plans if not p.relation.succession]
    if not passage_plans and not marked:
        return computed
    declared = [(p.from_doc, p.to_doc) for p in plans]
    grouped = _passage_links(
        docs, passage_plans, lang, marked, declared, discovery or discover_in_process
    )
    for p in passage_plans:
        links = grouped.pop((p.from_doc, p.to_doc), [])
        computed[(p.from_doc, p.to_doc)] = (links, Basis.TEXT, p.relation, lang)
        tick(f"passages {p.from_doc} → {p.to_doc}")
    for (a, b), links in grouped.items():  # what discovery found
        computed[(a, b)] = (links, Basis.TEXT, LineageRelation.DISCOVERED, lang)
    if marked:
        tick(f"discovery ({len(grouped)} pair(s) with reuse)")
    return computed


class Discovery(Protocol):
    """What computes the corpus's frequency model and the discovered passages: in process
    (:func:`discover_in_process`) or on a cluster (:mod:`polydiff.lineage.distributed`),
    with the same result."""

    def __call__(
        self,
        docs: Sequence[DocText],
        rows: Sequence[ClauseRow],
        lang: str,
        marked: Sequence[int],
        declared: Sequence[tuple[int, int]],
    ) -> tuple[DocFrequency, list[Found]]: ...


BATCH_CLAUSES = 50_000
"""Clauses shingled at a time in process: the arrays of a batch's sorts stay small."""


def shingled_batches(
    rows: Sequence[ClauseRow], lang: str, words: dict[str, int]
) -> list[ShingledClauses]:
    """The clauses of ``rows`` shingled ``BATCH_CLAUSES`` at a time (numbered by their
    place in ``rows``)."""
    return [
        shingle_clauses([r.content for r in rows[k : k + BATCH_CLAUSES]], lang, words, k)
        for k in range(0, len(rows), BATCH_CLAUSES)
    ]


def discover_in_process(
    docs: Sequence[DocText],
    rows: Sequence[ClauseRow],
    lang: str,
    marked: Sequence[int],
    declared: Sequence[tuple[int, int]],
) -> tuple[DocFrequency, list[Found]]:
    """Steps 3-4 for discovery in this process: the frequency model of ``rows`` (every
    clause of ``docs``) and the quotations and paraphrases between a ``marked`` document
    and any other with no ``declared`` pair (document indices), later clause by later
    clause, earlier first."""
    import numpy as np

    words: dict[str, int] = {}
    doc_of = np.array([r.doc for r in rows], dtype=np.int64)
    batches = shingled_batches(rows, lang, words)
    df = DocFrequency.of_batches(batches, doc_of, lang, [d.tree.title for d in docs])
    if not marked:
        return df, []
    weigh = unit_weigher(df, lang, words)
    tables = [b.table() for b in batches]
    sequences = [h for b in batches for h, _ in b]
    del batches  # their units go; the sequences keep the shingles
    allowed = PairFilter.of(len(docs), marked, declared)
    pairs = candidate_pairs(tables, doc_of, df, allowed)  # empties ``tables`` as it goes
    return df, verify_pairs(pairs, rows, sequences, lang, weigh, df.frequent_set)


class LazySequences(Sequence[Any]):
    """Shingle sequences of ``rows``, made when asked for (the verifier of declared pairs
    reads none; a cluster's verifier, a few)."""

    def __init__(self, rows: Sequence[ClauseRow], lang: str) -> None:
        self.rows, self.lang = rows, lang
        self.of = lru_cache(maxsize=4096)(self._of)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, k: Any) -> Any:
        return self.of(int(k))

    def _of(self, k: int) -> Any:
        return shingle_sequence(self.rows[k].content, self.lang, {})[0]


def _passage_links(
    docs: Sequence[DocText],
    plans: Sequence[PairPlan],
    lang: str,
    marked: Sequence[int] = (),
    declared: Sequence[tuple[str, str]] = (),
    discovery: Discovery = discover_in_process,
) -> dict[tuple[str, str], list[LineageLink]]:
    """Quotations, paraphrases and summaries of the planned (non-succession) pairs, and
    those discovery finds between a ``marked`` document (by index) and any other with no
    relation ``declared`` between them, each stretch of a later clause given to the source
    that explains it best."""
    index = {d.id: k for k, d in enumerate(docs)}
    rows = clause_rows(docs)
    known = [(index[a], index[b]) for a, b in declared if a in index and b in index]
    df, found = discovery(docs, rows, lang, marked, known)
    weigh = unit_weigher(df, lang, {})
    sequences = LazySequences(rows, lang)
    by_doc: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for k, r in enumerate(rows):
        by_doc[r.doc].append((k, r.content))
    summaries: list[Found] = []
    for p in plans:
        a, b = index[p.from_doc], index[p.to_doc]
        pairs = declared_candidates(by_doc[a], by_doc[b], lang, weigh)
        evidence = EVIDENCE[p.relation]
        found += verify_pairs(pairs, rows, sequences, lang, weigh, df.frequent_set, None, evidence)
        links = summary_links(docs[a].tree, docs[b].tree, lang, weigh)
        summaries += [(a, b, link) for link in links]
    grouped: dict[tuple[str, str], list[LineageLink]] = defaultdict(list)

    def heading(d: int, path: str) -> int:
        clause = docs[d].tree.find(path)
        return len(clause.heading) if clause else 0

    for da, db, link in with_summaries(one_source_per_passage(found), summaries, heading):
        grouped[(docs[da].id, docs[db].id)].append(link)
    return grouped


def with_summaries(
    found: list[Found], summaries: list[Found], heading: Callable[[int, str], int]
) -> list[Found]:
    """Passage links and summary links together. A pair found both ways is a summary when
    the passage reproduces the earlier clause's heading (the later text names it among
    its siblings: 推进工业全要素智能化发展 in NDRC's list of four), and keeps its passage kind
    when it reproduces the body (“从0到1”重大科学发现进程 is quoted from 2.1.1's text);
    either way with the spans of both. ``heading(doc, path)`` is the length of an earlier
    clause's heading."""
    by_key = {(da, db, link.key): (da, db, link) for da, db, link in found}
    for da, db, link in summaries:
        key = (da, db, link.key)
        passage = by_key.get(key)
        if passage is not None:
            spans = tuple(sorted({*passage[2].spans, *link.spans}, key=lambda s: s.to_start))
            size = heading(da, link.from_path)
            in_body = sum(
                max(0, s.from_end - max(s.from_start, size + 1)) for s in passage[2].spans
            )
            if 2 * in_body > sum(s.from_end - s.from_start for s in passage[2].spans):
                by_key[key] = (da, db, replace(passage[2], spans=spans))
                continue
            link = replace(link, spans=spans, score=max(link.score, passage[2].score))
        by_key[key] = (da, db, link)
    return list(by_key.values())


def _carrier(repo: PolicyRepo, doc: DocText, old_blob: str) -> Carry:
    """Path mapping from the revision a lineage file was computed from to the current one:
    identity when unchanged; the clause alignment of the two revisions (read from git by
    blob id) when changed; 'still there?' when the old revision cannot be read."""
    present = set(doc.tree.paths())
    if not old_blob or old_blob == doc.blob:
        return lambda p: p if p in present else None
    old_tree = _tree_from_blob(repo, old_blob)
    if old_tree is None:
        return lambda p: p if p in present else None
    from polydiff.align import align

    mapping: dict[str, str | None] = {}
    for link in align(old_tree, doc.tree).links:
        for a in link.a:
            mapping[a] = link.b[0] if link.b else None
    return lambda p: mapping.get(p, p if p in present else None)


def _tree_from_blob(repo: PolicyRepo, blob: str) -> ClauseTree | None:
    from polydiff.store import yamlio

    try:
        data = repo.history.read_blob(blob)
    except Exception:
        return None
    if data is None:
        return None
    name = f"blob {blob[:10]}"
    return yamlio.tree_from_data(repo.parsed_yaml(data, name), name)
