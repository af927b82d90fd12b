"""Test helper: institutions and registries of article 14, built by hand or drawn by hypothesis (shared by the
domain tests of ``rules.institutions`` and the reading tests of ``oracle.registry_io``)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from gongshang_rules import place
from gongshang_rules.kernel.places import PlaceKind, all_places
from gongshang_rules.kernel.terms import ServiceKind
from gongshang_rules.rules.institutions import (
    STATUS_TRANSITIONS,
    Institution,
    InstitutionRegistry,
    InstitutionStatus,
    StatusChange,
)

S = InstitutionStatus
D = dt.date
MEDICAL = ServiceKind.MEDICAL


def change(on: dt.date, status: InstitutionStatus, note: str | None = None) -> StatusChange:
    return StatusChange(on=on, status=status, note=note)


def institution(
    *history: tuple[dt.date, InstitutionStatus],
    code: str = "EX-0100",
    where: str = "430100",
    services: frozenset[ServiceKind] = frozenset({MEDICAL}),
) -> Institution:
    return Institution(
        code=code,
        name="示例医院（虚构）",
        place=place(where),
        services=services,
        history=tuple(change(on, status) for on, status in history),
    )


INSTITUTION_PLACES = [p for p in all_places() if p.kind is not PlaceKind.PROVINCE_LEVEL]
FIRST_DAY = D(2025, 1, 1)


@st.composite
def histories(draw: st.DrawFn) -> tuple[StatusChange, ...]:
    """A valid history: ADDED first, strictly increasing dates, every step an allowed transition."""
    day = FIRST_DAY + dt.timedelta(days=draw(st.integers(0, 400)))
    status = S.ADDED
    changes = [StatusChange(on=day, status=status)]
    for _ in range(draw(st.integers(0, 6))):
        day += dt.timedelta(days=draw(st.integers(1, 120)))
        status = draw(st.sampled_from(sorted(STATUS_TRANSITIONS[status], key=lambda s: s.name)))
        changes.append(StatusChange(on=day, status=status))
    return tuple(changes)


service_sets = st.frozensets(st.sampled_from(list(ServiceKind)), min_size=1)


@st.composite
def institutions(draw: st.DrawFn, code: str = "EX-0100") -> Institution:
    return Institution(
        code=code,
        name=draw(st.sampled_from(["示例医院（虚构）", "Example Hospital", '示例, "引号" 机构'])),
        place=draw(st.sampled_from(INSTITUTION_PLACES)),
        services=draw(service_sets),
        history=draw(histories()),
    )


@st.composite
def registries(draw: st.DrawFn) -> InstitutionRegistry:
    count = draw(st.integers(0, 4))
    return InstitutionRegistry(
        institutions=tuple(draw(institutions(code=f"EX-{n:04d}")) for n in range(count))
    )
