"""Tests written to kill the mutants that survived the rule modules' own tests (docs/mutation.md).

Each test says what the article (or the house rule for bad input) demands; the mutant it kills is named in
docs/mutation.md.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from identity_numbers import with_check_digit

from gongshang_rules import (
    DEFAULT_PARAMETERS,
    InvalidInputError,
    PersonCategory,
    ServiceKind,
    classify_scope,
    place,
)
from gongshang_rules.kernel.identity import IdentityNumber
from gongshang_rules.rules.eligibility import Basis, EligibilityFacts, decide_eligibility
from gongshang_rules.rules.episodes import LineKind
from gongshang_rules.rules.filing import Filing
from gongshang_rules.rules.filing_changes import ChangeKind, change_allowed
from gongshang_rules.rules.manual_claims import ManualClaim, check_manual_claim
from gongshang_rules.rules.records import SettlementRecord


class TestScopeInput:
    """Articles 2 and 3 classify a pair of places; anything else is refused naming the field and what it got."""

    def test_an_insured_place_given_as_text_is_refused_saying_it_got_text(self) -> None:
        """A code string is not a Place: the error names ``insured`` and says it got a str (call place() first)."""
        with pytest.raises(InvalidInputError) as caught:
            classify_scope("430100", place("430600"))  # type: ignore[arg-type]
        assert caught.value.field == "insured"
        assert caught.value.problem.endswith("got str")


WORKER = IdentityNumber(with_check_digit("43010219900101123"))


def record(
    started: dt.date, ended: dt.date, *, treatment: str = "440000", sid: str = "S-1"
) -> SettlementRecord:
    """A settled record of WORKER at institution H1 (cross-province outbound by default: Guangdong)."""
    return SettlementRecord(
        settlement_id=sid,
        identity_number=WORKER,
        institution_code="H1",
        insured=place("430100"),
        treatment=place(treatment),
        started_on=started,
        ended_on=ended,
        bill=Decimal("100.00"),
        fund_share=Decimal("100.00"),
    )


def claim(started: dt.date, ended: dt.date, kinds: frozenset[LineKind]) -> ManualClaim:
    """WORKER's manual claim at institution H1."""
    return ManualClaim(
        identity_number=WORKER, institution_code="H1", started_on=started, ended_on=ended, kinds=kinds
    )


class TestManualClaimDuplicates:
    """Article 22 ¶1: costs already settled directly are not reimbursed again by hand."""

    def test_a_one_day_stay_is_a_valid_record_and_a_valid_claim(self) -> None:
        """Admitted and discharged on the same day: started_on == ended_on is allowed (only before is refused)."""
        day = dt.date(2025, 9, 10)
        assert record(day, day).ended_on == day
        assert claim(day, day, frozenset({LineKind.DRUG})).ended_on == day
        with pytest.raises(InvalidInputError) as caught:
            record(day, day - dt.timedelta(days=1))
        assert caught.value.field == "ended_on"

    def test_a_settlement_that_starts_on_the_claims_last_day_overlaps_it(self) -> None:
        """The periods share one day: the drugs of that day were settled directly, so the claim duplicates it."""
        ruling = check_manual_claim(
            claim(dt.date(2025, 9, 1), dt.date(2025, 9, 10), frozenset({LineKind.DRUG})),
            [record(dt.date(2025, 9, 10), dt.date(2025, 9, 12))],
        )
        assert ruling.outcome.name == "DUPLICATE" and ruling.duplicates == ("S-1",)

    def test_the_duplicate_reason_names_the_settled_kinds_only_and_the_settlement(self) -> None:
        """Drugs and the cross-province meal allowance claimed: only the drugs were settled directly (art. 17 ¶3)."""
        ruling = check_manual_claim(
            claim(
                dt.date(2025, 9, 1), dt.date(2025, 9, 10), frozenset({LineKind.DRUG, LineKind.MEAL_ALLOWANCE})
            ),
            [record(dt.date(2025, 9, 2), dt.date(2025, 9, 5), sid="GD-77")],
        )
        reason = ruling.reasons[0]
        assert "GD-77" in reason.message_zh and "GD-77" in reason.message_en
        assert "drug" in reason.message_en and "meal" not in reason.message_en
        assert LineKind.DRUG.zh in reason.message_zh and LineKind.MEAL_ALLOWANCE.zh not in reason.message_zh

    def test_a_claim_outside_direct_settlement_names_the_overlapping_settlement(self) -> None:
        """Only the meal allowance, cross-province: no duplicate, and the reason says which settlement was checked."""
        ruling = check_manual_claim(
            claim(dt.date(2025, 9, 1), dt.date(2025, 9, 10), frozenset({LineKind.MEAL_ALLOWANCE})),
            [record(dt.date(2025, 9, 2), dt.date(2025, 9, 5), sid="GD-78")],
        )
        assert ruling.outcome.name == "NO_DUPLICATE" and "GD-78" in ruling.reasons[0].message_en


