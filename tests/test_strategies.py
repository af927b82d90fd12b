"""The public hypothesis strategies (gongshang_rules.strategies), and property tests written with them.

The strategies promise valid values of the library's input types, registered for ``st.from_type`` through the
``hypothesis`` entry point; the properties below hold for every value they generate.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongshang_rules import (
    DECISIONS,
    Case,
    CostLine,
    Episode,
    Filing,
    IdentityNumber,
    InvalidInputError,
    Place,
    PlaceKind,
    Settlement,
    SettlementRecord,
    Worker,
    case_from_json,
    case_to_json,
    classify_scope,
    decide_case,
    decide_settlement,
    example_registry,
    filing_validity,
)
from gongshang_rules import place as gr_place
from gongshang_rules import strategies as gs
from gongshang_rules._hypothesis_plugin import _hypothesis_setup_hook
from gongshang_rules.oracle import jsonio
from gongshang_rules.oracle.cases import decide


class TestRegistration:
    """Installed, the package registers its strategies with hypothesis: ``st.from_type`` works on its types."""

    def test_the_hypothesis_entry_point_names_the_hook(self) -> None:
        """The distribution declares the ``hypothesis`` entry point, pointing at the setup hook."""
        points = importlib.metadata.entry_points(group="hypothesis")
        assert any(p.value == "gongshang_rules._hypothesis_plugin:_hypothesis_setup_hook" for p in points)

    @pytest.mark.parametrize(
        "first",
        ["import hypothesis", "import gongshang_rules.strategies", "from gongshang_rules import strategies"],
    )
    def test_from_type_works_whichever_is_imported_first(self, first: str) -> None:
        """In a fresh interpreter, hypothesis first or the strategies first: no circular import, and from_type works."""
        script = (
            f"{first}\n"
            "from hypothesis import strategies as st\n"
            "from gongshang_rules import Episode\n"
            "assert isinstance(st.from_type(Episode).example(), Episode)\n"
            "import gongshang_rules.strategies as s; s.register()\n"
        )
        done = subprocess.run([sys.executable, "-W", "ignore", "-c", script], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr

    @pytest.mark.parametrize(
        "kind", [Place, IdentityNumber, Worker, Filing, Episode, CostLine, SettlementRecord, Case]
    )
    def test_from_type_draws_valid_values(self, kind: type) -> None:
        """``st.from_type`` of each public input type gives values of that type."""

        @settings(max_examples=15)
        @given(st.from_type(kind))
        def check(value: object) -> None:
            assert isinstance(value, kind)

        check()

    def test_the_hook_and_register_can_run_again(self) -> None:
        """Calling the hook or register() again re-registers the same strategies without error."""
        _hypothesis_setup_hook()
        gs.register()

        @settings(max_examples=5)
        @given(st.from_type(Episode))
        def check(episode: Episode) -> None:
            assert isinstance(episode, Episode)

        check()


class TestValues:
    """Each strategy's values pass their own type's validators and keep the promised shape."""

    @given(gs.identity_numbers())
    def test_identity_numbers_have_a_valid_check_digit(self, number: IdentityNumber) -> None:
        """Parsing the text of a generated number gives it back (check digit, birth date, province prefix)."""
        assert IdentityNumber.parse(number.value) == number
        assert "*" in str(number)

    @given(gs.money(Decimal("1.00"), Decimal("99.99")))
    def test_money_has_two_places_within_bounds(self, amount: Decimal) -> None:
        """Money is a Decimal to the fen, inside the bounds asked for."""
        assert type(amount) is Decimal and amount.as_tuple().exponent == -2
        assert Decimal("1.00") <= amount <= Decimal("99.99")

    @given(gs.treatment_places())
    def test_treatment_places_exclude_the_provincial_level(self, place: Place) -> None:
        """省本级 is an insured place only (article 2 ¶3)."""
        assert place.kind is not PlaceKind.PROVINCE_LEVEL

    @given(gs.places(kinds=frozenset({PlaceKind.CITY})))
    def test_places_keep_the_kinds_asked_for(self, place: Place) -> None:
        """``kinds`` restricts the places drawn."""
        assert place.kind is PlaceKind.CITY

    @given(gs.filings())
    def test_filings_are_for_out_of_area_pairs(self, filing: Filing) -> None:
        """Every generated filing is for a pair of places that needs one (articles 2, 3)."""
        assert classify_scope(filing.insured, filing.treatment).outcome.out_of_area

    @given(gs.settlement_records())
    def test_records_keep_the_fund_share_within_the_bill(self, record: SettlementRecord) -> None:
        """fund_share ≤ bill and started_on ≤ ended_on, as the record's validators demand."""
        assert record.fund_share <= record.bill and record.started_on <= record.ended_on

    def test_an_unknown_decision_is_an_error_naming_the_field(self) -> None:
        """``cases("nonsense")`` raises InvalidInputError on ``decision``."""
        with pytest.raises(InvalidInputError) as raised:
            gs.cases("nonsense")
        assert raised.value.field == "decision"


