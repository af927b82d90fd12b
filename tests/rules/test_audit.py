"""Tests of chapter 5, article 32: the joint audits' focus points (``rules.audit``).

Large amounts, high frequency, and spending at both the filed and the insured place during a filing; the procedure
sets no thresholds.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import builders
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import IdentityNumber, InvalidInputError, PersonCategory, ServiceKind, place
from gongshang_rules.kernel.places import Place, PlaceKind
from gongshang_rules.rules.audit import (
    AuditOutcome,
    AuditRule,
    AuditThresholds,
    FilingPeriod,
    audit_flags,
)
from gongshang_rules.rules.filing import Filing
from gongshang_rules.rules.records import SettlementRecord

D = dt.date
CHANGSHA, LIUYANG, ZHUZHOU, YUEYANG, YUEYANG_COUNTY = (
    place(c) for c in ("430100", "430181", "430200", "430600", "430621")
)
PROVINCE_LEVEL = place("省本级")
GUANGDONG, XINJIANG = place("440000"), place("650000")
ID = IdentityNumber("430102199001011238")
OTHER_ID = IdentityNumber("430181198506150023")
XJ_ID = IdentityNumber("650102198506151232")


def record(sid: str, settled: dt.date, *, treatment: Place = YUEYANG, **kw: Any) -> SettlementRecord:
    """A settlement; by default a Changsha worker's stay in Yueyang."""
    return builders.record(sid, settled, treatment=treatment, institution="EX", **kw)


FILED_FROM, FILED_THROUGH = D(2025, 9, 1), D(2025, 11, 30)


def period(
    treatment: Place = YUEYANG, start: dt.date = FILED_FROM, end: dt.date = FILED_THROUGH
) -> FilingPeriod:
    """A filing period of the worker ID: filed for Yueyang, valid 2025-09-01 to 2025-11-30 by default."""
    return FilingPeriod(identity_number=ID, treatment=treatment, valid_from=start, valid_through=end)


class TestAuditInputs:
    """The caller's thresholds (article 32 sets none) and filing periods."""

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"large_amount": Decimal("0")}, "large_amount"),
            ({"large_amount": Decimal("-5")}, "large_amount"),
            ({"large_amount": 50000.0}, "large_amount"),
            ({"frequency_count": 0, "frequency_window_days": 30}, "frequency_count"),
            ({"frequency_count": True, "frequency_window_days": 30}, "frequency_count"),
            ({"frequency_count": 3, "frequency_window_days": 0}, "frequency_window_days"),
            ({"frequency_count": 3}, "frequency_window_days"),
            ({"frequency_window_days": 3}, "frequency_window_days"),
        ],
    )
    def test_thresholds_must_be_positive_and_frequency_needs_both_numbers(
        self, kwargs: dict[str, object], field: str
    ) -> None:
        """Positive Decimal money, positive ints, count and window together."""
        with pytest.raises(InvalidInputError) as error:
            AuditThresholds(**kwargs)  # type: ignore[arg-type]
        assert error.value.field == field

    def test_a_filing_period_is_checked(self) -> None:
        """The last day is not before the first; 省本级 is not a treatment place."""
        with pytest.raises(InvalidInputError) as error:
            period(start=D(2025, 9, 2), end=D(2025, 9, 1))
        assert error.value.field == "valid_through"
        with pytest.raises(InvalidInputError) as error:
            period(treatment=PROVINCE_LEVEL)
        assert error.value.field == "treatment"

    def test_a_filing_period_takes_its_validity_from_article_13(self) -> None:
        """A long-term filing of 2025-08-31 in Hunan runs through 2026-02-28 (periods rule)."""
        filing = Filing(
            insured=CHANGSHA,
            treatment=YUEYANG,
            category=PersonCategory.LONG_TERM_RESIDENCE,
            service=ServiceKind.MEDICAL,
            filed_on=D(2025, 8, 31),
        )
        p = FilingPeriod.from_filing(ID, filing)
        assert (p.treatment, p.valid_from, p.valid_through) == (YUEYANG, D(2025, 8, 31), D(2026, 2, 28))

    def test_another_provinces_filing_needs_its_stated_dates(self) -> None:
        """A Xinjiang filing without dates: the validity is Xinjiang's to set, so no period is guessed."""
        filing = Filing(
            insured=XINJIANG,
            treatment=CHANGSHA,
            category=PersonCategory.REFERRAL,
            service=ServiceKind.MEDICAL,
            filed_on=D(2025, 9, 1),
        )
        with pytest.raises(InvalidInputError) as error:
            FilingPeriod.from_filing(XJ_ID, filing)
        assert error.value.field == "filing"
        stated = Filing(
            insured=XINJIANG,
            treatment=CHANGSHA,
            category=PersonCategory.REFERRAL,
            service=ServiceKind.MEDICAL,
            filed_on=D(2025, 9, 1),
            stated_valid_from=D(2025, 9, 1),
            stated_valid_through=D(2025, 12, 31),
        )
        assert FilingPeriod.from_filing(XJ_ID, stated).valid_through == D(2025, 12, 31)
        with pytest.raises(InvalidInputError):
            FilingPeriod.from_filing(XJ_ID, "filing")  # type: ignore[arg-type]

    def test_a_filing_made_before_the_procedure_has_no_article_13_period(self) -> None:
        """Art. 36: an intra-province filing of 2025-07-31 gets no period; the error says why, not 'insured province'."""
        filing = Filing(
            insured=CHANGSHA,
            treatment=YUEYANG,
            category=PersonCategory.REFERRAL,
            service=ServiceKind.MEDICAL,
            filed_on=D(2025, 7, 31),
        )
        with pytest.raises(InvalidInputError, match="article 13 gives it no validity"):
            FilingPeriod.from_filing(ID, filing)


