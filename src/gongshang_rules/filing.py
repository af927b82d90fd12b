"""The approved filing and what it covers: articles 11, 12 and 13 (chapter 2).

A :class:`Filing` is a filing as the insured-place agency approved it (备案). From it the library computes:

* its validity (article 13 ¶1): a referral 3 months, long-term residence or resident work 6 months, from the filing
  date, counted with the period rules of :mod:`gongshang_rules.periods`; validity dates stated on the approved form
  govern where present; a filing made in another province (cross-province inbound) has the validity that province
  approved, never Hunan's;
* whether it may be changed or cancelled on a date (articles 11 and 13 ¶1);
* whether it covers an admission, visit or fitting at an institution on a date (articles 12 and 13 ¶2), including
  the two intra-province back-filing rules of article 12 ¶2 and ¶3.

>>> import datetime as dt
>>> from gongshang_rules import PersonCategory
>>> filing_valid_through(dt.date(2025, 8, 31), PersonCategory.LONG_TERM_RESIDENCE)
datetime.date(2026, 2, 28)
>>> filing_valid_through(dt.date(2025, 11, 30), PersonCategory.REFERRAL)
datetime.date(2026, 2, 28)
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from ._validate import (
    check_date,
    is_bool,
    is_date,
    is_instance,
    is_member,
    is_optional_date,
    is_text,
    type_name,
)
from .articles import AnnexRef, ArticleRef
from .authorities import CIVIL_CODE_PERIODS, NATIONAL_NOTICE
from .errors import InvalidInputError
from .forms import Device
from .parameters import DEFAULT_PARAMETERS, Parameters, check_parameters
from .periods import add_months
from .places import Place, PlaceKind, is_treatment_place
from .ruling import LabelledEnum, Reason, ReasonTemplate, Ruling
from .scope import Scope, classify_scope
from .terms import PersonCategory, ServiceKind

__all__ = [
    "ChangeKind",
    "ChangeRuling",
    "ChangeStatus",
    "Coverage",
    "CoverageFacts",
    "CoverageRuling",
    "Filing",
    "Validity",
    "ValidityRuling",
    "change_allowed",
    "filing_covers",
    "filing_valid_through",
    "filing_validity",
]


def _check_devices(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidInputError(attribute.name, f"must be a tuple of Device, got {type_name(value)}")
    for index, device in enumerate(value):
        if not isinstance(device, Device):
            raise InvalidInputError(
                f"{attribute.name}[{index}]", f"must be a Device, got {type_name(device)}"
            )
    names = [d.name for d in value]
    if len(names) != len(set(names)):
        raise InvalidInputError(attribute.name, "names a device twice")


def _check_codes(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, frozenset) or not value:
        raise InvalidInputError(
            attribute.name, "must be None (any institution) or a non-empty frozenset of codes"
        )
    for code in value:
        if not isinstance(code, str) or not code.strip():
            raise InvalidInputError(attribute.name, f"must hold non-blank institution codes, got {code!r}")


@attrs.frozen(kw_only=True)
class Filing:
    """An approved out-of-area filing (备案), as recorded by the agency that approved it.

    ``treatment`` is the filed treatment place (就医地: a Hunan city or county, or another province).
    ``institution_codes`` lists the filed agreement institutions, or is ``None`` when the filing names none (the
    annex forms have no field for one): then any direct-settlement institution in the filed treatment place is a
    filed institution [interpretation]. ``stated_valid_from``/``stated_valid_through`` are the validity dates
    written on the approved form (both or neither). ``devices`` is the device list of an annex-2 filing (name,
    minimum service years, maximum payment): what the fund pays within (article 19).
    """

    insured: Place = attrs.field(validator=is_instance(Place))
    treatment: Place = attrs.field(validator=is_treatment_place)
    category: PersonCategory = attrs.field(validator=is_member(PersonCategory))
    service: ServiceKind = attrs.field(validator=is_member(ServiceKind))
    filed_on: _dt.date = attrs.field(validator=is_date)
    institution_codes: frozenset[str] | None = attrs.field(default=None, validator=_check_codes)
    stated_valid_from: _dt.date | None = attrs.field(default=None, validator=is_optional_date)
    stated_valid_through: _dt.date | None = attrs.field(default=None, validator=is_optional_date)
    devices: tuple[Device, ...] = attrs.field(default=(), validator=_check_devices)

    def __attrs_post_init__(self) -> None:
        if self.devices and self.service is not ServiceKind.ASSISTIVE_DEVICE:
            raise InvalidInputError("devices", "only an ASSISTIVE_DEVICE filing (annex 2) lists devices")
        if not self.devices and self.service is ServiceKind.ASSISTIVE_DEVICE:
            raise InvalidInputError(
                "devices", "an ASSISTIVE_DEVICE filing lists its devices (annex 2 note 6)"
            )
        scope = classify_scope(self.insured, self.treatment).outcome
        if not scope.out_of_area:
            raise InvalidInputError(
                "treatment",
                f"no out-of-area filing exists for this pair of places ({scope.name}): article 3 takes care within "
                "one city and provincial-level care out of out-of-area management, and article 2 governs Hunan only",
            )
        if (self.stated_valid_from is None) != (self.stated_valid_through is None):
            raise InvalidInputError("stated_valid_through", "give both stated validity dates or neither")
        if (
            self.stated_valid_from is not None
            and self.stated_valid_through is not None
            and self.stated_valid_through < self.stated_valid_from
        ):
            raise InvalidInputError("stated_valid_through", "must not be before stated_valid_from")

    @property
    def filed_in_hunan(self) -> bool:
        """Whether a Hunan agency approved it (chapter 2 governs); False for a cross-province inbound filing."""
        return self.insured.in_hunan


# --- validity (article 13 ¶1) ---------------------------------------------------------------------------------


class Validity(LabelledEnum):
    """How a filing's validity was determined."""

    COMPUTED = ("按本规程计算", "computed under article 13")
    STATED_ON_FORM = ("以备案表载明的有效期为准", "as stated on the approved form")
    SET_BY_INSURED_PROVINCE = ("由参保省确定", "set by the insured province; not computed here")


