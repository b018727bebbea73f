"""``polydiff init [DIR]``: a new policy repository (git, policies/, lineage/)."""

from __future__ import annotations

import argparse
from pathlib import Path

from polydiff.errors import ExitCode


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
    from polydiff.service.repository import init_repo

    made = init_repo(Path(args.dir))
    what = "git repository and " if made.created_git else ""
    print(f"Initialised {what}policy repository in {made.root}")
    return ExitCode.OK
