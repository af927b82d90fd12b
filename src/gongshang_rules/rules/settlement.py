"""The settlement decision for one episode: chapter 3 (articles 14 to 22) with articles 3, 5, 30 and 36.

One function, :func:`decide_settlement`, decides one episode (an inpatient stay, an intra-province outpatient
visit, or a device fitting) from the facts a settlement clerk has. The outcome is one of :class:`Settlement`; the
ruling carries the bill, the fund's share and the worker's share at the institution (which add up to the bill to the
fen), the amounts outside direct settlement, any refund due to the worker, the catalog governing each kind of cost,
where the meal allowance goes, and every reason with its articles. Every failing condition is reported, not only
the first. Where this procedure does not split the bill (local care, a case it does not govern or not in force),
the shares are ``None``: the library does not guess them.

The decision reads the episode (:mod:`~gongshang_rules.rules.episodes`), checks the conditions of direct settlement
(:mod:`~gongshang_rules.rules.conditions`) and splits the bill (:mod:`~gongshang_rules.rules.bill`); this module
says which outcome wins (:func:`decide_settlement`) and what each outcome's ruling holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ..kernel._validate import money_sum, type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import NATIONAL_NOTICE
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
from .bill import Costs, costs_of, shares
from .catalog import AllowanceRuling, CatalogRuling
from .commencement import InForce, in_force
from .conditions import (
    SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE,
    SETTLEMENT_INSTITUTION_UNKNOWN,
    Findings,
    check_conditions,
    institution_problems,
    noted,
    timing_notes,
)
from .coverage_facts import Coverage
from .episodes import Episode
from .institutions import InstitutionRegistry
from .scope import Scope, classify_scope

__all__ = [
    "Settlement",
    "SettlementRuling",
    "decide_settlement",
]

if not TYPE_CHECKING:  # what moved out of this module (issue 9) is still found here, with a warning
    from .._moved import split_out
    from ..kernel.terms import CareType  # noqa: F401  (importable from here since it moved to terms, issue 15)

    __getattr__ = split_out(__name__, "episodes", "manual_claims", "records", "conditions", "bill")

ZERO = Decimal("0.00")


class Settlement(LabelledEnum):
    """The outcome of a settlement decision."""

    DIRECT = ("直接结算", "settled directly")
    LOCAL_CARE = (
        "不纳入异地就医管理，按本地（省本级互认）直接结算",
        "local care, not out-of-area (article 3)",
    )
    MANUAL_REIMBURSEMENT = ("回参保地手工报销", "manual reimbursement at the insured place")
    NOT_PAYABLE_DIRECTLY = ("不予直接结算", "not payable directly")
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")
    NOT_IN_FORCE = ("本规程不在有效期内", "procedure not in force")


@attrs.frozen(kw_only=True)
class SettlementRuling(Ruling[Settlement]):
    """A settlement decision and its figures (yuan, to the fen).

    ``scope`` is ``None`` when the institution's place is unknown (not in the registry and not given).
    ``bill`` is the total of the lines inside direct settlement. ``fund_share`` and ``worker_share`` are what the
    fund and the worker pay at the institution (``fund_share + worker_share == bill``): for a case not settled
    directly the worker pays the bill there, and what is reimbursed later is for the insured place's review.
    They are ``None`` where this procedure does not split the bill (local care, not governed, not in force), and
    ``bill`` is then the whole bill. ``outside_direct_settlement`` totals the lines that are never part of direct
    settlement (cross-province meal allowance, travel and lodging): see :attr:`meal_allowance` and the reasons for
    who handles them. ``refund_to_worker`` is the fund's share refunded to a worker who paid before injury
    recognition (art. 12 ¶3); both are ``None`` where the bill is not split. ``catalogs`` (art. 17 ¶1, ¶2) and an
    intra-province ``meal_allowance`` belong to a direct settlement: they are empty on any other outcome.
    """

    scope: Scope | None
    bill: Decimal = ZERO
    fund_share: Decimal | None = None
    worker_share: Decimal | None = None
    outside_direct_settlement: Decimal | None = None
    refund_to_worker: Decimal | None = None
    catalogs: tuple[CatalogRuling, ...] = ()
    meal_allowance: AllowanceRuling | None = None

    def _extra_lines(self) -> list[str]:
        lines = [f"  scope: {self.scope.name if self.scope else 'unknown (institution not in the registry)'}"]
        if self.fund_share is None or self.worker_share is None:
            lines.append(f"  bill {self.bill} yuan: not split under this procedure")
        else:
            lines.append(f"  bill {self.bill} = fund {self.fund_share} + worker {self.worker_share} (yuan)")
        if self.outside_direct_settlement:
            lines.append(f"  outside direct settlement: {self.outside_direct_settlement}")
        if self.refund_to_worker:
            lines.append(f"  refund of the fund's share to the worker: {self.refund_to_worker}")
        for catalog in self.catalogs:
            lines.append(
                f"  catalog for {catalog.cost_kind.name}: {catalog.outcome.name} ({catalog.outcome.en})"
            )
        return lines


_A5 = ArticleRef(5)

SETTLEMENT_LOCAL_CARE = decisive(
    "SETTLEMENT_LOCAL_CARE",
    3,
    when="Settlement on a day in force: the scope is LOCAL, or PROVINCIAL_RECOGNITION with the institution able to settle directly (outcome LOCAL_CARE).",
    zh="该就医不纳入异地就医直接结算管理，按本地（或省本级互认协议机构）规定直接结算，不适用本规程的备案和异地结算规则。",
    en="This care is not out-of-area: it is settled directly under local rules (or at the institutions the "
    "province recognises), not under this procedure's filing and out-of-area settlement rules.",
)
SETTLEMENT_LOCAL_INSTITUTION = note(
    "SETTLEMENT_LOCAL_INSTITUTION",
    ArticleRef(3, paragraph=1),
    when="Settlement with scope LOCAL on a day in force, with SETTLEMENT_LOCAL_CARE: the registry is not consulted.",
    zh="本市州内就医在参保地所在市州的协议机构直接结算，不以异地就医直接结算协议机构库为准。",
    en="Care within the insured city settles directly at the city's agreement institutions; the out-of-area "
    "registry does not decide it.",
)
SETTLEMENT_PROVINCIAL_RECOGNITION_INSTITUTION = decisive(
    "SETTLEMENT_PROVINCIAL_RECOGNITION_INSTITUTION",
    ArticleRef(3, paragraph=2),
    ArticleRef(14, paragraph=1),
    when="Settlement with scope PROVINCIAL_RECOGNITION on a day in force: the recognised institution must be able to settle directly on the settlement date.",
    zh="省本级通过互认市州异地就医直接结算协议机构直接结算，{institution}须在协议机构库中可直接结算。",
    en="Provincial-level (省本级) care settles directly at the cities' direct-settlement institutions the province "
    "recognises: {institution} must be able to settle directly in the registry.",
)
SETTLEMENT_NOT_PAYABLE_NOT_SPECIFIED = note(
    "SETTLEMENT_NOT_PAYABLE_NOT_SPECIFIED",
    _A5,
    ArticleRef(12, paragraph=1),
    when="Every NOT_PAYABLE_DIRECTLY settlement.",
    zh="本规程只规定上述费用不予直接结算，未规定其是否及如何由工伤保险基金支付（例如回参保地报销）：由参保地工伤保险规定确定。",
    en="This procedure says only that these costs are not settled directly; it does not say whether or how the "
    "fund pays them (for example by reimbursement at the insured place): the insured place's work-injury rules "
    "decide.",
)
SETTLEMENT_MANUAL_DUPLICATE_CHECK = note(
    "SETTLEMENT_MANUAL_DUPLICATE_CHECK",
    22,
    when="Settlement whose outcome is MANUAL_REIMBURSEMENT: the duplicate check of article 22 that the insured place must make.",
    zh="参保地手工报销前应核实该费用是否已在就医地直接结算，杜绝重复报销。",
    en="Before reimbursing manually, the insured-place agency must check that the costs were not already "
    "settled directly at the treatment place.",
)
SETTLEMENT_DIRECT = decisive(
    "SETTLEMENT_DIRECT",
    _A5,
    6,
    18,
    when="Settlement of intra-province care with outcome DIRECT: in force, institution available, filing covers, nothing not payable, credential and network present.",
    zh="协议机构通过湖南人社一体化平台核验身份信息和备案信息，按就医地政策审核合规费用并直接结算，结算信息上传平台。",
    en="The institution checks identity and filing through the Hunan platform, audits the compliant costs under "
    "the treatment place's policy and settles them directly; the settlement is uploaded to the platform.",
)
SETTLEMENT_DIRECT_INBOUND = decisive(
    "SETTLEMENT_DIRECT_INBOUND",
    _A5,
    18,
    ArticleRef(25, paragraph=2),
    when="Settlement of CROSS_PROVINCE_INBOUND care with outcome DIRECT (same conditions as SETTLEMENT_DIRECT).",
    zh="湖南协议机构核验身份信息和备案信息，审核合规费用，通过国家工伤保险异地就医结算系统与参保省经办机构直接结算；"
    "就医地经办机构审核、对账后垫付给协议机构，列入参保地（{insured}）工伤保险基金支出。",
    en="The Hunan institution checks identity and filing, audits the compliant costs and settles them directly "
    "with the insured province's agency through the national cross-province settlement system; the "
    "treatment-place agency audits, reconciles and advances the money, charged to the fund of {insured_en}.",
    authorities=(NATIONAL_NOTICE,),
)
SETTLEMENT_DIRECT_OUTBOUND = decisive(
    "SETTLEMENT_DIRECT_OUTBOUND",
    _A5,
    ArticleRef(25, paragraph=1),
    36,
    when="Settlement of CROSS_PROVINCE_OUTBOUND care with outcome DIRECT (same conditions as SETTLEMENT_DIRECT).",
    zh="在{province}的协议机构按国家规定直接结算合规费用（跨省异地就医按国家经办规程办理），基金支付部分由省级财政部门划拨就医省，列入参保地工伤保险基金支出。",
    en="The institution in {province} settles the compliant costs directly under the national rules (cross-province "
    "care follows the national procedure); the fund's share is transferred to that province by Hunan's provincial "
    "finance department and charged to the insured place's fund.",
    authorities=(NATIONAL_NOTICE,),
)


@picks_version(SETTLEMENT_DATE, lambda episode, *_a, **_k: episode.settlement_date)
def decide_settlement(
    episode: Episode,
    *,
    registry: InstitutionRegistry,
    parameters: ParametersLike = DEFAULT_SCHEDULE,
) -> SettlementRuling:
    """Decide one episode (articles 3, 5, 12 to 14, 16 to 19, 22, 30, 36); every failing condition is reported.

    ``registry`` is the registry of direct-settlement institutions (article 14). The parameters version is the
    one in force on the settlement date (as whether the procedure is in force); the filing's validity is read
    with the version in force on its filing date (:func:`~gongshang_rules.rules.filing.filing_validity`).

    The outcome is the first of these that holds:

    1. ``NOT_PAYABLE_DIRECTLY``: the institution is not in the registry and the episode does not say where it is
       (art. 14 ¶1): without its place nothing else can be judged.
    2. ``NOT_GOVERNED``: both places are outside Hunan (art. 2 ¶1).
    3. ``NOT_IN_FORCE`` (or ``NOT_GOVERNED``, where the national procedure governs instead): the settlement date
       is outside the procedure's validity (arts. 18, 36).
    4. ``LOCAL_CARE``: care within the insured city (art. 3 ¶1).
    5. Provincial-level (省本级) care in a Hunan city (art. 3 ¶2): ``NOT_PAYABLE_DIRECTLY`` at an institution that
       cannot settle directly (art. 14), else ``LOCAL_CARE``.
    6. Out-of-area care, every condition checked (:func:`~gongshang_rules.rules.conditions.check_conditions`):
       ``NOT_PAYABLE_DIRECTLY`` (arts. 5, 12 to 14, 30), then ``NOT_GOVERNED`` for a filing the national
       procedure governs (art. 36), then ``MANUAL_REIMBURSEMENT`` (arts. 12 ¶2, 16, 22), then ``DIRECT``
       (arts. 17 to 19).

    The stages before the sixth judge nothing else: local care with a third party liable, say, is ``LOCAL_CARE``.

    >>> from gongshang_rules.oracle.examples import first_cross_province_case
    >>> case = first_cross_province_case()
    >>> ruling = decide_settlement(case.episode, registry=case.registry)
    >>> ruling.outcome.name, ruling.fund_share, ruling.worker_share
    ('DIRECT', Decimal('10240.50'), Decimal('0.00'))

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``DIRECT``, ``LOCAL_CARE``, ``MANUAL_REIMBURSEMENT``, ``NOT_PAYABLE_DIRECTLY``,
      ``NOT_GOVERNED``, ``NOT_IN_FORCE``
    * reason codes: ``CATALOG_CROSS_PROVINCE_INSURED_PLACE_DEVICES``,
      ``CATALOG_CROSS_PROVINCE_OUTPATIENT_NOT_SPECIFIED``, ``CATALOG_CROSS_PROVINCE_TREATMENT_PLACE``,
      ``CATALOG_INTRA_PROVINCE_UNIFIED``, ``CATALOG_LOCAL_UNIFIED``, ``CATALOG_NOT_GOVERNED``,
      ``CATALOG_PROVINCIAL_RECOGNITION_UNIFIED``, ``COVERAGE_AFTER_VALIDITY``,
      ``COVERAGE_ANY_INSTITUTION_IN_PLACE``, ``COVERAGE_BACK_FILED_AFTER_RECOGNITION``,
      ``COVERAGE_BACK_FILED_EMERGENCY``, ``COVERAGE_BACK_FILED_SETTLEMENT_DAY``,
      ``COVERAGE_BACK_FILING_APPROVED``, ``COVERAGE_BACK_FILING_OUTPATIENT``,
      ``COVERAGE_BACK_FILING_STILL_POSSIBLE``, ``COVERAGE_BACK_FILING_TOO_LATE``,
      ``COVERAGE_BEFORE_STATED_VALIDITY``, ``COVERAGE_ENTITLEMENT_LOST``,
      ``COVERAGE_ENTITLEMENT_LOST_ON_SETTLEMENT_DAY``, ``COVERAGE_FILED_AFTER_ADMISSION``,
      ``COVERAGE_FILED_BEFORE_ADMISSION``, ``COVERAGE_FILED_ON_ADMISSION_DAY``,
      ``COVERAGE_INBOUND_AFTER_VALIDITY``, ``COVERAGE_INBOUND_BEFORE_VALIDITY``,
      ``COVERAGE_INBOUND_FILED_BEFORE_ADMISSION``, ``COVERAGE_INBOUND_FILED_ON_ADMISSION_DAY``,
      ``COVERAGE_INBOUND_STAY_RUNS_PAST_VALIDITY``, ``COVERAGE_INBOUND_WITHIN_VALIDITY``,
      ``COVERAGE_JUDGED_ON_SETTLEMENT_DATE``, ``COVERAGE_NATIONAL_PROCEDURE_FILING``,
      ``COVERAGE_NOT_FILED_INSTITUTION``, ``COVERAGE_NOT_GOVERNED``, ``COVERAGE_NOT_OUT_OF_AREA``,
      ``COVERAGE_NO_BACK_FILING_FOR_FITTING``, ``COVERAGE_NO_FILING``, ``COVERAGE_OUTSIDE_FILED_PLACE``,
      ``COVERAGE_PROVINCE_LEVEL_OUTSIDE_HUNAN``, ``COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE``,
      ``COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE``, ``COVERAGE_SERVICE_AFTER_VALIDITY``,
      ``COVERAGE_SERVICE_NOT_FILED``, ``COVERAGE_STAY_RUNS_PAST_VALIDITY``, ``COVERAGE_VALIDITY_UNKNOWN``,
      ``COVERAGE_WITHIN_VALIDITY``, ``DEVICE_NON_COMPLIANT``, ``DEVICE_NOT_FILED``, ``DEVICE_OVER_LIMIT``,
      ``DEVICE_REPLACED_TOO_EARLY``, ``DEVICE_WITHIN_LIMIT``, ``FILING_AFTER_PROCEDURE``,
      ``FILING_BEFORE_PROCEDURE``, ``FILING_RUNS_PAST_PROCEDURE_END``, ``FILING_UNDER_NATIONAL_PROCEDURE``,
      ``FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE``, ``FILING_VALIDITY_BY_INSURED_PROVINCE``,
      ``FILING_VALIDITY_COMPUTED``, ``FILING_VALIDITY_DIFFERS_FROM_RULE``, ``FILING_VALIDITY_STATED``,
      ``INSTITUTION_CHANGE_EFFECTIVE_ON_ITS_DATE``, ``INSTITUTION_CLOSED``, ``INSTITUTION_LISTED``,
      ``INSTITUTION_NOT_YET_LISTED``, ``INSTITUTION_SERVICE_NOT_PROVIDED``, ``INSTITUTION_SERVICE_PROVIDED``,
      ``INSTITUTION_SUSPENDED``, ``INSTITUTION_TERMINATED``, ``IN_FORCE_BEFORE_NATIONAL_SCHEME``,
      ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``, ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``,
      ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``, ``IN_FORCE_WITHIN_PERIOD``,
      ``MEAL_CROSS_PROVINCE_INSURED_PLACE``, ``MEAL_INTRA_PROVINCE_IN_DIRECT_SETTLEMENT``,
      ``MEAL_INTRA_PROVINCE_TREATMENT_PLACE``, ``MEAL_NOT_GOVERNED``, ``MEAL_NOT_SPECIFIED_LOCAL``,
      ``MEAL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION``, ``PARAMETERS_VERSION_USED``,
      ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``, ``SCOPE_INTRA_PROVINCE``,
      ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION``,
      ``SETTLEMENT_BACK_FILING_PENDING``, ``SETTLEMENT_BACK_FILING_TOO_LATE_NOTED``, ``SETTLEMENT_CATALOGS``,
      ``SETTLEMENT_CREDENTIAL_PRESENTED``, ``SETTLEMENT_CROSS_PROVINCE_OUTPATIENT``,
      ``SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE``, ``SETTLEMENT_DIRECT``, ``SETTLEMENT_DIRECT_INBOUND``,
      ``SETTLEMENT_DIRECT_OUTBOUND``, ``SETTLEMENT_INSTITUTION_NOT_AVAILABLE``,
      ``SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE``, ``SETTLEMENT_INSTITUTION_UNKNOWN``,
      ``SETTLEMENT_LOCAL_CARE``, ``SETTLEMENT_LOCAL_INSTITUTION``, ``SETTLEMENT_MANUAL_DUPLICATE_CHECK``,
      ``SETTLEMENT_NETWORK_UNAVAILABLE``, ``SETTLEMENT_NETWORK_UNAVAILABLE_NOTED``,
      ``SETTLEMENT_NON_COMPLIANT_LINES``, ``SETTLEMENT_NOT_PAYABLE_NOT_SPECIFIED``,
      ``SETTLEMENT_NO_CREDENTIAL``, ``SETTLEMENT_NO_CREDENTIAL_NOTED``,
      ``SETTLEMENT_PROVINCIAL_RECOGNITION_INSTITUTION``, ``SETTLEMENT_REFUND_TO_WORKER``,
      ``SETTLEMENT_SUSPENDED_FOR_VIOLATION``, ``SETTLEMENT_THIRD_PARTY_LIABILITY``,
      ``TRAVEL_CROSS_PROVINCE_REFERRAL``, ``TRAVEL_INTRA_PROVINCE_REFERRAL``, ``TRAVEL_NOT_A_REFERRAL``,
      ``TRAVEL_NOT_GOVERNED``, ``TRAVEL_NOT_SPECIFIED_LOCAL``, ``TRAVEL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION``
      (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 5, art. 6, art. 9, art. 12, art. 13, art. 14, art. 16, art. 17, art. 18,
      art. 19, art. 22, art. 25, art. 30, art. 36, annex 1, annex 2
    """
    if not isinstance(episode, Episode):
        raise InvalidInputError("episode", f"must be an Episode, got {type_name(episode)}")
    if not isinstance(registry, InstitutionRegistry):
        raise InvalidInputError("registry", f"must be an InstitutionRegistry, got {type_name(registry)}")
    check_parameters(parameters)
    known = episode.institution_code in registry
    place = registry.get(episode.institution_code).place if known else episode.institution_place
    if place is None:
        unknown = SETTLEMENT_INSTITUTION_UNKNOWN.make(code=episode.institution_code)
        return _not_payable((unknown,), None, _whole_bill(episode))
    scope_ruling = classify_scope(episode.worker.insured, place)
    scope, opening = scope_ruling.outcome, scope_ruling.reasons  # every ruling opens with the scope's reasons
    # The precedence of the docstring: the first stage that decides gives the outcome.
    return (
        _outside_the_procedure(episode, scope, opening, parameters)
        or _within_the_city(episode, scope, opening)
        or _provincial_level(episode, scope, opening, registry, parameters)
        or _out_of_area(episode, scope, opening, place, registry, parameters)
    )


def _outside_the_procedure(
    episode: Episode, scope: Scope, opening: tuple[Reason, ...], parameters: ParametersLike
) -> SettlementRuling | None:
    """Both places outside Hunan (art. 2 ¶1): NOT_GOVERNED; a settlement date outside the procedure's validity
    (arts. 18, 36): NOT_IN_FORCE, or NOT_GOVERNED where the national procedure governs. The bill is not split."""
    if scope is Scope.NOT_GOVERNED:
        return _not_split(Settlement.NOT_GOVERNED, opening, scope, _whole_bill(episode))
    on = episode.settlement_date
    force = in_force(on, scope, parameters=parameters)
    if force.outcome is InForce.IN_FORCE:
        return None
    national = force.outcome is InForce.NATIONAL_PROCEDURE
    reasons = (*opening, SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE.make(on=on.isoformat()), *force.reasons)
    outcome = Settlement.NOT_GOVERNED if national else Settlement.NOT_IN_FORCE
    return _not_split(outcome, reasons, scope, _whole_bill(episode))


def _within_the_city(episode: Episode, scope: Scope, opening: tuple[Reason, ...]) -> SettlementRuling | None:
    """Care within the insured city is not out-of-area (art. 3 ¶1): LOCAL_CARE, at the city's own institutions."""
    if scope is not Scope.LOCAL:
        return None
    reasons = (*opening, SETTLEMENT_LOCAL_CARE.make(), SETTLEMENT_LOCAL_INSTITUTION.make())
    return _not_split(Settlement.LOCAL_CARE, reasons, scope, _whole_bill(episode))


def _provincial_level(
    episode: Episode,
    scope: Scope,
    opening: tuple[Reason, ...],
    registry: InstitutionRegistry,
    parameters: ParametersLike,
) -> SettlementRuling | None:
    """Provincial-level (省本级) care in a Hunan city settles at the institutions the province recognises (art. 3
    ¶2): LOCAL_CARE when the institution can settle directly (art. 14), else NOT_PAYABLE_DIRECTLY."""
    if scope is not Scope.PROVINCIAL_RECOGNITION:
        return None
    code = episode.institution_code
    label = registry.get(code).label if code in registry else code
    recognition = SETTLEMENT_PROVINCIAL_RECOGNITION_INSTITUTION.make(institution=label)
    problems = institution_problems(episode, registry)
    if problems:
        timing = timing_notes(episode, scope, parameters)
        return _not_payable((*opening, recognition, *problems, *timing), scope, _whole_bill(episode))
    reasons = (*opening, SETTLEMENT_LOCAL_CARE.make(), recognition)
    return _not_split(Settlement.LOCAL_CARE, reasons, scope, _whole_bill(episode))


def _out_of_area(
    episode: Episode,
    scope: Scope,
    opening: tuple[Reason, ...],
    place: Place,
    registry: InstitutionRegistry,
    parameters: ParametersLike,
) -> SettlementRuling:
    """Out-of-area care, within the province or across provinces: every condition is checked, and the outcome is
    the first that holds of not payable directly, governed by the national procedure, manual reimbursement;
    else direct."""
    found = check_conditions(episode, scope, place, registry, parameters)
    costs = costs_of(episode, scope)
    notes = (*timing_notes(episode, scope, parameters), *found.met)
    if found.not_payable:
        reasons = (*opening, *found.not_payable, *found.national, *noted(found.manual), *notes, *costs.apart)
        return _not_payable(reasons, scope, costs.bill, outside=costs.outside, meal=costs.meal_outside)
    if found.national:
        # The national procedure governs: this procedure divides no money and names no catalog (article 36).
        reasons = (*opening, *found.national, *noted(found.manual), *notes)
        return _not_split(Settlement.NOT_GOVERNED, reasons, scope, costs.total)
    if found.manual:
        return _manual(scope, opening, found, notes, costs)
    return _direct(episode, scope, place, opening, notes, found, costs)


def _whole_bill(episode: Episode) -> Decimal:
    return money_sum(line.amount for line in episode.lines)


def _not_split(
    outcome: Settlement, reasons: Iterable[Reason], scope: Scope | None, bill: Decimal
) -> SettlementRuling:
    """A ruling where this procedure does not split the bill (local care, not governed, not in force)."""
    return SettlementRuling(outcome=outcome, reasons=tuple(reasons), scope=scope, bill=bill)


def _not_payable(
    reasons: Iterable[Reason],
    scope: Scope | None,
    bill: Decimal,
    *,
    outside: Decimal = ZERO,
    meal: AllowanceRuling | None = None,
) -> SettlementRuling:
    """A NOT_PAYABLE_DIRECTLY ruling: the worker pays the bill at the institution; what follows is not this
    procedure's to say (articles 5, 12 ¶1)."""
    return SettlementRuling(
        outcome=Settlement.NOT_PAYABLE_DIRECTLY,
        reasons=(*reasons, SETTLEMENT_NOT_PAYABLE_NOT_SPECIFIED.make()),
        scope=scope,
        bill=bill,
        fund_share=ZERO,
        worker_share=bill,
        outside_direct_settlement=outside,
        refund_to_worker=ZERO,
        meal_allowance=meal,
    )


def _manual(
    scope: Scope, opening: tuple[Reason, ...], found: Findings, notes: tuple[Reason, ...], costs: Costs
) -> SettlementRuling:
    """A MANUAL_REIMBURSEMENT ruling (articles 12 ¶2, 22): the worker pays the bill at the institution and claims
    it back at the insured place, which first checks it was not settled directly."""
    return SettlementRuling(
        outcome=Settlement.MANUAL_REIMBURSEMENT,
        reasons=(*opening, *found.manual, SETTLEMENT_MANUAL_DUPLICATE_CHECK.make(), *notes, *costs.apart),
        scope=scope,
        bill=costs.bill,
        fund_share=ZERO,
        worker_share=costs.bill,
        outside_direct_settlement=costs.outside,
        refund_to_worker=ZERO,
        meal_allowance=costs.meal_outside,
    )


def _direct(
    episode: Episode,
    scope: Scope,
    place: Place,
    opening: tuple[Reason, ...],
    notes: tuple[Reason, ...],
    found: Findings,
    costs: Costs,
) -> SettlementRuling:
    """A DIRECT ruling (articles 5, 6, 17 to 19, 25): the institution settles the bill, split between the fund
    and the worker (:func:`~gongshang_rules.rules.bill.shares`)."""
    split = shares(episode, costs, refund_due=found.coverage is Coverage.COVERED_WITH_REFUND)
    if scope is Scope.CROSS_PROVINCE_OUTBOUND:
        direct = SETTLEMENT_DIRECT_OUTBOUND.make(province=place.name)
    elif scope is Scope.CROSS_PROVINCE_INBOUND:
        insured = episode.worker.insured
        direct = SETTLEMENT_DIRECT_INBOUND.make(insured=insured.name, insured_en=str(insured))
    else:
        direct = SETTLEMENT_DIRECT.make()
    return SettlementRuling(
        outcome=Settlement.DIRECT,
        reasons=(*opening, direct, *notes, *costs.apart, *costs.with_direct, *split.reasons),
        scope=scope,
        bill=costs.bill,
        fund_share=split.fund,
        worker_share=split.worker,
        outside_direct_settlement=costs.outside,
        refund_to_worker=split.refund,
        catalogs=costs.catalogs,
        meal_allowance=costs.meal,
    )
