"""Whether an approved filing covers an episode: articles 12 and 13 of chapter 2 (with 2, 3 and 36).

:func:`filing_covers` decides whether a :class:`~gongshang_rules.rules.filing.Filing` covers an admission, visit or
fitting at an institution on a date (:class:`~gongshang_rules.rules.coverage_facts.CoverageFacts`). This module
holds the paragraphs on where and what was filed (article 12 ¶1) and on the filing's validity (article 13 ¶1, and
¶2: an admission made within it is not cut off; lost entitlement ends it); when the filing was made, including the
back-filing routes of article 12 ¶2 and ¶3, is :mod:`~gongshang_rules.rules.back_filing`. Each paragraph gives its
:class:`~gongshang_rules.rules.coverage_facts.Findings`. The precedence of the outcomes is stated once: the steps of
``filing_covers`` (its docstring lists them), and ``_outcome`` for an episode whose every condition was checked.

>>> import datetime as dt
>>> from gongshang_rules import place, PersonCategory, ServiceKind
>>> from gongshang_rules.rules.filing import Filing
>>> f = Filing(insured=place("430100"), treatment=place("430600"), category=PersonCategory.REFERRAL,
...            service=ServiceKind.MEDICAL, filed_on=dt.date(2025, 9, 1))
>>> facts = CoverageFacts(insured=place("430100"), filing=f, service=ServiceKind.MEDICAL,
...     institution_code="EX-1", institution_place=place("430602"), admitted_on=dt.date(2026, 1, 1))
>>> filing_covers(facts).outcome.name
'NOT_COVERED'
"""

from __future__ import annotations

import datetime as _dt

from ..kernel._validate import type_name
from ..kernel.articles import AnnexRef, ArticleRef
from ..kernel.authorities import NATIONAL_NOTICE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    FILING_DATE,
    ParametersLike,
    check_parameters,
    picks_version,
    resolve_parameters,
)
from ..kernel.places import Place, PlaceKind
from ..kernel.ruling import Reason, ReasonTemplate, decisive, note
from ..kernel.terms import CareType
from .back_filing import filed_in_time, without_filing
from .commencement import InForce, in_force
from .coverage_facts import Coverage, CoverageFacts, CoverageRuling, Findings
from .filing import Filing, Validity, ValidityRuling, filing_validity, outside_procedure
from .scope import Scope

__all__ = [
    "filing_covers",
]

_A2 = ArticleRef(2)
_A12_1 = ArticleRef(12, paragraph=1)
_A13_1 = ArticleRef(13, paragraph=1)
_A13_2 = ArticleRef(13, paragraph=2)

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

# --- where and what (article 12 ¶1) -----------------------------------------------------------------------------

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


def _where_and_what(facts: CoverageFacts, filing: Filing) -> Findings:
    """Article 12 ¶1: care at a filed institution in the filed treatment place, for the filed service."""
    in_place = _same_place(filing.treatment, facts.institution_place)
    return (
        _in_filed_place(facts, filing, in_place)
        + _filed_institution(facts, filing, in_place)
        + _filed_service(facts, filing)
    )


def _in_filed_place(facts: CoverageFacts, filing: Filing, in_place: bool) -> Findings:
    """The institution lies in the filed treatment place: by city in Hunan, by province outside it (art. 2 ¶3)."""
    if not in_place:
        reason = COVERAGE_OUTSIDE_FILED_PLACE.make(
            actual=facts.institution_place.as_treatment_place.name,
            filed=filing.treatment.as_treatment_place.name,
        )
        return Findings(failed=(reason,))
    if filing.treatment.kind is PlaceKind.OTHER_PROVINCE:
        return Findings(passed=(COVERAGE_PROVINCE_LEVEL_OUTSIDE_HUNAN.make(),))
    return Findings()


def _filed_institution(facts: CoverageFacts, filing: Filing, in_place: bool) -> Findings:
    """The institution is one the filing names; a filing that names none names every one in the filed place
    [interpretation]."""
    if filing.institution_codes is None:
        if not in_place:
            return Findings()
        place = filing.treatment.as_treatment_place.name
        return Findings(passed=(COVERAGE_ANY_INSTITUTION_IN_PLACE.make(place=place),))
    if facts.institution_code not in filing.institution_codes:
        return Findings(failed=(COVERAGE_NOT_FILED_INSTITUTION.make(code=facts.institution_code),))
    return Findings()


