"""A consistency law for every ruling (issue 15), checked over generated cases in the published case format.

Each property holds whatever the facts: hypothesis writes settlement episodes as JSON cases (places, filings, dates
around the procedure's boundaries, every flag), and each case is decided through :func:`decide_json`, the path
other implementations are compared on. The same question asked through two decisions must get the same answer.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongshang_rules.kernel.ruling import REASONS
from gongshang_rules.oracle.cases import decide_json

D = dt.date

# Reasons that assert an outcome of their own: a manual reimbursement at the insured place (arts. 12(2), 22), or
# a direct settlement (arts. 5, 18, 25) and its refund (art. 12(3)). Each may appear only on that outcome.
MANUAL_ASSERTING = {
    "SETTLEMENT_NO_CREDENTIAL",
    "SETTLEMENT_NETWORK_UNAVAILABLE",
    "SETTLEMENT_MANUAL_DUPLICATE_CHECK",
    "COVERAGE_BACK_FILING_TOO_LATE",
}
DIRECT_ASSERTING = {
    "SETTLEMENT_DIRECT",
    "SETTLEMENT_DIRECT_INBOUND",
    "SETTLEMENT_DIRECT_OUTBOUND",
    "SETTLEMENT_REFUND_TO_WORKER",
    "DEVICE_WITHIN_LIMIT",
}
#: Outcomes where this procedure divides no money (art. 2, 3, 36; docs/oracle.md).
UNSPLIT = {"NOT_GOVERNED", "NOT_IN_FORCE", "LOCAL_CARE"}

# The example registry: EX-0001 长沙 (medical), EX-0002 株洲 (medical, rehabilitation; suspended in October 2025),
# EX-0003 湘乡 (devices), EX-0004 广东 (all three).
INSTITUTIONS = {
    "EX-0001": ("430100", ["MEDICAL"]),
    "EX-0002": ("430200", ["MEDICAL", "REHABILITATION"]),
    "EX-0003": ("430381", ["ASSISTIVE_DEVICE"]),
    "EX-0004": ("440000", ["MEDICAL", "REHABILITATION", "ASSISTIVE_DEVICE"]),
}
INSURED = ["430100", "430181", "430200", "430600", "省本级", "650000", "440000"]
IDENTITY = {"430100": "430102199001011238", "650000": "650102198506151232"}
BOUNDARIES = [D(2025, 3, 31), D(2025, 4, 1), D(2025, 7, 31), D(2025, 8, 1), D(2027, 7, 31), D(2027, 8, 1)]


@st.composite
def days(draw: st.DrawFn) -> dt.date:
    """A day near a boundary of the procedure, or anywhere from 2025-03 to 2027-09."""
    if draw(st.booleans()):
        return draw(st.sampled_from(BOUNDARIES)) + dt.timedelta(days=draw(st.integers(-3, 3)))
    return draw(st.dates(min_value=D(2025, 3, 1), max_value=D(2027, 9, 30)))


@st.composite
def settlement_cases(draw: st.DrawFn) -> dict[str, Any]:
    code = draw(st.sampled_from(sorted(INSTITUTIONS)))
    treatment, services = INSTITUTIONS[code]
    insured = draw(st.sampled_from(INSURED))
    service = draw(st.sampled_from(services))
    if service == "ASSISTIVE_DEVICE":
        care = "DEVICE_FITTING"
        lines = [{"kind": "ASSISTIVE_DEVICE", "amount": "1800.00", "device_name": "轮椅"}]
    else:
        care = draw(st.sampled_from(["INPATIENT", "OUTPATIENT"]))
        lines = [
            {"kind": "MEDICAL_ITEM", "amount": draw(st.sampled_from(["1000.00", "0.01", "2999.99"]))},
            {"kind": "DRUG", "amount": "500.50", "compliant": draw(st.booleans())},
        ]
        if care == "INPATIENT" and draw(st.booleans()):
            lines.append({"kind": "MEAL_ALLOWANCE", "amount": "120.00"})
        if draw(st.booleans()):
            lines.append({"kind": "TRAVEL_AND_LODGING", "amount": "80.00"})
    started = draw(days())
    settled = started + dt.timedelta(days=draw(st.sampled_from([0, 1, 9, 40, 120])))
    episode: dict[str, Any] = {
        "worker": {
            "name": "李四",
            "identity_number": IDENTITY.get(insured, "11010519491231002X"),
            "insured": insured,
        },
        "institution_code": code,
        "care": care,
        "service": service,
        "started_on": started.isoformat(),
        "settled_on": settled.isoformat(),
        "lines": lines,
        "credential": draw(
            st.sampled_from(["SOCIAL_SECURITY_CARD", "ELECTRONIC_SOCIAL_SECURITY_CARD", "NONE"])
        ),
        "third_party_liability": draw(st.booleans()),
        "network_available": draw(st.booleans()),
        "emergency_marked": draw(st.booleans()),
        "recognition_pending_at_admission": draw(st.booleans()),
        "suspended_for_violation": draw(st.booleans()),
    }
    scope_local = insured in ("430100", "430181") and treatment == "430100"
    provincial = insured == "省本级" and treatment != "440000"
    both_outside = insured in ("650000", "440000") and treatment == "440000"
    if draw(st.booleans()) and not (scope_local or provincial or both_outside):
        filed = started + dt.timedelta(days=draw(st.sampled_from([-200, -100, -30, -1, 0, 1, 5, 200])))
        filing: dict[str, Any] = {
            "insured": insured,
            "treatment": treatment,
            "category": draw(st.sampled_from(["REFERRAL", "LONG_TERM_RESIDENCE", "RESIDENT_WORK"])),
            "service": service,
            "filed_on": filed.isoformat(),
        }
        if service == "ASSISTIVE_DEVICE":
            filing["devices"] = [{"name": "轮椅", "minimum_service_years": 3, "maximum_payment": "1800.00"}]
        if insured in ("650000", "440000") or draw(st.booleans()):
            filing["stated_valid_from"] = filed.isoformat()
            filing["stated_valid_through"] = (
                filed + dt.timedelta(days=draw(st.sampled_from([90, 183])))
            ).isoformat()
        episode["filing"] = filing
    else:
        episode["filing"] = None
    return {
        "case": "generated",
        "decision": "settlement",
        "today": settled.isoformat(),
        "facts": {"episode": episode, "registry": "example"},
    }


def decide(case: dict[str, Any]) -> dict[str, Any]:
    import json

    return decide_json(json.dumps(case, ensure_ascii=False))


def codes(result: dict[str, Any]) -> set[str]:
    return {r["code"] for r in result.get("reasons", [])}


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestTheConsistencyLaw:
    @SETTINGS
    @given(settlement_cases())
    def test_no_reason_asserts_another_outcome(self, case: dict[str, Any]) -> None:
        """A manual-reimbursement reason only on a manual outcome, a direct-settlement reason only on a direct one."""
        result = decide(case)
        if "error" in result:
            return
        given_codes = codes(result)
        if result["outcome"] != "MANUAL_REIMBURSEMENT":
            assert not given_codes & MANUAL_ASSERTING, result["outcome"]
        if result["outcome"] != "DIRECT":
            assert not given_codes & DIRECT_ASSERTING, result["outcome"]

    @SETTINGS
    @given(settlement_cases())
    def test_a_ruling_that_does_not_govern_divides_no_money(self, case: dict[str, Any]) -> None:
        """Not governed, not in force, local care: no shares, no catalogs, no allowance payer (docs/oracle.md)."""
        result = decide(case)
        if "error" in result or result["outcome"] not in UNSPLIT:
            return
        figures = result["figures"]
        assert figures["fund_share"] is None and figures["worker_share"] is None
        assert figures["catalogs"] == []
        assert figures["meal_allowance"] is None

    @SETTINGS
    @given(settlement_cases())
    def test_the_shares_add_up_to_the_bill_to_the_fen(self, case: dict[str, Any]) -> None:
        """Every ruling that divides the bill divides all of it: fund + worker = bill."""
        result = decide(case)
        if "error" in result or result["figures"]["fund_share"] is None:
            return
        figures = result["figures"]
        assert Decimal(figures["fund_share"]) + Decimal(figures["worker_share"]) == Decimal(figures["bill"])
        assert Decimal(figures["refund_to_worker"]) <= Decimal(figures["fund_share"])
        if result["outcome"] != "DIRECT":
            assert Decimal(figures["fund_share"]) == 0

    @SETTINGS
    @given(settlement_cases())
    def test_every_reading_is_flagged(self, case: dict[str, Any]) -> None:
        """Each reason carries its template's flag; a stay straddling a boundary states the settlement-date reading."""
        result = decide(case)
        if "error" in result:
            return
        for reason in result["reasons"]:
            assert reason["interpretation"] is REASONS[reason["code"]].interpretation
        episode = case["facts"]["episode"]
        started, settled = D.fromisoformat(episode["started_on"]), D.fromisoformat(episode["settled_on"])
        scope = result["figures"]["scope"]
        if scope in ("INTRA_PROVINCE", "CROSS_PROVINCE_OUTBOUND", "CROSS_PROVINCE_INBOUND"):
            at_start = decide(in_force_case(started, scope))["outcome"]
            at_end = decide(in_force_case(settled, scope))["outcome"]
            if at_start != at_end:
                assert "SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE" in codes(result)

    @SETTINGS
    @given(settlement_cases())
    def test_in_force_inside_the_settlement_agrees_with_the_in_force_decision(
        self, case: dict[str, Any]
    ) -> None:
        """The settlement and the in_force decision judge the same settlement date the same way (art. 36)."""
        result = decide(case)
        scope = result.get("figures", {}).get("scope")
        if "error" in result or scope not in (
            "INTRA_PROVINCE",
            "CROSS_PROVINCE_OUTBOUND",
            "CROSS_PROVINCE_INBOUND",
        ):
            return
        settled = D.fromisoformat(case["facts"]["episode"]["settled_on"])
        force = decide(in_force_case(settled, scope))["outcome"]
        expected = {"IN_FORCE": None, "NATIONAL_PROCEDURE": "NOT_GOVERNED"}.get(force, "NOT_IN_FORCE")
        if expected is None:
            assert result["outcome"] not in ("NOT_IN_FORCE",)
        else:
            assert result["outcome"] == expected

    @SETTINGS
    @given(settlement_cases())
    def test_coverage_inside_the_settlement_agrees_with_the_coverage_decision(
        self, case: dict[str, Any]
    ) -> None:
        """Where the settlement reaches the filing, its coverage reasons are those of filing_coverage (arts. 12, 13),
        and a covered filing never stands behind a refusal on the filing's own grounds."""
        result = decide(case)
        if "error" in result or result["figures"]["scope"] not in (
            "INTRA_PROVINCE",
            "CROSS_PROVINCE_OUTBOUND",
            "CROSS_PROVINCE_INBOUND",
        ):
            return
        if result["outcome"] in (
            "NOT_IN_FORCE",
            "NOT_GOVERNED",
        ) and "SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE" in codes(result):
            # Not in force on the settlement date: the coverage decision says the same (next property).
            assert decide(coverage_case(case))["outcome"] in ("NOT_IN_FORCE", "NATIONAL_PROCEDURE")
            return
        if "SETTLEMENT_INSTITUTION_UNKNOWN" in codes(result):
            return
        coverage = decide(coverage_case(case))
        assert "error" not in coverage
        covered_codes = {c for c in codes(coverage) if c.startswith(("COVERAGE_", "FILING_"))}
        settled_codes = codes(result)
        # A NOT_COVERED, manual or back-filing coverage reason set reaches the settlement whole (some manual ones
        # restated as notes on a ruling that is not manual).
        restated = {"COVERAGE_BACK_FILING_TOO_LATE"}
        assert covered_codes - restated <= settled_codes
        if coverage["outcome"] in ("COVERED", "COVERED_BY_BACK_FILING", "COVERED_WITH_REFUND"):
            assert result["outcome"] != "DIRECT" or ("SETTLEMENT_REFUND_TO_WORKER" in settled_codes) == (
                coverage["outcome"] == "COVERED_WITH_REFUND" and Decimal(result["figures"]["fund_share"]) > 0
            )
        elif coverage["outcome"] == "NOT_COVERED":
            assert result["outcome"] == "NOT_PAYABLE_DIRECTLY"

    @SETTINGS
    @given(settlement_cases())
    def test_validity_inside_coverage_agrees_with_the_validity_decision(self, case: dict[str, Any]) -> None:
        """filing_coverage reports the validity filing_validity gives for the same filing (arts. 13, 36)."""
        filing = case["facts"]["episode"]["filing"]
        if filing is None:
            return
        coverage = decide(coverage_case(case))
        validity = decide(
            {
                "case": "v",
                "decision": "filing_validity",
                "today": filing["filed_on"],
                "facts": {"filing": filing},
            }
        )
        if "error" in coverage or "error" in validity:
            return
        cover_figures, validity_figures = coverage["figures"], validity["figures"]
        if cover_figures["valid_through"] is not None:
            assert cover_figures["valid_through"] == validity_figures["valid_through"]
            assert cover_figures["valid_from"] == validity_figures["valid_from"]
        if validity["outcome"] in ("NOT_IN_FORCE", "EXPIRED"):
            assert coverage["outcome"] in (
                "NOT_COVERED",
                "NOT_GOVERNED",
                "NOT_OUT_OF_AREA",
                "NOT_IN_FORCE",
                "NATIONAL_PROCEDURE",
            )


