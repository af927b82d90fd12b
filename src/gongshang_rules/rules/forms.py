"""The two filing forms of 湘人社规〔2025〕24号 (annexes 1 and 2, with articles 8 and 9).

Annex 1, 《工伤保险异地就医（康复）直接结算备案表》, files out-of-area medical care and rehabilitation; annex 2,
《工伤保险异地配置辅助器具直接结算备案表》, files assistive devices (article 9 ¶1). Each is a frozen value holding every
box of the paper form, checked when it is built: a bad value raises :class:`InvalidInputError` (or a subclass)
naming the field, and nothing is coerced.

The boxes, section by section:

- 工伤职工基本信息: ``name``, ``sex``, ``identity_number`` (an :class:`IdentityNumber`, shown masked),
  ``injured_body_part``, ``injury_decision_number`` (工伤认定决定书文（编）号), ``phone``, ``address``; annex 2 adds
  ``device_conclusion_number`` (辅助器具配置结论书文（编）号) and ``cost_approval_number`` (配置费用核付通知单文（编）号).
- 备案信息: ``filing_type`` (新增 / 变更) and the person category: annex 1 has six boxes, a
  :class:`PersonCategory` for each of :attr:`ServiceKind.MEDICAL` and :attr:`ServiceKind.REHABILITATION`
  (``category`` and ``service``); annex 2 has three (``category``; the service is the assistive device).
- 申请人基本信息: ``applicant`` (本人, 近亲属, and on annex 2 also 用人单位), with the ``relative``'s or the
  ``employer``'s details, and the applicant's signature date ``signed_on`` (申请日期). Annex 1 has no employer box
  (annex 1 note 2: 本表供工伤职工及其近亲属申请备案使用). A worker may entrust another person to apply (article 9 ¶1
  item 3): the ``agent`` is not a box of the form, but the form is what the agent hands in, so it travels with it.
- 辅助器具基本信息 (annex 2 only): ``devices``, one :class:`Device` per device (annex 2 note 6).
- 就医地: ``treatment``, a :class:`Place`: another province, or a Hunan city or county (never 省本级, which is an
  insured place only).
- 参保地经办机构意见: ``decision``, an :class:`AgencyDecision`, ``None`` until the agency decides.
- 编号: ``form_number``, the number the agency gives the form, ``None`` until it does.

The insured place is not a box of either form: :class:`gongshang_rules.rules.applications.FilingApplication` carries it.

>>> import datetime as dt
>>> from gongshang_rules import IdentityNumber, PersonCategory, ServiceKind, place
>>> form = Annex1Form(
...     name="张三", sex=Sex.MALE, identity_number=IdentityNumber("430102199001011238"),
...     injured_body_part="右手", injury_decision_number="长人社工认〔2025〕101号", phone="13800000000",
...     address="湖南省长沙市芙蓉区某路1号", filing_type=FilingType.NEW,
...     category=PersonCategory.REFERRAL, service=ServiceKind.MEDICAL, applicant=Applicant.WORKER,
...     treatment=place("广东省"), signed_on=dt.date(2025, 9, 1),
... )
>>> form.annex, form.identity_number
(1, IdentityNumber('430***********1238'))
>>> "430102199001011238" in repr(form)
False
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, ClassVar, TypeAlias

import attrs
from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdnumValidationError

from ..kernel._validate import (
    is_date,
    is_instance,
    is_member,
    is_optional_date,
    is_optional_instance,
    is_optional_text,
    is_text,
    is_tuple_of,
    type_name,
)
from ..kernel.errors import InvalidInputError
from ..kernel.identity import IdentityNumber
from ..kernel.places import Place, is_treatment_place
from ..kernel.ruling import LabelledEnum
from ..kernel.terms import PersonCategory, ServiceKind
from .devices import Device as Device  # annex 2's device, in a module of its own (a filing holds it)

__all__ = [
    "AgencyDecision",
    "AgencyOpinion",
    "Agent",
    "Annex1Form",
    "Annex2Form",
    "Applicant",
    "Device",
    "Employer",
    "FilingForm",
    "FilingType",
    "Relative",
    "Sex",
]


class Sex(LabelledEnum):
    """性别: the box on both forms."""

    MALE = ("男", "male")
    FEMALE = ("女", "female")


class FilingType(LabelledEnum):
    """备案类别: a new filing, or a change to one (article 11)."""

    NEW = ("新增", "new filing")
    CHANGE = ("变更", "change to a filing")


class Applicant(LabelledEnum):
    """Who applies (article 8; 申请人基本信息 on the forms). Annex 1 offers the first two only."""

    WORKER = ("本人", "the worker")
    CLOSE_RELATIVE = ("工伤职工近亲属", "a close relative of the worker")
    EMPLOYER = ("用人单位", "the employer")


class AgencyOpinion(LabelledEnum):
    """The insured place's agency's opinion (参保地经办机构意见)."""

    AGREE = ("同意", "agreed")
    DISAGREE = ("不同意", "not agreed")


_PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()\-]+$")
_PHONE_DIGITS = range(7, 21)


def _is_phone(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A telephone number: 7 to 20 digits, with an optional leading ``+``, spaces, hyphens and brackets.

    The message never repeats the number (it is personal information).
    """
    if not isinstance(value, str):
        raise InvalidInputError(attribute.name, f"must be a telephone number (str), got {type_name(value)}")
    digits = sum(c.isdigit() for c in value)
    if not _PHONE_CHARACTERS.match(value) or digits not in _PHONE_DIGITS:
        raise InvalidInputError(
            attribute.name,
            "must be a telephone number of 7 to 20 digits (an optional leading +, spaces, hyphens and brackets "
            "allowed)",
        )


