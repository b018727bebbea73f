"""Shared pieces of every comparison renderer: headings of links, trimmed context."""

from __future__ import annotations

from collections.abc import Sequence

from polydiff.model.comparison import ChangeKind, Comparison, Link

ELLIPSIS = " … "


def trim_context(ops: Sequence[tuple[str, str]], context: int | None) -> list[tuple[str, str]]:
    """Shorten unchanged runs to ``context`` characters on each side of a change
    (``None``: keep everything)."""
    if context is None:
        return list(ops)
    if len(ops) == 1:  # a whole clause unchanged, new or dropped: its beginning
        op, text = ops[0]
        short = text if len(text) <= 2 * context else text[: 2 * context] + ELLIPSIS.rstrip()
        return [(op, short)]
    out: list[tuple[str, str]] = []
    last = len(ops) - 1
    for k, (op, text) in enumerate(ops):
        if op != "=":
            out.append((op, text))
            continue
        keep_head = context if k > 0 else 0
        keep_tail = context if k < last else 0
        if len(text) > keep_head + keep_tail + len(ELLIPSIS):
            text = (
                text[:keep_head] + ELLIPSIS + (text[len(text) - keep_tail :] if keep_tail else "")
            )
        out.append((op, text.strip() if k in (0, last) and not text.strip(" …") else text))
    return out


def link_title(link: Link) -> str:
    """``2.1.1 → 2.1.2`` / ``2.1 → 2.1, 2.2`` / ``(new) → 3.15`` / ``2.4 → (dropped)`` /
    ``2.4 → (no counterpart)``."""
    none = "(no counterpart)" if link.kind is ChangeKind.UNMATCHED else ""
    a = ", ".join(link.a) or none or "(new)"
    b = ", ".join(link.b) or none or "(dropped)"
    return a if a == b else f"{a} → {b}"


def similarity_text(value: float) -> str:
    """``0.87``; ``1.00`` only for identical text (0.996 of a reworded clause is 0.99)."""
    return "1.00" if value >= 1.0 else f"{min(value, 0.99):.2f}"


def link_measure(link: Link) -> str:
    """What to print beside a link's kind: its similarity, or why a counterpart was paired
    (``field: agriculture (heading)``); nothing for clauses on one side only."""
    if link.kind.compared:
        return similarity_text(link.similarity)
    return link.reason


def outline_note(cmp: Comparison) -> str:
    """How a comparison was made when wording could not be compared."""
    if cmp.outline:
        side = cmp.a if cmp.outline == "a" else cmp.b
        return (
            f"{side} is an outline (headings only): each heading is given its counterpart by "
            "role, policy field or wording, or none is found"
        )
    if cmp.headings_only:
        return "compared by headings only"
    return ""


def summary_measure(cmp: Comparison) -> str:
    """``similarity 0.87``, or for an outline against a full text ``13 of 27 outline headings
    placed`` (an outline has no text: a similarity of its wording would say nothing)."""
    if cmp.outline:
        placed, total = cmp.placed
        return f"{placed} of {total} outline headings placed"
    return f"similarity {similarity_text(cmp.similarity)}"


def link_flags(link: Link) -> list[str]:
    """The flag words of a link."""
    return [name for name, on in (("moved", link.moved), ("renumbered", link.renumbered)) if on]
