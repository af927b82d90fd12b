"""Manual reimbursement at the insured place, and the check against duplicates: article 22.

Article 22: a filed worker whose costs could not be settled directly for a problem of the settlement network or
of the credential claims them back at the insured place, under its rules; before reimbursing, the insured place's
agency checks that the worker was not already settled directly at the treatment place. :func:`check_manual_claim`
makes that check against the settlements on record (:class:`~gongshang_rules.rules.records.SettlementRecord`,
article 18): it refuses a :class:`ManualClaim` for costs already settled directly. What direct settlement never
includes (travel and lodging, and the meal allowance across provinces, article 17 ¶3) is no duplicate. When a
settlement goes the manual route is the settlement decision's to say
(:func:`~gongshang_rules.rules.settlement.decide_settlement`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

import attrs

from ..kernel._validate import is_date, is_instance, is_text, type_name
from ..kernel.articles import ArticleRef
from ..kernel.errors import InvalidInputError
from ..kernel.identity import IdentityNumber
from ..kernel.ruling import LabelledEnum, Ruling, decisive
from .episodes import LineKind
from .records import SettlementRecord
from .scope import Scope

__all__ = ["ManualClaim", "ManualClaimRuling", "ManualClaimStatus", "check_manual_claim"]


def _check_kinds(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset) or not value:
        raise InvalidInputError(attribute.name, "must be a non-empty frozenset of LineKind members")
    for kind in value:
        if not isinstance(kind, LineKind):
            raise InvalidInputError(attribute.name, f"must hold LineKind members only, got {type_name(kind)}")


@attrs.frozen(kw_only=True)
class ManualClaim:
    """A claim for manual reimbursement at the insured place (article 22): whose, where, when, and which kinds of
    cost it claims (a claim for a cross-province meal allowance or for travel is not a claim for the settled bill).
    """

    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))
    institution_code: str = attrs.field(validator=is_text)
    started_on: _dt.date = attrs.field(validator=is_date)
    ended_on: _dt.date = attrs.field(validator=is_date)
    kinds: frozenset[LineKind] = attrs.field(validator=_check_kinds)

    def __attrs_post_init__(self) -> None:
        if self.ended_on < self.started_on:
            raise InvalidInputError("ended_on", "must not be before started_on")


class ManualClaimStatus(LabelledEnum):
    """Whether a manual claim may go on to review."""

    NO_DUPLICATE = ("未发现重复，可进入审核", "no direct settlement found: the claim may be reviewed")
    DUPLICATE = ("已直接结算，不予重复报销", "already settled directly: refused as a duplicate")


@attrs.frozen(kw_only=True)
class ManualClaimRuling(Ruling[ManualClaimStatus]):
    """The duplicate check; ``duplicates`` names the settlements the claim duplicates."""

    duplicates: tuple[str, ...] = ()


MANUAL_CLAIM_NO_DUPLICATE = decisive(
    "MANUAL_CLAIM_NO_DUPLICATE",
    22,
    when="Manual claim: no settlement of the same worker and institution overlaps the claimed dates.",
    zh="经核实，该工伤职工在{institution}于{start}至{end}期间所申请的费用未在就医地直接结算。",
    en="Checked: the costs claimed for this worker at {institution} between {start} and {end} were not settled "
    "directly.",
)
MANUAL_CLAIM_OUTSIDE_DIRECT_SETTLEMENT = decisive(
    "MANUAL_CLAIM_OUTSIDE_DIRECT_SETTLEMENT",
    ArticleRef(17, paragraph=3),
    22,
    when="Manual claim: settlements of the same worker and institution overlap the claimed dates, but the claim asks only for kinds they do not settle directly (travel and lodging; the meal allowance cross-province).",
    zh="所申请的{kinds}不属直接结算范围（由参保地经办机构审核报销），与直接结算记录{ids}不重复。",
    en="The claimed {kinds_en} lie outside direct settlement (the insured-place agency reimburses them): no "
    "duplicate of settlement {ids}.",
)
MANUAL_CLAIM_DUPLICATE = decisive(
    "MANUAL_CLAIM_DUPLICATE",
    22,
    when="Manual claim: a settlement of the same worker and institution overlaps the claimed dates and the claim asks for a kind of cost that settlement's scope settles directly.",
    reading=True,
    zh="所申请的{kinds}已在就医地直接结算（结算号{ids}，与申请期间重叠），不予重复报销。",
    en="The claimed {kinds_en} were already settled directly (settlement {ids}, overlapping the claimed period): "
    "refused as a duplicate.",
)


def _directly_settled_kinds(scope: Scope) -> frozenset[LineKind]:
    """The kinds of cost a direct settlement of ``scope`` includes (articles 5, 17 ¶3)."""
    outside = {LineKind.TRAVEL_AND_LODGING}
    if scope.cross_province:
        outside.add(LineKind.MEAL_ALLOWANCE)
    return frozenset(LineKind) - outside


def _names(kinds: Iterable[LineKind]) -> tuple[str, str]:
    ordered = sorted(kinds, key=lambda k: k.name)
    return "、".join(k.zh for k in ordered), ", ".join(k.en for k in ordered)


def check_manual_claim(claim: ManualClaim, settlements: Iterable[SettlementRecord]) -> ManualClaimRuling:
    """Refuse a manual claim for costs already settled directly (article 22 ¶1, second sentence).

    A settlement duplicates the claim when it is the same worker at the same institution, its dates overlap the
    claimed period, and the claim asks for a kind of cost that direct settlement includes [interpretation: the
    procedure does not define "the same costs"]; the cross-province meal allowance and travel and lodging are never
    settled directly (article 17 ¶3), so a claim for them alone is no duplicate.

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``NO_DUPLICATE``, ``DUPLICATE``
    * reason codes: ``MANUAL_CLAIM_DUPLICATE``, ``MANUAL_CLAIM_NO_DUPLICATE``,
      ``MANUAL_CLAIM_OUTSIDE_DIRECT_SETTLEMENT`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 17, art. 22
    """
    if not isinstance(claim, ManualClaim):
        raise InvalidInputError("claim", f"must be a ManualClaim, got {type_name(claim)}")
    if isinstance(settlements, str | bytes) or not isinstance(settlements, Iterable):
        raise InvalidInputError(
            "settlements", f"must be an iterable of SettlementRecord, got {type_name(settlements)}"
        )
    records = tuple(settlements)
    for index, record in enumerate(records):
        if not isinstance(record, SettlementRecord):
            raise InvalidInputError(
                f"settlements[{index}]", f"must be a SettlementRecord, got {type_name(record)}"
            )
    overlapping = [
        r
        for r in records
        if r.identity_number == claim.identity_number
        and r.institution_code == claim.institution_code
        and r.started_on <= claim.ended_on
        and claim.started_on <= r.ended_on
    ]
    duplicates = tuple(r.settlement_id for r in overlapping if claim.kinds & _directly_settled_kinds(r.scope))
    if duplicates:
        kinds = claim.kinds & frozenset().union(*(_directly_settled_kinds(r.scope) for r in overlapping))
        zh, en = _names(kinds)
        return ManualClaimRuling(
            outcome=ManualClaimStatus.DUPLICATE,
            reasons=(MANUAL_CLAIM_DUPLICATE.make(ids="、".join(duplicates), kinds=zh, kinds_en=en),),
            duplicates=duplicates,
        )
    dates = {
        "institution": claim.institution_code,
        "start": claim.started_on.isoformat(),
        "end": claim.ended_on.isoformat(),
    }
    if overlapping:
        zh, en = _names(claim.kinds)
        ids = "、".join(r.settlement_id for r in overlapping)
        return ManualClaimRuling(
            outcome=ManualClaimStatus.NO_DUPLICATE,
            reasons=(MANUAL_CLAIM_OUTSIDE_DIRECT_SETTLEMENT.make(ids=ids, kinds=zh, kinds_en=en),),
        )
    return ManualClaimRuling(
        outcome=ManualClaimStatus.NO_DUPLICATE, reasons=(MANUAL_CLAIM_NO_DUPLICATE.make(**dates),)
    )