def _filed_service(facts: CoverageFacts, filing: Filing) -> Findings:
    """The episode is the filed service (article 9: medical care, rehabilitation or a device)."""
    if filing.service is facts.service:
        return Findings()
    reason = COVERAGE_SERVICE_NOT_FILED.make(
        filed=filing.service.zh,
        filed_en=filing.service.en,
        actual=facts.service.zh,
        actual_en=facts.service.en,
    )
    return Findings(failed=(reason,))


def _same_place(filed: Place, actual: Place) -> bool:
    """Whether the institution lies in the filed treatment place: by city in Hunan, by province outside it."""
    if filed.kind is PlaceKind.OTHER_PROVINCE or actual.kind is PlaceKind.OTHER_PROVINCE:
        return filed == actual
    return filed.city_code == actual.city_code


# --- validity (article 13) --------------------------------------------------------------------------------------

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

# An inbound filing (insured in another province) was approved by that province under the national rules: its
# dates are cited to that approval and the national notice, not to Hunan's article 13 ¶1.
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


def _admitted_within_validity(
    facts: CoverageFacts, filing: Filing, start: _dt.date, through: _dt.date
) -> Findings:
    """Article 13 ¶1: admitted (or seen, or fitted) within the filing's validity. A back-filed episode began before
    the filing: its back-filing route carries it, and only an admission after the validity fails."""
    inbound = facts.scope is Scope.CROSS_PROVINCE_INBOUND
    back_filed = filing.filed_on > facts.admitted_on
    period = {"admitted": facts.admitted_on.isoformat(), **_period(facts, filing, start, through)}
    if facts.admitted_on > through:
        template = _pick(inbound, COVERAGE_INBOUND_AFTER_VALIDITY, COVERAGE_AFTER_VALIDITY)
        return Findings(failed=(template.make(**period),))
    if back_filed:
        return Findings()
    if facts.admitted_on < start:
        template = _pick(inbound, COVERAGE_INBOUND_BEFORE_VALIDITY, COVERAGE_BEFORE_STATED_VALIDITY)
        return Findings(failed=(template.make(**period),))
    template = _pick(inbound, COVERAGE_INBOUND_WITHIN_VALIDITY, COVERAGE_WITHIN_VALIDITY)
    return Findings(passed=(template.make(**period),))


def _settled_after_validity(
    facts: CoverageFacts, filing: Filing, start: _dt.date, through: _dt.date
) -> Findings:
    """Article 13 ¶2: an inpatient admission made within validity is not cut off by its end; an outpatient visit or a
    fitting needs a valid filing on the day of the service [interpretation]."""
    settled_on = facts.settled_on
    if settled_on is None or settled_on <= through or facts.admitted_on > through:
        return Findings()
    settled = {"settled": settled_on.isoformat(), **_period(facts, filing, start, through)}
    care = facts.care_type
    if care is not CareType.INPATIENT:
        return Findings(
            failed=(COVERAGE_SERVICE_AFTER_VALIDITY.make(care=care.zh, care_en=care.en, **settled),)
        )
    inbound = facts.scope is Scope.CROSS_PROVINCE_INBOUND
    template = _pick(inbound, COVERAGE_INBOUND_STAY_RUNS_PAST_VALIDITY, COVERAGE_STAY_RUNS_PAST_VALIDITY)
    return Findings(passed=(template.make(**settled),))


def _entitlement_kept(facts: CoverageFacts) -> Findings:
    """Article 13 ¶2: a worker who loses entitlement to work-injury benefits before discharge settlement (or on its
    day [interpretation]) loses the filing."""
    lost = facts.entitlement_lost_on
    if lost is None or (facts.settled_on is not None and lost > facts.settled_on):
        return Findings()
    failed = [COVERAGE_ENTITLEMENT_LOST.make(lost=lost.isoformat())]
    if lost == facts.settled_on:
        failed.append(COVERAGE_ENTITLEMENT_LOST_ON_SETTLEMENT_DAY.make(lost=lost.isoformat()))
    return Findings(failed=tuple(failed))


