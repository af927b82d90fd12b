"""Supervision: chapter 5, articles 30, 31 and 32.

* Article 30: a treatment place's agency that finds a worker in serious violation suspends the worker's direct
  settlement, and reports level by level to the provincial agency, which coordinates with the insured place's
  agency. :func:`suspension_status` says whether a worker's direct settlement is suspended on a date (a
  :class:`Suspension` lasts until it is lifted).
* Article 31: who leads the check of suspicious data and the recovery of wrongly drawn benefits, and who assists,
  by cause; the article speaks of intra-province care only (:func:`recovery_responsibility`).
* Article 32: the joint audits focus on large amounts, high frequency, and spending at both the filed place and
  the insured place during a filing's validity. :func:`audit_flags` flags those rows of a batch of settlement
  records, with thresholds the caller supplies (the procedure sets none).

Which agency does each task of article 7 is in :mod:`gongshang_rules.rules.agencies`.

>>> import datetime as dt
>>> from gongshang_rules import IdentityNumber
>>> worker = IdentityNumber("430102199001011238")
>>> suspension = Suspension(identity_number=worker, suspended_on=dt.date(2025, 10, 9))
>>> suspension_status(worker, dt.date(2025, 12, 1), (suspension,)).outcome.name
'SUSPENDED'
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

import attrs

from ..kernel._validate import check_date, check_money, is_date, is_instance, is_optional_date, type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import NATIONAL_PROCEDURE
from ..kernel.errors import InvalidInputError
from ..kernel.identity import IdentityNumber
from ..kernel.parameters import DEFAULT_SCHEDULE, ParametersLike
from ..kernel.places import Place, PlaceKind, is_treatment_place
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from .agencies import insured_place_agency, treatment_place_agency
from .applications import Agency, AgencyLevel
from .filing import Filing, Validity, filing_validity
from .records import SettlementRecord, check_records
from .scope import Scope, classify_scope

__all__ = [
    "AuditFlag",
    "AuditOutcome",
    "AuditRule",
    "AuditRuling",
    "AuditThresholds",
    "FilingPeriod",
    "Recovery",
    "RecoveryCause",
    "RecoveryRuling",
    "Suspension",
    "SuspensionRuling",
    "SuspensionStatus",
    "audit_flags",
    "recovery_responsibility",
    "suspension_status",
]


def _check_hunan_treatment(field: str, value: Place) -> None:
    if value.city is None:
        raise InvalidInputError(field, f"{value} is not a Hunan city or county (a Hunan treatment place)")


# --- suspension for serious violations (article 30) --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Suspension:
    """A suspension of a worker's direct settlement for serious violations (article 30 ¶1).

    In force from ``suspended_on`` until it is lifted: ``lifted_on`` is the first day direct settlement is
    possible again (``None`` while not lifted). ``suspended_by`` is the Hunan treatment place whose agency
    suspended it, when known.
    """

    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))
    suspended_on: _dt.date = attrs.field(validator=is_date)
    lifted_on: _dt.date | None = attrs.field(default=None, validator=is_optional_date)
    suspended_by: Place | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(Place))
    )

    def __attrs_post_init__(self) -> None:
        if self.lifted_on is not None and self.lifted_on < self.suspended_on:
            raise InvalidInputError("lifted_on", "must not be before suspended_on")
        if self.suspended_by is not None:
            _check_hunan_treatment("suspended_by", self.suspended_by)

    def in_force_on(self, on: _dt.date) -> bool:
        """Whether the suspension is in force on ``on`` (article 30 ¶1): from ``suspended_on`` to before ``lifted_on``.

        >>> import datetime as dt
        >>> from gongshang_rules import IdentityNumber
        >>> s = Suspension(identity_number=IdentityNumber("430102199001011238"), suspended_on=dt.date(2025, 10, 9),
        ...                lifted_on=dt.date(2025, 11, 3))
        >>> s.in_force_on(dt.date(2025, 10, 9)), s.in_force_on(dt.date(2025, 11, 3))
        (True, False)
        """
        check_date("on", on)
        return self.suspended_on <= on and (self.lifted_on is None or on < self.lifted_on)


class SuspensionStatus(LabelledEnum):
    """Whether a worker's direct settlement is suspended on a date."""

    SUSPENDED = ("因严重违规暂停直接结算", "direct settlement suspended for serious violations")
    NOT_SUSPENDED = ("未暂停直接结算", "direct settlement not suspended")


@attrs.frozen(kw_only=True)
class SuspensionRuling(Ruling[SuspensionStatus]):
    """Whether the worker's direct settlement is suspended on ``on``; ``in_force`` are the suspensions that apply."""

    on: _dt.date
    in_force: tuple[Suspension, ...] = ()

    def _extra_lines(self) -> list[str]:
        return [f"  on {self.on.isoformat()}: {len(self.in_force)} suspension(s) in force"]


_A30_1 = ArticleRef(30, paragraph=1)

