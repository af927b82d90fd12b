"""Tests of chapter 4, article 24, last sentence: bank charges and bill fees for transferring funds are never
charged to the fund (``rules.ledger``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import InvalidInputError
from gongshang_rules.rules.ledger import ChargedTo, LedgerCheck, LedgerKind, LedgerLine, check_ledger


def line(kind: LedgerKind, amount: str, to: ChargedTo = ChargedTo.FUND, ref: str | None = None) -> LedgerLine:
    return LedgerLine(kind=kind, amount=Decimal(amount), charged_to=to, reference=ref)


class TestCheckLedger:
    """Article 24, last sentence: bank charges and bill fees for transferring funds are never charged to the fund."""

    def test_every_fee_charged_to_the_fund_is_rejected_not_only_the_first(self) -> None:
        """Two bank charges and a bill fee on the fund: all three rejected, by position, citing art. 24."""
        ruling = check_ledger(
            (
                line(LedgerKind.PREPAYMENT, "500000.00"),
                line(LedgerKind.BANK_FEE, "25.00", ref="转账手续费"),
                line(LedgerKind.CLEARING, "12000.00"),
                line(LedgerKind.BILL_FEE, "2.00"),
                line(LedgerKind.BANK_FEE, "0.50"),
            )
        )
        assert ruling.outcome is LedgerCheck.FEES_CHARGED_TO_FUND
        assert ruling.rejected == (1, 3, 4)
        assert ruling.rejected_total == Decimal("27.50")
        rejected = [r for r in ruling.reasons if r.code == "FUNDS_FEE_CHARGED_TO_FUND"]
        assert len(rejected) == 3
        assert all([str(a) for a in r.articles] == ["art. 24"] for r in rejected)
        assert "转账手续费" in rejected[0].message_zh

    def test_fees_charged_elsewhere_are_compliant_and_their_bearer_is_left_open(self) -> None:
        """Fees off the fund are fine; the procedure does not say which account bears them, and the ruling says so."""
        ruling = check_ledger(
            (line(LedgerKind.TRANSFER, "9000.00"), line(LedgerKind.BANK_FEE, "5.00", ChargedTo.OTHER))
        )
        assert ruling.outcome is LedgerCheck.COMPLIANT
        assert ruling.rejected == ()
        assert {"FUNDS_NO_FEE_ON_FUND", "FUNDS_FEE_BEARER_NOT_SPECIFIED"} <= ruling.codes

    def test_other_transfer_costs_are_kept_off_the_fund_as_a_reading_of_deng(self) -> None:
        """'银行手续费、银行票据工本费等': other transfer costs too, an interpretation the ruling flags."""
        ruling = check_ledger((line(LedgerKind.OTHER_TRANSFER_FEE, "3.00"),))
        assert ruling.rejected == (0,)
        assert ruling.reason("FUNDS_OTHER_FEE_LIKE_BANK_FEE").interpretation
        assert ruling.reason("FUNDS_FEE_RULE_FOR_EVERY_TRANSFER").interpretation

    def test_a_ledger_without_fees_is_compliant(self) -> None:
        """Settlements, advances and allocations on the fund are what the fund is for."""
        ruling = check_ledger(
            (
                line(LedgerKind.SETTLEMENT, "1000.00"),
                line(LedgerKind.ADVANCE, "1000.00"),
                line(LedgerKind.ALLOCATION, "80000.00"),
            )
        )
        assert ruling.outcome is LedgerCheck.COMPLIANT
        assert ruling.codes == {"FUNDS_NO_FEE_ON_FUND"}
        assert "rejected lines" not in str(ruling)
        assert check_ledger(()).outcome is LedgerCheck.COMPLIANT

    def test_a_ledger_line_takes_decimal_money_and_members_only(self) -> None:
        """A float amount, or a kind given by name, is an error naming the field."""
        with pytest.raises(InvalidInputError) as error:
            LedgerLine(kind=LedgerKind.BANK_FEE, amount=2.5, charged_to=ChargedTo.FUND)  # type: ignore[arg-type]
        assert error.value.field == "amount"
        with pytest.raises(InvalidInputError) as error:
            LedgerLine(kind="BANK_FEE", amount=Decimal("2.50"), charged_to=ChargedTo.FUND)  # type: ignore[arg-type]
        assert error.value.field == "kind"

    def test_a_ledger_must_be_a_tuple_of_lines(self) -> None:
        """A list, or an item that is not a LedgerLine, is an error naming it."""
        with pytest.raises(InvalidInputError) as error:
            check_ledger([])  # type: ignore[arg-type]
        assert error.value.field == "lines"
        with pytest.raises(InvalidInputError) as error:
            check_ledger((line(LedgerKind.SETTLEMENT, "1.00"), "fee"))  # type: ignore[arg-type]
        assert error.value.field == "lines[1]"

    def test_the_ruling_lists_the_rejected_lines(self) -> None:
        """str() names the rejected positions and their total."""
        assert "rejected lines: 0 (2.00 yuan)" in str(check_ledger((line(LedgerKind.BILL_FEE, "2.00"),)))

    @given(
        lines=st.lists(
            st.builds(
                LedgerLine,
                kind=st.sampled_from(list(LedgerKind)),
                amount=st.integers(min_value=0, max_value=10**6).map(lambda c: Decimal(c).scaleb(-2)),
                charged_to=st.sampled_from(list(ChargedTo)),
            ),
            max_size=12,
        )
    )
    def test_exactly_the_fee_lines_on_the_fund_are_rejected(self, lines: list[LedgerLine]) -> None:
        """Brute force: a line is rejected iff it is a bank, bill or other transfer fee charged to the fund."""
        fees = {LedgerKind.BANK_FEE, LedgerKind.BILL_FEE, LedgerKind.OTHER_TRANSFER_FEE}
        expected = tuple(i for i, x in enumerate(lines) if x.kind in fees and x.charged_to is ChargedTo.FUND)
        ruling = check_ledger(tuple(lines))
        assert ruling.rejected == expected
        assert (ruling.outcome is LedgerCheck.COMPLIANT) == (not expected)