@attrs.frozen(kw_only=True)
class ValidityRuling(Ruling[Validity]):
    """A filing's validity: first and last valid day (``None`` when set by the insured province and not given)."""

    valid_from: _dt.date | None = None
    valid_through: _dt.date | None = None

    def _extra_lines(self) -> list[str]:
        if self.valid_from is None or self.valid_through is None:
            return ["  valid: not computed here"]
        return [f"  valid: {self.valid_from.isoformat()} to {self.valid_through.isoformat()}"]


_A13_1 = ArticleRef(13, paragraph=1)
_A13_2 = ArticleRef(13, paragraph=2)

FILING_VALIDITY_COMPUTED = ReasonTemplate(
    code="FILING_VALIDITY_COMPUTED",
    articles=(_A13_1,),
    interpretation=True,
    zh="{category}备案有效期{months}个月，自备案之日{filed}起算（当日不计入），有效至{through}。",
    en="A {category_en} filing is valid for {months} months from the filing date {filed} (that day not "
    "counted): valid through {through}.",
    authorities=(CIVIL_CODE_PERIODS,),
)
FILING_VALIDITY_STATED = ReasonTemplate(
    code="FILING_VALIDITY_STATED",
    articles=(_A13_1,),
    interpretation=False,
    zh="备案表载明的有效期为{start}至{through}，以载明为准。",
    en="The approved form states validity from {start} to {through}: the stated dates govern.",
)
FILING_VALIDITY_DIFFERS_FROM_RULE = ReasonTemplate(
    code="FILING_VALIDITY_DIFFERS_FROM_RULE",
    articles=(_A13_1,),
    interpretation=False,
    zh="注意：按第十三条计算应自{filed}起有效至{computed}，与备案表载明的不同。",
    en="Note: article 13 would give validity from {filed} through {computed}, which differs from the form.",
)
FILING_VALIDITY_BY_INSURED_PROVINCE = ReasonTemplate(
    code="FILING_VALIDITY_BY_INSURED_PROVINCE",
    articles=(ArticleRef(2), _A13_1),
    interpretation=True,
    zh="该备案由外省参保地（{insured}）办理，有效期由参保省依国家规定确定，不适用本省3个月、6个月的规定；备案未载明有效期。",
    en="This filing was approved by the insured province ({insured}); its validity is set by that province "
    "under the national rules, not by Hunan's 3 and 6 months, and the filing states none.",
    authorities=(NATIONAL_NOTICE,),
)
FILING_RUNS_PAST_PROCEDURE_END = ReasonTemplate(
    code="FILING_RUNS_PAST_PROCEDURE_END",
    articles=(_A13_1, ArticleRef(36)),
    interpretation=False,
    zh="备案有效期至{through}，晚于本规程有效期末日{end}；{end}之后的就医由届时的规定调整。",
    en="The filing runs through {through}, past this procedure's last day {end}: care after {end} is governed "
    "by whatever rules are then in force.",
)


def _months_for(category: PersonCategory, parameters: Parameters) -> int:
    if category is PersonCategory.REFERRAL:
        return parameters.referral_validity_months
    return parameters.long_term_validity_months


def filing_valid_through(
    filing_date: _dt.date, category: PersonCategory, *, parameters: Parameters = DEFAULT_PARAMETERS
) -> _dt.date:
    """The last valid day of a Hunan filing made on ``filing_date`` (article 13 ¶1).

    Referral: 3 months; long-term residence and resident work: 6 months; counted per 民法典 201 and 202.
    """
    check_date("filing_date", filing_date)
    check_parameters(parameters)
    if not isinstance(category, PersonCategory):
        raise InvalidInputError("category", f"must be a PersonCategory member, got {category!r}")
    return add_months(filing_date, _months_for(category, parameters))


def filing_validity(filing: Filing, *, parameters: Parameters = DEFAULT_PARAMETERS) -> ValidityRuling:
    """The validity of ``filing`` with its reasons (article 13 ¶1; article 36 for the procedure's own end).

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``COMPUTED``, ``STATED_ON_FORM``, ``SET_BY_INSURED_PROVINCE``
    * reason codes: ``FILING_RUNS_PAST_PROCEDURE_END``, ``FILING_VALIDITY_BY_INSURED_PROVINCE``,
      ``FILING_VALIDITY_COMPUTED``, ``FILING_VALIDITY_DIFFERS_FROM_RULE``, ``FILING_VALIDITY_STATED``
      (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 13, art. 36
    """
    if not isinstance(filing, Filing):
        raise InvalidInputError("filing", f"must be a Filing, got {type_name(filing)}")
    check_parameters(parameters)
    if filing.stated_valid_from is not None and filing.stated_valid_through is not None:
        start, through = filing.stated_valid_from, filing.stated_valid_through
        reasons = [FILING_VALIDITY_STATED.make(start=start.isoformat(), through=through.isoformat())]
        if filing.filed_in_hunan:
            computed = filing_valid_through(filing.filed_on, filing.category, parameters=parameters)
            if (start, through) != (filing.filed_on, computed):
                reasons.append(
                    FILING_VALIDITY_DIFFERS_FROM_RULE.make(
                        filed=filing.filed_on.isoformat(), computed=computed.isoformat()
                    )
                )
        outcome = Validity.STATED_ON_FORM
    elif not filing.filed_in_hunan:
        return ValidityRuling(
            outcome=Validity.SET_BY_INSURED_PROVINCE,
            reasons=(FILING_VALIDITY_BY_INSURED_PROVINCE.make(insured=filing.insured.name),),
        )
    else:
        start = filing.filed_on
        through = filing_valid_through(filing.filed_on, filing.category, parameters=parameters)
        reasons = [
            FILING_VALIDITY_COMPUTED.make(
                category=filing.category.zh,
                category_en=filing.category.en,
                months=_months_for(filing.category, parameters),
                filed=filing.filed_on.isoformat(),
                through=through.isoformat(),
            )
        ]
        outcome = Validity.COMPUTED
    if through > parameters.in_force_through:
        reasons.append(
            FILING_RUNS_PAST_PROCEDURE_END.make(
                through=through.isoformat(), end=parameters.in_force_through.isoformat()
            )
        )
    return ValidityRuling(outcome=outcome, reasons=tuple(reasons), valid_from=start, valid_through=through)