SUPERVISION_SUSPENDED = decisive(
    "SUPERVISION_SUSPENDED",
    _A30_1,
    when="Suspension status: once for each of the worker's suspensions in force today (suspended_on <= today, and lifted_on absent or after today).",
    zh="自{since}起，{by}发现工伤职工{worker}有严重违规行为，暂停其直接结算，直至解除；本规程未规定暂停期限，也未界定"
    "“严重违规”，由经办机构按相关规定认定。",
    en="Since {since}, {by_en} has suspended the direct settlement of worker {worker} for serious violations, "
    "until it is lifted; the procedure sets no duration and does not define 'serious violation': the agency "
    "finds it under the relevant rules.",
)
SUPERVISION_SUSPENSION_EVERYWHERE = decisive(
    "SUPERVISION_SUSPENSION_EVERYWHERE",
    _A30_1,
    when="Suspension status with outcome SUSPENDED (the suspension holds wherever the care is).",
    reading=True,
    zh="“暂停其直接结算”未限于作出暂停的就医地：理解为暂停该工伤职工的异地就医直接结算，不论在何地就医。",
    en="'Suspends its direct settlement' (暂停其直接结算) is not limited to the suspending treatment place: it is "
    "read as suspending the worker's out-of-area direct settlement wherever the care is.",
)
SUPERVISION_REPORTED_TO_PROVINCE = note(
    "SUPERVISION_REPORTED_TO_PROVINCE",
    _A30_1,
    when="Suspension status with outcome SUSPENDED, always.",
    zh="就医地经办机构同时逐级上报省级经办机构，由省级经办机构协调参保地经办机构按照相关规定进行处理。",
    en="The treatment place's agency reports at the same time, level by level, to the provincial agency, which "
    "coordinates with the insured place's agency to deal with the case under the relevant rules.",
)
SUPERVISION_BILL_CHECKS = note(
    "SUPERVISION_BILL_CHECKS",
    ArticleRef(30, paragraph=2),
    when="Suspension status with outcome SUSPENDED, always.",
    zh="就医地经办机构应协助参保地经办机构进行医疗票据核查等工作，防范和打击伪造票据等骗取工伤保险基金行为。",
    en="The treatment place's agency helps the insured place's agency check medical bills and the like, to "
    "prevent and stop fraud on the fund such as forged bills.",
)
SUPERVISION_NOT_SUSPENDED = decisive(
    "SUPERVISION_NOT_SUSPENDED",
    _A30_1,
    when="Suspension status: no suspension of the worker is in force today (outcome NOT_SUSPENDED).",
    zh="{on}没有对工伤职工{worker}生效的暂停直接结算。",
    en="No suspension of worker {worker}'s direct settlement is in force on {on}.",
)
SUPERVISION_SUSPENSION_LIFTED = decisive(
    "SUPERVISION_SUSPENSION_LIFTED",
    _A30_1,
    when="Suspension status: once for each of the worker's suspensions with lifted_on on or before today.",
    reading=True,
    zh="自{since}起的暂停已于{lifted}解除：解除当日起可恢复直接结算。",
    en="The suspension from {since} was lifted on {lifted}: direct settlement is possible again from that day.",
)
SUPERVISION_SUSPENSION_NOT_YET = decisive(
    "SUPERVISION_SUSPENSION_NOT_YET",
    _A30_1,
    when="Suspension status: once for each of the worker's suspensions with suspended_on after today (and not lifted by today).",
    zh="自{since}起的暂停在{on}尚未生效。",
    en="The suspension from {since} is not yet in force on {on}.",
)


def _by(suspension: Suspension) -> tuple[str, str]:
    if suspension.suspended_by is None:
        return "就医地经办机构", "the treatment place's agency"
    agency = treatment_place_agency(suspension.suspended_by)
    return agency.zh, str(agency)


