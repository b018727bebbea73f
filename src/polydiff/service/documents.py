"""Reading documents: the corpus list (``polydiff docs``, the corpus screen) and one
document's clause trees (``polydiff show``, the document screen)."""

from __future__ import annotations

from polydiff.errors import UsageError
from polydiff.model import LANGUAGES, ClauseRef, ClauseTree, DocMeta
from polydiff.record import record
from polydiff.store.repo import PolicyRepo


@record
class DocSummary:
    """One document of the corpus: its metadata and clause count per language."""

    meta: DocMeta
    clauses: dict[str, int]

    @property
    def id(self) -> str:
        return self.meta.id

    def title(self, lang: str) -> str:
        """The title in ``lang`` (``both``: Chinese, then English)."""
        if lang == "both":
            titles = [self.meta.title.get(lg, "") for lg in LANGUAGES]
            return " / ".join(t for t in titles if t) or self.meta.id
        return self.meta.display_title(lang)


def document_meta(repo: PolicyRepo, doc: str, rev: str | None = None) -> DocMeta:
    """The metadata of ``doc`` (at ``rev``); raises for an unknown document or revision."""
    return repo.load_meta(doc, repo.source(rev))


def list_documents(repo: PolicyRepo) -> list[DocSummary]:
    """Every document of the working tree, by date (then id)."""
    rows = []
    for doc_id in repo.doc_ids():
        meta = repo.load_meta(doc_id)
        counts = {lang: len(repo.load_tree(doc_id, lang)) for lang in meta.languages}
        rows.append(DocSummary(meta, counts))
    return sorted(rows, key=lambda r: (r.meta.date, r.id))


@record
class Shown:
    """What ``polydiff show`` prints: the trees asked for, restricted to a clause."""

    ref: ClauseRef
    meta: DocMeta
    trees: tuple[ClauseTree, ...]
    """One tree, or zh and en (``both``)."""


def show(repo: PolicyRepo, ref: str, lang: str | None = None, path: str | None = None) -> Shown:
    """Document ``ref`` (``DOC[@REV][#PATH]``) in ``lang`` (``zh``, ``en``, ``both``; default
    its first language), only clause ``path`` (or the ref's) and its descendants."""
    try:
        r = ClauseRef.parse(ref)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    source = repo.source(r.rev)
    meta = repo.load_meta(r.doc, source)
    langs = meta.languages if lang == "both" else (lang or next(iter(meta.languages), ""),)
    missing = [lg for lg in langs if lg not in meta.languages]
    if missing or not langs:
        have = ", ".join(meta.languages) or "none"
        raise UsageError(f"{r.doc} has no {'/'.join(missing) or 'text'} (languages: {have})")
    trees = [repo.load_tree(r.doc, lg, source) for lg in langs]
    want = path or r.path
    if want is not None:
        from polydiff.parse.cite import resolve_path

        want = resolve_path(trees[0], want)  # 第三条, Article 3 → its path
        trees = [_restrict(t, want) for t in trees]
    return Shown(r, meta, tuple(trees))


def _restrict(tree: ClauseTree, path: str) -> ClauseTree:
    sub = tree.subtree(path)
    if not sub.clauses:
        raise UsageError(f"no clause {path} in {tree.doc} ({tree.lang})")
    return sub


def tree_yaml(tree: ClauseTree) -> str:
    """A clause tree as stored (``show --format yaml``)."""
    from polydiff.store import yamlio

    return yamlio.dump(yamlio.tree_to_data(tree))
