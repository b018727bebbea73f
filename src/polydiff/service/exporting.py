"""Writing what a user exports (a report, the 新旧对照表) to a file of their choosing."""

from __future__ import annotations

from pathlib import Path

EXPORTS = "exports"
"""Folder of the repository's state directory (``.polydiff/``, which git ignores) where
exports go by default when the user works inside the repository."""


def default_folder(root: Path, cwd: Path | None = None) -> Path:
    """Where an export goes unless the user says otherwise: the current folder, or, inside
    the repository ``root`` (where ``git add -A`` would pick the file up), ``.polydiff/
    exports/``."""
    here = (cwd or Path.cwd()).absolute()
    root = root.absolute()
    if here == root or root in here.parents:
        from polydiff.store.locking import state_dir

        return state_dir(root) / EXPORTS
    return here


def save(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` all at once (a temporary file renamed into place: an error
    leaves no half-written file and an existing one untouched); returns the path."""
    from polydiff.store.atomic import write_files

    target = path.expanduser().absolute()
    write_files({target: data})
    return target