def suspension_status(
    identity_number: IdentityNumber, on: _dt.date, suspensions: tuple[Suspension, ...]
) -> SuspensionRuling:
    """Whether the worker's direct settlement is suspended on ``on`` (article 30 ¶1: until it is lifted).

    Suspensions of other workers are ignored. A suspension applies from its first day up to the day before it is
    lifted [interpretation: the day it is lifted, direct settlement is possible again].

    >>> import datetime as dt
    >>> from gongshang_rules import IdentityNumber
    >>> worker = IdentityNumber("430102199001011238")
    >>> s = Suspension(identity_number=worker, suspended_on=dt.date(2025, 10, 9), lifted_on=dt.date(2025, 11, 3))
    >>> suspension_status(worker, dt.date(2025, 11, 2), (s,)).outcome.name
    'SUSPENDED'
    >>> suspension_status(worker, dt.date(2025, 11, 3), (s,)).outcome.name
    'NOT_SUSPENDED'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``SUSPENDED``, ``NOT_SUSPENDED``
    * reason codes: ``SUPERVISION_BILL_CHECKS``, ``SUPERVISION_NOT_SUSPENDED``,
      ``SUPERVISION_REPORTED_TO_PROVINCE``, ``SUPERVISION_SUSPENDED``, ``SUPERVISION_SUSPENSION_EVERYWHERE``,
      ``SUPERVISION_SUSPENSION_LIFTED``, ``SUPERVISION_SUSPENSION_NOT_YET`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 30
    """
    if not isinstance(identity_number, IdentityNumber):
        raise InvalidInputError(
            "identity_number", f"must be an IdentityNumber, got {type_name(identity_number)}"
        )
    check_date("on", on)
    if not isinstance(suspensions, tuple):
        raise InvalidInputError("suspensions", f"must be a tuple of Suspension, got {type_name(suspensions)}")
    for index, suspension in enumerate(suspensions):
        if not isinstance(suspension, Suspension):
            raise InvalidInputError(
                f"suspensions[{index}]", f"must be a Suspension, got {type_name(suspension)}"
            )
    own = sorted(
        (s for s in suspensions if s.identity_number == identity_number),
        key=lambda s: (s.suspended_on, s.lifted_on or _dt.date.max),
    )
    worker = str(identity_number)
    active = tuple(s for s in own if s.in_force_on(on))
    reasons: list[Reason] = []
    for s in active:
        by, by_en = _by(s)
        reasons.append(
            SUPERVISION_SUSPENDED.make(since=s.suspended_on.isoformat(), by=by, by_en=by_en, worker=worker)
        )
    if active:
        reasons += [
            SUPERVISION_SUSPENSION_EVERYWHERE.make(),
            SUPERVISION_REPORTED_TO_PROVINCE.make(),
            SUPERVISION_BILL_CHECKS.make(),
        ]
    else:
        reasons.append(SUPERVISION_NOT_SUSPENDED.make(on=on.isoformat(), worker=worker))
    for s in own:
        if s.lifted_on is not None and s.lifted_on <= on:
            reasons.append(
                SUPERVISION_SUSPENSION_LIFTED.make(
                    since=s.suspended_on.isoformat(), lifted=s.lifted_on.isoformat()
                )
            )
        elif s.suspended_on > on:
            reasons.append(
                SUPERVISION_SUSPENSION_NOT_YET.make(since=s.suspended_on.isoformat(), on=on.isoformat())
            )
    return SuspensionRuling(
        outcome=SuspensionStatus.SUSPENDED if active else SuspensionStatus.NOT_SUSPENDED,
        reasons=tuple(reasons),
        on=on,
        in_force=active,
    )


# --- who leads checks and recovery (article 31) --------------------------------------------------------------------


class RecoveryCause(LabelledEnum):
    """Why suspicious data are checked, or benefits drawn against the rules recovered (article 31)."""

    LOSS_OF_ENTITLEMENT = (
        "工伤职工丧失享受工伤保险待遇资格",
        "the worker lost entitlement to work-injury benefits",
    )
    INSTITUTION_CONDUCT = ("就医地协议机构医疗服务行为", "the treatment-place institution's conduct of care")


class Recovery(LabelledEnum):
    """Who leads the check or recovery."""

    INSURED_PLACE_LEADS = (
        "参保地经办机构负责、就医地经办机构配合",
        "the insured place's agency leads, assisted",
    )
    TREATMENT_PLACE_LEADS = (
        "就医地经办机构负责、参保地经办机构配合",
        "the treatment place's agency leads, assisted",
    )
    NOT_ASSIGNED_HERE = (
        "本规程未作分工，按国家经办规程",
        "not assigned by this procedure: the national procedure",
    )
    NOT_OUT_OF_AREA = ("不纳入异地就医管理", "not out-of-area care")
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")


@attrs.frozen(kw_only=True)
class RecoveryRuling(Ruling[Recovery]):
    """Who leads (``lead``) and who assists (``assisting``); both ``None`` unless one of the two ``..._LEADS``."""

    cause: RecoveryCause
    lead: Agency | None = None
    assisting: Agency | None = None

    def _extra_lines(self) -> list[str]:
        if self.lead is None:
            return []
        return [f"  leads: {self.lead}", f"  assists: {self.assisting}"]


_A31 = ArticleRef(31)

