"""No transfer costs on the fund: chapter 4, article 24, last sentence.

Bank charges, bank bill fees and the like (等) incurred in transferring funds are never charged to the work-injury
insurance fund: :func:`check_ledger` rejects every line of a ledger of out-of-area fund movements that does so, and
lists them all, by position.

>>> from decimal import Decimal
>>> check_ledger((LedgerLine(kind=LedgerKind.BANK_FEE, amount=Decimal("25.00"), charged_to=ChargedTo.OTHER),)).outcome.name
'COMPLIANT'
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from ..kernel._validate import is_member, is_money, is_optional_text, money_sum, type_name
from ..kernel.articles import ArticleRef
from ..kernel.errors import InvalidInputError
from ..kernel.ruling import LabelledEnum, Ruling, decisive, note

__all__ = ["ChargedTo", "LedgerCheck", "LedgerKind", "LedgerLine", "LedgerRuling", "check_ledger"]

ZERO = Decimal("0.00")
_A24 = ArticleRef(24)


class LedgerKind(LabelledEnum):
    """The kind of a ledger line."""

    SETTLEMENT = ("直接结算费用", "directly settled costs")
    ADVANCE = ("垫付款", "advance to an institution")
    PREPAYMENT = ("预付金", "prepayment")
    CLEARING = ("清算款", "clearing payment")
    TRANSFER = ("划拨款", "transfer to a treatment province")
    ALLOCATION = ("下拨资金", "allocation to a city expenditure account")
    BANK_FEE = ("银行手续费", "bank charge")
    BILL_FEE = ("银行票据工本费", "bank bill fee")
    OTHER_TRANSFER_FEE = ("其他划拨资金费用", "another cost of transferring funds")

    @property
    def is_transfer_fee(self) -> bool:
        """True for the costs of transferring funds that article 24 keeps off the fund."""
        return self in (LedgerKind.BANK_FEE, LedgerKind.BILL_FEE, LedgerKind.OTHER_TRANSFER_FEE)


class ChargedTo(LabelledEnum):
    """Which account a ledger line is charged to."""

    FUND = ("工伤保险基金", "the work-injury insurance fund")
    OTHER = ("基金以外的渠道", "an account other than the fund")


@attrs.frozen(kw_only=True)
class LedgerLine:
    """One line of a ledger of out-of-area fund movements: what, how much (yuan), charged to which account."""

    kind: LedgerKind = attrs.field(validator=is_member(LedgerKind))
    amount: Decimal = attrs.field(validator=is_money)
    charged_to: ChargedTo = attrs.field(validator=is_member(ChargedTo))
    reference: str | None = attrs.field(default=None, validator=is_optional_text)


class LedgerCheck(LabelledEnum):
    """The outcome of checking a ledger against article 24."""

    COMPLIANT = ("未在基金中列支划拨资金费用", "no cost of transferring funds is charged to the fund")
    FEES_CHARGED_TO_FUND = (
        "银行手续费等在基金中列支，不予列支",
        "transfer costs charged to the fund: rejected",
    )


@attrs.frozen(kw_only=True)
class LedgerRuling(Ruling[LedgerCheck]):
    """The ledger check: ``rejected`` are the positions of every offending line, ``rejected_total`` their sum."""

    rejected: tuple[int, ...] = ()
    rejected_total: Decimal = ZERO

    def _extra_lines(self) -> list[str]:
        if not self.rejected:
            return []
        return [f"  rejected lines: {', '.join(map(str, self.rejected))} ({self.rejected_total} yuan)"]


FUNDS_FEE_CHARGED_TO_FUND = decisive(
    "FUNDS_FEE_CHARGED_TO_FUND",
    _A24,
    when="Ledger check: once for each line whose kind is BANK_FEE, BILL_FEE or OTHER_TRANSFER_FEE and whose charged_to is FUND.",
    zh="第{number}行（lines[{index}]，{kind}，{amount}元{ref}）在工伤保险基金中列支：划拨资金过程中产生的银行手续费、银行票据工本费等"
    "不得在工伤保险基金中列支。",
    en="Line {number} (lines[{index}], {kind_en}, {amount} yuan{ref_en}) is charged to the fund: bank charges, bank bill fees and "
    "the like incurred in transferring funds must not be charged to the work-injury insurance fund.",
)
FUNDS_NO_FEE_ON_FUND = decisive(
    "FUNDS_NO_FEE_ON_FUND",
    _A24,
    when="Ledger check: no transfer-fee line is charged to FUND (outcome COMPLIANT).",
    zh="账目中没有在工伤保险基金中列支的银行手续费、银行票据工本费等划拨资金费用（共{count}行）。",
    en="No bank charge, bill fee or other cost of transferring funds is charged to the fund ({count} line(s)).",
)
FUNDS_OTHER_FEE_LIKE_BANK_FEE = decisive(
    "FUNDS_OTHER_FEE_LIKE_BANK_FEE",
    _A24,
    when="Ledger check: at least one line is OTHER_TRANSFER_FEE.",
    reading=True,
    zh="第二十四条列举“银行手续费、银行票据工本费等”，“等”表示列举未尽：划拨资金过程中产生的其他费用同样不得在基金中"
    "列支。",
    en="Article 24 lists 'bank charges, bank bill fees and the like' (等): the list is open, so other costs of "
    "transferring funds are kept off the fund as well.",
)
FUNDS_FEE_RULE_FOR_EVERY_TRANSFER = decisive(
    "FUNDS_FEE_RULE_FOR_EVERY_TRANSFER",
    _A24,
    when="Ledger check: at least one line is a transfer fee (BANK_FEE, BILL_FEE, OTHER_TRANSFER_FEE), wherever charged.",
    reading=True,
    zh="该句位于规定跨省预付和清算的第二十四条，但其文字“划拨资金过程中”未限于跨省：适用于账目中每一笔划拨资金的费用。",
    en="The sentence stands in article 24, on cross-province prepayment and clearing, but its words ('in "
    "transferring funds') are not limited to cross-province transfers: it is applied to every transfer fee in "
    "the ledger.",
)
FUNDS_FEE_BEARER_NOT_SPECIFIED = note(
    "FUNDS_FEE_BEARER_NOT_SPECIFIED",
    _A24,
    when="Ledger check: at least one transfer-fee line is charged to OTHER.",
    zh="本规程只规定划拨资金费用不得在基金中列支，未规定由何种渠道承担：由财政和经办机构的财务规定确定。",
    en="This procedure only keeps transfer costs off the fund; it does not say which account bears them: the "
    "finance and agency accounting rules decide.",
)


def check_ledger(lines: tuple[LedgerLine, ...]) -> LedgerRuling:
    """Reject every line that charges a bank charge, bill fee or other transfer cost to the fund (article 24).

    Every offending line is listed (by its position in ``lines``), not only the first.

    >>> from decimal import Decimal
    >>> ruling = check_ledger((
    ...     LedgerLine(kind=LedgerKind.PREPAYMENT, amount=Decimal("500000.00"), charged_to=ChargedTo.FUND),
    ...     LedgerLine(kind=LedgerKind.BANK_FEE, amount=Decimal("25.00"), charged_to=ChargedTo.FUND),
    ...     LedgerLine(kind=LedgerKind.BILL_FEE, amount=Decimal("2.00"), charged_to=ChargedTo.OTHER),
    ... ))
    >>> ruling.outcome.name, ruling.rejected, ruling.rejected_total
    ('FEES_CHARGED_TO_FUND', (1,), Decimal('25.00'))

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``COMPLIANT``, ``FEES_CHARGED_TO_FUND``
    * reason codes: ``FUNDS_FEE_BEARER_NOT_SPECIFIED``, ``FUNDS_FEE_CHARGED_TO_FUND``,
      ``FUNDS_FEE_RULE_FOR_EVERY_TRANSFER``, ``FUNDS_NO_FEE_ON_FUND``, ``FUNDS_OTHER_FEE_LIKE_BANK_FEE``
      (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 24
    """
    if not isinstance(lines, tuple):
        raise InvalidInputError("lines", f"must be a tuple of LedgerLine, got {type_name(lines)}")
    for index, line in enumerate(lines):
        if not isinstance(line, LedgerLine):
            raise InvalidInputError(f"lines[{index}]", f"must be a LedgerLine, got {type_name(line)}")
    fees = [(i, line) for i, line in enumerate(lines) if line.kind.is_transfer_fee]
    rejected = [(i, line) for i, line in fees if line.charged_to is ChargedTo.FUND]
    reasons = [
        FUNDS_FEE_CHARGED_TO_FUND.make(
            index=i,
            number=i + 1,
            kind=line.kind.zh,
            kind_en=line.kind.en,
            amount=line.amount,
            ref=f"，{line.reference}" if line.reference else "",
            ref_en=f", {line.reference}" if line.reference else "",
        )
        for i, line in rejected
    ]
    if not rejected:
        reasons.append(FUNDS_NO_FEE_ON_FUND.make(count=len(lines)))
    if fees:
        reasons.append(FUNDS_FEE_RULE_FOR_EVERY_TRANSFER.make())
    if any(line.kind is LedgerKind.OTHER_TRANSFER_FEE for _, line in fees):
        reasons.append(FUNDS_OTHER_FEE_LIKE_BANK_FEE.make())
    if any(line.charged_to is ChargedTo.OTHER for _, line in fees):
        reasons.append(FUNDS_FEE_BEARER_NOT_SPECIFIED.make())
    return LedgerRuling(
        outcome=LedgerCheck.FEES_CHARGED_TO_FUND if rejected else LedgerCheck.COMPLIANT,
        reasons=tuple(reasons),
        rejected=tuple(i for i, _ in rejected),
        rejected_total=money_sum(line.amount for _, line in rejected),  # in the money context
    )
