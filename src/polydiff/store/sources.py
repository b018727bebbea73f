"""Where repository files are read from: the working tree, or a git revision.

Both kinds of source answer the same two questions (read a file, list a folder) with paths
relative to the policy repository's root, so loading a document is the same code whether it
comes from disk or from any commit.
"""

from __future__ import annotations

from pathlib import Path

from polydiff.typenames import Protocol


class FileSource(Protocol):
    """Read-only access to the files of a policy repository."""

    rev: str | None
    """The revision as the user named it; None for the working tree."""

    def read(self, rel: str) -> bytes | None:
        """Content of the file at ``rel`` (posix path from the repository root), or None."""

    def list_dir(self, rel: str) -> list[str]:
        """Names of the entries of folder ``rel``, sorted; empty when there is no folder."""

    def describe(self, rel: str) -> str:
        """How to name ``rel`` in messages (``policies/x/zh.yaml@HEAD~1``)."""


class WorktreeSource:
    """Files on disk under ``root``."""

    rev: str | None = None

    def __init__(self, root: Path) -> None:
        self.root = root

    def read(self, rel: str) -> bytes | None:
        try:
            return (self.root / rel).read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None

    def list_dir(self, rel: str) -> list[str]:
        folder = self.root / rel
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))

    def describe(self, rel: str) -> str:
        return rel
