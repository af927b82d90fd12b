"""Who may apply for out-of-area direct settlement: article 4 (with articles 2, 3, 9 and 36).

Two conditions, both required: a completed basis that fits the service [interpretation], and a person category
whose own conditions are met (6 months away for long-term residence or resident work, counted with the period rules
of :mod:`gongshang_rules.kernel.periods`; for a referral, the insured place's inability to treat, its requirements, and
the designated institution's opinion). Every unmet condition is listed, not only the first.

>>> import datetime as dt
>>> from gongshang_rules import place
>>> facts = EligibilityFacts(
...     insured=place("650000"), treatment=place("430100"), service=ServiceKind.MEDICAL,
...     bases=frozenset({Basis.INJURY_RECOGNITION}), category=PersonCategory.RESIDENT_WORK,
...     applied_on=dt.date(2025, 8, 20), away_since=dt.date(2023, 3, 1),
...     meets_insured_place_requirements=True,
... )
>>> decide_eligibility(facts).outcome.name
'ELIGIBLE'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ..kernel._validate import (
    is_bool,
    is_date,
    is_frozenset_of,
    is_instance,
    is_member,
    is_optional_bool,
    is_optional_date,
)
from ..kernel.articles import ArticleRef
from ..kernel.authorities import CIVIL_CODE_PERIODS, NATIONAL_NOTICE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    APPLICATION_DATE,
    DEFAULT_SCHEDULE,
    Parameters,
    ParametersLike,
    picks_version,
    resolve_parameters,
)
from ..kernel.periods import add_months, months_reached
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Reason, ReasonTemplate, Ruling, decisive, note
from ..kernel.terms import Basis, PersonCategory, ServiceKind
from .commencement import InForce, in_force
from .scope import Scope, classify_scope

__all__ = [
    "BASES_FOR_SERVICE",
    "Eligibility",
    "EligibilityFacts",
    "EligibilityRuling",
    "decide_eligibility",
]


class Eligibility(LabelledEnum):
    """The outcome of an eligibility decision."""

    ELIGIBLE = ("可以申请异地就医直接结算备案", "may apply for out-of-area direct settlement")
    NOT_ELIGIBLE = ("不符合申请条件", "does not meet the conditions")
    NATIONAL_RULES_DECIDE = (
        "其余条件均符合，所持依据是否适用由国家规定确定",
        "every other condition is met; whether the basis held counts is for the national rules to decide",
    )
    NO_FILING_NEEDED = ("不纳入异地就医管理，无需备案", "not out-of-area care; no filing is needed")
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")
    NOT_IN_FORCE = ("本规程不在有效期内", "this procedure is not in force on that date")


#: Which completed bases fit each service [interpretation, SPEC.md "Eligibility"].
BASES_FOR_SERVICE: Mapping[ServiceKind, frozenset[Basis]] = MappingProxyType(
    {
        ServiceKind.MEDICAL: frozenset(
            {Basis.INJURY_RECOGNITION, Basis.RECURRENCE_CONFIRMATION, Basis.CONTINUED_TREATMENT}
        ),
        ServiceKind.REHABILITATION: frozenset({Basis.REHABILITATION_CONFIRMATION}),
        ServiceKind.ASSISTIVE_DEVICE: frozenset({Basis.DEVICE_CONFIRMATION}),
    }
)

#: The bases the national notice lists for cross-province care: Hunan's list without continued treatment.
NATIONAL_BASES = frozenset(Basis) - {Basis.CONTINUED_TREATMENT}


@attrs.frozen(kw_only=True)
class EligibilityFacts:
    """The facts an agency has when a worker asks to file.

    ``away_since`` (the day the worker began living or working outside the insured place) is required for
    long-term residence and resident work, and forbidden for a referral; ``insured_place_cannot_treat`` and
    ``has_referral_opinion`` are required for a referral and forbidden otherwise.
    ``meets_insured_place_requirements`` is the insured place's own requirements for the category (article 4:
    the library cannot know another place's rules, so the caller says).

    For cross-province care the national rule measures the six months outside the insured *province*
    (在参保省外居住(工作)半年(含)及以上; article 36: 国家有规定的，从其规定) [interpretation, product owner]:
    ``away_from_insured_province_since`` (optional, cross-province long-term categories only) is the day the
    worker began living or working outside the insured province; without it, ``away_since`` is taken as that day,
    which is what every cross-province case written before the fact existed meant.
    """

    insured: Place = attrs.field(validator=is_instance(Place))
    treatment: Place = attrs.field(validator=is_instance(Place))
    service: ServiceKind = attrs.field(validator=is_member(ServiceKind))
    bases: frozenset[Basis] = attrs.field(validator=is_frozenset_of(Basis))
    category: PersonCategory = attrs.field(validator=is_member(PersonCategory))
    applied_on: _dt.date = attrs.field(validator=is_date)
    meets_insured_place_requirements: bool = attrs.field(validator=is_bool)
    away_since: _dt.date | None = attrs.field(default=None, validator=is_optional_date)
    insured_place_cannot_treat: bool | None = attrs.field(default=None, validator=is_optional_bool)
    has_referral_opinion: bool | None = attrs.field(default=None, validator=is_optional_bool)
    away_from_insured_province_since: _dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        province_since = self.away_from_insured_province_since
        if province_since is not None:
            if not self.category.long_term:
                raise InvalidInputError(
                    "away_from_insured_province_since",
                    "applies to LONG_TERM_RESIDENCE and RESIDENT_WORK only",
                )
            if not classify_scope(self.insured, self.treatment).outcome.cross_province:
                raise InvalidInputError(
                    "away_from_insured_province_since", "applies to cross-province care only"
                )
            if province_since > self.applied_on:
                raise InvalidInputError("away_from_insured_province_since", "must not be after applied_on")
            if self.away_since is not None and province_since < self.away_since:
                raise InvalidInputError(
                    "away_from_insured_province_since",
                    "must not be before away_since: leaving the insured province is leaving the insured place",
                )
        if self.category.long_term:
            if self.away_since is None:
                raise InvalidInputError("away_since", f"is required for {self.category.name}")
            if self.away_since > self.applied_on:
                raise InvalidInputError("away_since", "must not be after applied_on")
            for name in ("insured_place_cannot_treat", "has_referral_opinion"):
                if getattr(self, name) is not None:
                    raise InvalidInputError(name, f"applies to REFERRAL only, not {self.category.name}")
        else:
            if self.away_since is not None:
                raise InvalidInputError("away_since", "applies to LONG_TERM_RESIDENCE and RESIDENT_WORK only")
            for name in ("insured_place_cannot_treat", "has_referral_opinion"):
                if getattr(self, name) is None:
                    raise InvalidInputError(name, "is required for REFERRAL")


@attrs.frozen(kw_only=True)
class EligibilityRuling(Ruling[Eligibility]):
    """An eligibility decision. ``unmet`` holds the codes of the conditions not met (empty when eligible)."""

    unmet: tuple[str, ...] = attrs.field(default=())


_A4 = ArticleRef(4)
_A4_1 = ArticleRef(4, item=1)
_A4_2 = ArticleRef(4, item=2)

ELIGIBILITY_NOT_OUT_OF_AREA = decisive(
    "ELIGIBILITY_NOT_OUT_OF_AREA",
    3,
    when="Eligibility or submission, on a day in force: the scope is LOCAL or PROVINCIAL_RECOGNITION (outcome NO_FILING_NEEDED).",
    zh="该情形不纳入异地就医直接结算管理，无需办理异地就医备案。",
    en="This care is not out-of-area under article 3: no out-of-area filing is needed.",
)
BASIS_FITS_SERVICE = decisive(
    "BASIS_FITS_SERVICE",
    _A4,
    when="Eligibility in scope: the worker holds a completed basis that fits the service (cross-province: one on the national list as well).",
    reading=True,
    zh="已完成的{basis}与所申请的{service}相符。",
    en="The completed {basis_en} fits the service applied for ({service_en}).",
)
BASIS_MISSING_FOR_SERVICE = decisive(
    "BASIS_MISSING_FOR_SERVICE",
    _A4,
    when="Eligibility in scope: none of the bases that fit the service is among the worker's bases.",
    reading=True,
    zh="申请{service}须已完成{needed}之一，未见相应确认。",
    en="{service_en} needs one of these completed: {needed_en}; none is.",
)
BASIS_NOT_IN_NATIONAL_LIST = decisive(
    "BASIS_NOT_IN_NATIONAL_LIST",
    _A4,
    36,
    when="Eligibility, cross-province scope: the only fitting basis held is continued treatment of the original injury, which the national list lacks (outcome NATIONAL_RULES_DECIDE if nothing else fails).",
    reading=True,
    zh="“原工伤部位继续治疗”是本省增列的依据，国家跨省异地就医直接结算规定所列依据中没有；跨省异地就医国家有规定的从其规定，该依据能否申请跨省直接结算由国家规定确定，本规程不作判断。",
    en="'Continued treatment of the original injury' is Hunan's own basis and is not among the bases the national "
    "rules for cross-province care list; national rules prevail there, so whether it suffices is for the national "
    "rules to decide, not this procedure.",
    authorities=(NATIONAL_NOTICE,),
)
AWAY_SIX_MONTHS_MET = decisive(
    "AWAY_SIX_MONTHS_MET",
    _A4_1,
    when="Eligibility of a long-term residence or resident-work worker for intra-province care: "
    "add_months(away_since, 6) is on or before applied_on.",
    reading=True,
    zh="自{since}起在参保地外{what}，至申请日{on}已满{months}个月（满期日为{reached}）。",
    en="{what_en} outside the insured place since {since}: {months} months reached on {reached}, by the "
    "application date {on}.",
    authorities=(CIVIL_CODE_PERIODS,),
)
AWAY_LESS_THAN_SIX_MONTHS = decisive(
    "AWAY_LESS_THAN_SIX_MONTHS",
    _A4_1,
    when="Eligibility of a long-term residence or resident-work worker for intra-province care: "
    "add_months(away_since, 6) is after applied_on.",
    reading=True,
    zh="自{since}起在参保地外{what}，至申请日{on}未满{months}个月，{reached}方满。",
    en="{what_en} outside the insured place since {since}: {months} months are not reached by the application "
    "date {on}, only on {reached}.",
    authorities=(CIVIL_CODE_PERIODS,),
)
AWAY_OUTSIDE_PROVINCE_MET = decisive(
    "AWAY_OUTSIDE_PROVINCE_MET",
    _A4_1,
    36,
    when="Eligibility of a long-term category for a cross-province pair: residence_months_required (6) "
    "months from away_from_insured_province_since (away_since when absent) are reached by "
    "applied_on.",
    reading=True,
    zh="跨省异地就医按国家规定以在参保省外{what}计算（在参保省外居住(工作)半年(含)及以上，国家有规定的从其规定）："
    "自{since}起在参保省外{what}，至申请日{on}已满{months}个月（满期日为{reached}）。",
    en="For cross-province care the national rule measures the time outside the insured province (half a year or "
    "more; national rules prevail): {what_en} outside the insured province since {since}: {months} months "
    "reached on {reached}, by the application date {on}.",
    authorities=(NATIONAL_NOTICE, CIVIL_CODE_PERIODS),
)
AWAY_OUTSIDE_PROVINCE_LESS_THAN_SIX_MONTHS = decisive(
    "AWAY_OUTSIDE_PROVINCE_LESS_THAN_SIX_MONTHS",
    _A4_1,
    36,
    when="Eligibility of a long-term category for a cross-province pair: residence_months_required (6) "
    "months from away_from_insured_province_since (away_since when absent) are not reached by "
    "applied_on.",
    reading=True,
    zh="跨省异地就医按国家规定以在参保省外{what}计算（在参保省外居住(工作)半年(含)及以上，国家有规定的从其规定）："
    "自{since}起在参保省外{what}，至申请日{on}未满{months}个月，{reached}方满。",
    en="For cross-province care the national rule measures the time outside the insured province (half a year or "
    "more; national rules prevail): {what_en} outside the insured province since {since}: {months} months are "
    "not reached by the application date {on}, only on {reached}.",
    authorities=(NATIONAL_NOTICE, CIVIL_CODE_PERIODS),
)
INSURED_PLACE_REQUIREMENTS_MET = decisive(
    "INSURED_PLACE_REQUIREMENTS_MET",
    _A4,
    when="Eligibility in scope: meets_insured_place_requirements is true.",
    zh="符合参保地{what}要求（由经办机构依参保地规定认定）。",
    en="Meets the insured place's requirements for {what_en} (as the agency found under that place's rules).",
)
INSURED_PLACE_REQUIREMENTS_NOT_MET = decisive(
    "INSURED_PLACE_REQUIREMENTS_NOT_MET",
    _A4,
    when="Eligibility in scope: meets_insured_place_requirements is false.",
    zh="不符合参保地{what}要求。",
    en="Does not meet the insured place's requirements for {what_en}.",
)
REFERRAL_NEEDED = decisive(
    "REFERRAL_NEEDED",
    _A4_2,
    when="Eligibility of a REFERRAL worker in scope: insured_place_cannot_treat is true.",
    zh="参保地医疗技术和设备不能诊治或配置，需要转诊转院。",
    en="The insured place's technique and equipment cannot treat or fit: a referral is needed.",
)
REFERRAL_NOT_NEEDED = decisive(
    "REFERRAL_NOT_NEEDED",
    _A4_2,
    when="Eligibility of a REFERRAL worker in scope: insured_place_cannot_treat is false.",
    zh="参保地能够诊治或配置，不属异地转诊转院情形。",
    en="The insured place can treat or fit: this is not a case for referral.",
)
REFERRAL_OPINION_PRESENT = decisive(
    "REFERRAL_OPINION_PRESENT",
    _A4_2,
    ArticleRef(9, paragraph=1, item=1),
    when="Eligibility of a REFERRAL worker in scope: has_referral_opinion is true.",
    zh="已有参保地规定的协议机构出具的转诊转院意见。",
    en="The referral opinion of an institution designated by the insured place is present.",
)
REFERRAL_OPINION_MISSING = decisive(
    "REFERRAL_OPINION_MISSING",
    _A4_2,
    ArticleRef(9, paragraph=1, item=1),
    when="Eligibility of a REFERRAL worker in scope: has_referral_opinion is false.",
    zh="缺少参保地规定的协议机构出具的转诊转院意见。",
    en="The referral opinion of an institution designated by the insured place is missing.",
)
INBOUND_FILED_WITH_INSURED_PROVINCE = note(
    "INBOUND_FILED_WITH_INSURED_PROVINCE",
    2,
    8,
    when="Eligibility in force with scope CROSS_PROVINCE_INBOUND, whatever the outcome: says the insured province's agency decides the filing.",
    reading=True,
    zh="外省参保工伤职工向参保省经办机构备案，由参保省按国家规定审核；此处按第四条（与国家规定相同的条件）判断。",
    en="A worker insured in another province files with that province's agency, which decides under the "
    "national rules; this ruling applies article 4's conditions, which the national rules share.",
    authorities=(NATIONAL_NOTICE,),
)

_WHAT = {
    PersonCategory.LONG_TERM_RESIDENCE: ("居住", "Living"),
    PersonCategory.RESIDENT_WORK: ("工作", "Working"),
}
_REQUIREMENT = {
    PersonCategory.REFERRAL: ("转诊转院", "referral"),
    PersonCategory.LONG_TERM_RESIDENCE: ("异地就医（康复）、辅助器具配置", "out-of-area care by residents"),
    PersonCategory.RESIDENT_WORK: ("异地就医（康复）、辅助器具配置", "out-of-area care by resident workers"),
}


def _basis_reasons(facts: EligibilityFacts, scope: Scope) -> tuple[list[Reason], list[str]]:
    fitting = BASES_FOR_SERVICE[facts.service]
    held = facts.bases & fitting
    service = {"service": facts.service.zh, "service_en": facts.service.en}
    if not held:
        # Cross-province, the national list applies (article 36): name only the bases it accepts.
        needed = sorted(fitting & NATIONAL_BASES if scope.cross_province else fitting, key=lambda b: b.name)
        reason = BASIS_MISSING_FOR_SERVICE.make(
            needed="、".join(b.zh for b in needed), needed_en=", ".join(b.en for b in needed), **service
        )
        return [reason], [reason.code]
    if scope.cross_province and not held & NATIONAL_BASES:
        reason = BASIS_NOT_IN_NATIONAL_LIST.make()
        return [reason], [reason.code]
    basis = min(held & NATIONAL_BASES if scope.cross_province else held, key=lambda b: b.name)
    return [BASIS_FITS_SERVICE.make(basis=basis.zh, basis_en=basis.en, **service)], []


def _category_reasons(
    facts: EligibilityFacts, parameters: Parameters, scope: Scope
) -> tuple[list[Reason], list[str]]:
    reasons: list[Reason] = []
    unmet: list[str] = []

    def add(ok: bool, met: ReasonTemplate, failed: ReasonTemplate, **particulars: object) -> None:
        reason = (met if ok else failed).make(**particulars)
        reasons.append(reason)
        if not ok:
            unmet.append(reason.code)

    if facts.category.long_term:
        assert facts.away_since is not None  # checked when the facts were built
        months = parameters.residence_months_required
        zh, en = _WHAT[facts.category]
        since = facts.away_since
        met, failed = AWAY_SIX_MONTHS_MET, AWAY_LESS_THAN_SIX_MONTHS
        if scope.cross_province:
            # The national rule: outside the insured province (article 36) [interpretation, product owner].
            since = facts.away_from_insured_province_since or facts.away_since
            met, failed = AWAY_OUTSIDE_PROVINCE_MET, AWAY_OUTSIDE_PROVINCE_LESS_THAN_SIX_MONTHS
        add(
            months_reached(since, months, facts.applied_on),
            met,
            failed,
            since=since.isoformat(),
            on=facts.applied_on.isoformat(),
            reached=add_months(since, months).isoformat(),
            months=months,
            what=zh,
            what_en=en,
        )
    else:
        add(bool(facts.insured_place_cannot_treat), REFERRAL_NEEDED, REFERRAL_NOT_NEEDED)
        add(bool(facts.has_referral_opinion), REFERRAL_OPINION_PRESENT, REFERRAL_OPINION_MISSING)
    zh, en = _REQUIREMENT[facts.category]
    add(
        facts.meets_insured_place_requirements,
        INSURED_PLACE_REQUIREMENTS_MET,
        INSURED_PLACE_REQUIREMENTS_NOT_MET,
        what=zh,
        what_en=en,
    )
    return reasons, unmet


@picks_version(APPLICATION_DATE, lambda facts, *_a, **_k: facts.applied_on)
def decide_eligibility(
    facts: EligibilityFacts, *, parameters: ParametersLike = DEFAULT_SCHEDULE
) -> EligibilityRuling:
    """Whether the worker may apply for out-of-area direct settlement on ``facts.applied_on`` (article 4).

    The parameters version (the months away of article 4 item 1) is the one in force on the application date.

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``ELIGIBLE``, ``NOT_ELIGIBLE``, ``NATIONAL_RULES_DECIDE``, ``NO_FILING_NEEDED``,
      ``NOT_GOVERNED``, ``NOT_IN_FORCE``
    * reason codes: ``AWAY_LESS_THAN_SIX_MONTHS``, ``AWAY_OUTSIDE_PROVINCE_LESS_THAN_SIX_MONTHS``,
      ``AWAY_OUTSIDE_PROVINCE_MET``, ``AWAY_SIX_MONTHS_MET``, ``BASIS_FITS_SERVICE``,
      ``BASIS_MISSING_FOR_SERVICE``, ``BASIS_NOT_IN_NATIONAL_LIST``, ``ELIGIBILITY_NOT_OUT_OF_AREA``,
      ``INBOUND_FILED_WITH_INSURED_PROVINCE``, ``INSURED_PLACE_REQUIREMENTS_MET``,
      ``INSURED_PLACE_REQUIREMENTS_NOT_MET``, ``IN_FORCE_BEFORE_NATIONAL_SCHEME``, ``IN_FORCE_EXPIRED``,
      ``IN_FORCE_LAST_DAY_COUNTED``, ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``, ``IN_FORCE_NOT_YET``,
      ``IN_FORCE_SCOPE_NOT_GOVERNED``, ``IN_FORCE_WITHIN_PERIOD``, ``PARAMETERS_VERSION_USED``,
      ``REFERRAL_NEEDED``, ``REFERRAL_NOT_NEEDED``, ``REFERRAL_OPINION_MISSING``,
      ``REFERRAL_OPINION_PRESENT``, ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``,
      ``SCOPE_INTRA_PROVINCE``, ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION``
      (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 4, art. 8, art. 9, art. 36
    """
    if not isinstance(facts, EligibilityFacts):
        raise InvalidInputError("facts", f"must be EligibilityFacts, got {type(facts).__name__}")
    scope_ruling = classify_scope(facts.insured, facts.treatment)
    scope = scope_ruling.outcome
    force = in_force(facts.applied_on, scope, parameters=parameters)
    if force.outcome is not InForce.IN_FORCE:
        outcome = (
            Eligibility.NOT_GOVERNED
            if force.outcome in (InForce.NOT_GOVERNED, InForce.NATIONAL_PROCEDURE)
            else Eligibility.NOT_IN_FORCE
        )
        return EligibilityRuling(outcome=outcome, reasons=(*scope_ruling.reasons, *force.reasons))
    if scope in (Scope.LOCAL, Scope.PROVINCIAL_RECOGNITION):
        return EligibilityRuling(
            outcome=Eligibility.NO_FILING_NEEDED,
            reasons=(*scope_ruling.reasons, ELIGIBILITY_NOT_OUT_OF_AREA.make()),
        )
    basis_reasons, basis_unmet = _basis_reasons(facts, scope)
    category_reasons, category_unmet = _category_reasons(
        facts, resolve_parameters(parameters, facts.applied_on), scope
    )
    unmet = (*basis_unmet, *category_unmet)
    inbound = (INBOUND_FILED_WITH_INSURED_PROVINCE.make(),) if scope is Scope.CROSS_PROVINCE_INBOUND else ()
    if not unmet:
        outcome = Eligibility.ELIGIBLE
    elif unmet == (BASIS_NOT_IN_NATIONAL_LIST.code,):
        outcome = Eligibility.NATIONAL_RULES_DECIDE
    else:
        outcome = Eligibility.NOT_ELIGIBLE
    return EligibilityRuling(
        outcome=outcome,
        reasons=(*scope_ruling.reasons, *inbound, *basis_reasons, *category_reasons),
        unmet=unmet,
    )