RECOVERY_INSURED_PLACE_LEADS = decisive(
    "RECOVERY_INSURED_PLACE_LEADS",
    _A31,
    when="Recovery responsibility, INTRA_PROVINCE, cause LOSS_OF_ENTITLEMENT.",
    zh="省内异地就医疑点数据核查或（和）违规领待追回，因工伤职工丧失享受工伤保险待遇资格产生的，由参保地{lead}负责、"
    "就医地{assisting}配合。",
    en="Intra-province care: a check of suspicious data and/or recovery of benefits drawn against the rules that "
    "arises from the worker's loss of entitlement is led by the insured place's agency, {lead_en}, assisted by "
    "the treatment place's agency, {assisting_en}.",
)
RECOVERY_TREATMENT_PLACE_LEADS = decisive(
    "RECOVERY_TREATMENT_PLACE_LEADS",
    _A31,
    when="Recovery responsibility, INTRA_PROVINCE, cause INSTITUTION_CONDUCT.",
    zh="省内异地就医疑点数据核查或（和）违规领待追回，因就医地协议机构医疗服务行为产生的，由就医地{lead}负责、参保地"
    "{assisting}配合。",
    en="Intra-province care: a check of suspicious data and/or recovery that arises from the institution's conduct "
    "of care is led by the treatment place's agency, {lead_en}, assisted by the insured place's agency, "
    "{assisting_en}.",
)
RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED = decisive(
    "RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED",
    _A31,
    36,
    when="Recovery responsibility: the scope is cross-province (outcome NOT_ASSIGNED_HERE).",
    zh="第三十一条只规定省内异地就医的核查追回分工；跨省异地就医的分工本规程未作规定，按国家经办规程执行。",
    en="Article 31 divides checks and recovery for intra-province care only; for cross-province care this "
    "procedure assigns nothing: the national procedure governs.",
    authorities=(NATIONAL_PROCEDURE,),
)
RECOVERY_NOT_OUT_OF_AREA = decisive(
    "RECOVERY_NOT_OUT_OF_AREA",
    3,
    _A31,
    when="Recovery responsibility: the scope is LOCAL or PROVINCIAL_RECOGNITION.",
    zh="该就医不属异地就医，第三十一条的异地就医分工不适用，按本地规定办理。",
    en="This care is not out-of-area: article 31's division does not apply; local rules govern.",
)


RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY = decisive(
    "RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY",
    ArticleRef(7, paragraph=4),
    31,
    when="Recovery responsibility, INTRA_PROVINCE, the worker insured at a Hunan county (its agency is the insured place's agency).",
    reading=True,
    zh="第三十一条的“参保地经办机构”对县级参保的工伤职工读作{agency}；第七条第四款列举的县级职责只有备案和费用对账，由市州经办机构负责亦有依据。",
    en="Article 31's 'insured-place agency' is read, for a worker insured at county level, as {agency_en}; article "
    "7(4) lists only filing and reconciliation among county agencies' duties, so the city agency could be read "
    "instead.",
)


def recovery_responsibility(cause: RecoveryCause, insured: Place, treatment: Place) -> RecoveryRuling:
    """Who leads a check of suspicious data or a recovery of wrongly drawn benefits, and who assists (art. 31).

    Loss of entitlement: the insured place's agency leads, the treatment place's assists; the institution's
    conduct: the treatment place's agency leads, the insured place's assists. The article speaks of intra-province
    care (省内异地就医) only: for cross-province care it names the national procedure, and never guesses.

    >>> from gongshang_rules import place
    >>> ruling = recovery_responsibility(RecoveryCause.LOSS_OF_ENTITLEMENT, place("浏阳市"), place("岳阳市"))
    >>> ruling.outcome.name, ruling.lead.zh, ruling.assisting.zh
    ('INSURED_PLACE_LEADS', '浏阳市工伤保险经办机构', '岳阳市工伤保险经办机构')
    >>> recovery_responsibility(RecoveryCause.INSTITUTION_CONDUCT, place("长沙市"), place("广东")).outcome.name
    'NOT_ASSIGNED_HERE'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``INSURED_PLACE_LEADS``, ``TREATMENT_PLACE_LEADS``, ``NOT_ASSIGNED_HERE``,
      ``NOT_OUT_OF_AREA``, ``NOT_GOVERNED``
    * reason codes: ``RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY``, ``RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED``,
      ``RECOVERY_INSURED_PLACE_LEADS``, ``RECOVERY_NOT_OUT_OF_AREA``, ``RECOVERY_TREATMENT_PLACE_LEADS``,
      ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``, ``SCOPE_INTRA_PROVINCE``,
      ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 7, art. 31, art. 36
    """
    if not isinstance(cause, RecoveryCause):
        raise InvalidInputError("cause", f"must be a RecoveryCause member, got {cause!r}")
    for field, value in (("insured", insured), ("treatment", treatment)):
        if not isinstance(value, Place):
            raise InvalidInputError(
                field, f"must be a Place (see gongshang_rules.place), got {type_name(value)}"
            )
    scope_ruling = classify_scope(insured, treatment)
    scope = scope_ruling.outcome
    reasons = list(scope_ruling.reasons)
    if scope is Scope.NOT_GOVERNED:
        return RecoveryRuling(outcome=Recovery.NOT_GOVERNED, reasons=tuple(reasons), cause=cause)
    if not scope.out_of_area:
        reasons.append(RECOVERY_NOT_OUT_OF_AREA.make())
        return RecoveryRuling(outcome=Recovery.NOT_OUT_OF_AREA, reasons=tuple(reasons), cause=cause)
    if scope.cross_province:
        reasons.append(RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED.make())
        return RecoveryRuling(outcome=Recovery.NOT_ASSIGNED_HERE, reasons=tuple(reasons), cause=cause)
    insured_agency = insured_place_agency(insured)
    treatment_agency = treatment_place_agency(treatment)
    if cause is RecoveryCause.LOSS_OF_ENTITLEMENT:
        lead, assisting, template, outcome = (
            insured_agency,
            treatment_agency,
            RECOVERY_INSURED_PLACE_LEADS,
            Recovery.INSURED_PLACE_LEADS,
        )
    else:
        lead, assisting, template, outcome = (
            treatment_agency,
            insured_agency,
            RECOVERY_TREATMENT_PLACE_LEADS,
            Recovery.TREATMENT_PLACE_LEADS,
        )
    reasons.append(
        template.make(lead=lead.zh, lead_en=str(lead), assisting=assisting.zh, assisting_en=str(assisting))
    )
    if insured_agency.level is AgencyLevel.COUNTY:
        reasons.append(
            RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY.make(
                agency=insured_agency.zh, agency_en=str(insured_agency)
            )
        )
    return RecoveryRuling(
        outcome=outcome, reasons=tuple(reasons), cause=cause, lead=lead, assisting=assisting
    )