# --- changes (articles 11 and 13 ¶1) ----------------------------------------------------------------------------


class ChangeKind(LabelledEnum):
    """What an applicant asks to change (article 11)."""

    PERSONAL_INFORMATION = ("个人信息变更", "correction of personal information")
    TREATMENT_PLACE = ("就医地变更", "change of treatment place")
    CANCEL = ("取消备案", "cancellation")


class ChangeStatus(LabelledEnum):
    """Whether a change may be made on a date."""

    ALLOWED = ("可以变更", "may be made")
    LOCKED = ("备案之日起3个月内不得变更或取消", "locked: within 3 months of the filing date")
    FILING_EXPIRED = ("备案已失效，应重新备案", "the filing has expired; file anew")
    NOT_GOVERNED = ("由参保省办理", "made with the insured province, not under this procedure")


@attrs.frozen(kw_only=True)
class ChangeRuling(Ruling[ChangeStatus]):
    """Whether a change may be made; ``allowed_from`` is the first day it may be (when locked)."""

    allowed_from: _dt.date | None = None


CHANGE_PERSONAL_INFORMATION_ANY_TIME = ReasonTemplate(
    code="CHANGE_PERSONAL_INFORMATION_ANY_TIME",
    articles=(ArticleRef(11), _A13_1),
    interpretation=True,
    zh="个人信息发生变更应及时申请变更；第十三条的3个月限制针对变更或取消备案本身，不限制更正个人信息。",
    en="A change of personal information must be applied for promptly (article 11); article 13's 3-month lock "
    "restricts changing or cancelling the filing itself, not correcting personal information.",
)
CHANGE_LOCK_OVER = ReasonTemplate(
    code="CHANGE_LOCK_OVER",
    articles=(ArticleRef(11), _A13_1),
    interpretation=True,
    zh="异地长期居住（工作）备案自备案之日{filed}起3个月（至{lock_end}）已过，{on}可以变更或取消。",
    en="The 3 months from the filing date {filed} of a long-term filing ended on {lock_end}: on {on} it may be "
    "changed or cancelled.",
    authorities=(CIVIL_CODE_PERIODS,),
)
CHANGE_LOCKED = ReasonTemplate(
    code="CHANGE_LOCKED",
    articles=(_A13_1,),
    interpretation=True,
    zh="异地长期居住（工作）备案自备案之日{filed}起3个月后方可变更或取消，即自{allowed_from}起。",
    en="A long-term filing may be changed or cancelled only after 3 months from the filing date {filed}: from "
    "{allowed_from}.",
    authorities=(CIVIL_CODE_PERIODS,),
)
CHANGE_REFERRAL_NO_LOCK = ReasonTemplate(
    code="CHANGE_REFERRAL_NO_LOCK",
    articles=(ArticleRef(11), _A13_1),
    interpretation=True,
    zh="第十三条的3个月限制只针对异地长期居住（工作）备案；转诊转院备案的变更按第十一条及时办理。",
    en="Article 13's 3-month lock names long-term filings only; a referral filing's change is handled promptly "
    "under article 11.",
)
CHANGE_FILING_EXPIRED = ReasonTemplate(
    code="CHANGE_FILING_EXPIRED",
    articles=(_A13_1,),
    interpretation=False,
    zh="备案有效期已于{through}届满，无可变更的备案，应重新申请备案。",
    en="The filing's validity ended on {through}: there is nothing to change; apply for a new filing.",
)
CHANGE_WITH_INSURED_PROVINCE = ReasonTemplate(
    code="CHANGE_WITH_INSURED_PROVINCE",
    articles=(ArticleRef(2), ArticleRef(11)),
    interpretation=True,
    zh="外省参保工伤职工的备案由参保省（{insured}）管理，变更或取消向参保省申请。",
    en="A filing of a worker insured in {insured} is managed by that province: changes and cancellation are "
    "applied for there.",
    authorities=(NATIONAL_NOTICE,),
)


def change_allowed(
    filing: Filing, change: ChangeKind, on: _dt.date, *, parameters: Parameters = DEFAULT_PARAMETERS
) -> ChangeRuling:
    """Whether ``change`` may be made to ``filing`` on ``on`` (articles 11 and 13 ¶1).

    A long-term residence or resident-work filing may be changed or cancelled once 3 months from the filing date
    have passed: from the day after the last day of that period [interpretation].

    >>> import datetime as dt
    >>> from gongshang_rules import place, PersonCategory, ServiceKind
    >>> f = Filing(insured=place("430100"), treatment=place("430600"), category=PersonCategory.LONG_TERM_RESIDENCE,
    ...            service=ServiceKind.MEDICAL, filed_on=dt.date(2025, 8, 31))
    >>> change_allowed(f, ChangeKind.CANCEL, dt.date(2025, 11, 30)).outcome.name
    'LOCKED'
    >>> change_allowed(f, ChangeKind.CANCEL, dt.date(2025, 12, 1)).outcome.name
    'ALLOWED'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``ALLOWED``, ``LOCKED``, ``FILING_EXPIRED``, ``NOT_GOVERNED``
    * reason codes: ``CHANGE_FILING_EXPIRED``, ``CHANGE_LOCKED``, ``CHANGE_LOCK_OVER``,
      ``CHANGE_PERSONAL_INFORMATION_ANY_TIME``, ``CHANGE_REFERRAL_NO_LOCK``, ``CHANGE_WITH_INSURED_PROVINCE``,
      ``FILING_RUNS_PAST_PROCEDURE_END``, ``FILING_VALIDITY_BY_INSURED_PROVINCE``,
      ``FILING_VALIDITY_COMPUTED``, ``FILING_VALIDITY_DIFFERS_FROM_RULE``, ``FILING_VALIDITY_STATED``
      (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 11, art. 13, art. 36
    """
    if not isinstance(filing, Filing):
        raise InvalidInputError("filing", f"must be a Filing, got {type_name(filing)}")
    if not isinstance(change, ChangeKind):
        raise InvalidInputError("change", f"must be a ChangeKind member, got {change!r}")
    check_date("on", on)
    if not filing.filed_in_hunan:
        return ChangeRuling(
            outcome=ChangeStatus.NOT_GOVERNED,
            reasons=(CHANGE_WITH_INSURED_PROVINCE.make(insured=filing.insured.name),),
        )
    if on < filing.filed_on:
        raise InvalidInputError(
            "on", f"{on.isoformat()} is before the filing date {filing.filed_on.isoformat()}"
        )
    validity = filing_validity(filing, parameters=parameters)
    assert validity.valid_through is not None  # a Hunan filing always has one
    if on > validity.valid_through:
        return ChangeRuling(
            outcome=ChangeStatus.FILING_EXPIRED,
            reasons=(CHANGE_FILING_EXPIRED.make(through=validity.valid_through.isoformat()),),
        )
    if change is ChangeKind.PERSONAL_INFORMATION:
        return ChangeRuling(
            outcome=ChangeStatus.ALLOWED, reasons=(CHANGE_PERSONAL_INFORMATION_ANY_TIME.make(),)
        )
    if not filing.category.long_term:
        return ChangeRuling(outcome=ChangeStatus.ALLOWED, reasons=(CHANGE_REFERRAL_NO_LOCK.make(),))
    lock_end = add_months(filing.filed_on, parameters.change_lock_months)
    allowed_from = lock_end + _dt.timedelta(days=1)
    dates = {"filed": filing.filed_on.isoformat(), "on": on.isoformat()}
    if on < allowed_from:
        return ChangeRuling(
            outcome=ChangeStatus.LOCKED,
            reasons=(CHANGE_LOCKED.make(allowed_from=allowed_from.isoformat(), **dates),),
            allowed_from=allowed_from,
        )
    return ChangeRuling(
        outcome=ChangeStatus.ALLOWED,
        reasons=(CHANGE_LOCK_OVER.make(lock_end=lock_end.isoformat(), **dates),),
        allowed_from=allowed_from,
    )


