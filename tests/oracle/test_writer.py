"""The result writer (issue 13): orjson, when installed, writes exactly the bytes of the standard library's writer."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongshang_rules.oracle import batch, cli, jsontext

orjson = pytest.importorskip("orjson")

# What a result holds: objects with text keys, lists, text (any code point, control characters and astral ones
# included), ints, booleans and null.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_both_writers_give_the_same_bytes(value: Any) -> None:
    assert jsontext.dumps_result(value) == jsontext.dumps(value)


@pytest.mark.parametrize("value", ["\ud800", 2**70, {1: "a"}, {"a": [2**64]}])
def test_what_orjson_refuses_or_writes_otherwise_goes_to_the_standard_writer(value: Any) -> None:
    """A lone surrogate, an int past 64 bits, a non-text key: written by dumps itself."""
    assert jsontext.dumps_result(value) == jsontext.dumps(value)


def test_every_corpus_result_is_written_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [line.encode() for _n, text in cli._corpus_files() for line in text.decode("utf-8").splitlines()]
    fast = [batch.decide_line(n, line)[0] for n, line in enumerate(lines, start=1)]
    monkeypatch.setattr(jsontext, "_orjson", None)
    plain = [batch.decide_line(n, line)[0] for n, line in enumerate(lines, start=1)]
    assert len(fast) == len(lines) > 400 and fast == plain