class TestChangeAllowedFigures:
    """Articles 11 and 13 ¶1: a long-term filing is locked for 3 months; the ruling says from when it may change."""

    FILING = Filing(
        insured=place("430100"),
        treatment=place("430600"),
        category=PersonCategory.LONG_TERM_RESIDENCE,
        service=ServiceKind.MEDICAL,
        filed_on=dt.date(2025, 8, 31),
    )

    def test_locked_and_allowed_both_say_the_first_day_a_change_is_allowed(self) -> None:
        """Filed 2025-08-31: the 3 months end 2025-11-30, so changes are allowed from 2025-12-01, said both ways."""
        locked = change_allowed(self.FILING, ChangeKind.CANCEL, dt.date(2025, 11, 30))
        allowed = change_allowed(self.FILING, ChangeKind.CANCEL, dt.date(2025, 12, 1))
        assert locked.allowed_from == allowed.allowed_from == dt.date(2025, 12, 1)
        assert "2025-12-01" in locked.reasons[0].message_en
        assert "2025-11-30" in allowed.reasons[0].message_en

    def test_the_lock_and_the_validity_follow_the_parameters_given(self) -> None:
        """With a 6-month lock the same day is still locked; the dated parameters are passed through, not defaults."""
        six = attrs.evolve(DEFAULT_PARAMETERS, change_lock_months=6)
        assert change_allowed(
            self.FILING, ChangeKind.CANCEL, dt.date(2025, 12, 1), parameters=six
        ).outcome.name == ("LOCKED")

    def test_an_expired_filing_says_its_last_valid_day(self) -> None:
        """After the filing's validity ends, the ruling names the last valid day."""
        ruling = change_allowed(
            self.FILING, ChangeKind.CANCEL, dt.date(2026, 3, 1)
        )  # in force, after validity
        assert ruling.outcome.name == "FILING_EXPIRED"
        assert "2026-02-28" in ruling.reasons[0].message_en  # filed 2025-08-31, valid 6 months (art. 13 ¶1)


class TestBasisForIntraProvinceCare:
    """Article 4 and 36: within Hunan every basis fitting the service counts; the national list only cross-province."""

    def test_an_intra_province_worker_without_a_basis_is_told_every_fitting_basis(self) -> None:
        """Continued treatment (a Hunan basis, not on the national list) is named for Changsha to Yueyang."""
        facts = EligibilityFacts(
            insured=place("430100"),
            treatment=place("430600"),
            service=ServiceKind.MEDICAL,
            bases=frozenset({Basis.DEVICE_CONFIRMATION}),
            category=PersonCategory.REFERRAL,
            applied_on=dt.date(2025, 9, 1),
            meets_insured_place_requirements=True,
            insured_place_cannot_treat=True,
            has_referral_opinion=True,
        )
        messages = " ".join(r.message_en for r in decide_eligibility(facts).reasons)
        assert Basis.CONTINUED_TREATMENT.en in messages