# --- coverage of an episode (articles 12 and 13 ¶2) --------------------------------------------------------------


class Coverage(LabelledEnum):
    """Whether a filing lets an episode be settled directly."""

    COVERED = ("备案有效，可直接结算", "covered: may be settled directly")
    COVERED_BY_BACK_FILING = ("补办备案后可直接结算", "covered by a back-filing: may be settled directly")
    COVERED_WITH_REFUND = (
        "工伤认定后补办备案，直接结算并将基金支付部分退还工伤职工",
        "covered by a back-filing after injury recognition: settled directly, the fund's share refunded",
    )
    BACK_FILING_POSSIBLE = (
        "尚未备案，经参保地同意可补办备案",
        "not filed yet: a back-filing is still possible with the insured place's consent",
    )
    MANUAL_REIMBURSEMENT = ("回参保地按政策规定报销", "manual reimbursement at the insured place")
    NOT_COVERED = ("不予直接结算", "not settled directly")
    NATIONAL_PROCEDURE = ("按国家经办规程办理", "governed by the national procedure, not this one")
    NOT_OUT_OF_AREA = (
        "不纳入异地就医管理，无需备案",
        "not out-of-area care: no filing is needed (article 3)",
    )
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")
    SET_BY_INSURED_PROVINCE = (
        "有效期由参保省确定，需参保省核验",
        "validity set by the insured province: its agency must confirm",
    )

    @property
    def direct(self) -> bool:
        """True where the episode may be settled directly."""
        return self in (Coverage.COVERED, Coverage.COVERED_BY_BACK_FILING, Coverage.COVERED_WITH_REFUND)


@attrs.frozen(kw_only=True)
class CoverageFacts:
    """The facts at the institution that decide whether a filing covers an episode.

    ``admitted_on`` is the admission date (or the outpatient visit or device fitting date); ``settled_on`` the
    discharge settlement date, ``None`` while the worker is still being treated. ``emergency_marked`` is an
    emergency marked as such by the institution's diagnosis or medical record; ``force_majeure`` a force-majeure
    cause; ``recognition_pending_at_admission`` that injury recognition (or the occupational disease diagnosis) was
    not yet complete when care began (article 12 ¶3); ``entitlement_lost_on`` the day the worker lost entitlement to
    work-injury benefits, if so (article 13 ¶2). A filing dated after admission is a back-filing; that the agency
    registered it shows the insured place's consent (article 12 ¶2, ¶3) [interpretation].
    """

    insured: Place = attrs.field(validator=is_instance(Place))
    filing: Filing | None = attrs.field(validator=attrs.validators.optional(is_instance(Filing)))
    service: ServiceKind = attrs.field(validator=is_member(ServiceKind))
    institution_code: str = attrs.field(validator=is_text)
    institution_place: Place = attrs.field(validator=is_treatment_place)
    admitted_on: _dt.date = attrs.field(validator=is_date)
    settled_on: _dt.date | None = attrs.field(default=None, validator=is_optional_date)
    emergency_marked: bool = attrs.field(default=False, validator=is_bool)
    force_majeure: bool = attrs.field(default=False, validator=is_bool)
    recognition_pending_at_admission: bool = attrs.field(default=False, validator=is_bool)
    entitlement_lost_on: _dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.settled_on is not None and self.settled_on < self.admitted_on:
            raise InvalidInputError("settled_on", "must not be before admitted_on")
        if self.filing is not None and self.filing.insured != self.insured:
            raise InvalidInputError("filing.insured", "must be the worker's insured place")

    @property
    def scope(self) -> Scope:
        return classify_scope(self.insured, self.institution_place).outcome


@attrs.frozen(kw_only=True)
class CoverageRuling(Ruling[Coverage]):
    """Whether the filing covers the episode, and (when known) the filing's validity."""

    valid_from: _dt.date | None = None
    valid_through: _dt.date | None = None


_A12_1 = ArticleRef(12, paragraph=1)
_A12_2 = ArticleRef(12, paragraph=2)
_A12_3 = ArticleRef(12, paragraph=3)

