"""Patterns compiled on first use behave as compiled ones, and survive copy and pickle."""

import copy
import pickle
import re

from polydiff.lazyre import lazy


def test_a_lazy_pattern_is_compiled_by_its_first_use_and_answers_as_the_compiled_one() -> None:
    p = lazy(r"(第(\d+)条)\s*", re.MULTILINE)
    assert "match" not in vars(p)  # nothing compiled yet
    compiled = re.compile(r"(第(\d+)条)\s*", re.MULTILINE)
    text = "第12条 内容\n第3条"
    assert p.match(text).group(2) == compiled.match(text).group(2) == "12"  # type: ignore[union-attr]
    assert p.findall(text) == compiled.findall(text)
    assert p.sub("", text) == compiled.sub("", text)
    assert (p.pattern, p.flags, p.groups) == (compiled.pattern, compiled.flags, compiled.groups)


def test_a_lazy_pattern_pickles_and_copies_before_and_after_its_first_use() -> None:
    for used in (False, True):
        p = lazy(r"a+")
        if used:
            p.match("a")
        for q in (pickle.loads(pickle.dumps(p)), copy.deepcopy(p), copy.copy(p)):
            assert q.match("aaa").group() == "aaa"  # type: ignore[union-attr]
