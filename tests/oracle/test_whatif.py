"""What-if (gongshang_rules.oracle.whatif): cases decided under two sets of parameters, and what changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

import gongshang_rules as gr
from gongshang_rules import DEFAULT_PARAMETERS, InvalidInputError, ParameterSchedule, case_from_json, what_if
from gongshang_rules.oracle.whatif import ChangedCase, WhatIf, compare_results

AMENDED = attrs.evolve(
    DEFAULT_PARAMETERS,
    effective_from=dt.date(2026, 1, 1),
    referral_validity_months=6,
    source="hypothetical: referrals valid 6 months from 2026-01-01",
)
SCHEDULE = ParameterSchedule(versions=(DEFAULT_PARAMETERS, AMENDED))
FILED = {"insured": "430100", "treatment": "430200", "category": "REFERRAL", "service": "MEDICAL"}


def validity_case(filed_on: str) -> gr.Case:
    return case_from_json(
        {
            "case": f"A referral of {filed_on}.",
            "decision": "filing_validity",
            "today": filed_on,
            "facts": {"filing": {**FILED, "filed_on": filed_on}},
        }
    )


def settlement_case(filed_on: str, started_on: str, **extra: Any) -> gr.Case:
    episode = {
        "worker": {"name": "李四", "identity_number": "430102199001011238", "insured": "430100"},
        "filing": {**FILED, "filed_on": filed_on},
        "institution_code": "EX-0002",
        "care": "INPATIENT",
        "service": "MEDICAL",
        "started_on": started_on,
        "settled_on": started_on,
        "lines": [{"kind": "MEDICAL_ITEM", "amount": "1200.00"}, {"kind": "DRUG", "amount": "800.50"}],
        "credential": "SOCIAL_SECURITY_CARD",
    }
    return case_from_json(
        {
            "case": f"A stay from {started_on} on a referral of {filed_on}.",
            "decision": "settlement",
            "today": started_on,
            "facts": {"episode": episode, "registry": "example"},
            **extra,
        }
    )


class TestWhatIf:
    """what_if decides every case twice and reports transitions, money, codes and the changed cases."""

    def test_a_longer_referral_validity_moves_a_settlement_to_direct(self) -> None:
        """Art. 13 ¶1 at 6 months: a stay on 2026-06-01 on the 2026-01-15 referral becomes direct; the fund pays
        what the worker paid."""
        report = what_if([settlement_case("2026-01-15", "2026-06-01")], parameters=SCHEDULE)
        assert isinstance(report, WhatIf)
        [changed] = report.changed
        assert (changed.before, changed.after) == ("NOT_PAYABLE_DIRECTLY", "DIRECT")
        assert changed.fund_share_moved == Decimal("2000.50")
        assert changed.worker_share_moved == Decimal("-2000.50")
        assert report.fund_share_moved == Decimal("2000.50")
        assert [(t.before, t.after, t.count) for t in report.transitions] == [
            ("NOT_PAYABLE_DIRECTLY", "DIRECT", 1)
        ]
        assert "COVERAGE_WITHIN_VALIDITY" in {c.code for c in report.codes_gained}
        assert "COVERAGE_AFTER_VALIDITY" in {c.code for c in report.codes_lost}
        assert "PARAMETERS_VERSION_USED" not in {c.code for c in report.codes_gained}

    def test_the_law_of_the_filing_date_leaves_older_filings_alone(self) -> None:
        """A filing of 2025-12-15 keeps 3 months under the amendment: nothing changes."""
        report = what_if(
            [validity_case("2025-12-15"), settlement_case("2025-12-15", "2026-03-20")], parameters=SCHEDULE
        )
        assert (report.cases, report.unchanged, report.changed) == (2, 2, ())
        assert report.fund_share_moved == Decimal("0.00")

    def test_a_case_carrying_its_own_parameters_is_its_own_baseline(self) -> None:
        """The baseline is each case's own parameters: compared with the same schedule, nothing changes."""
        own = settlement_case("2026-01-15", "2026-06-01", parameters=gr.unstructure(SCHEDULE))
        assert what_if([own], parameters=SCHEDULE).changed == ()
        assert len(what_if([own], parameters=SCHEDULE, baseline=DEFAULT_PARAMETERS).changed) == 1

    def test_an_error_result_is_an_outcome(self) -> None:
        """A case rejected under one law and decided under the other is an ERROR transition."""
        case = validity_case("2026-01-15")
        before = {"case": case.name, "decision": case.decision, "error": {"problems": []}}
        after = gr.decide_case(case)
        changed = compare_results(case, before, after)
        assert isinstance(changed, ChangedCase)
        assert (changed.before, changed.after) == ("ERROR", "COMPUTED")
        assert changed.fund_share_moved is None

    def test_the_report_reads_as_text(self) -> None:
        """str() names the counts, the money and each changed case."""
        text = str(what_if([settlement_case("2026-01-15", "2026-06-01")], parameters=SCHEDULE))
        assert "1 changed, 0 unchanged" in text
        assert "settlement: NOT_PAYABLE_DIRECTLY -> DIRECT: 1" in text
        assert "fund share +2000.50, worker share -2000.50" in text
        assert "codes lost: " in text and "+COVERAGE_WITHIN_VALIDITY" in text

    def test_bad_arguments_name_the_field(self) -> None:
        """Parameters, baseline and every case are checked."""
        with pytest.raises(InvalidInputError, match="parameters"):
            what_if([], parameters="six months")  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="baseline"):
            what_if([], parameters=SCHEDULE, baseline=3)  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match=r"cases\[0\]"):
            what_if(["case"], parameters=SCHEDULE)  # type: ignore[list-item]

    def test_the_report_is_json(self) -> None:
        """output() writes the report as data: money as strings, counts as integers."""
        data = gr.output(what_if([settlement_case("2026-01-15", "2026-06-01")], parameters=SCHEDULE))
        assert data["fund_share_moved"] == "2000.50"
        assert data["changed"][0]["after"] == "DIRECT"
