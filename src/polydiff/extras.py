"""Optional libraries (the `formats` extra): one clear line when one is not installed."""

from __future__ import annotations

from importlib.util import find_spec

from polydiff.errors import UsageError

EXTRA = "polydiff[formats]"


def require(what: str, modules: dict[str, str]) -> None:
    """Raise :class:`UsageError` naming the missing packages when any of ``modules``
    (import name → package name) cannot be imported."""
    missing = [package for module, package in modules.items() if find_spec(module) is None]
    if missing:
        raise UsageError(f"{what} needs {', '.join(missing)}: pip install '{EXTRA}'")
