"""The bill of an out-of-area episode: what direct settlement includes, whose catalogs govern it, and who pays what
(articles 17 and 19, with articles 5 and 12 ¶3).

* Article 17 ¶3: travel and lodging, and the meal allowance across provinces, are never part of direct settlement
  (the insured place's agency reimburses them); the intra-province meal allowance is paid with it.
  :func:`costs_of` sorts the episode's lines accordingly, and names the catalog of article 17 ¶1, ¶2 that governs
  each catalogued kind of line (:func:`~gongshang_rules.rules.catalog.governing_catalog`).
* Articles 5 and 17: of the lines inside direct settlement, the fund pays the compliant ones (合规: within the
  governing catalogs and standards), the worker the rest.
* Article 19: a device is paid within the filing's device list (annex 2): one not filed, or replaced before its
  minimum service life, the worker pays; otherwise the fund pays its compliant costs up to the filed maximum
  payment (:func:`device_shares`).
* Article 12 ¶3: a worker who paid before the injury was recognised is refunded the fund's share.

:func:`shares` gives the fund's and the worker's shares, which add up to the bill to the fen.

>>> from gongshang_rules.oracle.examples import first_cross_province_case
>>> episode = first_cross_province_case().episode
>>> costs = costs_of(episode, Scope.CROSS_PROVINCE_INBOUND)
>>> costs.total, costs.bill, costs.outside
(Decimal('10540.50'), Decimal('10240.50'), Decimal('300.00'))
>>> split = shares(episode, costs, refund_due=False)
>>> split.fund, split.worker
(Decimal('10240.50'), Decimal('0.00'))
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from ..kernel._validate import money_sum
from ..kernel.articles import ArticleRef
from ..kernel.authorities import CIVIL_CODE_PERIODS
from ..kernel.periods import add_months, months_reached
from ..kernel.ruling import Reason, decisive, note
from ..kernel.terms import PersonCategory
from .catalog import AllowanceRuling, CatalogRuling, governing_catalog, meal_allowance, travel_and_lodging
from .episodes import CATALOG_OF, CostLine, Episode, LineKind
from .scope import Scope

__all__: list[str] = []

ZERO = Decimal("0.00")
_A5 = ArticleRef(5)

SETTLEMENT_CATALOGS = note(
    "SETTLEMENT_CATALOGS",
    ArticleRef(17, paragraph=1),
    ArticleRef(17, paragraph=2),
    when="Settlement of out-of-area care in force with at least one cost line of a catalogued kind (medical, rehabilitation, device): summarises the catalogs figure.",
    zh="各类费用审核适用的目录和标准：{list}。",
    en="The catalogs and standards that govern each kind of cost: {list_en}.",
)
SETTLEMENT_NON_COMPLIANT_LINES = decisive(
    "SETTLEMENT_NON_COMPLIANT_LINES",
    _A5,
    17,
    when="Settlement with outcome DIRECT: the non-device cost lines marked not compliant add up to more than zero (that sum goes to the worker).",
    zh="不合规费用{amount}元（不在适用目录或标准内）不由工伤保险基金支付。",
    en="{amount} yuan of costs outside the governing catalogs or standards are not paid by the fund.",
)
SETTLEMENT_REFUND_TO_WORKER = decisive(
    "SETTLEMENT_REFUND_TO_WORKER",
    ArticleRef(12, paragraph=3),
    when="Settlement with outcome DIRECT whose coverage is COVERED_WITH_REFUND and whose fund share is more than zero.",
    reading=True,
    zh="工伤认定前由工伤职工垫付的费用，协议机构按规定将基金支付部分{amount}元退还工伤职工。",
    en="The worker paid before injury recognition: the institution refunds the fund's share, {amount} yuan, to "
    "the worker.",
)
DEVICE_WITHIN_LIMIT = decisive(
    "DEVICE_WITHIN_LIMIT",
    19,
    when="Settlement with outcome DIRECT: a filed device's compliant amount is more than zero and at most its maximum_payment.",
    zh="辅助器具“{name}”在备案范围内，基金支付{fund}元（最高支付限额{limit}元）。",
    en="Device '{name}' is on the filed list: the fund pays {fund} yuan (maximum payment {limit} yuan).",
)
DEVICE_NON_COMPLIANT = decisive(
    "DEVICE_NON_COMPLIANT",
    ArticleRef(17, paragraph=1),
    ArticleRef(17, paragraph=2),
    19,
    when="Settlement with outcome DIRECT: a filed device, not replaced too early, has lines marked not compliant.",
    zh="辅助器具“{name}”中{amount}元不在辅助器具配置目录和限额标准内，基金不予支付。",
    en="{amount} yuan of device '{name}' is outside the device catalog and its standards: the fund does not pay it.",
)
DEVICE_OVER_LIMIT = decisive(
    "DEVICE_OVER_LIMIT",
    19,
    when="Settlement with outcome DIRECT: a filed device's compliant amount is more than its maximum_payment.",
    zh="辅助器具“{name}”合规费用{amount}元超出备案最高支付限额{limit}元，超出部分{excess}元基金不予支付。",
    en="Device '{name}': its compliant costs of {amount} yuan exceed the filed maximum payment of {limit} yuan: "
    "the fund does not pay the excess of {excess} yuan.",
)
DEVICE_NOT_FILED = decisive(
    "DEVICE_NOT_FILED",
    19,
    when="Settlement with outcome DIRECT: a device named on a cost line is not on the filing's device list (the worker pays it).",
    zh="辅助器具“{name}”不在备案的辅助器具清单内，超出备案范围，基金不予支付。",
    en="Device '{name}' is not on the filed device list: outside the filing, the fund does not pay.",
)
DEVICE_REPLACED_TOO_EARLY = decisive(
    "DEVICE_REPLACED_TOO_EARLY",
    19,
    ArticleRef(2, paragraph=2),
    when="Settlement with outcome DIRECT: a filed device's line has previous_fitting_on and add_months(previous_fitting_on, 12 x minimum_service_years) is after started_on.",
    reading=True,
    zh="辅助器具“{name}”上次配置于{previous}，未满最低使用年限{years}年（{reached}方满），提前更换超出标准，基金不予支付。",
    en="Device '{name}' was last fitted on {previous}; its minimum service life of {years} years is reached only "
    "on {reached}: an earlier replacement is outside the standard and the fund does not pay.",
    authorities=(CIVIL_CODE_PERIODS,),
)


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return money_sum(amounts)  # in the money context, whatever the caller's: never rounded, never an overflow


@attrs.frozen(kw_only=True)
class Costs:
    """An episode's lines as article 17 sorts them, with the rulings on its catalogs and allowances.

    ``total`` is every line; ``inside`` the lines inside direct settlement and ``bill`` their total; ``outside``
    the rest (travel and lodging, a meal allowance direct settlement does not include). ``apart`` are the reasons
    of the allowances handled outside direct settlement, given whatever the outcome; ``with_direct`` those that
    belong to a direct settlement only (the meal allowance paid with it, the catalogs). ``meal`` is the meal
    allowance's ruling, ``meal_outside`` the same when it is handled outside direct settlement (else ``None``).
    """

    total: Decimal
    inside: tuple[CostLine, ...]
    bill: Decimal
    outside: Decimal
    catalogs: tuple[CatalogRuling, ...]
    meal: AllowanceRuling | None
    meal_outside: AllowanceRuling | None
    apart: tuple[Reason, ...]
    with_direct: tuple[Reason, ...]


def costs_of(episode: Episode, scope: Scope) -> Costs:
    """The episode's lines sorted by article 17 ¶3, and the catalogs of article 17 ¶1, ¶2 governing them."""
    kinds = sorted({line.kind for line in episode.lines if line.kind in CATALOG_OF}, key=lambda k: k.name)
    catalogs = tuple(governing_catalog(scope, CATALOG_OF[kind], care=episode.care) for kind in kinds)
    meal = (
        meal_allowance(scope) if any(line.kind is LineKind.MEAL_ALLOWANCE for line in episode.lines) else None
    )
    is_referral = episode.filing is not None and episode.filing.category is PersonCategory.REFERRAL
    travel = (
        travel_and_lodging(scope, is_referral)
        if any(line.kind is LineKind.TRAVEL_AND_LODGING for line in episode.lines)
        else None
    )
    meal_inside = meal is not None and bool(meal.part_of_direct_settlement)
    inside = tuple(
        line
        for line in episode.lines
        if line.kind is not LineKind.TRAVEL_AND_LODGING
        and not (line.kind is LineKind.MEAL_ALLOWANCE and not meal_inside)
    )
    # The allowances handled outside direct settlement (art. 17 ¶3: the cross-province meal allowance, travel and
    # lodging) go to the insured place whatever the outcome. The catalogs (art. 17 ¶1, ¶2: 直接结算的…费用) and the
    # intra-province meal allowance (paid with the direct settlement) belong to a direct settlement only: a
    # manual reimbursement follows the insured place's rules (art. 22), and nothing is said of costs not payable.
    apart: list[Reason] = []
    for ruling in (meal, travel):
        if ruling is not None and not ruling.part_of_direct_settlement:
            apart.extend(ruling.reasons)
    with_direct: list[Reason] = []
    if meal is not None and meal.part_of_direct_settlement:
        with_direct.extend(meal.reasons)
    if catalogs:
        with_direct.append(_catalog_summary(catalogs))
    total = _sum(line.amount for line in episode.lines)
    bill = _sum(line.amount for line in inside)
    return Costs(
        total=total,
        inside=inside,
        bill=bill,
        outside=total - bill,
        catalogs=catalogs,
        meal=meal,
        meal_outside=meal if meal is not None and not meal.part_of_direct_settlement else None,
        apart=tuple(apart),
        with_direct=tuple(with_direct),
    )


