"""Confirming and rejecting lineage links: the one implementation behind
``polydiff lineage confirm|reject`` and the terminal UI's ``c`` / ``x``.

A decision is a read-modify-write of one lineage file under the repository's write lock
(and, when asked, its commit too), so concurrent reviews never lose each other's decisions.
"""

from __future__ import annotations

from polydiff.errors import UsageError
from polydiff.lineage import files
from polydiff.model import ClauseRef
from polydiff.model.lineage import LineageFile, LineageLink, LineageRelation, LinkKind, Status
from polydiff.record import record, replace
from polydiff.store.repo import PolicyRepo


@record
class Decision:
    """What a review recorded."""

    link: LineageLink
    written: str
    """Repository-relative path of the lineage file written."""
    commit: str | None = None
    """The commit made (``commit_message`` given), else None."""


def set_review(
    repo: PolicyRepo,
    source: str,
    target: str,
    status: Status,
    note: str | None = None,
    add: bool = False,
    commit_message: str | None = None,
) -> Decision:
    """Mark the link ``source`` → ``target`` (``doc#path`` each) as ``status``.

    With ``add``, a link the machine did not propose is recorded (kind ``manual``). With
    ``commit_message``, the file is committed in the same locked step."""
    try:
        a, b = ClauseRef.parse(source), ClauseRef.parse(target)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if not a.path or not b.path:
        raise UsageError("name both clauses, e.g. gf-2025-11#2.6.1 ndrc-2025-0826#2.4")
    for ref in (a, b):
        trees = repo.load(ref.doc).trees
        if not any(t.find(ref.path or "") for t in trees.values()):
            raise UsageError(f"no clause {ref.path} in {ref.doc}")
    with repo.writing():
        f = _file_for(repo, a, b, add)
        link = next((x for x in f.links if x.key == (a.path, b.path)), None)
        if link is None:
            link = LineageLink(a.path or "", b.path or "", LinkKind.MANUAL, 1.0)
        updated = link.with_review(status, note)
        links = [updated if x.key == link.key else x for x in f.links]
        if all(x.key != link.key for x in f.links):
            links.append(updated)
        written = files.write(repo, [replace(f, links=tuple(links))], None)[0]
        sha = repo.commit([written], commit_message) if commit_message else None
    return Decision(updated, written, sha)


def _file_for(repo: PolicyRepo, a: ClauseRef, b: ClauseRef, add: bool) -> LineageFile:
    """The lineage file of ``a.doc`` → ``b.doc`` as it is now (read under the lock), or a
    new one when ``add`` records a link between documents that have none."""
    f = files.load(repo, a.doc, b.doc)
    if f is None and files.load(repo, b.doc, a.doc) is not None:
        raise UsageError(f"lineage runs from {b.doc} to {a.doc}: give {b} first")
    proposed = f is not None and any(x.key == (a.path, b.path) for x in f.links)
    if not proposed and not add:
        raise UsageError(
            f"no link {a} → {b} in lineage/{a.doc}..{b.doc}.yaml "
            "(run 'polydiff lineage build', or confirm --add to record it)"
        )
    if f is not None:
        return f
    relation = next(
        (
            LineageRelation.declared(r.type)
            for r in repo.load_meta(b.doc).relations
            if r.doc == a.doc
        ),
        LineageRelation.DISCOVERED,
    )
    return LineageFile(a.doc, b.doc, relation, repo.load_meta(a.doc).languages[0])
