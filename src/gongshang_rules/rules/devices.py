"""An assistive device of annex 2 (辅助器具, annex 2 note 6): the one box of the filing forms a filing itself holds.

A :class:`~gongshang_rules.rules.filing.Filing` of assistive devices lists them, and annex 2
(:class:`~gongshang_rules.rules.forms.Annex2Form`) lists them on the form. A module of its own so that a filing,
and a settlement case, do not import the forms (issue 13's cold start); ``gongshang_rules.rules.forms.Device`` and
the facade's ``Device`` are this class.

>>> from decimal import Decimal
>>> Device(name="假肢", minimum_service_years=3, maximum_payment=Decimal("10240.50")).maximum_payment
Decimal('10240.50')
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from ..kernel._validate import is_money, is_positive_int, is_text

__all__ = ["Device"]


@attrs.frozen(kw_only=True)
class Device:
    """One assistive device of annex 2 (辅助器具名称, 最低使用年限, 最高支付限额; note 6: one entry per device).

    ``maximum_payment`` is in yuan, a :class:`~decimal.Decimal` with at most fen precision.
    """

    #: 辅助器具名称: the device's name, as the form writes it.
    name: str = attrs.field(validator=is_text)
    minimum_service_years: int = attrs.field(validator=is_positive_int)
    maximum_payment: Decimal = attrs.field(validator=is_money)
