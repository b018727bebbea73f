"""diff-match-patch in one place: deterministic, semantic cleanup, C++ fast path.

``Diff_Timeout`` is 0 (no time limit): the default 1 s limit made diffs of long texts depend
on machine load and returned a useless diff of a whole document. Cleanup is always
``diff_cleanupSemantic``, so a diff reads as words and phrases, not one-character chaff.

The C++ build of the same algorithm (``fast-diff-match-patch``) is used when installed; it
gives the same operations (``tests/diff/test_engine.py`` checks it on the corpus) about ten
times faster. ``POLYDIFF_DIFF_BACKEND=python`` forces the pure-Python library.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache

RawOp = tuple[str, str]
"""``("=" | "-" | "+", text)``."""

_SYMBOL = {-1: "-", 0: "=", 1: "+"}


@cache
def _python_backend() -> Callable[[str, str], list[RawOp]]:
    import diff_match_patch as dmp_module

    dmp = dmp_module.diff_match_patch()
    dmp.Diff_Timeout = 0

    def run(a: str, b: str) -> list[RawOp]:
        diffs = dmp.diff_main(a, b)
        dmp.diff_cleanupSemantic(diffs)
        return [(_SYMBOL[op], text) for op, text in diffs]

    return run


@cache
def _fast_backend() -> Callable[[str, str], list[RawOp]] | None:
    try:
        import fast_diff_match_patch as fdmp
    except ImportError:
        return None

    def run(a: str, b: str) -> list[RawOp]:
        return list(
            fdmp.diff(a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=False)
        )

    return run


def backend_name() -> str:
    """Which implementation :func:`raw_diff` uses: ``fast`` or ``python``."""
    if os.environ.get("POLYDIFF_DIFF_BACKEND") == "python" or _fast_backend() is None:
        return "python"
    return "fast"


def raw_diff(a: str, b: str, backend: str | None = None) -> list[RawOp]:
    """Character diff of ``a`` and ``b`` with semantic cleanup."""
    if a == b:
        return [("=", a)] if a else []
    name = backend or backend_name()
    fast = _fast_backend() if name == "fast" else None
    return fast(a, b) if fast is not None else _python_backend()(a, b)