COVERAGE_NOT_OUT_OF_AREA = ReasonTemplate(
    code="COVERAGE_NOT_OUT_OF_AREA",
    articles=(ArticleRef(3),),
    interpretation=False,
    zh="参保地与就医机构所在地的组合（{scope}）不纳入异地就医直接结算管理，备案规则不适用。",
    en="This pair of places ({scope_en}) is not out-of-area care: the filing rules do not apply.",
)
COVERAGE_NOT_GOVERNED = ReasonTemplate(
    code="COVERAGE_NOT_GOVERNED",
    articles=(ArticleRef(2, paragraph=1),),
    interpretation=False,
    zh="参保地与就医机构均在湖南省外，不属本规程调整。",
    en="Both the insured place and the institution are outside Hunan: this procedure does not govern.",
)
COVERAGE_NO_FILING = ReasonTemplate(
    code="COVERAGE_NO_FILING",
    articles=(_A12_1,),
    interpretation=False,
    zh="未办理备案登记，费用不予直接结算；本规程未规定此时能否回参保地报销，由参保地工伤保险规定确定。",
    en="No filing was made: the costs are not settled directly. This procedure does not say whether the insured "
    "place reimburses them; the insured place's work-injury rules decide.",
)
COVERAGE_FILED_BEFORE_ADMISSION = ReasonTemplate(
    code="COVERAGE_FILED_BEFORE_ADMISSION",
    articles=(_A12_1,),
    interpretation=False,
    zh="备案于{filed}完成，早于入院（就医）日{admitted}。",
    en="The filing was completed on {filed}, before admission (or the visit) on {admitted}.",
)
COVERAGE_FILED_ON_ADMISSION_DAY = ReasonTemplate(
    code="COVERAGE_FILED_ON_ADMISSION_DAY",
    articles=(_A12_1,),
    interpretation=True,
    zh="备案与入院（就医）同日（{filed}），仅有日期时视为入院前完成。",
    en="The filing and the admission (or visit) fall on the same day ({filed}); with dates only, it counts as "
    "completed before admission.",
)
COVERAGE_FILED_AFTER_ADMISSION = ReasonTemplate(
    code="COVERAGE_FILED_AFTER_ADMISSION",
    articles=(_A12_1,),
    interpretation=False,
    zh="备案于{filed}完成，晚于入院（就医）日{admitted}，且不符合补办备案的情形，不予直接结算。",
    en="The filing was completed on {filed}, after admission (or the visit) on {admitted}, and no back-filing "
    "rule applies: not settled directly.",
)
COVERAGE_NOT_FILED_INSTITUTION = ReasonTemplate(
    code="COVERAGE_NOT_FILED_INSTITUTION",
    articles=(_A12_1, ArticleRef(16)),
    interpretation=False,
    zh="就医机构{code}不是备案的协议机构，费用不予直接结算。",
    en="Institution {code} is not a filed institution: the costs are not settled directly.",
)
COVERAGE_ANY_INSTITUTION_IN_PLACE = ReasonTemplate(
    code="COVERAGE_ANY_INSTITUTION_IN_PLACE",
    articles=(_A12_1, ArticleRef(9)),
    interpretation=True,
    zh="备案未指定协议机构（备案表只载明就医地），备案就医地{place}内的直接结算协议机构均视为备案协议机构。",
    en="The filing names no institution (the forms record only the treatment place): every direct-settlement "
    "institution in the filed treatment place {place} counts as filed.",
)
COVERAGE_OUTSIDE_FILED_PLACE = ReasonTemplate(
    code="COVERAGE_OUTSIDE_FILED_PLACE",
    articles=(_A12_1, ArticleRef(2, paragraph=3)),
    interpretation=True,
    zh="就医机构位于{actual}，不在备案就医地{filed}（省内按市州比较），不予直接结算。",
    en="The institution is in {actual}, outside the filed treatment place {filed} (compared by city within "
    "Hunan): not settled directly.",
)
COVERAGE_PROVINCE_LEVEL_OUTSIDE_HUNAN = ReasonTemplate(
    code="COVERAGE_PROVINCE_LEVEL_OUTSIDE_HUNAN",
    articles=(ArticleRef(2, paragraph=3), AnnexRef(1), AnnexRef(2)),
    interpretation=True,
    zh="省外就医地按省比较：本库只识别外省的省级区划，备案表所填外省市（县、区）是否相符由就医省平台核验。",
    en="Outside Hunan the treatment place is compared by province: this library knows other provinces as whole "
    "provinces, so whether the city written on the form matches is for the treatment province's platform to check.",
)
COVERAGE_SERVICE_NOT_FILED = ReasonTemplate(
    code="COVERAGE_SERVICE_NOT_FILED",
    articles=(_A12_1, ArticleRef(9)),
    interpretation=False,
    zh="备案的服务为{filed}，本次为{actual}，超出备案范围，不予直接结算。",
    en="The filing is for {filed_en}; this episode is {actual_en}, outside the filing: not settled directly.",
)
COVERAGE_WITHIN_VALIDITY = ReasonTemplate(
    code="COVERAGE_WITHIN_VALIDITY",
    articles=(_A13_1,),
    interpretation=False,
    zh="入院（就医）日{admitted}在备案有效期（{start}至{through}）内。",
    en="Admission (or the visit) on {admitted} is within the filing's validity ({start} to {through}).",
)
COVERAGE_STAY_RUNS_PAST_VALIDITY = ReasonTemplate(
    code="COVERAGE_STAY_RUNS_PAST_VALIDITY",
    articles=(_A13_2,),
    interpretation=False,
    zh="备案有效期内已办理住院手续，出院结算（{settled}）晚于有效期末日{through}不受影响，可正常直接结算。",
    en="The admission was made within validity: discharge settlement on {settled}, after the last valid day "
    "{through}, is not limited by the validity period.",
)
COVERAGE_AFTER_VALIDITY = ReasonTemplate(
    code="COVERAGE_AFTER_VALIDITY",
    articles=(_A13_1,),
    interpretation=False,
    zh="入院（就医）日{admitted}晚于备案有效期末日{through}，备案已过期，不予直接结算。",
    en="Admission (or the visit) on {admitted} is after the filing's last valid day {through}: the filing has "
    "expired; not settled directly.",
)
COVERAGE_BEFORE_STATED_VALIDITY = ReasonTemplate(
    code="COVERAGE_BEFORE_STATED_VALIDITY",
    articles=(_A13_1,),
    interpretation=False,
    zh="入院（就医）日{admitted}早于备案表载明的有效期起始日{start}，不予直接结算。",
    en="Admission (or the visit) on {admitted} is before the first valid day stated on the form, {start}: not "
    "settled directly.",
)
COVERAGE_VALIDITY_UNKNOWN = ReasonTemplate(
    code="COVERAGE_VALIDITY_UNKNOWN",
    articles=(ArticleRef(2), _A13_1),
    interpretation=True,
    zh="外省参保备案未载明有效期，须通过平台向参保省（{insured}）核验，本规程不计算其有效期。",
    en="The filing from {insured} states no validity: it must be confirmed with that province through the "
    "platform; this procedure does not compute it.",
    authorities=(NATIONAL_NOTICE,),
)
COVERAGE_ENTITLEMENT_LOST = ReasonTemplate(
    code="COVERAGE_ENTITLEMENT_LOST",
    articles=(_A13_2,),
    interpretation=False,
    zh="工伤职工于{lost}丧失享受工伤保险待遇资格，备案失效，不能办理直接结算。",
    en="The worker lost entitlement to work-injury benefits on {lost}: the filing lapsed and the episode cannot "
    "be settled directly.",
)
COVERAGE_ENTITLEMENT_LOST_ON_SETTLEMENT_DAY = ReasonTemplate(
    code="COVERAGE_ENTITLEMENT_LOST_ON_SETTLEMENT_DAY",
    articles=(_A13_2,),
    interpretation=True,
    zh="丧失待遇资格之日与出院结算同日（{lost}），仅有日期时视为住院过程中失效。",
    en="Entitlement was lost on the day of discharge settlement ({lost}); with dates only, that counts as during "
    "the stay.",
)
COVERAGE_BACK_FILED_EMERGENCY = ReasonTemplate(
    code="COVERAGE_BACK_FILED_EMERGENCY",
    articles=(_A12_2,),
    interpretation=False,
    zh="省内异地就医因{cause}补办备案，于出院结算前（{filed}）完成登记，可直接结算。",
    en="Intra-province care after {cause_en}: the filing was back-filed and completed before discharge "
    "settlement ({filed}); it may be settled directly.",
)
COVERAGE_BACK_FILING_APPROVED = ReasonTemplate(
    code="COVERAGE_BACK_FILING_APPROVED",
    articles=(_A12_2, _A12_3),
    interpretation=True,
    zh="补办备案须经参保地经办机构同意；参保地已于{filed}登记该备案，视为已同意。",
    en="A back-filing needs the insured-place agency's consent; the agency registered this filing on {filed}, "
    "which shows it consented.",
)
COVERAGE_BACK_FILED_SETTLEMENT_DAY = ReasonTemplate(
    code="COVERAGE_BACK_FILED_SETTLEMENT_DAY",
    articles=(_A12_2,),
    interpretation=True,
    zh="补办备案与出院结算同日（{filed}），仅有日期时视为出院结算前完成。",
    en="The back-filing and the discharge settlement fall on the same day ({filed}); with dates only, it counts "
    "as completed before settlement.",
)
COVERAGE_BACK_FILING_TOO_LATE = ReasonTemplate(
    code="COVERAGE_BACK_FILING_TOO_LATE",
    articles=(_A12_2,),
    interpretation=False,
    zh="省内异地就医因{cause}可补办备案，但未在出院结算（{settled}）前完成登记备案，回参保地按政策规定报销。",
    en="Intra-province care after {cause_en} may be back-filed, but the filing was not completed before "
    "discharge settlement ({settled}): manual reimbursement at the insured place.",
)
COVERAGE_BACK_FILING_STILL_POSSIBLE = ReasonTemplate(
    code="COVERAGE_BACK_FILING_STILL_POSSIBLE",
    articles=(_A12_2,),
    interpretation=False,
    zh="省内异地就医因{cause}尚未备案，尚未出院结算：经参保地经办机构同意可补报备案，在出院结算前完成登记的可直接结算，否则回参保地按政策规定报销。",
    en="Intra-province care after {cause_en}, not filed and not yet settled: with the insured-place agency's "
    "consent a filing may still be made; completed before discharge settlement it settles directly, otherwise "
    "the costs are reimbursed at the insured place.",
)
COVERAGE_BACK_FILED_AFTER_RECOGNITION = ReasonTemplate(
    code="COVERAGE_BACK_FILED_AFTER_RECOGNITION",
    articles=(_A12_3,),
    interpretation=False,
    zh="就医时尚未完成工伤认定，认定后补办备案，协议机构直接结算并将基金支付部分退还工伤职工。",
    en="Injury recognition was not complete when care began; after it, the filing was back-filed: the "
    "institution settles directly and refunds the fund's share to the worker.",
)
COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE = ReasonTemplate(
    code="COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE",
    articles=(_A12_3,),
    interpretation=False,
    zh="就医时尚未完成工伤认定：完成认定后，经参保地经办机构同意可补报备案，协议机构直接结算并将基金支付部分退还工伤职工。",
    en="Injury recognition was not complete when care began: once it is, with the insured-place agency's consent "
    "a filing may be made, and the institution settles directly and refunds the fund's share to the worker.",
)
COVERAGE_NATIONAL_PROCEDURE_FILING = ReasonTemplate(
    code="COVERAGE_NATIONAL_PROCEDURE_FILING",
    articles=(_A12_2, _A12_3, ArticleRef(36)),
    interpretation=True,
    zh="{what}：本规程的补办备案规定只适用于省内异地就医{inbound_zh}，跨省情形按国家经办规程办理。",
    en="{what_en}: this procedure's back-filing rules apply to intra-province care only{inbound_en}; the national "
    "procedure governs the cross-province case.",
    authorities=(NATIONAL_NOTICE,),
)


