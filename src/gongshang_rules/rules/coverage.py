"""Whether an approved filing covers an episode: articles 12 and 13 ¶2 of chapter 2 (with 2, 3 and 36).

:func:`filing_covers` decides whether a :class:`~gongshang_rules.rules.filing.Filing` covers an admission, visit or
fitting at an institution on a date (:class:`CoverageFacts`): where and what was filed (article 12 ¶1), when the
filing was made, including the two intra-province back-filing rules of article 12 ¶2 and ¶3, and the filing's
validity (article 13).

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

import attrs

from ..kernel._validate import (
    is_bool,
    is_date,
    is_instance,
    is_member,
    is_optional_date,
    is_text,
    type_name,
)
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
from ..kernel.places import Place, PlaceKind, is_treatment_place
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from ..kernel.terms import CareType, ServiceKind
from .commencement import InForce, in_force
from .filing import Filing, Validity, filing_validity, outside_procedure
from .scope import Scope, classify_scope

__all__ = [
    "Coverage",
    "CoverageFacts",
    "CoverageRuling",
    "filing_covers",
]

_A13_1 = ArticleRef(13, paragraph=1)
_A13_2 = ArticleRef(13, paragraph=2)


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
    outside = outside_procedure(filing, resolve_parameters(parameters, filing.filed_on))
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
