"""When the filing was made: article 12 of chapter 2, before admission (¶1) or by a back-filing (补办备案, ¶2, ¶3).

Article 12 ¶1 asks for the filing before care begins (a filing dated on the day of admission counts as before it
[interpretation]). Two intra-province routes let a filing come later, with the insured-place agency's consent (that
the agency registered the filing shows it [interpretation]):

* ¶2, after an emergency or force majeure: back-filed before discharge settlement, the episode settles directly;
  after it, the insured place reimburses it by hand;
* ¶3, when injury recognition was not complete as care began: back-filed after recognition, the episode settles
  directly, and what the worker paid of the fund's share is refunded (only what the worker paid [product owner]).

The routes are for medical care: a device fitting takes none [interpretation]; for outpatient care "discharge
settlement" is read as the settlement of the visit [interpretation]. A cross-province filing made after admission
(inbound always; outbound with such a cause) is timed by the national procedure, not by these paragraphs.

:func:`filed_in_time` and :func:`without_filing` give their :class:`~gongshang_rules.rules.coverage_facts.Findings`
to :func:`~gongshang_rules.rules.coverage.filing_covers`.

>>> import datetime as dt
>>> from gongshang_rules import place, ServiceKind
>>> from gongshang_rules.rules.coverage_facts import CoverageFacts
>>> facts = CoverageFacts(insured=place("430100"), filing=None, service=ServiceKind.MEDICAL, institution_code="EX-1",
...     institution_place=place("430600"), admitted_on=dt.date(2025, 9, 1), emergency_marked=True)
>>> [r.code for r in without_filing(facts).possible]
['COVERAGE_BACK_FILING_STILL_POSSIBLE']
"""

from __future__ import annotations

from ..kernel.articles import ArticleRef
from ..kernel.authorities import NATIONAL_NOTICE
from ..kernel.ruling import Reason, decisive
from ..kernel.terms import CareType
from .coverage_facts import CoverageFacts, Findings
from .filing import Filing
from .scope import Scope

__all__: list[str] = []  # nothing on the facade: filing_covers gives these rulings

_A2 = ArticleRef(2)
_A12_1 = ArticleRef(12, paragraph=1)
_A12_2 = ArticleRef(12, paragraph=2)
_A12_3 = ArticleRef(12, paragraph=3)

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

# An inbound filing (insured in another province) was approved by that province under the national rules: its
# dates are cited to that approval and the national notice, not to Hunan's article 12 ¶1.
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


def filed_in_time(facts: CoverageFacts, filing: Filing) -> Findings:
    """When ``filing`` was made for the episode (article 12): before admission (¶1), or later by a back-filing
    route (¶2, ¶3) within the province; a cross-province back-filing is the national procedure's."""
    if filing.filed_on <= facts.admitted_on:
        return _filed_before_admission(facts, filing)
    scope = facts.scope
    if scope is Scope.CROSS_PROVINCE_INBOUND or (scope.cross_province and _has_cause(facts)):
        filed, admitted = filing.filed_on.isoformat(), facts.admitted_on.isoformat()
        what = f"备案于{filed}，晚于入院日{admitted}", f"Filed on {filed}, after admission on {admitted}"
        return Findings(national=(_national(facts, *what),), back_filed=True)
    if scope is Scope.INTRA_PROVINCE and _has_cause(facts):
        if facts.care_type is CareType.DEVICE_FITTING:
            return _routes_for_medical_care(facts) + _filed_after_admission(facts, filing)
        if facts.recognition_pending_at_admission:
            return _routes_for_medical_care(facts) + _back_filed_after_recognition(facts, filing)
        return _routes_for_medical_care(facts) + _back_filed_after_emergency(facts, filing)
    return _filed_after_admission(facts, filing)


def without_filing(facts: CoverageFacts) -> Findings:
    """No filing on record: not settled directly (article 12 ¶1), unless a back-filing route of ¶2 or ¶3 is still
    open within the province; a cross-province one is the national procedure's."""
    if not _has_cause(facts):
        return Findings(failed=(COVERAGE_NO_FILING.make(),))
    cause, cause_en = _cause(facts)
    if facts.scope.cross_province:
        what = f"跨省异地就医{cause}，尚未备案", f"Cross-province care after {cause_en}, not filed"
        return Findings(national=(_national(facts, *what),))
    if facts.care_type is CareType.DEVICE_FITTING:
        route = Findings(failed=(COVERAGE_NO_FILING.make(),))
    elif facts.recognition_pending_at_admission:  # ¶3: a filing may follow recognition
        route = Findings(possible=(COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE.make(),))
    elif facts.settled_on is None:  # ¶2: a filing may still come before discharge settlement
        route = Findings(possible=(COVERAGE_BACK_FILING_STILL_POSSIBLE.make(cause=cause, cause_en=cause_en),))
    else:  # ¶2: settled without a filing
        settled = facts.settled_on.isoformat()
        route = Findings(
            manual=(COVERAGE_BACK_FILING_TOO_LATE.make(cause=cause, cause_en=cause_en, settled=settled),)
        )
    return route + _routes_for_medical_care(facts)


