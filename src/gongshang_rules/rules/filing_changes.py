"""Changing or cancelling an approved filing: articles 11 and 13 ¶1 of chapter 2 (with 2 and 36).

Article 11: a change of personal information, of the treatment place, or a cancellation, is applied for promptly.
Article 13 ¶1: a long-term residence or resident-work filing may be changed or cancelled only once 3 months from the
filing date have passed. :func:`change_allowed` says whether a change may be made on a date, and from when.

>>> import datetime as dt
>>> from gongshang_rules import place, PersonCategory, ServiceKind
>>> from gongshang_rules.rules.filing import Filing
>>> f = Filing(insured=place("430100"), treatment=place("430600"), category=PersonCategory.LONG_TERM_RESIDENCE,
...            service=ServiceKind.MEDICAL, filed_on=dt.date(2025, 8, 31))
>>> ruling = change_allowed(f, ChangeKind.TREATMENT_PLACE, dt.date(2025, 10, 1))
>>> ruling.outcome.name, ruling.allowed_from
('LOCKED', datetime.date(2025, 12, 1))
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ..kernel._validate import check_date, type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import CIVIL_CODE_PERIODS, NATIONAL_NOTICE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    FILING_DATE,
    ParametersLike,
    picks_version,
    resolve_parameters,
)
from ..kernel.periods import add_months
from ..kernel.ruling import LabelledEnum, Ruling, decisive
from .commencement import InForce, in_force
from .filing import Filing, filing_validity, outside_procedure
from .scope import classify_scope

__all__ = [
    "ChangeKind",
    "ChangeRuling",
    "ChangeStatus",
    "change_allowed",
]

_A13_1 = ArticleRef(13, paragraph=1)


class ChangeKind(LabelledEnum):
    """What an applicant asks to change (article 11)."""

    PERSONAL_INFORMATION = ("个人信息变更", "correction of personal information")
    TREATMENT_PLACE = ("就医地变更", "change of treatment place")
    CANCEL = ("取消备案", "cancellation")


class ChangeStatus(LabelledEnum):
    """Whether a change may be made on a date."""

    ALLOWED = ("可以变更", "may be made")
    LOCKED = (
        "备案之日起规定期限内不得变更或取消",
        "locked: within the change-lock period from the filing date",
    )
    FILING_EXPIRED = ("备案已失效，应重新备案", "the filing has expired; file anew")
    NOT_GOVERNED = ("由参保省办理", "made with the insured province, not under this procedure")
    NOT_UNDER_PROCEDURE = ("该备案不是按本规程办理的", "the filing was not made under this procedure")
    NOT_IN_FORCE = ("本规程在该日不在有效期内", "this procedure is not in force on the day asked about")


@attrs.frozen(kw_only=True)
class ChangeRuling(Ruling[ChangeStatus]):
    """Whether a change may be made; ``allowed_from`` is the first day it may be (when locked)."""

    allowed_from: _dt.date | None = None


CHANGE_PERSONAL_INFORMATION_ANY_TIME = decisive(
    "CHANGE_PERSONAL_INFORMATION_ANY_TIME",
    11,
    _A13_1,
    when="Change of a valid Hunan filing, the change being PERSONAL_INFORMATION (outcome ALLOWED).",
    reading=True,
    zh="个人信息发生变更应及时申请变更；第十三条的{months}个月限制针对变更或取消备案本身，不限制更正个人信息。",
    en="A change of personal information must be applied for promptly (article 11); article 13's {months}-month lock "
    "restricts changing or cancelling the filing itself, not correcting personal information.",
)
CHANGE_LOCK_OVER = decisive(
    "CHANGE_LOCK_OVER",
    11,
    _A13_1,
    when="Change (TREATMENT_PLACE or CANCEL) of a valid Hunan long-term filing after add_months(filed_on, 3) (outcome ALLOWED).",
    reading=True,
    zh="异地长期居住（工作）备案自备案之日{filed}起{months}个月（至{lock_end}）已过，{on}可以变更或取消。",
    en="The {months} months from the filing date {filed} of a long-term filing ended on {lock_end}: on {on} it may be "
    "changed or cancelled.",
    authorities=(CIVIL_CODE_PERIODS,),
)
CHANGE_LOCKED = decisive(
    "CHANGE_LOCKED",
    _A13_1,
    when="Change (TREATMENT_PLACE or CANCEL) of a valid Hunan long-term filing on or before add_months(filed_on, 3) (outcome LOCKED).",
    reading=True,
    zh="异地长期居住（工作）备案自备案之日{filed}起{months}个月后方可变更或取消，即自{allowed_from}起。",
    en="A long-term filing may be changed or cancelled only after {months} months from the filing date {filed}: from "
    "{allowed_from}.",
    authorities=(CIVIL_CODE_PERIODS,),
)
CHANGE_REFERRAL_NO_LOCK = decisive(
    "CHANGE_REFERRAL_NO_LOCK",
    11,
    _A13_1,
    when="Change of a valid Hunan REFERRAL filing, the change being TREATMENT_PLACE or CANCEL (outcome ALLOWED).",
    reading=True,
    zh="第十三条的{months}个月限制只针对异地长期居住（工作）备案；转诊转院备案的变更按第十一条及时办理。",
    en="Article 13's {months}-month lock names long-term filings only; a referral filing's change is handled promptly "
    "under article 11.",
)
CHANGE_FILING_EXPIRED = decisive(
    "CHANGE_FILING_EXPIRED",
    _A13_1,
    when="Change of a Hunan filing asked for after its last valid day (outcome FILING_EXPIRED).",
    zh="备案有效期已于{through}届满，无可变更的备案，应重新申请备案。",
    en="The filing's validity ended on {through}: there is nothing to change; apply for a new filing.",
)
CHANGE_WITH_INSURED_PROVINCE = decisive(
    "CHANGE_WITH_INSURED_PROVINCE",
    2,
    11,
    when="Change of a filing whose insured place is another province (outcome NOT_GOVERNED).",
    reading=True,
    zh="外省参保工伤职工的备案由参保省（{insured}）管理，变更或取消向参保省申请。",
    en="A filing of a worker insured in {insured} is managed by that province: changes and cancellation are "
    "applied for there.",
    authorities=(NATIONAL_NOTICE,),
)


@picks_version(FILING_DATE, lambda filing, *_a, **_k: filing.filed_on)
def change_allowed(
    filing: Filing, change: ChangeKind, on: _dt.date, *, parameters: ParametersLike = DEFAULT_SCHEDULE
) -> ChangeRuling:
    """Whether ``change`` may be made to ``filing`` on ``on`` (articles 11 and 13 ¶1).

    A long-term residence or resident-work filing may be changed or cancelled once 3 months from the filing date
    have passed: from the day after the last day of that period [interpretation]. The parameters version (the
    lock's months, as the validity) is the one in force on the filing date, not on ``on`` [interpretation].

    >>> import datetime as dt
    >>> from gongshang_rules import place, PersonCategory, ServiceKind
    >>> f = Filing(insured=place("430100"), treatment=place("430600"), category=PersonCategory.LONG_TERM_RESIDENCE,
    ...            service=ServiceKind.MEDICAL, filed_on=dt.date(2025, 8, 31))
    >>> change_allowed(f, ChangeKind.CANCEL, dt.date(2025, 11, 30)).outcome.name
    'LOCKED'
    >>> change_allowed(f, ChangeKind.CANCEL, dt.date(2025, 12, 1)).outcome.name
    'ALLOWED'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``ALLOWED``, ``LOCKED``, ``FILING_EXPIRED``, ``NOT_GOVERNED``, ``NOT_UNDER_PROCEDURE``,
      ``NOT_IN_FORCE``
    * reason codes: ``CHANGE_FILING_EXPIRED``, ``CHANGE_LOCKED``, ``CHANGE_LOCK_OVER``,
      ``CHANGE_PERSONAL_INFORMATION_ANY_TIME``, ``CHANGE_REFERRAL_NO_LOCK``, ``CHANGE_WITH_INSURED_PROVINCE``,
      ``FILING_AFTER_PROCEDURE``, ``FILING_BEFORE_PROCEDURE``, ``FILING_RUNS_PAST_PROCEDURE_END``,
      ``FILING_UNDER_NATIONAL_PROCEDURE``, ``FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE``,
      ``FILING_VALIDITY_BY_INSURED_PROVINCE``, ``FILING_VALIDITY_COMPUTED``,
      ``FILING_VALIDITY_DIFFERS_FROM_RULE``, ``FILING_VALIDITY_STATED``, ``IN_FORCE_BEFORE_NATIONAL_SCHEME``,
      ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``, ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``,
      ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``, ``IN_FORCE_WITHIN_PERIOD``,
      ``PARAMETERS_VERSION_USED``, ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``,
      ``SCOPE_INTRA_PROVINCE``, ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION``
      (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 11, art. 13, art. 36
    """
    if not isinstance(filing, Filing):
        raise InvalidInputError("filing", f"must be a Filing, got {type_name(filing)}")
    if not isinstance(change, ChangeKind):
        raise InvalidInputError("change", f"must be a ChangeKind member, got {change!r}")
    check_date("on", on)
    if not filing.filed_in_hunan:
        return ChangeRuling(
            outcome=ChangeStatus.NOT_GOVERNED,
            reasons=(CHANGE_WITH_INSURED_PROVINCE.make(insured=filing.insured.name),),
        )
    if on < filing.filed_on:
        raise InvalidInputError(
            "on", f"{on.isoformat()} is before the filing date {filing.filed_on.isoformat()}"
        )
    validity = filing_validity(filing, parameters=parameters)
    p = resolve_parameters(parameters, filing.filed_on)
    outside = outside_procedure(filing, p)
    if outside is not None:  # made on a day this procedure did not govern (article 36)
        return ChangeRuling(outcome=ChangeStatus.NOT_UNDER_PROCEDURE, reasons=outside.reasons)
    force = in_force(on, classify_scope(filing.insured, filing.treatment).outcome, parameters=parameters)
    if force.outcome is not InForce.IN_FORCE:  # asked on a day this procedure does not govern (article 36)
        return ChangeRuling(outcome=ChangeStatus.NOT_IN_FORCE, reasons=force.reasons)
    assert validity.valid_through is not None  # a Hunan filing made under this procedure always has one
    if on > validity.valid_through:
        return ChangeRuling(
            outcome=ChangeStatus.FILING_EXPIRED,
            reasons=(CHANGE_FILING_EXPIRED.make(through=validity.valid_through.isoformat()),),
        )
    if change is ChangeKind.PERSONAL_INFORMATION:
        return ChangeRuling(
            outcome=ChangeStatus.ALLOWED,
            reasons=(CHANGE_PERSONAL_INFORMATION_ANY_TIME.make(months=p.change_lock_months),),
        )
    if not filing.category.long_term:
        return ChangeRuling(
            outcome=ChangeStatus.ALLOWED, reasons=(CHANGE_REFERRAL_NO_LOCK.make(months=p.change_lock_months),)
        )
    lock_end = add_months(filing.filed_on, p.change_lock_months)
    allowed_from = lock_end + _dt.timedelta(days=1)
    dates = {"filed": filing.filed_on.isoformat(), "on": on.isoformat(), "months": p.change_lock_months}
    if on < allowed_from:
        return ChangeRuling(
            outcome=ChangeStatus.LOCKED,
            reasons=(CHANGE_LOCKED.make(allowed_from=allowed_from.isoformat(), **dates),),
            allowed_from=allowed_from,
        )
    return ChangeRuling(
        outcome=ChangeStatus.ALLOWED,
        reasons=(CHANGE_LOCK_OVER.make(lock_end=lock_end.isoformat(), **dates),),
        allowed_from=allowed_from,
    )
