"""Whose fund, and how the money moves: chapter 4, articles 23 to 25.

For a settlement record, :func:`fund_flow` says whose fund bears the expense (always the insured place's, article
25) and how the money moves: a Hunan worker treated in another province: prepayment, then the provincial finance
department's transfer to the treatment province, then clearing (articles 23 to 25 ¶1); a worker of another province
treated in Hunan: the Hunan treatment city's agency advances the money to the institution, with prepayment and
clearing between the provinces (articles 23, 24, 25 ¶2); intra-province care: the treatment city's agency advances
the money (article 25 ¶2).

The rest of chapter 4 has a module each: article 24's last sentence, no transfer costs on the fund
(:mod:`~gongshang_rules.rules.ledger`); article 26, the city's fund-use plan (:mod:`~gongshang_rules.rules.fund_plan`);
article 27, the annual clearing (:mod:`~gongshang_rules.rules.clearing`). Their names are still importable from here,
as from the 0.x path ``gongshang_rules.funds``.

>>> import datetime as dt
>>> from decimal import Decimal
>>> from gongshang_rules import IdentityNumber, place
>>> record = SettlementRecord(
...     settlement_id="S-1", identity_number=IdentityNumber("430102199001011238"), institution_code="EX-0002",
...     insured=place("长沙市"), treatment=place("株洲市"), started_on=dt.date(2025, 9, 1),
...     ended_on=dt.date(2025, 9, 10), bill=Decimal("1500.50"), fund_share=Decimal("1500.50"),
... )
>>> fund_flow(record).outcome.name
'INTRA_PROVINCE_ADVANCE'
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import attrs

from ..kernel._validate import type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import NATIONAL_PROCEDURE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    SETTLEMENT_DATE,
    ParametersLike,
    check_parameters,
    picks_version,
)
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from .agencies import Agency, treatment_place_agency
from .clearing import AnnualClearing as AnnualClearing
from .clearing import AnnualClearingRuling as AnnualClearingRuling
from .clearing import annual_clearing as annual_clearing
from .clearing import annual_clearing_deadline as annual_clearing_deadline
from .commencement import InForce, in_force, straddles
from .fund_plan import FundUsePlan as FundUsePlan
from .fund_plan import FundUsePlanStatus as FundUsePlanStatus
from .fund_plan import fund_use_plan as fund_use_plan
from .ledger import ChargedTo as ChargedTo
from .ledger import LedgerCheck as LedgerCheck
from .ledger import LedgerKind as LedgerKind
from .ledger import LedgerLine as LedgerLine
from .ledger import LedgerRuling as LedgerRuling
from .ledger import check_ledger as check_ledger
from .records import SettlementRecord
from .scope import Scope, classify_scope

__all__ = [
    "FundFlow",
    "FundFlowRuling",
    "FundStep",
    "FundStepKind",
    "Party",
    "PartyRole",
    "fund_flow",
]

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


def _in_force_outcome(
    on: _dt.date, scope: Scope, parameters: ParametersLike, reasons: list[Reason]
) -> InForce:
    force = in_force(on, scope, parameters=parameters)
    if force.outcome is not InForce.IN_FORCE:
        reasons += [FUNDS_JUDGED_ON_SETTLEMENT_DATE.make(on=on.isoformat()), *force.reasons]
    return force.outcome


@attrs.frozen(kw_only=True)
class _Path:
    """The money's path for one scope: the outcome, the steps in order, the reasons of the articles that set them,
    and the Hunan agency that advances the money to the institution, if one does."""

    outcome: FundFlow
    steps: tuple[FundStep, ...]
    reasons: tuple[Reason, ...]
    advancing_agency: Agency | None = None


_HUNAN = Party(role=PartyRole.HUNAN)


def _place_names(record: SettlementRecord) -> dict[str, str]:
    """The insured place and the treatment place as the messages name them; the treatment place is the
    institution's 市州 (article 2 ¶3), not the district or county it lies in."""
    treatment_place = record.treatment.as_treatment_place
    return {
        "insured": record.insured.name,
        "insured_en": str(record.insured),
        "treatment": treatment_place.name,
        "treatment_en": str(treatment_place),
    }


def _province_names(record: SettlementRecord) -> dict[str, str]:
    """The two provinces as the messages name them: between provinces, Hunan is one side whatever the Hunan city or
    county (article 24: 各省间)."""
    insured, treatment = record.insured, record.treatment
    return {
        "insured": "湖南省" if insured.in_hunan else insured.name,
        "insured_en": "Hunan" if insured.in_hunan else str(insured),
        "treatment": "湖南省" if treatment.in_hunan else treatment.name,
        "treatment_en": "Hunan" if treatment.in_hunan else str(treatment),
    }


