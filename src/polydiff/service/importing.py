"""``polydiff import``: parse a text (or an outline) and store it as a document."""

from __future__ import annotations

from pathlib import Path

from polydiff.store.importer import ImportOptions, ImportOutcome
from polydiff.store.repo import PolicyRepo

__all__ = ["ImportOptions", "ImportOutcome", "import_document"]


def import_document(repo: PolicyRepo, path: Path, options: ImportOptions) -> ImportOutcome:
    """Parse ``path`` and store it as a language of a document (all or nothing, under the
    repository's write lock; committed when ``options.commit``)."""
    from polydiff.store.importer import import_file

    return import_file(repo, path, options)
