"""Reading input files: bytes → text, with clear errors for what cannot be policy text."""

from __future__ import annotations

import codecs
import json
import re
from collections import Counter
from pathlib import Path

from polydiff import digests
from polydiff.errors import InputError
from polydiff.lazyre import lazy, lazy_bytes
from polydiff.record import record
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import AnyStr

_CJK_RUNS_UTF8 = lazy_bytes(rb"(?:\xe3[\x90-\xbf][\x80-\xbf]|[\xe4-\xe9][\x80-\xbf][\x80-\xbf])+")
"""Runs of U+3400–U+9FFF in UTF-8 (three bytes each: E3 90 80 … E9 BF BF). Matched on the
encoded text because the same class over characters, ``[\u3400-\u9fff]+``, takes ~0.8 ms
to compile (the compiler marks its 27,000 code points one by one), a tenth of the parsing
of a one-page text; a match starts only on a lead byte, so the count is exact."""
_LATIN_RUNS = lazy(r"[A-Za-z]+")
_LETTER_RUNS = lazy(r"[^\W\d_]+")
_CODE_RE = lazy(r"[{}\[\]<>=;|\\#$_`]")
_SPACE_RE = lazy(r"\s")
_RULE_RE = lazy(r"^[ \t]*([_=*~#\-–—.·•])(?:[ \t]*\1){3,}[ \t]*$", re.MULTILINE)
_QUOTES_RE = lazy(r"``|''")
_CODE_LINE_RE = lazy(
    r"^\s*(?:def |class \w|import \w|from [\w.]+ import |return\b|function\b|#include|"
    r"(?:var|let|const) \w+\s*=|public |private |[}{]\s*$)|[{(]\s*$|"
    r"(?<!\w)\w++\s*(?:==|!=|=>|->|:=|\+=|&&|\|\|)\s*\S|(?<!\w)\w++\(\)|"
    r"^\s*\w+\s*=\s*[\w\"'\[{(]|^\s*<\w+"
)
"""A line of code. A word before an operator or ``()`` is tried from its first character
only and never given back (on a long line of Chinese, every character is a word character,
and trying each start took quadratic time)."""
SAMPLE = 200_000
"""Characters of a file looked at to tell its language and whether it is prose."""
_CONTROL_RE = lazy(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _count(runs: re.Pattern[AnyStr], text: AnyStr) -> int:
    """The characters of ``text`` in the runs ``runs`` matches (one character class, ``+``):
    counted by runs, since a list of every character matched, or a copy of the text
    without them, took 3-8 times as long on a Chinese text."""
    return sum(map(len, runs.findall(text)))


def count_cjk(text: str) -> int:
    """The CJK ideographs in ``text`` (U+3400–U+9FFF)."""
    return _count(_CJK_RUNS_UTF8, text.encode("utf-8", "surrogatepass")) // 3


def guess_language(text: str) -> str:
    """``zh`` when a fifth or more of the letters of the text's first :data:`SAMPLE`
    characters are CJK ideographs, else ``en``."""
    sample = text[:SAMPLE]
    letters = _count(_LETTER_RUNS, sample)
    return "zh" if letters and count_cjk(sample) >= 0.2 * letters else "en"


@record
class DecodedText:
    """A decoded input file."""

    text: str
    """The text with line endings as in the file (leading BOMs removed)."""
    encoding: str
    sha256: str
    """Digest of the file's bytes as read."""


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> DecodedText:
    """Decode ``data`` (the content of file ``name``) or raise :class:`InputError`."""
    digest = digests.sha256(data).hexdigest()
    if not data or data.isspace():  # no copy of a large file to find it is not empty
        raise InputError(f"{name}: empty file")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from None
        return DecodedText(_strip_bom(text), encoding, digest)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{name}: UTF-16 text; convert it to UTF-8 or pass --encoding utf-16")
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
        try:
            gb = data.decode("gb18030")
        except UnicodeDecodeError:
            gb = ""
        if gb and count_cjk(gb) >= max(1, len(gb) // 10):
            raise InputError(
                f"{name}: not UTF-8; looks like GB18030/GBK Chinese text: "
                "re-run with --encoding gb18030"
            ) from None
        raise InputError(
            f"{name}: not UTF-8 (byte 0x{data[offset]:02x} at offset {offset}); "
            "pass --encoding if you know it"
        ) from None
    if len(_CONTROL_RE.findall(text)) > max(2, len(text) // 200):
        raise InputError(f"{name}: binary file (control characters), not text")
    return DecodedText(_strip_bom(text), "utf-8", digest)


def read_file(path: Path, encoding: str | None = None) -> DecodedText:
    """Read and decode a file, with one-line errors for missing or unreadable files."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode_bytes(data, str(path), encoding)


def _strip_bom(text: str) -> str:
    """Without its byte-order marks, however many (files concatenated, saved twice)."""
    return text.lstrip("\ufeff")


def _looks_like_code(sample: str) -> bool:
    """Source code or data: code symbols in more than 8 % of the visible characters, or code
    syntax on more than a third of the lines. Rules (``____``, ``* * *``) and the ``quotes''
    of legislative drafts are not counted; ``;`` at the end of a line is how lists of
    legal text end, not code."""
    prose = _QUOTES_RE.sub("", _RULE_RE.sub("", sample))
    visible = len(_SPACE_RE.sub("", prose))
    if len(_CODE_RE.findall(prose)) > 0.08 * visible:
        return True
    lines = [ln for ln in prose.splitlines() if ln.strip()]
    code = sum(1 for ln in lines if _CODE_LINE_RE.search(ln))
    return (code >= 2 and code > len(lines) / 3) or _looks_like_table(lines)


def _looks_like_table(lines: list[str]) -> bool:
    """Delimited data (CSV, TSV, pipe tables): most lines split by the same delimiter into
    the same number of short fields."""
    if len(lines) < 3:
        return False
    for sep in (",", "\t", "|", ";"):
        counts = Counter(ln.count(sep) for ln in lines)
        fields, rows = counts.most_common(1)[0]
        if fields >= 2 and rows >= 0.8 * len(lines):
            cells = [c.strip() for ln in lines for c in ln.split(sep)]
            if sorted(len(c) for c in cells)[len(cells) // 2] <= 20:
                return True
    return False


def check_policy_text(text: str, lang: str, name: str, force: bool = False) -> None:
    """Raise :class:`InputError` when ``text`` is plainly not policy prose in ``lang``;
    ``force`` skips the guesses (code or data, no sentences), not the certainties."""
    stripped = text.strip()
    head = stripped[:200].lower()
    if head.startswith(("<!doctype", "<html", "<?xml")) or "<body" in head:
        raise InputError(f"{name}: looks like HTML/XML, not plain text; save it as text first")
    if stripped[:1] in "{[":
        try:
            json.loads(stripped)
        except ValueError:
            pass
        else:
            raise InputError(f"{name}: looks like JSON data, not policy text")
    sample = stripped[:SAMPLE]
    if not force and _looks_like_code(sample):
        raise InputError(f"{name}: looks like code or data, not policy text")
    cjk = count_cjk(sample)
    latin = _count(_LATIN_RUNS, sample)
    if lang == "zh" and cjk < 0.3 * (cjk + latin) + 1:
        raise InputError(f"{name}: no Chinese text found; is this the --lang en version?")
    if lang == "en" and (latin < 20 or cjk > 0.2 * (cjk + latin)):
        raise InputError(f"{name}: does not look like English text; is this the --lang zh version?")
    if not force and not re.search(r"[。！？.!?；;]", stripped):
        raise InputError(f"{name}: no sentences found; not policy text")
