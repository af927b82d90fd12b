"""Masking of identity numbers (公民身份号码): personal information is never shown whole.

:func:`mask` hides all but the first 3 and last 4 characters; :func:`redact` masks every run of text shaped like an
identity number (18 characters, 17 digits then a digit or X; an old 15-digit number; or a mistyped longer one). Every library error message
and every reason message passes through :func:`redact`, so a number typed into the wrong field is not echoed whole.

>>> mask("430181199001011234")
'430***********1234'
>>> redact("got '43018119900101123x' instead")
"got '430***********123x' instead"
>>> redact("ID430181 19900101 1234")
'ID430*************1234'
"""

from __future__ import annotations

import re

__all__ = ["mask", "redact"]

# Digits as people write an identity number: groups of three or more digits joined by single spaces, hyphens, dots
# or slashes (6-8-4, 6-4-4-4, 3-3-4-4-4 ...), possibly ending in X and glued to a prefix such as "ID". A run with
# 15 or more digits in all is masked: an identity number (18, or the old 15), a mistyped one, or a long reference
# (masking that too is the safe side). Groups of one or two digits (dates, amounts) never join a run.
_GROUPED = re.compile(r"(?<!\d)\d{3,}(?:[ \-./]\d{3,})*[Xx]?(?!\d)")


def mask(value: str) -> str:
    """``value`` with all but its first 3 and last 4 characters hidden (wholly hidden when 7 or shorter)."""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


# A cheap linear scan first: only text with a run of 15 or more digits and separators can hold a number.
_MAYBE = re.compile(r"\d[\d \-./]{14}")


def redact(text: str) -> str:
    """``text`` with every identity-number-shaped run masked."""
    if _MAYBE.search(text) is None:
        return text
    return _GROUPED.sub(_mask_if_long, text)


def _mask_if_long(match: re.Match[str]) -> str:
    run = match.group(0)
    return mask(run) if sum(ch.isdigit() for ch in run) >= 15 else run
