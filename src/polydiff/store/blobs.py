"""Git's name for a file's content, computed without git."""

from __future__ import annotations

from polydiff import digests


def git_blob_id(data: bytes) -> str:
    """The id git gives a file with this content (``git hash-object``), without git."""
    return digests.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()
