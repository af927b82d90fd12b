"""Problems of the input: each with its JSON path, gathered into one :class:`CaseError`.

Every reader of the oracle (:func:`~gongshang_rules.loads`, :func:`~gongshang_rules.structure`, the case format, the
registry) reports bad input as ONE :class:`CaseError` listing every :class:`Problem`, each with where it is (a JSON
path, ``$`` the whole document; a CSV line and column) and what is wrong::

    $.facts.filing.category: must be one of REFERRAL, LONG_TERM_RESIDENCE, RESIDENT_WORK; got 'REFERAL'

:func:`problems_of` walks a cattrs validation error tree into such problems. No path or message holds a whole
identity number (:func:`~gongshang_rules.kernel._privacy.redact`).

>>> error = CaseError([Problem("$.amount", "must be money"), Problem("$.on", "must be a date")])
>>> print(error.rooted("$.facts"))
2 problems in the input:
  $.facts.amount: must be money
  $.facts.on: must be a date
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ..kernel._privacy import redact
from ..kernel.errors import GongshangError, InvalidInputError

__all__ = ["CaseError", "Problem"]


@attrs.frozen
class Problem:
    """One problem of the input: where it is (a JSON path, ``$`` the whole document) and what is wrong."""

    path: str = attrs.field(converter=redact)  # a key can be anything, an identity number included
    message: str = attrs.field(converter=redact)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class CaseError(InvalidInputError):
    """Bad JSON or bad fields: ``problems`` lists every problem found, each with its JSON path.

    ``field`` is the path of the first problem; ``str()`` lists them all, one per line. No message holds a whole
    identity number.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            problems = (Problem("$", "invalid input"),)
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        listing = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(self.problems[0].path, f"{count} problem{'s' if count > 1 else ''} in the input")
        self._text = f"{count} problem{'s' if count > 1 else ''} in the input:\n{listing}"

    def __str__(self) -> str:
        return self._text

    def rooted(self, prefix: str) -> CaseError:
        """The same problems with their paths under ``prefix`` (``$.facts`` + ``$.x`` = ``$.facts.x``)."""
        return CaseError([Problem(prefix + p.path[1:], p.message) for p in self.problems])


class BadValue(InvalidInputError):
    """A leaf value is wrong where it stands (the path says where); raised by the converter's hooks."""

    def __init__(self, problem: str) -> None:
        super().__init__("", problem)


def path_join(path: str, field: str) -> str:
    """``path`` and a field below it: ``$`` + ``a`` is ``$.a``, ``$`` + ``[0]`` is ``$[0]``."""
    if not field:
        return path
    if field.startswith("["):
        return path + field
    return f"{path}.{field}"


def problems_of(error: BaseException, path: str = "$") -> list[Problem]:
    """Every problem in ``error`` (a cattrs validation error tree, or one of ours), each with its JSON path."""
    if isinstance(error, CaseError):
        return [Problem(path + p.path[1:], p.message) for p in error.problems]
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        for sub in error.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path = f"{path}.{note.name}"
                elif isinstance(note, IterableValidationNote):
                    sub_path = f"{path}[{note.index!r}]"
            found.extend(problems_of(sub, sub_path))
        return found
    if isinstance(error, ForbiddenExtraKeysError):
        allowed = (
            ", ".join(sorted(a.alias for a in attrs.fields(error.cl) if a.init))
            if attrs.has(error.cl)
            else ""
        )
        return [
            Problem(f"{path}.{key}", f"unknown key; the keys are {allowed}" if allowed else "unknown key")
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, KeyError):
        return [Problem(path, "required, and missing")]
    if isinstance(error, InvalidInputError):
        return [Problem(path_join(path, error.field), error.problem)]
    if isinstance(error, GongshangError):
        return [Problem(path, str(error))]
    return [Problem(path, f"invalid value ({type(error).__name__})")]