# --- audit focus (article 32) -----------------------------------------------------------------------------------


def _optional_positive_money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and check_money(attribute.name, value) <= 0:
        raise InvalidInputError(attribute.name, f"must be more than 0, got {value}")


def _optional_positive_int(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise InvalidInputError(attribute.name, f"must be a positive int or None, got {value!r}")


@attrs.frozen(kw_only=True)
class AuditThresholds:
    """The caller's thresholds for article 32's focus points (the procedure sets none); ``None`` skips a rule.

    ``large_amount``: a settlement whose fund share or bill is at least this (yuan). ``frequency_count`` and
    ``frequency_window_days`` (both or neither): at least that many settlements of one worker with settlement
    dates within that many consecutive days.
    """

    large_amount: Decimal | None = attrs.field(default=None, validator=_optional_positive_money)
    frequency_count: int | None = attrs.field(default=None, validator=_optional_positive_int)
    frequency_window_days: int | None = attrs.field(default=None, validator=_optional_positive_int)

    def __attrs_post_init__(self) -> None:
        if (self.frequency_count is None) != (self.frequency_window_days is None):
            raise InvalidInputError(
                "frequency_window_days", "give frequency_count and frequency_window_days both or neither"
            )


@attrs.frozen(kw_only=True)
class FilingPeriod:
    """A worker's filing and its validity, for the dual-place rule: filed ``treatment`` place, first and last day."""

    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))
    treatment: Place = attrs.field(validator=is_treatment_place)
    valid_from: _dt.date = attrs.field(validator=is_date)
    valid_through: _dt.date = attrs.field(validator=is_date)

    def __attrs_post_init__(self) -> None:
        if self.valid_through < self.valid_from:
            raise InvalidInputError("valid_through", "must not be before valid_from")

    @classmethod
    def from_filing(
        cls, identity_number: IdentityNumber, filing: Filing, *, parameters: ParametersLike = DEFAULT_SCHEDULE
    ) -> FilingPeriod:
        """The period of an approved :class:`~gongshang_rules.rules.filing.Filing`, its validity by article 13 ¶1.

        A filing of another province that states no dates raises: its validity is that province's to set. The
        parameters version is the one in force on the filing date.

        >>> import datetime as dt
        >>> from gongshang_rules import IdentityNumber, PersonCategory, ServiceKind, place
        >>> filing = Filing(insured=place("长沙市"), treatment=place("岳阳市"), category=PersonCategory.REFERRAL,
        ...                 service=ServiceKind.MEDICAL, filed_on=dt.date(2025, 8, 31))
        >>> period = FilingPeriod.from_filing(IdentityNumber("430102199001011238"), filing)
        >>> period.valid_from, period.valid_through
        (datetime.date(2025, 8, 31), datetime.date(2025, 11, 30))
        """
        if not isinstance(filing, Filing):
            raise InvalidInputError("filing", f"must be a Filing, got {type_name(filing)}")
        validity = filing_validity(filing, parameters=parameters)
        if validity.valid_from is None or validity.valid_through is None:
            if validity.outcome is Validity.SET_BY_INSURED_PROVINCE:
                why = f"its validity is set by the insured province ({filing.insured.name}) and the filing states none"
            else:  # made on a day this procedure did not govern (article 36)
                why = f"article 13 gives it no validity ({validity.outcome.en})"
            raise InvalidInputError(
                "filing", f"{why}: build the FilingPeriod from the dates the approving agency gave"
            )
        return cls(
            identity_number=identity_number,
            treatment=filing.treatment,
            valid_from=validity.valid_from,
            valid_through=validity.valid_through,
        )


class AuditRule(LabelledEnum):
    """Article 32's focus points, in the order the article lists them."""

    LARGE_AMOUNT = ("大额", "large amount")
    HIGH_FREQUENCY = ("高频次", "high frequency")
    DUAL_PLACE_SPENDING = (
        "备案期间备案地和参保地双向支出",
        "spending at both the filed and the insured place",
    )


