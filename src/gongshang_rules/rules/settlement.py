"""The settlement decision for one episode: chapter 3 (articles 14 to 22) with articles 3, 5, 30 and 36.

One function, :func:`decide_settlement`, decides one episode (an inpatient stay, an intra-province outpatient
visit, or a device fitting) from the facts a settlement clerk has. The outcome is one of :class:`Settlement`; the
ruling carries the bill, the fund's share and the worker's share at the institution (which add up to the bill to the
fen), the amounts outside direct settlement, any refund due to the worker, the catalog governing each kind of cost,
where the meal allowance goes, and every reason with its articles. Every failing condition is reported, not only
the first. Where this procedure does not split the bill (local care, a case it does not govern or not in force),
the shares are ``None``: the library does not guess them.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from ..kernel._validate import (
    money_sum,
    type_name,
)
from ..kernel.articles import ArticleRef
from ..kernel.authorities import CIVIL_CODE_PERIODS, NATIONAL_NOTICE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    SETTLEMENT_DATE,
    ParametersLike,
    check_parameters,
    picks_version,
    resolve_parameters,
)
from ..kernel.periods import add_months, months_reached
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from ..kernel.terms import CareType, PersonCategory
from .catalog import (
    AllowanceRuling,
    CatalogRuling,
    governing_catalog,
    meal_allowance,
    travel_and_lodging,
)
from .commencement import InForce, in_force, straddles
from .episodes import CATALOG_OF, CostLine, Credential, Episode, LineKind
from .filing import Coverage, CoverageFacts, filing_covers
from .institutions import InstitutionAvailability, InstitutionRegistry
from .manual_claims import ManualClaim, ManualClaimRuling, ManualClaimStatus, check_manual_claim
from .records import SettlementRecord, check_records
from .scope import Scope, classify_scope

__all__ = [
    "Settlement",
    "SettlementRuling",
    "decide_settlement",
]

#: Names this module held before it was split (issue 9): they still resolve here, for old imports and pickles
#: (``gongshang_rules.settlement.SettlementRecord``); new code imports each from the module that defines it.
_MOVED_OUT = (
    CareType,
    CostLine,
    Credential,
    Episode,
    LineKind,
    ManualClaim,
    ManualClaimRuling,
    ManualClaimStatus,
    SettlementRecord,
    check_manual_claim,
    check_records,
)

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
SETTLEMENT_INSTITUTION_UNKNOWN = decisive(
    "SETTLEMENT_INSTITUTION_UNKNOWN",
    ArticleRef(14, paragraph=1),
    when="Settlement: the institution code is not in the registry (alone when the episode gives no institution_place either; otherwise among the reasons an out-of-area or 省本级 episode is not payable directly).",
    zh="就医机构{code}不在异地就医直接结算协议机构库中，不能直接结算。",
    en="Institution {code} is not in the registry of direct-settlement institutions: it cannot settle directly.",
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
SETTLEMENT_REFUND_TO_WORKER = decisive(
    "SETTLEMENT_REFUND_TO_WORKER",
    ArticleRef(12, paragraph=3),
    when="Settlement with outcome DIRECT whose coverage is COVERED_WITH_REFUND and whose fund share is more than zero.",
    reading=True,
    zh="工伤认定前由工伤职工垫付的费用，协议机构按规定将基金支付部分{amount}元退还工伤职工。",
    en="The worker paid before injury recognition: the institution refunds the fund's share, {amount} yuan, to "
    "the worker.",
)
SETTLEMENT_NON_COMPLIANT_LINES = decisive(
    "SETTLEMENT_NON_COMPLIANT_LINES",
    _A5,
    17,
    when="Settlement with outcome DIRECT: the non-device cost lines marked not compliant add up to more than zero (that sum goes to the worker).",
    zh="不合规费用{amount}元（不在适用目录或标准内）不由工伤保险基金支付。",
    en="{amount} yuan of costs outside the governing catalogs or standards are not paid by the fund.",
)
DEVICE_WITHIN_LIMIT = decisive(
    "DEVICE_WITHIN_LIMIT",
    19,
    when="Settlement with outcome DIRECT: a filed device's compliant amount is more than zero and at most its maximum_payment.",
    zh="辅助器具“{name}”在备案范围内，基金支付{fund}元（最高支付限额{limit}元）。",
    en="Device '{name}' is on the filed list: the fund pays {fund} yuan (maximum payment {limit} yuan).",
)
DEVICE_NON_COMPLIANT = decisive(
    "DEVICE_NON_COMPLIANT",
    ArticleRef(17, paragraph=1),
    ArticleRef(17, paragraph=2),
    19,
    when="Settlement with outcome DIRECT: a filed device, not replaced too early, has lines marked not compliant.",
    zh="辅助器具“{name}”中{amount}元不在辅助器具配置目录和限额标准内，基金不予支付。",
    en="{amount} yuan of device '{name}' is outside the device catalog and its standards: the fund does not pay it.",
)
DEVICE_OVER_LIMIT = decisive(
    "DEVICE_OVER_LIMIT",
    19,
    when="Settlement with outcome DIRECT: a filed device's compliant amount is more than its maximum_payment.",
    zh="辅助器具“{name}”合规费用{amount}元超出备案最高支付限额{limit}元，超出部分{excess}元基金不予支付。",
    en="Device '{name}': its compliant costs of {amount} yuan exceed the filed maximum payment of {limit} yuan: "
    "the fund does not pay the excess of {excess} yuan.",
)
DEVICE_NOT_FILED = decisive(
    "DEVICE_NOT_FILED",
    19,
    when="Settlement with outcome DIRECT: a device named on a cost line is not on the filing's device list (the worker pays it).",
    zh="辅助器具“{name}”不在备案的辅助器具清单内，超出备案范围，基金不予支付。",
    en="Device '{name}' is not on the filed device list: outside the filing, the fund does not pay.",
)
DEVICE_REPLACED_TOO_EARLY = decisive(
    "DEVICE_REPLACED_TOO_EARLY",
    19,
    ArticleRef(2, paragraph=2),
    when="Settlement with outcome DIRECT: a filed device's line has previous_fitting_on and add_months(previous_fitting_on, 12 x minimum_service_years) is after started_on.",
    reading=True,
    zh="辅助器具“{name}”上次配置于{previous}，未满最低使用年限{years}年（{reached}方满），提前更换超出标准，基金不予支付。",
    en="Device '{name}' was last fitted on {previous}; its minimum service life of {years} years is reached only "
    "on {reached}: an earlier replacement is outside the standard and the fund does not pay.",
    authorities=(CIVIL_CODE_PERIODS,),
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
SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE = note(
    "SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE",
    ArticleRef(14, paragraph=2),
    when="Settlement of an out-of-area or 省本级 episode in force whose settlement date differs from started_on, unless it is decided LOCAL_CARE.",
    reading=True,
    zh="协议机构能否直接结算，以出院结算日{on}在协议机构库中的状态为准（直接结算在出院结算时办理）。",
    en="Whether the institution can settle directly is judged on the settlement date, {on}: direct settlement "
    "happens at discharge.",
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
SETTLEMENT_LOCAL_INSTITUTION = note(
    "SETTLEMENT_LOCAL_INSTITUTION",
    ArticleRef(3, paragraph=1),
    when="Settlement with scope LOCAL on a day in force, with SETTLEMENT_LOCAL_CARE: the registry is not consulted.",
    zh="本市州内就医在参保地所在市州的协议机构直接结算，不以异地就医直接结算协议机构库为准。",
    en="Care within the insured city settles directly at the city's agreement institutions; the out-of-area "
    "registry does not decide it.",
)
SETTLEMENT_BACK_FILING_PENDING = decisive(
    "SETTLEMENT_BACK_FILING_PENDING",
    ArticleRef(12, paragraph=2),
    ArticleRef(12, paragraph=3),
    when="Settlement of out-of-area care in force whose coverage is BACK_FILING_POSSIBLE (never for a settled episode, so not in the bundled corpus).",
    zh="尚未备案，本次不能直接结算；补办备案的途径见上。",
    en="Not filed: the episode cannot be settled directly now; the back-filing route is given above.",
)
SETTLEMENT_CATALOGS = note(
    "SETTLEMENT_CATALOGS",
    ArticleRef(17, paragraph=1),
    ArticleRef(17, paragraph=2),
    when="Settlement of out-of-area care in force with at least one cost line of a catalogued kind (medical, rehabilitation, device): summarises the catalogs figure.",
    zh="各类费用审核适用的目录和标准：{list}。",
    en="The catalogs and standards that govern each kind of cost: {list_en}.",
)


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return money_sum(amounts)  # in the money context, whatever the caller's: never rounded, never an overflow


def _device_shares(episode: Episode, lines: list[CostLine], reasons: list[Reason]) -> tuple[Decimal, Decimal]:
    """The fund's and the worker's shares of the device lines (article 19)."""
    filed = {d.name: d for d in episode.filing.devices} if episode.filing is not None else {}
    by_name: dict[str, list[CostLine]] = {}
    for line in lines:
        assert line.device_name is not None  # checked on the line
        by_name.setdefault(line.device_name, []).append(line)
    fund = worker = ZERO
    for name in sorted(by_name):
        device_lines = by_name[name]
        amount = _sum(line.amount for line in device_lines)
        compliant = _sum(line.amount for line in device_lines if line.compliant)
        device = filed.get(name)
        if device is None:
            reasons.append(DEVICE_NOT_FILED.make(name=name))
            worker += amount
            continue
        early = [
            line.previous_fitting_on
            for line in device_lines
            if line.previous_fitting_on is not None
            and not months_reached(
                line.previous_fitting_on, 12 * device.minimum_service_years, episode.started_on
            )
        ]
        if early:
            previous = max(early)
            reasons.append(
                DEVICE_REPLACED_TOO_EARLY.make(
                    name=name,
                    previous=previous.isoformat(),
                    years=device.minimum_service_years,
                    reached=add_months(previous, 12 * device.minimum_service_years).isoformat(),
                )
            )
            worker += amount
            continue
        if amount > compliant:
            reasons.append(DEVICE_NON_COMPLIANT.make(name=name, amount=amount - compliant))
        paid = min(compliant, device.maximum_payment)
        if compliant > device.maximum_payment:
            reasons.append(
                DEVICE_OVER_LIMIT.make(
                    name=name, amount=compliant, limit=device.maximum_payment, excess=compliant - paid
                )
            )
        elif paid:
            reasons.append(DEVICE_WITHIN_LIMIT.make(name=name, fund=paid, limit=device.maximum_payment))
        fund += paid
        worker += amount - paid
    return fund, worker


def _catalog_summary(catalogs: tuple[CatalogRuling, ...]) -> Reason:
    return SETTLEMENT_CATALOGS.make(
        list="；".join(f"{c.cost_kind.zh}：{c.outcome.zh}" for c in catalogs),
        list_en="; ".join(f"{c.cost_kind.en}: {c.outcome.en}" for c in catalogs),
    )


def _noted(reasons: Iterable[Reason]) -> list[Reason]:
    """Manual-reimbursement reasons restated for a ruling that is not a manual reimbursement (articles 12 ¶2, 22):
    the condition is still reported, without promising a reimbursement the text does not give."""
    noted = {
        SETTLEMENT_NO_CREDENTIAL.code: SETTLEMENT_NO_CREDENTIAL_NOTED,
        SETTLEMENT_NETWORK_UNAVAILABLE.code: SETTLEMENT_NETWORK_UNAVAILABLE_NOTED,
        "COVERAGE_BACK_FILING_TOO_LATE": SETTLEMENT_BACK_FILING_TOO_LATE_NOTED,
    }
    return [noted[r.code].make() if r.code in noted else r for r in reasons]


def _not_payable(
    reasons: Iterable[Reason], scope: Scope | None, bill: Decimal, **figures: Any
) -> SettlementRuling:
    """A NOT_PAYABLE_DIRECTLY ruling: the worker pays the bill at the institution; what follows is not this
    procedure's to say (articles 5, 12 ¶1)."""
    figures.setdefault("outside_direct_settlement", ZERO)
    figures.setdefault("refund_to_worker", ZERO)
    return SettlementRuling(
        outcome=Settlement.NOT_PAYABLE_DIRECTLY,
        reasons=(*reasons, SETTLEMENT_NOT_PAYABLE_NOT_SPECIFIED.make()),
        scope=scope,
        bill=bill,
        fund_share=ZERO,
        worker_share=bill,
        **figures,
    )


