"""The approved filing and what it covers: articles 11, 12 and 13 (chapter 2).

A :class:`Filing` is a filing as the insured-place agency approved it (备案). From it the library computes:

* its validity (article 13 ¶1): a referral 3 months, long-term residence or resident work 6 months, from the filing
  date, counted with the period rules of :mod:`gongshang_rules.kernel.periods`; validity dates stated on the approved form
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

from ..kernel._validate import (
    check_date,
    is_bool,
    is_date,
    is_instance,
    is_member,
    is_optional_date,
    is_text,
    type_name,
)
from ..kernel.articles import AnnexRef, ArticleRef
from ..kernel.authorities import CIVIL_CODE_PERIODS, NATIONAL_NOTICE, NATIONAL_PROCEDURE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    FILING_DATE,
    Parameters,
    ParametersLike,
    check_parameters,
    picks_version,
    resolve_parameters,
)
from ..kernel.periods import add_months
from ..kernel.places import Place, PlaceKind, is_treatment_place
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from ..kernel.terms import CareType, PersonCategory, ServiceKind
from .commencement import InForce, in_force
from .forms import Device
from .scope import Scope, classify_scope

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
    NATIONAL_PROCEDURE = (
        "按国家经办规程办理的备案，其有效期从其规定",
        "made under the national procedure, whose validity governs",
    )
    NOT_IN_FORCE = ("备案时本规程尚未施行，第十三条不计算其有效期", "filed before this procedure took effect")
    EXPIRED = ("备案时本规程有效期已届满，第十三条不计算其有效期", "filed after this procedure expired")


@attrs.frozen(kw_only=True)
class ValidityRuling(Ruling[Validity]):
    """A filing's validity: first and last valid day (``None`` where this procedure gives none: set by the insured
    province and not stated, made under the national procedure with no dates stated, or made on a day this
    procedure was not in force)."""

    valid_from: _dt.date | None = None
    valid_through: _dt.date | None = None

    def _extra_lines(self) -> list[str]:
        if self.valid_from is None or self.valid_through is None:
            return ["  valid: not computed here"]
        return [f"  valid: {self.valid_from.isoformat()} to {self.valid_through.isoformat()}"]


_A13_1 = ArticleRef(13, paragraph=1)
_A13_2 = ArticleRef(13, paragraph=2)

FILING_VALIDITY_COMPUTED = decisive(
    "FILING_VALIDITY_COMPUTED",
    _A13_1,
    when="Filing validity: a Hunan filing made while the procedure is in force, without stated dates; "
    "valid from filed_on through add_months(filed_on, 3 for REFERRAL else 6) (outcome COMPUTED).",
    reading=True,
    zh="{category}备案有效期{months}个月，自备案之日{filed}起算（当日不计入），有效至{through}。",
    en="A {category_en} filing is valid for {months} months from the filing date {filed} (that day not "
    "counted): valid through {through}.",
    authorities=(CIVIL_CODE_PERIODS,),
)
FILING_VALIDITY_STATED = decisive(
    "FILING_VALIDITY_STATED",
    _A13_1,
    when="Filing validity: a Hunan filing made while the procedure is in force states both stated_valid_from "
    "and stated_valid_through (outcome STATED_ON_FORM).",
    zh="备案表载明的有效期为{start}至{through}，以载明为准。",
    en="The approved form states validity from {start} to {through}: the stated dates govern.",
)
FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE = decisive(
    "FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE",
    2,
    when="Filing validity of a cross-province inbound filing (insured outside Hunan) made while the procedure is "
    "in force and stating both validity dates (outcome STATED_ON_FORM).",
    zh="该备案由外省参保地（{insured}）按国家规定核准，有效期为{start}至{through}，以参保省核准的为准。",
    en="This filing was approved by the insured province ({insured}) under the national rules, valid from {start} "
    "to {through}: the approved dates govern.",
    authorities=(NATIONAL_NOTICE,),
)
FILING_VALIDITY_DIFFERS_FROM_RULE = note(
    "FILING_VALIDITY_DIFFERS_FROM_RULE",
    _A13_1,
    when="Filing validity, a Hunan filing with stated dates: the stated (from, through) differ from (filed_on, add_months(filed_on, 3 or 6)).",
    zh="注意：按第十三条计算应自{filed}起有效至{computed}，与备案表载明的不同。",
    en="Note: article 13 would give validity from {filed} through {computed}, which differs from the form.",
)
FILING_VALIDITY_BY_INSURED_PROVINCE = decisive(
    "FILING_VALIDITY_BY_INSURED_PROVINCE",
    2,
    _A13_1,
    when="Filing validity: the insured place is another province and the filing states no validity (outcome SET_BY_INSURED_PROVINCE).",
    reading=True,
    zh="该备案由外省参保地（{insured}）办理，有效期由参保省依国家规定确定，不适用本省{referral}个月、{long_term}个月的规定；备案未载明有效期。",
    en="This filing was approved by the insured province ({insured}); its validity is set by that province "
    "under the national rules, not by Hunan's {referral} and {long_term} months, and the filing states none.",
    authorities=(NATIONAL_NOTICE,),
)
FILING_RUNS_PAST_PROCEDURE_END = note(
    "FILING_RUNS_PAST_PROCEDURE_END",
    _A13_1,
    36,
    when="Filing validity: the last valid day is after 2027-07-31.",
    zh="备案有效期至{through}，晚于本规程有效期末日{end}；{end}之后的就医由届时的规定调整。",
    en="The filing runs through {through}, past this procedure's last day {end}: care after {end} is governed "
    "by whatever rules are then in force.",
)


FILING_UNDER_NATIONAL_PROCEDURE = decisive(
    "FILING_UNDER_NATIONAL_PROCEDURE",
    36,
    when="filing_validity (and every rule that reads it) of a cross-province filing whose filed_on is from "
    "national_cross_province_from (2025-04-01) to the day before in_force_from (2025-08-01), or after "
    "in_force_through (2027-07-31).",
    reading=True,
    zh="该跨省备案于{filed}办理，{when_zh}，是按国家经办规程办理的备案：“国家有规定的，从其规定”，其有效期按国家规定"
    "{stated_zh}，不按第十三条计算。",
    en="This cross-province filing was made on {filed}, {when_en}: it is a filing under the national procedure, "
    "and since national rules prevail ('国家有规定的，从其规定') its validity is the national procedure's"
    "{stated_en}, not article 13's.",
    authorities=(NATIONAL_NOTICE, NATIONAL_PROCEDURE),
)
FILING_BEFORE_PROCEDURE = decisive(
    "FILING_BEFORE_PROCEDURE",
    _A13_1,
    36,
    when="filing_validity (and every rule that reads it) of an intra-province filing whose filed_on is "
    "before in_force_from (2025-08-01), or of a cross-province one filed before national_cross_province_from "
    "(2025-04-01).",
    zh="备案于{filed}办理，早于本规程施行日{start}：{what_zh}，第十三条不为其计算有效期。",
    en="The filing was made on {filed}, before this procedure took effect on {start}: {what_en}; article 13 "
    "gives it no validity.",
)
FILING_AFTER_PROCEDURE = decisive(
    "FILING_AFTER_PROCEDURE",
    _A13_1,
    36,
    when="filing_validity (and every rule that reads it) of an intra-province filing whose filed_on is after "
    "in_force_through (2027-07-31).",
    zh="备案于{filed}办理，晚于本规程有效期末日{end}：本规程已失效，第十三条不为其计算有效期，由届时有效的规定调整。",
    en="The filing was made on {filed}, after this procedure's last day {end}: the procedure has expired and "
    "article 13 gives it no validity; the rules then in force govern.",
)


def _outside_procedure(filing: Filing, parameters: Parameters) -> ValidityRuling | None:
    """The validity ruling of a filing made on a day this procedure did not govern (article 36), else ``None``.

    Intra-province: not in force before the procedure, expired after it. Cross-province: from the national start
    (2025-04-01) the filing is the national procedure's, whose validity governs (the approved dates) [product
    owner]; before the national start cross-province direct settlement ran in general under neither procedure.
    """
    p = parameters
    on = filing.filed_on
    if p.in_force_from <= on <= p.in_force_through:
        return None
    scope = classify_scope(filing.insured, filing.treatment).outcome
    dates = {
        "filed": on.isoformat(),
        "start": p.in_force_from.isoformat(),
        "end": p.in_force_through.isoformat(),
    }
    if scope.cross_province and on >= p.national_cross_province_from:
        if on < p.in_force_from:
            when_zh, when_en = (
                f"早于本规程施行日{dates['start']}",
                f"before this procedure took effect on {dates['start']}",
            )
        else:
            when_zh, when_en = (
                f"晚于本规程有效期末日{dates['end']}",
                f"after this procedure's last day {dates['end']}",
            )
        start, through = filing.stated_valid_from, filing.stated_valid_through
        if start is not None and through is not None:
            stated_zh = f"（备案表载明{start.isoformat()}至{through.isoformat()}）"
            stated_en = f" (the form states {start.isoformat()} to {through.isoformat()})"
        else:
            stated_zh = "（备案未载明有效期，须向参保地核实）"
            stated_en = " (the filing states none: confirm it with the insured place)"
        reason = FILING_UNDER_NATIONAL_PROCEDURE.make(
            when_zh=when_zh, when_en=when_en, stated_zh=stated_zh, stated_en=stated_en, **dates
        )
        return ValidityRuling(
            outcome=Validity.NATIONAL_PROCEDURE, reasons=(reason,), valid_from=start, valid_through=through
        )
    if on < p.in_force_from:
        if scope.cross_province:
            national, pilot = p.national_cross_province_from.isoformat(), p.national_pilot_from.isoformat()
            what_zh = (
                f"跨省异地就医直接结算自{national}起在全国开展，此前一般不属任何规程的直接结算；自{pilot}起部分城市开展国家试点，"
                "试点城市的备案按试点规定办理，不由本规程判断"
            )
            what_en = (
                f"cross-province direct settlement began nationally on {national}, and before it was in general "
                f"under neither procedure; a national pilot ran in some cities from {pilot}, and a pilot city's "
                "filing follows the pilot's rules, which this procedure does not decide"
            )
        else:
            what_zh = "省内异地就医直接结算自本规程施行日起实施，此前不存在省内异地直接结算备案"
            what_en = "intra-province direct settlement starts on the day this procedure takes effect"
        reason = FILING_BEFORE_PROCEDURE.make(what_zh=what_zh, what_en=what_en, **dates)
        return ValidityRuling(outcome=Validity.NOT_IN_FORCE, reasons=(reason,))
    reason = FILING_AFTER_PROCEDURE.make(**dates)
    return ValidityRuling(outcome=Validity.EXPIRED, reasons=(reason,))


def _months_for(category: PersonCategory, parameters: Parameters) -> int:
    if category is PersonCategory.REFERRAL:
        return parameters.referral_validity_months
    return parameters.long_term_validity_months


def filing_valid_through(
    filing_date: _dt.date, category: PersonCategory, *, parameters: ParametersLike = DEFAULT_SCHEDULE
) -> _dt.date:
    """The last valid day of a Hunan filing made on ``filing_date`` (article 13 ¶1).

    Referral: 3 months; long-term residence and resident work: 6 months; counted per 民法典 201 and 202. The
    parameters version is the one in force on the filing date. Article 13 counts only filings made while this
    procedure is in force (article 36): a ``filing_date`` before it took effect or after it expired raises
    :class:`InvalidInputError` (:func:`filing_validity` says what governs such a filing instead), never a
    silently computed period.
    """
    check_date("filing_date", filing_date)
    p = resolve_parameters(parameters, filing_date)
    if not isinstance(category, PersonCategory):
        raise InvalidInputError("category", f"must be a PersonCategory member, got {category!r}")
    if not p.in_force_from <= filing_date <= p.in_force_through:
        raise InvalidInputError(
            "filing_date",
            f"{filing_date.isoformat()} is outside this procedure's validity "
            f"({p.in_force_from.isoformat()} to {p.in_force_through.isoformat()}, article 36): "
            "article 13 gives such a filing no validity; filing_validity() says what governs it",
        )
    return add_months(filing_date, _months_for(category, p))


@picks_version(FILING_DATE, lambda filing, *_a, **_k: filing.filed_on)
def filing_validity(filing: Filing, *, parameters: ParametersLike = DEFAULT_SCHEDULE) -> ValidityRuling:
    """The validity of ``filing`` with its reasons (article 13 ¶1; article 36 for the procedure's own dates).

    The parameters version is the one in force on the filing date: a filing keeps the validity the law gave it
    when it was made. A filing made before this procedure took effect or after it expired gets no validity from
    article 13 (article 36): an intra-province one is ``NOT_IN_FORCE`` or ``EXPIRED``; a cross-province one made
    before 2025-08-01 was made under the national rules (the national procedure from 2025-04-01, its pilot
    before), whose validity governs (``NATIONAL_PROCEDURE``, the stated dates where the form has them)
    [interpretation, product owner].

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``COMPUTED``, ``STATED_ON_FORM``, ``SET_BY_INSURED_PROVINCE``, ``NATIONAL_PROCEDURE``,
      ``NOT_IN_FORCE``, ``EXPIRED``
    * reason codes: ``FILING_AFTER_PROCEDURE``, ``FILING_BEFORE_PROCEDURE``,
      ``FILING_RUNS_PAST_PROCEDURE_END``, ``FILING_UNDER_NATIONAL_PROCEDURE``,
      ``FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE``, ``FILING_VALIDITY_BY_INSURED_PROVINCE``,
      ``FILING_VALIDITY_COMPUTED``, ``FILING_VALIDITY_DIFFERS_FROM_RULE``, ``FILING_VALIDITY_STATED``,
      ``PARAMETERS_VERSION_USED``, ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``,
      ``SCOPE_INTRA_PROVINCE``, ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION``
      (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 13, art. 36
    """
    if not isinstance(filing, Filing):
        raise InvalidInputError("filing", f"must be a Filing, got {type_name(filing)}")
    p = resolve_parameters(parameters, filing.filed_on)
    outside = _outside_procedure(filing, p)
    if outside is not None:
        return outside
    if filing.stated_valid_from is not None and filing.stated_valid_through is not None:
        start, through = filing.stated_valid_from, filing.stated_valid_through
        stated = {"start": start.isoformat(), "through": through.isoformat(), "insured": filing.insured.name}
        if filing.filed_in_hunan:
            reasons = [FILING_VALIDITY_STATED.make(**stated)]
        else:  # approved by the insured province under the national rules: not article 13's
            reasons = [FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE.make(**stated)]
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
            reasons=(
                FILING_VALIDITY_BY_INSURED_PROVINCE.make(
                    insured=filing.insured.name,
                    referral=p.referral_validity_months,
                    long_term=p.long_term_validity_months,
                ),
            ),
        )
    else:
        start = filing.filed_on
        through = filing_valid_through(filing.filed_on, filing.category, parameters=parameters)
        reasons = [
            FILING_VALIDITY_COMPUTED.make(
                category=filing.category.zh,
                category_en=filing.category.en,
                months=_months_for(filing.category, p),
                filed=filing.filed_on.isoformat(),
                through=through.isoformat(),
            )
        ]
        outcome = Validity.COMPUTED
    if through > p.in_force_through:
        reasons.append(
            FILING_RUNS_PAST_PROCEDURE_END.make(
                through=through.isoformat(), end=p.in_force_through.isoformat()
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
    LOCKED = (
        "备案之日起规定期限内不得变更或取消",
        "locked: within the change-lock period from the filing date",
    )
    FILING_EXPIRED = ("备案已失效，应重新备案", "the filing has expired; file anew")
    NOT_GOVERNED = ("由参保省办理", "made with the insured province, not under this procedure")
    NOT_UNDER_PROCEDURE = ("该备案不是按本规程办理的", "the filing was not made under this procedure")
    NOT_IN_FORCE = ("本规程在该日不在有效期内", "this procedure is not in force on the day asked about")


@attrs.frozen(kw_only=True)
class ChangeRuling(Ruling[ChangeStatus]):
    """Whether a change may be made; ``allowed_from`` is the first day it may be (when locked)."""

    allowed_from: _dt.date | None = None


CHANGE_PERSONAL_INFORMATION_ANY_TIME = decisive(
    "CHANGE_PERSONAL_INFORMATION_ANY_TIME",
    11,
    _A13_1,
    when="Change of a valid Hunan filing, the change being PERSONAL_INFORMATION (outcome ALLOWED).",
    reading=True,
    zh="个人信息发生变更应及时申请变更；第十三条的{months}个月限制针对变更或取消备案本身，不限制更正个人信息。",
    en="A change of personal information must be applied for promptly (article 11); article 13's {months}-month lock "
    "restricts changing or cancelling the filing itself, not correcting personal information.",
)
CHANGE_LOCK_OVER = decisive(
    "CHANGE_LOCK_OVER",
    11,
    _A13_1,
    when="Change (TREATMENT_PLACE or CANCEL) of a valid Hunan long-term filing after add_months(filed_on, 3) (outcome ALLOWED).",
    reading=True,
    zh="异地长期居住（工作）备案自备案之日{filed}起{months}个月（至{lock_end}）已过，{on}可以变更或取消。",
    en="The {months} months from the filing date {filed} of a long-term filing ended on {lock_end}: on {on} it may be "
    "changed or cancelled.",
    authorities=(CIVIL_CODE_PERIODS,),
)
CHANGE_LOCKED = decisive(
    "CHANGE_LOCKED",
    _A13_1,
    when="Change (TREATMENT_PLACE or CANCEL) of a valid Hunan long-term filing on or before add_months(filed_on, 3) (outcome LOCKED).",
    reading=True,
    zh="异地长期居住（工作）备案自备案之日{filed}起{months}个月后方可变更或取消，即自{allowed_from}起。",
    en="A long-term filing may be changed or cancelled only after {months} months from the filing date {filed}: from "
    "{allowed_from}.",
    authorities=(CIVIL_CODE_PERIODS,),
)
CHANGE_REFERRAL_NO_LOCK = decisive(
    "CHANGE_REFERRAL_NO_LOCK",
    11,
    _A13_1,
    when="Change of a valid Hunan REFERRAL filing, the change being TREATMENT_PLACE or CANCEL (outcome ALLOWED).",
    reading=True,
    zh="第十三条的{months}个月限制只针对异地长期居住（工作）备案；转诊转院备案的变更按第十一条及时办理。",
    en="Article 13's {months}-month lock names long-term filings only; a referral filing's change is handled promptly "
    "under article 11.",
)
CHANGE_FILING_EXPIRED = decisive(
    "CHANGE_FILING_EXPIRED",
    _A13_1,
    when="Change of a Hunan filing asked for after its last valid day (outcome FILING_EXPIRED).",
    zh="备案有效期已于{through}届满，无可变更的备案，应重新申请备案。",
    en="The filing's validity ended on {through}: there is nothing to change; apply for a new filing.",
)
CHANGE_WITH_INSURED_PROVINCE = decisive(
    "CHANGE_WITH_INSURED_PROVINCE",
    2,
    11,
    when="Change of a filing whose insured place is another province (outcome NOT_GOVERNED).",
    reading=True,
    zh="外省参保工伤职工的备案由参保省（{insured}）管理，变更或取消向参保省申请。",
    en="A filing of a worker insured in {insured} is managed by that province: changes and cancellation are "
    "applied for there.",
    authorities=(NATIONAL_NOTICE,),
)


@picks_version(FILING_DATE, lambda filing, *_a, **_k: filing.filed_on)
def change_allowed(
    filing: Filing, change: ChangeKind, on: _dt.date, *, parameters: ParametersLike = DEFAULT_SCHEDULE
) -> ChangeRuling:
    """Whether ``change`` may be made to ``filing`` on ``on`` (articles 11 and 13 ¶1).

    A long-term residence or resident-work filing may be changed or cancelled once 3 months from the filing date
    have passed: from the day after the last day of that period [interpretation]. The parameters version (the
    lock's months, as the validity) is the one in force on the filing date, not on ``on`` [interpretation].

    >>> import datetime as dt
    >>> from gongshang_rules import place, PersonCategory, ServiceKind
    >>> f = Filing(insured=place("430100"), treatment=place("430600"), category=PersonCategory.LONG_TERM_RESIDENCE,
    ...            service=ServiceKind.MEDICAL, filed_on=dt.date(2025, 8, 31))
    >>> change_allowed(f, ChangeKind.CANCEL, dt.date(2025, 11, 30)).outcome.name
    'LOCKED'
    >>> change_allowed(f, ChangeKind.CANCEL, dt.date(2025, 12, 1)).outcome.name
    'ALLOWED'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``ALLOWED``, ``LOCKED``, ``FILING_EXPIRED``, ``NOT_GOVERNED``, ``NOT_UNDER_PROCEDURE``,
      ``NOT_IN_FORCE``
    * reason codes: ``CHANGE_FILING_EXPIRED``, ``CHANGE_LOCKED``, ``CHANGE_LOCK_OVER``,
      ``CHANGE_PERSONAL_INFORMATION_ANY_TIME``, ``CHANGE_REFERRAL_NO_LOCK``, ``CHANGE_WITH_INSURED_PROVINCE``,
      ``FILING_AFTER_PROCEDURE``, ``FILING_BEFORE_PROCEDURE``, ``FILING_RUNS_PAST_PROCEDURE_END``,
      ``FILING_UNDER_NATIONAL_PROCEDURE``, ``FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE``,
      ``FILING_VALIDITY_BY_INSURED_PROVINCE``, ``FILING_VALIDITY_COMPUTED``,
      ``FILING_VALIDITY_DIFFERS_FROM_RULE``, ``FILING_VALIDITY_STATED``, ``IN_FORCE_BEFORE_NATIONAL_SCHEME``,
      ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``, ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``,
      ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``, ``IN_FORCE_WITHIN_PERIOD``,
      ``PARAMETERS_VERSION_USED``, ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``,
      ``SCOPE_INTRA_PROVINCE``, ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION``
      (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 11, art. 13, art. 36
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
    p = resolve_parameters(parameters, filing.filed_on)
    outside = _outside_procedure(filing, p)
    if outside is not None:  # made on a day this procedure did not govern (article 36)
        return ChangeRuling(outcome=ChangeStatus.NOT_UNDER_PROCEDURE, reasons=outside.reasons)
    force = in_force(on, classify_scope(filing.insured, filing.treatment).outcome, parameters=parameters)
    if force.outcome is not InForce.IN_FORCE:  # asked on a day this procedure does not govern (article 36)
        return ChangeRuling(outcome=ChangeStatus.NOT_IN_FORCE, reasons=force.reasons)
    assert validity.valid_through is not None  # a Hunan filing made under this procedure always has one
    if on > validity.valid_through:
        return ChangeRuling(
            outcome=ChangeStatus.FILING_EXPIRED,
            reasons=(CHANGE_FILING_EXPIRED.make(through=validity.valid_through.isoformat()),),
        )
    if change is ChangeKind.PERSONAL_INFORMATION:
        return ChangeRuling(
            outcome=ChangeStatus.ALLOWED,
            reasons=(CHANGE_PERSONAL_INFORMATION_ANY_TIME.make(months=p.change_lock_months),),
        )
    if not filing.category.long_term:
        return ChangeRuling(
            outcome=ChangeStatus.ALLOWED, reasons=(CHANGE_REFERRAL_NO_LOCK.make(months=p.change_lock_months),)
        )
    lock_end = add_months(filing.filed_on, p.change_lock_months)
    allowed_from = lock_end + _dt.timedelta(days=1)
    dates = {"filed": filing.filed_on.isoformat(), "on": on.isoformat(), "months": p.change_lock_months}
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
    NOT_IN_FORCE = ("本规程不在有效期内", "this procedure is not in force on the settlement date")
    VALIDITY_NOT_STATED = (
        "按国家规定办理的备案未载明有效期，需参保地核实",
        "a filing under the national procedure states no validity: the insured place must confirm it",
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

    ``care`` is the kind of episode (optional; an inpatient stay by default, which is what every case written
    before it meant). Article 13 ¶2's exemption (备案有效期内已办理住院手续) is for a hospital admission only: an
    outpatient visit, or a course of visits, and a device fitting need a valid filing on the day of the service
    (each visit on its own day, through the settlement day). A device service is a fitting whatever ``care`` says.
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
    care: CareType = attrs.field(default=CareType.INPATIENT, validator=is_member(CareType))

    def __attrs_post_init__(self) -> None:
        if self.settled_on is not None and self.settled_on < self.admitted_on:
            raise InvalidInputError("settled_on", "must not be before admitted_on")
        if self.filing is not None and self.filing.insured != self.insured:
            raise InvalidInputError("filing.insured", "must be the worker's insured place")
        if self.care is CareType.DEVICE_FITTING and self.service is not ServiceKind.ASSISTIVE_DEVICE:
            raise InvalidInputError("care", "DEVICE_FITTING is the care of an ASSISTIVE_DEVICE service only")

    @property
    def scope(self) -> Scope:
        return classify_scope(self.insured, self.institution_place).outcome

    @property
    def care_type(self) -> CareType:
        """The kind of episode: a device service is a fitting whatever ``care`` says."""
        if self.service is ServiceKind.ASSISTIVE_DEVICE:
            return CareType.DEVICE_FITTING
        return self.care


@attrs.frozen(kw_only=True)
class CoverageRuling(Ruling[Coverage]):
    """Whether the filing covers the episode, and (when known) the filing's validity."""

    valid_from: _dt.date | None = None
    valid_through: _dt.date | None = None


_A12_1 = ArticleRef(12, paragraph=1)
_A12_2 = ArticleRef(12, paragraph=2)
_A12_3 = ArticleRef(12, paragraph=3)

COVERAGE_NOT_OUT_OF_AREA = decisive(
    "COVERAGE_NOT_OUT_OF_AREA",
    3,
    when="Coverage: the scope is LOCAL or PROVINCIAL_RECOGNITION.",
    zh="参保地与就医机构所在地的组合（{scope}）不纳入异地就医直接结算管理，备案规则不适用。",
    en="This pair of places ({scope_en}) is not out-of-area care: the filing rules do not apply.",
)
COVERAGE_NOT_GOVERNED = decisive(
    "COVERAGE_NOT_GOVERNED",
    ArticleRef(2, paragraph=1),
    when="Coverage: the scope of (insured place, institution place) is NOT_GOVERNED.",
    zh="参保地与就医机构均在湖南省外，不属本规程调整。",
    en="Both the insured place and the institution are outside Hunan: this procedure does not govern.",
)
COVERAGE_NO_FILING = decisive(
    "COVERAGE_NO_FILING",
    _A12_1,
    when="Coverage of out-of-area care with no filing and no emergency, force majeure or pending recognition at admission.",
    zh="未办理备案登记，费用不予直接结算；本规程未规定此时能否回参保地报销，由参保地工伤保险规定确定。",
    en="No filing was made: the costs are not settled directly. This procedure does not say whether the insured "
    "place reimburses them; the insured place's work-injury rules decide.",
)
COVERAGE_FILED_BEFORE_ADMISSION = decisive(
    "COVERAGE_FILED_BEFORE_ADMISSION",
    _A12_1,
    when="Coverage of care other than cross-province inbound with a filing dated before admitted_on.",
    zh="备案于{filed}完成，早于入院（就医）日{admitted}。",
    en="The filing was completed on {filed}, before admission (or the visit) on {admitted}.",
)
COVERAGE_FILED_ON_ADMISSION_DAY = decisive(
    "COVERAGE_FILED_ON_ADMISSION_DAY",
    _A12_1,
    when="Coverage of care other than cross-province inbound with a filing dated on admitted_on (the same "
    "day counts as before admission).",
    reading=True,
    zh="备案与入院（就医）同日（{filed}），仅有日期时视为入院前完成。",
    en="The filing and the admission (or visit) fall on the same day ({filed}); with dates only, it counts as "
    "completed before admission.",
)
COVERAGE_FILED_AFTER_ADMISSION = decisive(
    "COVERAGE_FILED_AFTER_ADMISSION",
    _A12_1,
    when="Coverage of intra-province or outbound care with a filing dated after admitted_on when no back-filing rule applies (no emergency, force majeure or pending recognition).",
    zh="备案于{filed}完成，晚于入院（就医）日{admitted}，且不符合补办备案的情形，不予直接结算。",
    en="The filing was completed on {filed}, after admission (or the visit) on {admitted}, and no back-filing "
    "rule applies: not settled directly.",
)
COVERAGE_NOT_FILED_INSTITUTION = decisive(
    "COVERAGE_NOT_FILED_INSTITUTION",
    _A12_1,
    16,
    when="Coverage with a filing that names institutions, none of them the episode's institution.",
    zh="就医机构{code}不是备案的协议机构，费用不予直接结算。",
    en="Institution {code} is not a filed institution: the costs are not settled directly.",
)
COVERAGE_ANY_INSTITUTION_IN_PLACE = decisive(
    "COVERAGE_ANY_INSTITUTION_IN_PLACE",
    _A12_1,
    9,
    when="Coverage with a filing that names no institutions, the institution being in the filed treatment place.",
    reading=True,
    zh="备案未指定协议机构（备案表只载明就医地），备案就医地{place}内的直接结算协议机构均视为备案协议机构。",
    en="The filing names no institution (the forms record only the treatment place): every direct-settlement "
    "institution in the filed treatment place {place} counts as filed.",
)
COVERAGE_OUTSIDE_FILED_PLACE = decisive(
    "COVERAGE_OUTSIDE_FILED_PLACE",
    _A12_1,
    ArticleRef(2, paragraph=3),
    when="Coverage with a filing: the institution's place differs from the filed treatment place (Hunan places by city, other provinces by province).",
    reading=True,
    zh="就医机构位于{actual}，不在备案就医地{filed}（省内按市州比较），不予直接结算。",
    en="The institution is in {actual}, outside the filed treatment place {filed} (compared by city within "
    "Hunan): not settled directly.",
)
COVERAGE_PROVINCE_LEVEL_OUTSIDE_HUNAN = note(
    "COVERAGE_PROVINCE_LEVEL_OUTSIDE_HUNAN",
    ArticleRef(2, paragraph=3),
    AnnexRef(1),
    AnnexRef(2),
    when="Coverage with a filing whose treatment place is another province and equals the institution's province: says the city on the form is not checked here.",
    reading=True,
    zh="省外就医地按省比较：本库只识别外省的省级区划，备案表所填外省市（县、区）是否相符由就医省平台核验。",
    en="Outside Hunan the treatment place is compared by province: this library knows other provinces as whole "
    "provinces, so whether the city written on the form matches is for the treatment province's platform to check.",
)
COVERAGE_SERVICE_NOT_FILED = decisive(
    "COVERAGE_SERVICE_NOT_FILED",
    _A12_1,
    9,
    when="Coverage with a filing whose service differs from the episode's service.",
    zh="备案的服务为{filed}，本次为{actual}，超出备案范围，不予直接结算。",
    en="The filing is for {filed_en}; this episode is {actual_en}, outside the filing: not settled directly.",
)
COVERAGE_WITHIN_VALIDITY = decisive(
    "COVERAGE_WITHIN_VALIDITY",
    _A13_1,
    when="Coverage of care other than cross-province inbound with a filing made on or before admission: "
    "valid_from <= admitted_on <= valid_through.",
    zh="入院（就医）日{admitted}在备案有效期（{start}至{through}）内。",
    en="Admission (or the visit) on {admitted} is within the filing's validity ({start} to {through}).",
)
COVERAGE_STAY_RUNS_PAST_VALIDITY = decisive(
    "COVERAGE_STAY_RUNS_PAST_VALIDITY",
    _A13_2,
    when="Coverage of an INPATIENT stay other than cross-province inbound: admitted_on <= valid_through < "
    "settled_on (article 13(2): the stay is not cut off).",
    zh="备案有效期内已办理住院手续，出院结算（{settled}）晚于有效期末日{through}不受影响，可正常直接结算。",
    en="The admission was made within validity: discharge settlement on {settled}, after the last valid day "
    "{through}, is not limited by the validity period.",
)
COVERAGE_SERVICE_AFTER_VALIDITY = decisive(
    "COVERAGE_SERVICE_AFTER_VALIDITY",
    _A13_1,
    _A13_2,
    when="filing_coverage (and settlement) of an OUTPATIENT or DEVICE_FITTING episode (a device service "
    "always counts as a fitting) admitted on or before the last valid day and settled after it.",
    reading=True,
    zh="{care}不是“备案有效期内已办理住院手续”，不适用第十三条第二款的例外：须在服务当日备案有效（疗程中每次就诊按其当日）；"
    "本次{care}至{settled}结算，晚于备案有效期末日{through}，不能作为一次直接结算。有效期内的就诊（配置）可按其当日分别结算，"
    "本案事实未分次列明，不作拆分。",
    en="A {care_en} is not a hospital admission made within validity, so article 13(2)'s exemption does not apply: "
    "the filing must be valid on the day of the service (each visit of a course on its own day). This "
    "{care_en} runs to its settlement on {settled}, after the last valid day {through}, so it is not settled "
    "directly as one episode. The visits (or fitting) made within validity may be settled on their own days; these "
    "facts do not list them separately, so they are not split here.",
)
COVERAGE_AFTER_VALIDITY = decisive(
    "COVERAGE_AFTER_VALIDITY",
    _A13_1,
    when="Coverage of care other than cross-province inbound with a filing: admitted_on is after "
    "valid_through.",
    zh="入院（就医）日{admitted}晚于备案有效期末日{through}，备案已过期，不予直接结算。",
    en="Admission (or the visit) on {admitted} is after the filing's last valid day {through}: the filing has "
    "expired; not settled directly.",
)
COVERAGE_BEFORE_STATED_VALIDITY = decisive(
    "COVERAGE_BEFORE_STATED_VALIDITY",
    _A13_1,
    when="Coverage of care other than cross-province inbound with a filing made on or before admission: "
    "admitted_on is before valid_from.",
    zh="入院（就医）日{admitted}早于备案表载明的有效期起始日{start}，不予直接结算。",
    en="Admission (or the visit) on {admitted} is before the first valid day stated on the form, {start}: not "
    "settled directly.",
)
COVERAGE_VALIDITY_UNKNOWN = decisive(
    "COVERAGE_VALIDITY_UNKNOWN",
    2,
    _A13_1,
    when="Coverage with a filing that has no validity (insured in another province, none stated), unless the cross-province back-filing rule decided first (outcome SET_BY_INSURED_PROVINCE).",
    reading=True,
    zh="外省参保备案未载明有效期，须通过平台向参保省（{insured}）核验，本规程不计算其有效期。",
    en="The filing from {insured} states no validity: it must be confirmed with that province through the "
    "platform; this procedure does not compute it.",
    authorities=(NATIONAL_NOTICE,),
)
COVERAGE_ENTITLEMENT_LOST = decisive(
    "COVERAGE_ENTITLEMENT_LOST",
    _A13_2,
    when="Coverage with a filing: entitlement_lost_on is given and on or before settled_on (or nothing is settled yet).",
    zh="工伤职工于{lost}丧失享受工伤保险待遇资格，备案失效，不能办理直接结算。",
    en="The worker lost entitlement to work-injury benefits on {lost}: the filing lapsed and the episode cannot "
    "be settled directly.",
)
COVERAGE_ENTITLEMENT_LOST_ON_SETTLEMENT_DAY = decisive(
    "COVERAGE_ENTITLEMENT_LOST_ON_SETTLEMENT_DAY",
    _A13_2,
    when="With COVERAGE_ENTITLEMENT_LOST, when entitlement_lost_on equals settled_on.",
    reading=True,
    zh="丧失待遇资格之日与出院结算同日（{lost}），仅有日期时视为住院过程中失效。",
    en="Entitlement was lost on the day of discharge settlement ({lost}); with dates only, that counts as during "
    "the stay.",
)
COVERAGE_BACK_FILED_EMERGENCY = decisive(
    "COVERAGE_BACK_FILED_EMERGENCY",
    _A12_2,
    when="Coverage of intra-province care back-filed after an emergency or force majeure (no pending recognition), the filing on or before settled_on or nothing settled yet.",
    zh="省内异地就医因{cause}补办备案，于出院结算前（{filed}）完成登记，可直接结算。",
    en="Intra-province care after {cause_en}: the filing was back-filed and completed before discharge "
    "settlement ({filed}); it may be settled directly.",
)
COVERAGE_BACK_FILING_APPROVED = decisive(
    "COVERAGE_BACK_FILING_APPROVED",
    _A12_2,
    _A12_3,
    when="Coverage of intra-province care back-filed (filing dated after admitted_on) after pending recognition, or after an emergency or force majeure with the filing on or before settled_on.",
    reading=True,
    zh="补办备案须经参保地经办机构同意；参保地已于{filed}登记该备案，视为已同意。",
    en="A back-filing needs the insured-place agency's consent; the agency registered this filing on {filed}, "
    "which shows it consented.",
)
COVERAGE_BACK_FILED_SETTLEMENT_DAY = decisive(
    "COVERAGE_BACK_FILED_SETTLEMENT_DAY",
    _A12_2,
    when="With COVERAGE_BACK_FILED_EMERGENCY, when the filing is dated on settled_on.",
    reading=True,
    zh="补办备案与出院结算同日（{filed}），仅有日期时视为出院结算前完成。",
    en="The back-filing and the discharge settlement fall on the same day ({filed}); with dates only, it counts "
    "as completed before settlement.",
)
COVERAGE_BACK_FILING_TOO_LATE = decisive(
    "COVERAGE_BACK_FILING_TOO_LATE",
    _A12_2,
    when="Coverage of intra-province care after an emergency or force majeure (no pending recognition) that is settled with no filing, or whose filing is dated after settled_on (outcome MANUAL_REIMBURSEMENT).",
    zh="省内异地就医因{cause}可补办备案，但未在出院结算（{settled}）前完成登记备案，回参保地按政策规定报销。",
    en="Intra-province care after {cause_en} may be back-filed, but the filing was not completed before "
    "discharge settlement ({settled}): manual reimbursement at the insured place.",
)
COVERAGE_BACK_FILING_STILL_POSSIBLE = decisive(
    "COVERAGE_BACK_FILING_STILL_POSSIBLE",
    _A12_2,
    when="Coverage of intra-province care with no filing, an emergency or force majeure, no pending recognition, and no settled_on yet (outcome BACK_FILING_POSSIBLE).",
    zh="省内异地就医因{cause}尚未备案，尚未出院结算：经参保地经办机构同意可补报备案，在出院结算前完成登记的可直接结算，否则回参保地按政策规定报销。",
    en="Intra-province care after {cause_en}, not filed and not yet settled: with the insured-place agency's "
    "consent a filing may still be made; completed before discharge settlement it settles directly, otherwise "
    "the costs are reimbursed at the insured place.",
)
COVERAGE_BACK_FILED_AFTER_RECOGNITION = decisive(
    "COVERAGE_BACK_FILED_AFTER_RECOGNITION",
    _A12_3,
    when="Coverage of intra-province care with recognition_pending_at_admission whose filing is dated "
    "after admission and after settled_on: the worker paid at discharge (outcome COVERED_WITH_REFUND "
    "unless something fails).",
    reading=True,
    zh="就医时尚未完成工伤认定，工伤职工于出院结算（{settled}）时自行支付；认定后于{filed}补办备案，协议机构按本规程直接结算，"
    "并将基金支付部分退还工伤职工（只退工伤职工已支付的部分）。",
    en="Injury recognition was not complete when care began and the worker paid at discharge settlement "
    "({settled}); after recognition the filing was back-filed on {filed}: the institution settles directly and "
    "refunds the fund's share to the worker (only what the worker paid is refunded).",
)
COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE = decisive(
    "COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE",
    _A12_3,
    when="Intra-province, recognition_pending_at_admission, the filing dated after admission and not "
    "after the settlement date (or no settlement yet): covered by back-filing, nothing refunded.",
    reading=True,
    zh="就医时尚未完成工伤认定，认定和补办备案（{filed}）{when_zh}：出院结算时直接结算基金支付部分，工伤职工未垫付，"
    "无需退费（第十二条第三款的退费只退工伤职工已支付的部分）。",
    en="Injury recognition was not complete when care began; recognition and the back-filing ({filed}) {when_en}: "
    "the fund's share is settled directly at discharge, the worker advanced nothing, and there is nothing to "
    "refund (article 12(3) refunds only what the worker paid).",
)
COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE = decisive(
    "COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE",
    _A12_3,
    when="Coverage of intra-province care with no filing and recognition_pending_at_admission (outcome BACK_FILING_POSSIBLE).",
    zh="就医时尚未完成工伤认定：完成认定后，经参保地经办机构同意可补报备案，协议机构可按本规程直接结算；"
    "工伤职工已支付的，将基金支付部分退还工伤职工。",
    en="Injury recognition was not complete when care began: once it is, with the insured-place agency's consent "
    "a filing may be made and the institution may settle directly; what the worker has already paid of the "
    "fund's share is refunded to the worker.",
)
COVERAGE_NATIONAL_PROCEDURE_FILING = decisive(
    "COVERAGE_NATIONAL_PROCEDURE_FILING",
    _A12_2,
    _A12_3,
    36,
    when="Coverage of cross-province care that is back-filed (filed after admission; inbound always; outbound with an emergency, force majeure or pending recognition) or not filed with such a cause.",
    reading=True,
    zh="{what}：本规程的补办备案规定只适用于省内异地就医{inbound_zh}，跨省情形按国家经办规程办理。",
    en="{what_en}: this procedure's back-filing rules apply to intra-province care only{inbound_en}; the national "
    "procedure governs the cross-province case.",
    authorities=(NATIONAL_NOTICE,),
)


# An inbound filing (insured in another province) was approved by that province under the national rules: its
# dates are cited to that approval and the national notice, not to Hunan's articles 12 ¶1 and 13 ¶1.
_A2 = ArticleRef(2)
COVERAGE_INBOUND_FILED_BEFORE_ADMISSION = decisive(
    "COVERAGE_INBOUND_FILED_BEFORE_ADMISSION",
    _A2,
    when="filing_coverage of a cross-province inbound episode whose filing is dated before admitted_on.",
    zh="参保省（{insured}）按国家规定于{filed}办理的备案早于入院（就医）日{admitted}。",
    en="The filing approved by the insured province ({insured}) under the national rules on {filed} precedes "
    "admission (or the visit) on {admitted}.",
    authorities=(NATIONAL_NOTICE,),
)
COVERAGE_INBOUND_FILED_ON_ADMISSION_DAY = decisive(
    "COVERAGE_INBOUND_FILED_ON_ADMISSION_DAY",
    _A2,
    when="filing_coverage of a cross-province inbound episode whose filing is dated on admitted_on.",
    reading=True,
    zh="参保省（{insured}）按国家规定办理的备案与入院（就医）同日（{filed}），仅有日期时视为入院前完成。",
    en="The filing approved by the insured province ({insured}) and the admission (or visit) fall on the same "
    "day ({filed}); with dates only, it counts as completed before admission.",
    authorities=(NATIONAL_NOTICE,),
)
COVERAGE_INBOUND_WITHIN_VALIDITY = decisive(
    "COVERAGE_INBOUND_WITHIN_VALIDITY",
    _A2,
    when="filing_coverage of a cross-province inbound episode admitted within the stated validity dates.",
    zh="入院（就医）日{admitted}在参保省（{insured}）核准的备案有效期（{start}至{through}）内。",
    en="Admission (or the visit) on {admitted} is within the validity the insured province ({insured}) approved "
    "({start} to {through}).",
    authorities=(NATIONAL_NOTICE,),
)
COVERAGE_INBOUND_AFTER_VALIDITY = decisive(
    "COVERAGE_INBOUND_AFTER_VALIDITY",
    _A2,
    when="filing_coverage of a cross-province inbound episode admitted after stated_valid_through.",
    zh="入院（就医）日{admitted}晚于参保省（{insured}）核准的备案有效期末日{through}，不予直接结算。",
    en="Admission (or the visit) on {admitted} is after the last valid day the insured province ({insured}) "
    "approved, {through}: not settled directly.",
    authorities=(NATIONAL_NOTICE,),
)
COVERAGE_INBOUND_BEFORE_VALIDITY = decisive(
    "COVERAGE_INBOUND_BEFORE_VALIDITY",
    _A2,
    when="filing_coverage of a cross-province inbound episode (not back-filed) admitted before "
    "stated_valid_from.",
    zh="入院（就医）日{admitted}早于参保省（{insured}）核准的备案有效期起始日{start}，不予直接结算。",
    en="Admission (or the visit) on {admitted} is before the first valid day the insured province ({insured}) "
    "approved, {start}: not settled directly.",
    authorities=(NATIONAL_NOTICE,),
)
COVERAGE_INBOUND_STAY_RUNS_PAST_VALIDITY = decisive(
    "COVERAGE_INBOUND_STAY_RUNS_PAST_VALIDITY",
    _A2,
    _A13_2,
    when="filing_coverage of a cross-province inbound INPATIENT stay admitted on or before "
    "stated_valid_through and settled after it.",
    reading=True,
    zh="在参保省（{insured}）核准的有效期内已办理住院手续，出院结算（{settled}）晚于有效期末日{through}：本库比照第十三条第二款"
    "认为不受有效期限制，以参保省按国家规定的确认为准。",
    en="The admission was made within the validity the insured province ({insured}) approved; discharge "
    "settlement on {settled} is after its last day {through}: by analogy with article 13(2) this library reads "
    "the stay as not limited by the validity, subject to the insured province's confirmation under the "
    "national rules.",
    authorities=(NATIONAL_NOTICE,),
)


COVERAGE_JUDGED_ON_SETTLEMENT_DATE = note(
    "COVERAGE_JUDGED_ON_SETTLEMENT_DATE",
    18,
    36,
    when="filing_coverage of an out-of-area episode when this procedure is not in force on its settlement "
    "date (settled_on, or admitted_on without it), beside the in_force reasons.",
    reading=True,
    zh="直接结算在出院结算（门诊、配置结算）时办理，本规程是否适用以结算日{on}判断，与结算决定相同。",
    en="Direct settlement happens at discharge (or at the visit or fitting), so whether this procedure applies is "
    "judged on the settlement date, {on}, as the settlement decision judges it.",
)


COVERAGE_NO_BACK_FILING_FOR_FITTING = decisive(
    "COVERAGE_NO_BACK_FILING_FOR_FITTING",
    ArticleRef(12, paragraph=2),
    ArticleRef(12, paragraph=3),
    19,
    when="filing_coverage of an intra-province device fitting filed after the fitting began (or not filed) with "
    "an emergency, force majeure or pending recognition: the back-filing routes of art. 12(2), (3) do not apply.",
    reading=True,
    zh="第十二条第二款（急诊抢救、不可抗力）和第三款（就医时尚未完成工伤认定）的补办备案是就医（康复）的规定；辅助器具配置须已完成"
    "辅助器具配置确认并在配置时核对备案信息（第四条、第十九条），不适用补办备案。",
    en="The back-filings of art. 12(2) (an emergency, force majeure) and 12(3) (injury recognition pending when "
    "care began) are rules for medical care and rehabilitation; a device fitting needs its device confirmation and "
    "a filing checked at the fitting (arts. 4, 19), so no back-filing applies to it.",
)
COVERAGE_BACK_FILING_OUTPATIENT = decisive(
    "COVERAGE_BACK_FILING_OUTPATIENT",
    ArticleRef(12, paragraph=2),
    ArticleRef(12, paragraph=3),
    when="filing_coverage of an intra-province OUTPATIENT episode that takes a back-filing route of art. 12(2) or "
    "(3) (covered, possible, or too late).",
    reading=True,
    zh="第十二条第二款、第三款以“出院结算”为界；对门诊就医（康复），读作该次门诊（疗程）的结算。",
    en="Art. 12(2) and (3) are timed by discharge settlement (出院结算); for outpatient care this library reads it "
    "as the settlement of the visit (or course).",
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
    any_cause = back_filing_cause or facts.recognition_pending_at_admission
    if scope.cross_province and any_cause:
        return _national(
            facts, f"跨省异地就医{cause}，尚未备案", f"Cross-province care after {cause_en}, not filed"
        )
    care = facts.care_type
    if care is CareType.DEVICE_FITTING and any_cause:
        # The back-filing routes of article 12 ¶2 and ¶3 are for medical care [interpretation].
        return CoverageRuling(
            outcome=Coverage.NOT_COVERED,
            reasons=(COVERAGE_NO_FILING.make(), COVERAGE_NO_BACK_FILING_FOR_FITTING.make()),
        )
    outpatient = (
        (COVERAGE_BACK_FILING_OUTPATIENT.make(),) if care is CareType.OUTPATIENT and any_cause else ()
    )
    if scope is Scope.INTRA_PROVINCE and facts.recognition_pending_at_admission:
        return CoverageRuling(
            outcome=Coverage.BACK_FILING_POSSIBLE,
            reasons=(COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE.make(), *outpatient),
        )
    if scope is Scope.INTRA_PROVINCE and back_filing_cause:
        if facts.settled_on is None:
            return CoverageRuling(
                outcome=Coverage.BACK_FILING_POSSIBLE,
                reasons=(
                    COVERAGE_BACK_FILING_STILL_POSSIBLE.make(cause=cause, cause_en=cause_en),
                    *outpatient,
                ),
            )
        return CoverageRuling(
            outcome=Coverage.MANUAL_REIMBURSEMENT,
            reasons=(
                COVERAGE_BACK_FILING_TOO_LATE.make(
                    cause=cause, cause_en=cause_en, settled=facts.settled_on.isoformat()
                ),
                *outpatient,
            ),
        )
    return CoverageRuling(outcome=Coverage.NOT_COVERED, reasons=(COVERAGE_NO_FILING.make(),))


@picks_version(
    FILING_DATE, lambda facts, *_a, **_k: facts.filing.filed_on if facts.filing else facts.admitted_on
)
def filing_covers(facts: CoverageFacts, *, parameters: ParametersLike = DEFAULT_SCHEDULE) -> CoverageRuling:
    """Whether the filing covers the episode (articles 12 and 13), every failing condition listed.

    The filing's validity is read with the parameters version in force on its filing date
    (:func:`filing_validity`).

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
      ``NOT_GOVERNED``, ``SET_BY_INSURED_PROVINCE``, ``NOT_IN_FORCE``, ``VALIDITY_NOT_STATED``
    * reason codes: ``COVERAGE_AFTER_VALIDITY``, ``COVERAGE_ANY_INSTITUTION_IN_PLACE``,
      ``COVERAGE_BACK_FILED_AFTER_RECOGNITION``, ``COVERAGE_BACK_FILED_EMERGENCY``,
      ``COVERAGE_BACK_FILED_SETTLEMENT_DAY``, ``COVERAGE_BACK_FILING_APPROVED``,
      ``COVERAGE_BACK_FILING_OUTPATIENT``, ``COVERAGE_BACK_FILING_STILL_POSSIBLE``,
      ``COVERAGE_BACK_FILING_TOO_LATE``, ``COVERAGE_BEFORE_STATED_VALIDITY``, ``COVERAGE_ENTITLEMENT_LOST``,
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
      ``COVERAGE_WITHIN_VALIDITY``, ``FILING_AFTER_PROCEDURE``, ``FILING_BEFORE_PROCEDURE``,
      ``FILING_RUNS_PAST_PROCEDURE_END``, ``FILING_UNDER_NATIONAL_PROCEDURE``,
      ``FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE``, ``FILING_VALIDITY_BY_INSURED_PROVINCE``,
      ``FILING_VALIDITY_COMPUTED``, ``FILING_VALIDITY_DIFFERS_FROM_RULE``, ``FILING_VALIDITY_STATED``,
      ``IN_FORCE_BEFORE_NATIONAL_SCHEME``, ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``,
      ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``, ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``,
      ``IN_FORCE_WITHIN_PERIOD``, ``PARAMETERS_VERSION_USED``, ``SCOPE_CROSS_PROVINCE_INBOUND``,
      ``SCOPE_CROSS_PROVINCE_OUTBOUND``, ``SCOPE_INTRA_PROVINCE``, ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``,
      ``SCOPE_PROVINCIAL_RECOGNITION`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 9, art. 12, art. 13, art. 16, art. 18, art. 19, art. 36, annex 1, annex 2
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
    # Article 36, judged on the settlement date as the settlement decision judges it [interpretation].
    on = facts.settled_on or facts.admitted_on
    force = in_force(on, scope, parameters=parameters)
    if force.outcome is not InForce.IN_FORCE:
        outcome = (
            Coverage.NATIONAL_PROCEDURE
            if force.outcome is InForce.NATIONAL_PROCEDURE
            else Coverage.NOT_IN_FORCE
        )
        return CoverageRuling(
            outcome=outcome,
            reasons=(COVERAGE_JUDGED_ON_SETTLEMENT_DATE.make(on=on.isoformat()), *force.reasons),
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
                actual=facts.institution_place.as_treatment_place.name,
                filed=filing.treatment.as_treatment_place.name,
            )
        )
    elif filing.treatment.kind is PlaceKind.OTHER_PROVINCE:
        passes.append(COVERAGE_PROVINCE_LEVEL_OUTSIDE_HUNAN.make())
    if filing.institution_codes is None:
        if in_place:
            passes.append(
                COVERAGE_ANY_INSTITUTION_IN_PLACE.make(place=filing.treatment.as_treatment_place.name)
            )
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

    # When (article 12; for an inbound filing, the insured province's approval under the national rules). The
    # back-filing routes of article 12 ¶2 and ¶3 are for medical care, not a device fitting [interpretation].
    inbound = scope is Scope.CROSS_PROVINCE_INBOUND
    care = facts.care_type
    routes = care is not CareType.DEVICE_FITTING
    cause = facts.emergency_marked or facts.force_majeure or facts.recognition_pending_at_admission
    if back_filed and scope is Scope.INTRA_PROVINCE and cause:
        if not routes:
            failures.append(COVERAGE_NO_BACK_FILING_FOR_FITTING.make())
        elif care is CareType.OUTPATIENT:
            passes.append(COVERAGE_BACK_FILING_OUTPATIENT.make())
    province = {"insured": filing.insured.name} if inbound else {}
    if not back_filed:
        if filing.filed_on < facts.admitted_on:
            template = COVERAGE_INBOUND_FILED_BEFORE_ADMISSION if inbound else COVERAGE_FILED_BEFORE_ADMISSION
            passes.append(template.make(filed=filed, admitted=admitted, **province))
        else:
            template = COVERAGE_INBOUND_FILED_ON_ADMISSION_DAY if inbound else COVERAGE_FILED_ON_ADMISSION_DAY
            passes.append(template.make(filed=filed, **province))
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
    elif scope is Scope.INTRA_PROVINCE and routes and facts.recognition_pending_at_admission:
        # Article 12 ¶3 refunds what the worker paid [interpretation, product owner]: the dates show whether the
        # worker paid at discharge (back-filed after it) or the fund's share was settled directly (before it).
        passes.append(COVERAGE_BACK_FILING_APPROVED.make(filed=filed))
        if facts.settled_on is not None and filing.filed_on > facts.settled_on:
            passes.append(
                COVERAGE_BACK_FILED_AFTER_RECOGNITION.make(filed=filed, settled=facts.settled_on.isoformat())
            )
            refund = True
        else:
            if facts.settled_on is None:
                when = (
                    "在出院结算前完成（尚未出院结算）",
                    "are complete before discharge settlement (not yet settled)",
                )
            elif facts.settled_on == filing.filed_on:
                when = (
                    "与出院结算同日完成，仅有日期时视为出院结算前完成",
                    "fall on the day of discharge settlement, which with dates only counts as before it",
                )
            else:
                when = (
                    f"在出院结算（{facts.settled_on.isoformat()}）前完成",
                    f"were complete before discharge settlement ({facts.settled_on.isoformat()})",
                )
            passes.append(
                COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE.make(filed=filed, when_zh=when[0], when_en=when[1])
            )
    elif scope is Scope.INTRA_PROVINCE and routes and (facts.emergency_marked or facts.force_majeure):
        cause_zh, cause_en = _cause(facts)
        if facts.settled_on is not None and filing.filed_on > facts.settled_on:
            manual.append(
                COVERAGE_BACK_FILING_TOO_LATE.make(
                    cause=cause_zh, cause_en=cause_en, settled=facts.settled_on.isoformat()
                )
            )
        else:
            passes += [
                COVERAGE_BACK_FILING_APPROVED.make(filed=filed),
                COVERAGE_BACK_FILED_EMERGENCY.make(cause=cause_zh, cause_en=cause_en, filed=filed),
            ]
            if facts.settled_on == filing.filed_on:
                passes.append(COVERAGE_BACK_FILED_SETTLEMENT_DAY.make(filed=filed))
    else:
        failures.append(COVERAGE_FILED_AFTER_ADMISSION.make(filed=filed, admitted=admitted))

    # Validity (article 13). A back-filed episode began before the filing: the back-filing rule above carries it.
    # A filing made while this procedure was not in force gets no validity from article 13 (article 36).
    validity = filing_validity(filing, parameters=parameters)
    outside = _outside_procedure(filing, resolve_parameters(parameters, filing.filed_on))
    outside_reasons = outside.reasons if outside is not None else ()
    if validity.outcome in (Validity.NOT_IN_FORCE, Validity.EXPIRED):
        # What passed above (a back-filing route, the timing) cannot make such a filing cover anything.
        return CoverageRuling(outcome=Coverage.NOT_COVERED, reasons=(*failures, *outside_reasons))
    start, through = validity.valid_from, validity.valid_through
    if start is None or through is None:
        if validity.outcome is Validity.NATIONAL_PROCEDURE:
            # The national procedure's validity governs, and the filing does not state it: only the insured place
            # can say; this procedure still governs the settlement itself.
            outcome = Coverage.NOT_COVERED if failures else Coverage.VALIDITY_NOT_STATED
            return CoverageRuling(outcome=outcome, reasons=(*failures, *outside_reasons, *passes))
        return CoverageRuling(
            outcome=Coverage.SET_BY_INSURED_PROVINCE,
            reasons=(*failures, COVERAGE_VALIDITY_UNKNOWN.make(insured=filing.insured.name), *passes),
        )
    if validity.outcome is Validity.NATIONAL_PROCEDURE:
        passes.extend(outside_reasons)
    period = {"start": start.isoformat(), "through": through.isoformat(), **province}
    if facts.admitted_on > through:
        template = COVERAGE_INBOUND_AFTER_VALIDITY if inbound else COVERAGE_AFTER_VALIDITY
        failures.append(template.make(admitted=admitted, **period))
    elif facts.admitted_on < start and not back_filed:
        template = COVERAGE_INBOUND_BEFORE_VALIDITY if inbound else COVERAGE_BEFORE_STATED_VALIDITY
        failures.append(template.make(admitted=admitted, **period))
    elif not back_filed:
        template = COVERAGE_INBOUND_WITHIN_VALIDITY if inbound else COVERAGE_WITHIN_VALIDITY
        passes.append(template.make(admitted=admitted, **period))
    if facts.settled_on is not None and facts.settled_on > through and facts.admitted_on <= through:
        care = facts.care_type
        settled = {"settled": facts.settled_on.isoformat(), **period}
        if care is not CareType.INPATIENT:
            # Article 13 ¶2's exemption is for an inpatient admission only.
            failures.append(COVERAGE_SERVICE_AFTER_VALIDITY.make(care=care.zh, care_en=care.en, **settled))
        elif inbound:
            passes.append(COVERAGE_INBOUND_STAY_RUNS_PAST_VALIDITY.make(**settled))
        else:
            passes.append(COVERAGE_STAY_RUNS_PAST_VALIDITY.make(**settled))
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
