"""All-or-nothing writes of several files.

Each file is written to a temporary file beside its target (``.<name>.<random>.tmp``), and
only when all are written are they renamed into place. Ctrl-C (SIGINT) and SIGTERM are held
back while that happens and delivered right after, so an interrupted command leaves the
files either as they were or as they were meant to be, never half of each; temporary files
are removed on every exit path. Only a process killed outright (SIGKILL, a power cut) can
leave one behind: :func:`leftover_temp_files` finds them for ``polydiff check``.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from polydiff.errors import StoreError

TEMP_RE = re.compile(r"^\..+\.[^.]+\.tmp$")
"""Names of this module's temporary files."""
_HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the duration of the block (main thread only: other
    threads never receive Python signal handlers), then deliver what arrived."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {s: signal.getsignal(s) for s in _HELD}
    if any(h is None for h in previous.values()):  # installed outside Python: leave alone
        yield
        return
    for sig in _HELD:
        signal.signal(sig, lambda signum, _frame: received.append(signum))
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for num in dict.fromkeys(received):
            signal.raise_signal(num)


def write_files(files: Mapping[Path, bytes], remove: Iterable[Path] = ()) -> None:
    """Write every file of ``files`` (and delete every file of ``remove``) or none.

    On error the temporary files (and folders this call created) are removed and existing
    files are left untouched."""
    with signals_held():
        created_dirs: list[Path] = []
        temps: dict[Path, Path] = {}
        try:
            for target, data in files.items():
                _make_parents(target, created_dirs)
                temps[target] = _write_temp(target, data)
        except OSError as exc:
            _cleanup(temps.values(), created_dirs)
            raise StoreError(f"cannot write {exc.filename or 'files'}: {exc.strerror}") from None
        except BaseException:
            _cleanup(temps.values(), created_dirs)
            raise
        try:
            for target, tmp in list(temps.items()):
                os.replace(tmp, target)
                del temps[target]
            for path in remove:
                path.unlink(missing_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot write {exc.filename or 'files'}: {exc.strerror}") from None
        finally:
            _cleanup(temps.values(), [])


def _make_parents(target: Path, created: list[Path]) -> None:
    for parent in reversed(target.parents):
        if not parent.exists():
            parent.mkdir()
            created.append(parent)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()
"""The mode a new file gets (mkstemp makes its files 0600)."""


def _write_temp(target: Path, data: bytes) -> Path:
    import tempfile  # with the first write: reading commands never load it

    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(name)
    try:
        try:
            mode = target.stat().st_mode & 0o777  # a replaced file keeps its mode
        except OSError:
            mode = _MODE
        os.chmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _cleanup(temps: Iterable[Path], created_dirs: list[Path]) -> None:
    for tmp in temps:
        with contextlib.suppress(OSError):
            tmp.unlink()
    for d in reversed(created_dirs):
        with contextlib.suppress(OSError):
            d.rmdir()


def leftover_temp_files(folder: Path) -> list[Path]:
    """Temporary files of interrupted writes anywhere under ``folder``, sorted."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob(".*.tmp") if p.is_file() and TEMP_RE.match(p.name))
