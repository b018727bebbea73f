"""Records: the slotted data classes of polydiff, made cheaply at import.

``@record`` does what ``@dataclass(frozen=True, slots=True)`` did here, and
``@record(frozen=False)`` what ``@dataclass(slots=True)`` did: an ``__init__`` over the
annotated fields (defaults, ``field(default_factory=…)``, ``field(init=False)``), a
``__repr__``, an ``__eq__`` and ``__hash__`` over the compared fields, ``__slots__``,
``__match_args__``, refusal to assign when frozen, and pickling of the slots as they are.

Why not ``dataclasses``: on Python 3.11 it compiles every generated method of every class
at import (about 0.6 ms a class, and importing it loads ``inspect`` and ``ast``), which was a
third of ``polydiff diff``'s start. Here ``__repr__``, ``__eq__`` and ``__hash__`` are shared
functions, and ``__init__`` is compiled on a class's first instance, so the classes a command
never makes cost only their creation.
"""

from __future__ import annotations

from collections.abc import Callable

from polydiff.typenames import TYPE_CHECKING, dataclass_transform, overload

if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")
_MISSING: Any = object()
_FACTORY: Any = object()
"""Default of an ``__init__`` argument whose field has a ``default_factory``."""


class FrozenInstanceError(AttributeError):
    """An assignment to a field of a frozen record."""


class Field:
    """What ``field()`` declares about one field."""

    __slots__ = ("compare", "default", "default_factory", "init", "name", "repr")

    def __init__(
        self,
        default: Any,
        default_factory: Callable[[], Any] | Any,
        init: bool,
        repr: bool,
        compare: bool,
    ) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare


@overload
def field(*, default: T, init: bool = True, repr: bool = True, compare: bool = True) -> T: ...
@overload
def field(
    *, default_factory: Callable[[], T], init: bool = True, repr: bool = True, compare: bool = True
) -> T: ...
def field(
    *,
    default: Any = _MISSING,
    default_factory: Any = _MISSING,
    init: bool = True,
    repr: bool = True,
    compare: bool = True,
) -> Any:
    """Declare a field with a default, a default factory, or left out of ``__init__``,
    ``__repr__`` or comparison."""
    return Field(default, default_factory, init, repr, compare)


def fields(cls_or_record: Any) -> tuple[Field, ...]:
    """The fields of a record class or record, in order."""
    return tuple(cls_or_record.__record_fields__)


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record ``obj`` with some fields changed."""
    for f in obj.__record_fields__:  # type: ignore[attr-defined]
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(cls: Any = None, /, *, frozen: bool = True, eq: bool = True) -> Any:
    """Make ``cls`` a slotted record of its annotated fields (frozen unless told)."""
    if cls is None:
        return lambda c: _make(c, frozen, eq)
    return _make(cls, frozen, eq)


def _make(cls: type, frozen: bool, eq: bool) -> type:
    namespace = dict(cls.__dict__)
    found = []
    for name, annotation in namespace.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        value = namespace.pop(name, _MISSING)
        f = value if isinstance(value, Field) else Field(value, _MISSING, True, True, True)
        f.name = name
        found.append(f)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    names = tuple(f.name for f in found)
    namespace["__slots__"] = names
    namespace["__record_fields__"] = tuple(found)
    namespace["__match_args__"] = tuple(f.name for f in found if f.init)
    namespace.setdefault("__init__", _first_init)
    namespace.setdefault("__repr__", _repr)
    namespace["__reduce__"] = _reduce
    if eq:
        compared = tuple(f.name for f in found if f.compare)
        namespace["__record_key__"] = staticmethod(_key_of(compared))
        namespace.setdefault("__eq__", _eq)
        if "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is None:
            namespace["__hash__"] = _hash if frozen else None
    if frozen:
        namespace["__setattr__"] = _frozen_setattr
        namespace["__delattr__"] = _frozen_delattr
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made


def _is_classvar(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar"))


def _key_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    from operator import attrgetter

    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    if not names:
        return lambda self: ()
    return attrgetter(*names)


def _first_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """Compile the class's ``__init__``, put it in place, and run it."""
    cls = self.__class__
    init = _compile_init(cls)
    cls.__init__ = init
    init(self, *args, **kwargs)


def _compile_init(cls: type) -> Callable[..., None]:
    scope: dict[str, Any] = {"_FACTORY": _FACTORY}
    params, body = [], []
    for i, f in enumerate(cls.__record_fields__):  # type: ignore[attr-defined]
        setter = f"_set{i}"
        scope[setter] = getattr(cls, f.name).__set__
        factory = f.default_factory is not _MISSING
        if factory:
            scope[f"_factory{i}"] = f.default_factory
        if not f.init:
            if factory:
                body.append(f"{setter}(self, _factory{i}())")
            elif f.default is not _MISSING:
                scope[f"_default{i}"] = f.default
                body.append(f"{setter}(self, _default{i})")
            continue
        if factory:
            params.append(f"{f.name}=_FACTORY")
            body.append(f"{setter}(self, _factory{i}() if {f.name} is _FACTORY else {f.name})")
        elif f.default is not _MISSING:
            scope[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
            body.append(f"{setter}(self, {f.name})")
        else:
            params.append(f.name)
            body.append(f"{setter}(self, {f.name})")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    lines = "\n ".join(body or ["pass"])
    source = f"def __init__(self, {', '.join(params)}):\n {lines}\n"
    exec(compile(source, f"<record {cls.__qualname__}>", "exec"), scope)
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _repr(self: Any) -> str:
    shown = ", ".join(
        f"{f.name}={getattr(self, f.name)!r}" for f in self.__record_fields__ if f.repr
    )
    return f"{self.__class__.__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        key = self.__record_key__
        return key(self) == key(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__record_key__(self))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _reduce(self: Any) -> tuple[Any, ...]:
    cls = self.__class__
    values = {name: getattr(self, name) for name in cls.__slots__ if hasattr(self, name)}
    return _rebuild, (cls, values)


def _rebuild(cls: type, values: dict[str, Any]) -> Any:
    """A record from its slots' values, as pickled (no ``__init__``, no ``__post_init__``)."""
    made: Any = object.__new__(cls)
    for name, value in values.items():
        getattr(cls, name).__set__(made, value)
    return made
