"""Invariants of the parser on generated text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polydiff.model import PATH_RE
from polydiff.parse.accounting import unaccounted
from polydiff.parse.text import parse_text

LABELS = [
    "一、",
    "二、",
    "三、",
    "（一）",
    "(二)",
    "（七）",
    "1.",
    "2．",
    "3、",
    "（1）",
    "(2)",
    "①",
    "②",
    "一是",
    "二是",
    "I. ",
    "II. ",
    "(I) ",
    "(IV) ",
    "1. ",
    "(a) ",
    "First, ",
    "Second, ",
    "",
    "",
    "",
    "1)",
    "A. ",
    "第一条 ",
]
WORDS = [
    "加快",
    "推进",
    "人工智能",
    "发展",
    "。",
    ",",
    "“人工智能+”",
    "行动",
    "2027年",
    "、",
    "Promote",
    " the ",
    "development",
    ". ",
    ", ",
    "AI",
    "(AI)",
    "1. ",
    "国务院",
    ":",
    "\u3000",
    "(作者:某某)",
    "2025年8月21日",
    "August 21, 2025.",
]

paragraph = st.tuples(
    st.sampled_from(LABELS), st.lists(st.sampled_from(WORDS), min_size=0, max_size=14)
).map(lambda t: t[0] + "".join(t[1]))
separator = st.sampled_from(["\n", "\n\n", "\r\n", "\n\u3000\u3000", "\n  \n"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    paras = draw(st.lists(paragraph, min_size=1, max_size=25))
    out = []
    for p in paras:
        out.append(p)
        out.append(draw(separator))
    return "".join(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from(["zh", "en"]))
def test_parser_never_loses_text(text: str, lang: str) -> None:
    tree = parse_text(text, lang, "t").tree
    assert unaccounted(text, tree) is None


@settings(max_examples=200, deadline=None)
@given(documents(), st.sampled_from(["zh", "en"]))
def test_paths_are_unique_and_well_formed(text: str, lang: str) -> None:
    tree = parse_text(text, lang, "t").tree
    paths = tree.paths()
    assert len(paths) == len(set(paths))
    assert all(PATH_RE.match(p) for p in paths)
    for c in tree.walk():
        for child in c.children:
            assert child.path.rpartition(".")[0] == c.path


def test_accounting_notices_a_lost_character() -> None:
    text = "一、总则\n正文第一句。\n"
    tree = parse_text(text, "zh", "t").tree
    assert unaccounted(text + "遗漏", tree) is not None
    assert unaccounted(text.replace("第一", "第"), tree) is not None
