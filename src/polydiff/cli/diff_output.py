"""``polydiff diff --output FILE``: a comparison written to a file, atomically; the binary
formats (the 新旧对照表 as docx or xlsx) are only ever written to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from polydiff.cli.common import warn
from polydiff.errors import UsageError
from polydiff.model.comparison import Comparison
from polydiff.report.contrast import Side

BINARY = ("docx", "xlsx")
BY_SUFFIX = {".docx": "docx", ".xlsx": "xlsx", ".md": "md", ".html": "html", ".json": "json"}


def output_format(args: argparse.Namespace) -> str:
    """The format to produce, checked against ``--output`` before any work is done:
    ``--output x.docx`` alone means docx; docx and xlsx need ``--output``."""
    fmt: str = args.format
    if args.output is not None and fmt == "text":
        fmt = BY_SUFFIX.get(args.output.suffix.lower(), "text")
        if fmt == "text":
            raise UsageError("--output: give --format md, html, json, docx or xlsx")
    if fmt in BINARY and args.output is None:
        raise UsageError(f"--format {fmt} writes a binary file: add --output FILE.{fmt}")
    if fmt in BINARY:
        from polydiff.extras import require
        from polydiff.report import contrast_docx, contrast_xlsx

        require(*(contrast_docx.NEEDS if fmt == "docx" else contrast_xlsx.NEEDS))
    return fmt


def write_output(
    cmp: Comparison, fmt: str, path: Path, a: Side, b: Side, args: argparse.Namespace
) -> None:
    """Render everything first, then write it beside ``path`` and rename it into place:
    an error leaves no half-written file and an existing one untouched."""
    from polydiff.service.exporting import save

    save(path, render(cmp, fmt, a, b, args))
    if sys.stderr.isatty():
        warn(f"wrote {path}")


def render(cmp: Comparison, fmt: str, a: Side, b: Side, args: argparse.Namespace) -> bytes:
    """The comparison in ``fmt`` as bytes."""
    if fmt == "docx":
        from polydiff.report.contrast_docx import comparison_docx

        return comparison_docx(cmp, a, b, args.all, args.context)
    if fmt == "xlsx":
        from polydiff.report.contrast_xlsx import comparison_xlsx

        return comparison_xlsx(cmp, a, b, args.all, args.context)
    if fmt == "json":
        from polydiff import jsonio
        from polydiff.report.data import comparison_to_json

        return (jsonio.pretty(comparison_to_json(cmp)) + "\n").encode()
    from polydiff.report.diff_markup import comparison_html, comparison_markdown

    markup = comparison_markdown if fmt == "md" else comparison_html
    return markup(cmp, args.context, args.stat).encode()
