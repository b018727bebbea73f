"""Clause history from git: ``polydiff log`` (like ``git log --follow`` for one clause) and
``polydiff blame`` (the commit that last changed each clause's wording).

Each revision of a document is a commit; consecutive revisions are aligned clause by clause
(:func:`polydiff.align.align`), so a clause is followed through renumbering and moves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from polydiff.align import align
from polydiff.errors import PolydiffError, UsageError
from polydiff.model import ClauseTree
from polydiff.model.comparison import ChangeKind, Comparison, Link
from polydiff.store.git import Revision
from polydiff.store.repo import PolicyRepo, doc_dir


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One commit in a document's or a clause's history."""

    revision: Revision
    path: str | None
    """The clause's path at this revision (None for a whole-document log)."""
    change: str
    """``added``, ``reworded``, ``renumbered``, ``moved``, ``split``, ``merged``, ``changed``
    (document log), or ``imported`` (the first revision)."""
    previous_path: str | None = None
    links: tuple[Link, ...] = ()
    """The changed links of this revision (the clause's one, or all for a document)."""


@dataclass(frozen=True, slots=True)
class BlameLine:
    """The commit that last changed one clause's wording."""

    path: str
    heading: str
    text: str
    revision: Revision


@dataclass(slots=True)
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
            entries.append(LogEntry(revision, current, "imported"))
            break
        cmp = align(older, newer)
        if current is None:
            changed = tuple(link for link in cmp.links if link.changed)
            if changed:
                entries.append(LogEntry(revision, None, "changed", links=changed))
            continue
        link = _link_to(cmp, current)
        if link is None or link.kind is ChangeKind.NEW:
            entries.append(LogEntry(revision, current, "added", links=(link,) if link else ()))
            break
        if link.changed:
            entries.append(LogEntry(revision, current, _what(link), link.a[0], (link,)))
        current = link.a[0]
    return entries


def _link_to(cmp: Comparison, path: str) -> Link | None:
    return next((link for link in cmp.links if path in link.b), None)


def _what(link: Link) -> str:
    if link.kind in (ChangeKind.SPLIT, ChangeKind.MERGED, ChangeKind.REWORDED):
        return link.kind.value
    return "moved" if link.moved else "renumbered"


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
