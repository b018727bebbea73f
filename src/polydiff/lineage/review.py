"""Confirming and rejecting lineage links: the one implementation behind
``polydiff lineage confirm|reject`` and the terminal UI's ``c`` / ``x``."""

from __future__ import annotations

from dataclasses import replace

from polydiff.errors import UsageError
from polydiff.lineage import files
from polydiff.lineage.model import LineageFile, LineageLink, LinkKind, Status
from polydiff.model import ClauseRef
from polydiff.store.repo import PolicyRepo


def set_review(
    repo: PolicyRepo,
    source: str,
    target: str,
    status: Status,
    note: str | None = None,
    add: bool = False,
) -> tuple[LineageLink, str]:
    """Mark the link ``source`` → ``target`` (``doc#path`` each) as ``status``.

    With ``add``, a link the machine did not propose is recorded (kind ``manual``). Returns
    the updated link and the repository-relative path of the lineage file written."""
    try:
        a, b = ClauseRef.parse(source), ClauseRef.parse(target)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if not a.path or not b.path:
        raise UsageError("name both clauses, e.g. gf-2025-11#2.6.1 ndrc-2025-0826#2.4")
    f = files.load(repo, a.doc, b.doc)
    if f is None and files.load(repo, b.doc, a.doc) is not None:
        raise UsageError(f"lineage runs from {b.doc} to {a.doc}: give {b} first")
    for ref in (a, b):
        trees = repo.load(ref.doc).trees
        if not any(t.find(ref.path or "") for t in trees.values()):
            raise UsageError(f"no clause {ref.path} in {ref.doc}")
    link = next((x for x in f.links if x.key == (a.path, b.path)), None) if f else None
    if link is None:
        if not add:
            raise UsageError(
                f"no link {a} → {b} in lineage/{a.doc}..{b.doc}.yaml "
                "(run 'polydiff lineage build', or confirm --add to record it)"
            )
        link = LineageLink(a.path, b.path, LinkKind.MANUAL, 1.0)
        if f is None:
            relation = next(
                (r.type.value for r in repo.load_meta(b.doc).relations if r.doc == a.doc),
                "discovered",
            )
            f = LineageFile(a.doc, b.doc, relation, repo.load_meta(a.doc).languages[0])
    assert f is not None
    updated = link.with_review(status, note)
    links = [updated if x.key == link.key else x for x in f.links]
    if all(x.key != link.key for x in f.links):
        links.append(updated)
    written = files.write(repo, [replace(f, links=tuple(links))], None)
    return updated, written[0]
