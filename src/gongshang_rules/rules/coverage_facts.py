"""The question of articles 12 and 13 ¶2 (chapter 2): the facts of an episode, the outcomes, and what the
paragraphs find.

:class:`CoverageFacts` are the facts at the institution (the filing, if any, the dates, the causes of a back-filing);
:class:`Coverage` and :class:`CoverageRuling` the answer of :func:`~gongshang_rules.rules.coverage.filing_covers`.
:class:`Findings` is what each paragraph finds on the way, grouped by what it decides:
:mod:`~gongshang_rules.rules.back_filing` (article 12: when the filing was made) and
:mod:`~gongshang_rules.rules.coverage` (article 12 ¶1: where and what; article 13: validity) both give them, and
``filing_covers`` turns them into one outcome, by one precedence.

>>> Coverage.COVERED_BY_BACK_FILING.direct, Coverage.MANUAL_REIMBURSEMENT.direct
(True, False)
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ..kernel._validate import is_bool, is_date, is_instance, is_member, is_optional_date, is_text
from ..kernel.errors import InvalidInputError
from ..kernel.places import Place, is_treatment_place
from ..kernel.ruling import LabelledEnum, Reason, Ruling
from ..kernel.terms import CareType, ServiceKind
from .filing import Filing
from .scope import Scope, classify_scope

__all__ = [
    "Coverage",
    "CoverageFacts",
    "CoverageRuling",
]


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


@attrs.frozen(kw_only=True)
class Findings:
    """What the paragraphs of articles 12 and 13 found about an episode, grouped by what each finding decides.

    ``failed``: conditions not met (the episode is not settled directly); ``national``: the national procedure
    governs the timing of a cross-province case; ``manual``: a back-filing made too late (manual reimbursement,
    article 12 ¶2); ``possible``: not filed yet, a back-filing still possible (article 12 ¶2, ¶3); ``passed``:
    conditions met, and notes. ``refund``: the fund's share is refunded to the worker (article 12 ¶3);
    ``back_filed``: the filing was made after admission. Findings add up group by group, in order.
    """

    failed: tuple[Reason, ...] = ()
    national: tuple[Reason, ...] = ()
    manual: tuple[Reason, ...] = ()
    possible: tuple[Reason, ...] = ()
    passed: tuple[Reason, ...] = ()
    refund: bool = False
    back_filed: bool = False

    def __add__(self, other: Findings) -> Findings:
        return Findings(
            failed=(*self.failed, *other.failed),
            national=(*self.national, *other.national),
            manual=(*self.manual, *other.manual),
            possible=(*self.possible, *other.possible),
            passed=(*self.passed, *other.passed),
            refund=self.refund or other.refund,
            back_filed=self.back_filed or other.back_filed,
        )
