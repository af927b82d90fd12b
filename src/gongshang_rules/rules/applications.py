"""Filing applications: who files, where, with what, and by when (chapter 2, articles 7 to 10; annexes 1, 2).

- Articles 7 and 8: :func:`check_submission` says which agency receives a filing application (the insured place's:
  a city's or a county's agency, or the provincial agency for 省本级 workers, :mod:`~gongshang_rules.rules.agencies`) and whether the applicant and the
  channel are ones article 8 allows. A worker insured in another province does not file with Hunan at all, and
  care within one city, or a 省本级 worker's care within Hunan, needs no filing (article 3).
- Article 9 and the annex notes: :func:`required_materials` lists what must be handed in, each item with the
  articles and notes that require it; an item that any one of several materials satisfies says so explicitly.
- Article 10: :func:`review_deadline` is the 5th working day after receipt, and :func:`review_application` finds
  an application complete (with that deadline) or incomplete, with one notice listing every missing material.

>>> import datetime as dt
>>> from gongshang_rules import IdentityNumber, PersonCategory, ServiceKind, place
>>> from gongshang_rules.rules.forms import Annex1Form, Applicant, FilingType, Sex
>>> form = Annex1Form(
...     name="张三", sex=Sex.MALE, identity_number=IdentityNumber("430102199001011238"),
...     injured_body_part="右手", injury_decision_number="长人社工认〔2025〕101号", phone="13800000000",
...     address="长沙市芙蓉区某路1号", filing_type=FilingType.NEW, category=PersonCategory.REFERRAL,
...     service=ServiceKind.MEDICAL, applicant=Applicant.WORKER, treatment=place("广东省"),
...     signed_on=dt.date(2025, 9, 30),
... )
>>> application = FilingApplication(
...     form=form, insured=place("长沙市"), channel=Channel.SERVICE_WINDOW, materials=frozenset(),
... )
>>> ruling = review_application(application, dt.date(2025, 9, 30))
>>> ruling.outcome.name, [m.requirement.name for m in ruling.missing]
('INCOMPLETE', ['REFERRAL_OPINION'])
>>> application = attrs.evolve(application, materials=frozenset({Material.REFERRAL_OPINION}))
>>> ruling = review_application(application, dt.date(2025, 9, 30))
>>> ruling.outcome.name, ruling.deadline, str(ruling.agency)
('COMPLETE', datetime.date(2025, 10, 14), '长沙市工伤保险经办机构 (city agency)')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

import attrs

from ..kernel._validate import (
    check_date,
    is_bool,
    is_frozenset_of,
    is_instance,
    is_member,
    is_optional_bool,
    type_name,
)
from ..kernel.articles import AnnexRef, ArticleRef, Citation
from ..kernel.authorities import (
    CIVIL_CODE_ART_201,
    NATIONAL_PROCEDURE,
    STATE_COUNCIL_SCHEDULE,
)
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    RECEIPT_DATE,
    ParametersLike,
    picks_version,
    resolve_parameters,
)
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from ..kernel.terms import PersonCategory
from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar, provisional_note, working_day_after
from .agencies import APPLICATION_FILE_WITH_INSURED_PROVINCE, Agency, receiving_agency
from .commencement import InForce, in_force
from .eligibility import ELIGIBILITY_NOT_OUT_OF_AREA
from .filing import ChangeKind, ChangeRuling, ChangeStatus, Filing, change_allowed
from .forms import AgencyOpinion, Annex1Form, Annex2Form, Applicant, FilingForm, FilingType
from .scope import Scope, classify_scope

__all__ = [
    "Channel",
    "FilingApplication",
    "Material",
    "RequiredMaterial",
    "Requirement",
    "Review",
    "ReviewRuling",
    "Submission",
    "SubmissionRuling",
    "check_submission",
    "filing_from_application",
    "missing_materials",
    "required_materials",
    "review_application",
    "review_deadline",
]

#: The national procedure that article 23 ¶3 names for cross-province matters.
#: Working days follow the State Council's yearly holiday schedule, make-up workdays included.


class Channel(LabelledEnum):
    """How an application is handed in (article 8)."""

    HUNAN_PLATFORM = ("湖南人社一体化平台", "the Hunan HR and social security platform")
    SERVICE_WINDOW = ("经办服务窗口", "an agency service window (offline)")
    NATIONAL_PLATFORM = (
        "国家社会保险公共服务平台等全国统一服务入口",
        "the national social insurance public service platform or another national entry point",
    )


class Material(LabelledEnum):
    """A document handed in with a filing application (article 9, annex notes 2 to 5)."""

    ANNEX_1_FORM = (
        "《工伤保险异地就医（康复）直接结算备案表》",
        "the annex 1 form (medical care, rehabilitation)",
    )
    ANNEX_2_FORM = ("《工伤保险异地配置辅助器具直接结算备案表》", "the annex 2 form (assistive devices)")
    REFERRAL_OPINION = (
        "参保地规定的协议机构转诊转院意见",
        "the referral opinion of an agreement institution the insured place designates",
    )
    HOUSEHOLD_REGISTRATION = ("户籍相关材料", "household-registration (户籍) materials")
    RESIDENCE_PERMIT = ("居住证", "a residence permit")
    COMMITTEE_CERTIFICATE = ("村（居）委会证明", "a village or residents' committee certificate")
    OTHER_RESIDENCE_PROOF = ("其他长期居住佐证材料", "other proof of long-term residence")
    DISPATCH_LETTER = ("参保地工作单位派出证明", "the insured-place employer's dispatch letter")
    OUT_OF_AREA_EMPLOYER_CERTIFICATE = ("异地工作单位证明", "the out-of-area employer's certificate")
    LABOUR_CONTRACT = ("劳动合同", "the labour contract")
    OTHER_RESIDENT_WORK_PROOF = ("其他常驻异地工作佐证材料", "other proof of resident work")
    RELATIVE_ID = ("近亲属有效身份证件", "the close relative's identity document")
    RELATIONSHIP_PROOF = ("与工伤职工的关系佐证材料", "proof of the relationship to the worker")
    AGENT_ID = ("受托人有效身份证明", "the agent's identity document")
    POWER_OF_ATTORNEY = ("授权委托书", "the power of attorney")


class Requirement(LabelledEnum):
    """An item an application must include; a :class:`RequiredMaterial` says which materials satisfy it."""

    FILING_FORM = ("备案表", "the filing form")
    REFERRAL_OPINION = ("转诊转院意见", "the referral opinion")
    RESIDENCE_PROOF = ("长期居住佐证材料", "proof of long-term residence")
    RESIDENT_WORK_PROOF = ("常驻异地工作佐证材料", "proof of resident work")
    RELATIVE_IDENTITY = ("近亲属有效身份证件", "the close relative's identity document")
    RELATIONSHIP_PROOF = ("与工伤职工的关系佐证材料", "proof of the relationship to the worker")
    AGENT_IDENTITY = ("受托人有效身份证明", "the agent's identity document")
    POWER_OF_ATTORNEY = ("授权委托书", "the power of attorney")


def _is_any_of(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value:
        raise InvalidInputError(attribute.name, "must be a non-empty tuple of Material members")
    for index, item in enumerate(value):
        if not isinstance(item, Material):
            raise InvalidInputError(f"{attribute.name}[{index}]", f"must be a Material member, got {item!r}")
    if len(set(value)) != len(value):
        raise InvalidInputError(attribute.name, "must not list a material twice")


def _is_citations(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value:
        raise InvalidInputError(attribute.name, "must be a non-empty tuple of ArticleRef or AnnexRef")
    for index, item in enumerate(value):
        if not isinstance(item, ArticleRef | AnnexRef):
            raise InvalidInputError(
                f"{attribute.name}[{index}]", f"must be an ArticleRef or AnnexRef, got {type_name(item)}"
            )


@attrs.frozen(kw_only=True)
class RequiredMaterial:
    """One required item: satisfied when any one of ``any_of`` is submitted.

    ``citations`` are the articles and annex notes that require it; ``interpretation`` is True when the
    requirement rests on a reading rather than the letter (see the ``MATERIAL_*`` reasons).
    """

    requirement: Requirement = attrs.field(validator=is_member(Requirement))
    any_of: tuple[Material, ...] = attrs.field(validator=_is_any_of)
    citations: tuple[Citation, ...] = attrs.field(validator=_is_citations)
    interpretation: bool = attrs.field(default=False, validator=is_bool)

    @property
    def alternatives(self) -> bool:
        """True when several materials can each satisfy the item on its own."""
        return len(self.any_of) > 1

    def is_satisfied_by(self, submitted: Iterable[Material]) -> bool:
        """Whether any one of the materials that satisfy this item is among ``submitted``."""
        return not set(self.any_of).isdisjoint(submitted)

    @property
    def zh(self) -> str:
        """The item as the notice states it in Chinese."""
        options = "、".join(m.zh for m in self.any_of)
        which = f"以下任一：{options}" if self.alternatives else options
        return f"{self.requirement.zh}（{which}；{'、'.join(c.zh for c in self.citations)}）"

    @property
    def en(self) -> str:
        """The item as the notice states it in English."""
        options = ", ".join(m.en for m in self.any_of)
        which = f"any one of: {options}" if self.alternatives else options
        return f"{self.requirement.en} ({which}; {', '.join(str(c) for c in self.citations)})"


def _is_form(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Annex1Form | Annex2Form):
        raise InvalidInputError(
            attribute.name, f"must be an Annex1Form or Annex2Form, got {type_name(value)}"
        )


def _needs_residence_fact(form: FilingForm) -> bool:
    """Whether annex note 4's household-registration question arises (notes 4; annex 2 note 5)."""
    return form.category is PersonCategory.LONG_TERM_RESIDENCE or (
        form.annex == 2 and form.category is PersonCategory.RESIDENT_WORK
    )


