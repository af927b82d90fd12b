"""The city's fund-use plan (用款计划): chapter 4, article 26.

:func:`fund_use_plan` builds a city's plan: the fund share of its out-of-area settlements (those charged to its
fund, article 25) combined with its other work-injury benefit spending, and listed separately; the city agency
submits it to the provincial agency, which sends it on to the provincial finance department, and the money comes
down through the provincial fund accounts.

>>> from decimal import Decimal
>>> from gongshang_rules import place
>>> fund_use_plan(place("长沙市"), (), Decimal("98000.00")).outcome.name
'NO_OUT_OF_AREA_SPENDING'
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from ..kernel._validate import check_money, is_instance, is_money, money_sum
from ..kernel.articles import ArticleRef
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import DEFAULT_SCHEDULE, ParametersLike, check_parameters
from ..kernel.places import Place, PlaceKind
from ..kernel.ruling import LabelledEnum, Ruling, decisive, note
from .agencies import PROVINCIAL_AGENCY, Agency, AgencyLevel
from .commencement import InForce, in_force, straddles
from .records import SettlementRecord, check_records
from .scope import Scope

__all__ = ["FundUsePlan", "FundUsePlanStatus", "fund_use_plan"]


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return money_sum(amounts)  # in the money context, whatever the caller's


def _ids(records: Iterable[SettlementRecord]) -> str:
    return "、".join(r.settlement_id for r in records)


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
