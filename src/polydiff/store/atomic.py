"""All-or-nothing writes of several files."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from polydiff.errors import StoreError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()


def write_files(files: Mapping[Path, bytes]) -> None:
    """Write every file or none: each goes to a temporary file beside its target first;
    only when all are written are they renamed into place. On error the temporary files
    (and folders this call created) are removed and existing files are left untouched."""
    created_dirs: list[Path] = []
    temps: dict[Path, Path] = {}
    try:
        for target, data in files.items():
            for parent in reversed(target.parents):
                if not parent.exists():
                    parent.mkdir()
                    created_dirs.append(parent)
            fd, tmp_name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
            temps[target] = Path(tmp_name)
            os.chmod(tmp_name, _MODE)  # mkstemp makes 0600; a new file gets the usual mode
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
    except OSError as exc:
        _cleanup(temps.values(), created_dirs)
        raise StoreError(f"cannot write {exc.filename or 'files'}: {exc.strerror}") from None
    except BaseException:
        _cleanup(temps.values(), created_dirs)
        raise
    for target, tmp in temps.items():
        os.replace(tmp, target)


def _cleanup(temps: Iterable[Path], created_dirs: list[Path]) -> None:
    for tmp in temps:
        with contextlib.suppress(OSError):
            tmp.unlink()
    for d in reversed(created_dirs):
        with contextlib.suppress(OSError):
            d.rmdir()