def _not_split(
    outcome: Settlement, reasons: Iterable[Reason], scope: Scope | None, bill: Decimal
) -> SettlementRuling:
    """A ruling where this procedure does not split the bill (local care, not governed, not in force)."""
    return SettlementRuling(outcome=outcome, reasons=tuple(reasons), scope=scope, bill=bill)


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
    total = _sum(line.amount for line in episode.lines)
    known = episode.institution_code in registry
    institution_place = registry.get(episode.institution_code).place if known else episode.institution_place
    if institution_place is None:
        return _not_payable(
            (SETTLEMENT_INSTITUTION_UNKNOWN.make(code=episode.institution_code),), None, total
        )
    scope_ruling = classify_scope(episode.worker.insured, institution_place)
    scope = scope_ruling.outcome
    if scope is Scope.NOT_GOVERNED:
        return _not_split(Settlement.NOT_GOVERNED, scope_ruling.reasons, scope, total)
    force = in_force(episode.settlement_date, scope, parameters=parameters)
    if force.outcome is not InForce.IN_FORCE:
        outcome = (
            Settlement.NOT_GOVERNED
            if force.outcome is InForce.NATIONAL_PROCEDURE
            else Settlement.NOT_IN_FORCE
        )
        reasons = (
            *scope_ruling.reasons,
            SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE.make(on=episode.settlement_date.isoformat()),
            *force.reasons,
        )
        return _not_split(outcome, reasons, scope, total)
    # Admitted on one side of a boundary of the procedure's validity and settled on the other: the reading decides.
    timing_note = (
        [SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE.make(on=episode.settlement_date.isoformat())]
        if straddles(episode.started_on, episode.settlement_date, scope, parameters=parameters)
        else []
    )
    if scope is Scope.LOCAL:
        local = SETTLEMENT_LOCAL_CARE.make()
        return _not_split(
            Settlement.LOCAL_CARE,
            (*scope_ruling.reasons, local, SETTLEMENT_LOCAL_INSTITUTION.make()),
            scope,
            total,
        )

    # Article 14 (and article 3 ¶2 for provincial-level care): the institution on the settlement date.
    on = episode.settlement_date
    institution_reasons: list[Reason] = []
    if not known:
        institution_reasons.append(SETTLEMENT_INSTITUTION_UNKNOWN.make(code=episode.institution_code))
    else:
        available = registry.can_settle_directly(episode.institution_code, on, episode.service)
        if available.outcome is not InstitutionAvailability.AVAILABLE:
            institution_reasons.append(
                SETTLEMENT_INSTITUTION_NOT_AVAILABLE.make(
                    institution=registry.get(episode.institution_code).label,
                    on=on.isoformat(),
                    service=episode.service.zh,
                    service_en=episode.service.en,
                    why=available.outcome.zh,
                    why_en=available.outcome.en,
                )
            )
    timing = [
        *timing_note,
        *(
            [SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE.make(on=on.isoformat())]
            if on != episode.started_on
            else []
        ),
    ]
    if scope is Scope.PROVINCIAL_RECOGNITION:
        label = registry.get(episode.institution_code).label if known else episode.institution_code
        recognition = SETTLEMENT_PROVINCIAL_RECOGNITION_INSTITUTION.make(institution=label)
        if institution_reasons:
            return _not_payable(
                (*scope_ruling.reasons, recognition, *institution_reasons, *timing), scope, total
            )
        return _not_split(
            Settlement.LOCAL_CARE,
            (*scope_ruling.reasons, SETTLEMENT_LOCAL_CARE.make(), recognition),
            scope,
            total,
        )

    not_payable: list[Reason] = list(institution_reasons)
    manual: list[Reason] = []
    elsewhere: list[Reason] = []
    notes: list[Reason] = list(timing)

    # Article 5: what may be settled directly at all.
    if episode.third_party_liability:
        not_payable.append(SETTLEMENT_THIRD_PARTY_LIABILITY.make())
    if (
        scope.cross_province
        and episode.care is CareType.OUTPATIENT
        and resolve_parameters(parameters, episode.settlement_date).cross_province_outpatient_excluded
    ):
        not_payable.append(SETTLEMENT_CROSS_PROVINCE_OUTPATIENT.make())

    # Articles 12 and 13: the filing.
    coverage = filing_covers(
        CoverageFacts(
            insured=episode.worker.insured,
            filing=episode.filing,
            service=episode.service,
            institution_code=episode.institution_code,
            institution_place=institution_place,
            admitted_on=episode.started_on,
            settled_on=episode.settled_on,
            emergency_marked=episode.emergency_marked,
            force_majeure=episode.force_majeure,
            recognition_pending_at_admission=episode.recognition_pending_at_admission,
            entitlement_lost_on=episode.entitlement_lost_on,
            care=episode.care,
        ),
        parameters=parameters,
    )
    if coverage.outcome is Coverage.NOT_COVERED:
        not_payable.extend(coverage.reasons)
    elif coverage.outcome is Coverage.BACK_FILING_POSSIBLE:
        not_payable.extend((*coverage.reasons, SETTLEMENT_BACK_FILING_PENDING.make()))
    elif coverage.outcome is Coverage.MANUAL_REIMBURSEMENT:
        manual.extend(coverage.reasons)
    elif coverage.outcome is Coverage.NATIONAL_PROCEDURE:
        elsewhere.extend(coverage.reasons)
    elif coverage.outcome is Coverage.VALIDITY_NOT_STATED:
        raise InvalidInputError(
            "episode.filing.stated_valid_through",
            "a cross-province filing made under the national procedure has the validity that procedure gave it: "
            "give the dates the platform shows",
        )
    else:
        notes.extend(coverage.reasons)

    # Article 30: suspension for serious violations.
    if episode.suspended_for_violation:
        not_payable.append(SETTLEMENT_SUSPENDED_FOR_VIOLATION.make())

    # Articles 16 and 22: credential and network.
    if episode.credential is Credential.NONE:
        manual.append(SETTLEMENT_NO_CREDENTIAL.make())
    else:
        notes.append(
            SETTLEMENT_CREDENTIAL_PRESENTED.make(
                credential=episode.credential.zh, credential_en=episode.credential.en
            )
        )
    if not episode.network_available:
        manual.append(SETTLEMENT_NETWORK_UNAVAILABLE.make())

    # Article 17: catalogs and allowances.
    kinds = sorted({line.kind for line in episode.lines if line.kind in CATALOG_OF}, key=lambda k: k.name)
    catalogs = tuple(governing_catalog(scope, CATALOG_OF[kind], care=episode.care) for kind in kinds)
    meal = (
        meal_allowance(scope) if any(line.kind is LineKind.MEAL_ALLOWANCE for line in episode.lines) else None
    )
    is_referral = episode.filing is not None and episode.filing.category is PersonCategory.REFERRAL
    travel = (
        travel_and_lodging(scope, is_referral)
        if any(line.kind is LineKind.TRAVEL_AND_LODGING for line in episode.lines)
        else None
    )
    inside = [
        line
        for line in episode.lines
        if line.kind is not LineKind.TRAVEL_AND_LODGING
        and not (
            line.kind is LineKind.MEAL_ALLOWANCE and not (meal is not None and meal.part_of_direct_settlement)
        )
    ]
    outside_total = total - _sum(line.amount for line in inside)
    # The allowances handled outside direct settlement (art. 17 ¶3: the cross-province meal allowance, travel and
    # lodging) go to the insured place whatever the outcome. The catalogs (art. 17 ¶1, ¶2: 直接结算的…费用) and the
    # intra-province meal allowance (paid with the direct settlement) belong to a direct settlement only: a
    # manual reimbursement follows the insured place's rules (art. 22), and nothing is said of costs not payable.
    apart: list[Reason] = []
    for ruling in (meal, travel):
        if ruling is not None and not ruling.part_of_direct_settlement:
            apart.extend(ruling.reasons)
    with_direct: list[Reason] = []
    if meal is not None and meal.part_of_direct_settlement:
        with_direct.extend(meal.reasons)
    if catalogs:
        with_direct.append(_catalog_summary(catalogs))

    bill = _sum(line.amount for line in inside)
    figures: dict[str, Any] = {
        "scope": scope,
        "bill": bill,
        "outside_direct_settlement": outside_total,
        "refund_to_worker": ZERO,
        "catalogs": (),
        "meal_allowance": meal if meal is not None and not meal.part_of_direct_settlement else None,
    }
    # The precedence of outcomes: not payable directly, then not governed here, then manual, then direct.
    # Article 22's manual route follows a covering filing whose settlement fails only for the network or the
    # credential: on any other outcome those conditions are reported without promising a reimbursement.
    if not_payable:
        return _not_payable(
            (*scope_ruling.reasons, *not_payable, *elsewhere, *_noted(manual), *notes, *apart), **figures
        )
    if elsewhere:
        # The national procedure governs: this procedure divides no money and names no catalog (article 36).
        return _not_split(
            Settlement.NOT_GOVERNED,
            (*scope_ruling.reasons, *elsewhere, *_noted(manual), *notes),
            scope,
            total,
        )
    if manual:
        return SettlementRuling(
            outcome=Settlement.MANUAL_REIMBURSEMENT,
            reasons=(
                *scope_ruling.reasons,
                *manual,
                SETTLEMENT_MANUAL_DUPLICATE_CHECK.make(),
                *notes,
                *apart,
            ),
            fund_share=ZERO,
            worker_share=bill,
            **figures,
        )

    share_reasons: list[Reason] = []
    device_lines = [line for line in inside if line.kind is LineKind.ASSISTIVE_DEVICE]
    other_lines = [line for line in inside if line.kind is not LineKind.ASSISTIVE_DEVICE]
    fund, worker = _device_shares(episode, device_lines, share_reasons)
    non_compliant = _sum(line.amount for line in other_lines if not line.compliant)
    fund += _sum(line.amount for line in other_lines if line.compliant)
    worker += non_compliant
    if non_compliant:
        share_reasons.append(SETTLEMENT_NON_COMPLIANT_LINES.make(amount=non_compliant))
    refund = fund if coverage.outcome is Coverage.COVERED_WITH_REFUND else ZERO
    if refund:
        share_reasons.append(SETTLEMENT_REFUND_TO_WORKER.make(amount=refund))
    if scope is Scope.CROSS_PROVINCE_OUTBOUND:
        direct = SETTLEMENT_DIRECT_OUTBOUND.make(province=institution_place.name)
    elif scope is Scope.CROSS_PROVINCE_INBOUND:
        insured = episode.worker.insured
        direct = SETTLEMENT_DIRECT_INBOUND.make(insured=insured.name, insured_en=str(insured))
    else:
        direct = SETTLEMENT_DIRECT.make()
    figures.update(refund_to_worker=refund, catalogs=catalogs, meal_allowance=meal)
    return SettlementRuling(
        outcome=Settlement.DIRECT,
        reasons=(*scope_ruling.reasons, direct, *notes, *apart, *with_direct, *share_reasons),
        fund_share=fund,
        worker_share=worker,
        **figures,
    )