class TestAuditFlags:
    """Article 32's focus points over a batch, with the caller's thresholds."""

    def test_a_large_amount_is_flagged_at_the_threshold_on_the_fund_share_or_the_bill(self) -> None:
        """≥ threshold: A (fund = threshold) and B (bill above, fund below) flagged; C below both is not."""
        rows = (
            record("A", D(2025, 9, 2), fund="50000.00"),
            record("B", D(2025, 9, 3), fund="30000.00", bill="60000.00"),
            record("C", D(2025, 9, 4), fund="49999.99"),
        )
        ruling = audit_flags(rows, AuditThresholds(large_amount=Decimal("50000.00")))
        assert [(f.rule, f.settlement_ids) for f in ruling.flags] == [
            (AuditRule.LARGE_AMOUNT, ("A",)),
            (AuditRule.LARGE_AMOUNT, ("B",)),
        ]
        assert all(f.reason.code == "AUDIT_LARGE_AMOUNT" for f in ruling.flags)
        assert all(str(a) == "art. 32" for f in ruling.flags for a in f.reason.articles)

    def test_high_frequency_counts_settlements_in_a_window_of_consecutive_days(self) -> None:
        """3 in 10 days: 09-01, 09-05, 09-10 fill the window 09-01..09-10; a fourth on 09-25 is outside any."""
        rows = (
            record("A", D(2025, 9, 1)),
            record("B", D(2025, 9, 5)),
            record("C", D(2025, 9, 10)),
            record("D", D(2025, 9, 25)),
        )
        ruling = audit_flags(rows, AuditThresholds(frequency_count=3, frequency_window_days=10))
        assert [(f.rule, f.settlement_ids) for f in ruling.flags] == [
            (AuditRule.HIGH_FREQUENCY, ("A", "B", "C"))
        ]
        assert ruling.flags[0].reason.interpretation

    def test_a_window_one_day_too_short_flags_nothing(self) -> None:
        """09-01, 09-05 and 09-11 span 11 days: no 10-day window holds all three."""
        rows = (record("A", D(2025, 9, 1)), record("B", D(2025, 9, 5)), record("C", D(2025, 9, 11)))
        ruling = audit_flags(rows, AuditThresholds(frequency_count=3, frequency_window_days=10))
        assert ruling.outcome is AuditOutcome.NOTHING_FLAGGED
        assert ruling.flags == ()

    def test_frequency_is_counted_per_worker(self) -> None:
        """Two workers with two settlements each in a week: neither reaches 3."""
        rows = (
            record("A", D(2025, 9, 1)),
            record("B", D(2025, 9, 2)),
            record("C", D(2025, 9, 1), identity=OTHER_ID),
            record("D", D(2025, 9, 2), identity=OTHER_ID),
        )
        assert audit_flags(rows, AuditThresholds(frequency_count=3, frequency_window_days=7)).flags == ()

    def test_spending_at_the_filed_place_and_the_insured_place_flags_both_rows(self) -> None:
        """Filed for Yueyang, insured in Changsha: a Yueyang stay and a Changsha (Liuyang) visit in validity."""
        rows = (
            record("F", D(2025, 9, 20), treatment=YUEYANG_COUNTY),
            record("H", D(2025, 10, 3), treatment=LIUYANG),
            record("Z", D(2025, 10, 5), treatment=ZHUZHOU),
        )
        ruling = audit_flags(rows, AuditThresholds(), (period(),))
        assert [(f.rule, f.settlement_ids) for f in ruling.flags] == [
            (AuditRule.DUAL_PLACE_SPENDING, ("F", "H"))
        ]
        reason = ruling.flags[0].reason
        assert reason.interpretation
        assert "F" in reason.message_en and "H" in reason.message_en

    def test_spending_outside_the_validity_is_not_dual_spending(self) -> None:
        """A Changsha visit after the filing's last day does not count; a stay overlapping its first day does."""
        rows = (record("F", D(2025, 9, 20)), record("H", D(2025, 12, 1), treatment=CHANGSHA))
        assert audit_flags(rows, AuditThresholds(), (period(),)).flags == ()
        overlapping = (
            record("F", D(2025, 9, 20)),
            record("H", D(2025, 9, 3), treatment=CHANGSHA, started=D(2025, 8, 28)),
        )
        assert audit_flags(overlapping, AuditThresholds(), (period(),)).flagged_ids == ("H", "F")

    def test_only_the_filed_place_is_not_dual_spending(self) -> None:
        """Two stays at the filed place and none at home: nothing flagged."""
        rows = (record("F1", D(2025, 9, 20)), record("F2", D(2025, 10, 20)))
        assert audit_flags(rows, AuditThresholds(), (period(),)).outcome is AuditOutcome.NOTHING_FLAGGED

    def test_a_provincial_level_worker_spends_at_home_anywhere_in_hunan(self) -> None:
        """省本级 insured, filed for Guangdong: a Guangdong stay and a stay in Yueyang (recognised) are both flagged."""
        rows = (
            record("G", D(2025, 9, 20), insured=PROVINCE_LEVEL, treatment=GUANGDONG),
            record("Y", D(2025, 9, 25), insured=PROVINCE_LEVEL, treatment=YUEYANG),
        )
        ruling = audit_flags(rows, AuditThresholds(), (period(treatment=GUANGDONG),))
        assert ruling.flagged_ids == ("G", "Y")

    def test_a_worker_of_another_province_spends_at_home_in_that_province(self) -> None:
        """Insured in Xinjiang, filed for Changsha: a Changsha stay and a Xinjiang stay during validity."""
        rows = (
            record("C", D(2025, 9, 20), insured=XINJIANG, treatment=LIUYANG, identity=XJ_ID),
            record("X", D(2025, 9, 25), insured=XINJIANG, treatment=XINJIANG, identity=XJ_ID),
        )
        xj = FilingPeriod(
            identity_number=XJ_ID, treatment=CHANGSHA, valid_from=D(2025, 9, 1), valid_through=D(2025, 12, 31)
        )
        assert audit_flags(rows, AuditThresholds(), (xj,)).flagged_ids == ("C", "X")

    def test_rows_at_home_are_not_counted_for_amounts_or_frequency(self) -> None:
        """Art. 32 audits out-of-area care: a large local settlement is not flagged as large (a reading, flagged)."""
        rows = (record("L", D(2025, 9, 2), treatment=CHANGSHA, fund="90000.00"),)
        ruling = audit_flags(
            rows, AuditThresholds(large_amount=Decimal("50000"), frequency_count=1, frequency_window_days=1)
        )
        assert ruling.flags == ()
        assert ruling.reason("AUDIT_OUT_OF_AREA_ROWS_ONLY").interpretation

    def test_rules_without_thresholds_are_said_not_to_have_run(self) -> None:
        """No threshold, no check: the ruling says so for each of the three focus points."""
        ruling = audit_flags((record("A", D(2025, 9, 2)),), AuditThresholds())
        not_run = [r for r in ruling.reasons if r.code == "AUDIT_RULE_NOT_RUN"]
        assert len(not_run) == 3
        focus = ruling.reason("AUDIT_FOCUS")
        assert "0 filing period(s)" in focus.message_en

    def test_the_order_of_flags_does_not_depend_on_the_order_of_rows(self) -> None:
        """Flags by rule, then by rows (settlement date, id): reversing the input changes nothing."""
        rows = (
            record("A", D(2025, 9, 1), fund="90000.00"),
            record("B", D(2025, 9, 2)),
            record("C", D(2025, 9, 3), fund="95000.00"),
            record("H", D(2025, 9, 4), treatment=CHANGSHA),
        )
        t = AuditThresholds(large_amount=Decimal("50000"), frequency_count=2, frequency_window_days=5)
        forward = audit_flags(rows, t, (period(), period()))
        backward = audit_flags(tuple(reversed(rows)), t, (period(), period()))
        assert forward.flags == backward.flags
        assert [f.rule for f in forward.flags] == [
            AuditRule.LARGE_AMOUNT,
            AuditRule.LARGE_AMOUNT,
            AuditRule.HIGH_FREQUENCY,
            AuditRule.DUAL_PLACE_SPENDING,
        ]
        assert forward.flagged_ids == ("A", "B", "C", "H")
        assert "LARGE_AMOUNT: A" in str(forward)

    def test_the_batch_is_checked(self) -> None:
        """Duplicate ids, wrong thresholds, and a list of filings are errors naming the field."""
        with pytest.raises(InvalidInputError) as error:
            audit_flags((record("A", D(2025, 9, 1)), record("A", D(2025, 9, 2))), AuditThresholds())
        assert error.value.field == "records[1].settlement_id"
        with pytest.raises(InvalidInputError) as error:
            audit_flags((), {"large_amount": Decimal("1")})  # type: ignore[arg-type]
        assert error.value.field == "thresholds"
        with pytest.raises(InvalidInputError) as error:
            audit_flags((), AuditThresholds(), [period()])  # type: ignore[arg-type]
        assert error.value.field == "filings"
        with pytest.raises(InvalidInputError) as error:
            audit_flags((), AuditThresholds(), (period(), "p"))  # type: ignore[arg-type]
        assert error.value.field == "filings[1]"

    @given(data=st.data())
    def test_flags_hold_exactly_the_rows_that_meet_the_thresholds(self, data: st.DataObject) -> None:
        """Against a brute-force scan written here: no flagged row misses a threshold, no qualifying row is missed."""
        workers = (ID, OTHER_ID)
        treatments = (YUEYANG, YUEYANG_COUNTY, CHANGSHA, LIUYANG, ZHUZHOU, GUANGDONG)
        base = D(2025, 9, 1)
        rows = []
        for i in range(data.draw(st.integers(0, 12))):
            start = data.draw(st.integers(0, 59))
            length = data.draw(st.integers(0, 5))
            fund = data.draw(st.integers(0, 10**7))
            extra = data.draw(st.integers(0, 2 * 10**6))
            rows.append(
                SettlementRecord(
                    settlement_id=f"R{i:02d}",
                    identity_number=data.draw(st.sampled_from(workers)),
                    institution_code="EX",
                    insured=CHANGSHA,
                    treatment=data.draw(st.sampled_from(treatments)),
                    started_on=base + dt.timedelta(days=start),
                    ended_on=base + dt.timedelta(days=start + length),
                    bill=Decimal(fund + extra).scaleb(-2),
                    fund_share=Decimal(fund).scaleb(-2),
                )
            )
        large = Decimal(data.draw(st.integers(1, 100_000)))
        count = data.draw(st.integers(1, 4))
        days = data.draw(st.integers(1, 30))
        periods = tuple(
            FilingPeriod(
                identity_number=data.draw(st.sampled_from(workers)),
                treatment=data.draw(st.sampled_from(treatments)),
                valid_from=base + dt.timedelta(days=s),
                valid_through=base + dt.timedelta(days=s + n),
            )
            for s, n in data.draw(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 40)), max_size=3))
        )
        ruling = audit_flags(
            tuple(rows),
            AuditThresholds(large_amount=large, frequency_count=count, frequency_window_days=days),
            periods,
        )

        def city(p: Place) -> str:
            return p.city_code if p.kind in (PlaceKind.CITY, PlaceKind.COUNTY) else p.code  # type: ignore[return-value]

        away = [r for r in rows if city(r.treatment) != city(r.insured)]
        expected_large = {r.settlement_id for r in away if r.fund_share >= large or r.bill >= large}
        expected_frequent = set()
        for r in away:
            own = [o for o in away if o.identity_number == r.identity_number]
            for first_day in range(-days, 90):
                lo = base + dt.timedelta(days=first_day)
                hi = lo + dt.timedelta(days=days - 1)
                if lo <= r.ended_on <= hi and sum(lo <= o.ended_on <= hi for o in own) >= count:
                    expected_frequent.add(r.settlement_id)
                    break
        expected_dual = set()
        for p in periods:
            during = [
                r
                for r in rows
                if r.identity_number == p.identity_number
                and r.started_on <= p.valid_through
                and r.ended_on >= p.valid_from
            ]
            filed = {r.settlement_id for r in during if city(r.treatment) == city(p.treatment)}
            home = {r.settlement_id for r in during if city(r.treatment) == city(r.insured)}
            group = {x for x in filed if home - {x}} | {x for x in home if filed - {x}}
            if group:
                expected_dual.add(frozenset(group))

        def flagged(rule: AuditRule) -> list[tuple[str, ...]]:
            return [f.settlement_ids for f in ruling.flags if f.rule is rule]

        assert {i for ids in flagged(AuditRule.LARGE_AMOUNT) for i in ids} == expected_large
        assert all(len(ids) == 1 for ids in flagged(AuditRule.LARGE_AMOUNT))
        assert {i for ids in flagged(AuditRule.HIGH_FREQUENCY) for i in ids} == expected_frequent
        assert {frozenset(ids) for ids in flagged(AuditRule.DUAL_PLACE_SPENDING)} == expected_dual
        assert set(ruling.flagged_ids) == expected_large | expected_frequent | {
            i for g in expected_dual for i in g
        }
        assert (ruling.outcome is AuditOutcome.FLAGGED) == bool(ruling.flags)
