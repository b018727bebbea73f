"""``polydiff review``: what a range of commits (or the staged changes) does to the corpus.

For each document added, changed or removed between two revisions: its metadata and parse
summary (structure found, what the parser did not recognise, zh/en agreement), the clause
diff against the base, the lineage it proposes or breaks; plus the lineage reviews made in
the range (who confirmed or rejected what). Findings that need a person make the exit
status 1; warnings do too with ``--strict``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from enum import StrEnum

from polydiff.align import align
from polydiff.errors import PolydiffError, RevisionError
from polydiff.lineage import files as lineage_files
from polydiff.lineage.build import compute_links, document_texts, lineage_language, plan_pairs
from polydiff.lineage.check import check_lineage
from polydiff.model import ClauseTree, Completeness, DocMeta, path_mismatch
from polydiff.model.comparison import ChangeKind, Comparison
from polydiff.model.lineage import Basis, LineageFile, LineageLink, LineageRelation, Status
from polydiff.record import field, record
from polydiff.store import yamlio
from polydiff.store.git import EmptySource
from polydiff.store.repo import LINEAGE, POLICIES, PolicyRepo, doc_dir
from polydiff.store.sources import FileSource


class DocChange(StrEnum):
    """What the range did to a document."""

    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


@record(frozen=False)
class DocReview:
    """One document added, changed or removed in the range."""

    doc: str
    status: DocChange
    meta: DocMeta | None = None
    structure: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per language: clause counts by kind."""
    parse_warnings: list[str] = field(default_factory=list)
    mismatch: tuple[list[str], list[str]] = ([], [])
    """Paths only in zh, only in en."""
    diffs: dict[str, Comparison] = field(default_factory=dict)
    """Per language (changed documents): the clause diff against the base."""
    proposed: list[tuple[str, LineageFile]] = field(default_factory=list)
    """(other document, links computed) for an added document's pairs with the corpus."""
    lineage_effects: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Files that no longer load at head."""


@record
class LinkReview:
    """A lineage link whose review status changed in the range."""

    file: str
    link: LineageLink
    before: str
    """Status before (``new`` for a link that did not exist)."""
    author: str
    commit: str
    date: str


@record(frozen=False)
class ReviewResult:
    """Everything ``polydiff review`` reports."""

    base: str
    head: str
    documents: list[DocReview] = field(default_factory=list)
    link_reviews: list[LinkReview] = field(default_factory=list)
    lineage_changed: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    """Need a person: exit status 1."""
    warnings: list[str] = field(default_factory=list)
    """Worth a look: exit status 1 with --strict."""

    @property
    def empty(self) -> bool:
        return not self.documents and not self.lineage_changed


def open_source(repo: PolicyRepo, rev: str, role: str) -> FileSource:
    """A revision, ``index`` (staged) or ``empty``, with a clear error for what is missing."""
    if rev == "empty":
        return EmptySource()
    if rev == "index":
        return repo.history.index()
    try:
        return repo.history.source(rev)
    except RevisionError:
        if repo.history.is_shallow():
            raise RevisionError(
                f"{role} revision {rev!r} is not in this shallow clone; fetch more history "
                "(git fetch --unshallow) or pass a revision that is present"
            ) from None
        raise


def default_range(repo: PolicyRepo) -> tuple[str, str]:
    """(merge base with the main branch, HEAD)."""
    main = repo.history.main_branch()
    if main is None:
        raise RevisionError(
            "no main branch (main, master, origin/main) to review against: pass --base REV"
        )
    return repo.history.merge_base(main, "HEAD"), "HEAD"


def review(repo: PolicyRepo, base: str, head: str) -> ReviewResult:
    """Review the corpus changes from ``base`` to ``head`` (revisions, ``index`` or ``empty``)."""
    src_base = open_source(repo, base, "base")
    src_head = open_source(repo, head, "head")
    result = ReviewResult(base, head)
    docs_base = set(src_base.list_dir(POLICIES))
    docs_head = set(src_head.list_dir(POLICIES))
    for doc in sorted(docs_base | docs_head):
        if doc not in docs_head:
            result.documents.append(DocReview(doc, DocChange.REMOVED))
        elif doc not in docs_base:
            result.documents.append(DocReview(doc, DocChange.ADDED))
        elif _blobs(src_base, doc) != _blobs(src_head, doc):
            result.documents.append(DocReview(doc, DocChange.CHANGED))
    for d in result.documents:
        if d.status is not DocChange.REMOVED:
            _load_head(repo, src_head, d, result)
    for d in result.documents:
        if d.status is DocChange.CHANGED and not d.errors:
            _diff(repo, src_base, src_head, d)
    _lineage_effects(repo, src_base, src_head, result)
    _proposals(repo, src_head, result)
    result.lineage_changed = _lineage_changes(src_base, src_head)
    if result.lineage_changed and head != "index" and base not in ("empty", "index"):
        result.link_reviews = _link_reviews(repo, base, head)
    elif head == "index":
        result.link_reviews = _staged_link_reviews(repo, src_base, src_head)
    if not result.empty:
        for f in check_lineage(repo, src_head):
            result.findings.append(f"lineage {f}")
    return result


def _blobs(src: FileSource, doc: str) -> dict[str, bytes | None]:
    base = doc_dir(doc)
    names = [n for n in src.list_dir(base) if n != "raw"]
    names += [f"raw/{n}" for n in src.list_dir(f"{base}/raw")]
    return {n: src.read(f"{base}/{n}") for n in names}


def _load_head(repo: PolicyRepo, src: FileSource, d: DocReview, result: ReviewResult) -> None:
    try:
        d.meta = repo.load_meta(d.doc, src)
        trees = {lang: repo.load_tree(d.doc, lang, src) for lang in d.meta.languages}
    except PolydiffError as exc:
        d.errors.append(str(exc))
        result.findings.append(f"{d.doc}: does not load at {result.head}: {exc}")
        return
    for lang, tree in trees.items():
        d.structure[lang] = dict(Counter(c.kind.value for c in tree.walk()))
    for f in d.meta.files:
        d.parse_warnings += [f"{f.lang}: {w}" for w in f.warnings]
    if d.parse_warnings:
        result.findings.append(
            f"{d.doc}: {len(d.parse_warnings)} part(s) of the text were not "
            "recognised by the parser (kept as paragraphs)"
        )
    if "zh" in trees and "en" in trees:
        d.mismatch = path_mismatch(trees["zh"], trees["en"])
        if any(d.mismatch) and d.meta.completeness is Completeness.FULL:
            only_zh, only_en = d.mismatch
            result.findings.append(
                f"{d.doc}: zh and en disagree (only in zh: {', '.join(only_zh) or '-'}; "
                f"only in en: {', '.join(only_en) or '-'})"
            )


def _diff(repo: PolicyRepo, src_base: FileSource, src_head: FileSource, d: DocReview) -> None:
    try:
        old_meta = repo.load_meta(d.doc, src_base)
    except PolydiffError:
        return
    assert d.meta is not None
    for lang in d.meta.languages:
        if lang in old_meta.languages:
            try:
                old = repo.load_tree(d.doc, lang, src_base)
            except PolydiffError:
                continue
            d.diffs[lang] = align(
                old,
                repo.load_tree(d.doc, lang, src_head),
                a_name=f"{d.doc}@base",
                b_name=f"{d.doc}@head",
            )


def _lineage_effects(
    repo: PolicyRepo, src_base: FileSource, src_head: FileSource, result: ReviewResult
) -> None:
    """What changed and removed documents do to the links of the base lineage."""
    try:
        base_files = lineage_files.load_all(repo, src_base)
    except PolydiffError:
        return
    for d in result.documents:
        mine = [
            (f, link) for f in base_files for link in f.links if d.doc in (f.from_doc, f.to_doc)
        ]
        if d.status is DocChange.REMOVED:
            for f, link in mine:
                d.lineage_effects.append(
                    f"{f.name}: {link.from_path} → {link.to_path} "
                    f"({link.kind.value}, {link.status.value}) now dangles"
                )
            if mine:
                result.findings.append(f"{d.doc}: removed, {len(mine)} lineage link(s) now dangle")
            continue
        if d.status is not DocChange.CHANGED:
            continue
        needs_person = 0
        for f, link in mine:
            cmp = d.diffs.get(f.lang)
            if cmp is None:
                continue
            path = link.from_path if f.from_doc == d.doc else link.to_path
            moved = next((x for x in cmp.links if path in x.a), None)
            label = (
                f"{f.name}: {link.from_path} → {link.to_path} "
                f"({link.kind.value}, {link.status.value})"
            )
            if moved is None or moved.kind is ChangeKind.DROPPED:
                d.lineage_effects.append(f"{label}: breaks, {d.doc}#{path} was dropped")
                needs_person += link.reviewed
            elif moved.kind is not ChangeKind.UNCHANGED:
                d.lineage_effects.append(
                    f"{label}: {d.doc}#{path} was {moved.kind.value}"
                    + (", needs re-confirming" if link.reviewed else "")
                )
                needs_person += link.reviewed
            elif moved.b and moved.b[0] != path:
                d.lineage_effects.append(f"{label}: moves to {d.doc}#{moved.b[0]}")
        if needs_person:
            result.warnings.append(
                f"{d.doc}: {needs_person} reviewed lineage link(s) need a "
                "person again (the clauses changed)"
            )


def _proposals(repo: PolicyRepo, src_head: FileSource, result: ReviewResult) -> None:
    """The lineage an added document would get, and its declared relations checked: its
    declared relations (and successions) as ``lineage build`` computes them, and, with
    every other document, the passages it reuses (the query of ``polydiff sources``)."""
    added = [d for d in result.documents if d.status is DocChange.ADDED and not d.errors]
    if not added:
        return
    try:
        docs = document_texts(repo, None, src_head)
        lang = lineage_language(docs)
    except PolydiffError as exc:
        result.findings.append(f"lineage: cannot read the documents at head: {exc}")
        return
    ids = {d.doc for d in added}
    plans = [
        p
        for p in plan_pairs(docs)
        if (p.from_doc in ids or p.to_doc in ids) and p.relation is not LineageRelation.DISCOVERED
    ]
    computed = compute_links(docs, plans, lang)
    by_id = {d.id: d for d in docs}
    for d in added:
        assert d.meta is not None
        declared = {r.doc: r.type.value for r in d.meta.relations}
        for (a, b), (links, basis, relation, found_in) in computed.items():
            if d.doc not in (a, b):
                continue
            other = b if a == d.doc else a
            f = LineageFile(
                a, b, relation, found_in, basis, {}, tuple(sorted(links, key=lambda x: -x.score))
            )
            if links:
                d.proposed.append((other, f))
            if other in declared and not links:
                result.warnings.append(
                    f"{d.doc}: declares '{declared[other]} {other}' but no clause "
                    f"shows textual reuse of {other}"
                )
        if d.doc in by_id:
            _discovered(repo, src_head, d, by_id[d.doc].tree, ids, declared, result)


def _discovered(
    repo: PolicyRepo,
    src_head: FileSource,
    d: DocReview,
    tree: ClauseTree,
    added: set[str],
    declared: dict[str, str],
    result: ReviewResult,
) -> None:
    """The passages of an added document that reuse documents it declares no relation to."""
    from polydiff.service.sources import tree_sources

    by_doc: dict[str, list[LineageLink]] = defaultdict(list)
    for r in tree_sources(repo, tree, sorted(added | set(declared)), src_head):
        by_doc[r.doc].append(r.link)
    for other, links in sorted(by_doc.items()):
        f = LineageFile(
            other,
            d.doc,
            LineageRelation.DISCOVERED,
            tree.lang,
            Basis.TEXT,
            {},
            tuple(sorted(links, key=lambda x: -x.score)),
        )
        d.proposed.append((other, f))
        result.warnings.append(
            f"{d.doc}: quotes {other} ({len(links)} passage(s)) without a declared relation"
        )


def _lineage_changes(src_base: FileSource, src_head: FileSource) -> list[str]:
    names = set(src_base.list_dir(LINEAGE)) | set(src_head.list_dir(LINEAGE))
    return sorted(
        n for n in names if src_base.read(f"{LINEAGE}/{n}") != src_head.read(f"{LINEAGE}/{n}")
    )


def _statuses(data: bytes | None, name: str) -> dict[tuple[str, str], LineageLink]:
    if data is None or ".." not in name:
        return {}
    try:
        f = lineage_files.from_data(yamlio.load(data, name), name)
    except PolydiffError:
        return {}
    return {link.key: link for link in f.links}


def _link_reviews(repo: PolicyRepo, base: str, head: str) -> list[LinkReview]:
    """Status changes commit by commit (so each has its author)."""
    out: list[LinkReview] = []
    for rev in repo.history.commits_between(base, head, LINEAGE):
        for change in repo.history.changes(rev.sha, LINEAGE):
            name = change.path.rsplit("/", 1)[-1].removesuffix(".yaml")
            out += _status_changes(
                name, change.before, change.after, rev.author, rev.short, rev.date[:10]
            )
    return out


def _status_changes(
    name: str, before: bytes | None, after: bytes | None, author: str, commit: str, date: str
) -> list[LinkReview]:
    """The links of lineage file ``name`` whose review status differs between two contents."""
    old_links = _statuses(before, name)
    out = []
    for key, link in _statuses(after, name).items():
        old = old_links.get(key)
        if link.reviewed and (old is None or old.status is not link.status):
            out.append(
                LinkReview(name, link, old.status.value if old else "new", author, commit, date)
            )
    return out


def _staged_link_reviews(
    repo: PolicyRepo, src_base: FileSource, src_head: FileSource
) -> list[LinkReview]:
    who = repo.history.config_value("user", "name", "you")
    out: list[LinkReview] = []
    for name in _lineage_changes(src_base, src_head):
        before, after = src_base.read(f"{LINEAGE}/{name}"), src_head.read(f"{LINEAGE}/{name}")
        out += _status_changes(name.removesuffix(".yaml"), before, after, who, "staged", "")
    return out


def exit_status(result: ReviewResult, strict: bool) -> int:
    """0 clean, 1 findings (or warnings with ``strict``)."""
    return 1 if result.findings or (strict and result.warnings) else 0


__all__ = [
    "DocReview",
    "LinkReview",
    "ReviewResult",
    "Status",
    "default_range",
    "exit_status",
    "review",
]
