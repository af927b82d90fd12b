"""The procedure's numbers as dated tables, each number with the article it comes from.

A :class:`Parameters` table holds every number of the procedure (3 and 6 months, 5 working days, the days in
force) with its own ``effective_from`` and ``source``. A :class:`ParameterSchedule` is the law over time: dated
versions, and :meth:`ParameterSchedule.on` gives the table in force on a day. :data:`DEFAULT_SCHEDULE` is today's
law (one version, from 2025-08-01).

Every rule that takes ``parameters=`` accepts a schedule or a single table, and reads it through
:func:`resolve_parameters` at the rule's legal date (its docstring says which: the filing date for a filing's
validity, the application date for eligibility, the settlement date for a settlement). A change of the law is one
more dated version, not an ``if`` in a rule; a "what if" is another schedule or table
(``attrs.evolve(DEFAULT_PARAMETERS, referral_validity_months=4)``). A ruling decided with any table other than
:data:`DEFAULT_PARAMETERS` says so (``PARAMETERS_VERSION_USED``).

>>> DEFAULT_PARAMETERS.referral_validity_months, DEFAULT_PARAMETERS.long_term_validity_months
(3, 6)
>>> str(PARAMETER_SOURCES["review_working_days"][0])
'art. 10'
>>> import attrs, datetime as dt
>>> later = attrs.evolve(DEFAULT_PARAMETERS, effective_from=dt.date(2026, 1, 1), referral_validity_months=6,
...                      source="an amendment")
>>> schedule = ParameterSchedule(versions=(DEFAULT_PARAMETERS, later))
>>> schedule.on(dt.date(2025, 12, 31)).referral_validity_months, schedule.on(dt.date(2026, 1, 1)).referral_validity_months
(3, 6)
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, ParamSpec, TypeVar

import attrs

from ._validate import check_date, is_bool, is_date, is_positive_int, is_text
from .articles import ArticleRef
from .errors import InvalidInputError
from .ruling import Reason, Ruling, note

__all__ = [
    "DEFAULT_PARAMETERS",
    "DEFAULT_SCHEDULE",
    "PARAMETER_SOURCES",
    "ParameterSchedule",
    "Parameters",
    "ParametersLike",
    "resolve_parameters",
]


@attrs.frozen(kw_only=True, cache_hash=True)  # immutable: a key of the cached rules
class Parameters:
    """The procedure's numbers. Field sources are in :data:`PARAMETER_SOURCES`."""

    source: str = attrs.field(validator=is_text)
    effective_from: _dt.date = attrs.field(validator=is_date)
    referral_validity_months: int = attrs.field(validator=is_positive_int)
    long_term_validity_months: int = attrs.field(validator=is_positive_int)
    change_lock_months: int = attrs.field(validator=is_positive_int)
    review_working_days: int = attrs.field(validator=is_positive_int)
    residence_months_required: int = attrs.field(validator=is_positive_int)
    in_force_from: _dt.date = attrs.field(validator=is_date)
    in_force_through: _dt.date = attrs.field(validator=is_date)
    national_cross_province_from: _dt.date = attrs.field(validator=is_date)
    monthly_reconciliation_working_days: int = attrs.field(validator=is_positive_int)
    #: Article 5: "跨省异地就医直接结算范围暂不包括门诊工伤医疗（康复）费用": a rule for now (暂), whose end a later
    #: dated table can give by setting this to False.
    cross_province_outpatient_excluded: bool = attrs.field(default=True, validator=is_bool)
    #: The national pilot of cross-province direct settlement in some cities (before the national start).
    national_pilot_from: _dt.date = attrs.field(default=_dt.date(2024, 4, 1), validator=is_date)

    def __attrs_post_init__(self) -> None:
        if self.in_force_through < self.in_force_from:
            raise InvalidInputError("in_force_through", "must not be before in_force_from")
        if self.national_pilot_from > self.national_cross_province_from:
            raise InvalidInputError(
                "national_pilot_from", "must not be after national_cross_province_from (the pilot came first)"
            )
        if self.national_cross_province_from > self.in_force_from:
            raise InvalidInputError(
                "national_cross_province_from",
                "must not be after in_force_from (the national scheme came first)",
            )


