"""The ``polydiff`` command: one subcommand per module, each returning an exit code.

Only the chosen subcommand's module is imported (``polydiff --version`` and a diff of two
texts load nothing they do not use); the others are listed by name and help line so that
``polydiff --help`` shows them all.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence

from polydiff import __version__
from polydiff.errors import ExitCode, PolydiffError
from polydiff.gcpause import gc_paused
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, NoReturn

COMMANDS: dict[str, tuple[str, str | None]] = {
    "init": ("init", "create a policy repository"),
    "import": ("importcmd", "import a text (or an outline) as a document"),
    "show": ("show", "show a document's clause tree"),
    "docs": ("docs", "list documents"),
    "diff": ("diffcmd", "compare two documents clause by clause"),
    "lineage": ("lineage", "build, check and review the lineage graph"),
    "trace": ("trace", "a clause's ancestors and descendants"),
    "sources": ("sources", "where the passages of a text came from"),
    "review": ("review", "review added, changed and removed documents in a range"),
    "log": ("history", "commits that changed a document or a clause"),
    "blame": ("history", "the commit that last changed each clause"),
    "git": ("gitcmd", "install or remove the git integration"),
    "textconv": ("gitcmd", None),
    "check": ("check", "validate every document"),
    "tui": ("tui", "browse the corpus in a terminal UI"),
}
"""Subcommand → (module of ``polydiff.cli`` that registers it, help line; None: hidden)."""


def _chosen(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (the first word that is not an option)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--repo":
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` finds it (``COLUMNS``, then
    the terminal of standard output, else 80), without importing shutil and the compression
    modules it loads: argparse asks for it whenever an argument is added."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, its width found by :func:`_columns`."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _columns() - 2)


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors on one line (``polydiff diff: error: …; see --help``), its
    subcommands' parsers too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(ExitCode.ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser: with ``argv``, only the subcommand it names (or, when it names
    none, every subcommand by name and help line); without, every subcommand in full (for
    documentation and tests)."""
    parser = _Parser(
        prog="polydiff",
        description="Clause-level diff and lineage of policy documents (Chinese and English).",
        epilog="Exit status: 0 success / no differences, 1 differences or findings, 2 error.",
    )
    parser.add_argument("--version", action="version", version=f"polydiff {__version__}")
    parser.add_argument(
        "--repo",
        metavar="PATH",
        help="policy repository (default: found from the current folder upwards)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _chosen(argv) if argv is not None else None
    wanted = set(COMMANDS) if argv is None else ({chosen} if chosen else set())
    for module in dict.fromkeys(COMMANDS[name][0] for name in COMMANDS if name in wanted):
        importlib.import_module(f"polydiff.cli.{module}").register(sub)
    if not chosen:  # the others by name, for the list in --help and in usage errors
        for name, (_, help_line) in COMMANDS.items():
            if name not in sub.choices and help_line is not None:
                sub.add_parser(name, help=help_line, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run polydiff with ``argv``; returns the exit status (never raises for user errors)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        with gc_paused():  # importing the subcommand: many objects, no garbage
            args = build_parser(args_list).parse_args(args_list)
        if not getattr(args, "func", None):
            if not (sys.stdin.isatty() and sys.stdout.isatty()):
                build_parser().print_help()
                return ExitCode.OK
            # no subcommand on a terminal: 'polydiff tui', with its defaults
            args = build_parser([*args_list, "tui"]).parse_args([*args_list, "tui"])
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    try:
        return int(args.func(args))
    except PolydiffError as exc:
        print(f"polydiff: error: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("polydiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK
    except OSError as exc:  # the system refused something no check foresaw: one line
        where = f": {exc.filename}" if exc.filename else ""
        print(f"polydiff: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return ExitCode.ERROR


def run() -> None:
    """Console-script entry point. The process ends with the command: its objects are
    frozen out of the collector first, so that the interpreter's last collection does not
    walk them all (2–4 ms of a ``polydiff diff``)."""
    code = main()
    gc.freeze()
    sys.exit(code)
