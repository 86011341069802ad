"""The plan's JSON text is written by pydantic_core where that gives exactly what
`json.dumps(data, indent=2, ensure_ascii=False)` gives, and by json.dumps elsewhere."""

from __future__ import annotations

import json
import random
import struct
from typing import Any

import pytest

from planextract.models.check import checked_data
from planextract.models.json_text import SMALLEST_ALIKE, _floats_alike, json_text
from planextract.pipeline import Result, _json_ready


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("kemp_result", '"title": "Actieplan ELZ Kemp en Duin",'),
        ("kemp_pdf_result", '"title": "Actieplan ELZ Kemp en Duin",'),
        ("elzoh_result", '"zone_key": "zuidoost-hageland",'),
    ],
)
def test_sample_plans_are_written_as_json_dumps_writes_them(
    name: str, line: str, request: pytest.FixtureRequest
) -> None:
    result: Result = request.getfixturevalue(name)
    data, alike = _json_ready(checked_data(result.plan))
    assert alike and _floats_alike(data)  # so the fast writer is the one under test
    text = json_text(data, alike)
    assert text == json_text(data) == _dumps(data)
    assert f"\n  {line}\n" in text


def test_floats_from_random_bit_patterns() -> None:
    rng = random.Random(11)
    values = [struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0] for _ in range(20_000)]
    values += [0.0, -0.0, SMALLEST_ALIKE, 9.99e-5, 1e-5, 1e-7, 5e-324, 1e16, 1e22, 1e308]
    values += [float("inf"), -float("inf"), 12.5, 100.0, 0.1, 1 / 3]
    small = [v for v in values if v != 0.0 and abs(v) < SMALLEST_ALIKE]
    assert small and not _floats_alike({"x": [small[0]]})
    assert not _json_ready({"x": [{"y": small[0]}], "boxes": []})[1]
    assert _json_ready({"x": [1e-3, float("nan")], "boxes": []}) == ({"x": [1e-3, None]}, True)
    for value in values:
        data = {"score": value, "boxes": [[value, 1.0]]}
        assert json_text(data) == _dumps(data), repr(value)


def test_strings_controls_and_every_character() -> None:
    rng = random.Random(12)
    every = "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c <= 0xDFFF)
    astral = "".join(chr(rng.randint(0x10000, 0x10FFFF)) for _ in range(500))
    data = {
        "text": every + astral,
        "controls": '\x00\x1f\x7f\b\f\n\r\t"\\/\u2028\u2029',
        "": [[], {}, None, True, False, 0, -(2**63), 10**30],
        "nested": {"k\u00e9y": [{"a": "\u2610 / \u2612"}]},
    }
    assert json_text(data) == _dumps(data)


def test_a_lone_surrogate_falls_back_to_json_dumps() -> None:
    data = {"text": "broken \ud800 text"}
    assert json_text(data) == _dumps(data)
