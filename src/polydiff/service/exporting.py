"""Writing what a user exports (a report, the 新旧对照表) to a file of their choosing."""

from __future__ import annotations

from pathlib import Path


def save(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` all at once (a temporary file renamed into place: an error
    leaves no half-written file and an existing one untouched); returns the path."""
    from polydiff.store.atomic import write_files

    target = path.expanduser().absolute()
    write_files({target: data})
    return target