_FORM_MATERIAL = {1: Material.ANNEX_1_FORM, 2: Material.ANNEX_2_FORM}


@attrs.frozen(kw_only=True)
class FilingApplication:
    """A filing application as the agency receives it: the form, and what the form does not say.

    ``insured`` is the 参保地 (a Hunan city or county, 省本级, or another province). ``materials`` is what was
    handed in besides the form; the form this application carries counts as submitted.
    ``residence_at_household_registration`` says whether the worker's residence is at the place of household
    registration (户籍所在地): required for long-term residence (annex note 4) and, on annex 2, for resident
    work (annex 2 note 5 asks for residence proof too); ``None`` otherwise.
    """

    form: FilingForm = attrs.field(validator=_is_form)
    insured: Place = attrs.field(validator=is_instance(Place))
    channel: Channel = attrs.field(validator=is_member(Channel))
    materials: frozenset[Material] = attrs.field(validator=is_frozenset_of(Material))
    residence_at_household_registration: bool | None = attrs.field(default=None, validator=is_optional_bool)

    def __attrs_post_init__(self) -> None:
        other_form = _FORM_MATERIAL[3 - self.form.annex]
        if other_form in self.materials:
            raise InvalidInputError(
                "materials",
                f"holds {other_form.name}, but this application's form is annex {self.form.annex}",
            )
        needed = _needs_residence_fact(self.form)
        if needed and self.residence_at_household_registration is None:
            note = 4 if self.form.category is PersonCategory.LONG_TERM_RESIDENCE else 5
            raise InvalidInputError(
                "residence_at_household_registration",
                f"is required for {self.form.category.name} on annex {self.form.annex} "
                f"(annex {self.form.annex} note {note}: the proof of residence depends on it)",
            )
        if not needed and self.residence_at_household_registration is not None:
            raise InvalidInputError(
                "residence_at_household_registration",
                f"must be None for {self.form.category.name} on annex {self.form.annex}: no residence proof is "
                "asked for",
            )

    @property
    def submitted(self) -> frozenset[Material]:
        """Everything handed in: ``materials`` and the form itself."""
        return self.materials | {_FORM_MATERIAL[self.form.annex]}


# --- reasons -------------------------------------------------------------------------------------------------

_A8 = ArticleRef(8)
_A9_1 = ArticleRef(9, paragraph=1)
_A9_ITEM_1 = ArticleRef(9, paragraph=1, item=1)
_A9_ITEM_2 = ArticleRef(9, paragraph=1, item=2)
_A9_ITEM_3 = ArticleRef(9, paragraph=1, item=3)
_A10 = ArticleRef(10)
_NOTES_2 = (AnnexRef(1, note=2), AnnexRef(2, note=2))

