"""`record`: `dataclasses.dataclass` with shared `__repr__`, `__eq__` and `__hash__`.

Python 3.11's dataclass compiles every method it generates from source, one `exec` each:
`__init__`, `__repr__`, `__eq__` and, for a frozen class, `__setattr__`, `__delattr__` and
`__hash__`. At about 0.12 ms each that was 54 ms of every process for the package's
classes, a fifth of converting a short text plan. `record` lets dataclass compile
`__init__` (and a frozen class's guards) and gives the class methods shared by all
records, which read the class's field names from one tuple per class. They answer as
dataclass's own (tests/test_record.py): the same repr, equality only with the same class
over the fields with `compare`, the hash of the same tuple, and unhashable when dataclass
would make the class unhashable. Methods the class defines itself are kept, as dataclass
keeps them. A class without a docstring gets dataclass's `__doc__`, its signature, when
the docstring is first read rather than when the class is made (inspect.signature, about
0.1 ms a class).
"""

from __future__ import annotations

import inspect
import reprlib
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

__all__ = ["field", "record"]

T = TypeVar("T")
_Key = Callable[[Any], tuple[Any, ...]]


def _key(names: list[str]) -> _Key:
    """A function giving the tuple of these attributes (attrgetter gives a bare value for
    one name: the tuple keeps hash and equality those of dataclass's tuples)."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return attrgetter(*names)


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    cls = type(self)
    parts = ", ".join(f"{name}={getattr(self, name)!r}" for name in cls.__record_repr__)
    return f"{cls.__qualname__}({parts})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        key = self.__class__.__record_eq__
        return key(self) == key(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__class__.__record_hash__(self))


class _SignatureDoc:
    """The `__doc__` of a record without a docstring: `Name(field: type, ...)`, as
    dataclass writes it, made when read (a class's `__doc__` may be a descriptor)."""

    def __get__(self, obj: Any, cls: type) -> str:
        try:
            text = str(inspect.signature(cls)).replace(" -> None", "")
        except (TypeError, ValueError):
            text = ""
        return cls.__name__ + text


_SIGNATURE_DOC = _SignatureDoc()


def _explicit_hash(cls: type) -> bool:
    """dataclass's test: the class body defined `__hash__` (Python sets it to None itself
    when the body defines `__eq__` only)."""
    own = cls.__dict__.get("__hash__", MISSING)
    return not (own is MISSING or (own is None and "__eq__" in cls.__dict__))


@dataclass_transform(field_specifiers=(field,))
def record(
    cls: type[T] | None = None,
    /,
    *,
    repr: bool = True,
    eq: bool = True,
    frozen: bool = False,
    slots: bool = False,
    kw_only: bool = False,
) -> Any:
    """`@record`, `@record(frozen=True, slots=True, ...)`: as `@dataclass` with the same
    arguments."""

    def wrap(cls: type[T]) -> type[T]:
        own = set(cls.__dict__)
        explicit_hash = _explicit_hash(cls)
        no_doc = not cls.__dict__.get("__doc__")
        if no_doc:
            cls.__doc__ = cls.__name__  # stops dataclass from computing the signature now
        made: Any = dataclass(
            cls, repr=False, eq=False, frozen=frozen, slots=slots, kw_only=kw_only
        )
        if no_doc:
            made.__doc__ = _SIGNATURE_DOC
        known = fields(made)
        if repr:
            made.__record_repr__ = tuple(f.name for f in known if f.repr)
            if "__repr__" not in own:
                made.__repr__ = _repr
        if eq:
            made.__record_eq__ = _key([f.name for f in known if f.compare])
            if "__eq__" not in own:
                made.__eq__ = _eq
            if not explicit_hash:
                if frozen:
                    hashed = [f.name for f in known if (f.compare if f.hash is None else f.hash)]
                    made.__record_hash__ = _key(hashed)
                    made.__hash__ = _hash
                else:
                    made.__hash__ = None
        return made

    return wrap if cls is None else wrap(cls)
