"""Helpers shared by the subcommands: finding the repository, writing data out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


Update = Callable[[str, int, int], None]


@contextmanager
def stderr_progress(label: str, enabled: bool = True) -> Iterator[Update | None]:
    """A progress bar on stderr (only on a terminal): yields ``update(stage, done, total)``,
    or None when there is nothing to show."""
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        yield update
