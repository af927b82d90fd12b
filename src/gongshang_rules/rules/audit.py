"""The joint audits' focus points: chapter 5, article 32.

The provincial agency's joint audits (联审互查) focus on large amounts, high frequency, and spending at both the
filed place and the insured place during a filing's validity. :func:`audit_flags` flags those rows of a batch of
settlement records, with thresholds the caller supplies (:class:`AuditThresholds`: the procedure sets none) and the
filing periods to compare with (:class:`FilingPeriod`).

>>> audit_flags((), AuditThresholds()).outcome.name
'NOTHING_FLAGGED'
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

import attrs

from ..kernel._validate import check_money, is_date, is_instance, type_name
from ..kernel.articles import ArticleRef
from ..kernel.errors import InvalidInputError
from ..kernel.identity import IdentityNumber
from ..kernel.parameters import DEFAULT_SCHEDULE, ParametersLike
from ..kernel.places import Place, PlaceKind, is_treatment_place
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive
from .filing import Filing, Validity, filing_validity
from .records import SettlementRecord, check_records

__all__ = [
    "AuditFlag",
    "AuditOutcome",
    "AuditRule",
    "AuditRuling",
    "AuditThresholds",
    "FilingPeriod",
    "audit_flags",
]


def _optional_positive_money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and check_money(attribute.name, value) <= 0:
        raise InvalidInputError(attribute.name, f"must be more than 0, got {value}")


def _optional_positive_int(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise InvalidInputError(attribute.name, f"must be a positive int or None, got {value!r}")


@attrs.frozen(kw_only=True)
class AuditThresholds:
    """The caller's thresholds for article 32's focus points (the procedure sets none); ``None`` skips a rule.

    ``large_amount``: a settlement whose fund share or bill is at least this (yuan). ``frequency_count`` and
    ``frequency_window_days`` (both or neither): at least that many settlements of one worker with settlement
    dates within that many consecutive days.
    """

    large_amount: Decimal | None = attrs.field(default=None, validator=_optional_positive_money)
    frequency_count: int | None = attrs.field(default=None, validator=_optional_positive_int)
    frequency_window_days: int | None = attrs.field(default=None, validator=_optional_positive_int)

    def __attrs_post_init__(self) -> None:
        if (self.frequency_count is None) != (self.frequency_window_days is None):
            raise InvalidInputError(
                "frequency_window_days", "give frequency_count and frequency_window_days both or neither"
            )


@attrs.frozen(kw_only=True)
class FilingPeriod:
    """A worker's filing and its validity, for the dual-place rule: filed ``treatment`` place, first and last day."""

    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))
    treatment: Place = attrs.field(validator=is_treatment_place)
    valid_from: _dt.date = attrs.field(validator=is_date)
    valid_through: _dt.date = attrs.field(validator=is_date)

    def __attrs_post_init__(self) -> None:
        if self.valid_through < self.valid_from:
            raise InvalidInputError("valid_through", "must not be before valid_from")

    @classmethod
    def from_filing(
        cls, identity_number: IdentityNumber, filing: Filing, *, parameters: ParametersLike = DEFAULT_SCHEDULE
    ) -> FilingPeriod:
        """The period of an approved :class:`~gongshang_rules.rules.filing.Filing`, its validity by article 13 ¶1.

        A filing of another province that states no dates raises: its validity is that province's to set. The
        parameters version is the one in force on the filing date.

        >>> import datetime as dt
        >>> from gongshang_rules import IdentityNumber, PersonCategory, ServiceKind, place
        >>> filing = Filing(insured=place("长沙市"), treatment=place("岳阳市"), category=PersonCategory.REFERRAL,
        ...                 service=ServiceKind.MEDICAL, filed_on=dt.date(2025, 8, 31))
        >>> period = FilingPeriod.from_filing(IdentityNumber("430102199001011238"), filing)
        >>> period.valid_from, period.valid_through
        (datetime.date(2025, 8, 31), datetime.date(2025, 11, 30))
        """
        if not isinstance(filing, Filing):
            raise InvalidInputError("filing", f"must be a Filing, got {type_name(filing)}")
        validity = filing_validity(filing, parameters=parameters)
        if validity.valid_from is None or validity.valid_through is None:
            if validity.outcome is Validity.SET_BY_INSURED_PROVINCE:
                why = f"its validity is set by the insured province ({filing.insured.name}) and the filing states none"
            else:  # made on a day this procedure did not govern (article 36)
                why = f"article 13 gives it no validity ({validity.outcome.en})"
            raise InvalidInputError(
                "filing", f"{why}: build the FilingPeriod from the dates the approving agency gave"
            )
        return cls(
            identity_number=identity_number,
            treatment=filing.treatment,
            valid_from=validity.valid_from,
            valid_through=validity.valid_through,
        )


