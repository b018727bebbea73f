"""JSON output: the same text whichever encoder writes it."""

from __future__ import annotations

import json

from bench.corpus_gen import make_tree, revise

from polydiff import jsonio
from polydiff.align import align
from polydiff.report.data import comparison_to_json


def test_a_large_comparison_is_written_as_the_standard_library_writes_it() -> None:
    tree = make_tree(2_500)
    data = comparison_to_json(align(tree, revise(tree)))
    assert len(data["links"]) >= jsonio.MANY_RECORDS  # the orjson path
    assert jsonio.pretty(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_small_data_and_other_shapes() -> None:
    for data in ({"a": [1, 2.5, "中文"], "b": {"c": None}}, [], {}, "x", [{"k": 1}] * 2_001):
        assert jsonio.pretty(data) == json.dumps(data, ensure_ascii=False, indent=2)
        assert jsonio.loads(jsonio.compact(data)) == data