@attrs.frozen(kw_only=True)
class AuditFlag:
    """One flag: the ``rule``, the rows it names (settlement ids, by settlement date), and the ``reason``."""

    rule: AuditRule
    settlement_ids: tuple[str, ...]
    reason: Reason


class AuditOutcome(LabelledEnum):
    """Whether the batch has rows for the joint audit to look at."""

    FLAGGED = ("发现联审互查重点数据", "rows flagged for the joint audit")
    NOTHING_FLAGGED = ("未发现联审互查重点数据", "nothing flagged")


@attrs.frozen(kw_only=True)
class AuditRuling(Ruling[AuditOutcome]):
    """The flags, in a fixed order (rule, then rows), and every flagged row once (``flagged_ids``)."""

    flags: tuple[AuditFlag, ...] = ()
    flagged_ids: tuple[str, ...] = ()

    def _extra_lines(self) -> list[str]:
        return [f"  {flag.rule.name}: {', '.join(flag.settlement_ids)}" for flag in self.flags]


_A32 = ArticleRef(32)

AUDIT_FOCUS = decisive(
    "AUDIT_FOCUS",
    _A32,
    when="Audit flags: always, first (the three focus points and the user's thresholds).",
    zh="省级经办机构组织联审互查，以大额、高频次、备案期间备案地和参保地双向支出为重点；本规程未规定具体标准，所用标准由"
    "使用者提供：{thresholds}。",
    en="The provincial agency's joint audits focus on large amounts, high frequency, and spending at both the "
    "filed and the insured place during a filing; the procedure sets no thresholds, and these are the user's: "
    "{thresholds_en}.",
)
AUDIT_RULE_NOT_RUN = decisive(
    "AUDIT_RULE_NOT_RUN",
    _A32,
    when="Audit flags: once for each focus point without its threshold (large_amount; frequency_count with frequency_window_days) or, for dual-place spending, without filings.",
    zh="未提供{rule}的标准（或备案期间），该重点未予检查。",
    en="No threshold (or filing period) was given for {rule_en}: that focus point was not checked.",
)
AUDIT_OUT_OF_AREA_ROWS_ONLY = decisive(
    "AUDIT_OUT_OF_AREA_ROWS_ONLY",
    _A32,
    when="Audit flags: some record is not out-of-area (it is not checked for large amounts or high frequency).",
    reading=True,
    zh="联审互查针对异地就医：结算号{ids}不属异地就医，只用于判断参保地支出，不计入大额和高频次。",
    en="The joint audits are of out-of-area care: settlements {ids} are not out-of-area and serve only to find "
    "spending at the insured place, not the large-amount or high-frequency checks.",
)
AUDIT_LARGE_AMOUNT = decisive(
    "AUDIT_LARGE_AMOUNT",
    _A32,
    when="Audit flags: once for each out-of-area record whose bill or fund_share is at or above large_amount (an identical flag once).",
    reading=True,
    zh="结算号{id}（工伤职工{worker}）：费用{bill}元、基金支付{fund}元，达到大额标准{threshold}元。第三十二条未说明"
    "“大额”以费用总额还是基金支付额计，两者任一达到即列为重点。",
    en="Settlement {id} (worker {worker}): bill {bill} yuan, fund share {fund} yuan, at or above the "
    "large-amount threshold of {threshold} yuan. Article 32 does not say whether 'large' is measured on the bill "
    "or the fund's share: either reaching the threshold flags the row.",
)
AUDIT_HIGH_FREQUENCY = decisive(
    "AUDIT_HIGH_FREQUENCY",
    _A32,
    when="Audit flags: once for each worker with frequency_count or more out-of-area settlements within some frequency_window_days consecutive days.",
    reading=True,
    zh="工伤职工{worker}：结算号{ids}均落在某连续{days}日内有{count}笔以上结算的期间（按结算日计）。",
    en="Worker {worker}: settlements {ids} each fall within some {days} consecutive days holding {count} or more "
    "of the worker's settlements (by settlement date).",
)
AUDIT_DUAL_PLACE_SPENDING = decisive(
    "AUDIT_DUAL_PLACE_SPENDING",
    _A32,
    when="Audit flags: once for each filing period (an identical flag once) in which the worker has stays overlapping the validity both at the filed place and at the insured place.",
    reading=True,
    zh="工伤职工{worker}备案至{filed}（有效期{start}至{through}）期间，既在备案地结算（{filed_ids}），又在参保地结算"
    "（{insured_ids}）。按就诊期间与有效期重叠判断，湖南省内地点按市州比较，省本级参保的以省内为参保地。",
    en="Worker {worker}, filed for {filed_en} (valid {start} to {through}): settled both at the filed place "
    "({filed_ids}) and at the insured place ({insured_ids}) during the validity. A stay counts when it overlaps "
    "the validity; Hunan places are compared by city; for a 省本级 worker the insured place is all of Hunan.",
)


def _row_key(record: SettlementRecord) -> tuple[_dt.date, str]:
    return record.settled_on, record.settlement_id


