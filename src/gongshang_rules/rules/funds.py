"""Funds and clearing: chapter 4, articles 23 to 27.

* Articles 23 to 25: for a settlement record, :func:`fund_flow` says whose fund bears the expense (always the
  insured place's, article 25) and how the money moves: a Hunan worker treated in another province: prepayment,
  then the provincial finance department's transfer to the treatment province, then clearing (articles 23 to 25
  ¶1); a worker of another province treated in Hunan: the Hunan treatment city's agency advances the money to the
  institution, with prepayment and clearing between the provinces (articles 23, 24, 25 ¶2); intra-province care:
  the treatment city's agency advances the money (article 25 ¶2).
* Article 24, last sentence: bank charges and bill fees for transferring funds are never charged to the fund;
  :func:`check_ledger` rejects every ledger line that does so.
* Article 26: :func:`fund_use_plan` builds a city's fund-use plan: its out-of-area spending combined with its other
  work-injury benefit spending, and listed separately; submitted to the provincial agency.
* Article 27: :func:`annual_clearing_deadline`: the clearing of year Y is due by 31 March of Y+1;
  :func:`annual_clearing` adds the reasons, including the provincial agency's power to adjust the mode yearly.

>>> annual_clearing_deadline(2025)
datetime.date(2026, 3, 31)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from decimal import Decimal

import attrs

from ..kernel import _validate
from ..kernel._validate import (
    check_int,
    check_money,
    is_instance,
    is_member,
    is_money,
    is_optional_text,
    type_name,
)
from ..kernel.articles import ArticleRef
from ..kernel.authorities import NATIONAL_PROCEDURE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    SETTLEMENT_DATE,
    YEAR_END,
    ParametersLike,
    check_parameters,
    picks_version,
    resolve_parameters,
)
from ..kernel.places import Place, PlaceKind
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from .agencies import PROVINCIAL_AGENCY, treatment_place_agency
from .applications import Agency, AgencyLevel
from .commencement import InForce, in_force, straddles
from .records import SettlementRecord, check_records
from .scope import Scope, classify_scope

__all__ = [
    "AnnualClearing",
    "AnnualClearingRuling",
    "ChargedTo",
    "FundFlow",
    "FundFlowRuling",
    "FundStep",
    "FundStepKind",
    "FundUsePlan",
    "FundUsePlanStatus",
    "LedgerCheck",
    "LedgerKind",
    "LedgerLine",
    "LedgerRuling",
    "Party",
    "PartyRole",
    "annual_clearing",
    "annual_clearing_deadline",
    "check_ledger",
    "fund_flow",
    "fund_use_plan",
]

ZERO = Decimal("0.00")


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return _validate.money_sum(amounts)  # in the money context, whatever the caller's


def _ids(records: Iterable[SettlementRecord]) -> str:
    return "、".join(r.settlement_id for r in records)


# --- whose fund, and how the money moves (articles 23 to 25) ------------------------------------------------------


class PartyRole(LabelledEnum):
    """Who pays or receives in a step of the money's path."""

    HUNAN = (
        "湖南省（省级财政部门和经办机构按各自职责）",
        "Hunan (its finance department and agency, each in its duties)",
    )
    PROVINCIAL_FINANCE_DEPARTMENT = ("湖南省省级财政部门", "Hunan's provincial finance department")
    TREATMENT_PLACE_AGENCY = ("就医地经办机构", "the treatment place's agency")
    INSURED_PLACE_AGENCY = ("参保地经办机构", "the insured place's agency")
    PROVINCIAL_AGENCY = ("省级经办机构", "the provincial agency")
    AGREEMENT_INSTITUTION = ("就医地协议机构", "the agreement institution")
    OTHER_PROVINCE = ("外省", "another province")


@attrs.frozen(kw_only=True)
class Party:
    """A party to a step: its role and, where one place is meant, that place."""

    role: PartyRole
    place: Place | None = None

    def __str__(self) -> str:
        return self.role.en + (f" ({self.place})" if self.place is not None else "")


class FundStepKind(LabelledEnum):
    """A step of the money's path (articles 23 to 25)."""

    PREPAYMENT = ("预付金", "prepayment by the insured province to the treatment province (art. 23(1))")
    TRANSFER = ("划拨", "transfer of the settled costs (art. 25(1))")
    ADVANCE = ("垫付", "advance to the institution (art. 25(2))")
    CLEARING = ("清算", "periodic clearing of amounts receivable and payable (art. 23(2))")


@attrs.frozen(kw_only=True)
class FundStep:
    """One step: ``payer`` pays ``payee`` (for ``CLEARING``, the two sides: money moves either way by the balance)."""

    kind: FundStepKind
    payer: Party
    payee: Party
    articles: tuple[ArticleRef, ...]

    def __str__(self) -> str:
        arrow = "<->" if self.kind is FundStepKind.CLEARING else "->"
        return f"{self.kind.name}: {self.payer} {arrow} {self.payee} [{', '.join(map(str, self.articles))}]"


