"""The approved filing and its validity: articles 13 ¶1 and 36 of chapter 2 (with 2 and 3).

A :class:`Filing` is a filing as the insured-place agency approved it (备案). Its validity (article 13 ¶1,
:func:`filing_validity`, :func:`filing_valid_through`): a referral 3 months, long-term residence or resident work 6
months, from the filing date, counted with the period rules of :mod:`gongshang_rules.kernel.periods`; validity dates
stated on the approved form govern where present; a filing made in another province (cross-province inbound) has
the validity that province approved, never Hunan's; a filing made on a day this procedure was not in force gets no
validity from article 13 (article 36).

What a filing is checked against elsewhere: changes and cancellation (articles 11 and 13 ¶1) in
:mod:`~gongshang_rules.rules.filing_changes`; whether it covers an admission, visit or fitting (articles 12 and 13
¶2) in :mod:`~gongshang_rules.rules.coverage`.

>>> import datetime as dt
>>> from gongshang_rules import PersonCategory
>>> filing_valid_through(dt.date(2025, 8, 31), PersonCategory.LONG_TERM_RESIDENCE)
datetime.date(2026, 2, 28)
>>> filing_valid_through(dt.date(2025, 11, 30), PersonCategory.REFERRAL)
datetime.date(2026, 2, 28)
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

import attrs

from ..kernel._validate import (
    check_date,
    is_date,
    is_instance,
    is_member,
    is_optional_date,
    pure_cache,
    type_name,
)
from ..kernel.articles import ArticleRef
from ..kernel.authorities import CIVIL_CODE_PERIODS, NATIONAL_NOTICE, NATIONAL_PROCEDURE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    FILING_DATE,
    Parameters,
    ParametersLike,
    picks_version,
    resolve_parameters,
)
from ..kernel.periods import add_months
from ..kernel.places import Place, is_treatment_place
from ..kernel.ruling import LabelledEnum, Ruling, decisive, note
from ..kernel.terms import PersonCategory, ServiceKind
from .devices import Device
from .scope import classify_scope

__all__ = [
    "Filing",
    "Validity",
    "ValidityRuling",
    "filing_valid_through",
    "filing_validity",
]

if not TYPE_CHECKING:  # what moved out of this module (issue 9) is still found here, with a warning
    from .._moved import split_out

    __getattr__ = split_out(__name__, "filing_changes", "coverage_facts", "coverage", "back_filing")


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


def outside_procedure(filing: Filing, parameters: Parameters) -> ValidityRuling | None:
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


@pure_cache  # a date of two years, three categories and a schedule: a few thousand keys in a long run
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
    outside = outside_procedure(filing, p)
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