#: Where each parameter comes from. The national start date is in the notice that issues the procedure and in
#: 人社部发〔2025〕17号, not in an article: it cites article 2 (cross-province scope) and article 36 (national rules
#: prevail); so does the start of the national pilot that ran in some cities before it.
PARAMETER_SOURCES: Mapping[str, tuple[ArticleRef, ...]] = MappingProxyType(
    {
        "referral_validity_months": (ArticleRef(13, paragraph=1),),
        "long_term_validity_months": (ArticleRef(13, paragraph=1),),
        "change_lock_months": (ArticleRef(13, paragraph=1),),
        "review_working_days": (ArticleRef(10),),
        "residence_months_required": (ArticleRef(4, item=1),),
        "in_force_from": (ArticleRef(36),),
        "in_force_through": (ArticleRef(36),),
        "national_cross_province_from": (ArticleRef(2), ArticleRef(36)),
        "monthly_reconciliation_working_days": (ArticleRef(21),),
        "cross_province_outpatient_excluded": (ArticleRef(5),),
        "national_pilot_from": (ArticleRef(2), ArticleRef(36)),
    }
)

DEFAULT_PARAMETERS = Parameters(
    source="湘人社规〔2025〕24号",
    effective_from=_dt.date(2025, 8, 1),
    referral_validity_months=3,
    long_term_validity_months=6,
    change_lock_months=3,
    review_working_days=5,
    residence_months_required=6,
    in_force_from=_dt.date(2025, 8, 1),
    # Article 36: in force from 2025-08-01 "有效期2年". Counted with the first day included, as regulatory
    # documents count their own validity: the last day is 2027-07-31 [interpretation, see docs].
    in_force_through=_dt.date(2027, 7, 31),
    national_cross_province_from=_dt.date(2025, 4, 1),
    monthly_reconciliation_working_days=5,
)


