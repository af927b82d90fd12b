"""Small attrs validators that raise :class:`InvalidInputError` naming the field (never a bare TypeError).

Nothing is coerced: a ``datetime`` is not a ``date``, a ``bool`` is not an ``int``, and a ``float`` is never money.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ParamSpec, TypeVar

import attrs

from .errors import InvalidInputError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


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
        raise InvalidInputError(field, f"must not be negative, got {value}")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise InvalidInputError(field, f"must have at most 2 decimal places (fen), got {value}")
    return value


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


def pure_cache(function: Callable[P, R]) -> Callable[P, R]:
    """Cache a pure function of hashable values, without letting the cache raise on bad input.

    ``functools.cache`` hashes the arguments before the function can check them, so an unhashable argument would
    escape as a bare TypeError; such calls go straight to the function, whose own checks name the field.
    """
    cached: Callable[..., R] = functools.lru_cache(maxsize=None, typed=True)(function)  # 1 is not True

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            hash((args, tuple(kwargs.items())))
        except TypeError:
            return function(*args, **kwargs)
        return cached(*args, **kwargs)

    return wrapper