APPLICATION_APPLICANT_PERMITTED = decisive(
    "APPLICATION_APPLICANT_PERMITTED",
    _A8,
    _A9_1,
    *_NOTES_2,
    when="Submission or review of out-of-area care that is not inbound: always (the applicant is the worker, a close relative or the employer).",
    zh="申请人为{who}，在附件{annex}上申请。用人单位、工伤职工或者其近亲属可以申请备案。",
    en="The applicant is {who_en}, on annex {annex}. The employer, the worker or a close relative may apply.",
)
APPLICATION_EMPLOYER_ON_ANNEX_1 = decisive(
    "APPLICATION_EMPLOYER_ON_ANNEX_1",
    _A8,
    _A9_1,
    AnnexRef(1),
    AnnexRef(1, note=2),
    when="With APPLICATION_APPLICANT_PERMITTED, when the employer applies on annex 1.",
    reading=True,
    zh="附件1的申请人栏和备注2只列工伤职工本人及其近亲属，但第八条、第九条第一款规定用人单位可申请并填写附件1；以条文为准，用人单位按附件2的栏目填写单位信息。",
    en="Annex 1's applicant box and note 2 name only the worker and close relatives, but articles 8 and 9 ¶1 let "
    "the employer apply and fill in annex 1: the articles prevail, and the employer gives its details as on annex 2.",
)
APPLICATION_AGENT_ENTRUSTED = note(
    "APPLICATION_AGENT_ENTRUSTED",
    _A9_ITEM_3,
    *_NOTES_2,
    when="With APPLICATION_APPLICANT_PERMITTED, when the form names an agent.",
    zh="工伤职工委托{agent}申请，另须提供有效身份证明及授权委托书。",
    en="The worker entrusts {agent} to apply: an identity document and a power of attorney are required as well.",
)
APPLICATION_CHANNEL_HUNAN_PLATFORM = decisive(
    "APPLICATION_CHANNEL_HUNAN_PLATFORM",
    6,
    _A8,
    when="Submission or review of out-of-area care that is not inbound, channel HUNAN_PLATFORM.",
    zh="通过湖南人社一体化平台向参保地经办机构提出备案申请。",
    en="Applied through the Hunan HR and social security platform to the insured place's agency.",
)
APPLICATION_CHANNEL_SERVICE_WINDOW = decisive(
    "APPLICATION_CHANNEL_SERVICE_WINDOW",
    _A8,
    ArticleRef(9, paragraph=2),
    when="Submission or review of out-of-area care that is not inbound, channel SERVICE_WINDOW.",
    zh="线下通过经办服务窗口提出备案申请：窗口应及时受理，并将相关材料扫描上传湖南人社一体化平台。",
    en="Applied offline at an agency service window: the window accepts it promptly and scans and uploads the "
    "materials to the Hunan platform.",
)
APPLICATION_CHANNEL_NATIONAL_PLATFORM = decisive(
    "APPLICATION_CHANNEL_NATIONAL_PLATFORM",
    _A8,
    when="Submission or review of CROSS_PROVINCE_OUTBOUND care, channel NATIONAL_PLATFORM.",
    reading=True,
    zh="跨省异地就医备案可通过国家社会保险公共服务平台等全国统一服务入口提出，申请仍由参保地经办机构即{agency}办理。",
    en="A cross-province filing may be made through the national social insurance public service platform or "
    "another national entry point; the insured place's agency, {agency_en}, still handles it.",
    authorities=(NATIONAL_PROCEDURE,),
)
APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY = decisive(
    "APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY",
    _A8,
    when="Submission or review of INTRA_PROVINCE care, channel NATIONAL_PLATFORM (outcome IMPROPERLY_SUBMITTED).",
    zh="国家社会保险公共服务平台等全国统一服务入口只用于跨省异地就医备案；省内异地就医备案应通过湖南人社一体化平台"
    "或经办服务窗口提出。",
    en="The national platform and the other national entry points take cross-province filings only: an "
    "intra-province filing is made through the Hunan platform or a service window.",
)

MATERIAL_RESIDENCE_PROOF_ANY_ONE = decisive(
    "MATERIAL_RESIDENCE_PROOF_ANY_ONE",
    _A9_ITEM_2,
    AnnexRef(1, note=4),
    AnnexRef(2, note=4),
    AnnexRef(2, note=5),
    when="Review in force: residence proof is required and the residence is not the household-registration place (any one proof suffices).",
    reading=True,
    zh="居住地不在户籍所在地的，居住证、村（居）委会证明等长期居住佐证材料任一即可；“等”表示列举未尽，经办机构认可的"
    "其他长期居住佐证材料亦可。",
    en="Where the residence is not the 户籍 place, any one proof of long-term residence suffices: a residence "
    "permit, a village or residents' committee certificate, or, as '等' leaves the list open, other proof the "
    "agency accepts.",
)
MATERIAL_RESIDENT_WORK_PROOF_ANY_ONE = decisive(
    "MATERIAL_RESIDENT_WORK_PROOF_ANY_ONE",
    _A9_ITEM_2,
    AnnexRef(1, note=5),
    AnnexRef(2, note=5),
    when="Review in force of a RESIDENT_WORK application (any one proof of resident work suffices).",
    reading=True,
    zh="参保地工作单位派出证明、异地工作单位证明、劳动合同等常驻异地工作佐证材料任一即可；“等”表示列举未尽，经办机构"
    "认可的其他常驻异地工作佐证材料亦可。",
    en="Any one proof of resident work suffices: the insured-place employer's dispatch letter, the out-of-area "
    "employer's certificate, the labour contract, or, as '等' leaves the list open, other proof the agency "
    "accepts.",
)
MATERIAL_AGENT_IDENTITY_IS_AGENTS = decisive(
    "MATERIAL_AGENT_IDENTITY_IS_AGENTS",
    _A9_ITEM_3,
    *_NOTES_2,
    when="Review in force: the form names an agent, so the agent's identity document is required.",
    reading=True,
    zh="第九条第一款第（三）项“另须提供其有效身份证明及授权委托书”中的“其”理解为受托人，须提供受托人有效身份证明；"
    "附件备注2只要求授权委托书。",
    en="In article 9 ¶1 item 3 (另须提供其有效身份证明及授权委托书) '其' is read as the agent: the agent's identity "
    "document is required; annex note 2 asks for the power of attorney only.",
)
MATERIAL_RESIDENT_WORK_RESIDENCE_PROOF = decisive(
    "MATERIAL_RESIDENT_WORK_RESIDENCE_PROOF",
    AnnexRef(2, note=4),
    AnnexRef(2, note=5),
    when="Review in force of a RESIDENT_WORK application on annex 2 (residence proof is required as well).",
    reading=True,
    zh="附件2备注5要求常驻异地工作人员另提供长期居住佐证材料，其形式按备注4区分：居住地为户籍所在地的提供户籍相关"
    "材料，否则提供居住证、村（居）委会证明等。",
    en="Annex 2 note 5 asks a resident worker for proof of long-term residence as well; its form follows note 4: "
    "household-registration materials where the residence is the 户籍 place, otherwise a residence permit, a "
    "committee certificate or the like.",
)

