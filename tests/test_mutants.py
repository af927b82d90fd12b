"""Tests written to kill the mutants that survived the rule modules' own tests (docs/mutation.md).

Each test says what the article (or the house rule for bad input) demands; the mutant it kills is named in
docs/mutation.md.
"""

from __future__ import annotations

import pytest

from gongshang_rules import InvalidInputError, classify_scope, place


class TestScopeInput:
    """Articles 2 and 3 classify a pair of places; anything else is refused naming the field and what it got."""

    def test_an_insured_place_given_as_text_is_refused_saying_it_got_text(self) -> None:
        """A code string is not a Place: the error names ``insured`` and says it got a str (call place() first)."""
        with pytest.raises(InvalidInputError) as caught:
            classify_scope("430100", place("430600"))  # type: ignore[arg-type]
        assert caught.value.field == "insured"
        assert caught.value.problem.endswith("got str")