def _cause(facts: CoverageFacts) -> tuple[str, str]:
    if facts.emergency_marked:
        return "急诊抢救", "an emergency marked in the medical record"
    if facts.force_majeure:
        return "不可抗力", "force majeure"
    return "工伤认定尚未完成", "injury recognition not yet complete"


def _same_place(filed: Place, actual: Place) -> bool:
    """Whether the institution lies in the filed treatment place: by city in Hunan, by province outside it."""
    if filed.kind is PlaceKind.OTHER_PROVINCE or actual.kind is PlaceKind.OTHER_PROVINCE:
        return filed == actual
    return filed.city_code == actual.city_code


def _national(facts: CoverageFacts, what: str, what_en: str) -> CoverageRuling:
    inbound = facts.scope is Scope.CROSS_PROVINCE_INBOUND
    return CoverageRuling(
        outcome=Coverage.NATIONAL_PROCEDURE,
        reasons=(
            COVERAGE_NATIONAL_PROCEDURE_FILING.make(
                what=what,
                what_en=what_en,
                inbound_zh="；外省参保人员的备案及其时限由参保省依国家规定管理" if inbound else "",
                inbound_en=" (and the insured province manages an inbound worker's filing and its timing)"
                if inbound
                else "",
            ),
        ),
    )


def _without_filing(facts: CoverageFacts, scope: Scope) -> CoverageRuling:
    """No filing on record: article 12 ¶1, or one of the back-filing routes of ¶2 and ¶3."""
    cause, cause_en = _cause(facts)
    back_filing_cause = facts.emergency_marked or facts.force_majeure
    if scope.cross_province and (back_filing_cause or facts.recognition_pending_at_admission):
        return _national(
            facts, f"跨省异地就医{cause}，尚未备案", f"Cross-province care after {cause_en}, not filed"
        )
    if scope is Scope.INTRA_PROVINCE and facts.recognition_pending_at_admission:
        return CoverageRuling(
            outcome=Coverage.BACK_FILING_POSSIBLE, reasons=(COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE.make(),)
        )
    if scope is Scope.INTRA_PROVINCE and back_filing_cause:
        if facts.settled_on is None:
            return CoverageRuling(
                outcome=Coverage.BACK_FILING_POSSIBLE,
                reasons=(COVERAGE_BACK_FILING_STILL_POSSIBLE.make(cause=cause, cause_en=cause_en),),
            )
        return CoverageRuling(
            outcome=Coverage.MANUAL_REIMBURSEMENT,
            reasons=(
                COVERAGE_BACK_FILING_TOO_LATE.make(
                    cause=cause, cause_en=cause_en, settled=facts.settled_on.isoformat()
                ),
            ),
        )
    return CoverageRuling(outcome=Coverage.NOT_COVERED, reasons=(COVERAGE_NO_FILING.make(),))