REVIEW_MATERIALS_COMPLETE = decisive(
    "REVIEW_MATERIALS_COMPLETE",
    _A9_1,
    _A10,
    when="Review in force: every required material is among those submitted.",
    zh="备案材料齐全：{items}。",
    en="The materials are complete: {items_en}.",
)
REVIEW_MATERIALS_MISSING = decisive(
    "REVIEW_MATERIALS_MISSING",
    _A9_1,
    _A10,
    when="Review in force: some required material is not among those submitted (they are all listed).",
    zh="备案材料不齐全，一次性告知需补正的全部材料（共{count}项）：{items}。",
    en="The materials are incomplete. This one notice lists every item to supply ({count}): {items_en}.",
)
REVIEW_DEADLINE = decisive(
    "REVIEW_DEADLINE",
    _A10,
    when="Review with outcome COMPLETE, and the review_deadline decision, always: the deadline is the 5th working day after received_on.",
    reading=True,
    zh="{received}收到申请，收到当日不计入，其后第{n}个工作日为{deadline}：应于该日前办理完毕并告知申请人。"
    "工作日按国务院节假日安排计算，调休上班日计入。",
    en="Received on {received}, a day not counted: the {n}th working day after it is {deadline}, by which the "
    "filing is to be decided and the applicant told. Working days follow the State Council's holiday "
    "schedule, make-up workdays included.",
    authorities=(CIVIL_CODE_ART_201, STATE_COUNCIL_SCHEDULE),
)
REVIEW_DEADLINE_OUTSIDE_PROCEDURE = decisive(
    "REVIEW_DEADLINE_OUTSIDE_PROCEDURE",
    _A10,
    36,
    when="The review_deadline decision for a received_on before in_force_from (2025-08-01) or after "
    "in_force_through (2027-07-31): no date is computed.",
    zh="{received}收到的申请不在本规程有效期（{start}至{end}）内，第十条的办理时限不适用；跨省备案按国家经办规程办理。",
    en="An application received on {received} falls outside this procedure's validity ({start} to {end}): "
    "article 10's deadline does not apply; a cross-province filing follows the national procedure.",
)
REVIEW_IN_PRINCIPLE = note(
    "REVIEW_IN_PRINCIPLE",
    _A10,
    when="Review with outcome COMPLETE, after REVIEW_DEADLINE.",
    reading=True,
    zh="第十条规定“原则上”应在{n}个工作日内办理完毕：这是经办时限要求，本规程未规定逾期的后果，逾期不改变对备案申请的"
    "处理。",
    en="Article 10 sets the {n} working days 'in principle' (原则上): a target the agency is to meet; the "
    "procedure attaches no consequence to exceeding it, and exceeding it does not change how the application "
    "is decided.",
)
REVIEW_DEADLINE_PROVISIONAL = note(
    "REVIEW_DEADLINE_PROVISIONAL",
    _A10,
    when="The review deadline (given for a complete application) falls on 21 to 31 December of a year whose next "
    "year's State Council schedule the calendar does not know (with the bundled schedules: 2026-12-21 to "
    "2026-12-31).",
    reading=True,
    zh="审核期限{deadline}落在{year}年12月下旬（{start}至{end}）：这些日期按{year}年的国务院节假日安排计算，"
    "{next}年的安排尚未知悉，可能调整这些日期，故该期限为暂定。",
    en="The review deadline {deadline} falls in late December {year} ({start} to {end}): those days follow the "
    "State Council's {year} schedule, and the {next} schedule, not yet known, may move them; the deadline is "
    "provisional.",
    authorities=(STATE_COUNCIL_SCHEDULE,),
)
REVIEW_INCOMPLETE_NO_DEADLINE = note(
    "REVIEW_INCOMPLETE_NO_DEADLINE",
    _A10,
    when="Review with outcome INCOMPLETE: no deadline is computed.",
    zh="第十条未规定一次性告知的期限，也未规定补正材料后办理时限如何起算：本规程对此未作规定，由参保地经办机构的"
    "经办规定确定；此处不计算办理时限。",
    en="Article 10 sets no time limit for the one-time notice, and does not say from when the working days run "
    "once the missing materials are supplied: this procedure does not specify it, and the insured place's "
    "agency's own service rules govern. No deadline is computed for an incomplete application.",
)
REVIEW_CHANGE_FILING = decisive(
    "REVIEW_CHANGE_FILING",
    11,
    _A9_1,
    when="Review in force of a change application (filing_type CHANGE).",
    reading=True,
    zh="备案类别为变更：变更使用同一备案表，本规程和附件备注未对变更申请规定不同材料，按同一材料要求审核。",
    en="A change (备案类别：变更) is applied for on the same form; neither the procedure nor the annex notes set "
    "different materials for it, so it is checked against the same list as a new filing.",
)


# --- outcomes and rulings ------------------------------------------------------------------------------------


class Submission(LabelledEnum):
    """Where a filing application goes and whether it was handed in properly (articles 3, 7, 8)."""

    PROPERLY_SUBMITTED = (
        "申请人和申请渠道符合规定，由参保地经办机构办理",
        "properly submitted: a permitted applicant, through a permitted channel, to the insured place's agency",
    )
    IMPROPERLY_SUBMITTED = ("申请渠道不符合规定", "not properly submitted under article 8")
    NO_FILING_NEEDED = ("不纳入异地就医管理，无需备案", "not out-of-area care; no filing is needed")
    FILE_WITH_INSURED_PROVINCE = (
        "向外省参保地经办机构备案，不向湖南经办机构备案",
        "filed with the insured province's agency, not with Hunan",
    )
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")


@attrs.frozen(kw_only=True)
class SubmissionRuling(Ruling[Submission]):
    """Where the application goes and whether it was handed in properly.

    ``agency`` is the Hunan agency that receives it (``None`` when no Hunan agency does); ``problems`` holds the
    codes of the article 8 problems (empty unless the outcome is ``IMPROPERLY_SUBMITTED``).
    """

    agency: Agency | None = attrs.field(default=None)
    problems: tuple[str, ...] = attrs.field(default=())

    def _extra_lines(self) -> list[str]:
        return [f"  receiving agency: {self.agency}"] if self.agency is not None else []


class Review(LabelledEnum):
    """The outcome of reviewing a filing application for completeness (articles 9, 10)."""

    COMPLETE = ("备案材料齐全，应在时限内办理完毕", "complete: to be decided and notified by the deadline")
    INCOMPLETE = (
        "备案材料不齐全，一次性告知需补正的材料",
        "incomplete: one notice lists every missing material",
    )
    IMPROPERLY_SUBMITTED = ("申请渠道不符合规定", "not properly submitted under article 8")
    NO_FILING_NEEDED = ("不纳入异地就医管理，无需备案", "not out-of-area care; no filing is needed")
    FILE_WITH_INSURED_PROVINCE = (
        "向外省参保地经办机构备案，不向湖南经办机构备案",
        "filed with the insured province's agency, not with Hunan",
    )
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")
    CHANGE_NOT_ALLOWED = (
        "备案暂不能变更（备案之日起规定期限内或备案已失效）",
        "the filing cannot be changed now (within the change-lock period from filing, or expired)",
    )
    NOT_IN_FORCE = (
        "本规程在收到申请之日不在有效期内",
        "this procedure is not in force on the day of receipt",
    )


@attrs.frozen(kw_only=True)
class ReviewRuling(Ruling[Review]):
    """A review of a filing application.

    ``deadline`` is the day by which a complete application is to be decided (``None`` otherwise); ``missing``
    is the notice: every required item not satisfied, all at once (article 10); ``agency`` the receiving
    agency; ``problems`` the codes of article 8 problems.
    """

    deadline: _dt.date | None = attrs.field(default=None)
    missing: tuple[RequiredMaterial, ...] = attrs.field(default=())
    agency: Agency | None = attrs.field(default=None)
    problems: tuple[str, ...] = attrs.field(default=())

    def _extra_lines(self) -> list[str]:
        lines = []
        if self.agency is not None:
            lines.append(f"  receiving agency: {self.agency}")
        if self.deadline is not None:
            lines.append(f"  decide by (in principle): {self.deadline.isoformat()}")
        lines.extend(f"  missing: {item.en}" for item in self.missing)
        return lines