def _check_versions(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidInputError(
            "versions", f"must be a tuple of Parameters tables, got {type(value).__name__}"
        )
    if not value:
        raise InvalidInputError("versions", "must hold at least one Parameters table")
    for index, version in enumerate(value):
        if not isinstance(version, Parameters):
            raise InvalidInputError(
                f"versions[{index}]", f"must be a Parameters table, got {type(version).__name__}"
            )
        if index and version.effective_from <= value[index - 1].effective_from:
            raise InvalidInputError(
                f"versions[{index}].effective_from",
                f"{version.effective_from.isoformat()} must be after the previous version's "
                f"{value[index - 1].effective_from.isoformat()}: versions are listed in date order, one per day",
            )


@attrs.frozen(kw_only=True, cache_hash=True)  # immutable: a key of the cached rules
class ParameterSchedule:
    """The procedure's numbers over time: dated :class:`Parameters` versions, oldest first.

    :meth:`on` gives the version in force on a day: the latest whose ``effective_from`` is on or before it. A day
    before the first version takes the first version [interpretation]: that table itself says from when the
    procedure is in force (``in_force_from``), and the rules answer "not in force" from it.
    """

    versions: tuple[Parameters, ...] = attrs.field(validator=_check_versions)

    def on(self, day: _dt.date) -> Parameters:
        """The version in force on ``day``."""
        check_date("on", day)
        chosen = self.versions[0]
        for version in self.versions[1:]:
            if version.effective_from > day:
                break
            chosen = version
        return chosen


#: Today's law: the one version of 湘人社规〔2025〕24号, from 2025-08-01. A change of the law is one more version here.
DEFAULT_SCHEDULE = ParameterSchedule(versions=(DEFAULT_PARAMETERS,))

#: What a rule's ``parameters=`` accepts: a schedule, or a single table (in force whatever the day).
ParametersLike = Parameters | ParameterSchedule


def check_parameters(value: object, field: str = "parameters") -> ParametersLike:
    """``value`` if it is a :class:`Parameters` table or a :class:`ParameterSchedule`, else
    :class:`InvalidInputError` naming ``field``."""
    if not isinstance(value, (Parameters, ParameterSchedule)):
        raise InvalidInputError(
            field, f"must be a Parameters table or a ParameterSchedule, got {type(value).__name__}"
        )
    return value


def resolve_parameters(value: object, on: _dt.date, field: str = "parameters") -> Parameters:
    """The table a rule applies on its legal date ``on``: ``value`` itself if it is one table, the schedule's
    version in force on ``on`` if it is a :class:`ParameterSchedule`; :class:`InvalidInputError` naming ``field``
    for anything else.

    >>> import datetime as dt
    >>> resolve_parameters(DEFAULT_SCHEDULE, dt.date(2026, 3, 1)) is DEFAULT_PARAMETERS
    True
    """
    table = check_parameters(value, field)
    if isinstance(table, ParameterSchedule):
        return table.on(on)
    return table


PARAMETERS_VERSION_USED = note(
    "PARAMETERS_VERSION_USED",
    36,
    when="Any decision whose parameters table in force on its legal date is not DEFAULT_PARAMETERS (a "
    "what-if or a change of law).",
    reading=True,
    zh="本决定适用自{effective_from}起施行的参数版本（{source}），按{role}{on}选定；不是本规程2025年版的默认参数。",
    en="This decision applies the parameters in force from {effective_from} ({source}), chosen by the {role_en} "
    "{on}; not the default parameters of the 2025 procedure.",
)

#: The legal date a rule picks its version by: (zh, en).
DateRole = tuple[str, str]
FILING_DATE: DateRole = ("备案日", "filing date")
APPLICATION_DATE: DateRole = ("申请日", "application date")
SETTLEMENT_DATE: DateRole = ("结算日", "settlement date")
DECISION_DATE: DateRole = ("决定日", "day decided on")
RECEIPT_DATE: DateRole = ("收到申请之日", "day of receipt")
MONTH_AFTER: DateRole = ("对账月份次月首日", "first day of the month after the month reconciled")
YEAR_END: DateRole = ("清算年度末日", "last day of the year cleared")

P = ParamSpec("P")
R = TypeVar("R", bound=Ruling[Any])


def version_note(table: Parameters, on: _dt.date, role: DateRole) -> Reason | None:
    """The ``PARAMETERS_VERSION_USED`` reason when ``table`` is not :data:`DEFAULT_PARAMETERS`, else ``None``."""
    if table is DEFAULT_PARAMETERS or table == DEFAULT_PARAMETERS:
        return None
    return PARAMETERS_VERSION_USED.make(
        effective_from=table.effective_from.isoformat(),
        source=table.source,
        role=role[0],
        role_en=role[1],
        on=on.isoformat(),
    )


def picks_version(role: DateRole, day: Callable[..., _dt.date]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a rule whose ruling names the parameters version it used, picked on ``day(*args, **kwargs)``.

    The rule reads its table itself (:func:`resolve_parameters`); this adds the ``PARAMETERS_VERSION_USED`` reason
    to the ruling, once, when that table is not :data:`DEFAULT_PARAMETERS`. ``parameters`` is keyword-only in
    every rule and defaults to :data:`DEFAULT_SCHEDULE`.
    """

    def decorate(rule: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(rule)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            ruling = rule(*args, **kwargs)
            parameters = kwargs.get("parameters", DEFAULT_SCHEDULE)
            if parameters is DEFAULT_PARAMETERS:
                return ruling
            on = day(*args, **kwargs)
            note = version_note(resolve_parameters(parameters, on), on, role)
            if note is None or note in ruling.reasons:
                return ruling
            return attrs.evolve(ruling, reasons=(*ruling.reasons, note))

        return run

    return decorate