class AuditRule(LabelledEnum):
    """Article 32's focus points, in the order the article lists them."""

    LARGE_AMOUNT = ("大额", "large amount")
    HIGH_FREQUENCY = ("高频次", "high frequency")
    DUAL_PLACE_SPENDING = (
        "备案期间备案地和参保地双向支出",
        "spending at both the filed and the insured place",
    )


@attrs.frozen(kw_only=True)
class AuditFlag:
    """One flag: the ``rule``, the rows it names (settlement ids, by settlement date), and the ``reason``."""

    rule: AuditRule
    settlement_ids: tuple[str, ...]
    reason: Reason


class AuditOutcome(LabelledEnum):
    """Whether the batch has rows for the joint audit to look at."""

    FLAGGED = ("发现联审互查重点数据", "rows flagged for the joint audit")
    NOTHING_FLAGGED = ("未发现联审互查重点数据", "nothing flagged")


@attrs.frozen(kw_only=True)
class AuditRuling(Ruling[AuditOutcome]):
    """The flags, in a fixed order (rule, then rows), and every flagged row once (``flagged_ids``)."""

    flags: tuple[AuditFlag, ...] = ()
    flagged_ids: tuple[str, ...] = ()

    def _extra_lines(self) -> list[str]:
        return [f"  {flag.rule.name}: {', '.join(flag.settlement_ids)}" for flag in self.flags]


_A32 = ArticleRef(32)

AUDIT_FOCUS = decisive(
    "AUDIT_FOCUS",
    _A32,
    when="Audit flags: always, first (the three focus points and the user's thresholds).",
    zh="省级经办机构组织联审互查，以大额、高频次、备案期间备案地和参保地双向支出为重点；本规程未规定具体标准，所用标准由"
    "使用者提供：{thresholds}。",
    en="The provincial agency's joint audits focus on large amounts, high frequency, and spending at both the "
    "filed and the insured place during a filing; the procedure sets no thresholds, and these are the user's: "
    "{thresholds_en}.",
)
AUDIT_RULE_NOT_RUN = decisive(
    "AUDIT_RULE_NOT_RUN",
    _A32,
    when="Audit flags: once for each focus point without its threshold (large_amount; frequency_count with frequency_window_days) or, for dual-place spending, without filings.",
    zh="未提供{rule}的标准（或备案期间），该重点未予检查。",
    en="No threshold (or filing period) was given for {rule_en}: that focus point was not checked.",
)
AUDIT_OUT_OF_AREA_ROWS_ONLY = decisive(
    "AUDIT_OUT_OF_AREA_ROWS_ONLY",
    _A32,
    when="Audit flags: some record is not out-of-area (it is not checked for large amounts or high frequency).",
    reading=True,
    zh="联审互查针对异地就医：结算号{ids}不属异地就医，只用于判断参保地支出，不计入大额和高频次。",
    en="The joint audits are of out-of-area care: settlements {ids} are not out-of-area and serve only to find "
    "spending at the insured place, not the large-amount or high-frequency checks.",
)
AUDIT_LARGE_AMOUNT = decisive(
    "AUDIT_LARGE_AMOUNT",
    _A32,
    when="Audit flags: once for each out-of-area record whose bill or fund_share is at or above large_amount (an identical flag once).",
    reading=True,
    zh="结算号{id}（工伤职工{worker}）：费用{bill}元、基金支付{fund}元，达到大额标准{threshold}元。第三十二条未说明"
    "“大额”以费用总额还是基金支付额计，两者任一达到即列为重点。",
    en="Settlement {id} (worker {worker}): bill {bill} yuan, fund share {fund} yuan, at or above the "
    "large-amount threshold of {threshold} yuan. Article 32 does not say whether 'large' is measured on the bill "
    "or the fund's share: either reaching the threshold flags the row.",
)
AUDIT_HIGH_FREQUENCY = decisive(
    "AUDIT_HIGH_FREQUENCY",
    _A32,
    when="Audit flags: once for each worker with frequency_count or more out-of-area settlements within some frequency_window_days consecutive days.",
    reading=True,
    zh="工伤职工{worker}：结算号{ids}均落在某连续{days}日内有{count}笔以上结算的期间（按结算日计）。",
    en="Worker {worker}: settlements {ids} each fall within some {days} consecutive days holding {count} or more "
    "of the worker's settlements (by settlement date).",
)
AUDIT_DUAL_PLACE_SPENDING = decisive(
    "AUDIT_DUAL_PLACE_SPENDING",
    _A32,
    when="Audit flags: once for each filing period (an identical flag once) in which the worker has stays overlapping the validity both at the filed place and at the insured place.",
    reading=True,
    zh="工伤职工{worker}备案至{filed}（有效期{start}至{through}）期间，既在备案地结算（{filed_ids}），又在参保地结算"
    "（{insured_ids}）。按就诊期间与有效期重叠判断，湖南省内地点按市州比较，省本级参保的以省内为参保地。",
    en="Worker {worker}, filed for {filed_en} (valid {start} to {through}): settled both at the filed place "
    "({filed_ids}) and at the insured place ({insured_ids}) during the validity. A stay counts when it overlaps "
    "the validity; Hunan places are compared by city; for a 省本级 worker the insured place is all of Hunan.",
)


