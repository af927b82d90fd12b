"""The library's exceptions: one hierarchy whose root subclasses :class:`ValueError`.

Every error that bad input can cause is one of these, and each names the field and what was wrong with it, so
that a caller can catch :class:`GongshangError` (or plain ``ValueError``) without knowing the library. The root is
never raised itself.

>>> try:
...     raise InvalidInputError("filing_date", "must be a datetime.date, got str")
... except ValueError as error:
...     print(error)
filing_date: must be a datetime.date, got str
"""

from __future__ import annotations

from ._privacy import redact

__all__ = [
    "CalendarUnknownError",
    "GongshangError",
    "InvalidIdentityNumberError",
    "InvalidInputError",
    "OutsideSystemError",
    "UnknownPlaceError",
]


class GongshangError(ValueError):
    """Root of every error this library raises. Never raised itself."""


class InvalidInputError(GongshangError):
    """A field of the input is missing, of the wrong type, or out of range.

    ``field`` names the field (a dotted path for nested input); ``problem`` says what was wrong.
    """

    def __init__(self, field: str, problem: str) -> None:
        problem = redact(problem)  # an identity number typed into the wrong field is never echoed whole
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class UnknownPlaceError(InvalidInputError):
    """The text names no place this library knows (a Hunan division, 省本级, or a mainland province)."""


class OutsideSystemError(InvalidInputError):
    """Hong Kong, Macao and Taiwan are outside the mainland work-injury insurance system this procedure serves."""


class InvalidIdentityNumberError(InvalidInputError):
    """A 公民身份号码 failed a check. The message never contains the whole number."""


class CalendarUnknownError(GongshangError):
    """No working-day schedule is known for ``year``: the library never guesses one.

    Pass a calendar holding that year's State Council schedule (see :class:`gongshang_rules.YearSchedule`).
    """

    def __init__(self, year: int) -> None:
        super().__init__(
            f"no State Council holiday schedule is known for {year}; pass a WorkingDayCalendar with that "
            f"year's schedule (YearSchedule) instead of guessing"
        )
        self.year = year