def check_credit_code(field: str, value: object) -> str:
    """``value`` if it is a valid 统一社会信用代码 (GB 32100), written compactly in capitals (annex 2's employer box).

    Checked with python-stdnum's ``cn.uscc``; every stdnum error becomes an :class:`InvalidInputError`. Messages
    never repeat the value: an identity number typed into this box by mistake must not be printed whole.

    >>> check_credit_code("credit_code", "91430100MA4L0XXXXD")
    '91430100MA4L0XXXXD'
    >>> check_credit_code("credit_code", "91430100MA4L0XXXXA")
    Traceback (most recent call last):
    ...
    gongshang_rules.kernel.errors.InvalidInputError: credit_code: has a wrong check character
    """
    if not isinstance(value, str):
        raise InvalidInputError(field, f"must be a unified social credit code (str), got {type_name(value)}")
    try:
        valid = uscc.validate(value)
    except InvalidLength:
        raise InvalidInputError(field, f"must have 18 characters, has {len(value)}") from None
    except InvalidFormat:
        raise InvalidInputError(
            field,
            "must be 8 digits then 10 digits or capitals (I, O, Z, S and V are never used)",
        ) from None
    except InvalidChecksum:
        raise InvalidInputError(field, "has a wrong check character") from None
    except StdnumValidationError:
        raise InvalidInputError(field, "is not a valid unified social credit code") from None
    except Exception:  # stdnum's helpers can raise plain errors on odd input; never let one leak
        raise InvalidInputError(field, "could not be read as a unified social credit code") from None
    if valid != value:
        raise InvalidInputError(
            field, "must be written as its 18 characters, without spaces or hyphens, in capitals"
        )
    return value


def _is_credit_code(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_credit_code(attribute.name, value)


def _is_devices(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(Device)(instance, attribute, value)
    if not value:
        raise InvalidInputError(attribute.name, "must list at least one device (annex 2 note 6)")


@attrs.frozen(kw_only=True)
class Relative:
    """The close relative who applies (近亲属姓名, 近亲属公民身份号码, 联系方式)."""

    name: str = attrs.field(validator=is_text)
    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))
    contact: str = attrs.field(validator=is_text)


