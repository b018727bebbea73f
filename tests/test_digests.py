"""The built-in hash functions give hashlib's digests."""

from __future__ import annotations

import hashlib

from polydiff import digests


def test_the_same_digests_as_hashlib() -> None:
    data = "国务院关于深入实施“人工智能+”行动的意见".encode() * 100
    assert digests.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert digests.sha1(data, usedforsecurity=False).hexdigest() == hashlib.sha1(data).hexdigest()
    keyed = digests.blake2b(data, digest_size=16, person=b"polydiff-yaml-1")
    assert (
        keyed.hexdigest()
        == hashlib.blake2b(data, digest_size=16, person=b"polydiff-yaml-1").hexdigest()
    )
