"""The settlement floor in ``benchmarks/floor.py`` (issue 13) agrees with the library on generated cases.

The bench divides the library's time by the floor's; the ratio is honest only if both give the same outcome,
shares and decisive codes on every case the bench times. The bench checks that on each run; this test checks it
on a few thousand generated cases in CI, and that the floor refuses (rather than guesses) a case it does not know.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import bench
import floor

from gongshang_rules.oracle import cases
from gongshang_rules.oracle.facts import SettlementFacts


@pytest.fixture(scope="module")
def facts() -> list[SettlementFacts]:
    rng = random.Random(20250801)
    return [cases.case_from_json(bench.generated_case(rng, i)).facts for i in range(3000)]


def test_floor_agrees_with_the_library_on_every_generated_case(facts: list[SettlementFacts]) -> None:
    assert floor.agree(facts) == len(facts)
    outcomes = {floor.settle(f.episode)[0] for f in facts}
    assert outcomes == {"DIRECT", "NOT_PAYABLE_DIRECTLY"}


def test_floor_refuses_what_it_does_not_know(facts: list[SettlementFacts]) -> None:
    episode = facts[0].episode
    with pytest.raises(floor.Unsupported):
        floor.settle(attrs.evolve(episode, institution_code="EX-0003"))
    with pytest.raises(floor.Unsupported):
        floor.settle(attrs.evolve(episode, filing=None))
    late = attrs.evolve(episode, started_on=episode.started_on + dt.timedelta(days=400))
    with pytest.raises(floor.Unsupported):
        floor.settle(late)
    with pytest.raises(floor.Unsupported):
        floor._shifted(dt.date(2025, 8, 31), 3)


def test_agree_reports_a_disagreement(facts: list[SettlementFacts], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(floor, "settle", lambda episode: ("DIRECT", Decimal(0), Decimal(0), ()))
    with pytest.raises(AssertionError, match="case 0"):
        floor.agree(facts[:1])