# --- rules ---------------------------------------------------------------------------------------------------


def _check_application(application: object) -> FilingApplication:
    if not isinstance(application, FilingApplication):
        raise InvalidInputError("application", f"must be a FilingApplication, got {type_name(application)}")
    return application


def _applicant_reasons(form: FilingForm) -> list[Reason]:
    if form.applicant is Applicant.CLOSE_RELATIVE:
        assert form.relative is not None  # checked when the form was built
        who = f"工伤职工近亲属{form.relative.name}"
        who_en = f"the worker's close relative {form.relative.name}"
    elif form.applicant is Applicant.EMPLOYER:
        assert form.employer is not None  # checked when the form was built
        who = f"用人单位{form.employer.name}（统一社会信用代码{form.employer.credit_code}）"
        who_en = f"the employer {form.employer.name} (unified social credit code {form.employer.credit_code})"
    else:
        who, who_en = f"工伤职工本人{form.name}", f"the worker, {form.name}"
    reasons = [APPLICATION_APPLICANT_PERMITTED.make(who=who, who_en=who_en, annex=form.annex)]
    if form.annex == 1 and form.applicant is Applicant.EMPLOYER:
        reasons.append(APPLICATION_EMPLOYER_ON_ANNEX_1.make())
    if form.agent is not None:
        reasons.append(APPLICATION_AGENT_ENTRUSTED.make(agent=form.agent.name))
    return reasons


def _channel_reasons(channel: Channel, scope: Scope, agency: Agency) -> tuple[list[Reason], list[str]]:
    if channel is Channel.HUNAN_PLATFORM:
        return [APPLICATION_CHANNEL_HUNAN_PLATFORM.make()], []
    if channel is Channel.SERVICE_WINDOW:
        return [APPLICATION_CHANNEL_SERVICE_WINDOW.make()], []
    if scope.cross_province:
        return [APPLICATION_CHANNEL_NATIONAL_PLATFORM.make(agency=agency.zh, agency_en=str(agency))], []
    problem = APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY.make()
    return [problem], [problem.code]


def check_submission(application: FilingApplication) -> SubmissionRuling:
    """Which agency receives the application, and whether applicant and channel are allowed (articles 7, 8).

    Care within one city, and a 省本级 worker's care within Hunan, need no filing (article 3); a worker insured in
    another province files with that province, not with Hunan (article 8: the insured place's agency). Every
    article 8 problem is listed.

    >>> import datetime as dt
    >>> from gongshang_rules import IdentityNumber, PersonCategory, ServiceKind, place
    >>> from gongshang_rules.rules.forms import Annex1Form, Applicant, FilingType, Sex
    >>> form = Annex1Form(
    ...     name="李四", sex=Sex.FEMALE, identity_number=IdentityNumber("430181198506150023"),
    ...     injured_body_part="左腿", injury_decision_number="浏人社工认〔2025〕8号", phone="0731-88880000",
    ...     address="浏阳市某镇", filing_type=FilingType.NEW, category=PersonCategory.REFERRAL,
    ...     service=ServiceKind.REHABILITATION, applicant=Applicant.WORKER, treatment=place("岳阳市"),
    ...     signed_on=dt.date(2025, 9, 1),
    ... )
    >>> application = FilingApplication(
    ...     form=form, insured=place("浏阳市"), channel=Channel.NATIONAL_PLATFORM, materials=frozenset(),
    ... )
    >>> ruling = check_submission(application)
    >>> ruling.outcome.name, ruling.agency.zh, ruling.problems
    ('IMPROPERLY_SUBMITTED', '浏阳市工伤保险经办机构', ('APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY',))

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``PROPERLY_SUBMITTED``, ``IMPROPERLY_SUBMITTED``, ``NO_FILING_NEEDED``,
      ``FILE_WITH_INSURED_PROVINCE``, ``NOT_GOVERNED``
    * reason codes: ``APPLICATION_AGENT_ENTRUSTED``, ``APPLICATION_APPLICANT_PERMITTED``,
      ``APPLICATION_CHANNEL_HUNAN_PLATFORM``, ``APPLICATION_CHANNEL_NATIONAL_PLATFORM``,
      ``APPLICATION_CHANNEL_SERVICE_WINDOW``, ``APPLICATION_EMPLOYER_ON_ANNEX_1``,
      ``APPLICATION_FILE_WITH_INSURED_PROVINCE``, ``APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY``,
      ``APPLICATION_RECEIVED_BY_CITY_AGENCY``, ``APPLICATION_RECEIVED_BY_COUNTY_AGENCY``,
      ``APPLICATION_RECEIVED_BY_PROVINCIAL_AGENCY``, ``ELIGIBILITY_NOT_OUT_OF_AREA``,
      ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``, ``SCOPE_INTRA_PROVINCE``,
      ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 6, art. 7, art. 8, art. 9, annex 1, annex 2
    """
    application = _check_application(application)
    scope_ruling = classify_scope(application.insured, application.form.treatment)
    scope = scope_ruling.outcome
    if scope in (Scope.LOCAL, Scope.PROVINCIAL_RECOGNITION):
        return SubmissionRuling(
            outcome=Submission.NO_FILING_NEEDED,
            reasons=(*scope_ruling.reasons, ELIGIBILITY_NOT_OUT_OF_AREA.make()),
        )
    if scope is Scope.NOT_GOVERNED:
        return SubmissionRuling(outcome=Submission.NOT_GOVERNED, reasons=scope_ruling.reasons)
    if scope is Scope.CROSS_PROVINCE_INBOUND:
        return SubmissionRuling(
            outcome=Submission.FILE_WITH_INSURED_PROVINCE,
            reasons=(
                *scope_ruling.reasons,
                APPLICATION_FILE_WITH_INSURED_PROVINCE.make(insured=application.insured.name),
            ),
        )
    agency, agency_reason = receiving_agency(application.insured)
    channel_reasons, problems = _channel_reasons(application.channel, scope, agency)
    return SubmissionRuling(
        outcome=Submission.IMPROPERLY_SUBMITTED if problems else Submission.PROPERLY_SUBMITTED,
        reasons=(
            *scope_ruling.reasons,
            agency_reason,
            *_applicant_reasons(application.form),
            *channel_reasons,
        ),
        agency=agency,
        problems=tuple(problems),
    )


_RESIDENCE_OPTIONS = (
    Material.RESIDENCE_PERMIT,
    Material.COMMITTEE_CERTIFICATE,
    Material.OTHER_RESIDENCE_PROOF,
)
_RESIDENT_WORK_OPTIONS = (
    Material.DISPATCH_LETTER,
    Material.OUT_OF_AREA_EMPLOYER_CERTIFICATE,
    Material.LABOUR_CONTRACT,
    Material.OTHER_RESIDENT_WORK_PROOF,
)


