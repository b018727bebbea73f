"""Plain text: decoded as the parser has always taken it (UTF-8, or ``--encoding``)."""

from __future__ import annotations

from polydiff.formats.model import Extracted
from polydiff.parse.decode import decode_bytes

NAME = "text"
LABEL = "plain text"
EXTENSIONS = (".txt", ".text")


def sniff(head: bytes) -> bool:
    """Anything that no other format claims is taken as text (decoding then says if not)."""
    return True


def extract(data: bytes, name: str, encoding: str | None) -> Extracted:
    """The decoded text, unchanged."""
    decoded = decode_bytes(data, name, encoding)
    return Extracted(decoded.text, NAME, decoded.encoding)
