"""Suspension for serious violations: chapter 5, article 30.

A treatment place's agency that finds a worker in serious violation suspends the worker's direct settlement, and
reports level by level to the provincial agency, which coordinates with the insured place's agency (¶1); it helps
the insured place's agency check bills against fraud (¶2). :func:`suspension_status` says whether a worker's direct
settlement is suspended on a date (a :class:`Suspension` lasts until it is lifted).

The rest of chapter 5 has a module each: article 31, who leads checks and recovery
(:mod:`~gongshang_rules.rules.recovery`); article 32, the joint audits' focus points
(:mod:`~gongshang_rules.rules.audit`). Their names are still importable from here, as from the 0.x path
``gongshang_rules.supervision``. Which agency does each task of article 7 is in :mod:`gongshang_rules.rules.agencies`.

>>> import datetime as dt
>>> from gongshang_rules import IdentityNumber
>>> worker = IdentityNumber("430102199001011238")
>>> suspension = Suspension(identity_number=worker, suspended_on=dt.date(2025, 10, 9))
>>> suspension_status(worker, dt.date(2025, 12, 1), (suspension,)).outcome.name
'SUSPENDED'
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ..kernel._validate import check_date, is_date, is_instance, is_optional_date, type_name
from ..kernel.articles import ArticleRef
from ..kernel.errors import InvalidInputError
from ..kernel.identity import IdentityNumber
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from .agencies import treatment_place_agency
from .audit import AuditFlag as AuditFlag
from .audit import AuditOutcome as AuditOutcome
from .audit import AuditRule as AuditRule
from .audit import AuditRuling as AuditRuling
from .audit import AuditThresholds as AuditThresholds
from .audit import FilingPeriod as FilingPeriod
from .audit import audit_flags as audit_flags
from .recovery import Recovery as Recovery
from .recovery import RecoveryCause as RecoveryCause
from .recovery import RecoveryRuling as RecoveryRuling
from .recovery import recovery_responsibility as recovery_responsibility

__all__ = ["Suspension", "SuspensionRuling", "SuspensionStatus", "suspension_status"]


def _check_hunan_treatment(field: str, value: Place) -> None:
    if value.city is None:
        raise InvalidInputError(field, f"{value} is not a Hunan city or county (a Hunan treatment place)")


# --- suspension for serious violations (article 30) --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Suspension:
    """A suspension of a worker's direct settlement for serious violations (article 30 ¶1).

    In force from ``suspended_on`` until it is lifted: ``lifted_on`` is the first day direct settlement is
    possible again (``None`` while not lifted). ``suspended_by`` is the Hunan treatment place whose agency
    suspended it, when known.
    """

    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))
    suspended_on: _dt.date = attrs.field(validator=is_date)
    lifted_on: _dt.date | None = attrs.field(default=None, validator=is_optional_date)
    suspended_by: Place | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(Place))
    )

    def __attrs_post_init__(self) -> None:
        if self.lifted_on is not None and self.lifted_on < self.suspended_on:
            raise InvalidInputError("lifted_on", "must not be before suspended_on")
        if self.suspended_by is not None:
            _check_hunan_treatment("suspended_by", self.suspended_by)

    def in_force_on(self, on: _dt.date) -> bool:
        """Whether the suspension is in force on ``on`` (article 30 ¶1): from ``suspended_on`` to before ``lifted_on``.

        >>> import datetime as dt
        >>> from gongshang_rules import IdentityNumber
        >>> s = Suspension(identity_number=IdentityNumber("430102199001011238"), suspended_on=dt.date(2025, 10, 9),
        ...                lifted_on=dt.date(2025, 11, 3))
        >>> s.in_force_on(dt.date(2025, 10, 9)), s.in_force_on(dt.date(2025, 11, 3))
        (True, False)
        """
        check_date("on", on)
        return self.suspended_on <= on and (self.lifted_on is None or on < self.lifted_on)


class SuspensionStatus(LabelledEnum):
    """Whether a worker's direct settlement is suspended on a date."""

    SUSPENDED = ("因严重违规暂停直接结算", "direct settlement suspended for serious violations")
    NOT_SUSPENDED = ("未暂停直接结算", "direct settlement not suspended")