def _residence_proof(application: FilingApplication, citations: tuple[Citation, ...]) -> RequiredMaterial:
    at_registration = application.residence_at_household_registration
    resident_work = application.form.category is PersonCategory.RESIDENT_WORK
    return RequiredMaterial(
        requirement=Requirement.RESIDENCE_PROOF,
        any_of=(Material.HOUSEHOLD_REGISTRATION,) if at_registration else _RESIDENCE_OPTIONS,
        citations=citations,
        interpretation=resident_work or not at_registration,
    )


def required_materials(application: FilingApplication) -> tuple[RequiredMaterial, ...]:
    """Every item the application must include, with the articles and notes requiring it (article 9, annexes).

    The form (article 9 ¶1); for a referral the referral opinion (item 1, note 3); for long-term residence the
    residence proof, which depends on whether the residence is the 户籍 place (item 2, note 4); for resident work
    proof of it, any one of several (item 2, note 5), and on annex 2 residence proof too (annex 2 note 5); for a
    relative's application their identity document and proof of the relationship (note 2); for an agent's, the
    agent's identity document and the power of attorney (item 3, note 2).

    >>> import datetime as dt
    >>> from gongshang_rules import IdentityNumber, PersonCategory, ServiceKind, place
    >>> from gongshang_rules.rules.forms import Annex1Form, Applicant, FilingType, Relative, Sex
    >>> form = Annex1Form(
    ...     name="王五", sex=Sex.MALE, identity_number=IdentityNumber("430703197802283313"),
    ...     injured_body_part="腰椎", injury_decision_number="常人社工认〔2024〕55号", phone="13900000000",
    ...     address="广州市天河区某路", filing_type=FilingType.NEW, category=PersonCategory.RESIDENT_WORK,
    ...     service=ServiceKind.MEDICAL, applicant=Applicant.CLOSE_RELATIVE, treatment=place("广东省"),
    ...     signed_on=dt.date(2025, 9, 1), relative=Relative(
    ...         name="王小五", identity_number=IdentityNumber("430102199001011238"), contact="13700000000"),
    ... )
    >>> application = FilingApplication(
    ...     form=form, insured=place("常德市"), channel=Channel.HUNAN_PLATFORM, materials=frozenset(),
    ... )
    >>> for item in required_materials(application):
    ...     print(item.requirement.name, [m.name for m in item.any_of], [str(c) for c in item.citations])
    FILING_FORM ['ANNEX_1_FORM'] ['art. 9(1)', 'annex 1']
    RESIDENT_WORK_PROOF ['DISPATCH_LETTER', 'OUT_OF_AREA_EMPLOYER_CERTIFICATE', 'LABOUR_CONTRACT', 'OTHER_RESIDENT_WORK_PROOF'] ['art. 9(1) item 2', 'annex 1 note 5']
    RELATIVE_IDENTITY ['RELATIVE_ID'] ['annex 1 note 2']
    RELATIONSHIP_PROOF ['RELATIONSHIP_PROOF'] ['annex 1 note 2']
    """
    application = _check_application(application)
    form = application.form
    annex = form.annex
    items = [
        RequiredMaterial(
            requirement=Requirement.FILING_FORM,
            any_of=(_FORM_MATERIAL[annex],),
            citations=(_A9_1, AnnexRef(annex)),
        )
    ]
    if form.category is PersonCategory.REFERRAL:
        items.append(
            RequiredMaterial(
                requirement=Requirement.REFERRAL_OPINION,
                any_of=(Material.REFERRAL_OPINION,),
                citations=(_A9_ITEM_1, AnnexRef(annex, note=3)),
            )
        )
    elif form.category is PersonCategory.LONG_TERM_RESIDENCE:
        items.append(_residence_proof(application, (_A9_ITEM_2, AnnexRef(annex, note=4))))
    else:
        items.append(
            RequiredMaterial(
                requirement=Requirement.RESIDENT_WORK_PROOF,
                any_of=_RESIDENT_WORK_OPTIONS,
                citations=(_A9_ITEM_2, AnnexRef(annex, note=5)),
                interpretation=True,
            )
        )
        if annex == 2:
            items.append(
                _residence_proof(application, (_A9_ITEM_2, AnnexRef(2, note=5), AnnexRef(2, note=4)))
            )
    if form.relative is not None:
        items += [
            RequiredMaterial(
                requirement=Requirement.RELATIVE_IDENTITY,
                any_of=(Material.RELATIVE_ID,),
                citations=(AnnexRef(annex, note=2),),
            ),
            RequiredMaterial(
                requirement=Requirement.RELATIONSHIP_PROOF,
                any_of=(Material.RELATIONSHIP_PROOF,),
                citations=(AnnexRef(annex, note=2),),
            ),
        ]
    if form.agent is not None:
        items += [
            RequiredMaterial(
                requirement=Requirement.AGENT_IDENTITY,
                any_of=(Material.AGENT_ID,),
                citations=(_A9_ITEM_3,),
                interpretation=True,
            ),
            RequiredMaterial(
                requirement=Requirement.POWER_OF_ATTORNEY,
                any_of=(Material.POWER_OF_ATTORNEY,),
                citations=(_A9_ITEM_3, AnnexRef(annex, note=2)),
            ),
        ]
    return tuple(items)


def missing_materials(application: FilingApplication) -> tuple[RequiredMaterial, ...]:
    """Every required item that nothing submitted satisfies, in the order of :func:`required_materials` (art. 10).

    >>> import datetime as dt
    >>> from gongshang_rules import IdentityNumber, PersonCategory, ServiceKind, place
    >>> from gongshang_rules.rules.forms import Agent, Annex1Form, Applicant, FilingType, Sex
    >>> form = Annex1Form(
    ...     name="赵六", sex=Sex.MALE, identity_number=IdentityNumber("431103196607078887"),
    ...     injured_body_part="右眼", injury_decision_number="永人社工认〔2023〕9号", phone="13600000000",
    ...     address="深圳市某区", filing_type=FilingType.NEW, category=PersonCategory.LONG_TERM_RESIDENCE,
    ...     service=ServiceKind.MEDICAL, applicant=Applicant.WORKER, treatment=place("广东省"),
    ...     signed_on=dt.date(2025, 9, 1),
    ...     agent=Agent(name="钱七", identity_number=IdentityNumber("430102199001011238")),
    ... )
    >>> application = FilingApplication(
    ...     form=form, insured=place("永州市"), channel=Channel.SERVICE_WINDOW,
    ...     materials=frozenset({Material.RESIDENCE_PERMIT}), residence_at_household_registration=False,
    ... )
    >>> [item.requirement.name for item in missing_materials(application)]
    ['AGENT_IDENTITY', 'POWER_OF_ATTORNEY']
    """
    application = _check_application(application)
    submitted = application.submitted
    return tuple(item for item in required_materials(application) if not item.is_satisfied_by(submitted))


