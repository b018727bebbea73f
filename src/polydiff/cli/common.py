"""Helpers shared by the subcommands: finding the repository, writing data out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from polydiff.service.repository import PolicyRepo, open_repo
from polydiff.typenames import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from typing import Any, TextIO


def repo_from(args: argparse.Namespace) -> PolicyRepo:
    """The repository named by ``--repo`` or found from the current folder."""
    return open_repo(Path(args.repo) if args.repo else None)


def emit_json(data: Any) -> None:
    """JSON on stdout: UTF-8, not ASCII-escaped, indented, one trailing newline."""
    from polydiff import jsonio

    sys.stdout.write(jsonio.pretty(data) + "\n")


class _TrimmedLines:
    """A text stream that drops the spaces rich pads lines with, for pipes and files."""

    def __init__(self, stream: Any) -> None:
        self.stream, self.pending = stream, ""

    def write(self, text: str) -> int:
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        for line in lines:
            self.stream.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.stream.write(self.pending.rstrip(" "))
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return int(self.stream.fileno())


def out_console(**options: Any) -> Any:
    """The console commands print to: rich's, on a terminal; elsewhere (a pipe, a file)
    without the trailing spaces rich pads lines with."""
    from rich.console import Console

    if sys.stdout.isatty():
        return Console(**options)
    return Console(file=cast("TextIO", _TrimmedLines(sys.stdout)), **options)


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
def stderr_progress(label: str) -> Iterator[Update | None]:
    """A progress bar on stderr (only on a terminal): yields ``update(stage, done, total)``,
    or None when there is nothing to show. The bar (and rich) appear with the first update,
    so work that reports nothing costs nothing."""
    if not sys.stderr.isatty():
        yield None
        return
    bar: Any = None
    task: Any = None

    def update(stage: str, done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            from rich.console import Console
            from rich.progress import Progress

            bar = Progress(console=Console(stderr=True), transient=True)
            bar.start()
            task = bar.add_task(label, total=None)
        bar.update(task, description=stage, completed=done, total=total)

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()