def _filed_before_admission(facts: CoverageFacts, filing: Filing) -> Findings:
    """Article 12 ¶1 (for an inbound worker, the insured province's approval): filed before care began, or on the
    day it began."""
    filed = filing.filed_on.isoformat()
    inbound = facts.scope is Scope.CROSS_PROVINCE_INBOUND
    province = {"insured": filing.insured.name} if inbound else {}
    if filing.filed_on < facts.admitted_on:
        template = COVERAGE_INBOUND_FILED_BEFORE_ADMISSION if inbound else COVERAGE_FILED_BEFORE_ADMISSION
        return Findings(
            passed=(template.make(filed=filed, admitted=facts.admitted_on.isoformat(), **province),)
        )
    template = COVERAGE_INBOUND_FILED_ON_ADMISSION_DAY if inbound else COVERAGE_FILED_ON_ADMISSION_DAY
    return Findings(passed=(template.make(filed=filed, **province),))


def _filed_after_admission(facts: CoverageFacts, filing: Filing) -> Findings:
    """Article 12 ¶1: filed after care began, and no back-filing route applies."""
    reason = COVERAGE_FILED_AFTER_ADMISSION.make(
        filed=filing.filed_on.isoformat(), admitted=facts.admitted_on.isoformat()
    )
    return Findings(failed=(reason,), back_filed=True)


def _back_filed_after_emergency(facts: CoverageFacts, filing: Filing) -> Findings:
    """Article 12 ¶2: back-filed after an emergency or force majeure, in time if before discharge settlement (a
    filing on the settlement day counts as before it [interpretation])."""
    cause, cause_en = _cause(facts)
    filed = filing.filed_on.isoformat()
    if facts.settled_on is not None and filing.filed_on > facts.settled_on:
        settled = facts.settled_on.isoformat()
        too_late = COVERAGE_BACK_FILING_TOO_LATE.make(cause=cause, cause_en=cause_en, settled=settled)
        return Findings(manual=(too_late,), back_filed=True)
    passed = [
        COVERAGE_BACK_FILING_APPROVED.make(filed=filed),
        COVERAGE_BACK_FILED_EMERGENCY.make(cause=cause, cause_en=cause_en, filed=filed),
    ]
    if facts.settled_on == filing.filed_on:
        passed.append(COVERAGE_BACK_FILED_SETTLEMENT_DAY.make(filed=filed))
    return Findings(passed=tuple(passed), back_filed=True)


def _back_filed_after_recognition(facts: CoverageFacts, filing: Filing) -> Findings:
    """Article 12 ¶3: back-filed after injury recognition; the fund's share is refunded only if the worker paid it
    at discharge, which the dates show: back-filed after the settlement [interpretation, product owner]."""
    filed = filing.filed_on.isoformat()
    approved = COVERAGE_BACK_FILING_APPROVED.make(filed=filed)
    settled_on = facts.settled_on
    if settled_on is not None and filing.filed_on > settled_on:
        paid = COVERAGE_BACK_FILED_AFTER_RECOGNITION.make(filed=filed, settled=settled_on.isoformat())
        return Findings(passed=(approved, paid), refund=True, back_filed=True)
    if settled_on is None:
        when = (
            "在出院结算前完成（尚未出院结算）",
            "are complete before discharge settlement (not yet settled)",
        )
    elif settled_on == filing.filed_on:
        when = (
            "与出院结算同日完成，仅有日期时视为出院结算前完成",
            "fall on the day of discharge settlement, which with dates only counts as before it",
        )
    else:
        when = (
            f"在出院结算（{settled_on.isoformat()}）前完成",
            f"were complete before discharge settlement ({settled_on.isoformat()})",
        )
    settled = COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE.make(filed=filed, when_zh=when[0], when_en=when[1])
    return Findings(passed=(approved, settled), back_filed=True)


def _routes_for_medical_care(facts: CoverageFacts) -> Findings:
    """The back-filing routes of ¶2 and ¶3 are for medical care: a fitting takes none; an outpatient episode's
    discharge settlement is the settlement of the visit [interpretation]."""
    care = facts.care_type
    if care is CareType.DEVICE_FITTING:
        return Findings(failed=(COVERAGE_NO_BACK_FILING_FOR_FITTING.make(),))
    if care is CareType.OUTPATIENT:
        return Findings(passed=(COVERAGE_BACK_FILING_OUTPATIENT.make(),))
    return Findings()


def _has_cause(facts: CoverageFacts) -> bool:
    """An emergency, force majeure (¶2) or injury recognition pending when care began (¶3)."""
    return facts.emergency_marked or facts.force_majeure or facts.recognition_pending_at_admission


def _cause(facts: CoverageFacts) -> tuple[str, str]:
    if facts.emergency_marked:
        return "急诊抢救", "an emergency marked in the medical record"
    if facts.force_majeure:
        return "不可抗力", "force majeure"
    return "工伤认定尚未完成", "injury recognition not yet complete"


def _national(facts: CoverageFacts, what: str, what_en: str) -> Reason:
    """The national procedure governs a cross-province back-filing (article 36; articles 12 ¶2 and ¶3 are for
    intra-province care)."""
    inbound = facts.scope is Scope.CROSS_PROVINCE_INBOUND
    return COVERAGE_NATIONAL_PROCEDURE_FILING.make(
        what=what,
        what_en=what_en,
        inbound_zh="；外省参保人员的备案及其时限由参保省依国家规定管理" if inbound else "",
        inbound_en=" (and the insured province manages an inbound worker's filing and its timing)"
        if inbound
        else "",
    )