@attrs.frozen(kw_only=True)
class SuspensionRuling(Ruling[SuspensionStatus]):
    """Whether the worker's direct settlement is suspended on ``on``; ``in_force`` are the suspensions that apply."""

    on: _dt.date
    in_force: tuple[Suspension, ...] = ()

    def _extra_lines(self) -> list[str]:
        return [f"  on {self.on.isoformat()}: {len(self.in_force)} suspension(s) in force"]


_A30_1 = ArticleRef(30, paragraph=1)

SUPERVISION_SUSPENDED = decisive(
    "SUPERVISION_SUSPENDED",
    _A30_1,
    when="Suspension status: once for each of the worker's suspensions in force today (suspended_on <= today, and lifted_on absent or after today).",
    zh="自{since}起，{by}发现工伤职工{worker}有严重违规行为，暂停其直接结算，直至解除；本规程未规定暂停期限，也未界定"
    "“严重违规”，由经办机构按相关规定认定。",
    en="Since {since}, {by_en} has suspended the direct settlement of worker {worker} for serious violations, "
    "until it is lifted; the procedure sets no duration and does not define 'serious violation': the agency "
    "finds it under the relevant rules.",
)
SUPERVISION_SUSPENSION_EVERYWHERE = decisive(
    "SUPERVISION_SUSPENSION_EVERYWHERE",
    _A30_1,
    when="Suspension status with outcome SUSPENDED (the suspension holds wherever the care is).",
    reading=True,
    zh="“暂停其直接结算”未限于作出暂停的就医地：理解为暂停该工伤职工的异地就医直接结算，不论在何地就医。",
    en="'Suspends its direct settlement' (暂停其直接结算) is not limited to the suspending treatment place: it is "
    "read as suspending the worker's out-of-area direct settlement wherever the care is.",
)
SUPERVISION_REPORTED_TO_PROVINCE = note(
    "SUPERVISION_REPORTED_TO_PROVINCE",
    _A30_1,
    when="Suspension status with outcome SUSPENDED, always.",
    zh="就医地经办机构同时逐级上报省级经办机构，由省级经办机构协调参保地经办机构按照相关规定进行处理。",
    en="The treatment place's agency reports at the same time, level by level, to the provincial agency, which "
    "coordinates with the insured place's agency to deal with the case under the relevant rules.",
)
SUPERVISION_BILL_CHECKS = note(
    "SUPERVISION_BILL_CHECKS",
    ArticleRef(30, paragraph=2),
    when="Suspension status with outcome SUSPENDED, always.",
    zh="就医地经办机构应协助参保地经办机构进行医疗票据核查等工作，防范和打击伪造票据等骗取工伤保险基金行为。",
    en="The treatment place's agency helps the insured place's agency check medical bills and the like, to "
    "prevent and stop fraud on the fund such as forged bills.",
)
SUPERVISION_NOT_SUSPENDED = decisive(
    "SUPERVISION_NOT_SUSPENDED",
    _A30_1,
    when="Suspension status: no suspension of the worker is in force today (outcome NOT_SUSPENDED).",
    zh="{on}没有对工伤职工{worker}生效的暂停直接结算。",
    en="No suspension of worker {worker}'s direct settlement is in force on {on}.",
)
SUPERVISION_SUSPENSION_LIFTED = decisive(
    "SUPERVISION_SUSPENSION_LIFTED",
    _A30_1,
    when="Suspension status: once for each of the worker's suspensions with lifted_on on or before today.",
    reading=True,
    zh="自{since}起的暂停已于{lifted}解除：解除当日起可恢复直接结算。",
    en="The suspension from {since} was lifted on {lifted}: direct settlement is possible again from that day.",
)
SUPERVISION_SUSPENSION_NOT_YET = decisive(
    "SUPERVISION_SUSPENSION_NOT_YET",
    _A30_1,
    when="Suspension status: once for each of the worker's suspensions with suspended_on after today (and not lifted by today).",
    zh="自{since}起的暂停在{on}尚未生效。",
    en="The suspension from {since} is not yet in force on {on}.",
)


