"""The character encoding of a web page: ``--encoding``, a byte-order mark, the page's own
``<meta charset>`` or XML declaration, else UTF-8."""

from __future__ import annotations

import codecs
import re

from polydiff.errors import InputError
from polydiff.lazyre import lazy_bytes

_DECLARED = lazy_bytes(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}
"""Labels pages declare and the superset that decodes what such pages really hold (a page
that says gb2312 is nearly always GBK, as browsers assume)."""
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def declared(data: bytes) -> str | None:
    """The charset the page declares in its first 4 KB, if any."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii").lower()


def decode_page(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """The page as text and the codec used; one-line errors for what cannot be decoded."""
    label = encoding
    if label is None:
        label = next((codec for bom, codec in _BOMS if data.startswith(bom)), None)
    if label is None:
        label = declared(data) or "utf-8"
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        source = "--encoding" if encoding else "the page's charset"
        raise InputError(f"{name}: {source} {label!r} is not an encoding polydiff knows") from None
    codec = SUPERSETS.get(codec, codec)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {label} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "pass --encoding if you know the page's encoding"
        ) from None
    return text.removeprefix("\ufeff"), codec