class FundFlow(LabelledEnum):
    """How the fund's share of a settlement is paid and whose fund bears it."""

    OUTBOUND_TRANSFER = (
        "省级财政部门统一划拨至就医省，列入参保地工伤保险基金支出",
        "transferred by Hunan's provincial finance department to the treatment province; charged to the insured "
        "place's fund",
    )
    INBOUND_ADVANCE = (
        "就医地经办机构垫付给协议机构，列入外省参保地工伤保险基金支出，省间先预付后清算",
        "advanced to the institution by the Hunan treatment place's agency; charged to the insured province's "
        "fund; prepaid and cleared between the provinces",
    )
    INTRA_PROVINCE_ADVANCE = (
        "就医地经办机构垫付给协议机构，列入参保地工伤保险基金支出",
        "advanced to the institution by the treatment place's agency; charged to the insured place's fund",
    )
    NOT_OUT_OF_AREA = (
        "不纳入异地就医管理，本规程第四章不适用",
        "not out-of-area care: chapter 4 does not apply",
    )
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")
    NOT_IN_FORCE = ("本规程在结算日不在有效期内", "this procedure is not in force on the settlement date")


@attrs.frozen(kw_only=True)
class FundFlowRuling(Ruling[FundFlow]):
    """Whose fund bears a settlement and how the money moves.

    ``fund_of`` is the insured place whose work-injury insurance fund bears the fund share (``None`` when chapter
    4 does not apply); ``amount`` that fund share (``None`` where this procedure moves no money: not out-of-area,
    not governed, not in force); ``advancing_agency`` the Hunan agency that advances the money to the institution
    (intra-province and cross-province inbound); ``steps`` the money's path, in order.
    """

    scope: Scope
    amount: Decimal | None = None
    fund_of: Place | None = None
    advancing_agency: Agency | None = None
    steps: tuple[FundStep, ...] = ()

    def _extra_lines(self) -> list[str]:
        lines = [f"  scope: {self.scope.name}"]
        if self.fund_of is not None:
            lines.append(f"  charged to the fund of: {self.fund_of} ({self.amount} yuan)")
        lines += [f"  {step}" for step in self.steps]
        return lines


_A23_1 = ArticleRef(23, paragraph=1)
_A23_2 = ArticleRef(23, paragraph=2)
_A23_3 = ArticleRef(23, paragraph=3)
_A24 = ArticleRef(24)
_A25_1 = ArticleRef(25, paragraph=1)
_A25_2 = ArticleRef(25, paragraph=2)

FUNDS_CHARGED_TO_INSURED_PLACE_FUND = decisive(
    "FUNDS_CHARGED_TO_INSURED_PLACE_FUND",
    25,
    when="Fund flow of out-of-area care settled on a day in force, always last.",
    zh="结算号{id}的基金支付部分{amount}元列入参保地{insured}的工伤保险基金支出。",
    en="The fund share of settlement {id}, {amount} yuan, is charged to the work-injury insurance fund of the "
    "insured place, {insured_en}.",
)
FUNDS_OUTBOUND_TRANSFER = decisive(
    "FUNDS_OUTBOUND_TRANSFER",
    _A25_1,
    when="Fund flow of CROSS_PROVINCE_OUTBOUND care settled on a day in force.",
    zh="我省工伤职工跨省异地就医直接结算的费用，由省级财政部门统一划拨至就医省{treatment}。",
    en="The costs of a Hunan worker's cross-province direct settlement are transferred by Hunan's provincial "
    "finance department, for the whole province, to the treatment province, {treatment_en}.",
)
FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR = decisive(
    "FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR",
    _A23_1,
    _A23_2,
    _A23_3,
    _A24,
    when="Fund flow of cross-province care (either direction) settled on a day in force.",
    zh="跨省异地就医费用中基金支付部分在省间先预付后清算：参保省{insured}向就医省{treatment}预付，双方经办机构确认应收"
    "应付金额后定期统一清算；省级财政部门和经办机构按各自职责办理，按国家经办规程执行。",
    en="The fund's share of cross-province costs is prepaid, then cleared, between the provinces: the insured "
    "province, {insured_en}, prepays the treatment province, {treatment_en}; the agencies confirm the amounts "
    "receivable and payable and clear them periodically. Hunan's provincial finance department and agency act "
    "each within its duties, under the national procedure.",
    authorities=(NATIONAL_PROCEDURE,),
)
FUNDS_ADVANCED_BY_TREATMENT_AGENCY = decisive(
    "FUNDS_ADVANCED_BY_TREATMENT_AGENCY",
    _A25_2,
    when="Fund flow of INTRA_PROVINCE or CROSS_PROVINCE_INBOUND care settled on a day in force.",
    zh="在我省发生的异地就医直接结算费用，由就医地{agency}审核、对账确认，并垫付给协议机构{institution}。",
    en="Out-of-area costs settled directly in Hunan are audited and confirmed by reconciliation by the treatment "
    "place's agency, {agency_en}, which advances them to the institution {institution}.",
)
FUNDS_INTRA_PROVINCE_CLEARING = decisive(
    "FUNDS_INTRA_PROVINCE_CLEARING",
    _A23_2,
    26,
    27,
    when="Fund flow of INTRA_PROVINCE care settled on a day in force.",
    reading=True,
    zh="异地就医费用清算是参保地与就医地经办机构之间确认应收或应付金额并据此定期统一清算（第二十三条第二款，该定义不限于跨省）："
    "{insured}与{treatment}的经办机构就此确认应收应付；资金清算由省级经办机构负责（第七条第二款），资金通过省级工伤保险基金专户"
    "下拨（第二十六条），省级经办机构于次年第一季度末完成年终清算（第二十七条）。本规程未规定省内定期清算的周期。",
    en="Clearing is the insured-place and treatment-place agencies confirming what each owes the other and clearing "
    "it periodically (art. 23(2); the definition is not limited to cross-province care): the agencies of {insured_en} "
    "and {treatment_en} confirm the amounts; the provincial agency does the fund clearing (art. 7(2)), the money "
    "moves through the provincial fund accounts (art. 26), and the annual clearing is complete by the end of the "
    "next year's first quarter (art. 27). The procedure sets no period for intra-province clearing.",
)
FUNDS_NOT_OUT_OF_AREA = decisive(
    "FUNDS_NOT_OUT_OF_AREA",
    3,
    when="Fund flow of a record whose scope is LOCAL or PROVINCIAL_RECOGNITION.",
    zh="该结算不属异地就医，本规程第四章的资金管理与清算规定不适用，按本地规定办理。",
    en="This settlement is not out-of-area care: chapter 4's rules on funds and clearing do not apply; local "
    "rules govern.",
)
FUNDS_JUDGED_ON_SETTLEMENT_DATE = note(
    "FUNDS_JUDGED_ON_SETTLEMENT_DATE",
    36,
    when="Fund flow of out-of-area care whose settlement date (ended_on) is a day the procedure is not in "
    "force (before the IN_FORCE_* reason), or whose started_on is such a day while ended_on is in "
    "force.",
    reading=True,
    zh="资金的支付、列支和清算随结算发生，本规程是否适用以结算日{on}判断。",
    en="Payment, charging and clearing follow the settlement: whether this procedure applies is judged on the "
    "settlement date, {on}.",
)