def review_deadline(
    received_on: _dt.date,
    *,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
    parameters: ParametersLike = DEFAULT_SCHEDULE,
) -> _dt.date:
    """The day by which a filing is to be decided and the applicant told: article 10's 5th working day.

    The day of receipt is not counted (民法典 第二百零一条 [interpretation]); working days follow the State
    Council's holiday schedule, make-up workdays included. A year whose schedule ``calendar`` does not know
    raises :class:`CalendarUnknownError`. The parameters version is the one in force on the day of receipt.

    >>> import datetime as dt
    >>> review_deadline(dt.date(2025, 9, 30))   # the National Day week, then the make-up Saturday 10-11
    datetime.date(2025, 10, 14)
    """
    check_date("received_on", received_on)
    p = resolve_parameters(parameters, received_on)
    return working_day_after(received_on, p.review_working_days, calendar=calendar)


_NOT_REVIEWED = {
    Submission.NO_FILING_NEEDED: Review.NO_FILING_NEEDED,
    Submission.FILE_WITH_INSURED_PROVINCE: Review.FILE_WITH_INSURED_PROVINCE,
    Submission.NOT_GOVERNED: Review.NOT_GOVERNED,
}


def _material_readings(application: FilingApplication, required: Iterable[RequiredMaterial]) -> list[Reason]:
    """The MATERIAL_* reasons for the readings the required items rest on."""
    reasons = []
    for item in required:
        if item.requirement is Requirement.AGENT_IDENTITY:
            reasons.append(MATERIAL_AGENT_IDENTITY_IS_AGENTS.make())
        elif item.requirement is Requirement.RESIDENT_WORK_PROOF:
            reasons.append(MATERIAL_RESIDENT_WORK_PROOF_ANY_ONE.make())
        elif item.alternatives:
            reasons.append(MATERIAL_RESIDENCE_PROOF_ANY_ONE.make())
    if application.form.annex == 2 and application.form.category is PersonCategory.RESIDENT_WORK:
        reasons.append(MATERIAL_RESIDENT_WORK_RESIDENCE_PROOF.make())
    return reasons


REVIEW_CHANGE_LOCK_NOT_CHECKED = note(
    "REVIEW_CHANGE_LOCK_NOT_CHECKED",
    11,
    ArticleRef(13, paragraph=1),
    when="Review in force of a change application without the filing it changes (current_filing).",
    zh="变更申请未提供现有备案，无法核对第十三条“自备案之日起{months}个月后可以变更或取消”的限制。",
    en="The filing being changed was not given: article 13's rule that a long-term filing may be changed only after "
    "{months} months could not be checked.",
)