def _catalog_summary(catalogs: tuple[CatalogRuling, ...]) -> Reason:
    return SETTLEMENT_CATALOGS.make(
        list="；".join(f"{c.cost_kind.zh}：{c.outcome.zh}" for c in catalogs),
        list_en="; ".join(f"{c.cost_kind.en}: {c.outcome.en}" for c in catalogs),
    )


@attrs.frozen(kw_only=True)
class Shares:
    """The fund's and the worker's shares of a bill settled directly (``fund + worker`` is the bill), the fund's
    share refunded to the worker (art. 12 ¶3), and the reasons for the split."""

    fund: Decimal
    worker: Decimal
    refund: Decimal
    reasons: tuple[Reason, ...]


def shares(episode: Episode, costs: Costs, *, refund_due: bool) -> Shares:
    """Split the bill settled directly (articles 5, 17, 19): the filed devices as :func:`device_shares` says, the
    other compliant lines to the fund, the rest to the worker; with ``refund_due`` (a worker who paid before the
    injury was recognised, art. 12 ¶3) the fund's share is refunded to the worker."""
    reasons: list[Reason] = []
    device_lines = [line for line in costs.inside if line.kind is LineKind.ASSISTIVE_DEVICE]
    other_lines = [line for line in costs.inside if line.kind is not LineKind.ASSISTIVE_DEVICE]
    fund, worker = device_shares(episode, device_lines, reasons)
    non_compliant = _sum(line.amount for line in other_lines if not line.compliant)
    fund += _sum(line.amount for line in other_lines if line.compliant)
    worker += non_compliant
    if non_compliant:
        reasons.append(SETTLEMENT_NON_COMPLIANT_LINES.make(amount=non_compliant))
    refund = fund if refund_due else ZERO
    if refund:
        reasons.append(SETTLEMENT_REFUND_TO_WORKER.make(amount=refund))
    return Shares(fund=fund, worker=worker, refund=refund, reasons=tuple(reasons))