def _row_key(record: SettlementRecord) -> tuple[_dt.date, str]:
    return record.settled_on, record.settlement_id


def _sorted_ids(records: list[SettlementRecord]) -> tuple[str, ...]:
    return tuple(r.settlement_id for r in sorted(records, key=_row_key))


def _same_place(a: Place, b: Place) -> bool:
    """Same treatment place: the same 市州 within Hunan (article 2 ¶3), the same province outside it."""
    if a.city_code is not None or b.city_code is not None:
        return a.city_code == b.city_code
    return a.code == b.code


def _at_insured_place(record: SettlementRecord) -> bool:
    if record.insured.kind is PlaceKind.PROVINCE_LEVEL:
        return record.treatment.in_hunan
    return _same_place(record.insured, record.treatment)


def _high_frequency_rows(records: list[SettlementRecord], count: int, days: int) -> list[SettlementRecord]:
    """Rows lying in some window of ``days`` consecutive days with at least ``count`` rows (one worker's).

    One pass with two pointers over the rows in settlement-date order, each row added at most once (``covered``
    marks how far earlier windows reached), so the time is linear after the sort however many rows share a
    window; days are compared as differences, so no date arithmetic can overflow however large the window.
    """
    ordered = sorted(records, key=_row_key)
    flagged: list[SettlementRecord] = []
    end = covered = 0
    for start, first in enumerate(ordered):
        end = max(end, start)
        while end < len(ordered) and (ordered[end].settled_on - first.settled_on).days < days:
            end += 1
        if end - start >= count:
            flagged.extend(ordered[max(start, covered) : end])
            covered = end
    return flagged