@attrs.frozen(kw_only=True)
class Employer:
    """The employer that applies on annex 2 (用人单位名称, 社会统一信用代码, 联系人, 联系方式).

    ``credit_code`` is the 18-character 统一社会信用代码, checked with python-stdnum.
    """

    name: str = attrs.field(validator=is_text)
    credit_code: str = attrs.field(validator=_is_credit_code)
    contact_person: str = attrs.field(validator=is_text)
    contact: str = attrs.field(validator=is_text)


@attrs.frozen(kw_only=True)
class Agent:
    """The person the worker entrusts to apply (工伤职工委托他人申请, article 9 ¶1 item 3)."""

    name: str = attrs.field(validator=is_text)
    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))


@attrs.frozen(kw_only=True)
class AgencyDecision:
    """The insured place's agency's opinion on the form (参保地经办机构意见).

    ``reason`` (理由) is required when the agency does not agree. The validity the agency states (备案有效期,
    ``valid_from`` to ``valid_through``, both days included) is required when it agrees and absent when it does
    not. ``handler`` is the 经办人; ``decided_on`` the date beside the seal.
    """

    opinion: AgencyOpinion = attrs.field(validator=is_member(AgencyOpinion))
    handler: str = attrs.field(validator=is_text)
    decided_on: _dt.date = attrs.field(validator=is_date)
    reason: str | None = attrs.field(default=None, validator=is_optional_text)
    valid_from: _dt.date | None = attrs.field(default=None, validator=is_optional_date)
    valid_through: _dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.opinion is AgencyOpinion.DISAGREE:
            if self.reason is None:
                raise InvalidInputError(
                    "reason", "is required when the agency does not agree (不同意（理由）)"
                )
            for name in ("valid_from", "valid_through"):
                if getattr(self, name) is not None:
                    raise InvalidInputError(
                        name, "must be None when the agency does not agree: nothing is filed"
                    )
            return
        for name in ("valid_from", "valid_through"):
            if getattr(self, name) is None:
                raise InvalidInputError(name, "is required when the agency agrees (备案有效期)")
        assert self.valid_from is not None and self.valid_through is not None  # checked just above
        if self.valid_through < self.valid_from:
            raise InvalidInputError(
                "valid_through",
                f"{self.valid_through.isoformat()} is before valid_from {self.valid_from.isoformat()}",
            )


