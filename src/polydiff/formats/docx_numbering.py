"""Word's automatic list numbering, rendered into the label each paragraph shows (一、,
（一）, 1.): the counters of ``numbering.xml`` followed paragraph by paragraph."""

from __future__ import annotations

import re
from typing import Any

from polydiff.formats.numfmt import format_number
from polydiff.lazyre import lazy
from polydiff.record import record

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = lazy(r"%([1-9])")
_SUFFIX = {"tab": " ", "space": " ", "nothing": ""}


def _val(el: Any, tag: str) -> str | None:
    child = None if el is None else el.find(f"{_W}{tag}")
    return None if child is None else child.get(f"{_W}val")


@record
class Level:
    """One level of a list definition (``w:lvl``)."""

    start: int
    fmt: str
    text: str
    """``w:lvlText``: ``%1、``, ``(%2)``, ``%3.``."""
    restart: int | None
    """``w:lvlRestart``: restart after this (1-based) level; 0 never; None after the one above."""
    suffix: str
    legal: bool
    """``w:isLgl``: every number shown as decimal."""

    @classmethod
    def read(cls, lvl: Any) -> Level:
        restart = _val(lvl, "lvlRestart")
        return cls(
            start=int(_val(lvl, "start") or 1),
            fmt=_val(lvl, "numFmt") or "decimal",
            text=_val(lvl, "lvlText") or "",
            restart=None if restart is None else int(restart),
            suffix=_SUFFIX.get(_val(lvl, "suff") or "tab", " "),
            legal=lvl.find(f"{_W}isLgl") is not None,
        )


class Numbering:
    """Counters per list, advanced as numbered paragraphs are met in document order."""

    def __init__(self, numbering: Any | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._seen: set[str] = set()
        self.unsupported: set[str] = set()
        """Number formats met that are shown as decimal."""
        if numbering is None:
            return
        for an in numbering.iter(f"{_W}abstractNum"):
            levels = {
                int(lvl.get(f"{_W}ilvl", "0")): Level.read(lvl) for lvl in an.iter(f"{_W}lvl")
            }
            self._abstract[an.get(f"{_W}abstractNumId", "")] = levels
        for num in numbering.iter(f"{_W}num"):
            overrides = {
                int(o.get(f"{_W}ilvl", "0")): int(_val(o, "startOverride") or 1)
                for o in num.iter(f"{_W}lvlOverride")
                if _val(o, "startOverride") is not None
            }
            self._nums[num.get(f"{_W}numId", "")] = (_val(num, "abstractNumId") or "", overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance list ``num_id`` at level ``ilvl`` and return the label shown, with the
        space (or nothing) Word puts after it; ``""`` for numbering turned off (numId 0)."""
        if num_id not in self._nums:
            return ""
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._seen:
            self._seen.add(num_id)
            for lvl in overrides:
                counters.pop(lvl, None)
        start = {k: overrides.get(k, lv.start) for k, lv in levels.items()}
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start[ilvl]
        for deeper, lv in levels.items():
            restart = deeper if lv.restart is None else lv.restart
            if deeper > ilvl and ilvl < restart:
                counters.pop(deeper, None)
        level = levels[ilvl]

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            value = counters.get(k, start.get(k, 1))
            fmt = "decimal" if level.legal else levels[k].fmt if k in levels else "decimal"
            shown = format_number(fmt, value)
            if shown is None:
                self.unsupported.add(fmt)
                shown = str(value)
            return shown

        if level.fmt == "bullet":
            text = "•" if any("\ue000" <= ch <= "\uf8ff" for ch in level.text) else level.text
        else:
            text = _PLACEHOLDER.sub(number, level.text)
        return text + level.suffix if text else ""
