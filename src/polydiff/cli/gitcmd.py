"""``polydiff git install|uninstall`` and ``polydiff textconv``: git integration.

``install`` makes plain ``git diff`` / ``git log -p`` show clause text for clause-tree files
(a diff driver: ``.gitattributes`` plus ``git config diff.polydiff.textconv``) and installs a
pre-commit hook running ``polydiff check`` and ``polydiff review --staged``. ``uninstall``
removes exactly what ``install`` added.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from polydiff.cli.common import repo_from
from polydiff.errors import ExitCode


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "git",
        help="install or remove the git integration",
        description="git install: a diff driver so git diff shows clause text, and a "
        "pre-commit hook (polydiff check; polydiff review --staged). "
        "git uninstall: remove them.",
    )
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    i = verbs.add_parser("install", help="install the diff driver and pre-commit hook")
    i.add_argument(
        "--force", action="store_true", help="replace a pre-commit hook not made by polydiff"
    )
    i.add_argument("--no-hook", action="store_true", help="only the diff driver")
    i.set_defaults(func=run_install)
    u = verbs.add_parser("uninstall", help="remove what install added")
    u.set_defaults(func=run_uninstall)
    t = sub.add_parser("textconv", help=argparse.SUPPRESS)
    t.add_argument("file", type=Path)
    t.set_defaults(func=run_textconv)


def run_install(args: argparse.Namespace) -> int:
    from polydiff.service.git_setup import install

    done = install(repo_from(args), hook=not args.no_hook, force=args.force)
    print(
        f"diff driver: {', '.join(done.patterns)} in {done.attributes}; "
        "git config diff.polydiff.textconv"
    )
    if done.hook:
        print(f"pre-commit hook: {done.hook}")
    return ExitCode.OK


def run_uninstall(args: argparse.Namespace) -> int:
    from polydiff.service.git_setup import uninstall

    uninstall(repo_from(args))
    print("removed the polydiff diff driver and pre-commit hook")
    return ExitCode.OK


def run_textconv(args: argparse.Namespace) -> int:
    """Print a clause-tree YAML file as readable text (git's diff driver)."""
    from polydiff.service.git_setup import textconv

    sys.stdout.flush()
    sys.stdout.buffer.write(textconv(args.file))
    return ExitCode.OK
