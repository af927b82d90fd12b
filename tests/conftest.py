"""Shared test fixtures: the State Council holiday schedules of 2025 and 2026, and hypothesis settings.

The holiday schedules are read from ``tests/data/cn-holidays-2025-2026.csv``, a copy of
``shared/data/cn-holidays-2025-2026.csv`` (CI has only the project tree). Columns: ``date,weekday,kind,festival,
source`` with ``kind`` either ``off`` or ``makeup_workday``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, settings

DATA = Path(__file__).parent / "data"
HOLIDAY_CSV = DATA / "cn-holidays-2025-2026.csv"

# Some properties walk the calendar day by day or build places from CSV tables: no per-example deadline.
settings.register_profile(
    "gongshang", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("gongshang")


@attrs.frozen
class HolidayTable:
    """The published schedules, read independently of the library: days off and make-up workdays."""

    days_off: frozenset[dt.date]
    makeup_workdays: frozenset[dt.date]

    def is_working_day(self, d: dt.date) -> bool:
        """The definition: a make-up workday, or a Monday to Friday not listed as a day off."""
        return d in self.makeup_workdays or (d.weekday() < 5 and d not in self.days_off)


@pytest.fixture(scope="session")
def holiday_csv_text() -> str:
    """The text of the 2025-2026 holiday CSV."""
    return HOLIDAY_CSV.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def holiday_table(holiday_csv_text: str) -> HolidayTable:
    """The 2025-2026 schedules parsed with the csv module only (not with the library under test)."""
    off: set[dt.date] = set()
    makeup: set[dt.date] = set()
    for row in csv.DictReader(io.StringIO(holiday_csv_text)):
        day = dt.date.fromisoformat(row["date"])
        {"off": off, "makeup_workday": makeup}[row["kind"]].add(day)
    return HolidayTable(days_off=frozenset(off), makeup_workdays=frozenset(makeup))


@pytest.fixture(scope="session")
def days_2025_2026() -> tuple[dt.date, ...]:
    """Every day of 2025 and 2026."""
    first = dt.date(2025, 1, 1)
    return tuple(first + dt.timedelta(days=i) for i in range((dt.date(2027, 1, 1) - first).days))


@pytest.fixture
def rendered_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The template texts of every reason message formatted while the test runs, in order (issue 13's lazy
    messages: a message is formatted when first read, once)."""
    from gongshang_rules.kernel import ruling

    rendered: list[str] = []
    original = ruling._Pending.render

    def counting(pending: ruling._Pending) -> str:
        rendered.append(pending.text)
        return original(pending)

    monkeypatch.setattr(ruling._Pending, "render", counting)
    return rendered