FUNDS_PLAN_JUDGED_ON_SETTLEMENT_DATE = note(
    "FUNDS_PLAN_JUDGED_ON_SETTLEMENT_DATE",
    26,
    36,
    when="fund_use_plan with a counted settlement whose started_on is a day this procedure did not govern.",
    reading=True,
    zh="{ids}始于本规程不调整之日、结算于其有效期内：本规程是否适用以结算日判断，计入本期异地就医费用支出。",
    en="{ids} began on a day this procedure did not govern and were settled within its validity: whether the "
    "procedure applies is judged on the settlement date, so they count as out-of-area spending.",
)


def _in_force_outcome(
    on: _dt.date, scope: Scope, parameters: ParametersLike, reasons: list[Reason]
) -> InForce:
    force = in_force(on, scope, parameters=parameters)
    if force.outcome is not InForce.IN_FORCE:
        reasons += [FUNDS_JUDGED_ON_SETTLEMENT_DATE.make(on=on.isoformat()), *force.reasons]
    return force.outcome


@picks_version(SETTLEMENT_DATE, lambda record, *_a, **_k: record.settled_on)
def fund_flow(record: SettlementRecord, *, parameters: ParametersLike = DEFAULT_SCHEDULE) -> FundFlowRuling:
    """Whose fund bears a settlement's fund share, and who pays whom under which article (articles 23 to 25).

    Always the insured place's fund (article 25). Cross-province outbound: prepayment, the provincial finance
    department's transfer to the treatment province, clearing (articles 23, 24, 25 ¶1). Cross-province inbound: the
    treatment city's agency advances to the institution; prepayment and clearing between the provinces (articles
    23, 24, 25 ¶2). Intra-province: the treatment city's agency advances (article 25 ¶2). Care that is not
    out-of-area (article 3), a case outside Hunan (article 2), or a settlement on a day this procedure does not
    govern (article 36) gets that outcome. The parameters version is the one in force on the settlement date.

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from gongshang_rules import IdentityNumber, place
    >>> record = SettlementRecord(
    ...     settlement_id="S-9", identity_number=IdentityNumber("650102198506151232"), institution_code="EX-0001",
    ...     insured=place("新疆"), treatment=place("长沙市"), started_on=dt.date(2025, 9, 1),
    ...     ended_on=dt.date(2025, 9, 12), bill=Decimal("10240.50"), fund_share=Decimal("10240.50"),
    ... )
    >>> ruling = fund_flow(record)
    >>> ruling.outcome.name, ruling.fund_of.name, ruling.advancing_agency.zh
    ('INBOUND_ADVANCE', '新疆维吾尔自治区', '长沙市工伤保险经办机构')
    >>> [step.kind.name for step in ruling.steps]
    ['PREPAYMENT', 'ADVANCE', 'CLEARING']

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``OUTBOUND_TRANSFER``, ``INBOUND_ADVANCE``, ``INTRA_PROVINCE_ADVANCE``, ``NOT_OUT_OF_AREA``,
      ``NOT_GOVERNED``, ``NOT_IN_FORCE``
    * reason codes: ``FUNDS_ADVANCED_BY_TREATMENT_AGENCY``, ``FUNDS_CHARGED_TO_INSURED_PLACE_FUND``,
      ``FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR``, ``FUNDS_INTRA_PROVINCE_CLEARING``,
      ``FUNDS_JUDGED_ON_SETTLEMENT_DATE``, ``FUNDS_NOT_OUT_OF_AREA``, ``FUNDS_OUTBOUND_TRANSFER``,
      ``IN_FORCE_BEFORE_NATIONAL_SCHEME``, ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``,
      ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``, ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``,
      ``IN_FORCE_WITHIN_PERIOD``, ``PARAMETERS_VERSION_USED``, ``SCOPE_CROSS_PROVINCE_INBOUND``,
      ``SCOPE_CROSS_PROVINCE_OUTBOUND``, ``SCOPE_INTRA_PROVINCE``, ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``,
      ``SCOPE_PROVINCIAL_RECOGNITION`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 23, art. 24, art. 25, art. 26, art. 27, art. 36
    """
    if not isinstance(record, SettlementRecord):
        raise InvalidInputError("record", f"must be a SettlementRecord, got {type_name(record)}")
    parameters = check_parameters(parameters)
    scope_ruling = classify_scope(record.insured, record.treatment)
    scope = scope_ruling.outcome
    reasons = list(scope_ruling.reasons)
    if scope is Scope.NOT_GOVERNED:
        return FundFlowRuling(outcome=FundFlow.NOT_GOVERNED, reasons=tuple(reasons), scope=scope)
    if not scope.out_of_area:
        reasons.append(FUNDS_NOT_OUT_OF_AREA.make())
        return FundFlowRuling(outcome=FundFlow.NOT_OUT_OF_AREA, reasons=tuple(reasons), scope=scope)
    force = _in_force_outcome(record.settled_on, scope, parameters, reasons)
    if force is not InForce.IN_FORCE:
        outcome = FundFlow.NOT_GOVERNED if force is InForce.NATIONAL_PROCEDURE else FundFlow.NOT_IN_FORCE
        return FundFlowRuling(outcome=outcome, reasons=tuple(reasons), scope=scope)
    if straddles(record.started_on, record.settled_on, scope, parameters=parameters):
        # Begun on a day this procedure did not govern: the settlement-date reading decides (as in settlement).
        reasons.append(FUNDS_JUDGED_ON_SETTLEMENT_DATE.make(on=record.settled_on.isoformat()))

    insured, treatment = record.insured, record.treatment
    hunan = Party(role=PartyRole.HUNAN)
    institution = Party(role=PartyRole.AGREEMENT_INSTITUTION, place=treatment)
    # The treatment place is the institution's 市州 (article 2 ¶3), not the district or county it lies in.
    treatment_place = treatment.as_treatment_place
    places = {
        "insured": insured.name,
        "insured_en": str(insured),
        "treatment": treatment_place.name,
        "treatment_en": str(treatment_place),
    }
    # Between provinces, Hunan is one side whatever the Hunan city or county (article 24: 各省间).
    provinces = {
        "insured": "湖南省" if insured.in_hunan else insured.name,
        "insured_en": "Hunan" if insured.in_hunan else str(insured),
        "treatment": "湖南省" if treatment.in_hunan else treatment.name,
        "treatment_en": "Hunan" if treatment.in_hunan else str(treatment),
    }
    steps: list[FundStep] = []
    agency: Agency | None = None
    if scope is Scope.CROSS_PROVINCE_OUTBOUND:
        other = Party(role=PartyRole.OTHER_PROVINCE, place=treatment)
        steps = [
            FundStep(kind=FundStepKind.PREPAYMENT, payer=hunan, payee=other, articles=(_A23_1, _A24)),
            FundStep(
                kind=FundStepKind.TRANSFER,
                payer=Party(role=PartyRole.PROVINCIAL_FINANCE_DEPARTMENT),
                payee=other,
                articles=(_A25_1,),
            ),
            FundStep(kind=FundStepKind.CLEARING, payer=hunan, payee=other, articles=(_A23_2, _A23_3, _A24)),
        ]
        reasons += [
            FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR.make(**provinces),
            FUNDS_OUTBOUND_TRANSFER.make(**places),
        ]
        outcome = FundFlow.OUTBOUND_TRANSFER
    else:
        agency = treatment_place_agency(treatment)
        advance = FundStep(
            kind=FundStepKind.ADVANCE,
            payer=Party(role=PartyRole.TREATMENT_PLACE_AGENCY, place=agency.place),
            payee=institution,
            articles=(_A25_2,),
        )
        advanced = FUNDS_ADVANCED_BY_TREATMENT_AGENCY.make(
            agency=agency.zh, agency_en=str(agency), institution=record.institution_code
        )
        if scope is Scope.CROSS_PROVINCE_INBOUND:
            other = Party(role=PartyRole.OTHER_PROVINCE, place=insured)
            steps = [
                FundStep(kind=FundStepKind.PREPAYMENT, payer=other, payee=hunan, articles=(_A23_1, _A24)),
                advance,
                FundStep(
                    kind=FundStepKind.CLEARING, payer=other, payee=hunan, articles=(_A23_2, _A23_3, _A24)
                ),
            ]
            reasons += [FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR.make(**provinces), advanced]
            outcome = FundFlow.INBOUND_ADVANCE
        else:
            clearing = FundStep(
                kind=FundStepKind.CLEARING,
                payer=Party(role=PartyRole.PROVINCIAL_AGENCY),
                payee=Party(role=PartyRole.TREATMENT_PLACE_AGENCY, place=agency.place),
                articles=(_A23_2, ArticleRef(7, paragraph=2), ArticleRef(26), ArticleRef(27)),
            )
            steps = [advance, clearing]
            reasons += [advanced, FUNDS_INTRA_PROVINCE_CLEARING.make(**places)]
            outcome = FundFlow.INTRA_PROVINCE_ADVANCE
    reasons.append(
        FUNDS_CHARGED_TO_INSURED_PLACE_FUND.make(
            id=record.settlement_id, amount=record.fund_share, insured=insured.name, insured_en=str(insured)
        )
    )
    return FundFlowRuling(
        outcome=outcome,
        reasons=tuple(reasons),
        scope=scope,
        amount=record.fund_share,
        fund_of=insured,
        advancing_agency=agency,
        steps=tuple(steps),
    )


