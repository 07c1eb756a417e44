"""dumps_indented writes what json.dumps(ensure_ascii=False, indent=2) writes (report/json_text.py)."""

from __future__ import annotations

import json
import random
from enum import IntEnum

import pytest

from factcheck.report.json_text import dumps_indented


class _Level(IntEnum):
    LOW = 1


class _Text(str):
    pass


def _plain(value: object, depth: int) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


SCALARS = ["", "plain", "quote \" back\\slash", "tab\tnew\nline\r\x00\x1f\x7f", "é ü 中文 😀 \u2028\u2029", "\ud800",
           0, -1, 10**30, 1.5, -0.0, 1e300, 1e-300, float("nan"), float("inf"), float("-inf"), 0.1 + 0.2,
           True, False, None, _Level.LOW, _Text("sub"), 3.0]


def _random(rng: random.Random, depth: int = 0) -> object:
    roll = rng.random()
    if depth > 4 or roll < 0.5:
        return rng.choice(SCALARS)
    if roll < 0.7:
        return [_random(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if roll < 0.75:
        return tuple(_random(rng, depth + 1) for _ in range(rng.randint(0, 3)))
    return {rng.choice(["a", "b", "ключ", "k\n\"", "", "start", "end", "rule"]) + str(i): _random(rng, depth + 1)
            for i in range(rng.randint(0, 4))}


def test_the_same_text_on_random_values() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        value = _random(rng)
        depth = rng.randint(0, 3)
        assert dumps_indented(value, depth) == _plain(value, depth)


@pytest.mark.parametrize("value", [{1: "a"}, {"a": {2.5: [1]}}, {None: 1, True: 2}, [{"k": {False: None}}]])
def test_keys_other_than_strings_are_written_by_the_library(value: object) -> None:
    assert dumps_indented(value, 1) == _plain(value, 1)


@pytest.mark.parametrize("value", [object(), [1, {"a": object()}], {"a": {1, 2}}])
def test_what_the_library_refuses_is_refused_alike(value: object) -> None:
    with pytest.raises(TypeError):
        json.dumps(value, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        dumps_indented(value, 0)


def test_a_cycle_is_refused_alike() -> None:
    value: list[object] = [1]
    value.append(value)
    with pytest.raises(ValueError):
        dumps_indented(value, 0)
