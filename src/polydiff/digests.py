"""The hash functions polydiff uses, from CPython's built-in implementations.

``hashlib`` opens OpenSSL's libcrypto when imported (~3 ms, a few per cent of a short
command); the built-in modules give the same digests. Where a Python lacks them, ``hashlib``.
"""

from __future__ import annotations

from polydiff.typenames import TYPE_CHECKING

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


def _builtin(name: str, *modules: str) -> Any:
    import importlib

    for module in modules:
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
    import hashlib

    return getattr(hashlib, name)


if TYPE_CHECKING:
    from hashlib import sha1, sha256
    from typing import Any
else:
    sha256 = _builtin("sha256", "_sha256", "_sha2")  # _sha256 on 3.11, _sha2 from 3.12
    sha1 = _builtin("sha1", "_sha1")  # git's blob ids

__all__ = ["blake2b", "sha1", "sha256"]