def device_shares(episode: Episode, lines: list[CostLine], reasons: list[Reason]) -> tuple[Decimal, Decimal]:
    """The fund's and the worker's shares of the device lines (article 19), device by device in the order of their
    names, each device's reason appended to ``reasons``."""
    filed = {d.name: d for d in episode.filing.devices} if episode.filing is not None else {}
    by_name: dict[str, list[CostLine]] = {}
    for line in lines:
        assert line.device_name is not None  # checked on the line
        by_name.setdefault(line.device_name, []).append(line)
    fund = worker = ZERO
    for name in sorted(by_name):
        device_lines = by_name[name]
        amount = _sum(line.amount for line in device_lines)
        compliant = _sum(line.amount for line in device_lines if line.compliant)
        device = filed.get(name)
        if device is None:
            reasons.append(DEVICE_NOT_FILED.make(name=name))
            worker += amount
            continue
        early = [
            line.previous_fitting_on
            for line in device_lines
            if line.previous_fitting_on is not None
            and not months_reached(
                line.previous_fitting_on, 12 * device.minimum_service_years, episode.started_on
            )
        ]
        if early:
            previous = max(early)
            reasons.append(
                DEVICE_REPLACED_TOO_EARLY.make(
                    name=name,
                    previous=previous.isoformat(),
                    years=device.minimum_service_years,
                    reached=add_months(previous, 12 * device.minimum_service_years).isoformat(),
                )
            )
            worker += amount
            continue
        if amount > compliant:
            reasons.append(DEVICE_NON_COMPLIANT.make(name=name, amount=amount - compliant))
        paid = min(compliant, device.maximum_payment)
        if compliant > device.maximum_payment:
            reasons.append(
                DEVICE_OVER_LIMIT.make(
                    name=name, amount=compliant, limit=device.maximum_payment, excess=compliant - paid
                )
            )
        elif paid:
            reasons.append(DEVICE_WITHIN_LIMIT.make(name=name, fund=paid, limit=device.maximum_payment))
        fund += paid
        worker += amount - paid
    return fund, worker
