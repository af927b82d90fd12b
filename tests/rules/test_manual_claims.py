"""Tests of manual reimbursement's duplicate check: article 22 (with article 17 ¶3), over the settlement records of
article 18."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gongshang_rules import IdentityNumber, InvalidInputError, place
from gongshang_rules.rules.episodes import LineKind
from gongshang_rules.rules.manual_claims import ManualClaim, ManualClaimStatus, check_manual_claim
from gongshang_rules.rules.records import SettlementRecord

CHANGSHA, ZHUZHOU, XINJIANG = (place(code) for code in ("430100", "430200", "650000"))
ID = IdentityNumber("11010519491231002X")
OTHER_ID = IdentityNumber("650102198506151232")


class TestManualClaims:
    def record(self, **kw: object) -> SettlementRecord:
        values: dict[str, object] = {
            "settlement_id": "S-1",
            "identity_number": ID,
            "institution_code": "EX-0002",
            "insured": CHANGSHA,
            "treatment": ZHUZHOU,
            "started_on": dt.date(2025, 9, 1),
            "ended_on": dt.date(2025, 9, 10),
            "bill": Decimal("1500.50"),
            "fund_share": Decimal("1500.50"),
        }
        values.update(kw)
        return SettlementRecord(**values)  # type: ignore[arg-type]

    def claim(self, **kw: object) -> ManualClaim:
        values: dict[str, object] = {
            "identity_number": ID,
            "institution_code": "EX-0002",
            "started_on": dt.date(2025, 9, 10),
            "ended_on": dt.date(2025, 9, 12),
            "kinds": frozenset({LineKind.MEDICAL_ITEM, LineKind.DRUG}),
        }
        values.update(kw)
        return ManualClaim(**values)  # type: ignore[arg-type]

    def test_a_claim_for_an_episode_settled_directly_is_refused_naming_it(self) -> None:
        """Art. 22: the insured place checks for a direct settlement first and refuses a duplicate."""
        ruling = check_manual_claim(
            self.claim(), [self.record(), self.record(settlement_id="S-2", identity_number=OTHER_ID)]
        )
        assert ruling.outcome is ManualClaimStatus.DUPLICATE
        assert ruling.duplicates == ("S-1",)

    def test_a_claim_for_costs_outside_direct_settlement_is_no_duplicate(self) -> None:
        """Art. 17 ¶3: a cross-province meal allowance and travel are reimbursed at home, never settled directly."""
        record = self.record(insured=XINJIANG, treatment=CHANGSHA, institution_code="EX-0001")
        meal = self.claim(
            institution_code="EX-0001",
            kinds=frozenset({LineKind.MEAL_ALLOWANCE, LineKind.TRAVEL_AND_LODGING}),
        )
        ruling = check_manual_claim(meal, [record])
        assert ruling.outcome is ManualClaimStatus.NO_DUPLICATE
        assert ruling.codes == {"MANUAL_CLAIM_OUTSIDE_DIRECT_SETTLEMENT"}
        intra_meal = self.claim(kinds=frozenset({LineKind.MEAL_ALLOWANCE}))
        assert check_manual_claim(intra_meal, [self.record()]).outcome is ManualClaimStatus.DUPLICATE

    def test_a_claim_with_no_matching_settlement_goes_on(self) -> None:
        """Another institution, another worker, or a day after the settled stay is no duplicate."""
        records = [
            self.record(institution_code="EX-0001"),
            self.record(identity_number=OTHER_ID),
            self.record(ended_on=dt.date(2025, 9, 9)),
        ]
        assert check_manual_claim(self.claim(), records).outcome is ManualClaimStatus.NO_DUPLICATE

    def test_bad_records_name_their_position(self) -> None:
        """A wrong item in the records is refused with its index; an end before the start is refused."""
        with pytest.raises(InvalidInputError, match=r"settlements\[1\]"):
            check_manual_claim(self.claim(), [self.record(), "x"])  # type: ignore[list-item]
        with pytest.raises(InvalidInputError, match="ended_on"):
            self.claim(ended_on=dt.date(2025, 9, 1))
        with pytest.raises(InvalidInputError, match="ended_on"):
            self.record(ended_on=dt.date(2025, 8, 1))
        with pytest.raises(InvalidInputError, match="claim"):
            check_manual_claim("c", [])  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="settlements"):
            check_manual_claim(self.claim(), None)  # type: ignore[arg-type]
        with pytest.raises(
            InvalidInputError, match="settlements: must be an iterable of SettlementRecord, got int"
        ):
            check_manual_claim(self.claim(), 5)  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="kinds"):
            self.claim(kinds=frozenset())
        with pytest.raises(InvalidInputError, match="fund_share"):
            self.record(fund_share=Decimal("2000.00"))
        with pytest.raises(InvalidInputError, match="treatment"):
            self.record(treatment=place("省本级"))

    def test_a_record_knows_its_scope_and_settlement_date(self) -> None:
        """Arts. 2, 21: a Changsha worker settled in Zhuzhou is intra-province, settled on the discharge date."""
        record = self.record()
        assert record.scope.name == "INTRA_PROVINCE"
        assert record.settled_on == dt.date(2025, 9, 10)