def _period(facts: CoverageFacts, filing: Filing, start: _dt.date, through: _dt.date) -> dict[str, str]:
    """The validity's dates, and for an inbound filing the province that approved them."""
    inbound = facts.scope is Scope.CROSS_PROVINCE_INBOUND
    province = {"insured": filing.insured.name} if inbound else {}
    return {"start": start.isoformat(), "through": through.isoformat(), **province}


def _pick(inbound: bool, inbound_template: ReasonTemplate, template: ReasonTemplate) -> ReasonTemplate:
    """An inbound filing's dates are the insured province's approval, cited as such."""
    return inbound_template if inbound else template


# --- the decision -----------------------------------------------------------------------------------------------


@picks_version(
    FILING_DATE, lambda facts, *_a, **_k: facts.filing.filed_on if facts.filing else facts.admitted_on
)
def filing_covers(facts: CoverageFacts, *, parameters: ParametersLike = DEFAULT_SCHEDULE) -> CoverageRuling:
    """Whether the filing covers the episode (articles 12 and 13), every failing condition listed.

    The outcome is the first of these that applies:

    1. ``NOT_GOVERNED``, ``NOT_OUT_OF_AREA``: both places outside Hunan (article 2), or not out-of-area care
       (article 3): no filing rule applies;
    2. ``NATIONAL_PROCEDURE``, ``NOT_IN_FORCE``: this procedure does not govern on the settlement date (article 36),
       judged as the settlement decision judges it [interpretation];
    3. no filing on record: ``NOT_COVERED`` (article 12 ¶1), or a back-filing route of article 12 ¶2, ¶3:
       ``BACK_FILING_POSSIBLE`` or ``MANUAL_REIMBURSEMENT`` (``NATIONAL_PROCEDURE`` cross-province);
    4. a cross-province filing made after admission: ``NATIONAL_PROCEDURE``, unless where or what fails
       (``NOT_COVERED``);
    5. a filing made on a day this procedure was not in force: ``NOT_COVERED``, whatever else passed (article 36);
       a filing whose validity only the insured place can state: ``VALIDITY_NOT_STATED`` (national procedure) or
       ``SET_BY_INSURED_PROVINCE``;
    6. otherwise every condition of articles 12 and 13 is checked and listed: ``NOT_COVERED`` if any failed, else
       ``MANUAL_REIMBURSEMENT`` (back-filed too late, article 12 ¶2), ``COVERED_WITH_REFUND`` (article 12 ¶3),
       ``COVERED_BY_BACK_FILING``, or ``COVERED``.

    The filing's validity is read with the parameters version in force on its filing date
    (:func:`~gongshang_rules.rules.filing.filing_validity`).

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
    not_applicable = _not_out_of_area_care(facts) or _not_in_force(facts, parameters)
    if not_applicable is not None:
        return not_applicable
    if facts.filing is None:
        return _ruling(without_filing(facts))
    return _with_filing(facts, facts.filing, parameters)


def _not_out_of_area_care(facts: CoverageFacts) -> CoverageRuling | None:
    """Articles 2 and 3: a case this procedure does not govern, or care that is not out-of-area, needs no filing."""
    scope = facts.scope
    if scope is Scope.NOT_GOVERNED:
        return CoverageRuling(outcome=Coverage.NOT_GOVERNED, reasons=(COVERAGE_NOT_GOVERNED.make(),))
    if not scope.out_of_area:
        reason = COVERAGE_NOT_OUT_OF_AREA.make(scope=scope.zh, scope_en=scope.en)
        return CoverageRuling(outcome=Coverage.NOT_OUT_OF_AREA, reasons=(reason,))
    return None


def _not_in_force(facts: CoverageFacts, parameters: ParametersLike) -> CoverageRuling | None:
    """Article 36, judged on the settlement date as the settlement decision judges it [interpretation]."""
    on = facts.settled_on or facts.admitted_on
    force = in_force(on, facts.scope, parameters=parameters)
    if force.outcome is InForce.IN_FORCE:
        return None
    outcome = (
        Coverage.NATIONAL_PROCEDURE if force.outcome is InForce.NATIONAL_PROCEDURE else Coverage.NOT_IN_FORCE
    )
    return CoverageRuling(
        outcome=outcome, reasons=(COVERAGE_JUDGED_ON_SETTLEMENT_DATE.make(on=on.isoformat()), *force.reasons)
    )


def _with_filing(facts: CoverageFacts, filing: Filing, parameters: ParametersLike) -> CoverageRuling:
    """A filing on record: where and what (article 12 ¶1), when it was made (article 12), its validity (article 13)."""
    where = _where_and_what(facts, filing)
    when = filed_in_time(facts, filing)
    if when.national:  # the national procedure times a cross-province back-filing; where and what still count
        return _ruling(Findings(failed=where.failed, national=when.national))
    found = where + when
    validity = filing_validity(filing, parameters=parameters)
    outside = outside_procedure(filing, resolve_parameters(parameters, filing.filed_on))
    outside_reasons = outside.reasons if outside is not None else ()
    start, through = validity.valid_from, validity.valid_through
    if validity.outcome in (Validity.NOT_IN_FORCE, Validity.EXPIRED):
        # Article 36: article 13 gives such a filing no validity, so what passed above covers nothing.
        return CoverageRuling(outcome=Coverage.NOT_COVERED, reasons=(*found.failed, *outside_reasons))
    if start is None or through is None:
        return _validity_not_stated(filing, validity, found, outside_reasons)
    if validity.outcome is Validity.NATIONAL_PROCEDURE:
        found += Findings(passed=outside_reasons)
    found += (
        _admitted_within_validity(facts, filing, start, through)
        + _settled_after_validity(facts, filing, start, through)
        + _entitlement_kept(facts)
    )
    return _ruling(found, valid_from=start, valid_through=through)


def _validity_not_stated(
    filing: Filing, validity: ValidityRuling, found: Findings, outside_reasons: tuple[Reason, ...]
) -> CoverageRuling:
    """A filing whose validity only the insured place can state (the national procedure's, or the insured
    province's, not written on the filing): this procedure still governs the settlement itself."""
    if validity.outcome is Validity.NATIONAL_PROCEDURE:
        outcome = Coverage.NOT_COVERED if found.failed else Coverage.VALIDITY_NOT_STATED
        return CoverageRuling(outcome=outcome, reasons=(*found.failed, *outside_reasons, *found.passed))
    unknown = COVERAGE_VALIDITY_UNKNOWN.make(insured=filing.insured.name)
    return CoverageRuling(
        outcome=Coverage.SET_BY_INSURED_PROVINCE, reasons=(*found.failed, unknown, *found.passed)
    )


def _outcome(found: Findings) -> Coverage:
    """The precedence of the outcomes once every condition is checked: the first that applies."""
    if found.failed:  # a condition of article 12 or 13 is not met
        return Coverage.NOT_COVERED
    if found.national:  # a cross-province back-filing (article 36)
        return Coverage.NATIONAL_PROCEDURE
    if found.manual:  # back-filed, or settled unfiled, after discharge settlement (article 12 ¶2)
        return Coverage.MANUAL_REIMBURSEMENT
    if found.possible:  # not filed yet, a back-filing still possible (article 12 ¶2, ¶3)
        return Coverage.BACK_FILING_POSSIBLE
    if found.refund:  # back-filed after recognition, the worker having paid (article 12 ¶3)
        return Coverage.COVERED_WITH_REFUND
    if found.back_filed:
        return Coverage.COVERED_BY_BACK_FILING
    return Coverage.COVERED


def _ruling(
    found: Findings, *, valid_from: _dt.date | None = None, valid_through: _dt.date | None = None
) -> CoverageRuling:
    """The ruling of what was found: its outcome, and its reasons, failed conditions first."""
    return CoverageRuling(
        outcome=_outcome(found),
        reasons=(*found.failed, *found.national, *found.manual, *found.possible, *found.passed),
        valid_from=valid_from,
        valid_through=valid_through,
    )
