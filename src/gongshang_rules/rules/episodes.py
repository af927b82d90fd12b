"""The episode a settlement clerk decides: its facts, its cost lines and the credential shown (chapter 3, articles
16 to 19, with articles 3, 12, 13 and 30).

An :class:`Episode` is one inpatient stay, one intra-province outpatient visit or one device fitting: the worker and
their filing (articles 12, 13), the institution (article 3 ¶1 for one the registry does not hold), the care, the
dates, the credential presented (article 16), the flags a clerk knows of (a third party liable, the network, a
back-filing's emergency or force majeure, a pending injury recognition, a suspension under article 30), and the
bill as :class:`CostLine` s. A line's :class:`LineKind` names the catalog of article 17 that governs it
(:data:`CATALOG_OF`), or one of the two allowances of article 17 ¶3; a device line names the filed device it is
for (article 19). :func:`~gongshang_rules.rules.settlement.decide_settlement` decides an episode.

>>> from decimal import Decimal
>>> CostLine(kind=LineKind.DRUG, amount=Decimal("120.50")).compliant
True
>>> CATALOG_OF[LineKind.ASSISTIVE_DEVICE].name
'DEVICE_CATALOG'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from ..kernel._validate import (
    is_bool,
    is_date,
    is_instance,
    is_member,
    is_money,
    is_optional_date,
    is_optional_text,
    is_text,
    is_tuple_of,
)
from ..kernel.errors import InvalidInputError
from ..kernel.identity import Worker
from ..kernel.places import Place, is_treatment_place
from ..kernel.ruling import LabelledEnum
from ..kernel.terms import CareType, ServiceKind
from .catalog import CostKind
from .filing import Filing

__all__ = ["CostLine", "Credential", "Episode", "LineKind"]


class Credential(LabelledEnum):
    """The credential presented at the institution (article 16)."""

    SOCIAL_SECURITY_CARD = ("社会保障卡", "social security card")
    ELECTRONIC_SOCIAL_SECURITY_CARD = ("电子社保卡", "electronic social security card")
    OTHER_VALID_CREDENTIAL = ("其他有效身份凭证", "another valid identity credential")
    NONE = ("未出示有效凭证", "no valid credential")


class LineKind(LabelledEnum):
    """The kind of a cost line; the first five map to the catalogs of article 17."""

    MEDICAL_ITEM = ("诊疗项目", "medical item")
    DRUG = ("药品", "drug")
    INPATIENT_SERVICE = ("住院服务", "inpatient service")
    REHABILITATION_ITEM = ("康复项目", "rehabilitation item")
    ASSISTIVE_DEVICE = ("辅助器具", "assistive device")
    MEAL_ALLOWANCE = ("住院伙食补助费", "inpatient meal allowance")
    TRAVEL_AND_LODGING = ("交通食宿费", "travel and lodging")


#: The catalog of article 17 (¶1, ¶2) that governs each catalogued kind of line.
CATALOG_OF: Mapping[LineKind, CostKind] = MappingProxyType(
    {
        LineKind.MEDICAL_ITEM: CostKind.MEDICAL_ITEMS,
        LineKind.DRUG: CostKind.DRUGS,
        LineKind.INPATIENT_SERVICE: CostKind.INPATIENT_STANDARDS,
        LineKind.REHABILITATION_ITEM: CostKind.REHABILITATION_ITEMS,
        LineKind.ASSISTIVE_DEVICE: CostKind.DEVICE_CATALOG,
    }
)


@attrs.frozen(kw_only=True)
class CostLine:
    """One line of the bill, in yuan.

    ``compliant`` is whether the line is within the governing catalog or standard (合规), as audited by the
    institution against the catalog :func:`decide_settlement` names. A device line names the device (matched
    against the filed device list) and, for a replacement, the date of the previous fitting.
    """

    kind: LineKind = attrs.field(validator=is_member(LineKind))
    amount: Decimal = attrs.field(validator=is_money)
    compliant: bool = attrs.field(default=True, validator=is_bool)
    description: str | None = attrs.field(default=None, validator=is_optional_text)
    device_name: str | None = attrs.field(default=None, validator=is_optional_text)
    previous_fitting_on: _dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.kind is LineKind.ASSISTIVE_DEVICE and self.device_name is None:
            raise InvalidInputError("device_name", "is required on an ASSISTIVE_DEVICE line")
        if self.kind is not LineKind.ASSISTIVE_DEVICE and (
            self.device_name is not None or self.previous_fitting_on is not None
        ):
            raise InvalidInputError("device_name", "applies to ASSISTIVE_DEVICE lines only")


@attrs.frozen(kw_only=True)
class Episode:
    """The facts a settlement clerk has for one episode.

    ``started_on`` is the admission date, the outpatient visit date or the fitting date; ``settled_on`` the
    discharge settlement date (the visit or fitting day when not given: the decision is made at settlement).
    Device lines are paid within the filing's device list (:attr:`Filing.devices`, article 19); whether the care is
    a referral (for travel and lodging, article 17 ¶3) is the filing's category. ``institution_place`` is needed
    only for an institution the registry does not hold (a local agreement institution, article 3 ¶1).
    ``suspended_for_violation`` is a suspension of this worker's direct settlement for serious violations in force
    on the settlement date (article 30). An inbound filing (insured in another province) must carry the validity
    the insured province approved (as the platform shows it).
    """

    worker: Worker = attrs.field(validator=is_instance(Worker))
    filing: Filing | None = attrs.field(validator=attrs.validators.optional(is_instance(Filing)))
    institution_code: str = attrs.field(validator=is_text)
    care: CareType = attrs.field(validator=is_member(CareType))
    service: ServiceKind = attrs.field(validator=is_member(ServiceKind))
    started_on: _dt.date = attrs.field(validator=is_date)
    lines: tuple[CostLine, ...] = attrs.field(validator=is_tuple_of(CostLine))
    credential: Credential = attrs.field(validator=is_member(Credential))
    settled_on: _dt.date | None = attrs.field(default=None, validator=is_optional_date)
    institution_place: Place | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_treatment_place)
    )
    third_party_liability: bool = attrs.field(default=False, validator=is_bool)
    network_available: bool = attrs.field(default=True, validator=is_bool)
    emergency_marked: bool = attrs.field(default=False, validator=is_bool)
    force_majeure: bool = attrs.field(default=False, validator=is_bool)
    recognition_pending_at_admission: bool = attrs.field(default=False, validator=is_bool)
    entitlement_lost_on: _dt.date | None = attrs.field(default=None, validator=is_optional_date)
    suspended_for_violation: bool = attrs.field(default=False, validator=is_bool)

    def __attrs_post_init__(self) -> None:
        if self.settled_on is not None and self.settled_on < self.started_on:
            raise InvalidInputError("settled_on", "must not be before started_on")
        device_care = self.care is CareType.DEVICE_FITTING
        if device_care != (self.service is ServiceKind.ASSISTIVE_DEVICE):
            raise InvalidInputError(
                "service", "a DEVICE_FITTING episode is for ASSISTIVE_DEVICE, and only such an episode is"
            )
        if not self.lines:
            raise InvalidInputError("lines", "must hold at least one cost line")
        for index, line in enumerate(self.lines):
            if line.kind is LineKind.MEAL_ALLOWANCE and self.care is not CareType.INPATIENT:
                raise InvalidInputError(
                    f"lines[{index}].kind", "住院伙食补助费 (meal allowance) belongs to an inpatient stay"
                )
            if line.previous_fitting_on is not None and line.previous_fitting_on >= self.started_on:
                raise InvalidInputError(
                    f"lines[{index}].previous_fitting_on", "must be before the fitting date started_on"
                )
        if self.filing is not None:
            if self.filing.insured != self.worker.insured:
                raise InvalidInputError("filing.insured", "must be the worker's insured place")
            if not self.filing.insured.in_hunan and self.filing.stated_valid_through is None:
                raise InvalidInputError(
                    "filing.stated_valid_through",
                    "an inbound filing's validity is set by the insured province: give the dates the platform shows",
                )

    @property
    def settlement_date(self) -> _dt.date:
        """The day the episode is settled: the discharge settlement, or the visit or fitting day."""
        return self.settled_on or self.started_on