@attrs.frozen(kw_only=True)
class _FilingFormBase:
    """The boxes both forms share, and the checks across them."""

    _ANNEX: ClassVar[int]

    name: str = attrs.field(validator=is_text)
    sex: Sex = attrs.field(validator=is_member(Sex))
    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))
    injured_body_part: str = attrs.field(validator=is_text)
    injury_decision_number: str = attrs.field(validator=is_text)
    phone: str = attrs.field(validator=_is_phone)
    address: str = attrs.field(validator=is_text)
    filing_type: FilingType = attrs.field(validator=is_member(FilingType))
    category: PersonCategory = attrs.field(validator=is_member(PersonCategory))
    applicant: Applicant = attrs.field(validator=is_member(Applicant))
    treatment: Place = attrs.field(validator=is_treatment_place)
    signed_on: _dt.date = attrs.field(validator=is_date)
    relative: Relative | None = attrs.field(default=None, validator=is_optional_instance(Relative))
    agent: Agent | None = attrs.field(default=None, validator=is_optional_instance(Agent))
    decision: AgencyDecision | None = attrs.field(
        default=None, validator=is_optional_instance(AgencyDecision)
    )
    form_number: str | None = attrs.field(default=None, validator=is_optional_text)
    employer: Employer | None = attrs.field(default=None, validator=is_optional_instance(Employer))

    @property
    def annex(self) -> int:
        """The annex this form is: 1 or 2."""
        return self._ANNEX

    def _check_common(self) -> None:
        employer = self.employer
        if (self.applicant is Applicant.CLOSE_RELATIVE) != (self.relative is not None):
            problem = (
                "is required when a close relative applies"
                if self.relative is None
                else f"must be None unless a close relative applies (the applicant is {self.applicant.name})"
            )
            raise InvalidInputError("relative", problem)
        if (self.applicant is Applicant.EMPLOYER) != (employer is not None):
            problem = (
                "is required when the employer applies"
                if employer is None
                else f"must be None unless the employer applies (the applicant is {self.applicant.name})"
            )
            raise InvalidInputError("employer", problem)
        if self.relative is not None and self.relative.identity_number == self.identity_number:
            raise InvalidInputError(
                "relative",
                f"has the worker's own identity number {self.identity_number.masked}: the worker applies as "
                "WORKER",
            )
        if self.agent is not None:
            if self.applicant is not Applicant.WORKER:
                raise InvalidInputError(
                    "agent",
                    "must be None unless the worker applies: article 9 ¶1 item 3 provides for the worker "
                    f"entrusting another person, and the applicant is {self.applicant.name}",
                )
            if self.agent.identity_number == self.identity_number:
                raise InvalidInputError(
                    "agent",
                    f"has the worker's own identity number {self.identity_number.masked}: a worker who applies "
                    "in person has no agent",
                )
        if self.decision is not None and self.decision.decided_on < self.signed_on:
            raise InvalidInputError(
                "decision",
                f"is dated {self.decision.decided_on.isoformat()}, before the application was signed "
                f"({self.signed_on.isoformat()})",
            )


@attrs.frozen(kw_only=True)
class Annex1Form(_FilingFormBase):
    """附件1 《工伤保险异地就医（康复）直接结算备案表》: medical care or rehabilitation (article 9 ¶1).

    The six person-category boxes are ``category`` × ``service`` (:attr:`ServiceKind.MEDICAL` or
    :attr:`ServiceKind.REHABILITATION`). Annex 1's applicant box and note 2 name the worker and a close relative,
    but articles 8 and 9 ¶1 have the employer fill in annex 1 too: the articles prevail, and an employer applying
    on annex 1 gives the same details as on annex 2 [interpretation].
    """

    _ANNEX: ClassVar[int] = 1

    service: ServiceKind = attrs.field(validator=is_member(ServiceKind))

    @service.validator
    def _check_service(self, attribute: attrs.Attribute[ServiceKind], value: ServiceKind) -> None:
        if value is ServiceKind.ASSISTIVE_DEVICE:
            raise InvalidInputError(
                attribute.name, "an assistive device is filed on annex 2, not annex 1 (article 9 ¶1)"
            )

    def __attrs_post_init__(self) -> None:
        self._check_common()


@attrs.frozen(kw_only=True)
class Annex2Form(_FilingFormBase):
    """附件2 《工伤保险异地配置辅助器具直接结算备案表》: assistive devices, including replacement (article 9 ¶1).

    Three person-category boxes (``category``); :attr:`service` is always :attr:`ServiceKind.ASSISTIVE_DEVICE`.
    The applicant may also be the employer, whose details are then required (annex 2 note 2). ``devices`` lists
    each device with its minimum service years and maximum payment (annex 2 note 6).
    """

    _ANNEX: ClassVar[int] = 2

    device_conclusion_number: str = attrs.field(validator=is_text)
    cost_approval_number: str = attrs.field(validator=is_text)
    devices: tuple[Device, ...] = attrs.field(validator=_is_devices)

    @property
    def service(self) -> ServiceKind:
        """Annex 2 files assistive devices: always :attr:`ServiceKind.ASSISTIVE_DEVICE`."""
        return ServiceKind.ASSISTIVE_DEVICE

    def __attrs_post_init__(self) -> None:
        self._check_common()


#: Either filing form.
FilingForm: TypeAlias = Annex1Form | Annex2Form
