"""Annual clearing: chapter 4, article 27.

The provincial agency completes the annual clearing of the province's out-of-area funds for year Y by the end of
the first quarter of Y+1 (次年第一季度末), 31 March (:func:`annual_clearing_deadline`), and reports it to the
provincial finance department; it may adjust the settlement and clearing mode each year. :func:`annual_clearing`
gives the deadline with those reasons, for a year this procedure is in force in (article 36).

>>> annual_clearing_deadline(2025)
datetime.date(2026, 3, 31)
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ..kernel._validate import check_int
from ..kernel.articles import ArticleRef
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import DEFAULT_SCHEDULE, YEAR_END, ParametersLike, picks_version, resolve_parameters
from ..kernel.ruling import LabelledEnum, Ruling, decisive, note

__all__ = ["AnnualClearing", "AnnualClearingRuling", "annual_clearing", "annual_clearing_deadline"]


def _check_year(year: object) -> int:
    y = check_int("year", year, minimum=1)
    if y > 9998:
        raise InvalidInputError("year", f"must be at most 9998, got {y}")
    return y


def annual_clearing_deadline(year: int) -> _dt.date:
    """The day by which the provincial agency completes the annual clearing of ``year``: 31 March of the next year.

    Article 27: 次年第一季度末 (the end of the first quarter of the following year).

    >>> annual_clearing_deadline(2026)
    datetime.date(2027, 3, 31)
    """
    return _dt.date(_check_year(year) + 1, 3, 31)


class AnnualClearing(LabelledEnum):
    """The outcome of asking for a year's annual clearing."""

    DUE = ("应于次年第一季度末前完成年终清算", "due by the end of the first quarter of the next year")
    NOT_IN_FORCE = ("本规程在该年度不在有效期内", "this procedure is in force on no day of that year")


@attrs.frozen(kw_only=True)
class AnnualClearingRuling(Ruling[AnnualClearing]):
    """A year's annual clearing: ``deadline`` when due under this procedure."""

    year: int
    deadline: _dt.date | None = None

    def _extra_lines(self) -> list[str]:
        return [f"  clearing of {self.year} due by: {self.deadline.isoformat()}"] if self.deadline else []


_A27 = ArticleRef(27)

FUNDS_ANNUAL_CLEARING_DEADLINE = decisive(
    "FUNDS_ANNUAL_CLEARING_DEADLINE",
    _A27,
    when="Annual clearing of a year from 2025 to 2027: due by 31 March of the next year.",
    zh="省级经办机构应于{deadline}（次年第一季度末）前完成{year}年度全省异地就医资金年终清算，报省级财政部门备查。",
    en="The provincial agency completes the annual clearing of the province's out-of-area funds for {year} by "
    "{deadline}, the end of the first quarter of the next year, and reports it to the provincial finance "
    "department for the record.",
)
FUNDS_ANNUAL_CLEARING_MODE_ADJUSTABLE = note(
    "FUNDS_ANNUAL_CLEARING_MODE_ADJUSTABLE",
    _A27,
    when="Annual clearing with outcome DUE, always.",
    zh="省级经办机构可根据异地就医（康复）、辅助器具配置开展情况，按年度调整费用结算、清算模式；调整的内容无法在此计算，"
    "作出调整的，以调整为准。",
    en="The provincial agency may adjust the settlement and clearing mode each year, as out-of-area care, "
    "rehabilitation and device fitting develop; such an adjustment cannot be computed here and, once made, "
    "prevails.",
)
FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END = note(
    "FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END",
    _A27,
    36,
    when="Annual clearing with outcome DUE whose deadline is after 2027-07-31 (the clearing of 2027).",
    zh="{year}年度的年终清算期限{deadline}晚于本规程有效期末日{end}，届时由当时有效的规定调整。",
    en="The clearing of {year} falls due on {deadline}, after this procedure's last day, {end}: the rules in force "
    "then govern it.",
)
FUNDS_ANNUAL_CLEARING_YEAR_NOT_IN_FORCE = decisive(
    "FUNDS_ANNUAL_CLEARING_YEAR_NOT_IN_FORCE",
    _A27,
    36,
    when="Annual clearing of a year outside 2025..2027 (outcome NOT_IN_FORCE).",
    zh="本规程自{start}起施行、至{end}止，{year}年度没有一天在其有效期内，该年度的清算不按本规程办理。",
    en="This procedure is in force from {start} through {end}: no day of {year} is within it, so that year's "
    "clearing is not done under this procedure.",
)


@picks_version(YEAR_END, lambda year, *_a, **_k: _dt.date(year, 12, 31))
def annual_clearing(year: int, *, parameters: ParametersLike = DEFAULT_SCHEDULE) -> AnnualClearingRuling:
    """The annual clearing of ``year`` (article 27): its deadline, and the provincial agency's power to adjust.

    A year with no day in force (article 36) gets ``NOT_IN_FORCE``; a deadline after the procedure's last day is
    noted. The parameters version is the one in force on the last day of the year cleared [interpretation].

    >>> ruling = annual_clearing(2027)
    >>> ruling.outcome.name, ruling.deadline, sorted(ruling.codes)[0]
    ('DUE', datetime.date(2028, 3, 31), 'FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END')
    >>> annual_clearing(2024).outcome.name
    'NOT_IN_FORCE'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``DUE``, ``NOT_IN_FORCE``
    * reason codes: ``FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END``, ``FUNDS_ANNUAL_CLEARING_DEADLINE``,
      ``FUNDS_ANNUAL_CLEARING_MODE_ADJUSTABLE``, ``FUNDS_ANNUAL_CLEARING_YEAR_NOT_IN_FORCE``,
      ``PARAMETERS_VERSION_USED`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 27, art. 36
    """
    year = _check_year(year)
    p = resolve_parameters(parameters, _dt.date(year, 12, 31))
    dates = {"start": p.in_force_from.isoformat(), "end": p.in_force_through.isoformat()}
    if not p.in_force_from.year <= year <= p.in_force_through.year:
        return AnnualClearingRuling(
            outcome=AnnualClearing.NOT_IN_FORCE,
            reasons=(FUNDS_ANNUAL_CLEARING_YEAR_NOT_IN_FORCE.make(year=year, **dates),),
            year=year,
        )
    deadline = annual_clearing_deadline(year)
    reasons = [
        FUNDS_ANNUAL_CLEARING_DEADLINE.make(year=year, deadline=deadline.isoformat()),
        FUNDS_ANNUAL_CLEARING_MODE_ADJUSTABLE.make(),
    ]
    if deadline > p.in_force_through:
        reasons.append(
            FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END.make(year=year, deadline=deadline.isoformat(), **dates)
        )
    return AnnualClearingRuling(
        outcome=AnnualClearing.DUE, reasons=tuple(reasons), year=year, deadline=deadline
    )
