"""JSON in and out: the standard library, and orjson for large indented output.

The standard library's encoder is pure Python as soon as it indents: the JSON of a large
comparison took 0.55 s to write (the 10 MB bench document), against 0.10 s with orjson for
the same text. orjson's import, though, costs ~12 ms of start-up (it loads ``uuid`` and
``datetime``), more than indenting a small result takes; so :func:`pretty` uses it only
for many records. Both write UTF-8 as ``ensure_ascii=False`` does and indent by two spaces
with the same separators. One difference in form: orjson writes some small floats
differently (``1e-7`` for ``1e-07``, ``0.00005`` for ``5e-05``; the same numbers).
Reading and compact writing stay with the standard library, whose C code is quick and
already loaded.
"""

from __future__ import annotations

import json

from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

MANY_RECORDS = 2_000
"""Items in the lists at the top of the data from which :func:`pretty` uses orjson."""


def pretty(data: Any) -> str:
    """``data`` as indented JSON text (two spaces), without a trailing newline."""
    if _records(data) < MANY_RECORDS:
        return json.dumps(data, ensure_ascii=False, indent=2)
    import orjson

    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode()


def _records(data: Any) -> int:
    """How many items the lists at the top of ``data`` hold (a list, or a dict's lists)."""
    if isinstance(data, list):
        return len(data)
    if isinstance(data, dict):
        return sum(len(v) for v in data.values() if isinstance(v, list))
    return 0


def compact(data: Any) -> bytes:
    """``data`` as JSON in UTF-8 without spaces."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def loads(text: bytes | str) -> Any:
    """The data of JSON ``text``."""
    return json.loads(text)
