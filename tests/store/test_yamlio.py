"""YAML layout, exact round-trips, and clear errors for hand-mangled files."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polydiff.errors import StoreError
from polydiff.model import (
    Clause,
    ClauseKind,
    ClauseTree,
    Completeness,
    DocMeta,
    Relation,
    RelationType,
    SourceFile,
)
from polydiff.store import yamlio
from polydiff.store.repo import PolicyRepo

# Any text a decoded file can hold (no surrogates), including YAML-hostile strings.
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80) | st.sampled_from(
    [
        "yes",
        "no",
        "null",
        "~",
        "2.10",
        "1",
        "2025-08-21",
        "- x",
        "a: b",
        "'q'",
        '"',
        "#c",
        " lead",
        "trail ",
        "line\nbreak",
        "\t",
        "…",
        "“人工智能+”",
        "|",
        ">",
        "\x85",
        "\u2028",
    ]
)


@st.composite
def trees(draw: st.DrawFn) -> ClauseTree:
    def clause(path: str, depth: int) -> Clause:
        n = draw(st.integers(0, 3)) if depth < 3 else 0
        kids = tuple(clause(f"{path}.{i}", depth + 1) for i in range(1, n + 1))
        return Clause(
            path, draw(st.sampled_from(list(ClauseKind))), draw(text), draw(text), draw(text), kids
        )

    top = draw(st.integers(0, 4))
    return ClauseTree(
        draw(st.sampled_from(["d", "gf-2025-11"])),
        draw(st.sampled_from(["zh", "en"])),
        draw(text),
        draw(text),
        tuple(draw(st.lists(text, max_size=3))),
        tuple(clause(str(i), 0) for i in range(1, top + 1)),
    )


@st.composite
def metas(draw: st.DrawFn) -> DocMeta:
    return DocMeta(
        id=draw(st.sampled_from(["d", "gf-2025-11"])),
        title=draw(st.dictionaries(st.sampled_from(["zh", "en"]), text)),
        number=draw(text),
        issuer=draw(text),
        date=draw(text),
        kind=draw(text),
        completeness=draw(st.sampled_from(list(Completeness))),
        relations=tuple(
            draw(
                st.lists(
                    st.builds(
                        Relation, st.sampled_from(list(RelationType)), st.sampled_from(["a", "b-1"])
                    ),
                    max_size=3,
                )
            )
        ),
        source=draw(text),
        notes=draw(text),
        files=tuple(
            draw(
                st.lists(
                    st.builds(
                        SourceFile,
                        st.sampled_from(["zh", "en"]),
                        text.filter(bool),
                        text,
                        text,
                        st.sampled_from(["utf-8", "gb18030"]),
                        st.sampled_from(["text", "outline"]),
                        st.lists(text, max_size=2).map(tuple),
                    ),
                    max_size=2,
                )
            )
        ),
        provenance=draw(
            st.dictionaries(
                st.sampled_from(["a", "b", "headings"]),
                st.recursive(
                    text,
                    lambda c: (
                        st.lists(c, max_size=3)
                        | st.dictionaries(st.sampled_from(["x", "y"]), c, max_size=2)
                    ),
                    max_leaves=6,
                ),
                max_size=3,
            )
        ),
    )


@settings(max_examples=150, deadline=None)
@given(trees())
def test_tree_round_trip_is_exact(tree: ClauseTree) -> None:
    text_out = yamlio.dump(yamlio.tree_to_data(tree))
    assert yamlio.tree_from_data(yamlio.load(text_out, "t"), "t") == tree


@settings(max_examples=150, deadline=None)
@given(metas())
def test_meta_round_trip_is_exact(meta: DocMeta) -> None:
    text_out = yamlio.dump(yamlio.meta_to_data(meta))
    assert yamlio.meta_from_data(yamlio.load(text_out, "m"), "m") == meta


def test_layout_is_readable(corpus: PolicyRepo) -> None:
    text_out = (corpus.root / "policies/gf-2025-11/zh.yaml").read_text(encoding="utf-8")
    assert text_out.startswith("schema_version: 1\ndoc: gf-2025-11\nlang: zh\n")
    assert (
        "- path: 2.1.1\n  kind: item\n  label: '1.'\n  heading: 加速科学发现进程\n  text: |-\n"
        in text_out
    )
    assert "\\u" not in text_out  # Chinese is written as Chinese


def test_stored_files_are_byte_stable(corpus: PolicyRepo) -> None:
    for doc in corpus.doc_ids():
        for name in ("meta", "zh", "en"):
            path = corpus.root / "policies" / doc / f"{name}.yaml"
            data = yamlio.load(path.read_bytes(), str(path))
            again = (
                yamlio.meta_to_data(yamlio.meta_from_data(data, "m"))
                if name == "meta"
                else yamlio.tree_to_data(yamlio.tree_from_data(data, "t"))
            )
            assert yamlio.dump(again) == path.read_text(encoding="utf-8"), path


GOOD = "schema_version: 1\ndoc: d\nlang: zh\ntitle: ''\nnumber: ''\nclauses:\n- path: '1'\n  kind: part\n"


@pytest.mark.parametrize(
    ("text_in", "message"),
    [
        ("clauses: [\n", "broken YAML at line"),
        ("", "empty file"),
        ("- a\n- b\n", "must be a mapping"),
        (GOOD.replace("schema_version: 1", "schema_version: 9"), "schema_version '9'"),
        (GOOD.replace("kind: part", "kind: chapterette"), "unknown kind 'chapterette'"),
        (GOOD + "- path: '1'\n  kind: part\n", "duplicate clause path '1'"),
        (GOOD + "- path: 3.1\n  kind: item\n", "comes before (or without) its parent 3"),
        (GOOD + "- path: x.y\n  kind: item\n", "invalid path 'x.y'"),
        (GOOD + "- kind: item\n", "lacks 'path'"),
        (GOOD + "- path: '2'\n  kind: part\n  colour: red\n", "unknown field(s) colour"),
        (GOOD + "- path: '2'\n  kind: part\n  text: [a, b]\n", "'text' must be text"),
        (
            GOOD.replace("clauses:\n- path: '1'\n  kind: part\n", "clauses: 3\n"),
            "'clauses' must be a list",
        ),
    ],
)
def test_mangled_tree_files_give_one_clear_line(text_in: str, message: str) -> None:
    with pytest.raises(StoreError) as err:
        yamlio.tree_from_data(yamlio.load(text_in, "zh.yaml"), "zh.yaml")
    assert message in str(err.value)
    assert str(err.value).startswith("zh.yaml: ")
    assert "\n" not in str(err.value)


def test_unquoted_numbers_stay_text() -> None:
    tree = yamlio.tree_from_data(yamlio.load(GOOD + "- path: 1.10\n  kind: section\n", "t"), "t")
    assert tree.paths() == ["1", "1.10"]
