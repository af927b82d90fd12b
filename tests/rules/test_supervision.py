"""Tests of chapter 5: suspension (article 30), who leads recovery (article 31), and audit focus (article 32).

Article 30 ¶1: a serious violation suspends the worker's direct settlement, reported level by level to the
provincial agency, which coordinates with the insured place. Article 31: loss of entitlement: the insured place's
agency leads; the institution's conduct: the treatment place's agency leads; intra-province care only. Article 32:
large amounts, high frequency, and spending at both the filed and the insured place during a filing; the procedure
sets no thresholds.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import IdentityNumber, InvalidInputError, PersonCategory, ServiceKind, place
from gongshang_rules.kernel.places import Place, PlaceKind
from gongshang_rules.rules.filing import Filing
from gongshang_rules.rules.records import SettlementRecord
from gongshang_rules.rules.supervision import (
    AuditOutcome,
    AuditRule,
    AuditThresholds,
    FilingPeriod,
    Recovery,
    RecoveryCause,
    Suspension,
    SuspensionStatus,
    audit_flags,
    recovery_responsibility,
    suspension_status,
)

D = dt.date
CHANGSHA, LIUYANG, ZHUZHOU, YUEYANG, YUEYANG_COUNTY = (
    place(c) for c in ("430100", "430181", "430200", "430600", "430621")
)
PROVINCE_LEVEL = place("省本级")
GUANGDONG, XINJIANG = place("440000"), place("650000")
ID = IdentityNumber("430102199001011238")
OTHER_ID = IdentityNumber("430181198506150023")
XJ_ID = IdentityNumber("650102198506151232")


def record(
    sid: str,
    settled: dt.date,
    *,
    treatment: Place = YUEYANG,
    insured: Place = CHANGSHA,
    started: dt.date | None = None,
    fund: str = "1000.00",
    bill: str | None = None,
    identity: IdentityNumber = ID,
) -> SettlementRecord:
    """A settlement; by default a Changsha worker's stay in Yueyang."""
    return SettlementRecord(
        settlement_id=sid,
        identity_number=identity,
        institution_code="EX",
        insured=insured,
        treatment=treatment,
        started_on=started or settled,
        ended_on=settled,
        bill=Decimal(bill or fund),
        fund_share=Decimal(fund),
    )


FILED_FROM, FILED_THROUGH = D(2025, 9, 1), D(2025, 11, 30)


def period(
    treatment: Place = YUEYANG, start: dt.date = FILED_FROM, end: dt.date = FILED_THROUGH
) -> FilingPeriod:
    """A filing period of the worker ID: filed for Yueyang, valid 2025-09-01 to 2025-11-30 by default."""
    return FilingPeriod(identity_number=ID, treatment=treatment, valid_from=start, valid_through=end)


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


class TestRecoveryResponsibility:
    """Article 31, intra-province care only."""

    def test_loss_of_entitlement_is_led_by_the_insured_place(self) -> None:
        """A Liuyang worker in Yueyang: Liuyang's (county) agency leads, Yueyang's assists."""
        ruling = recovery_responsibility(RecoveryCause.LOSS_OF_ENTITLEMENT, LIUYANG, YUEYANG)
        assert ruling.outcome is Recovery.INSURED_PLACE_LEADS
        assert ruling.lead is not None and ruling.assisting is not None
        assert (ruling.lead.zh, ruling.assisting.zh) == ("浏阳市工伤保险经办机构", "岳阳市工伤保险经办机构")
        assert [str(a) for a in ruling.reason("RECOVERY_INSURED_PLACE_LEADS").articles] == ["art. 31"]
        assert ruling.reason("RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY").interpretation

    def test_a_city_insured_worker_needs_no_county_reading(self) -> None:
        """Insured at city level, the insured-place agency is the city's: nothing to read."""
        ruling = recovery_responsibility(RecoveryCause.LOSS_OF_ENTITLEMENT, CHANGSHA, YUEYANG)
        assert "RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY" not in ruling.codes

    def test_the_institutions_conduct_is_led_by_the_treatment_place(self) -> None:
        """A Changsha worker at an institution in Yueyang County: Yueyang's city agency leads, Changsha's assists."""
        ruling = recovery_responsibility(RecoveryCause.INSTITUTION_CONDUCT, CHANGSHA, YUEYANG_COUNTY)
        assert ruling.outcome is Recovery.TREATMENT_PLACE_LEADS
        assert ruling.lead is not None and ruling.assisting is not None
        assert (ruling.lead.place, ruling.assisting.place) == (YUEYANG, CHANGSHA)
        assert "leads: 岳阳市工伤保险经办机构" in str(ruling)

    @pytest.mark.parametrize(("insured", "treatment"), [(CHANGSHA, GUANGDONG), (XINJIANG, CHANGSHA)])
    @pytest.mark.parametrize("cause", list(RecoveryCause))
    def test_cross_province_care_is_not_assigned_by_this_procedure(
        self, insured: Place, treatment: Place, cause: RecoveryCause
    ) -> None:
        """The article says 省内异地就医: for cross-province care it names the national procedure, never a guess."""
        ruling = recovery_responsibility(cause, insured, treatment)
        assert ruling.outcome is Recovery.NOT_ASSIGNED_HERE
        assert ruling.lead is None and ruling.assisting is None
        assert ruling.reason("RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED").authorities
        assert str(ruling).count("leads:") == 0

    @pytest.mark.parametrize(("insured", "treatment"), [(CHANGSHA, LIUYANG), (PROVINCE_LEVEL, YUEYANG)])
    def test_care_that_is_not_out_of_area_is_outside_article_31(
        self, insured: Place, treatment: Place
    ) -> None:
        """Art. 3: local care and provincial recognition."""
        ruling = recovery_responsibility(RecoveryCause.LOSS_OF_ENTITLEMENT, insured, treatment)
        assert ruling.outcome is Recovery.NOT_OUT_OF_AREA

    def test_care_outside_hunan_is_not_governed(self) -> None:
        """Art. 2: Xinjiang and Guangdong."""
        ruling = recovery_responsibility(RecoveryCause.INSTITUTION_CONDUCT, XINJIANG, GUANGDONG)
        assert ruling.outcome is Recovery.NOT_GOVERNED

    def test_the_question_is_checked(self) -> None:
        """A cause by name, or a place as text, is an error naming the argument."""
        with pytest.raises(InvalidInputError) as error:
            recovery_responsibility("LOSS_OF_ENTITLEMENT", CHANGSHA, YUEYANG)  # type: ignore[arg-type]
        assert error.value.field == "cause"
        with pytest.raises(InvalidInputError) as error:
            recovery_responsibility(RecoveryCause.LOSS_OF_ENTITLEMENT, CHANGSHA, "岳阳市")  # type: ignore[arg-type]
        assert error.value.field == "treatment"


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
