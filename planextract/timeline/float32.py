"""Single-precision arithmetic in plain Python, for the timeline's similarity scores.

The scores were numpy float32 matrices; computing them here gives the very same values
(so the same links, cells and rounded scores in the JSON) without importing numpy, which
costs about 0.2 s of CPU in every process that links a timeline. Each operation is done
in double precision and rounded to single: for +, -, *, / and sqrt that is the correctly
rounded single-precision result (a double holds more than twice a single's 24 bits).
"""

from __future__ import annotations

import math
import struct
from array import array
from collections.abc import Iterable, Sequence

Matrix = list[list[float]]

_PAIRWISE_BLOCK = 128  # numpy's PW_BLOCKSIZE
_UNROLL = 8
_F32 = struct.Struct("f")


def f32(x: float) -> float:
    """x rounded to the nearest single-precision value (beyond its range: infinity, as a
    C cast gives)."""
    try:
        return _F32.unpack(_F32.pack(x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def f32_list(values: Iterable[float]) -> list[float]:
    """Each value rounded to single precision."""
    return array("f", values).tolist()


def zeros(rows: int, columns: int) -> Matrix:
    return [[0.0] * columns for _ in range(rows)]


def _pairwise_sum(values: Sequence[float], start: int, n: int) -> float:
    """numpy's pairwise summation of float32 (loops_utils.h: eight running sums in blocks of
    at most 128, halves beyond), rounded to single precision at every step as numpy does."""
    if n < _UNROLL:
        total = 0.0
        for i in range(start, start + n):
            total = f32(total + values[i])
        return total
    if n <= _PAIRWISE_BLOCK:
        r = list(values[start : start + _UNROLL])
        i = _UNROLL
        while i < n - n % _UNROLL:
            for j in range(_UNROLL):
                r[j] = f32(r[j] + values[start + i + j])
            i += _UNROLL
        left = f32(f32(r[0] + r[1]) + f32(r[2] + r[3]))
        right = f32(f32(r[4] + r[5]) + f32(r[6] + r[7]))
        total = f32(left + right)
        for k in range(start + i, start + n):
            total = f32(total + values[k])
        return total
    half = n // 2
    half -= half % _UNROLL
    return f32(_pairwise_sum(values, start, half) + _pairwise_sum(values, start + half, n - half))


def mean(values: Sequence[float]) -> float:
    """The float32 mean of single-precision values, as `numpy.ndarray.mean` gives it."""
    return f32(_pairwise_sum(values, 0, len(values)) / len(values))


def argmax(values: Sequence[float]) -> int:
    """Index of the first largest value (numpy's argmax)."""
    return max(range(len(values)), key=values.__getitem__)
