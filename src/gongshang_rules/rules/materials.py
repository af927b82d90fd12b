"""What a filing application must include: article 9 of chapter 2, with the notes of annexes 1 and 2.

:func:`required_materials` lists every item an application must include, each a :class:`RequiredMaterial` with
the articles and notes that require it; an item that any one of several materials satisfies says so explicitly.
:func:`missing_materials` is what nothing submitted satisfies: article 10's one notice lists them all.

>>> import datetime as dt
>>> from gongshang_rules import IdentityNumber, PersonCategory, ServiceKind, place
>>> from gongshang_rules.rules.applications import Channel, FilingApplication
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
>>> [item.requirement.name for item in missing_materials(application)]
['REFERRAL_OPINION']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ..kernel._validate import is_bool, is_member, type_name
from ..kernel.articles import AnnexRef, ArticleRef, Citation
from ..kernel.errors import InvalidInputError
from ..kernel.ruling import LabelledEnum, Reason, decisive
from ..kernel.terms import PersonCategory
from .applications import FORM_MATERIAL, FilingApplication, Material, check_application

__all__ = [
    "RequiredMaterial",
    "Requirement",
    "missing_materials",
    "required_materials",
]


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


_A9_1 = ArticleRef(9, paragraph=1)
_A9_ITEM_1 = ArticleRef(9, paragraph=1, item=1)
_A9_ITEM_2 = ArticleRef(9, paragraph=1, item=2)
_A9_ITEM_3 = ArticleRef(9, paragraph=1, item=3)
_NOTES_2 = (AnnexRef(1, note=2), AnnexRef(2, note=2))

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
    >>> from gongshang_rules.rules.applications import Channel, FilingApplication
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
    application = check_application(application)
    form = application.form
    annex = form.annex
    items = [
        RequiredMaterial(
            requirement=Requirement.FILING_FORM,
            any_of=(FORM_MATERIAL[annex],),
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
    >>> from gongshang_rules.rules.applications import Channel, FilingApplication, Material
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
    application = check_application(application)
    submitted = application.submitted
    return tuple(item for item in required_materials(application) if not item.is_satisfied_by(submitted))


def material_readings(application: FilingApplication, required: Iterable[RequiredMaterial]) -> list[Reason]:
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
