"""Identity numbers (公民身份号码) and the worker: personal information that is never printed whole.

An :class:`IdentityNumber` is checked with python-stdnum's ``cn.ric`` building blocks (format, ISO 7064 check
digit, birth date). stdnum's own ``validate`` also looks the area code up in its table of places and rejects codes
that were retired (and can raise a bare ``KeyError`` on some inputs); a real number issued under a retired area code
is still a person's number, so we check the area code only for a plausible province prefix. Every stdnum error is
translated into :class:`InvalidIdentityNumberError`, whose message never contains the number.

>>> n = IdentityNumber.parse("11010519491231002X")
>>> n
IdentityNumber('110***********002X')
>>> str(n)
'110***********002X'
>>> n.value
'11010519491231002X'
"""

from __future__ import annotations

import datetime as _dt

import attrs
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.util import clean

from ._privacy import PROVINCE_PREFIXES, mask, mask_reprs
from ._validate import is_instance, is_text, type_name
from .errors import InvalidIdentityNumberError
from .places import Place

__all__ = [
    "IdentityNumber",
    "Worker",
]

_PROVINCE_PREFIXES = PROVINCE_PREFIXES


@attrs.frozen(repr=False)
class IdentityNumber:
    """A checked 18-character 公民身份号码. ``repr`` and ``str`` are masked; ``value`` holds the number."""

    value: str = attrs.field()

    @value.validator
    def _check(self, _attribute: attrs.Attribute[str], value: object) -> None:
        _validate_number(value)

    @classmethod
    def parse(cls, text: str, *, field: str = "identity_number") -> IdentityNumber:
        """Check and normalise ``text`` (spaces and hyphens removed, a final ``x`` upper-cased)."""
        if not isinstance(text, str):
            raise InvalidIdentityNumberError(field, f"must be text (str), got {type_name(text)}")
        try:
            compact = clean(text, " -").upper().strip()
        except Exception:  # stdnum's cleaner should not fail on a str; never let it leak
            raise InvalidIdentityNumberError(field, "could not be read as an identity number") from None
        _validate_number(compact, field=field)
        return cls(compact)

    @property
    def birth_date(self) -> _dt.date:
        return ric.get_birth_date(self.value)

    @property
    def masked(self) -> str:
        return mask(self.value)

    def __repr__(self) -> str:
        return f"IdentityNumber({self.masked!r})"

    def __str__(self) -> str:
        return self.masked


def _validate_number(value: object, *, field: str = "identity_number") -> None:
    if not isinstance(value, str):
        raise InvalidIdentityNumberError(field, f"must be text (str), got {type_name(value)}")
    if len(value) != 18:
        raise InvalidIdentityNumberError(field, f"{mask(value)} must have 18 characters, has {len(value)}")
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        raise InvalidIdentityNumberError(field, f"{mask(value)} must be 17 digits then a digit or X")
    if value[:2] not in _PROVINCE_PREFIXES:
        raise InvalidIdentityNumberError(
            field, f"{mask(value)} does not start with a province-level area code"
        )
    if not value[:17].isascii():  # str.isdigit() also accepts other scripts' digits and superscripts
        raise InvalidIdentityNumberError(field, f"{mask(value)} must be 17 digits then a digit or X")
    # The form is canonical (what stdnum's compact() would give), so the birth date is read straight from
    # positions 7 to 14, as ric.get_birth_date reads it, without compact()'s cleaning of each character.
    try:
        birth = _dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise InvalidIdentityNumberError(field, f"{mask(value)} has no valid birth date") from None
    try:
        check_digit = ric.calc_check_digit(value)
    except (
        StdnumValidationError,
        ValueError,
        KeyError,
        IndexError,
    ):  # never on this form; stdnum's words hidden
        raise InvalidIdentityNumberError(field, f"{mask(value)} has no valid check digit") from None
    if check_digit != value[17]:
        raise InvalidIdentityNumberError(field, f"{mask(value)} has a wrong check digit")
    if birth.year < 1900:
        raise InvalidIdentityNumberError(field, f"{mask(value)} has a birth year before 1900")


@attrs.frozen(kw_only=True)
class Worker:
    """A 工伤职工 (including 老工伤人员 under unified management, article 2 ¶2) and the place insured.

    ``insured`` is the 参保地: the city, county or 省本级 where the employer registered and pays (article 2 ¶3),
    or another province.
    """

    name: str = attrs.field(validator=is_text)
    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))
    insured: Place = attrs.field(validator=is_instance(Place))


mask_reprs(Worker)  # a name can hold anything, an identity number typed in the wrong column included
