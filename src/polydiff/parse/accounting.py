"""Check that a clause tree accounts for every non-blank character of its raw text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from polydiff.model import ClauseTree
from polydiff.parse.lines import INVISIBLE

HEADING_STOPS = "。.．"
"""The full stop ending an inline heading is not stored verbatim."""
_SOFT_HYPHEN = re.compile(
    rf"-(?<=[A-Za-z]-)(?:[^\S\r\n]|[{INVISIBLE}])*(?:\r\n|\r|\n)[\s{INVISIBLE}]*(?=[A-Za-z])"
)
"""A hyphen ending a line between two letters: the parser may drop it when it joins a word
broken across the lines (``develop-`` / ``ment``). The pattern starts with the hyphen, so
that the regular expression engine scans for it instead of trying every position."""
_BLANK = {ord(c): None for c in INVISIBLE}


def _nonblank(s: str) -> str:
    out = "".join(s.split())
    if "\ufeff" in out or "\u200b" in out:  # INVISIBLE
        out = out.translate(_BLANK)
    return out


def _clauses(tree: ClauseTree) -> Iterator[tuple[str, str, bool]]:
    """(where, text, is_heading) for every clause field, in document order."""
    for clause in tree.walk():
        yield f"{clause.path} label", clause.label, False
        yield f"{clause.path} heading", clause.heading, True
        yield f"{clause.path} text", clause.text, False


class _Source:
    """The non-blank characters of a raw text, and where it may skip a hyphen."""

    def __init__(self, raw: str) -> None:
        self.text = _nonblank(raw)
        self.soft: list[int] = []
        count = last = 0
        for m in _SOFT_HYPHEN.finditer(raw):
            count += len(_nonblank(raw[last : m.start()]))
            self.soft.append(count)
            last = m.start()

    def after(self, piece: str, positions: set[int], is_heading: bool) -> set[int]:
        """Positions just after ``piece`` matched at any of ``positions``."""
        text, n = self.text, len(piece)
        if self.soft:
            out = {e for p in positions if (e := self._match(piece, p)) is not None}
        else:
            out = {p + n for p in positions if text.startswith(piece, p)}
        if is_heading and piece:
            out |= {p + 1 for p in out if p < len(text) and text[p] in HEADING_STOPS}
        return out

    def _match(self, piece: str, p: int) -> int | None:
        source = self.text
        if source.startswith(piece, p):
            return p + len(piece)
        k = bisect_left(self.soft, p)
        if k == len(self.soft) or self.soft[k] >= p + len(piece):
            return None
        soft = set(self.soft[k:])
        i = p
        for ch in piece:
            if i < len(source) and source[i] != ch and i in soft:
                i += 1  # the hyphen of a word broken across lines, dropped when joined
            if i >= len(source) or source[i] != ch:
                return None
            i += 1
        return i


def unaccounted(raw: str, tree: ClauseTree) -> str | None:
    """None when ``tree`` holds exactly the non-blank characters of ``raw``, in order
    (allowing the full stop after an inline heading and the hyphen of a word broken across
    lines; the document number may stand anywhere among the front lines); else a one-line
    description of the first difference.

    Whether a full stop after a heading was the heading's own is decided by what follows,
    so the walk keeps every position still possible (rarely more than two)."""
    source = _Source(raw)
    start, problem = _walk(source, {0}, [("title", tree.title, False)])
    front = [(f"front line {i + 1}", line, False) for i, line in enumerate(tree.front)]
    reached: set[int] = set()
    first_problem = None
    for slot in range(len(front) + 1) if tree.number and start else [0]:
        pieces = list(front)
        if tree.number:
            pieces.insert(slot, ("number", tree.number, False))
        at, problem = _walk(source, start, pieces)
        reached |= at
        first_problem = first_problem or problem
    if not reached:
        return first_problem or problem
    at, problem = _walk(source, reached, _clauses(tree))
    if problem:
        return problem
    if len(source.text) not in at:
        pos = max(at)
        return f"raw text not in any clause from character {pos}: {source.text[pos : pos + 30]!r}…"
    return None


def _walk(
    source: _Source, positions: set[int], pieces: Iterable[tuple[str, str, bool]]
) -> tuple[set[int], str | None]:
    """Match ``pieces`` one after the other from ``positions``: the positions reached, or
    a description of the first piece that does not match."""
    for where, text, is_heading in pieces:
        after = source.after(_nonblank(text), positions, is_heading)
        if not after:
            pos = max(positions) if positions else 0
            found = source.text[pos : pos + 20]
            return set(), f"{where} does not match the raw text at character {pos}: {found!r}…"
        positions = after
    return positions, None