# --- no bank charges on the fund (article 24, last sentence) -------------------------------------------------------


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
        rejected_total=_sum(line.amount for _, line in rejected),
    )


# --- the city's fund-use plan (article 26) --------------------------------------------------------------------------


class FundUsePlanStatus(LabelledEnum):
    """Whether the plan lists any out-of-area spending."""

    WITH_OUT_OF_AREA_SPENDING = (
        "用款计划单独列示异地就医费用支出",
        "the plan lists out-of-area spending separately",
    )
    NO_OUT_OF_AREA_SPENDING = ("本期无异地就医费用支出", "no out-of-area spending in the plan")


@attrs.frozen(kw_only=True)
class FundUsePlan(Ruling[FundUsePlanStatus]):
    """A city's fund-use plan (article 26), in yuan to the fen.

    ``out_of_area`` (= ``intra_province`` + ``cross_province``) is listed separately and combined with
    ``other_benefits`` in ``total``. ``agency`` submits it to ``submitted_to``, the provincial agency.
    ``counted_ids`` are the settlements in ``out_of_area``; ``not_counted_ids`` the others passed in.
    """

    city: Place = attrs.field(validator=is_instance(Place))
    agency: Agency = attrs.field(validator=is_instance(Agency))
    submitted_to: Agency = attrs.field(validator=is_instance(Agency))
    intra_province: Decimal = attrs.field(validator=is_money)
    cross_province: Decimal = attrs.field(validator=is_money)
    out_of_area: Decimal = attrs.field(validator=is_money)
    other_benefits: Decimal = attrs.field(validator=is_money)
    total: Decimal = attrs.field(validator=is_money)
    counted_ids: tuple[str, ...] = ()
    not_counted_ids: tuple[str, ...] = ()

    def _extra_lines(self) -> list[str]:
        return [
            f"  {self.agency} -> {self.submitted_to}",
            f"  out-of-area {self.out_of_area} (intra-province {self.intra_province}, cross-province "
            f"{self.cross_province}) + other benefits {self.other_benefits} = {self.total} (yuan)",
        ]


