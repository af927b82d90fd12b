"""What the commands of :mod:`gongshang_rules.oracle.cli` share: their output, their input and ``--calendar``.

Nothing a command writes shows an identity number whole: :func:`say` masks any identity-number-shaped text, and a
result line is the library's JSON, masked where it is made. A failed write of a command's output is a
:class:`WriteError` naming the output, which ``main`` reports (exit 2).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..kernel._privacy import redact

if TYPE_CHECKING:
    from ..kernel.workdays import WorkingDayCalendar

__all__ = [
    "STDOUT",
    "WriteError",
    "calendar_of",
    "err",
    "jsonl",
    "numbered_lines",
    "out",
    "parsed",
    "read_input",
    "say",
    "write_line",
]

STDOUT = "standard output"


def say(*parts: object, **options: Any) -> None:
    """``print``, with any identity-number-shaped text masked: nothing a command writes shows one whole."""
    print(*(redact(str(part)) for part in parts), **options)


def err(message: str) -> None:
    """One line on stderr, after the program's name."""
    say(f"gongshang-rules: {message}", file=sys.stderr)


def out() -> IO[bytes]:
    """Standard output, as bytes (result lines are written as UTF-8, whatever the locale)."""
    return sys.stdout.buffer


def write_line(text: str) -> None:
    """``text`` and a newline on standard output, as UTF-8."""
    out().write(text.encode("utf-8") + b"\n")


class WriteError(Exception):
    """Writing the output failed (a full disk, /dev/full, an I/O error): reported with the output's name."""

    def __init__(self, name: str, error: OSError) -> None:
        super().__init__(name)
        self.name = name
        self.error = error


def read_input(source: str) -> bytes:
    """The bytes of the file ``source``, or of stdin for ``-``."""
    if source == "-":
        return sys.stdin.buffer.read()
    return Path(source).read_bytes()


def numbered_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line number, text) of each non-blank line."""
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            yield number, raw


def parsed(label: str, lines: Iterable[tuple[int, bytes]], problems: list[str]) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON) of each line; a line that is not JSON goes to ``problems`` as ``label:number``."""
    from . import jsonio

    for number, raw in lines:
        try:
            yield number, jsonio.loads(raw)
        except jsonio.CaseError as error:
            problems.append(f"{label}:{number}: {error.problems[0]}")


def jsonl(path: Path, problems: list[str]) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON) of each non-blank line of ``path``; unreadable lines go to ``problems``."""
    try:
        stream = path.open("rb")
    except OSError as error:
        problems.append(f"{path}: cannot read: {error.strerror or error}")
        return
    with stream:
        yield from parsed(str(path), numbered_lines(stream), problems)


@functools.lru_cache(maxsize=8)
def calendar_of(text: str | None) -> WorkingDayCalendar:
    """The calendar cases are decided with: the bundled schedules, with those of ``--calendar``'s text added."""
    from ..kernel.workdays import DEFAULT_CALENDAR, schedules_from_csv

    calendar = DEFAULT_CALENDAR
    if text is not None:
        for schedule in schedules_from_csv(text):
            calendar = calendar.with_schedule(schedule)
    return calendar
