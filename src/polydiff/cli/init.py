"""``polydiff init [DIR]``: a new policy repository (git, policies/, lineage/)."""

from __future__ import annotations

import argparse
from pathlib import Path

from polydiff.errors import ExitCode, StoreError
from polydiff.store.repo import LINEAGE, POLICIES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "init",
        help="create a policy repository",
        description="Create a policy repository: git init (unless already inside "
        "one), policies/ and lineage/.",
    )
    p.add_argument("dir", nargs="?", default=".", help="folder (default: the current one)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from polydiff.store.git import init_repository

    root = Path(args.dir)
    if root.exists() and not root.is_dir():
        raise StoreError(f"{root}: exists and is not a folder")
    if (root / POLICIES).is_dir():
        raise StoreError(f"{root}: already a policy repository ({POLICIES}/ exists)")
    root.mkdir(parents=True, exist_ok=True)
    created_git = init_repository(root)
    for name in (POLICIES, LINEAGE):
        (root / name).mkdir()
        (root / name / ".gitkeep").touch()
    what = "git repository and " if created_git else ""
    print(f"Initialised {what}policy repository in {root.resolve()}")
    return ExitCode.OK
