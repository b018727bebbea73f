"""Records behave as the frozen, slotted dataclasses they replaced."""

from __future__ import annotations

import copy
import pickle
from typing import ClassVar

import pytest

from polydiff.model import Clause
from polydiff.record import FrozenInstanceError, field, fields, record, replace


@record
class Point:
    """A frozen record with a default and a factory."""

    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)
    seen: str = field(default="", init=False, repr=False, compare=False)
    LIMIT: ClassVar[int] = 10


@record(frozen=False)
class Counter:
    """A mutable record with a post-init step."""

    start: int
    doubled: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.doubled = 2 * self.start


@record(eq=False)
class Handle:
    """A record compared by identity."""

    name: str


def test_init_defaults_factories_and_class_variables() -> None:
    p = Point(1)
    assert (p.x, p.y, p.tags, p.seen) == (1, 0, [], "")
    assert Point(1).tags is not p.tags
    assert Point(2, y=3, tags=["a"]).tags == ["a"]
    assert Point.LIMIT == 10
    assert [f.name for f in fields(Point)] == ["x", "y", "tags", "seen"]
    assert Point.__slots__ == ("x", "y", "tags", "seen")
    assert Point.__match_args__ == ("x", "y", "tags")
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, seen="no")  # type: ignore[call-arg]


def test_frozen_records_refuse_assignment_but_not_object_setattr() -> None:
    p = Point(1)
    with pytest.raises(FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del p.x  # type: ignore[misc]
    object.__setattr__(p, "seen", "cached")  # how a record caches a derived value
    assert p.seen == "cached"
    with pytest.raises(AttributeError):
        object.__setattr__(p, "other", 1)  # slots: no other attributes


def test_equality_hash_and_repr() -> None:
    assert Point(1, 2) == Point(1, 2)
    assert Point(1, 2) != Point(1, 3)
    a, b = Point(1, tags=["t"]), Point(1, tags=["t"])
    object.__setattr__(a, "seen", "x")
    assert a == b  # compare=False fields are left out
    assert Point(1) != (1, 0, [], "")
    assert repr(Point(1, 2, ["t"])) == "Point(x=1, y=2, tags=['t'])"
    assert Handle("h") != Handle("h")
    assert hash(Clause("1", "item", text="甲")) == hash(Clause("1", "item", text="甲"))
    h = Handle("h")
    assert h == h and {h: 1}[h] == 1
    with pytest.raises(TypeError):
        hash(Counter(1))  # mutable and compared: unhashable, as dataclasses made it


def test_post_init_mutation_and_replace() -> None:
    c = Counter(3)
    assert c.doubled == 6
    c.start = 4
    assert (c.start, c.doubled) == (4, 6)
    assert replace(Point(1, 2, ["a"]), y=5) == Point(1, 5, ["a"])
    assert replace(Counter(2), start=5).doubled == 10


def test_pickle_and_copy_keep_every_slot() -> None:
    p = Point(1, 2, ["a"])
    object.__setattr__(p, "seen", "cached")
    for back in (pickle.loads(pickle.dumps(p)), copy.copy(p), copy.deepcopy(p)):
        assert back == p and back.seen == "cached"
    c = Counter(2)
    c.doubled = 99
    assert pickle.loads(pickle.dumps(c)).doubled == 99  # no second __post_init__


def test_a_clause_round_trips_with_its_cached_digests() -> None:
    clause = Clause("1", "item", "一、", "总体要求", "加快推进。", (Clause("1.1", "item"),))
    digest = clause.hash
    back = pickle.loads(pickle.dumps(clause))
    assert back == clause and back.hash == digest and back.children[0].path == "1.1"
