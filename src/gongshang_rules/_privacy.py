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

# An identity number as people write it: 18 characters grouped 6-8-4 (or 15 digits grouped 6-6-3), with or without
# a space, hyphen, dot or slash between the groups, possibly glued to a prefix such as "ID"; or any compact run of 15
# or more digits, possibly ending in X (a mistyped number, or a long reference: masking it is the safe side).
_SEP = r"[ \-./]?"
_ID_SHAPED = re.compile(
    rf"(?<!\d)(?:\d{{6}}{_SEP}\d{{8}}{_SEP}\d{{3}}[\dXx]|\d{{6}}{_SEP}\d{{6}}{_SEP}\d{{3}}|\d{{15,}}[Xx]?)(?![\dXx])"
)


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
    return _ID_SHAPED.sub(lambda m: mask(m.group(0)), text)
