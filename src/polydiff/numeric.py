"""Sort-based ``unique`` for the numpy arrays of the matchers.

``np.unique`` without ``return_inverse`` switched to a hash table in numpy 2.x that is
tens of times slower on the large int64 arrays polydiff makes (1.3 s against 22 ms for a
sort, on 1.2 million gram keys here; 9.9 s against 0.2 s on 7 million shingle codes), and
imports ``numpy.ma`` (20–30 ms of a command's start) on its first call; these do the same
work with one sort (unstable: equal values are interchangeable)."""

from __future__ import annotations

from typing import Any


def sorted_unique(values: Any) -> Any:
    """The distinct values, ascending (``np.unique(values)``)."""
    import numpy as np

    return unique_of_sorted(np.sort(values))


def unique_of_sorted(s: Any) -> Any:
    """The distinct values of the ascending array ``s``."""
    import numpy as np

    if len(s) < 2:
        return s
    return s[np.concatenate(([True], s[1:] != s[:-1]))]


def unique_counts(values: Any) -> tuple[Any, Any]:
    """(distinct values ascending, how often each occurs)."""
    import numpy as np

    s = np.sort(values)
    if not len(s):
        return s, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate(([True], s[1:] != s[:-1])))
    return s[starts], np.diff(np.concatenate((starts, [len(s)])))


def unique_inverse(values: Any) -> tuple[Any, Any]:
    """(distinct values ascending, the index of each value among them)."""
    import numpy as np

    order = np.argsort(values, kind="stable")
    s = values[order]
    if not len(s):
        return s, np.zeros(0, dtype=np.int64)
    new = np.concatenate(([True], s[1:] != s[:-1]))
    inverse = np.empty(len(s), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return s[new], inverse
