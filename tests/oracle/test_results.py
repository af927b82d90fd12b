"""The result TypedDicts (issue 14) against what the library writes: every corpus result has the required keys of
its shape and no key its shape does not name, so a type checker's view of a result is the format's."""

from __future__ import annotations

from typing import Any

import pytest

import gongshang_rules as gr
from gongshang_rules.oracle import cases
from gongshang_rules.oracle.cli import _corpus_files
from gongshang_rules.oracle.results import (
    Citation,
    DecidedResult,
    ErrorBody,
    ErrorResult,
    ReasonResult,
    is_decided,
)


def _results() -> list[dict[str, Any]]:
    return [
        cases.decide_json(line)
        for _name, text in _corpus_files()
        for line in text.splitlines()
        if line.strip()
    ]


RESULTS = _results()


def _fits(value: dict[str, Any], shape: Any) -> None:
    keys = set(value)
    assert shape.__required_keys__ <= keys, (shape.__name__, shape.__required_keys__ - keys)
    assert keys <= shape.__required_keys__ | shape.__optional_keys__, (shape.__name__, keys)


class TestTheShapesAreTheFormat:
    def test_every_corpus_result_fits_its_typed_dict(self) -> None:
        """Decided results fit DecidedResult with ReasonResult reasons; rejected cases fit ErrorResult."""
        decided = errors = 0
        for result in RESULTS:
            if is_decided(result):
                decided += 1
                _fits(dict(result), DecidedResult)
                for reason in result["reasons"]:
                    _fits(dict(reason), ReasonResult)
                    for citation in reason["citations"]:
                        _fits(dict(citation), Citation)
            else:
                errors += 1
                _fits(result, ErrorResult)
                _fits(result["error"], ErrorBody)
        assert decided > 300 and errors > 10

    def test_the_shapes_are_public_names(self) -> None:
        """The facade names them, so `gr.Result` annotates what `decide_json` returns."""
        assert gr.Result is not None and gr.DecidedResult is DecidedResult and gr.is_decided is is_decided

    @pytest.mark.parametrize("result", [{"outcome": "X"}, {"outcome": "X", "error": {}}, {"error": {}}])
    def test_is_decided_tells_the_two_apart(self, result: dict[str, Any]) -> None:
        """A result with an outcome and no error is decided; anything with an error is not."""
        assert is_decided(result) == ("outcome" in result and "error" not in result)
