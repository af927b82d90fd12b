"""Filing applications: who files, where, and how (chapter 2, articles 8 and 9, with 3 and 7; annexes 1, 2).

A :class:`FilingApplication` is a filing application as the agency receives it: an annex form
(:mod:`~gongshang_rules.rules.forms`), the insured place, the :class:`Channel` it came through and the
:class:`Material` handed in besides the form.

- Articles 7 and 8: :func:`check_submission` says which agency receives the application (the insured place's:
  a city's or a county's agency, or the provincial agency for 省本级 workers; see
  :func:`~gongshang_rules.rules.agencies.receiving_agency`) and whether the applicant and the channel are ones
  article 8 allows. A worker insured in another province does not file with Hunan at all, and care within one
  city, or a 省本级 worker's care within Hunan, needs no filing (article 3).
- Articles 9, 10 and 13: :func:`filing_from_application` is the approved
  :class:`~gongshang_rules.rules.filing.Filing` that an application the agency agreed to becomes.

What must be handed in is :mod:`~gongshang_rules.rules.materials` (article 9); the review and its deadline are
:mod:`~gongshang_rules.rules.review` (article 10).

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
>>> ruling = check_submission(application)
>>> ruling.outcome.name, str(ruling.agency)
('PROPERLY_SUBMITTED', '长沙市工伤保险经办机构 (city agency)')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ..kernel._validate import is_frozenset_of, is_instance, is_member, is_optional_bool, type_name
from ..kernel.articles import AnnexRef, ArticleRef
from ..kernel.authorities import NATIONAL_PROCEDURE
from ..kernel.errors import InvalidInputError
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from ..kernel.terms import PersonCategory
from .agencies import APPLICATION_FILE_WITH_INSURED_PROVINCE, Agency, receiving_agency
from .eligibility import ELIGIBILITY_NOT_OUT_OF_AREA
from .filing import Filing
from .forms import AgencyOpinion, Annex1Form, Annex2Form, Applicant, FilingForm
from .scope import Scope, classify_scope

__all__ = [
    "Channel",
    "FilingApplication",
    "Material",
    "Submission",
    "SubmissionRuling",
    "check_submission",
    "filing_from_application",
]

if not TYPE_CHECKING:  # what moved out of this module (issue 9) is still found here, with a warning
    from .._moved import split_out

    __getattr__ = split_out(__name__, "agencies", "materials", "review")


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


#: The annex form an application carries, as a material handed in (annex 1 or 2).
FORM_MATERIAL = {1: Material.ANNEX_1_FORM, 2: Material.ANNEX_2_FORM}


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
        other_form = FORM_MATERIAL[3 - self.form.annex]
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
        return self.materials | {FORM_MATERIAL[self.form.annex]}


# --- submission (articles 3, 7, 8) -------------------------------------------------------------------------

_A8 = ArticleRef(8)
_A9_1 = ArticleRef(9, paragraph=1)
_A9_ITEM_3 = ArticleRef(9, paragraph=1, item=3)
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


def check_application(application: object) -> FilingApplication:
    """``application``, checked to be a :class:`FilingApplication` (the error names ``application``)."""
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
    application = check_application(application)
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