def _sorted_ids(records: list[SettlementRecord]) -> tuple[str, ...]:
    return tuple(r.settlement_id for r in sorted(records, key=_row_key))


def _same_place(a: Place, b: Place) -> bool:
    """Same treatment place: the same 市州 within Hunan (article 2 ¶3), the same province outside it."""
    if a.city_code is not None or b.city_code is not None:
        return a.city_code == b.city_code
    return a.code == b.code


def _at_insured_place(record: SettlementRecord) -> bool:
    if record.insured.kind is PlaceKind.PROVINCE_LEVEL:
        return record.treatment.in_hunan
    return _same_place(record.insured, record.treatment)


def _high_frequency_rows(records: list[SettlementRecord], count: int, days: int) -> list[SettlementRecord]:
    """Rows lying in some window of ``days`` consecutive days with at least ``count`` rows (one worker's).

    One pass with two pointers over the rows in settlement-date order, each row added at most once (``covered``
    marks how far earlier windows reached), so the time is linear after the sort however many rows share a
    window; days are compared as differences, so no date arithmetic can overflow however large the window.
    """
    ordered = sorted(records, key=_row_key)
    flagged: list[SettlementRecord] = []
    end = covered = 0
    for start, first in enumerate(ordered):
        end = max(end, start)
        while end < len(ordered) and (ordered[end].settled_on - first.settled_on).days < days:
            end += 1
        if end - start >= count:
            flagged.extend(ordered[max(start, covered) : end])
            covered = end
    return flagged