_A26 = ArticleRef(26)

FUNDS_PLAN_OUT_OF_AREA_SPENDING = decisive(
    "FUNDS_PLAN_OUT_OF_AREA_SPENDING",
    25,
    _A26,
    when="Fund-use plan: always, first; counts the settlements of workers insured in the city or its counties, out-of-area and settled on a day in force.",
    reading=True,
    zh="{city}的异地就医费用支出为在本市州（含所属县市区）参保的工伤职工异地就医直接结算的基金支付部分，共{count}笔"
    "{amount}元（省内异地{intra}元，跨省{cross}元）：第二十五条将其列入参保地基金支出。",
    en="{city_en}'s out-of-area spending is the fund share of the out-of-area direct settlements of workers "
    "insured in the city or its counties: {count} settlement(s), {amount} yuan (intra-province {intra}, "
    "cross-province {cross}); article 25 charges these to the insured place's fund.",
)
FUNDS_PLAN_COMBINED_AND_LISTED = decisive(
    "FUNDS_PLAN_COMBINED_AND_LISTED",
    _A26,
    when="Fund-use plan: always (total = out-of-area spending + other_benefit_spending).",
    zh="异地就医费用支出{out}元与其他工伤保险待遇支出{other}元合并统计，共{total}元，异地就医费用单独列示。",
    en="Out-of-area spending, {out} yuan, is combined with the other work-injury benefit spending, {other} yuan, "
    "in a total of {total} yuan, and listed separately.",
)
FUNDS_PLAN_SUBMISSION = decisive(
    "FUNDS_PLAN_SUBMISSION",
    _A26,
    when="Fund-use plan: always (the city agency submits to the provincial agency).",
    zh="{agency}向省级经办机构提出用款计划；省级经办机构汇总后报省财政部门审核，由省级工伤保险基金专户通过省级工伤保险"
    "支出户下拨资金至{city}支出户。",
    en="{agency_en} submits the plan to the provincial agency, which consolidates the plans and sends them to the "
    "provincial finance department for review; the money is then allocated from the provincial work-injury "
    "fund's special account, through the provincial expenditure account, to {city_en}'s expenditure account.",
)
FUNDS_PLAN_PERIOD_NOT_SPECIFIED = note(
    "FUNDS_PLAN_PERIOD_NOT_SPECIFIED",
    _A26,
    when="Fund-use plan: always (article 26 sets no period).",
    zh="第二十六条未规定用款计划的周期和报送时限，由省级经办机构的安排确定；本计划按所提供的结算记录计算。",
    en="Article 26 sets no period or deadline for the plan: the provincial agency's arrangements decide; this "
    "plan is computed from the settlements passed in.",
)
FUNDS_PLAN_INSURED_ELSEWHERE = decisive(
    "FUNDS_PLAN_INSURED_ELSEWHERE",
    25,
    when="Fund-use plan: some settlement's insured place is not the city or one of its counties.",
    reading=True,
    zh="结算号{ids}的参保地不在{city}，列入其参保地基金支出，不计入本计划；其中在本市州就医的，本市州经办机构只是垫付。",
    en="Settlements {ids} are of workers insured outside {city_en}: they are charged to their insured place's "
    "fund, not to this plan; where treated in this city, its agency only advanced the money.",
)
FUNDS_PLAN_NOT_OUT_OF_AREA = decisive(
    "FUNDS_PLAN_NOT_OUT_OF_AREA",
    3,
    _A26,
    when="Fund-use plan: some settlement of a worker insured in the city is not out-of-area (LOCAL).",
    zh="结算号{ids}不属异地就医，不作为异地就医费用支出列示。",
    en="Settlements {ids} are not out-of-area care: they are not listed as out-of-area spending.",
)
FUNDS_PLAN_NOT_IN_FORCE = decisive(
    "FUNDS_PLAN_NOT_IN_FORCE",
    36,
    when="Fund-use plan: some out-of-area settlement of a worker insured in the city was settled on a day the procedure is not in force.",
    reading=True,
    zh="结算号{ids}的结算日不在本规程调整期间，不按本规程列入用款计划。",
    en="Settlements {ids} were settled on days this procedure does not govern: they are not planned under it.",
)