def _by(suspension: Suspension) -> tuple[str, str]:
    if suspension.suspended_by is None:
        return "就医地经办机构", "the treatment place's agency"
    agency = treatment_place_agency(suspension.suspended_by)
    return agency.zh, str(agency)


def suspension_status(
    identity_number: IdentityNumber, on: _dt.date, suspensions: tuple[Suspension, ...]
) -> SuspensionRuling:
    """Whether the worker's direct settlement is suspended on ``on`` (article 30 ¶1: until it is lifted).

    Suspensions of other workers are ignored. A suspension applies from its first day up to the day before it is
    lifted [interpretation: the day it is lifted, direct settlement is possible again].

    >>> import datetime as dt
    >>> from gongshang_rules import IdentityNumber
    >>> worker = IdentityNumber("430102199001011238")
    >>> s = Suspension(identity_number=worker, suspended_on=dt.date(2025, 10, 9), lifted_on=dt.date(2025, 11, 3))
    >>> suspension_status(worker, dt.date(2025, 11, 2), (s,)).outcome.name
    'SUSPENDED'
    >>> suspension_status(worker, dt.date(2025, 11, 3), (s,)).outcome.name
    'NOT_SUSPENDED'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``SUSPENDED``, ``NOT_SUSPENDED``
    * reason codes: ``SUPERVISION_BILL_CHECKS``, ``SUPERVISION_NOT_SUSPENDED``,
      ``SUPERVISION_REPORTED_TO_PROVINCE``, ``SUPERVISION_SUSPENDED``, ``SUPERVISION_SUSPENSION_EVERYWHERE``,
      ``SUPERVISION_SUSPENSION_LIFTED``, ``SUPERVISION_SUSPENSION_NOT_YET`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 30
    """
    if not isinstance(identity_number, IdentityNumber):
        raise InvalidInputError(
            "identity_number", f"must be an IdentityNumber, got {type_name(identity_number)}"
        )
    check_date("on", on)
    if not isinstance(suspensions, tuple):
        raise InvalidInputError("suspensions", f"must be a tuple of Suspension, got {type_name(suspensions)}")
    for index, suspension in enumerate(suspensions):
        if not isinstance(suspension, Suspension):
            raise InvalidInputError(
                f"suspensions[{index}]", f"must be a Suspension, got {type_name(suspension)}"
            )
    own = sorted(
        (s for s in suspensions if s.identity_number == identity_number),
        key=lambda s: (s.suspended_on, s.lifted_on or _dt.date.max),
    )
    worker = str(identity_number)
    active = tuple(s for s in own if s.in_force_on(on))
    reasons: list[Reason] = []
    for s in active:
        by, by_en = _by(s)
        reasons.append(
            SUPERVISION_SUSPENDED.make(since=s.suspended_on.isoformat(), by=by, by_en=by_en, worker=worker)
        )
    if active:
        reasons += [
            SUPERVISION_SUSPENSION_EVERYWHERE.make(),
            SUPERVISION_REPORTED_TO_PROVINCE.make(),
            SUPERVISION_BILL_CHECKS.make(),
        ]
    else:
        reasons.append(SUPERVISION_NOT_SUSPENDED.make(on=on.isoformat(), worker=worker))
    for s in own:
        if s.lifted_on is not None and s.lifted_on <= on:
            reasons.append(
                SUPERVISION_SUSPENSION_LIFTED.make(
                    since=s.suspended_on.isoformat(), lifted=s.lifted_on.isoformat()
                )
            )
        elif s.suspended_on > on:
            reasons.append(
                SUPERVISION_SUSPENSION_NOT_YET.make(since=s.suspended_on.isoformat(), on=on.isoformat())
            )
    return SuspensionRuling(
        outcome=SuspensionStatus.SUSPENDED if active else SuspensionStatus.NOT_SUSPENDED,
        reasons=tuple(reasons),
        on=on,
        in_force=active,
    )