@st.composite
def fund_flow_cases(draw: st.DrawFn) -> dict[str, Any]:
    insured = draw(st.sampled_from(["430100", "430181", "省本级", "650000"]))
    treatment = draw(st.sampled_from(["430200", "430621", "440000"]))
    started = draw(days())
    settled = started + dt.timedelta(days=draw(st.sampled_from([0, 3, 40])))
    record = {
        "settlement_id": "S-1",
        "identity_number": "430102199001011238",
        "institution_code": "EX-0002",
        "insured": insured,
        "treatment": treatment,
        "started_on": started.isoformat(),
        "ended_on": settled.isoformat(),
        "bill": "1600.50",
        "fund_share": "1500.50",
    }
    return {"case": "g", "decision": "fund_flow", "today": settled.isoformat(), "facts": {"record": record}}


class TestTheSameQuestionThroughTheFundRules:
    @SETTINGS
    @given(fund_flow_cases())
    def test_fund_flow_judges_the_procedure_as_the_in_force_decision_and_states_the_reading(
        self, case: dict[str, Any]
    ) -> None:
        """Art. 36 inside fund_flow agrees with in_force on the settlement date; a straddling stay says so."""
        result = decide(case)
        if "error" in result:
            return
        scope = result["figures"]["scope"]
        if scope not in ("INTRA_PROVINCE", "CROSS_PROVINCE_OUTBOUND", "CROSS_PROVINCE_INBOUND"):
            return
        record = case["facts"]["record"]
        at_end = decide(in_force_case(D.fromisoformat(record["ended_on"]), scope))["outcome"]
        at_start = decide(in_force_case(D.fromisoformat(record["started_on"]), scope))["outcome"]
        expected = {"IN_FORCE": None, "NATIONAL_PROCEDURE": "NOT_GOVERNED"}.get(at_end, "NOT_IN_FORCE")
        if expected is None:
            assert result["outcome"] not in ("NOT_GOVERNED", "NOT_IN_FORCE")
            assert ("FUNDS_JUDGED_ON_SETTLEMENT_DATE" in codes(result)) == (at_start != at_end)
        else:
            assert result["outcome"] == expected
            assert result["figures"]["amount"] is None


def in_force_case(day: dt.date, scope: str) -> dict[str, Any]:
    return {"case": "f", "decision": "in_force", "today": day.isoformat(), "facts": {"scope": scope}}


def coverage_case(case: dict[str, Any]) -> dict[str, Any]:
    """The filing_coverage question inside a settlement case: the same filing, institution and dates."""
    episode = case["facts"]["episode"]
    treatment = INSTITUTIONS[episode["institution_code"]][0]
    facts = {
        "insured": episode["worker"]["insured"],
        "filing": episode["filing"],
        "service": episode["service"],
        "institution_code": episode["institution_code"],
        "institution_place": treatment,
        "admitted_on": episode["started_on"],
        "settled_on": episode["settled_on"],
        "emergency_marked": episode["emergency_marked"],
        "recognition_pending_at_admission": episode["recognition_pending_at_admission"],
        "care": episode["care"],
    }
    return {"case": "c", "decision": "filing_coverage", "today": case["today"], "facts": facts}