def filing_covers(facts: CoverageFacts, *, parameters: Parameters = DEFAULT_PARAMETERS) -> CoverageRuling:
    """Whether the filing covers the episode (articles 12 and 13), every failing condition listed.

    >>> import datetime as dt
    >>> from gongshang_rules import place, PersonCategory, ServiceKind
    >>> f = Filing(insured=place("430100"), treatment=place("430600"), category=PersonCategory.REFERRAL,
    ...            service=ServiceKind.MEDICAL, filed_on=dt.date(2025, 9, 1))
    >>> facts = CoverageFacts(insured=place("430100"), filing=f, service=ServiceKind.MEDICAL,
    ...     institution_code="EX-1", institution_place=place("430602"), admitted_on=dt.date(2025, 12, 1))
    >>> ruling = filing_covers(facts)
    >>> ruling.outcome.name, sorted(ruling.codes)
    ('COVERED', ['COVERAGE_ANY_INSTITUTION_IN_PLACE', 'COVERAGE_FILED_BEFORE_ADMISSION', 'COVERAGE_WITHIN_VALIDITY'])

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``COVERED``, ``COVERED_BY_BACK_FILING``, ``COVERED_WITH_REFUND``, ``BACK_FILING_POSSIBLE``,
      ``MANUAL_REIMBURSEMENT``, ``NOT_COVERED``, ``NATIONAL_PROCEDURE``, ``NOT_OUT_OF_AREA``,
      ``NOT_GOVERNED``, ``SET_BY_INSURED_PROVINCE``
    * reason codes: ``COVERAGE_AFTER_VALIDITY``, ``COVERAGE_ANY_INSTITUTION_IN_PLACE``,
      ``COVERAGE_BACK_FILED_AFTER_RECOGNITION``, ``COVERAGE_BACK_FILED_EMERGENCY``,
      ``COVERAGE_BACK_FILED_SETTLEMENT_DAY``, ``COVERAGE_BACK_FILING_APPROVED``,
      ``COVERAGE_BACK_FILING_STILL_POSSIBLE``, ``COVERAGE_BACK_FILING_TOO_LATE``,
      ``COVERAGE_BEFORE_STATED_VALIDITY``, ``COVERAGE_ENTITLEMENT_LOST``,
      ``COVERAGE_ENTITLEMENT_LOST_ON_SETTLEMENT_DAY``, ``COVERAGE_FILED_AFTER_ADMISSION``,
      ``COVERAGE_FILED_BEFORE_ADMISSION``, ``COVERAGE_FILED_ON_ADMISSION_DAY``,
      ``COVERAGE_NATIONAL_PROCEDURE_FILING``, ``COVERAGE_NOT_FILED_INSTITUTION``, ``COVERAGE_NOT_GOVERNED``,
      ``COVERAGE_NOT_OUT_OF_AREA``, ``COVERAGE_NO_FILING``, ``COVERAGE_OUTSIDE_FILED_PLACE``,
      ``COVERAGE_PROVINCE_LEVEL_OUTSIDE_HUNAN``, ``COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE``,
      ``COVERAGE_SERVICE_NOT_FILED``, ``COVERAGE_STAY_RUNS_PAST_VALIDITY``, ``COVERAGE_VALIDITY_UNKNOWN``,
      ``COVERAGE_WITHIN_VALIDITY``, ``FILING_RUNS_PAST_PROCEDURE_END``,
      ``FILING_VALIDITY_BY_INSURED_PROVINCE``, ``FILING_VALIDITY_COMPUTED``,
      ``FILING_VALIDITY_DIFFERS_FROM_RULE``, ``FILING_VALIDITY_STATED`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 9, art. 12, art. 13, art. 16, art. 36, annex 1, annex 2
    """
    if not isinstance(facts, CoverageFacts):
        raise InvalidInputError("facts", f"must be CoverageFacts, got {type_name(facts)}")
    check_parameters(parameters)
    scope = facts.scope
    if scope is Scope.NOT_GOVERNED:
        return CoverageRuling(outcome=Coverage.NOT_GOVERNED, reasons=(COVERAGE_NOT_GOVERNED.make(),))
    if not scope.out_of_area:
        return CoverageRuling(
            outcome=Coverage.NOT_OUT_OF_AREA,
            reasons=(COVERAGE_NOT_OUT_OF_AREA.make(scope=scope.zh, scope_en=scope.en),),
        )
    filing = facts.filing
    if filing is None:
        return _without_filing(facts, scope)

    failures: list[Reason] = []
    passes: list[Reason] = []
    manual: list[Reason] = []
    refund = False
    admitted = facts.admitted_on.isoformat()
    filed = filing.filed_on.isoformat()
    back_filed = filing.filed_on > facts.admitted_on

    # Where and what (article 12 ¶1).
    in_place = _same_place(filing.treatment, facts.institution_place)
    if not in_place:
        failures.append(
            COVERAGE_OUTSIDE_FILED_PLACE.make(
                actual=facts.institution_place.name, filed=filing.treatment.name
            )
        )
    elif filing.treatment.kind is PlaceKind.OTHER_PROVINCE:
        passes.append(COVERAGE_PROVINCE_LEVEL_OUTSIDE_HUNAN.make())
    if filing.institution_codes is None:
        if in_place:
            passes.append(COVERAGE_ANY_INSTITUTION_IN_PLACE.make(place=filing.treatment.name))
    elif facts.institution_code not in filing.institution_codes:
        failures.append(COVERAGE_NOT_FILED_INSTITUTION.make(code=facts.institution_code))
    if filing.service is not facts.service:
        failures.append(
            COVERAGE_SERVICE_NOT_FILED.make(
                filed=filing.service.zh,
                filed_en=filing.service.en,
                actual=facts.service.zh,
                actual_en=facts.service.en,
            )
        )

    # When (article 12).
    if not back_filed:
        if filing.filed_on < facts.admitted_on:
            passes.append(COVERAGE_FILED_BEFORE_ADMISSION.make(filed=filed, admitted=admitted))
        else:
            passes.append(COVERAGE_FILED_ON_ADMISSION_DAY.make(filed=filed))
    elif scope is Scope.CROSS_PROVINCE_INBOUND or (
        scope.cross_province
        and (facts.emergency_marked or facts.force_majeure or facts.recognition_pending_at_admission)
    ):
        national = _national(
            facts, f"备案于{filed}，晚于入院日{admitted}", f"Filed on {filed}, after admission on {admitted}"
        )
        if failures:  # a wrong place, institution or service fails whatever the national timing rules say
            return CoverageRuling(outcome=Coverage.NOT_COVERED, reasons=(*failures, *national.reasons))
        return national
    elif scope is Scope.INTRA_PROVINCE and facts.recognition_pending_at_admission:
        passes += [
            COVERAGE_BACK_FILING_APPROVED.make(filed=filed),
            COVERAGE_BACK_FILED_AFTER_RECOGNITION.make(),
        ]
        refund = True
    elif scope is Scope.INTRA_PROVINCE and (facts.emergency_marked or facts.force_majeure):
        cause, cause_en = _cause(facts)
        if facts.settled_on is not None and filing.filed_on > facts.settled_on:
            manual.append(
                COVERAGE_BACK_FILING_TOO_LATE.make(
                    cause=cause, cause_en=cause_en, settled=facts.settled_on.isoformat()
                )
            )
        else:
            passes += [
                COVERAGE_BACK_FILING_APPROVED.make(filed=filed),
                COVERAGE_BACK_FILED_EMERGENCY.make(cause=cause, cause_en=cause_en, filed=filed),
            ]
            if facts.settled_on == filing.filed_on:
                passes.append(COVERAGE_BACK_FILED_SETTLEMENT_DAY.make(filed=filed))
    else:
        failures.append(COVERAGE_FILED_AFTER_ADMISSION.make(filed=filed, admitted=admitted))

    # Validity (article 13). A back-filed episode began before the filing: the back-filing rule above carries it.
    validity = filing_validity(filing, parameters=parameters)
    start, through = validity.valid_from, validity.valid_through
    if start is None or through is None:
        return CoverageRuling(
            outcome=Coverage.SET_BY_INSURED_PROVINCE,
            reasons=(*failures, COVERAGE_VALIDITY_UNKNOWN.make(insured=filing.insured.name), *passes),
        )
    if facts.admitted_on > through:
        failures.append(COVERAGE_AFTER_VALIDITY.make(admitted=admitted, through=through.isoformat()))
    elif facts.admitted_on < start and not back_filed:
        failures.append(COVERAGE_BEFORE_STATED_VALIDITY.make(admitted=admitted, start=start.isoformat()))
    elif not back_filed:
        passes.append(
            COVERAGE_WITHIN_VALIDITY.make(
                admitted=admitted, start=start.isoformat(), through=through.isoformat()
            )
        )
    if facts.settled_on is not None and facts.settled_on > through and facts.admitted_on <= through:
        passes.append(
            COVERAGE_STAY_RUNS_PAST_VALIDITY.make(
                settled=facts.settled_on.isoformat(), through=through.isoformat()
            )
        )
    lost = facts.entitlement_lost_on
    if lost is not None and (facts.settled_on is None or lost <= facts.settled_on):
        failures.append(COVERAGE_ENTITLEMENT_LOST.make(lost=lost.isoformat()))
        if lost == facts.settled_on:
            failures.append(COVERAGE_ENTITLEMENT_LOST_ON_SETTLEMENT_DAY.make(lost=lost.isoformat()))

    if failures:
        outcome = Coverage.NOT_COVERED
    elif manual:
        outcome = Coverage.MANUAL_REIMBURSEMENT
    elif refund:
        outcome = Coverage.COVERED_WITH_REFUND
    elif back_filed:
        outcome = Coverage.COVERED_BY_BACK_FILING
    else:
        outcome = Coverage.COVERED
    return CoverageRuling(
        outcome=outcome, reasons=(*failures, *manual, *passes), valid_from=start, valid_through=through
    )