def fund_use_plan(
    city: Place,
    settlements: tuple[SettlementRecord, ...],
    other_benefit_spending: Decimal,
    *,
    parameters: ParametersLike = DEFAULT_SCHEDULE,
) -> FundUsePlan:
    """A city's fund-use plan: out-of-area spending combined with other benefit spending, listed apart (art. 26).

    The out-of-area spending is the fund share of the out-of-area settlements charged to the city's fund (article
    25): those of workers insured in the city or its counties [interpretation]. The city agency submits the plan to
    the provincial agency, which sends it on to the provincial finance department. Whether a settlement is in
    force is read with the parameters version of its own settlement date (the plan names no version: it has many
    dates).

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from gongshang_rules import IdentityNumber, place
    >>> record = SettlementRecord(
    ...     settlement_id="S-1", identity_number=IdentityNumber("430102199001011238"), institution_code="EX-0002",
    ...     insured=place("浏阳市"), treatment=place("株洲市"), started_on=dt.date(2025, 9, 1),
    ...     ended_on=dt.date(2025, 9, 10), bill=Decimal("1500.50"), fund_share=Decimal("1500.50"),
    ... )
    >>> plan = fund_use_plan(place("长沙市"), (record,), Decimal("98000.00"))
    >>> plan.out_of_area, plan.total, str(plan.submitted_to)
    (Decimal('1500.50'), Decimal('99500.50'), '湖南省省级工伤保险经办机构 (provincial agency)')

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``WITH_OUT_OF_AREA_SPENDING``, ``NO_OUT_OF_AREA_SPENDING``
    * reason codes: ``FUNDS_PLAN_COMBINED_AND_LISTED``, ``FUNDS_PLAN_INSURED_ELSEWHERE``,
      ``FUNDS_PLAN_JUDGED_ON_SETTLEMENT_DATE``, ``FUNDS_PLAN_NOT_IN_FORCE``, ``FUNDS_PLAN_NOT_OUT_OF_AREA``,
      ``FUNDS_PLAN_OUT_OF_AREA_SPENDING``, ``FUNDS_PLAN_PERIOD_NOT_SPECIFIED``, ``FUNDS_PLAN_SUBMISSION``,
      ``IN_FORCE_BEFORE_NATIONAL_SCHEME``, ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``,
      ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``, ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``,
      ``IN_FORCE_WITHIN_PERIOD``, ``PARAMETERS_VERSION_USED`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 25, art. 26, art. 36
    """
    if not isinstance(city, Place) or city.kind is not PlaceKind.CITY:
        raise InvalidInputError(
            "city", f"must be a Hunan 市州 Place (article 26 speaks of city agencies), got {city!r}"
        )
    records = check_records("settlements", settlements)
    other = check_money("other_benefit_spending", other_benefit_spending)
    parameters = check_parameters(parameters)
    counted: list[SettlementRecord] = []
    elsewhere: list[SettlementRecord] = []
    local: list[SettlementRecord] = []
    not_in_force: list[SettlementRecord] = []
    for record in records:
        scope = record.scope
        if record.insured.city_code != city.code:
            elsewhere.append(record)
        elif not scope.out_of_area:
            local.append(record)
        elif in_force(record.settled_on, scope, parameters=parameters).outcome is not InForce.IN_FORCE:
            not_in_force.append(record)
        else:
            counted.append(record)
    intra = _sum(r.fund_share for r in counted if r.scope is Scope.INTRA_PROVINCE)
    cross = _sum(r.fund_share for r in counted if r.scope is Scope.CROSS_PROVINCE_OUTBOUND)
    out = intra + cross
    agency = Agency(level=AgencyLevel.CITY, place=city)
    names = {"city": city.name, "city_en": str(city)}
    reasons = [
        FUNDS_PLAN_OUT_OF_AREA_SPENDING.make(
            count=len(counted), amount=out, intra=intra, cross=cross, **names
        ),
        FUNDS_PLAN_COMBINED_AND_LISTED.make(out=out, other=other, total=out + other),
        FUNDS_PLAN_SUBMISSION.make(agency=agency.zh, agency_en=str(agency), **names),
        FUNDS_PLAN_PERIOD_NOT_SPECIFIED.make(),
    ]
    if elsewhere:
        reasons.append(FUNDS_PLAN_INSURED_ELSEWHERE.make(ids=_ids(elsewhere), **names))
    if local:
        reasons.append(FUNDS_PLAN_NOT_OUT_OF_AREA.make(ids=_ids(local)))
    if not_in_force:
        reasons.append(FUNDS_PLAN_NOT_IN_FORCE.make(ids=_ids(not_in_force)))
    straddling = [r for r in counted if straddles(r.started_on, r.settled_on, r.scope, parameters=parameters)]
    if straddling:
        reasons.append(FUNDS_PLAN_JUDGED_ON_SETTLEMENT_DATE.make(ids=_ids(straddling)))
    counted_ids = {r.settlement_id for r in counted}
    return FundUsePlan(
        outcome=(
            FundUsePlanStatus.WITH_OUT_OF_AREA_SPENDING
            if counted
            else FundUsePlanStatus.NO_OUT_OF_AREA_SPENDING
        ),
        reasons=tuple(reasons),
        city=city,
        agency=agency,
        submitted_to=PROVINCIAL_AGENCY,
        intra_province=intra,
        cross_province=cross,
        out_of_area=out,
        other_benefits=other,
        total=out + other,
        counted_ids=tuple(r.settlement_id for r in counted),
        not_counted_ids=tuple(r.settlement_id for r in records if r.settlement_id not in counted_ids),
    )