class TestProperties:
    """Invariants of the rules over generated inputs."""

    @given(gs.episodes())
    def test_a_split_bill_adds_up(self, episode: Episode) -> None:
        """When the procedure splits the bill, fund share + worker share = bill, neither negative (arts. 18, 19)."""
        ruling = decide_settlement(episode, registry=example_registry())
        assert ruling.reasons
        if ruling.fund_share is not None and ruling.worker_share is not None:
            assert ruling.fund_share + ruling.worker_share == ruling.bill
            assert ruling.fund_share >= 0 and ruling.worker_share >= 0
        if ruling.outcome is Settlement.DIRECT:
            assert ruling.fund_share is not None

    @given(
        gs.filings(
            insured=gr_place("省本级"),
            treatment=gr_place("440000"),
            filed_on=st.dates(dt.date(2024, 1, 1), dt.date(2025, 7, 31))
            | st.dates(dt.date(2027, 8, 1), dt.date(2030, 12, 31)),
        )
    )
    def test_a_cross_province_filing_outside_the_procedure_states_its_dates(self, filing: Filing) -> None:
        """Art. 36: a cross-province filing made under the national procedure carries its approved dates, so that
        a generated episode with it can be settled (a 省本级 → 广东 filing of 2025-05-13 once had none)."""
        assert filing.stated_valid_from is not None and filing.stated_valid_through is not None

    @given(gs.filings())
    def test_a_computed_validity_starts_on_the_filing_day(self, filing: Filing) -> None:
        """A Hunan filing's validity starts on the day it was filed and ends on or after it (article 13 ¶1)."""
        ruling = filing_validity(filing)
        if ruling.valid_from is not None and ruling.valid_through is not None:
            assert ruling.valid_through >= ruling.valid_from
        if ruling.outcome.name == "COMPUTED":
            assert ruling.valid_from == filing.filed_on

    @settings(max_examples=200)
    @given(gs.cases())
    def test_every_generated_case_is_decided_or_rejected_with_paths(self, case: Case) -> None:
        """A case of any decision gives a result or an error result; never an exception (the oracle's promise)."""
        result = decide_case(case)
        assert result["decision"] == case.decision
        if "error" in result:
            assert all(p["path"].startswith("$") for p in result["error"]["problems"])
        else:
            assert result["outcome"] and isinstance(result["reasons"], list)

    @settings(max_examples=100)
    @given(gs.cases())
    def test_cases_survive_a_json_round_trip(self, case: Case) -> None:
        """case_to_json then case_from_json gives the same case, and the same decision."""
        again = case_from_json(jsonio.loads(jsonio.dumps(case_to_json(case))))
        assert again == case

    @pytest.mark.parametrize("decision", sorted(DECISIONS))
    def test_each_decision_has_cases(self, decision: str) -> None:
        """``cases(decision)`` gives cases of that decision, most of which the library decides."""
        decided = []

        @settings(max_examples=10)
        @given(gs.cases(decision))
        def check(case: Case) -> None:
            assert case.decision == decision
            try:
                decide(case)
            except jsonio.CaseError:
                decided.append(False)
            else:
                decided.append(True)

        check()
        assert sum(decided) > len(decided) // 2

    @given(gs.dates(dt.date(2025, 2, 28), dt.date(2025, 3, 1)))
    def test_dates_are_dates_within_bounds(self, day: dt.date) -> None:
        """dates() gives ``datetime.date`` (never a datetime) inside the bounds."""
        assert type(day) is dt.date and dt.date(2025, 2, 28) <= day <= dt.date(2025, 3, 1)
