"""Wording diffs: the operations reproduce the texts; both backends agree."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polydiff.diff.engine import raw_diff
from polydiff.diff.wording import apply_ops, similarity, tokens, wording_diff
from polydiff.normalize import normalize
from polydiff.store.repo import PolicyRepo

ZH = st.text(
    st.sampled_from(list('人工智能加快推进发展创新，,。、“”"（）() \u3000\u2003\n12….ing')),
    max_size=60,
)
EN = st.lists(
    st.sampled_from(
        [
            "the ",
            "AI ",
            "model",
            "s",
            ",",
            ".",
            " ",
            "“",
            "”",
            '"',
            "\n",
            "promote",
            "Promote",
            "-",
            "integration",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.tuples(ZH, ZH, st.just("zh")), st.tuples(EN, EN, st.just("en"))))
def test_ops_reproduce_b_exactly_and_a_up_to_presentation(case: tuple[str, str, str]) -> None:
    a, b, lang = case
    ops = wording_diff(a, b, lang)
    got_a, got_b = apply_ops(ops)
    assert got_b == b
    # "=" carries B's presentation (width, quotes, spacing): A is reproduced up to that
    assert normalize(got_a) == normalize(a)
    assert all(op in "=-+" and text for op, text in ops)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=20), st.text(max_size=20), st.sampled_from(["zh", "en"]))
def test_the_contract_holds_for_any_unicode(a: str, b: str, lang: str) -> None:
    got_a, got_b = apply_ops(wording_diff(a, b, lang))
    assert got_b == b
    assert normalize(got_a) == normalize(a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ing", "in\u2003术"),  # the space B drops next to 术 must not land between n and g
        ("in\u2003术", "ing"),
        ("ab", " b"),  # B's leading space must not land between a and b
        (".", "…"),  # one … of B is not = . plus + ..
        ("…", ".…"),
        ("a...", "術 ..."),
    ],
)
def test_the_contract_on_whitespace_next_to_cjk_and_ellipses(a: str, b: str) -> None:
    for lang in ("zh", "en"):
        got_a, got_b = apply_ops(wording_diff(a, b, lang))
        assert got_b == b
        assert normalize(got_a) == normalize(a), (lang, wording_diff(a, b, lang))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.tuples(ZH, ZH, st.just("zh")), st.tuples(EN, EN, st.just("en"))))
def test_strict_ops_reproduce_both_texts_exactly(case: tuple[str, str, str]) -> None:
    a, b, lang = case
    assert apply_ops(wording_diff(a, b, lang, strict=True)) == (a, b)


@given(ZH)
def test_diff_of_a_text_with_itself_has_no_change(a: str) -> None:
    ops = wording_diff(a, a, "zh")
    assert all(op == "=" for op, _ in ops)
    assert similarity(ops) == 1.0


def test_presentation_only_is_no_change_unless_strict() -> None:
    a = "各省、自治区,国务院各部委:“人工智能+”(一)"
    b = "各省、自治区，国务院各部委：「人工智能＋」（一）"
    assert [op for op, _ in wording_diff(a, b, "zh")] == ["="]
    assert {op for op, _ in wording_diff(a, b, "zh", strict=True)} >= {"-", "+"}


def test_chinese_is_character_level_english_word_level() -> None:
    assert wording_diff("加快发展", "加速发展", "zh") == [
        ("=", "加"),
        ("-", "快"),
        ("+", "速"),
        ("=", "发展"),
    ]
    ops = wording_diff(
        "Promote the integration of AI.", "Promote the deep integration of AI.", "en"
    )
    assert ops == [("=", "Promote the "), ("+", "deep "), ("=", "integration of AI.")]
    ops = wording_diff("accelerate the process", "accelerated the process", "en")
    assert ("-", "accelerate") in ops and ("+", "accelerated") in ops  # whole words, not letters


def test_tokens_join_back() -> None:
    text = "AI-driven models, “from 0 to 1”; it's   done.\n"
    assert "".join(tokens(text)) == text
    assert "AI-driven" in tokens(text)


def test_backends_agree_on_the_corpus(corpus: PolicyRepo) -> None:
    pytest.importorskip("fast_diff_match_patch")
    zh = [c.content for c in corpus.load_tree("gf-2025-11", "zh").walk() if c.content][:25]
    other = [c.content for c in corpus.load_tree("ndrc-2025-0826", "zh").walk() if c.content]
    whole_a = "\n".join(zh)
    whole_b = "\n".join(other)
    pairs = list(itertools.pairwise(zh)) + list(zip(zh, other, strict=False))
    pairs.append((whole_a[:1500], whole_b[:1500]))  # a long pair (pure Python takes seconds)
    for a, b in pairs:
        assert raw_diff(a, b, backend="fast") == raw_diff(a, b, backend="python")


def test_no_timeout_on_a_whole_document(corpus: PolicyRepo) -> None:
    a = "\n".join(c.content for c in corpus.load_tree("gf-2025-11", "zh").walk())
    b = "\n".join(c.content for c in corpus.load_tree("gf-2025-11", "en").walk())
    # a long, very different pair: the result must be an exact edit script, whatever the time
    assert apply_ops(wording_diff(a, b, "zh", strict=True)) == (a, b)