def _check_filings(value: object) -> tuple[FilingPeriod, ...]:
    if not isinstance(value, tuple):
        raise InvalidInputError("filings", f"must be a tuple of FilingPeriod, got {type_name(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, FilingPeriod):
            raise InvalidInputError(f"filings[{index}]", f"must be a FilingPeriod, got {type_name(item)}")
    return value


def _thresholds_text(t: AuditThresholds, filings: int) -> tuple[str, str]:
    zh, en = [], []
    if t.large_amount is not None:
        zh.append(f"大额：费用或基金支付达{t.large_amount}元")
        en.append(f"large: bill or fund share of {t.large_amount} yuan or more")
    if t.frequency_count is not None:
        zh.append(f"高频次：连续{t.frequency_window_days}日内{t.frequency_count}笔以上")
        en.append(f"frequent: {t.frequency_count} or more within {t.frequency_window_days} consecutive days")
    zh.append(f"备案期间{filings}个")
    en.append(f"{filings} filing period(s)")
    return "；".join(zh), "; ".join(en)


def audit_flags(
    records: tuple[SettlementRecord, ...],
    thresholds: AuditThresholds,
    filings: tuple[FilingPeriod, ...] = (),
) -> AuditRuling:
    """Flag the rows of a batch that article 32's joint audits focus on, with the caller's thresholds.

    Large amount: an out-of-area settlement whose fund share or bill is at least ``thresholds.large_amount`` (one
    flag per row). High frequency: every out-of-area settlement of a worker that lies in some window of
    ``frequency_window_days`` consecutive days holding at least ``frequency_count`` of that worker's out-of-area
    settlements, by settlement date (one flag per worker). Dual-place spending: for each filing period, the
    worker's settlements at the filed place and at the insured place whose stays overlap the validity, when there
    are both (one flag per filing). Flags are ordered by rule, then by their rows (settlement date, id).

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from gongshang_rules import IdentityNumber, place
    >>> def record(sid, day, treatment, amount):
    ...     return SettlementRecord(
    ...         settlement_id=sid, identity_number=IdentityNumber("430102199001011238"), institution_code="X",
    ...         insured=place("长沙市"), treatment=place(treatment), started_on=dt.date(2025, 9, day),
    ...         ended_on=dt.date(2025, 9, day), bill=Decimal(amount), fund_share=Decimal(amount))
    >>> rows = (record("A", 2, "岳阳市", "80000.00"), record("B", 5, "长沙市", "300.00"))
    >>> filing = FilingPeriod(identity_number=IdentityNumber("430102199001011238"), treatment=place("岳阳市"),
    ...                       valid_from=dt.date(2025, 8, 1), valid_through=dt.date(2025, 10, 31))
    >>> ruling = audit_flags(rows, AuditThresholds(large_amount=Decimal("50000")), (filing,))
    >>> [(flag.rule.name, flag.settlement_ids) for flag in ruling.flags]
    [('LARGE_AMOUNT', ('A',)), ('DUAL_PLACE_SPENDING', ('A', 'B'))]

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``FLAGGED``, ``NOTHING_FLAGGED``
    * reason codes: ``AUDIT_DUAL_PLACE_SPENDING``, ``AUDIT_FOCUS``, ``AUDIT_HIGH_FREQUENCY``,
      ``AUDIT_LARGE_AMOUNT``, ``AUDIT_OUT_OF_AREA_ROWS_ONLY``, ``AUDIT_RULE_NOT_RUN`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 32
    """
    checked = check_records("records", records)
    if not isinstance(thresholds, AuditThresholds):
        raise InvalidInputError("thresholds", f"must be AuditThresholds, got {type_name(thresholds)}")
    periods = _check_filings(filings)
    zh, en = _thresholds_text(thresholds, len(periods))
    reasons: list[Reason] = [AUDIT_FOCUS.make(thresholds=zh, thresholds_en=en)]
    home = [r for r in checked if not r.scope.out_of_area]
    if home:
        reasons.append(AUDIT_OUT_OF_AREA_ROWS_ONLY.make(ids="、".join(_sorted_ids(home))))
    out_of_area = [r for r in checked if r.scope.out_of_area]
    flags: list[AuditFlag] = []
    # Article 32's three focus points, in its order; one the caller gave no threshold (or filing) for is not run.
    large = thresholds.large_amount
    if large is None:
        reasons.append(_not_run(AuditRule.LARGE_AMOUNT))
    else:
        flags += _large_amount_flags(out_of_area, large)
    count, days = thresholds.frequency_count, thresholds.frequency_window_days
    if count is None or days is None:
        reasons.append(_not_run(AuditRule.HIGH_FREQUENCY))
    else:
        flags += _high_frequency_flags(out_of_area, count, days)
    if not periods:
        reasons.append(_not_run(AuditRule.DUAL_PLACE_SPENDING))
    for period in periods:
        flag = _dual_place_flag(checked, period)
        if flag is not None:
            flags.append(flag)

    by_id = {r.settlement_id: r for r in checked}
    final = _in_order(flags, by_id)
    flagged = _sorted_ids([by_id[i] for i in {i for f in final for i in f.settlement_ids}])
    return AuditRuling(
        outcome=AuditOutcome.FLAGGED if final else AuditOutcome.NOTHING_FLAGGED,
        reasons=(*reasons, *(flag.reason for flag in final)),
        flags=final,
        flagged_ids=flagged,
    )


def _not_run(rule: AuditRule) -> Reason:
    return AUDIT_RULE_NOT_RUN.make(rule=rule.zh, rule_en=rule.en)


def _large_amount_flags(rows: list[SettlementRecord], threshold: Decimal) -> list[AuditFlag]:
    """Large amount: every row whose fund share or bill reaches ``threshold``, each a flag of its own."""
    flags: list[AuditFlag] = []
    for r in rows:
        if r.fund_share >= threshold or r.bill >= threshold:
            reason = AUDIT_LARGE_AMOUNT.make(
                id=r.settlement_id,
                worker=str(r.identity_number),
                bill=r.bill,
                fund=r.fund_share,
                threshold=threshold,
            )
            flags.append(
                AuditFlag(rule=AuditRule.LARGE_AMOUNT, settlement_ids=(r.settlement_id,), reason=reason)
            )
    return flags


def _high_frequency_flags(rows: list[SettlementRecord], count: int, days: int) -> list[AuditFlag]:
    """High frequency: for each worker, the rows in some window of ``days`` days holding ``count`` of theirs, one
    flag per worker (linear in the worker's rows after the sort: :func:`_high_frequency_rows`)."""
    by_worker: dict[str, list[SettlementRecord]] = defaultdict(list)
    for r in rows:
        by_worker[r.identity_number.value].append(r)
    flags: list[AuditFlag] = []
    for worker_rows in by_worker.values():
        hit = _high_frequency_rows(worker_rows, count, days)
        if hit:
            ids = _sorted_ids(hit)
            reason = AUDIT_HIGH_FREQUENCY.make(
                worker=str(hit[0].identity_number), ids="、".join(ids), days=days, count=count
            )
            flags.append(AuditFlag(rule=AuditRule.HIGH_FREQUENCY, settlement_ids=ids, reason=reason))
    return flags


def _in_order(flags: list[AuditFlag], by_id: dict[str, SettlementRecord]) -> tuple[AuditFlag, ...]:
    """The flags by rule, in article 32's order, then by their rows (settlement date, id); an identical flag once."""
    order = list(AuditRule)

    def flag_key(flag: AuditFlag) -> tuple[int, tuple[tuple[_dt.date, str], ...]]:
        return order.index(flag.rule), tuple(_row_key(by_id[i]) for i in flag.settlement_ids)

    unique: dict[tuple[AuditRule, tuple[str, ...]], AuditFlag] = {}
    for flag in sorted(flags, key=flag_key):
        unique.setdefault((flag.rule, flag.settlement_ids), flag)
    return tuple(unique.values())


def _dual_place_flag(records: tuple[SettlementRecord, ...], period: FilingPeriod) -> AuditFlag | None:
    """The flag for one filing period: rows at the filed place and rows at the insured place, when both exist."""
    during = [
        r
        for r in records
        if r.identity_number == period.identity_number
        and r.started_on <= period.valid_through
        and r.ended_on >= period.valid_from
    ]
    at_filed = [r for r in during if _same_place(r.treatment, period.treatment)]
    at_insured = [r for r in during if _at_insured_place(r)]
    rows = {
        r.settlement_id: r
        for mine, other in ((at_filed, at_insured), (at_insured, at_filed))
        for r in mine
        if any(o.settlement_id != r.settlement_id for o in other)
    }
    if not rows:
        return None
    reason = AUDIT_DUAL_PLACE_SPENDING.make(
        worker=str(period.identity_number),
        filed=period.treatment.as_treatment_place.name,
        filed_en=str(period.treatment.as_treatment_place),
        start=period.valid_from.isoformat(),
        through=period.valid_through.isoformat(),
        filed_ids="、".join(_sorted_ids(at_filed)),
        insured_ids="、".join(_sorted_ids(at_insured)),
    )
    return AuditFlag(
        rule=AuditRule.DUAL_PLACE_SPENDING, settlement_ids=_sorted_ids(list(rows.values())), reason=reason
    )
