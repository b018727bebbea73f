"""Opening and creating policy repositories (``--repo``, ``polydiff init``)."""

from __future__ import annotations

from pathlib import Path

from polydiff.errors import StoreError
from polydiff.record import record
from polydiff.store.repo import LINEAGE, POLICIES, PolicyRepo

__all__ = ["Initialised", "PolicyRepo", "find_repo", "init_repo", "open_repo"]


def open_repo(path: Path | None = None) -> PolicyRepo:
    """The repository at exactly ``path``, or (None) the one holding the current folder."""
    return PolicyRepo.at(path) if path is not None else PolicyRepo.find()


def find_repo(start: Path | None = None) -> PolicyRepo:
    """The repository holding ``start`` (default: the current folder)."""
    return PolicyRepo.find(start)


@record
class Initialised:
    """What ``polydiff init`` made."""

    root: Path
    created_git: bool
    """A git repository was created too (the folder was not inside one)."""


def init_repo(folder: Path) -> Initialised:
    """Make ``folder`` a policy repository: git (unless already inside one), ``policies/``
    and ``lineage/``; refuses a folder that already is one."""
    from polydiff.store.git import init_repository

    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: exists and is not a folder")
    if (folder / POLICIES).is_dir():
        raise StoreError(f"{folder}: already a policy repository ({POLICIES}/ exists)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create ({exc.strerror})") from None
    created = init_repository(folder)
    for name in (POLICIES, LINEAGE):
        (folder / name).mkdir()
        (folder / name / ".gitkeep").touch()
    return Initialised(folder.resolve(), created)
