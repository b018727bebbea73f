"""Regular expressions compiled on first use.

Compiling a character class of Chinese ranges (``[\\u4e00-\\u9fff]``) costs 2–4 ms here, and
the parser, the input checks and the format sniffers hold dozens of patterns: compiled at
import, they were a fifth of the start-up of ``polydiff diff``. A :func:`lazy` pattern is
compiled by the first call that needs it; later calls go straight to the compiled
pattern's methods."""

from __future__ import annotations

import re

from polydiff.typenames import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from typing import Any

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


class _Lazy:
    """Stands in for a compiled pattern until one of its methods is first used."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy and pickle probe for hooks: none here
            raise AttributeError(name)
        pattern, flags = self._source
        compiled: re.Pattern[Any] = re.compile(pattern, flags)
        for method in _METHODS:
            self.__dict__[method] = getattr(compiled, method)
        self.__dict__["pattern"] = compiled.pattern
        self.__dict__["flags"] = compiled.flags
        self.__dict__["groups"] = compiled.groups
        self.__dict__["groupindex"] = compiled.groupindex
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))


def lazy_bytes(pattern: bytes, flags: int = 0) -> re.Pattern[bytes]:
    """:func:`lazy` for a bytes pattern."""
    return cast("re.Pattern[bytes]", _Lazy(pattern, flags))
