"""Check that a clause tree accounts for every non-blank character of its raw text."""

from __future__ import annotations

from collections.abc import Iterator

from polydiff.model import ClauseTree

HEADING_STOPS = "。.．"
"""The full stop ending an inline heading is the one character not stored verbatim."""


def _nonblank(s: str) -> str:
    return "".join(s.split())


def _pieces(tree: ClauseTree) -> Iterator[tuple[str, str, bool]]:
    """(where, text, is_heading) for everything the tree stores, in document order."""
    yield "title", tree.title, False
    yield "number", tree.number, False
    for i, line in enumerate(tree.front):
        yield f"front line {i + 1}", line, False
    for clause in tree.walk():
        yield f"{clause.path} label", clause.label, False
        yield f"{clause.path} heading", clause.heading, True
        yield f"{clause.path} text", clause.text, False


def unaccounted(raw: str, tree: ClauseTree) -> str | None:
    """None when ``tree`` holds exactly the non-blank characters of ``raw``, in order
    (allowing the full stop after an inline heading); else a one-line description of the
    first difference.

    Whether a full stop after a heading was the heading's own is decided by what follows,
    so the walk keeps every position still possible (rarely more than two)."""
    source = _nonblank(raw.lstrip("\ufeff"))
    positions = {0}
    for where, text, is_heading in _pieces(tree):
        piece = _nonblank(text)
        after = {p + len(piece) for p in positions if source.startswith(piece, p)}
        if not after:
            pos = max(positions)
            found = source[pos : pos + 20]
            return f"{where} does not match the raw text at character {pos}: {found!r}…"
        if is_heading and piece:
            after |= {p + 1 for p in after if p < len(source) and source[p] in HEADING_STOPS}
        positions = after
    if len(source) not in positions:
        pos = max(positions)
        return f"raw text not in any clause from character {pos}: {source[pos : pos + 30]!r}…"
    return None
