"""The ``polydiff`` command: one subcommand per module, each returning an exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from polydiff import __version__
from polydiff.cli import (
    check,
    diffcmd,
    docs,
    gitcmd,
    history,
    importcmd,
    init,
    lineage,
    review,
    show,
    trace,
    tui,
)
from polydiff.errors import ExitCode, PolydiffError

COMMANDS = (
    init,
    importcmd,
    show,
    docs,
    diffcmd,
    lineage,
    trace,
    review,
    history,
    gitcmd,
    check,
    tui,
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
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
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run polydiff with ``argv``; returns the exit status (never raises for user errors)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            parser.print_help()
            return ExitCode.OK
        # no subcommand on a terminal: 'polydiff tui', with its defaults
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "tui"])
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
    """Console-script entry point."""
    sys.exit(main())
