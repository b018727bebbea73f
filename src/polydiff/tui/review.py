"""Confirming or rejecting a lineage link from the TUI: the core's
:func:`polydiff.lineage.review.set_review`, as ``polydiff lineage confirm|reject`` uses it."""

from __future__ import annotations

from polydiff.lineage.model import Status
from polydiff.lineage.review import set_review
from polydiff.store.repo import PolicyRepo


def review_link(
    repo: PolicyRepo, source: str, target: str, status: Status, note: str | None = None
) -> str:
    """Mark the link ``source`` → ``target`` (``doc#path`` each) as ``status``; returns the
    repository-relative path of the lineage file written."""
    return set_review(repo, source, target, status, note)[1]