def _outbound_path(record: SettlementRecord) -> _Path:
    """A Hunan worker treated in another province: Hunan prepays that province (arts. 23 ¶1, 24), the provincial
    finance department transfers the costs to it (art. 25 ¶1), and the two clear (arts. 23 ¶2-3, 24)."""
    other = Party(role=PartyRole.OTHER_PROVINCE, place=record.treatment)
    finance = Party(role=PartyRole.PROVINCIAL_FINANCE_DEPARTMENT)
    return _Path(
        outcome=FundFlow.OUTBOUND_TRANSFER,
        steps=(
            FundStep(kind=FundStepKind.PREPAYMENT, payer=_HUNAN, payee=other, articles=(_A23_1, _A24)),
            FundStep(kind=FundStepKind.TRANSFER, payer=finance, payee=other, articles=(_A25_1,)),
            FundStep(kind=FundStepKind.CLEARING, payer=_HUNAN, payee=other, articles=(_A23_2, _A23_3, _A24)),
        ),
        reasons=(
            FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR.make(**_province_names(record)),
            FUNDS_OUTBOUND_TRANSFER.make(**_place_names(record)),
        ),
    )


def _advance(record: SettlementRecord, agency: Agency) -> tuple[FundStep, Reason]:
    """Costs settled in Hunan: the treatment place's agency advances them to the institution (art. 25 ¶2)."""
    step = FundStep(
        kind=FundStepKind.ADVANCE,
        payer=Party(role=PartyRole.TREATMENT_PLACE_AGENCY, place=agency.place),
        payee=Party(role=PartyRole.AGREEMENT_INSTITUTION, place=record.treatment),
        articles=(_A25_2,),
    )
    reason = FUNDS_ADVANCED_BY_TREATMENT_AGENCY.make(
        agency=agency.zh, agency_en=str(agency), institution=record.institution_code
    )
    return step, reason


def _inbound_path(record: SettlementRecord) -> _Path:
    """A worker of another province treated in Hunan: that province prepays Hunan (arts. 23 ¶1, 24), the Hunan
    treatment place's agency advances to the institution (art. 25 ¶2), and the two clear (arts. 23 ¶2-3, 24)."""
    agency = treatment_place_agency(record.treatment)
    advance, advanced = _advance(record, agency)
    other = Party(role=PartyRole.OTHER_PROVINCE, place=record.insured)
    return _Path(
        outcome=FundFlow.INBOUND_ADVANCE,
        steps=(
            FundStep(kind=FundStepKind.PREPAYMENT, payer=other, payee=_HUNAN, articles=(_A23_1, _A24)),
            advance,
            FundStep(kind=FundStepKind.CLEARING, payer=other, payee=_HUNAN, articles=(_A23_2, _A23_3, _A24)),
        ),
        reasons=(FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR.make(**_province_names(record)), advanced),
        advancing_agency=agency,
    )


def _intra_province_path(record: SettlementRecord) -> _Path:
    """Intra-province care: the treatment place's agency advances to the institution (art. 25 ¶2), and the
    provincial agency clears with it through the provincial accounts (arts. 23 ¶2, 7 ¶2, 26, 27) [interpretation]."""
    agency = treatment_place_agency(record.treatment)
    advance, advanced = _advance(record, agency)
    clearing = FundStep(
        kind=FundStepKind.CLEARING,
        payer=Party(role=PartyRole.PROVINCIAL_AGENCY),
        payee=Party(role=PartyRole.TREATMENT_PLACE_AGENCY, place=agency.place),
        articles=(_A23_2, ArticleRef(7, paragraph=2), ArticleRef(26), ArticleRef(27)),
    )
    return _Path(
        outcome=FundFlow.INTRA_PROVINCE_ADVANCE,
        steps=(advance, clearing),
        reasons=(advanced, FUNDS_INTRA_PROVINCE_CLEARING.make(**_place_names(record))),
        advancing_agency=agency,
    )


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
    # In precedence: outside this procedure (art. 2), not out-of-area care (art. 3), settled on a day this procedure
    # does not govern (art. 36); otherwise the money's path of the scope (arts. 23 to 25).
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
    if scope is Scope.CROSS_PROVINCE_OUTBOUND:
        path = _outbound_path(record)
    elif scope is Scope.CROSS_PROVINCE_INBOUND:
        path = _inbound_path(record)
    else:
        path = _intra_province_path(record)
    # Whatever the path, the insured place's fund bears it (art. 25).
    charged = FUNDS_CHARGED_TO_INSURED_PLACE_FUND.make(
        id=record.settlement_id,
        amount=record.fund_share,
        insured=record.insured.name,
        insured_en=str(record.insured),
    )
    return FundFlowRuling(
        outcome=path.outcome,
        reasons=(*reasons, *path.reasons, charged),
        scope=scope,
        amount=record.fund_share,
        fund_of=record.insured,
        advancing_agency=path.advancing_agency,
        steps=path.steps,
    )
