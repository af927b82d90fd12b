"""Tests of chapter 5, article 30: suspension for serious violations (``rules.supervision``).

Article 30 ¶1: a serious violation suspends the worker's direct settlement, reported level by level to the
provincial agency, which coordinates with the insured place. Article 31 (who leads recovery) is in
``test_recovery``, article 32 (audit focus) in ``test_audit``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gongshang_rules
from gongshang_rules import IdentityNumber, InvalidInputError, place
from gongshang_rules.rules import supervision
from gongshang_rules.rules.supervision import (
    Suspension,
    SuspensionStatus,
    suspension_status,
)

D = dt.date
LIUYANG = place("430181")
PROVINCE_LEVEL = place("省本级")
GUANGDONG = place("440000")
ID = IdentityNumber("430102199001011238")
OTHER_ID = IdentityNumber("430181198506150023")


class TestSuspension:
    """Article 30 ¶1: suspended until lifted."""

    def test_direct_settlement_is_suspended_from_the_first_day_until_it_is_lifted(self) -> None:
        """Suspended 2025-10-09 with no end: suspended on the day and long after; not the day before."""
        s = Suspension(identity_number=ID, suspended_on=D(2025, 10, 9))
        assert suspension_status(ID, D(2025, 10, 9), (s,)).outcome is SuspensionStatus.SUSPENDED
        assert suspension_status(ID, D(2027, 7, 31), (s,)).outcome is SuspensionStatus.SUSPENDED
        assert suspension_status(ID, D(2025, 10, 8), (s,)).outcome is SuspensionStatus.NOT_SUSPENDED

    def test_on_the_day_it_is_lifted_direct_settlement_resumes(self) -> None:
        """Lifted 2025-11-03: suspended on 11-02, not on 11-03 (a reading, flagged)."""
        s = Suspension(identity_number=ID, suspended_on=D(2025, 10, 9), lifted_on=D(2025, 11, 3))
        assert suspension_status(ID, D(2025, 11, 2), (s,)).outcome is SuspensionStatus.SUSPENDED
        ruling = suspension_status(ID, D(2025, 11, 3), (s,))
        assert ruling.outcome is SuspensionStatus.NOT_SUSPENDED
        assert ruling.reason("SUPERVISION_SUSPENSION_LIFTED").interpretation

    def test_the_reporting_chain_goes_level_by_level_to_the_province(self) -> None:
        """Art. 30 ¶1: reported level by level to the provincial agency, which coordinates with the insured place."""
        s = Suspension(identity_number=ID, suspended_on=D(2025, 10, 9), suspended_by=LIUYANG)
        ruling = suspension_status(ID, D(2025, 10, 10), (s,))
        chain = ruling.reason("SUPERVISION_REPORTED_TO_PROVINCE")
        assert "逐级上报省级经办机构" in chain.message_zh
        assert "参保地经办机构" in chain.message_zh
        assert "长沙市工伤保险经办机构" in ruling.reason("SUPERVISION_SUSPENDED").message_zh
        assert {"SUPERVISION_BILL_CHECKS", "SUPERVISION_SUSPENSION_EVERYWHERE"} <= ruling.codes
        assert ruling.reason("SUPERVISION_SUSPENSION_EVERYWHERE").interpretation

    def test_the_ruling_never_prints_the_whole_identity_number(self) -> None:
        """The worker is named by the masked number only."""
        s = Suspension(identity_number=ID, suspended_on=D(2025, 10, 9))
        text = str(suspension_status(ID, D(2025, 10, 10), (s,)))
        assert ID.value not in text
        assert ID.masked in text

    def test_another_workers_suspension_does_not_apply(self) -> None:
        """Only the worker's own suspensions count."""
        s = Suspension(identity_number=OTHER_ID, suspended_on=D(2025, 10, 9))
        ruling = suspension_status(ID, D(2025, 10, 10), (s,))
        assert ruling.outcome is SuspensionStatus.NOT_SUSPENDED
        assert ruling.codes == {"SUPERVISION_NOT_SUSPENDED"}

    def test_a_later_suspension_is_not_yet_in_force_and_an_earlier_one_was_lifted(self) -> None:
        """Two suspensions: the first lifted, the second not yet begun on the day asked."""
        first = Suspension(identity_number=ID, suspended_on=D(2025, 9, 1), lifted_on=D(2025, 9, 15))
        second = Suspension(identity_number=ID, suspended_on=D(2025, 12, 1))
        ruling = suspension_status(ID, D(2025, 10, 1), (second, first))
        assert ruling.outcome is SuspensionStatus.NOT_SUSPENDED
        assert {"SUPERVISION_SUSPENSION_LIFTED", "SUPERVISION_SUSPENSION_NOT_YET"} <= ruling.codes
        later = suspension_status(ID, D(2025, 12, 1), (second, first))
        assert later.in_force == (second,)

    def test_a_suspension_is_checked_when_made(self) -> None:
        """Lifted before it began, a treatment place outside Hunan, or a loose number: errors naming the field."""
        with pytest.raises(InvalidInputError) as error:
            Suspension(identity_number=ID, suspended_on=D(2025, 10, 9), lifted_on=D(2025, 10, 8))
        assert error.value.field == "lifted_on"
        for where in (PROVINCE_LEVEL, GUANGDONG):
            with pytest.raises(InvalidInputError) as error:
                Suspension(identity_number=ID, suspended_on=D(2025, 10, 9), suspended_by=where)
            assert error.value.field == "suspended_by"
        with pytest.raises(InvalidInputError) as error:
            Suspension(identity_number=ID.value, suspended_on=D(2025, 10, 9))  # type: ignore[arg-type]
        assert error.value.field == "identity_number"
        with pytest.raises(InvalidInputError) as error:
            Suspension(identity_number=ID, suspended_on=dt.datetime(2025, 10, 9, 9, 0))  # noqa: DTZ001
        assert error.value.field == "suspended_on"

    def test_the_status_question_is_checked(self) -> None:
        """A number as text, a datetime, a list or a stray item: errors naming the argument."""
        s = Suspension(identity_number=ID, suspended_on=D(2025, 10, 9))
        cases: list[tuple[tuple[object, object, object], str]] = [
            ((ID.value, D(2025, 10, 9), (s,)), "identity_number"),
            ((ID, dt.datetime(2025, 10, 9, 0, 0), (s,)), "on"),  # noqa: DTZ001
            ((ID, D(2025, 10, 9), [s]), "suspensions"),
            ((ID, D(2025, 10, 9), (s, "x")), "suspensions[1]"),
        ]
        for args, field in cases:
            with pytest.raises(InvalidInputError) as error:
                suspension_status(*args)  # type: ignore[arg-type]
            assert error.value.field == field

    @given(
        spans=st.lists(
            st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(0, 30))), min_size=0, max_size=4
        ),
        day=st.integers(0, 100),
    )
    def test_suspended_exactly_when_some_suspension_covers_the_day(
        self, spans: list[tuple[int, int | None]], day: int
    ) -> None:
        """Brute force: suspended iff some suspension began on or before the day and was not lifted by it."""
        base = D(2025, 9, 1)
        suspensions = tuple(
            Suspension(
                identity_number=ID,
                suspended_on=base + dt.timedelta(days=start),
                lifted_on=None if length is None else base + dt.timedelta(days=start + length),
            )
            for start, length in spans
        )
        on = base + dt.timedelta(days=day)
        covering = [start <= day and (length is None or day < start + length) for start, length in spans]
        ruling = suspension_status(ID, on, suspensions)
        assert (ruling.outcome is SuspensionStatus.SUSPENDED) == any(covering)
        assert len(ruling.in_force) == sum(covering)


#: What ``gongshang_rules.supervision`` published in 0.x (its ``__all__``).
NAMES_0X = (
    "AuditFlag",
    "AuditOutcome",
    "AuditRule",
    "AuditRuling",
    "AuditThresholds",
    "FilingPeriod",
    "Recovery",
    "RecoveryCause",
    "RecoveryRuling",
    "Suspension",
    "SuspensionRuling",
    "SuspensionStatus",
    "audit_flags",
    "recovery_responsibility",
    "suspension_status",
)


class TestTheModuleTheOldPathLeadsTo:
    """Issue 9: articles 31 and 32 have a module each; ``rules.supervision``, where the 0.x path
    ``gongshang_rules.supervision`` leads, still gives every name that module published."""

    @pytest.mark.parametrize("name", NAMES_0X)
    def test_every_name_of_the_0x_module_is_still_there(self, name: str) -> None:
        """The same object the facade gives (so old imports and old pickles keep working)."""
        assert getattr(supervision, name) is getattr(gongshang_rules, name)