@picks_version(RECEIPT_DATE, lambda _application, received_on, *_a, **_k: received_on)
def review_application(
    application: FilingApplication,
    received_on: _dt.date,
    *,
    current_filing: Filing | None = None,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
    parameters: ParametersLike = DEFAULT_SCHEDULE,
) -> ReviewRuling:
    """Review a filing application received on ``received_on`` (articles 9, 10, with 7 and 8).

    A change application (备案类别：变更) is checked against ``current_filing``, the filing it changes (articles 11,
    13 ¶1: a long-term filing is locked for 3 months); without it the ruling says the lock was not checked.
    Complete: the deadline of :func:`review_deadline`. Incomplete: one notice listing every missing item at once
    (``missing``), never the first gap only. Article 8 problems are reported as well (``IMPROPERLY_SUBMITTED``,
    with the notice if materials are missing too). An application no Hunan agency reviews, or received on a day
    this procedure is not in force (article 36), gets that outcome instead. The parameters version is the one in
    force on the day of receipt; the change lock is read with the version of the filing's own date.

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from gongshang_rules import IdentityNumber, PersonCategory, place
    >>> from gongshang_rules.rules.forms import Annex2Form, Applicant, Device, Employer, FilingType, Sex
    >>> form = Annex2Form(
    ...     name="孙八", sex=Sex.MALE, identity_number=IdentityNumber("43052119920303456X"),
    ...     injured_body_part="左小腿", injury_decision_number="邵人社工认〔2024〕12号", phone="13500000000",
    ...     address="邵阳市某县", filing_type=FilingType.NEW, category=PersonCategory.REFERRAL,
    ...     applicant=Applicant.EMPLOYER, treatment=place("长沙市"), signed_on=dt.date(2026, 2, 12),
    ...     device_conclusion_number="邵辅结〔2025〕3号", cost_approval_number="邵辅核〔2025〕3号",
    ...     devices=(Device(name="小腿假肢", minimum_service_years=3, maximum_payment=Decimal("12000.00")),),
    ...     employer=Employer(name="某某机械有限公司", credit_code="91430100MA4L0XXXXD",
    ...                       contact_person="周九", contact="0739-5550000"),
    ... )
    >>> application = FilingApplication(
    ...     form=form, insured=place("邵阳市"), channel=Channel.HUNAN_PLATFORM,
    ...     materials=frozenset({Material.REFERRAL_OPINION}),
    ... )
    >>> ruling = review_application(application, dt.date(2026, 2, 13))
    >>> ruling.outcome.name, ruling.deadline   # 02-14 and 02-28 are make-up Saturdays
    ('COMPLETE', datetime.date(2026, 2, 27))

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``COMPLETE``, ``INCOMPLETE``, ``IMPROPERLY_SUBMITTED``, ``NO_FILING_NEEDED``,
      ``FILE_WITH_INSURED_PROVINCE``, ``NOT_GOVERNED``, ``CHANGE_NOT_ALLOWED``, ``NOT_IN_FORCE``
    * reason codes: ``APPLICATION_AGENT_ENTRUSTED``, ``APPLICATION_APPLICANT_PERMITTED``,
      ``APPLICATION_CHANNEL_HUNAN_PLATFORM``, ``APPLICATION_CHANNEL_NATIONAL_PLATFORM``,
      ``APPLICATION_CHANNEL_SERVICE_WINDOW``, ``APPLICATION_EMPLOYER_ON_ANNEX_1``,
      ``APPLICATION_FILE_WITH_INSURED_PROVINCE``, ``APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY``,
      ``APPLICATION_RECEIVED_BY_CITY_AGENCY``, ``APPLICATION_RECEIVED_BY_COUNTY_AGENCY``,
      ``APPLICATION_RECEIVED_BY_PROVINCIAL_AGENCY``, ``CHANGE_FILING_EXPIRED``, ``CHANGE_LOCKED``,
      ``CHANGE_LOCK_OVER``, ``CHANGE_PERSONAL_INFORMATION_ANY_TIME``, ``CHANGE_REFERRAL_NO_LOCK``,
      ``CHANGE_WITH_INSURED_PROVINCE``, ``ELIGIBILITY_NOT_OUT_OF_AREA``, ``FILING_AFTER_PROCEDURE``,
      ``FILING_BEFORE_PROCEDURE``, ``FILING_RUNS_PAST_PROCEDURE_END``, ``FILING_UNDER_NATIONAL_PROCEDURE``,
      ``FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE``, ``FILING_VALIDITY_BY_INSURED_PROVINCE``,
      ``FILING_VALIDITY_COMPUTED``, ``FILING_VALIDITY_DIFFERS_FROM_RULE``, ``FILING_VALIDITY_STATED``,
      ``IN_FORCE_BEFORE_NATIONAL_SCHEME``, ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``,
      ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``, ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``,
      ``IN_FORCE_WITHIN_PERIOD``, ``MATERIAL_AGENT_IDENTITY_IS_AGENTS``, ``MATERIAL_RESIDENCE_PROOF_ANY_ONE``,
      ``MATERIAL_RESIDENT_WORK_PROOF_ANY_ONE``, ``MATERIAL_RESIDENT_WORK_RESIDENCE_PROOF``,
      ``PARAMETERS_VERSION_USED``, ``REVIEW_CHANGE_FILING``, ``REVIEW_CHANGE_LOCK_NOT_CHECKED``,
      ``REVIEW_DEADLINE``, ``REVIEW_DEADLINE_PROVISIONAL``, ``REVIEW_INCOMPLETE_NO_DEADLINE``,
      ``REVIEW_IN_PRINCIPLE``, ``REVIEW_MATERIALS_COMPLETE``, ``REVIEW_MATERIALS_MISSING``,
      ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``, ``SCOPE_INTRA_PROVINCE``,
      ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it), ``CalendarUnknownError``; every one a
      ``GongshangError`` (a ``ValueError``)
    * articles: art. 2, art. 3, art. 6, art. 7, art. 8, art. 9, art. 10, art. 11, art. 13, art. 36, annex 1,
      annex 2
    """
    application = _check_application(application)
    check_date("received_on", received_on)
    if received_on < application.form.signed_on:
        raise InvalidInputError(
            "received_on",
            f"{received_on.isoformat()} is before the applicant signed the form "
            f"({application.form.signed_on.isoformat()})",
        )
    p = resolve_parameters(parameters, received_on)
    if current_filing is not None:
        if not isinstance(current_filing, Filing):
            raise InvalidInputError("current_filing", f"must be a Filing, got {type_name(current_filing)}")
        if application.form.filing_type is not FilingType.CHANGE:
            raise InvalidInputError("current_filing", "applies to a change application (备案类别：变更) only")
        if current_filing.insured != application.insured:
            raise InvalidInputError("current_filing.insured", "must be the application's insured place")
    submission = check_submission(application)
    if submission.outcome in _NOT_REVIEWED:
        return ReviewRuling(outcome=_NOT_REVIEWED[submission.outcome], reasons=submission.reasons)
    scope = classify_scope(application.insured, application.form.treatment).outcome
    force = in_force(received_on, scope, parameters=parameters)
    if force.outcome is InForce.NATIONAL_PROCEDURE:
        return ReviewRuling(outcome=Review.NOT_GOVERNED, reasons=(*submission.reasons, *force.reasons))
    if force.outcome is not InForce.IN_FORCE:
        return ReviewRuling(outcome=Review.NOT_IN_FORCE, reasons=(*submission.reasons, *force.reasons))

    required = required_materials(application)
    submitted = application.submitted
    missing = tuple(item for item in required if not item.is_satisfied_by(submitted))
    reasons = [*submission.reasons]
    locked: ChangeRuling | None = None
    if application.form.filing_type is FilingType.CHANGE:
        reasons.append(REVIEW_CHANGE_FILING.make())
        if current_filing is None:
            reasons.append(REVIEW_CHANGE_LOCK_NOT_CHECKED.make(months=p.change_lock_months))
        else:
            kind = (
                ChangeKind.TREATMENT_PLACE
                if current_filing.treatment != application.form.treatment
                else ChangeKind.PERSONAL_INFORMATION
            )
            change = change_allowed(current_filing, kind, received_on, parameters=parameters)
            reasons += change.reasons
            if change.outcome is not ChangeStatus.ALLOWED:
                locked = change
    reasons += _material_readings(application, required)
    if missing:
        reasons.append(
            REVIEW_MATERIALS_MISSING.make(
                count=len(missing),
                items="；".join(item.zh for item in missing),
                items_en="; ".join(item.en for item in missing),
            )
        )
    else:
        reasons.append(
            REVIEW_MATERIALS_COMPLETE.make(
                items="；".join(item.zh for item in required),
                items_en="; ".join(item.en for item in required),
            )
        )
    if submission.problems:
        outcome, deadline = Review.IMPROPERLY_SUBMITTED, None
    elif locked is not None:
        outcome, deadline = Review.CHANGE_NOT_ALLOWED, None
    elif missing:
        outcome, deadline = Review.INCOMPLETE, None
        reasons.append(REVIEW_INCOMPLETE_NO_DEADLINE.make())
    else:
        outcome = Review.COMPLETE
        deadline = review_deadline(received_on, calendar=calendar, parameters=parameters)
        n = p.review_working_days
        reasons += [
            REVIEW_DEADLINE.make(received=received_on.isoformat(), n=n, deadline=deadline.isoformat()),
            REVIEW_IN_PRINCIPLE.make(n=n),
        ]
        provisional = provisional_note(
            received_on, n, deadline, calendar=calendar, template=REVIEW_DEADLINE_PROVISIONAL
        )
        if provisional is not None:
            reasons.append(provisional)
    return ReviewRuling(
        outcome=outcome,
        reasons=tuple(reasons),
        deadline=deadline,
        missing=missing,
        agency=submission.agency,
        problems=submission.problems,
    )


def filing_from_application(application: FilingApplication) -> Filing:
    """The approved filing (备案) that an application the agency agreed to becomes (articles 9, 10, 13).

    The filing date (备案之日, from which article 13 counts) is the date of the agency's decision on the form
    [interpretation: the filing is complete when the agency approves it]; the validity the agency wrote on the
    form is carried as the stated validity, which governs (article 13, SPEC "Filing"); an annex-2 filing carries
    its device list (article 19). An application not decided, or refused, has no filing: InvalidInputError.
    """
    if not isinstance(application, FilingApplication):
        raise InvalidInputError(
            "application", f"must be a FilingApplication, got {type(application).__name__}"
        )
    form = application.form
    decision = form.decision
    if decision is None:
        raise InvalidInputError("form.decision", "the agency has not decided yet: nothing is filed")
    if decision.opinion is not AgencyOpinion.AGREE:
        raise InvalidInputError(
            "form.decision.opinion", "the agency did not agree (不同意): nothing was filed"
        )
    return Filing(
        insured=application.insured,
        treatment=form.treatment,
        category=form.category,
        service=form.service,
        filed_on=decision.decided_on,
        stated_valid_from=decision.valid_from,
        stated_valid_through=decision.valid_through,
        devices=form.devices if isinstance(form, Annex2Form) else (),
    )
