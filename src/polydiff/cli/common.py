"""Helpers shared by the subcommands: finding the repository, writing data out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from polydiff.store.repo import PolicyRepo


def repo_from(args: argparse.Namespace) -> PolicyRepo:
    """The repository named by ``--repo`` or found from the current folder."""
    if args.repo:
        return PolicyRepo.at(Path(args.repo))
    return PolicyRepo.find()


def emit_json(data: Any) -> None:
    """JSON on stdout: UTF-8, not ASCII-escaped, indented, one trailing newline."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def warn(message: str) -> None:
    """A diagnostic line on stderr."""
    print(f"polydiff: {message}", file=sys.stderr)


def add_format(
    parser: argparse.ArgumentParser, choices: tuple[str, ...], default: str = "text"
) -> None:
    """The ``--format`` option every data-printing command has."""
    parser.add_argument(
        "--format", choices=choices, default=default, help=f"output format (default: {default})"
    )
