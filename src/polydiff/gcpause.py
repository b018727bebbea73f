"""Pausing Python's cyclic garbage collector during allocation-heavy loops.

Comparing thousands of clause pairs allocates millions of short-lived dicts, lists and
tuples, none in a reference cycle (reference counting frees them). With a large heap (the
index of a corpus), every ~700 allocations trigger a collection that walks the young
objects, and the older generations' collections walk everything: on a 1,000-document
corpus this made one pair's alignment ten times slower than on an empty heap.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Collector off inside the block (as it was, after; nested use is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