# --- annual clearing (article 27) -----------------------------------------------------------------------------------


def _check_year(year: object) -> int:
    y = check_int("year", year, minimum=1)
    if y > 9998:
        raise InvalidInputError("year", f"must be at most 9998, got {y}")
    return y


def annual_clearing_deadline(year: int) -> _dt.date:
    """The day by which the provincial agency completes the annual clearing of ``year``: 31 March of the next year.

    Article 27: 次年第一季度末 (the end of the first quarter of the following year).

    >>> annual_clearing_deadline(2026)
    datetime.date(2027, 3, 31)
    """
    return _dt.date(_check_year(year) + 1, 3, 31)


class AnnualClearing(LabelledEnum):
    """The outcome of asking for a year's annual clearing."""

    DUE = ("应于次年第一季度末前完成年终清算", "due by the end of the first quarter of the next year")
    NOT_IN_FORCE = ("本规程在该年度不在有效期内", "this procedure is in force on no day of that year")


@attrs.frozen(kw_only=True)
class AnnualClearingRuling(Ruling[AnnualClearing]):
    """A year's annual clearing: ``deadline`` when due under this procedure."""

    year: int
    deadline: _dt.date | None = None

    def _extra_lines(self) -> list[str]:
        return [f"  clearing of {self.year} due by: {self.deadline.isoformat()}"] if self.deadline else []


