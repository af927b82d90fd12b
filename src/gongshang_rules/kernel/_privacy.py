"""Masking of identity numbers (公民身份号码): personal information is never shown whole.

:func:`mask` hides all but the first 3 and last 4 characters; :func:`redact` masks every run of text shaped like an
identity number, on its digits whatever separates them. Every library error message, every reason message, every
text a result or a ``repr`` echoes passes through :func:`redact`, so a number typed into the wrong field is not
shown whole.

Two rules, both on the safe side (masking too much is allowed, showing a number whole is not):

* digits in groups of three or more joined by short runs of spaces (any kind, the ideographic U+3000 included),
  underscores, hyphens or dashes, dots or slashes (6-8-4, 6-4-4-4, ...), possibly ending in X: a run with 15 or
  more digits in all is masked (an identity number, the old 15-digit form, a mistyped one, or a long reference);
* digits joined by any short runs of punctuation or spaces, in groups of any size: the run is masked when its
  digits hold an 18-character identity number's shape (a province-level prefix and a birth date where the number
  has them), whatever the check digit.

>>> mask("430181199001011234")
'430***********1234'
>>> redact("got '43018119900101123x' instead")
"got '430***********123x' instead"
>>> redact("ID430181 19900101 1234")
'ID430*************1234'
>>> redact("430102_19900101_1238 and 430102\u3000\u300019900101  1238")
'430*************1238 and 430***************1238'
>>> redact("43 01 02 19 90 01 01 12 38")
'43 *******************2 38'
>>> redact("2025-09-01, 10240.50 yuan, phone 13800138000")
'2025-09-01, 10240.50 yuan, phone 13800138000'
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["PROVINCE_PREFIXES", "mask", "mask_loaded_reprs", "mask_reprs", "redact"]

# Province-level prefixes of the GB/T 2260 codes (71 Taiwan, 81 Hong Kong, 82 Macao and 83 for Taiwan residents'
# residence permits included: such holders are insured on the mainland too).
PROVINCE_PREFIXES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    ]
)

# Tight separators: 1 to 3 spaces (any Unicode space), underscores, hyphens and dashes, dots, slashes.
_TIGHT_SEP = r"[\s_\-\u2010-\u2015\u2212\uff0d./\uff0e\uff0f]{1,3}"
_TIGHT = re.compile(rf"(?<!\d)\d{{3,}}(?:{_TIGHT_SEP}\d{{3,}})*(?:(?:{_TIGHT_SEP})?[Xx])?(?!\d)")
# Loose separators: 1 to 4 characters that are neither letters nor digits (punctuation, spaces, symbols).
_LOOSE_SEP = r"(?:[^\w]|_){1,4}"
_LOOSE = re.compile(rf"(?<!\d)\d+(?:{_LOOSE_SEP}\d+)*(?:(?:{_LOOSE_SEP})?[Xx])?(?!\d)")
# A cheap scan first: only text with 15 digits, at most 4 other characters apart, can hold a number.
_MAYBE = re.compile(r"\d(?:(?:[^\w]|_){0,4}\d){14}")


def mask(value: str) -> str:
    """``value`` with all but its first 3 and last 4 characters hidden (wholly hidden when 7 or shorter)."""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def redact(text: str) -> str:
    """``text`` with every identity-number-shaped run masked (see the module docstring for the two rules)."""
    if len(text) < 15 or _MAYBE.search(text) is None:  # an identity number has at least 15 digits
        return text
    return _LOOSE.sub(_mask_run, text)


def _mask_run(match: re.Match[str]) -> str:
    run = match.group(0)
    digits = "".join(str(int(ch)) if ch.isdecimal() else "X" for ch in run if ch.isdecimal() or ch in "Xx")
    if len(digits) < 15:
        return run
    if _holds_identity_number(digits):
        return mask(run)
    return _TIGHT.sub(_mask_if_long, run)


def _mask_if_long(match: re.Match[str]) -> str:
    run = match.group(0)
    return mask(run) if sum(ch.isdecimal() for ch in run) >= 15 else run


def _holds_identity_number(digits: str) -> bool:
    """Whether some 18 consecutive characters of ``digits`` have an identity number's prefix and birth date."""
    for start in range(len(digits) - 17):
        window = digits[start : start + 18]
        if "X" in window[:17] or window[:2] not in PROVINCE_PREFIXES:
            continue
        year, month, day = int(window[6:10]), int(window[10:12]), int(window[12:14])
        if 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31:
            return True
    return False


C = TypeVar("C", bound=type)


def mask_reprs(*classes: C) -> None:
    """Make ``repr()`` (and ``str()`` where the class defines its own) of each class pass through :func:`redact`.

    attrs writes a ``repr`` showing every field; a name, a reference or a free text among them may hold an identity
    number. Wrapping is idempotent: a class wrapped twice redacts once.
    """
    for cl in classes:
        for name in ("__repr__", "__str__", "_repr_html_"):
            method = cl.__dict__.get(name)
            if method is None or getattr(method, "_redacted", False):
                continue
            setattr(cl, name, _redacting(method))


def _redacting(method: Callable[[Any], str]) -> Callable[[Any], str]:
    def wrapper(self: Any) -> str:
        return redact(method(self))

    wrapper._redacted = True  # type: ignore[attr-defined]
    wrapper.__name__ = method.__name__
    wrapper.__qualname__ = getattr(method, "__qualname__", method.__name__)
    wrapper.__doc__ = method.__doc__
    return wrapper


_DONE: set[str] = set()


def mask_loaded_reprs() -> None:
    """:func:`mask_reprs` on every attrs class of every library module loaded so far (each module once).

    Called when the case table, the JSON layer or a facade name is loaded, so the values a caller builds, decides
    and prints (facts, cases, rulings) never show a whole number in ``repr()`` or ``str()``.
    """
    import attrs

    for name, module in list(sys.modules.items()):
        if not name.startswith("gongshang_rules.") or name in _DONE or module is None:
            continue
        if getattr(getattr(module, "__spec__", None), "_initializing", False):
            continue  # still being imported: its classes are not all defined yet; the next call masks them
        _DONE.add(name)
        for value in list(vars(module).values()):
            if isinstance(value, type) and value.__module__ == name and attrs.has(value):
                mask_reprs(value)
