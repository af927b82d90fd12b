"""The conditions of direct settlement of an episode out of area: chapter 3 (articles 12 to 16, 18 and 22) with
articles 5, 30 and 36.

Before settling an out-of-area episode directly, the institution checks the worker, the filing and itself.
:func:`check_conditions` checks every condition (a failing one does not stop the others: all are reported) and
sorts what it finds by the outcome it leads to (:class:`Findings`); the settlement decision
(:func:`~gongshang_rules.rules.settlement.decide_settlement`) takes the first outcome that holds.

* Article 14: the institution is in the registry and can settle the service directly on the settlement date
  (:func:`institution_problems`; for provincial-level care too, article 3 ¶2).
* Article 5: costs a third party is liable for, and cross-province outpatient costs while they are excluded, are
  not settled directly.
* Articles 12 and 13: the filing covers the episode (:func:`~gongshang_rules.rules.filing.filing_covers`): not
  covered, or a back-filing still to be made, is not payable directly; a back-filing made after discharge goes
  to manual reimbursement (article 12 ¶2); a filing the national procedure governs takes the episode out of
  this procedure (article 36).
* Article 30: the worker's direct settlement is suspended for serious violations.
* Articles 16 and 22: without a valid credential, or without the settlement network, the costs are reimbursed
  manually at the insured place; on any other outcome :func:`noted` restates them without that promise.
* Articles 18 and 36: the episode is judged on its settlement date (:func:`timing_notes`).

>>> from gongshang_rules.oracle.examples import first_cross_province_case
>>> case = first_cross_province_case()
>>> institution_problems(case.episode, case.registry)
[]
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..kernel.articles import ArticleRef
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import ParametersLike, resolve_parameters
from ..kernel.places import Place
from ..kernel.ruling import Reason, decisive, note
from ..kernel.terms import CareType
from .commencement import straddles
from .coverage import filing_covers
from .coverage_facts import Coverage, CoverageFacts
from .episodes import Credential, Episode
from .institutions import InstitutionAvailability, InstitutionRegistry
from .scope import Scope

__all__: list[str] = []

_A5 = ArticleRef(5)

SETTLEMENT_INSTITUTION_UNKNOWN = decisive(
    "SETTLEMENT_INSTITUTION_UNKNOWN",
    ArticleRef(14, paragraph=1),
    when="Settlement: the institution code is not in the registry (alone when the episode gives no institution_place either; otherwise among the reasons an out-of-area or 省本级 episode is not payable directly).",
    zh="就医机构{code}不在异地就医直接结算协议机构库中，不能直接结算。",
    en="Institution {code} is not in the registry of direct-settlement institutions: it cannot settle directly.",
)
SETTLEMENT_INSTITUTION_NOT_AVAILABLE = decisive(
    "SETTLEMENT_INSTITUTION_NOT_AVAILABLE",
    ArticleRef(14, paragraph=1),
    ArticleRef(14, paragraph=2),
    _A5,
    when="Settlement of an out-of-area or 省本级 episode in force: the registry's institution status on the settlement date for the service is anything but AVAILABLE.",
    zh="就医机构{institution}在{on}不能直接结算{service}（{why}）；本规程未规定此时的报销方式，由参保地规定确定。",
    en="Institution {institution} could not settle {service_en} directly on {on} ({why_en}); this procedure does "
    "not say how such costs are reimbursed: the insured place's rules decide.",
)
SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE = note(
    "SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE",
    ArticleRef(14, paragraph=2),
    when="Settlement of an out-of-area or 省本级 episode in force whose settlement date differs from started_on, unless it is decided LOCAL_CARE.",
    reading=True,
    zh="协议机构能否直接结算，以出院结算日{on}在协议机构库中的状态为准（直接结算在出院结算时办理）。",
    en="Whether the institution can settle directly is judged on the settlement date, {on}: direct settlement "
    "happens at discharge.",
)
SETTLEMENT_THIRD_PARTY_LIABILITY = decisive(
    "SETTLEMENT_THIRD_PARTY_LIABILITY",
    _A5,
    when="Settlement of out-of-area care in force: third_party_liability is true.",
    zh="费用存在第三方责任，不属可直接结算的费用。",
    en="A third party is liable for the costs: they are not costs that may be settled directly.",
)
SETTLEMENT_CROSS_PROVINCE_OUTPATIENT = decisive(
    "SETTLEMENT_CROSS_PROVINCE_OUTPATIENT",
    _A5,
    when="Settlement of cross-province care in force: the care is OUTPATIENT and "
    "cross_province_outpatient_excluded is true on the settlement date.",
    zh="跨省异地就医直接结算范围暂不包括门诊工伤医疗（康复）费用；本规程未规定其报销方式，由参保地规定确定。",
    en="Cross-province direct settlement does not yet include outpatient medical or rehabilitation costs; this "
    "procedure does not say how they are reimbursed: the insured place's rules decide.",
)
SETTLEMENT_BACK_FILING_PENDING = decisive(
    "SETTLEMENT_BACK_FILING_PENDING",
    ArticleRef(12, paragraph=2),
    ArticleRef(12, paragraph=3),
    when="Settlement of out-of-area care in force whose coverage is BACK_FILING_POSSIBLE (never for a settled episode, so not in the bundled corpus).",
    zh="尚未备案，本次不能直接结算；补办备案的途径见上。",
    en="Not filed: the episode cannot be settled directly now; the back-filing route is given above.",
)
SETTLEMENT_SUSPENDED_FOR_VIOLATION = decisive(
    "SETTLEMENT_SUSPENDED_FOR_VIOLATION",
    ArticleRef(30, paragraph=1),
    when="Settlement of out-of-area care in force: suspended_for_violation is true.",
    zh="该工伤职工因严重违规被就医地经办机构暂停直接结算，由参保地经办机构按规定处理。",
    en="The treatment-place agency has suspended this worker's direct settlement for serious violations; the "
    "insured-place agency deals with the case under the relevant rules.",
)
SETTLEMENT_NO_CREDENTIAL = decisive(
    "SETTLEMENT_NO_CREDENTIAL",
    16,
    22,
    when="Settlement of out-of-area care in force whose filing covers it: the credential is NONE and "
    "nothing else makes it not payable or not governed (outcome MANUAL_REIMBURSEMENT).",
    reading=True,
    zh="未持社会保障卡（含电子社保卡）等有效身份凭证，因就医凭证问题无法直接结算，回参保地按参保地规定手工报销。",
    en="No social security card (or electronic card) or other valid credential was presented: direct "
    "settlement fails for a credential problem, and the costs are reimbursed manually at the insured place.",
)
SETTLEMENT_CREDENTIAL_PRESENTED = note(
    "SETTLEMENT_CREDENTIAL_PRESENTED",
    16,
    when="Settlement of out-of-area care in force: the credential is anything but NONE.",
    zh="持{credential}到协议机构就医结算。",
    en="The worker presented a {credential_en} at the institution.",
)
SETTLEMENT_NETWORK_UNAVAILABLE = decisive(
    "SETTLEMENT_NETWORK_UNAVAILABLE",
    _A5,
    22,
    when="Settlement of out-of-area care in force whose filing covers it: network_available is false and "
    "nothing else makes it not payable or not governed (outcome MANUAL_REIMBURSEMENT).",
    zh="不具备联网结算条件（或结算网络系统故障），无法直接结算，回参保地按参保地规定手工报销。",
    en="Networked settlement is not available (or the settlement network failed): the costs are reimbursed "
    "manually at the insured place under its rules.",
)
SETTLEMENT_NO_CREDENTIAL_NOTED = note(
    "SETTLEMENT_NO_CREDENTIAL_NOTED",
    16,
    22,
    when="A settlement with credential NONE whose outcome is not MANUAL_REIMBURSEMENT (not payable "
    "directly, or not governed here, for another reason).",
    zh="另：未持社会保障卡（含电子社保卡）等有效身份凭证。第二十二条的手工报销只适用于已备案、仅因网络系统或就医凭证问题无法直接结算的费用；"
    "本次另因上述原因不予直接结算，不适用该条。",
    en="Also: no social security card (or electronic card) or other valid credential was presented. Article 22's "
    "manual reimbursement is for costs of a filed episode that fail only for a network or credential problem; "
    "this episode is not settled directly for the reason above, so article 22 does not apply to it.",
)
SETTLEMENT_NETWORK_UNAVAILABLE_NOTED = note(
    "SETTLEMENT_NETWORK_UNAVAILABLE_NOTED",
    _A5,
    22,
    when="A settlement with network_available false whose outcome is not MANUAL_REIMBURSEMENT (not "
    "payable directly, or not governed here, for another reason).",
    zh="另：不具备联网结算条件（或结算网络系统故障）。第二十二条的手工报销只适用于已备案、仅因网络系统或就医凭证问题无法直接结算的费用；"
    "本次另因上述原因不予直接结算，不适用该条。",
    en="Also: networked settlement was not available (or the settlement network failed). Article 22's manual "
    "reimbursement is for costs of a filed episode that fail only for a network or credential problem; this "
    "episode is not settled directly for the reason above, so article 22 does not apply to it.",
)
SETTLEMENT_BACK_FILING_TOO_LATE_NOTED = note(
    "SETTLEMENT_BACK_FILING_TOO_LATE_NOTED",
    ArticleRef(12, paragraph=2),
    when="A settlement whose intra-province emergency or force-majeure back-filing came after discharge "
    "settlement, when the outcome is not MANUAL_REIMBURSEMENT for another reason.",
    zh="另：补办备案未在出院结算前完成（第十二条第二款：回参保地按政策规定报销）；本次另因上述原因不予直接结算，"
    "参保地是否报销由参保地规定确定。",
    en="Also: the back-filing was not completed before discharge settlement (article 12(2): reimbursed at the "
    "insured place under its policy); the episode is not settled directly for the reason above as well, so "
    "whether the insured place reimburses it is for that place's rules.",
)
SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE = note(
    "SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE",
    18,
    36,
    when="Settlement: the procedure is not in force on the settlement date, or it is in force then but not on started_on (the stay straddles 2025-08-01 or 2027-07-31).",
    reading=True,
    zh="直接结算在出院结算（门诊、配置结算）时办理，本规程是否适用以结算日{on}判断，与第四章的对账和费用列支一致；"
    "也可比照第十三条第二款（有效期内已入院的不受有效期限制）以入院日判断。",
    en="Direct settlement happens at discharge (or at the visit or fitting), so whether this procedure applies is "
    "judged on the settlement date, {on}, as chapter 4 judges the reconciliation and the funds of the same stay; "
    "by analogy with article 13(2) (an admission within validity is not limited by it) the admission date could "
    "be used instead.",
)


@attrs.frozen(kw_only=True)
class Findings:
    """What the conditions of an out-of-area episode found, sorted by the outcome each finding leads to, each list
    in the order the conditions are checked.

    ``not_payable``: not payable directly (articles 5, 12 to 14, 30). ``national``: the filing is the national
    procedure's, so this procedure does not govern the episode (article 36). ``manual``: reimbursed manually at the
    insured place (articles 12 ¶2, 16, 22). ``met``: the conditions met (the filing's coverage, the credential).
    ``coverage`` is how the filing covers the episode (the refund of article 12 ¶3 follows it).
    """

    not_payable: tuple[Reason, ...]
    national: tuple[Reason, ...]
    manual: tuple[Reason, ...]
    met: tuple[Reason, ...]
    coverage: Coverage


def check_conditions(
    episode: Episode, scope: Scope, place: Place, registry: InstitutionRegistry, parameters: ParametersLike
) -> Findings:
    """Check every condition of direct settlement of an out-of-area episode at the institution in ``place``, in
    the order of the module's list: the institution (article 14), what may be settled directly (article 5), the
    filing (articles 12, 13), a suspension (article 30), the credential and the network (articles 16, 22)."""
    not_payable = [
        *institution_problems(episode, registry),
        *_not_settled_directly(episode, scope, parameters),
    ]
    national: list[Reason] = []
    manual: list[Reason] = []
    met: list[Reason] = []
    coverage = filing_covers(_coverage_facts(episode, place), parameters=parameters)
    if coverage.outcome is Coverage.NOT_COVERED:
        not_payable.extend(coverage.reasons)
    elif coverage.outcome is Coverage.BACK_FILING_POSSIBLE:
        not_payable.extend((*coverage.reasons, SETTLEMENT_BACK_FILING_PENDING.make()))
    elif coverage.outcome is Coverage.MANUAL_REIMBURSEMENT:
        manual.extend(coverage.reasons)
    elif coverage.outcome is Coverage.NATIONAL_PROCEDURE:
        national.extend(coverage.reasons)
    elif coverage.outcome is Coverage.VALIDITY_NOT_STATED:
        raise InvalidInputError(
            "episode.filing.stated_valid_through",
            "a cross-province filing made under the national procedure has the validity that procedure gave it: "
            "give the dates the platform shows",
        )
    else:
        met.extend(coverage.reasons)
    if episode.suspended_for_violation:
        not_payable.append(SETTLEMENT_SUSPENDED_FOR_VIOLATION.make())
    if episode.credential is Credential.NONE:
        manual.append(SETTLEMENT_NO_CREDENTIAL.make())
    else:
        met.append(
            SETTLEMENT_CREDENTIAL_PRESENTED.make(
                credential=episode.credential.zh, credential_en=episode.credential.en
            )
        )
    if not episode.network_available:
        manual.append(SETTLEMENT_NETWORK_UNAVAILABLE.make())
    return Findings(
        not_payable=tuple(not_payable),
        national=tuple(national),
        manual=tuple(manual),
        met=tuple(met),
        coverage=coverage.outcome,
    )


def institution_problems(episode: Episode, registry: InstitutionRegistry) -> list[Reason]:
    """Why the institution cannot settle the episode's service directly on the settlement date (article 14 ¶1,
    ¶2): not in the registry, or not available then; empty when it can."""
    if episode.institution_code not in registry:
        return [SETTLEMENT_INSTITUTION_UNKNOWN.make(code=episode.institution_code)]
    on = episode.settlement_date
    available = registry.can_settle_directly(episode.institution_code, on, episode.service)
    if available.outcome is InstitutionAvailability.AVAILABLE:
        return []
    return [
        SETTLEMENT_INSTITUTION_NOT_AVAILABLE.make(
            institution=registry.get(episode.institution_code).label,
            on=on.isoformat(),
            service=episode.service.zh,
            service_en=episode.service.en,
            why=available.outcome.zh,
            why_en=available.outcome.en,
        )
    ]


def _not_settled_directly(episode: Episode, scope: Scope, parameters: ParametersLike) -> list[Reason]:
    """The costs article 5 keeps out of direct settlement: a third party is liable, or cross-province outpatient
    costs while the parameters in force on the settlement date exclude them."""
    reasons = []
    if episode.third_party_liability:
        reasons.append(SETTLEMENT_THIRD_PARTY_LIABILITY.make())
    if (
        scope.cross_province
        and episode.care is CareType.OUTPATIENT
        and resolve_parameters(parameters, episode.settlement_date).cross_province_outpatient_excluded
    ):
        reasons.append(SETTLEMENT_CROSS_PROVINCE_OUTPATIENT.make())
    return reasons


def _coverage_facts(episode: Episode, place: Place) -> CoverageFacts:
    """What the filing must cover (articles 12, 13): the episode at the institution in ``place``."""
    return CoverageFacts(
        insured=episode.worker.insured,
        filing=episode.filing,
        service=episode.service,
        institution_code=episode.institution_code,
        institution_place=place,
        admitted_on=episode.started_on,
        settled_on=episode.settled_on,
        emergency_marked=episode.emergency_marked,
        force_majeure=episode.force_majeure,
        recognition_pending_at_admission=episode.recognition_pending_at_admission,
        entitlement_lost_on=episode.entitlement_lost_on,
        care=episode.care,
    )


def timing_notes(episode: Episode, scope: Scope, parameters: ParametersLike) -> list[Reason]:
    """The notes that the settlement date decides (articles 14 ¶2, 18, 36): when the episode straddles a boundary
    of the procedure's validity, and when the institution is judged on a day other than the admission."""
    on = episode.settlement_date
    notes = []
    # Admitted on one side of a boundary of the procedure's validity and settled on the other: the reading decides.
    if straddles(episode.started_on, on, scope, parameters=parameters):
        notes.append(SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE.make(on=on.isoformat()))
    if on != episode.started_on:
        notes.append(SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE.make(on=on.isoformat()))
    return notes


def noted(reasons: Iterable[Reason]) -> list[Reason]:
    """Manual-reimbursement reasons restated for a ruling that is not a manual reimbursement (articles 12 ¶2, 22):
    the condition is still reported, without promising a reimbursement the text does not give."""
    restated = {
        SETTLEMENT_NO_CREDENTIAL.code: SETTLEMENT_NO_CREDENTIAL_NOTED,
        SETTLEMENT_NETWORK_UNAVAILABLE.code: SETTLEMENT_NETWORK_UNAVAILABLE_NOTED,
        "COVERAGE_BACK_FILING_TOO_LATE": SETTLEMENT_BACK_FILING_TOO_LATE_NOTED,
    }
    return [restated[r.code].make() if r.code in restated else r for r in reasons]