_A27 = ArticleRef(27)

FUNDS_ANNUAL_CLEARING_DEADLINE = decisive(
    "FUNDS_ANNUAL_CLEARING_DEADLINE",
    _A27,
    when="Annual clearing of a year from 2025 to 2027: due by 31 March of the next year.",
    zh="省级经办机构应于{deadline}（次年第一季度末）前完成{year}年度全省异地就医资金年终清算，报省级财政部门备查。",
    en="The provincial agency completes the annual clearing of the province's out-of-area funds for {year} by "
    "{deadline}, the end of the first quarter of the next year, and reports it to the provincial finance "
    "department for the record.",
)
FUNDS_ANNUAL_CLEARING_MODE_ADJUSTABLE = note(
    "FUNDS_ANNUAL_CLEARING_MODE_ADJUSTABLE",
    _A27,
    when="Annual clearing with outcome DUE, always.",
    zh="省级经办机构可根据异地就医（康复）、辅助器具配置开展情况，按年度调整费用结算、清算模式；调整的内容无法在此计算，"
    "作出调整的，以调整为准。",
    en="The provincial agency may adjust the settlement and clearing mode each year, as out-of-area care, "
    "rehabilitation and device fitting develop; such an adjustment cannot be computed here and, once made, "
    "prevails.",
)
FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END = note(
    "FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END",
    _A27,
    36,
    when="Annual clearing with outcome DUE whose deadline is after 2027-07-31 (the clearing of 2027).",
    zh="{year}年度的年终清算期限{deadline}晚于本规程有效期末日{end}，届时由当时有效的规定调整。",
    en="The clearing of {year} falls due on {deadline}, after this procedure's last day, {end}: the rules in force "
    "then govern it.",
)
FUNDS_ANNUAL_CLEARING_YEAR_NOT_IN_FORCE = decisive(
    "FUNDS_ANNUAL_CLEARING_YEAR_NOT_IN_FORCE",
    _A27,
    36,
    when="Annual clearing of a year outside 2025..2027 (outcome NOT_IN_FORCE).",
    zh="本规程自{start}起施行、至{end}止，{year}年度没有一天在其有效期内，该年度的清算不按本规程办理。",
    en="This procedure is in force from {start} through {end}: no day of {year} is within it, so that year's "
    "clearing is not done under this procedure.",
)


@picks_version(YEAR_END, lambda year, *_a, **_k: _dt.date(year, 12, 31))
def annual_clearing(year: int, *, parameters: ParametersLike = DEFAULT_SCHEDULE) -> AnnualClearingRuling:
    """The annual clearing of ``year`` (article 27): its deadline, and the provincial agency's power to adjust.

    A year with no day in force (article 36) gets ``NOT_IN_FORCE``; a deadline after the procedure's last day is
    noted. The parameters version is the one in force on the last day of the year cleared [interpretation].

    >>> ruling = annual_clearing(2027)
    >>> ruling.outcome.name, ruling.deadline, sorted(ruling.codes)[0]
    ('DUE', datetime.date(2028, 3, 31), 'FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END')
    >>> annual_clearing(2024).outcome.name
    'NOT_IN_FORCE'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``DUE``, ``NOT_IN_FORCE``
    * reason codes: ``FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END``, ``FUNDS_ANNUAL_CLEARING_DEADLINE``,
      ``FUNDS_ANNUAL_CLEARING_MODE_ADJUSTABLE``, ``FUNDS_ANNUAL_CLEARING_YEAR_NOT_IN_FORCE``,
      ``PARAMETERS_VERSION_USED`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 27, art. 36
    """
    year = _check_year(year)
    p = resolve_parameters(parameters, _dt.date(year, 12, 31))
    dates = {"start": p.in_force_from.isoformat(), "end": p.in_force_through.isoformat()}
    if not p.in_force_from.year <= year <= p.in_force_through.year:
        return AnnualClearingRuling(
            outcome=AnnualClearing.NOT_IN_FORCE,
            reasons=(FUNDS_ANNUAL_CLEARING_YEAR_NOT_IN_FORCE.make(year=year, **dates),),
            year=year,
        )
    deadline = annual_clearing_deadline(year)
    reasons = [
        FUNDS_ANNUAL_CLEARING_DEADLINE.make(year=year, deadline=deadline.isoformat()),
        FUNDS_ANNUAL_CLEARING_MODE_ADJUSTABLE.make(),
    ]
    if deadline > p.in_force_through:
        reasons.append(
            FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END.make(year=year, deadline=deadline.isoformat(), **dates)
        )
    return AnnualClearingRuling(
        outcome=AnnualClearing.DUE, reasons=tuple(reasons), year=year, deadline=deadline
    )
