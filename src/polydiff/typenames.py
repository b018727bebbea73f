"""The names from :mod:`typing` that polydiff needs at run time, without importing typing.

Importing typing takes 2–3 ms here, a twentieth of the start of ``polydiff diff``. Every
annotation is a string (``from __future__ import annotations``), so running code needs only
the few names below; a module takes the others (``Any``, ``TextIO``…) from typing under
``if TYPE_CHECKING:``. mypy reads ``TYPE_CHECKING`` as true whatever binds it, and so checks
against typing's own objects."""

from __future__ import annotations

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Protocol as Protocol
    from typing import cast as cast
    from typing import dataclass_transform as dataclass_transform
    from typing import overload as overload
else:

    class Protocol:
        """A structural type: checked by mypy, a plain base class when running."""

        __slots__ = ()

    def cast(_type, value):
        return value

    def overload(func):
        return func

    def dataclass_transform(**_kwargs):
        return lambda cls: cls
