"""What the parser did not recognise, and a short account of many such warnings."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from polydiff.record import record


class WarningKind(StrEnum):
    """What a parse warning is about (the value says it in words, for summaries)."""

    UNRECOGNISED = "unrecognised numbering kept as paragraph text"
    REPEATED = "repeated labels kept as paragraph text"
    NUMBERING = "gaps or restarts in the numbering"
    NO_STRUCTURE = "no numbered clauses or headings"
    NO_BODY = "no body text"


@record
class ParseWarning:
    """Something the parser did not recognise."""

    line: int
    """1-based line number in the input (0: the document as a whole)."""
    message: str
    kind: WarningKind

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


SUMMARY_FROM = 10
"""Fewer warnings than this are listed one a line, however many of a kind."""
EXAMPLES = 3
"""Warnings shown for each kind in a summary."""


def summarise(warnings: Sequence[ParseWarning], verbose: bool = False) -> list[str]:
    """Lines describing ``warnings``: each one when there are few (or ``verbose``); else, per
    kind, the count and the first :data:`EXAMPLES` with their line numbers."""
    if verbose or len(warnings) < SUMMARY_FROM:
        return [str(w) for w in warnings]
    by_kind: dict[WarningKind, list[ParseWarning]] = {}
    for w in warnings:
        by_kind.setdefault(w.kind, []).append(w)
    lines = [f"{len(warnings):,} parse warnings (--verbose lists every one):"]
    for kind, group in by_kind.items():
        if len(group) <= EXAMPLES:
            lines.extend(f"  {w}" for w in group)
            continue
        lines.append(f"  {len(group):,} × {kind.value}, the first:")
        lines.extend(f"    {w}" for w in group[:EXAMPLES])
    return lines
