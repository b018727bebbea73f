"""Clause history from git: ``polydiff log`` (like ``git log --follow`` for one clause),
``polydiff blame`` (the commit that last changed each clause's wording), and the revision
list the terminal UI's history screen shows.

Each revision of a document is a commit; consecutive revisions are aligned clause by clause
(:func:`polydiff.align.align`), so a clause is followed through renumbering and moves.
"""

from __future__ import annotations

from enum import StrEnum

from polydiff.align import align
from polydiff.errors import PolydiffError, UsageError
from polydiff.model import ClauseTree
from polydiff.model.comparison import ChangeKind, Comparison, Link
from polydiff.record import field, record
from polydiff.store.git import Revision
from polydiff.store.repo import PolicyRepo, doc_dir


class ClauseChange(StrEnum):
    """What a commit did to a clause (or, ``changed``, to a document)."""

    ADDED = "added"
    REWORDED = "reworded"
    RENUMBERED = "renumbered"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    CHANGED = "changed"
    """Document log: some clauses changed."""
    IMPORTED = "imported"
    """The first revision."""


@record
class LogEntry:
    """One commit in a document's or a clause's history."""

    revision: Revision
    path: str | None
    """The clause's path at this revision (None for a whole-document log)."""
    change: ClauseChange
    previous_path: str | None = None
    links: tuple[Link, ...] = ()
    """The changed links of this revision (the clause's one, or all for a document)."""


@record
class BlameLine:
    """The commit that last changed one clause's wording."""

    path: str
    heading: str
    text: str
    revision: Revision


@record(frozen=False)
class _Versions:
    """A document's trees at each revision that has the language, newest first."""

    revisions: list[Revision] = field(default_factory=list)
    trees: list[ClauseTree] = field(default_factory=list)


def _versions(repo: PolicyRepo, doc: str, lang: str, rev: str = "HEAD") -> _Versions:
    history = repo.history
    revs = history.revisions(doc_dir(doc), rev)
    if not revs:
        raise UsageError(f"{doc} has no committed revisions (commit it first)")
    out = _Versions()
    for revision in revs:
        source = history.source(revision.sha)
        try:
            meta = repo.load_meta(doc, source)
        except PolydiffError:
            break  # the document did not exist before this commit
        if lang not in meta.languages:
            continue
        out.revisions.append(revision)
        out.trees.append(repo.load_tree(doc, lang, source))
    if not out.trees:
        raise UsageError(f"{doc} has no {lang} text in any revision")
    return out


def _language(repo: PolicyRepo, doc: str, lang: str | None, rev: str = "HEAD") -> str:
    meta = repo.load_meta(doc, repo.history.source(rev))
    if lang is None:
        return meta.languages[0]
    if lang not in meta.languages:
        raise UsageError(f"{doc} has no {lang} text (languages: {', '.join(meta.languages)})")
    return lang


def clause_log(
    repo: PolicyRepo,
    doc: str,
    path: str | None = None,
    lang: str | None = None,
    rev: str = "HEAD",
) -> list[LogEntry]:
    """Commits up to ``rev`` that changed the document (or clause ``path``), newest first."""
    use = _language(repo, doc, lang, rev)
    v = _versions(repo, doc, use, rev)
    if path is not None and v.trees[0].find(path) is None:
        raise UsageError(f"no clause {path} in {doc} ({use}) at {rev}")
    entries: list[LogEntry] = []
    current = path
    for k, revision in enumerate(v.revisions):
        newer = v.trees[k]
        older = v.trees[k + 1] if k + 1 < len(v.trees) else None
        if older is None:
            entries.append(LogEntry(revision, current, ClauseChange.IMPORTED))
            break
        cmp = align(older, newer)
        if current is None:
            changed = tuple(link for link in cmp.links if link.changed)
            if changed:
                entries.append(LogEntry(revision, None, ClauseChange.CHANGED, links=changed))
            continue
        link = _link_to(cmp, current)
        if link is None or link.kind is ChangeKind.NEW:
            added = (link,) if link else ()
            entries.append(LogEntry(revision, current, ClauseChange.ADDED, links=added))
            break
        if link.changed:
            entries.append(LogEntry(revision, current, _what(link), link.a[0], (link,)))
        current = link.a[0]
    return entries


