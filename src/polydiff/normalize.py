"""Presentation-only normalisation of clause text.

One explicit function, :func:`normalize`, decides which differences are *presentation*
and therefore never count as rewording:

* full-width ASCII forms (U+FF01–U+FF5E) become their half-width twins: ``，`` → ``,``,
  ``（一）`` → ``(一)``, ``：`` → ``:``;
* every kind of double quote (“ ” „ ‟ ＂ 「 」 『 』 « ») becomes ``"``; single quotes
  (‘ ’ ‚ ‛) become ``'``; the ellipsis ``…`` becomes ``...``;
* whitespace (including U+3000, U+2002, U+2003, U+00A0) is removed where a neighbour (after
  the substitutions above) is a CJK character or CJK punctuation, and collapsed to one ASCII
  space elsewhere; leading and trailing whitespace goes.

Offsets reported against normalised text are offsets into the string this function
returns; :func:`normalize_with_map` also gives, for each normalised character, the index of
the original character it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_DOUBLE_QUOTES = "“”„‟＂「」『』«»〝〞"
_SINGLE_QUOTES = "‘’‚‛＇"
_TABLE: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_TABLE.update({ord(c): '"' for c in _DOUBLE_QUOTES})
_TABLE.update({ord(c): "'" for c in _SINGLE_QUOTES})
_TABLE[ord("…")] = "..."
_FOLD_RE = re.compile(f"[\uff01-\uff5e{_DOUBLE_QUOTES}{_SINGLE_QUOTES}]")
"""The characters :data:`_TABLE` replaces one for one (all but ``…``)."""


def _fold_width(text: str) -> str:
    """``text`` with the one-for-one substitutions of :data:`_TABLE`: one ``replace`` per
    distinct folded character present, found by one regular-expression scan (seven times
    faster on Chinese text than ``str.translate``, which looks up every character)."""
    for ch in set(_FOLD_RE.findall(text)):
        text = text.replace(ch, _TABLE[ord(ch)])
    return text


_SPACE_RE = re.compile(r"\s+")


def is_ideograph(ch: str) -> bool:
    """True for a CJK unified ideograph of the basic block (U+4E00–U+9FFF), what Chinese
    policy text is written in. Tested in code where a pattern would need the class
    ``[\u4e00-\u9fff]``, which takes ~0.9 ms to compile (each code point marked in turn)."""
    return "\u4e00" <= ch <= "\u9fff"


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs and CJK/full-width punctuation (no spaces between them)."""
    cp = ord(ch)
    return (
        0x3000 < cp <= 0x303F  # CJK punctuation (not U+3000, the ideographic space)
        or 0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0xFF01 <= cp <= 0xFF60
        or 0x20000 <= cp <= 0x2FFFF
        or ch in "“”‘’…—·"
    )


def _keeps_space(before: str, after: str) -> bool:
    """Whether a whitespace run between two (normalised) characters stays as one space."""
    return bool(before) and bool(after) and not is_cjk(before) and not is_cjk(after)


def normalize(text: str) -> str:
    """Return ``text`` with presentation-only differences folded away (see module doc)."""
    return _spaces(_fold_width(text).replace("…", "..."))


def normalize_many(texts: Sequence[str]) -> list[str]:
    """:func:`normalize` of each text, their widths folded in one pass over them all joined
    (the substitutions are one for one, so each text is where it was)."""
    joined = _fold_width("\x00".join(texts))
    out, pos = [], 0
    for t in texts:
        folded = joined[pos : pos + len(t)].replace("…", "...")
        pos += len(t) + 1
        out.append(_spaces(folded))
    return out


def _has_space(t: str) -> bool:
    """Whether ``t`` holds whitespace (``str.split`` stops at the first run: four times
    quicker than a regular-expression search)."""
    parts = t.split(None, 1)
    return len(parts) != 1 or len(parts[0]) != len(t)


def _spaces(t: str) -> str:
    """Whitespace runs of folded text ``t`` removed or collapsed (see module doc)."""
    if not _has_space(t):
        return t

    def space(m: re.Match[str]) -> str:
        s, e = m.start(), m.end()
        return " " if _keeps_space(t[s - 1] if s else "", t[e] if e < len(t) else "") else ""

    return _SPACE_RE.sub(space, t)


def normalize_with_map(text: str) -> tuple[str, Sequence[int]]:
    """:func:`normalize`, plus for each output character the index of its source character
    (a ``range`` when they are the same: no whitespace to fold, the usual Chinese clause)."""
    if "…" in text:
        return _normalize_with_map_slow(text)
    return _spaces_with_map(_fold_width(text))


def _spaces_with_map(t: str) -> tuple[str, Sequence[int]]:
    """:func:`_spaces` of folded text ``t`` with the source index of each character kept."""
    if not _has_space(t):
        return t, range(len(t))
    out: list[str] = []
    src: list[int] = []
    pos = 0
    for m in _SPACE_RE.finditer(t):
        s, e = m.start(), m.end()
        if s > pos:
            out.append(t[pos:s])
            src.extend(range(pos, s))
        if out and e < len(t) and _keeps_space(t[s - 1], t[e]):
            out.append(" ")
            src.append(s)
        pos = e
    if pos < len(t):
        out.append(t[pos:])
        src.extend(range(pos, len(t)))
    return "".join(out), src


def _normalize_with_map_slow(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    src: list[int] = []
    pending = -1  # index of the first character of a pending whitespace run
    for i, ch in enumerate(text):
        if ch.isspace():
            if pending < 0:
                pending = i
            continue
        rep = _TABLE.get(ord(ch), ch)
        if pending >= 0 and out and _keeps_space(out[-1], rep[0]):
            out.append(" ")
            src.append(pending)
        pending = -1
        for r in rep:
            out.append(r)
            src.append(i)
    return "".join(out), src


def variant_folder() -> Callable[[str], str]:
    """A function mapping traditional characters to simplified ones, one character at a time
    (so offsets stay valid), with OpenCC; a clear error when OpenCC is not installed."""
    try:
        import opencc
    except ImportError:
        from polydiff.errors import UsageError

        raise UsageError("--fold-variants needs OpenCC: pip install 'polydiff[variants]'") from None
    converter = opencc.OpenCC("t2s")
    cache: dict[str, str] = {}

    def one(ch: str) -> str:
        out = cache.get(ch)
        if out is None:
            conv = ch if ch.isascii() else converter.convert(ch)
            out = cache[ch] = conv if len(conv) == 1 else ch
        return out

    def fold(text: str) -> str:
        return "".join(one(ch) for ch in text)

    return fold
