"""Small attrs validators that raise :class:`InvalidInputError` naming the field (never a bare TypeError).

Nothing is coerced: a ``datetime`` is not a ``date``, a ``bool`` is not an ``int``, and a ``float`` is never money.

Money is bounded: no amount may exceed :data:`MAX_AMOUNT` (999,999,999,999.99 yuan, just under one trillion: more
than any bill, any city's annual fund spending, or the province's, and 14 significant digits, far inside the 28 of
:data:`MONEY_CONTEXT`). Sums of amounts are computed in :data:`MONEY_CONTEXT` (:func:`money_sum`), whatever decimal
context the caller has set, and an inexact or invalid operation raises instead of rounding money silently.

>>> check_money("bill", Decimal("1000000000000"))
Traceback (most recent call last):
...
gongshang_rules.kernel.errors.InvalidInputError: bill: must be at most 999999999999.99 yuan, got an amount with 13 digits before the decimal point
>>> money_sum([Decimal("0.10"), Decimal("0.20")])
Decimal('0.30')
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import functools
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, ParamSpec, TypeVar

import attrs

from .errors import InvalidInputError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: The largest amount the library accepts anywhere (yuan): just under one trillion, 14 significant digits.
MAX_AMOUNT = Decimal("999999999999.99")
#: The decimal context of every sum of money: 28 digits (every sum of bounded amounts fits exactly), banker's
#: rounding never needed, and every inexact, invalid or overflowing operation an error rather than a rounding.
MONEY_CONTEXT = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999999,
    Emax=999999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow, decimal.Inexact],
)
_CENT = Decimal("0.01")
_ZERO = Decimal("0.00")


def type_name(value: object) -> str:
    """The type of ``value`` as a short name for messages."""
    return type(value).__name__


def check_date(field: str, value: object) -> _dt.date:
    """``value`` if it is a plain ``datetime.date`` (not a ``datetime``), else :class:`InvalidInputError`."""
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise InvalidInputError(field, f"must be a datetime.date, got {type_name(value)}")
    return value


def check_int(field: str, value: object, *, minimum: int | None = None) -> int:
    """``value`` if it is an ``int`` (not a ``bool``) no smaller than ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(field, f"must be an int, got {type_name(value)}")
    if minimum is not None and value < minimum:
        raise InvalidInputError(field, f"must be at least {minimum}, got {value}")
    return value


def check_money(field: str, value: object) -> Decimal:
    """``value`` if it is a finite, non-negative ``Decimal`` with at most fen precision (2 places)."""
    if not isinstance(value, Decimal):
        raise InvalidInputError(field, f"must be a decimal.Decimal amount in yuan, got {type_name(value)}")
    if not value.is_finite():
        raise InvalidInputError(field, f"must be a finite amount, got {value}")
    if value < 0:
        raise InvalidInputError(field, f"must not be negative, got {_shown(value)}")
    if value > MAX_AMOUNT:
        raise InvalidInputError(field, f"must be at most {MAX_AMOUNT} yuan, got {_too_large(value)}")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise InvalidInputError(field, f"must have at most 2 decimal places (fen), got {_shown(value)}")
    return value


def _shown(value: Decimal) -> str:
    """An amount for a message, or its size when it is too long to be one (it might be a number typed in)."""
    text = str(value)
    return text if len(text) <= 24 else f"an amount written with {len(text)} characters"


def _too_large(value: Decimal) -> str:
    """How large ``value`` is, without echoing it: an identity number typed into an amount is not shown."""
    _sign, digits, exponent = value.as_tuple()
    whole = len(digits) + exponent if isinstance(exponent, int) else len(digits)
    return f"an amount with {whole} digits before the decimal point"


def money_sum(amounts: Iterable[Decimal]) -> Decimal:
    """The sum of ``amounts`` to the fen, computed in :data:`MONEY_CONTEXT` whatever the caller's context.

    Each operation names the context (``MONEY_CONTEXT.add``), so neither the thread's context nor a copy of it is
    involved (``localcontext`` would copy the context on every sum); only its flags change, which no result reads.
    """
    add = MONEY_CONTEXT.add
    total = _ZERO
    for amount in amounts:
        total = add(total, amount)
    return total.quantize(_CENT, context=MONEY_CONTEXT)


def money_text(value: Decimal) -> str:
    """An amount as written in output: exactly 2 decimal places, computed in :data:`MONEY_CONTEXT`."""
    return str(value.quantize(_CENT, context=MONEY_CONTEXT))


def is_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_date(attribute.name, value)


def is_optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_date(attribute.name, value)


def is_bool(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidInputError(attribute.name, f"must be True or False, got {type_name(value)}")


def is_optional_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        is_bool(instance, attribute, value)


def is_money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_money(attribute.name, value)


def is_positive_int(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_int(attribute.name, value, minimum=1)


def is_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-blank ``str``."""
    if not isinstance(value, str):
        raise InvalidInputError(attribute.name, f"must be text (str), got {type_name(value)}")
    if not value.strip():
        raise InvalidInputError(attribute.name, "must not be blank")


def is_optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        is_text(instance, attribute, value)


def is_instance(kind: type | tuple[type, ...]) -> Validator:
    """A validator accepting instances of ``kind`` only."""
    names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidInputError(attribute.name, f"must be a {names}, got {type_name(value)}")

    return validate


def is_optional_instance(kind: type | tuple[type, ...]) -> Validator:
    inner = is_instance(kind)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return validate


def is_member(enum_type: type[enum.Enum]) -> Validator:
    """A validator accepting members of ``enum_type`` only (never their names or values)."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_type):
            members = ", ".join(m.name for m in enum_type)
            raise InvalidInputError(
                attribute.name, f"must be a {enum_type.__name__} member ({members}), got {value!r}"
            )

    return validate


def is_frozenset_of(enum_type: type[enum.Enum]) -> Validator:
    """A validator accepting a ``frozenset`` of ``enum_type`` members."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset):
            raise InvalidInputError(attribute.name, f"must be a frozenset, got {type_name(value)}")
        for item in value:
            if not isinstance(item, enum_type):
                raise InvalidInputError(
                    attribute.name, f"must hold {enum_type.__name__} members only, got {item!r}"
                )

    return validate


def is_tuple_of(kind: type | tuple[type, ...]) -> Validator:
    """A validator accepting a ``tuple`` whose items are all instances of ``kind``."""
    names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidInputError(attribute.name, f"must be a tuple, got {type_name(value)}")
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise InvalidInputError(
                    f"{attribute.name}[{index}]", f"must be a {names}, got {type_name(item)}"
                )

    return validate


P = ParamSpec("P")
R = TypeVar("R")


#: The most entries each :func:`pure_cache` keeps.
PURE_CACHE_SIZE = 8192


def pure_cache(function: Callable[P, R]) -> Callable[P, R]:
    """Cache a pure function of hashable values, without letting the cache raise on bad input.

    ``functools.cache`` hashes the arguments before the function can check them, so an unhashable argument would
    escape as a bare TypeError; such calls go straight to the function, whose own checks name the field. The cache
    is bounded (:data:`PURE_CACHE_SIZE` entries, least recently used dropped first): a rule keyed by a date sees
    at most a few thousand keys in a long run, but a caller can always pass more.
    """
    cached: Callable[..., R] = functools.lru_cache(maxsize=PURE_CACHE_SIZE, typed=True)(
        function
    )  # 1 is not True

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return cached(*args, **kwargs)
        except TypeError:  # an unhashable argument (or the function's own TypeError, which it raises again)
            return function(*args, **kwargs)

    return wrapper