def _link_to(cmp: Comparison, path: str) -> Link | None:
    return next((link for link in cmp.links if path in link.b), None)


def _what(link: Link) -> ClauseChange:
    if link.kind in (ChangeKind.SPLIT, ChangeKind.MERGED, ChangeKind.REWORDED):
        return ClauseChange(link.kind.value)
    return ClauseChange.MOVED if link.moved else ClauseChange.RENUMBERED


def blame(
    repo: PolicyRepo, doc: str, lang: str | None = None, rev: str = "HEAD"
) -> list[BlameLine]:
    """For each clause at ``rev``, the commit that last changed its wording."""
    use = _language(repo, doc, lang, rev)
    v = _versions(repo, doc, use, rev)
    oldest = len(v.trees) - 1
    owner = {c.path: v.revisions[oldest] for c in v.trees[oldest].walk()}
    for k in range(oldest - 1, -1, -1):
        cmp = align(v.trees[k + 1], v.trees[k])
        now: dict[str, Revision] = {}
        for link in cmp.links:
            for b in link.b:
                kept = link.kind is ChangeKind.UNCHANGED and link.a
                now[b] = owner.get(link.a[0], v.revisions[k]) if kept else v.revisions[k]
        owner = now
    return [BlameLine(c.path, c.heading, c.text, owner[c.path]) for c in v.trees[0].walk()]


# --- revisions of a document or clause, for browsing -----------------------------------------

MAX_REVISIONS = 200


@record
class RevisionRow:
    """One revision of a document or clause: a commit, or the uncommitted working tree
    (``rev`` None)."""

    rev: str | None
    date: str
    """``YYYY-MM-DD HH:MM`` (UTC); empty for the working tree."""
    author: str
    message: str
    change: ClauseChange | None = None
    """For a clause: what the commit did to it (as ``polydiff log``)."""
    path: str | None = None
    """For a clause: its path at this revision."""

    @property
    def short(self) -> str:
        return self.rev[:10] if self.rev else "worktree"


def revision_rows(repo: PolicyRepo, doc: str, path: str | None = None) -> list[RevisionRow]:
    """Revisions of ``doc`` newest first (every commit that touched it), or of clause
    ``path`` (the commits that changed it, followed through renumbering); the working tree
    on top when it differs from HEAD."""
    if path is None:
        revs = repo.history.revisions(doc_dir(doc))[:MAX_REVISIONS]
        out = [RevisionRow(r.sha, _minute(r.date), r.author, r.message) for r in revs]
    else:
        out = [
            RevisionRow(
                e.revision.sha,
                _minute(e.revision.date),
                e.revision.author,
                e.revision.message,
                e.change,
                e.path,
            )
            for e in clause_log(repo, doc, path)[:MAX_REVISIONS]
        ]
    if out and _dirty(repo, doc, path):
        message = "(uncommitted changes in the working tree)"
        change = ClauseChange.CHANGED if path else None
        out.insert(0, RevisionRow(None, "", "", message, change, path))
    return out


def _minute(iso: str) -> str:
    return iso[:16].replace("T", " ")


def _clause_hash(repo: PolicyRepo, doc: str, path: str, rev: str | None) -> str:
    """Digest of the clause in every language of the document at ``rev`` (``-`` where a
    language lacks it)."""
    src = repo.source(rev)
    meta = repo.load_meta(doc, src)
    return "/".join(
        (c.hash if (c := repo.load_tree(doc, lg, src).find(path)) else "-") for lg in meta.languages
    )


def _dirty(repo: PolicyRepo, doc: str, path: str | None) -> bool:
    """The working tree differs from HEAD (for the clause, or any file of the document)."""
    if path is not None:
        try:
            return _clause_hash(repo, doc, path, None) != _clause_hash(repo, doc, path, "HEAD")
        except PolydiffError:
            return True
    head = repo.history.source("HEAD")
    base = doc_dir(doc)
    names = sorted(set(repo.worktree.list_dir(base)) | set(head.list_dir(base)))
    return any(repo.worktree.read(f"{base}/{n}") != head.read(f"{base}/{n}") for n in names)
