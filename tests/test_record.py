"""`record` behaves as `dataclass` with the same arguments: every class is made twice, once
with each, and their instances compared on repr, equality, hashing, freezing and slots."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field
from itertools import product
from typing import Any

import pytest

from planextract.models.record import record

OPTIONS = [
    dict(zip(("frozen", "slots", "eq", "kw_only"), combo, strict=True))
    for combo in product((False, True), repeat=4)
]


def _twins(options: dict[str, bool]) -> tuple[type, type]:
    def body() -> dict[str, Any]:
        return {
            "__annotations__": {
                "name": "str",
                "pages": "list[int]",
                "note": "str",
                "hidden": "int",
                "unhashed": "int",
            },
            "pages": field(default_factory=list),
            "note": field(default="", compare=False),
            "hidden": field(default=0, repr=False),
            "unhashed": field(default=0, hash=False),
        }

    plain = dataclass(**options)(type("Twin", (), body()))
    made = record(**options)(type("Twin", (), body()))
    return plain, made


def _args(options: dict[str, bool]) -> dict[str, Any]:
    return {"name": "Wat?", "pages": [3], "note": "x", "hidden": 7, "unhashed": 1}


def _frozen_args(options: dict[str, bool]) -> dict[str, Any]:
    return {**_args(options), "pages": (3, 4)}  # hashable when the hash is asked


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(k for k, v in o.items() if v))
def test_record_answers_as_dataclass(options: dict[str, bool]) -> None:
    plain, made = _twins(options)
    kwargs = _frozen_args(options)
    a, b = plain(**kwargs), made(**kwargs)
    assert repr(a) == repr(b)
    assert type(a).__doc__ == type(b).__doc__ == a.__doc__ == b.__doc__  # the signature
    assert dataclasses.is_dataclass(b)
    assert [f.name for f in dataclasses.fields(a)] == [f.name for f in dataclasses.fields(b)]
    # equality: with its own class only, over the fields with compare
    same, other_note, other_name = (
        made(**kwargs),
        made(**{**kwargs, "note": "y"}),
        made(**{**kwargs, "name": "Hoe?"}),
    )
    assert (b == same) == (a == plain(**kwargs))
    assert (b == other_note) == (a == plain(**{**kwargs, "note": "y"}))
    assert (b == other_name) == (a == plain(**{**kwargs, "name": "Hoe?"}))
    assert (b == a) is False and (b != a) is True  # another class, even with the same fields
    assert b.__eq__(object()) is NotImplemented or not options["eq"]
    # hashing: unhashable exactly when dataclass makes it so, and the same value otherwise
    assert (type(a).__hash__ is None) == (type(b).__hash__ is None)
    if type(a).__hash__ is not None:
        if options["eq"]:
            assert hash(a) == hash(b)
            assert hash(b) == hash(made(**{**kwargs, "unhashed": 2}))  # hash=False field
        else:
            assert hash(b) != hash(same)  # identity, as dataclass leaves it
    # freezing and slots
    if options["frozen"]:
        with pytest.raises(FrozenInstanceError):
            b.name = "Hoe?"
        with pytest.raises(FrozenInstanceError):
            del b.name
    else:
        b.name = "Hoe?"
        assert b.name == "Hoe?"
    assert hasattr(type(a), "__slots__") == hasattr(type(b), "__slots__")
    if options["slots"]:
        with pytest.raises((AttributeError, TypeError)):
            b.extra = 1
    # copies, replace and pickling keep the answers
    for twin in (copy.copy(b), copy.deepcopy(b), dataclasses.replace(b)):
        assert twin == b if options["eq"] else repr(twin) == repr(b)


@record(frozen=True, slots=True)
class Pickled:
    name: str
    pages: tuple[int, ...] = ()


def test_record_pickles() -> None:
    value = Pickled("Wat?", (3,))
    assert pickle.loads(pickle.dumps(value)) == value


def test_record_keeps_methods_the_class_defines() -> None:
    @record(frozen=True)
    class Own:
        value: int

        def __repr__(self) -> str:
            return "eigen"

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return 7

    assert repr(Own(1)) == "eigen"
    assert Own(1) == Own(2)
    assert hash(Own(1)) == 7


def test_record_own_eq_without_hash_hashes_as_dataclass() -> None:
    def make(decorator: Any) -> type:
        class OwnEq:
            value: int

            def __eq__(self, other: object) -> bool:
                return True

        return decorator(frozen=True)(OwnEq)

    plain, made = make(dataclass), make(record)
    assert plain.__hash__ is not None and made.__hash__ is not None  # frozen: a hash is added
    assert hash(plain(3)) == hash(made(3))
    for decorator in (dataclass, record):  # not frozen: unhashable
        assert (
            decorator(
                type("OwnEq", (), {"__annotations__": {"v": "int"}, "__eq__": _same})
            ).__hash__
            is None
        )


def _same(self: object, other: object) -> bool:
    return True


def test_record_subclass_compares_its_own_fields() -> None:
    @record
    class Base:
        a: int

    @record
    class Child(Base):
        b: int = 0

    @dataclass
    class PlainBase:
        a: int

    @dataclass
    class PlainChild(PlainBase):
        b: int = 0

    assert repr(Child(1, 2)) == repr(PlainChild(1, 2)).replace("PlainChild", "Child")
    assert Child(1, 2) != Child(1, 3)
    assert Child(1, 2) != Base(1)  # another class
    assert Base(1) == Base(1)


def test_record_recursive_repr_as_dataclass() -> None:
    @record
    class Node:
        children: list[Any]

    @dataclass
    class PlainNode:
        children: list[Any]

    node, plain = Node([]), PlainNode([])
    node.children.append(node)
    plain.children.append(plain)
    assert repr(node) == repr(plain).replace("PlainNode", "Node")


def test_record_keeps_a_docstring() -> None:
    @record(frozen=True, slots=True)
    class Documented:
        """Wat? Waarom?"""

        value: int

    assert Documented.__doc__ == "Wat? Waarom?"
    assert Documented(1).__doc__ == "Wat? Waarom?"


def test_record_without_fields() -> None:
    @record(frozen=True)
    class Empty:
        pass

    @dataclass(frozen=True)
    class PlainEmpty:
        pass

    assert Empty() == Empty()
    assert hash(Empty()) == hash(PlainEmpty())
    assert repr(Empty()) == "test_record_without_fields.<locals>.Empty()"
