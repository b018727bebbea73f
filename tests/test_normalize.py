"""Presentation-only normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polydiff.normalize import normalize, normalize_with_map


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("各省、自治区,国务院各部委:", "各省、自治区，国务院各部委："),
        ("(一)“人工智能+”科学技术", "（一）「人工智能＋」科学技术"),
        ("周  民", "周\u00a0\u00a0民"),
        ("\u3000\u3000加快发展。", "加快发展。"),
        ("data ,  and more", "data , and\u3000more"),
        ("“从0到1”", '"从0到1"'),
        ("it’s", "it's"),
        ("等等…", "等等..."),
    ],
)
def test_presentation_only_differences_vanish(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("加快发展", "加速发展"),
        ("互联网+", "人工智能+"),
        ("a b", "ab"),
        ("1。", "1."),
    ],
)
def test_wording_differences_stay(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


@given(st.text(st.sampled_from(list("ab 中文\u3000\u00a0\t\n，,“”\"'‘’…（）()。.+A1"))))
def test_fast_path_and_offset_map_agree(text: str) -> None:
    norm, index = normalize_with_map(text)
    assert normalize(text) == norm
    assert len(index) == len(norm)
    assert list(index) == sorted(index)
    assert normalize(norm) == norm  # idempotent


@given(st.text(st.sampled_from(list("ab 中文\u3000\u00a0\t\n，,“”\"'‘’（）()。.+A1"))))
def test_fast_and_slow_offset_maps_agree(text: str) -> None:
    from polydiff.normalize import _normalize_with_map_slow

    norm, index = normalize_with_map(text)
    slow_norm, slow_index = _normalize_with_map_slow(text)
    assert (norm, list(index)) == (slow_norm, list(slow_index))


def test_every_folded_character_is_folded_and_no_other() -> None:
    """The one-pass width folding replaces exactly the one-for-one characters of the table."""
    from polydiff.normalize import _TABLE, _fold_width

    text = "".join(map(chr, range(0x10000)))
    want = "".join(_TABLE[ord(c)] if len(_TABLE.get(ord(c), "")) == 1 else c for c in text)
    assert _fold_width(text) == want


@given(st.lists(st.text(st.sampled_from(list("ab 中文\u3000\x00\n，,“”'’…（）。A1")), max_size=12)))
def test_many_texts_at_once_as_one_by_one(texts: list[str]) -> None:
    """The batched form (widths folded over the texts joined) gives each text's own result,
    a separator character inside a text included."""
    from polydiff.normalize import normalize_many

    assert normalize_many(texts) == [normalize(t) for t in texts]