def _check_filings(value: object) -> tuple[FilingPeriod, ...]:
    if not isinstance(value, tuple):
        raise InvalidInputError("filings", f"must be a tuple of FilingPeriod, got {type_name(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, FilingPeriod):
            raise InvalidInputError(f"filings[{index}]", f"must be a FilingPeriod, got {type_name(item)}")
    return value


def _thresholds_text(t: AuditThresholds, filings: int) -> tuple[str, str]:
    zh, en = [], []
    if t.large_amount is not None:
        zh.append(f"大额：费用或基金支付达{t.large_amount}元")
        en.append(f"large: bill or fund share of {t.large_amount} yuan or more")
    if t.frequency_count is not None:
        zh.append(f"高频次：连续{t.frequency_window_days}日内{t.frequency_count}笔以上")
        en.append(f"frequent: {t.frequency_count} or more within {t.frequency_window_days} consecutive days")
    zh.append(f"备案期间{filings}个")
    en.append(f"{filings} filing period(s)")
    return "；".join(zh), "; ".join(en)


def audit_flags(
    records: tuple[SettlementRecord, ...],
    thresholds: AuditThresholds,
    filings: tuple[FilingPeriod, ...] = (),
) -> AuditRuling:
    """Flag the rows of a batch that article 32's joint audits focus on, with the caller's thresholds.

    Large amount: an out-of-area settlement whose fund share or bill is at least ``thresholds.large_amount`` (one
    flag per row). High frequency: every out-of-area settlement of a worker that lies in some window of
    ``frequency_window_days`` consecutive days holding at least ``frequency_count`` of that worker's out-of-area
    settlements, by settlement date (one flag per worker). Dual-place spending: for each filing period, the
    worker's settlements at the filed place and at the insured place whose stays overlap the validity, when there
    are both (one flag per filing). Flags are ordered by rule, then by their rows (settlement date, id).

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from gongshang_rules import IdentityNumber, place
    >>> def record(sid, day, treatment, amount):
    ...     return SettlementRecord(
    ...         settlement_id=sid, identity_number=IdentityNumber("430102199001011238"), institution_code="X",
    ...         insured=place("长沙市"), treatment=place(treatment), started_on=dt.date(2025, 9, day),
    ...         ended_on=dt.date(2025, 9, day), bill=Decimal(amount), fund_share=Decimal(amount))
    >>> rows = (record("A", 2, "岳阳市", "80000.00"), record("B", 5, "长沙市", "300.00"))
    >>> filing = FilingPeriod(identity_number=IdentityNumber("430102199001011238"), treatment=place("岳阳市"),
    ...                       valid_from=dt.date(2025, 8, 1), valid_through=dt.date(2025, 10, 31))
    >>> ruling = audit_flags(rows, AuditThresholds(large_amount=Decimal("50000")), (filing,))
    >>> [(flag.rule.name, flag.settlement_ids) for flag in ruling.flags]
    [('LARGE_AMOUNT', ('A',)), ('DUAL_PLACE_SPENDING', ('A', 'B'))]

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``FLAGGED``, ``NOTHING_FLAGGED``
    * reason codes: ``AUDIT_DUAL_PLACE_SPENDING``, ``AUDIT_FOCUS``, ``AUDIT_HIGH_FREQUENCY``,
      ``AUDIT_LARGE_AMOUNT``, ``AUDIT_OUT_OF_AREA_ROWS_ONLY``, ``AUDIT_RULE_NOT_RUN`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 32
    """
    checked = check_records("records", records)
    if not isinstance(thresholds, AuditThresholds):
        raise InvalidInputError("thresholds", f"must be AuditThresholds, got {type_name(thresholds)}")
    periods = _check_filings(filings)
    out_of_area = [r for r in checked if r.scope.out_of_area]
    zh, en = _thresholds_text(thresholds, len(periods))
    reasons: list[Reason] = [AUDIT_FOCUS.make(thresholds=zh, thresholds_en=en)]
    home = [r for r in checked if not r.scope.out_of_area]
    if home:
        reasons.append(AUDIT_OUT_OF_AREA_ROWS_ONLY.make(ids="、".join(_sorted_ids(home))))
    flags: list[AuditFlag] = []

    large = thresholds.large_amount
    if large is None:
        reasons.append(
            AUDIT_RULE_NOT_RUN.make(rule=AuditRule.LARGE_AMOUNT.zh, rule_en=AuditRule.LARGE_AMOUNT.en)
        )
    else:
        for r in out_of_area:
            if r.fund_share >= large or r.bill >= large:
                reason = AUDIT_LARGE_AMOUNT.make(
                    id=r.settlement_id,
                    worker=str(r.identity_number),
                    bill=r.bill,
                    fund=r.fund_share,
                    threshold=large,
                )
                flags.append(
                    AuditFlag(rule=AuditRule.LARGE_AMOUNT, settlement_ids=(r.settlement_id,), reason=reason)
                )

    count, days = thresholds.frequency_count, thresholds.frequency_window_days
    if count is None or days is None:
        reasons.append(
            AUDIT_RULE_NOT_RUN.make(rule=AuditRule.HIGH_FREQUENCY.zh, rule_en=AuditRule.HIGH_FREQUENCY.en)
        )
    else:
        by_worker: dict[str, list[SettlementRecord]] = defaultdict(list)
        for r in out_of_area:
            by_worker[r.identity_number.value].append(r)
        for rows in by_worker.values():
            hit = _high_frequency_rows(rows, count, days)
            if hit:
                ids = _sorted_ids(hit)
                reason = AUDIT_HIGH_FREQUENCY.make(
                    worker=str(hit[0].identity_number), ids="、".join(ids), days=days, count=count
                )
                flags.append(AuditFlag(rule=AuditRule.HIGH_FREQUENCY, settlement_ids=ids, reason=reason))

    if not periods:
        reasons.append(
            AUDIT_RULE_NOT_RUN.make(
                rule=AuditRule.DUAL_PLACE_SPENDING.zh, rule_en=AuditRule.DUAL_PLACE_SPENDING.en
            )
        )
    for period in periods:
        flag = _dual_place_flag(checked, period)
        if flag is not None:
            flags.append(flag)

    order = list(AuditRule)
    by_id = {r.settlement_id: r for r in checked}

    def flag_key(flag: AuditFlag) -> tuple[int, tuple[tuple[_dt.date, str], ...]]:
        return order.index(flag.rule), tuple(_row_key(by_id[i]) for i in flag.settlement_ids)

    unique: dict[tuple[AuditRule, tuple[str, ...]], AuditFlag] = {}
    for flag in sorted(flags, key=flag_key):
        unique.setdefault((flag.rule, flag.settlement_ids), flag)
    final = tuple(unique.values())
    reasons += [flag.reason for flag in final]
    flagged = _sorted_ids([by_id[i] for i in {i for f in final for i in f.settlement_ids}])
    return AuditRuling(
        outcome=AuditOutcome.FLAGGED if final else AuditOutcome.NOTHING_FLAGGED,
        reasons=tuple(reasons),
        flags=final,
        flagged_ids=flagged,
    )


def _dual_place_flag(records: tuple[SettlementRecord, ...], period: FilingPeriod) -> AuditFlag | None:
    """The flag for one filing period: rows at the filed place and rows at the insured place, when both exist."""
    during = [
        r
        for r in records
        if r.identity_number == period.identity_number
        and r.started_on <= period.valid_through
        and r.ended_on >= period.valid_from
    ]
    at_filed = [r for r in during if _same_place(r.treatment, period.treatment)]
    at_insured = [r for r in during if _at_insured_place(r)]
    rows = {
        r.settlement_id: r
        for mine, other in ((at_filed, at_insured), (at_insured, at_filed))
        for r in mine
        if any(o.settlement_id != r.settlement_id for o in other)
    }
    if not rows:
        return None
    reason = AUDIT_DUAL_PLACE_SPENDING.make(
        worker=str(period.identity_number),
        filed=period.treatment.as_treatment_place.name,
        filed_en=str(period.treatment.as_treatment_place),
        start=period.valid_from.isoformat(),
        through=period.valid_through.isoformat(),
        filed_ids="、".join(_sorted_ids(at_filed)),
        insured_ids="、".join(_sorted_ids(at_insured)),
    )
    return AuditFlag(
        rule=AuditRule.DUAL_PLACE_SPENDING, settlement_ids=_sorted_ids(list(rows.values())), reason=reason
    )
