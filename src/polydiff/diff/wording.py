"""Wording diff of two clause texts: character level for Chinese, word level for English.

Comparison happens on *normalised* text (:mod:`polydiff.normalize`), so presentation-only
differences (full/half width, quote styles, spacing) do not show as changes; the operations
are then projected back onto the original texts:

* ``"+"`` and ``"="`` texts, in order, give B exactly;
* ``"-"`` and ``"="`` texts give A up to presentation (``"="`` carries B's wording);
* with ``strict=True`` nothing is normalised and both hold exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from polydiff.diff.engine import RawOp, raw_diff
from polydiff.lazyre import lazy
from polydiff.model.comparison import Op
from polydiff.normalize import is_cjk, normalize_with_map
from polydiff.record import record

_TOKEN_RE = lazy(r"\w+(?:['’\-]\w+)*|\s+|[^\w\s]")
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


class Normalized:
    """A text's normalised form and, per normalised character, its original offset; the
    offsets are made when first asked for (two texts with the same normal form need none)."""

    __slots__ = ("_folded", "_source", "text")

    def __init__(self, text: str, folded: str, source: Sequence[int] | None = None) -> None:
        """``text``: the normal form of ``folded`` (the text as compared)."""
        self.text, self._folded, self._source = text, folded, source

    @property
    def source(self) -> Sequence[int]:
        if self._source is None:
            self._source = normalize_with_map(self._folded)[1]
        return self._source

    @classmethod
    def of(cls, text: str) -> Normalized:
        norm, source = normalize_with_map(text)
        return cls(norm, text, source)


def normalized_diff(a: str, na: Normalized, b: str, nb: Normalized, lang: str) -> list[Op]:
    """:func:`wording_diff` of ``a`` and ``b`` whose (folded) normal forms are already known
    (the aligner normalises each clause once, for matching and diffing alike)."""
    if na.text == nb.text:
        return [("=", b)] if b else []
    fa_form, fb_form = _Form.of(na), _Form.of(nb)
    if not fa_form.norm or not fb_form.norm:  # whitespace only: nothing to diff on that side
        return merge_ops([("-", a), ("+", b)])
    ops = _core_diff(fa_form.norm, fb_form.norm, lang)
    return merge_ops(_project(ops, a, fa_form, b, fb_form))


@record
class _Form:
    """The normalised text diffs run on, with each character's source span.

    ``...`` (from ``…`` or from three dots) is one character ``…`` here, so that no operation
    boundary falls inside what was one ``…`` of a source text (``.`` against ``…`` is a
    replacement, not ``=.`` plus ``+..``); every character of the form comes from whole
    source characters, and no two from the same one."""

    norm: str
    starts: Sequence[int]
    ends: Sequence[int]
    firsts: str
    """The normalised character each one starts with (``.`` for a ``…`` made of dots)."""

    @classmethod
    def of(cls, normalized: Normalized) -> _Form:
        norm, starts = normalized.text, normalized.source
        ends = [i + 1 for i in starts]
        if "..." not in norm:
            return cls(norm, starts, ends, norm)
        out: list[str] = []
        s2: list[int] = []
        e2: list[int] = []
        i = 0
        while i < len(norm):
            step = 3 if norm.startswith("...", i) and _whole(starts, i, i + 3) else 1
            out.append("…" if step == 3 else norm[i])
            s2.append(starts[i])
            e2.append(ends[i + step - 1])
            i += step
        firsts = "".join("." if c == "…" else c for c in out)
        return cls("".join(out), s2, e2, firsts)

    def cut(self, k: int) -> int:
        """Where in the source a span starting at character ``k`` of the form starts (``k``
        from 0 to ``len(norm)``; the form is not empty).

        Whitespace that normalisation removed between two characters (it touched a CJK
        character) goes with that CJK character's span, so that it is still next to a CJK
        character wherever spans are joined again (``in`` + ``g`` of ``in\u2003术`` must not
        become ``in g``). Leading and trailing whitespace is outside every span."""
        if k == 0:
            return self.starts[0]
        if k == len(self.norm):
            return self.ends[-1]
        first, prev = self.firsts[k], self.firsts[k - 1]
        gap = self.ends[k - 1] < self.starts[k] and prev != " " and first != " "
        return self.ends[k - 1] if gap and is_cjk(first) else self.starts[k]


def _whole(starts: Sequence[int], i: int, j: int) -> bool:
    """Whether characters ``i`` to ``j`` (exclusive) of a normalised text come from whole
    source characters (no ``…`` of the source is cut at either end)."""
    return (i == 0 or starts[i - 1] != starts[i]) and (
        j == len(starts) or starts[j] != starts[j - 1]
    )


def _project(ops: Sequence[RawOp], a: str, fa: _Form, b: str, fb: _Form) -> list[Op]:
    """Map operations on the comparison forms back to spans of the original texts; B's
    leading and trailing whitespace become insertions of their own (A's is presentation)."""
    out: list[Op] = [("+", b[: fb.cut(0)])]
    ia = ib = 0
    for op, text in ops:
        n = len(text)
        if op == "=":
            out.append(("=", b[fb.cut(ib) : fb.cut(ib + n)]))
            ia += n
            ib += n
        elif op == "-":
            out.append(("-", a[fa.cut(ia) : fa.cut(ia + n)]))
            ia += n
        else:
            out.append(("+", b[fb.cut(ib) : fb.cut(ib + n)]))
            ib += n
    out.append(("+", b[fb.cut(len(fb.norm)) :]))
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
