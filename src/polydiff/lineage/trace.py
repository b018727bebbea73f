"""A clause's lineage as data: the hops back to its ancestors and forward to its
descendants, each with the texts at both ends, matched spans and wording diff."""

from __future__ import annotations

from polydiff.diff.wording import wording_diff
from polydiff.errors import UnknownDocumentError, UsageError
from polydiff.lineage import files
from polydiff.lineage.graph import LineageGraph
from polydiff.model import Clause, ClauseRef, ClauseTree
from polydiff.model.lineage import Hop, LinkKind, Trace, TracedHop
from polydiff.store.repo import PolicyRepo

TEXT_KINDS = {LinkKind.CARRIED, LinkKind.REWORDED, LinkKind.SPLIT, LinkKind.MERGED}


class _Trees:
    def __init__(self, repo: PolicyRepo) -> None:
        self.repo = repo
        self.cache: dict[tuple[str, str], ClauseTree | None] = {}

    def get(self, doc: str, lang: str) -> ClauseTree | None:
        """The tree of ``doc`` in ``lang``; None when the document has no such language or
        is no longer in the repository (a dangling link). A file that does not load is an
        error, reported as such."""
        key = (doc, lang)
        if key not in self.cache:
            try:
                meta = self.repo.load_meta(doc)
            except UnknownDocumentError:
                meta = None
            has = meta is not None and lang in meta.languages
            self.cache[key] = self.repo.load_tree(doc, lang) if has else None
        return self.cache[key]

    def clause(self, doc: str, path: str, lang: str) -> Clause | None:
        tree = self.get(doc, lang)
        return tree.find(path) if tree else None


def trace(
    repo: PolicyRepo,
    ref: str,
    depth: int = 10,
    lang: str | None = None,
    include_rejected: bool = False,
) -> Trace:
    """The lineage of clause ``ref`` (``doc#path``)."""
    try:
        r = ClauseRef.parse(ref)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if not r.path:
        raise UsageError(f"{ref}: name a clause, e.g. {r.doc}#2.1.1")
    meta = repo.load_meta(r.doc)
    use = lang or next(
        (f.lang for f in files.load_all(repo) if r.doc in (f.from_doc, f.to_doc)), meta.languages[0]
    )
    if use not in meta.languages:
        raise UsageError(f"{r.doc} has no {use} text (languages: {', '.join(meta.languages)})")
    trees = _Trees(repo)
    clause = trees.clause(r.doc, r.path, use)
    if clause is None:
        raise UsageError(f"no clause {r.path} in {r.doc} ({use})")
    graph = LineageGraph(files.load_all(repo), include_rejected)
    key = f"{r.doc}#{r.path}"
    lineage_lang = {f.name: f.lang for f in files.load_all(repo)}

    def traced(hop: Hop) -> TracedHop:
        a = trees.clause(hop.from_doc, hop.link.from_path, use)
        b = trees.clause(hop.to_doc, hop.link.to_path, use)
        ops: tuple[tuple[str, str], ...] = ()
        if hop.link.kind in TEXT_KINDS and a and b:
            ops = tuple(wording_diff(a.content, b.content, use))
        found_in = lineage_lang.get(f"{hop.from_doc}..{hop.to_doc}", use)
        if found_in == use or not hop.link.spans:
            return TracedHop(hop, a, b, ops, found_in == use)
        return TracedHop(
            hop,
            a,
            b,
            ops,
            False,
            found_in,
            trees.clause(hop.from_doc, hop.link.from_path, found_in),
            trees.clause(hop.to_doc, hop.link.to_path, found_in),
        )

    return Trace(
        r.doc,
        r.path,
        use,
        clause,
        [traced(h) for h in graph.ancestors(key, depth)],
        [traced(h) for h in graph.descendants(key, depth)],
    )
