"""Wording diff of two clause texts: character level for Chinese, word level for English.

Comparison happens on *normalised* text (:mod:`polydiff.normalize`), so presentation-only
differences (full/half width, quote styles, spacing) do not show as changes; the operations
are then projected back onto the original texts:

* ``"+"`` and ``"="`` texts, in order, give B exactly;
* ``"-"`` and ``"="`` texts give A up to presentation (``"="`` carries B's wording);
* with ``strict=True`` nothing is normalised and both hold exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from polydiff.diff.engine import RawOp, raw_diff
from polydiff.model.comparison import Op
from polydiff.normalize import normalize_with_map

_TOKEN_RE = re.compile(r"\w+(?:['’\-]\w+)*|\s+|[^\w\s]")
_PRIVATE = 0xF0000  # supplementary private use area: one code point per distinct token


def tokens(text: str) -> list[str]:
    """Words, runs of whitespace, and single punctuation marks; they join back to ``text``."""
    return _TOKEN_RE.findall(text)


def _word_diff(a: str, b: str) -> list[RawOp]:
    """Diff at token level: each distinct token becomes one private-use character."""
    code: dict[str, str] = {}
    table: list[str] = []

    def encode(text: str) -> str:
        out = []
        for tok in tokens(text):
            ch = code.get(tok)
            if ch is None:
                ch = code[tok] = chr(_PRIVATE + len(table))
                table.append(tok)
            out.append(ch)
        return "".join(out)

    ops = raw_diff(encode(a), encode(b))
    return [(op, "".join(table[ord(c) - _PRIVATE] for c in text)) for op, text in ops]


def _core_diff(a: str, b: str, lang: str) -> list[RawOp]:
    return raw_diff(a, b) if lang == "zh" else _word_diff(a, b)


def wording_diff(
    a: str, b: str, lang: str, strict: bool = False, fold: Callable[[str], str] | None = None
) -> list[Op]:
    """Operations turning ``a`` into ``b`` (see module doc for the exact contract).

    ``fold`` maps text to a comparison form of the same length (e.g. traditional →
    simplified characters), applied before normalisation."""
    if strict:
        return merge_ops(_core_diff(a, b, lang))
    fa, fb = (fold(a), fold(b)) if fold else (a, b)
    return normalized_diff(a, Normalized.of(fa), b, Normalized.of(fb), lang)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A text's normalised form and, per normalised character, its original offset."""

    text: str
    source: Sequence[int]

    @classmethod
    def of(cls, text: str) -> Normalized:
        return cls(*normalize_with_map(text))


def normalized_diff(a: str, na_: Normalized, b: str, nb_: Normalized, lang: str) -> list[Op]:
    """:func:`wording_diff` of ``a`` and ``b`` whose (folded) normal forms are already known
    (the aligner normalises each clause once, for matching and diffing alike)."""
    na, ma, nb, mb = na_.text, na_.source, nb_.text, nb_.source
    if na == nb:
        return [("=", b)] if b else []
    ops = _core_diff(na, nb, lang)
    projected = _project(ops, a, ma, b, mb)
    if not na and a:  # whitespace only: nothing was diffed on this side
        projected.insert(0, ("-", a))
    if not nb and b:
        projected.append(("+", b))
    return merge_ops(projected)


def _project(
    ops: Sequence[RawOp], a: str, ma: Sequence[int], b: str, mb: Sequence[int]
) -> list[Op]:
    """Map operations on normalised text back to spans of the original texts."""

    def start(m: Sequence[int], k: int, total: int) -> int:
        return 0 if k == 0 else (m[k] if k < len(m) else total)

    out: list[Op] = []
    ia = ib = 0
    for op, text in ops:
        n = len(text)
        if op == "=":
            out.append(("=", b[start(mb, ib, len(b)) : start(mb, ib + n, len(b))]))
            ia += n
            ib += n
        elif op == "-":
            out.append(("-", a[start(ma, ia, len(a)) : start(ma, ia + n, len(a))]))
            ia += n
        else:
            out.append(("+", b[start(mb, ib, len(b)) : start(mb, ib + n, len(b))]))
            ib += n
    return out


def merge_ops(ops: Sequence[RawOp]) -> list[Op]:
    """Drop empty operations and join neighbours of the same kind."""
    out: list[Op] = []
    for op, text in ops:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return out


def apply_ops(ops: Sequence[Op]) -> tuple[str, str]:
    """(A as the operations see it, B): ``-``/``=`` texts and ``=``/``+`` texts joined."""
    a = "".join(t for op, t in ops if op != "+")
    b = "".join(t for op, t in ops if op != "-")
    return a, b


def similarity(ops: Sequence[Op]) -> float:
    """2·unchanged / (len A + len B), over the operations' texts, in [0, 1]."""
    same = sum(len(t) for op, t in ops if op == "=")
    total = sum(len(t) for _, t in ops) + same
    return 1.0 if total == 0 else round(2 * same / total, 4)
