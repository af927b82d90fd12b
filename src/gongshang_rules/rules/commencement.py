"""Whether this procedure governs an event on a date: article 36, and the national start of cross-province care.

Article 36: in force from 2025-08-01 for two years (through 2027-07-31, see :mod:`gongshang_rules.kernel.parameters`);
where national rules differ, they prevail. Cross-province direct settlement started nationally on 2025-04-01
(人社部发〔2025〕17号, recited in the notice that issues this procedure): a cross-province event between then and
2025-07-31 is governed by the national procedure, not this one.

>>> import datetime as dt
>>> in_force(dt.date(2025, 7, 31), Scope.CROSS_PROVINCE_INBOUND).outcome.name
'NATIONAL_PROCEDURE'
>>> in_force(dt.date(2025, 8, 1), Scope.INTRA_PROVINCE).outcome.name
'IN_FORCE'
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ..kernel._validate import check_date, pure_cache, type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import NATIONAL_NOTICE, NATIONAL_PILOT
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DECISION_DATE,
    DEFAULT_SCHEDULE,
    ParametersLike,
    picks_version,
    resolve_parameters,
)
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from .scope import Scope

__all__ = [
    "InForce",
    "InForceRuling",
    "in_force",
]


class InForce(LabelledEnum):
    """Whether this procedure governs an event."""

    IN_FORCE = ("本规程有效", "this procedure is in force")
    NATIONAL_PROCEDURE = ("适用国家经办规程", "governed by the national procedure, not this one")
    NOT_YET_IN_FORCE = ("本规程尚未施行", "this procedure is not yet in force")
    EXPIRED = ("本规程有效期已届满", "this procedure's two-year validity has ended")
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")


@attrs.frozen(kw_only=True)
class InForceRuling(Ruling[InForce]):
    """Whether this procedure governs an event on a date, with the reasons."""


IN_FORCE_WITHIN_PERIOD = decisive(
    "IN_FORCE_WITHIN_PERIOD",
    36,
    when="in_force: the day is within 2025-08-01..2027-07-31 (both included) and the scope is not NOT_GOVERNED.",
    zh="{on}在本规程有效期（{start}至{end}）内。",
    en="{on} is within this procedure's validity ({start} to {end}).",
)
IN_FORCE_LAST_DAY_COUNTED = decisive(
    "IN_FORCE_LAST_DAY_COUNTED",
    36,
    when="in_force: with IN_FORCE_EXPIRED, only when the day is 2027-08-01, the one day whose outcome turns on counting the two years with the first day included.",
    reading=True,
    zh="“自{start}起实施，有效期2年”按规范性文件惯例含首日计算，末日为{end}。",
    en="'In force from {start} for 2 years' is counted with the first day included, as regulatory documents "
    "count their own validity: the last day is {end}.",
)
IN_FORCE_NATIONAL_PROCEDURE_BEFORE = decisive(
    "IN_FORCE_NATIONAL_PROCEDURE_BEFORE",
    2,
    36,
    when="in_force: the day is before 2025-08-01, on or after 2025-04-01, and the scope is cross-province (outcome NATIONAL_PROCEDURE).",
    zh="{on}早于本规程施行日{start}，但跨省异地就医直接结算已于{national}起在全国开展，由国家经办规程调整。",
    en="{on} is before this procedure took effect ({start}), but cross-province direct settlement has run "
    "nationally since {national}: the national procedure governs.",
    authorities=(NATIONAL_NOTICE,),
)
IN_FORCE_NOT_YET = decisive(
    "IN_FORCE_NOT_YET",
    36,
    when="in_force: the day is before 2025-08-01 and the scope is not NOT_GOVERNED, except a cross-province scope on or after 2025-04-01.",
    zh="{on}早于本规程施行日{start}{extra_zh}。",
    en="{on} is before this procedure took effect on {start}{extra_en}.",
)
IN_FORCE_BEFORE_NATIONAL_SCHEME = note(
    "IN_FORCE_BEFORE_NATIONAL_SCHEME",
    2,
    36,
    when="in_force for a cross-province scope on a day before national_cross_province_from (2025-04-01), "
    "beside IN_FORCE_NOT_YET; it names the national pilot from national_pilot_from (2024-04-01).",
    zh="{on}早于全国跨省异地就医直接结算开展日{national}：跨省情形一般不属本规程或国家经办规程的直接结算；"
    "{pilot_zh}",
    en="{on} is before cross-province direct settlement began nationally on {national}: a cross-province case is "
    "in general under neither this procedure's nor the national procedure's direct settlement; {pilot_en}",
    authorities=(NATIONAL_NOTICE, NATIONAL_PILOT),
)
IN_FORCE_EXPIRED = decisive(
    "IN_FORCE_EXPIRED",
    36,
    when="in_force: the day is after 2027-07-31 and the scope is not NOT_GOVERNED.",
    zh="{on}晚于本规程有效期末日{end}{extra_zh}。",
    en="{on} is after the last day of this procedure's validity, {end}{extra_en}.",
)
IN_FORCE_SCOPE_NOT_GOVERNED = decisive(
    "IN_FORCE_SCOPE_NOT_GOVERNED",
    ArticleRef(2, paragraph=1),
    when="in_force: the scope is NOT_GOVERNED (both places outside Hunan), whatever the day.",
    zh="参保地与就医地均在湖南省外，本规程在任何日期均不调整该情形。",
    en="Both places are outside Hunan: this procedure governs the case on no date.",
)


@pure_cache
@picks_version(DECISION_DATE, lambda on, *_a, **_k: on)
def in_force(on: _dt.date, scope: Scope, *, parameters: ParametersLike = DEFAULT_SCHEDULE) -> InForceRuling:
    """Whether this procedure governs an event of ``scope`` on the date ``on`` (article 36).

    The parameters version is the one in force on ``on``.

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``IN_FORCE``, ``NATIONAL_PROCEDURE``, ``NOT_YET_IN_FORCE``, ``EXPIRED``, ``NOT_GOVERNED``
    * reason codes: ``IN_FORCE_BEFORE_NATIONAL_SCHEME``, ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``,
      ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``, ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``,
      ``IN_FORCE_WITHIN_PERIOD``, ``PARAMETERS_VERSION_USED`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 36
    """
    check_date("on", on)
    if not isinstance(scope, Scope):
        raise InvalidInputError("scope", f"must be a Scope member, got {type_name(scope)}")
    p = resolve_parameters(parameters, on)
    dates = {
        "on": on.isoformat(),
        "start": p.in_force_from.isoformat(),
        "end": p.in_force_through.isoformat(),
        "national": p.national_cross_province_from.isoformat(),
    }
    if scope is Scope.NOT_GOVERNED:
        return InForceRuling(outcome=InForce.NOT_GOVERNED, reasons=(IN_FORCE_SCOPE_NOT_GOVERNED.make(),))
    if on < p.in_force_from:
        if scope.cross_province and on >= p.national_cross_province_from:
            return InForceRuling(
                outcome=InForce.NATIONAL_PROCEDURE,
                reasons=(IN_FORCE_NATIONAL_PROCEDURE_BEFORE.make(**dates),),
            )
        extra_zh, extra_en = "", ""
        reasons: list[Reason] = []
        if scope.cross_province:
            extra_zh = f"，且早于全国跨省异地就医直接结算开展日{dates['national']}"
            extra_en = (
                f", and before cross-province direct settlement began nationally on {dates['national']}"
            )
            pilot = p.national_pilot_from.isoformat()
            if on >= p.national_pilot_from:
                pilot_zh = (
                    f"自{pilot}起部分城市开展了国家试点，试点城市的情形按试点规定办理，不由本规程判断。"
                )
                pilot_en = (
                    f"a national pilot ran in some cities from {pilot}: a case in a pilot city follows the pilot's "
                    "rules, which this procedure does not decide."
                )
            else:
                pilot_zh = f"且早于{pilot}起部分城市开展的国家试点。"
                pilot_en = f"and it is before the national pilot that began in some cities on {pilot}."
            reasons.append(
                IN_FORCE_BEFORE_NATIONAL_SCHEME.make(pilot_zh=pilot_zh, pilot_en=pilot_en, **dates)
            )
        return InForceRuling(
            outcome=InForce.NOT_YET_IN_FORCE,
            reasons=(IN_FORCE_NOT_YET.make(extra_zh=extra_zh, extra_en=extra_en, **dates), *reasons),
        )
    if on > p.in_force_through:
        extra_zh, extra_en = "", ""
        if scope.cross_province:
            extra_zh = "；跨省异地就医仍按国家经办规程办理"
            extra_en = "; cross-province care remains governed by the national procedure"
        expired = [IN_FORCE_EXPIRED.make(extra_zh=extra_zh, extra_en=extra_en, **dates)]
        if on == p.in_force_through + _dt.timedelta(days=1):
            # Only on this day does the outcome turn on how the two years are counted.
            expired.append(IN_FORCE_LAST_DAY_COUNTED.make(**dates))
        return InForceRuling(outcome=InForce.EXPIRED, reasons=tuple(expired))
    return InForceRuling(outcome=InForce.IN_FORCE, reasons=(IN_FORCE_WITHIN_PERIOD.make(**dates),))


def straddles(
    started_on: _dt.date, settled_on: _dt.date, scope: Scope, *, parameters: ParametersLike = DEFAULT_SCHEDULE
) -> bool:
    """Whether an episode begun on ``started_on`` and settled on ``settled_on`` falls on both sides of a boundary of
    this procedure's validity (article 36): then the reading that judges it on the settlement date decides it, and
    every ruling that rests on that reading says so.

    >>> import datetime as dt
    >>> straddles(dt.date(2025, 7, 28), dt.date(2025, 8, 5), Scope.INTRA_PROVINCE)
    True
    >>> straddles(dt.date(2025, 8, 1), dt.date(2025, 8, 5), Scope.INTRA_PROVINCE)
    False
    """
    check_date("started_on", started_on)
    check_date("settled_on", settled_on)
    return (
        started_on != settled_on
        and in_force(started_on, scope, parameters=parameters).outcome
        is not in_force(settled_on, scope, parameters=parameters).outcome
    )
