"""The settlement record: a direct settlement as the platform holds it (article 18), the input of articles 20 to 27
and 32.

After a direct settlement the institution uploads it to the Hunan platform (article 18). What the later chapters do
works on those records: the monthly audit and reconciliation (articles 20 and 21,
:mod:`~gongshang_rules.rules.reconciliation`), the duplicate check of a manual claim (article 22,
:mod:`~gongshang_rules.rules.manual_claims`), the fund flows, the fund-use plan and the clearing (articles 23 to 27,
:mod:`~gongshang_rules.rules.funds`) and the audit flags (article 32, :mod:`~gongshang_rules.rules.supervision`).
:func:`check_records` is how those rules check a batch of them.

>>> import datetime as dt
>>> from decimal import Decimal
>>> from gongshang_rules import IdentityNumber, place
>>> record = SettlementRecord(
...     settlement_id="S-1", identity_number=IdentityNumber("11010519491231002X"), institution_code="EX-0001",
...     insured=place("长沙市"), treatment=place("株洲市"), started_on=dt.date(2025, 9, 1),
...     ended_on=dt.date(2025, 9, 10), bill=Decimal("1000.00"), fund_share=Decimal("800.00"))
>>> record.scope.name, record.settled_on
('INTRA_PROVINCE', datetime.date(2025, 9, 10))
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import attrs

from ..kernel._validate import is_date, is_instance, is_money, is_text, type_name
from ..kernel.errors import InvalidInputError
from ..kernel.identity import IdentityNumber
from ..kernel.places import Place, is_treatment_place
from .scope import Scope, classify_scope

__all__ = ["SettlementRecord"]


@attrs.frozen(kw_only=True)
class SettlementRecord:
    """A direct settlement on record at the platform (article 18: uploaded after settlement).

    ``started_on``/``ended_on`` are the admission (visit, fitting) and discharge-settlement dates; ``insured`` and
    ``treatment`` the worker's insured place and the institution's place; ``bill`` and ``fund_share`` the
    settlement's figures in yuan. Reconciliation, funds and audits (chapters 4 and 5) work on these records.
    """

    settlement_id: str = attrs.field(validator=is_text)
    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))
    institution_code: str = attrs.field(validator=is_text)
    insured: Place = attrs.field(validator=is_instance(Place))
    treatment: Place = attrs.field(validator=is_treatment_place)
    started_on: _dt.date = attrs.field(validator=is_date)
    ended_on: _dt.date = attrs.field(validator=is_date)
    bill: Decimal = attrs.field(validator=is_money)
    fund_share: Decimal = attrs.field(validator=is_money)

    def __attrs_post_init__(self) -> None:
        if self.ended_on < self.started_on:
            raise InvalidInputError("ended_on", "must not be before started_on")
        if self.fund_share > self.bill:
            raise InvalidInputError("fund_share", "must not exceed the bill")

    @property
    def settled_on(self) -> _dt.date:
        """The settlement date: the discharge settlement (the visit or fitting day for those)."""
        return self.ended_on

    @property
    def scope(self) -> Scope:
        """The scope of the settled care (articles 2, 3)."""
        return classify_scope(self.insured, self.treatment).outcome


def check_records(field: str, value: object) -> tuple[SettlementRecord, ...]:
    """``value`` if it is a tuple of :class:`SettlementRecord` with distinct settlement ids, else an error naming
    ``field`` (and the position of a bad record)."""
    if not isinstance(value, tuple):
        raise InvalidInputError(field, f"must be a tuple of SettlementRecord, got {type_name(value)}")
    seen: dict[str, int] = {}
    for index, record in enumerate(value):
        if not isinstance(record, SettlementRecord):
            raise InvalidInputError(
                f"{field}[{index}]", f"must be a SettlementRecord, got {type_name(record)}"
            )
        first = seen.setdefault(record.settlement_id, index)
        if first != index:
            raise InvalidInputError(
                f"{field}[{index}].settlement_id",
                f"{record.settlement_id!r} is already the id of {field}[{first}]: settlement ids must be unique",
            )
    return value
