"""In force (article 36; SPEC.md "In force"): from 2025-08-01 for two years; national rules prevail.

Cross-province direct settlement ran nationally from 2025-04-01: before 2025-08-01 a cross-province event is
governed by the national procedure, not this one. An event outside these dates gets an explicit outcome.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import DEFAULT_PARAMETERS, ArticleRef, InForce, InvalidInputError, Scope, in_force
from gongshang_rules.kernel.authorities import NATIONAL_NOTICE

D = dt.date
HUNAN_ONLY = [Scope.INTRA_PROVINCE, Scope.LOCAL, Scope.PROVINCIAL_RECOGNITION]
CROSS = [Scope.CROSS_PROVINCE_OUTBOUND, Scope.CROSS_PROVINCE_INBOUND]


class TestFirstAndLastDays:
    """Article 36: 自2025年8月1日起实施，有效期2年."""

    @pytest.mark.parametrize("scope", HUNAN_ONLY)
    def test_the_day_before_commencement_is_not_yet_in_force(self, scope: Scope) -> None:
        """2025-07-31, within Hunan: NOT_YET_IN_FORCE, citing article 36."""
        ruling = in_force(D(2025, 7, 31), scope)
        assert ruling.outcome is InForce.NOT_YET_IN_FORCE
        assert ruling.codes == {"IN_FORCE_NOT_YET"}
        assert ArticleRef(36) in ruling.articles

    @pytest.mark.parametrize("scope", HUNAN_ONLY + CROSS)
    def test_the_first_day_is_in_force(self, scope: Scope) -> None:
        """2025-08-01: IN_FORCE for every governed scope."""
        ruling = in_force(D(2025, 8, 1), scope)
        assert ruling.outcome is InForce.IN_FORCE
        assert ruling.codes == {"IN_FORCE_WITHIN_PERIOD"}

    @pytest.mark.parametrize("scope", HUNAN_ONLY + CROSS)
    def test_the_last_day_2027_07_31_is_in_force(self, scope: Scope) -> None:
        """Two years counted with the first day included end on 2027-07-31, which is still in force."""
        ruling = in_force(D(2027, 7, 31), scope)
        assert ruling.outcome is InForce.IN_FORCE
        assert not ruling.rests_on_interpretation  # in force on that day however the years are counted

    @pytest.mark.parametrize("scope", HUNAN_ONLY + CROSS)
    def test_the_day_after_is_expired_on_an_interpretation(self, scope: Scope) -> None:
        """2027-08-01 is EXPIRED, and the ruling says it turns on counting the first day (IN_FORCE_LAST_DAY_COUNTED)."""
        ruling = in_force(D(2027, 8, 1), scope)
        assert ruling.outcome is InForce.EXPIRED
        assert ruling.codes == {"IN_FORCE_EXPIRED", "IN_FORCE_LAST_DAY_COUNTED"}
        assert ruling.reason("IN_FORCE_LAST_DAY_COUNTED").interpretation
        assert "2027-07-31" in ruling.reason("IN_FORCE_LAST_DAY_COUNTED").message_en
        assert ruling.rests_on_interpretation

    def test_later_days_are_expired_on_the_letter(self) -> None:
        """From 2027-08-02 on, expiry no longer depends on how the first day is counted."""
        ruling = in_force(D(2027, 8, 2), Scope.INTRA_PROVINCE)
        assert ruling.outcome is InForce.EXPIRED
        assert ruling.codes == {"IN_FORCE_EXPIRED"}
        assert not ruling.rests_on_interpretation

    @pytest.mark.parametrize("scope", CROSS)
    def test_after_expiry_cross_province_care_points_to_the_national_procedure(self, scope: Scope) -> None:
        """A cross-province event after expiry says the national procedure still governs it."""
        ruling = in_force(D(2028, 1, 1), scope)
        assert ruling.outcome is InForce.EXPIRED
        assert "national procedure" in ruling.reason("IN_FORCE_EXPIRED").message_en


class TestCrossProvinceBeforeCommencement:
    """Cross-province direct settlement: national from 2025-04-01, this procedure from 2025-08-01."""

    @pytest.mark.parametrize("scope", CROSS)
    @pytest.mark.parametrize("on", [D(2025, 4, 1), D(2025, 5, 31), D(2025, 7, 31)])
    def test_between_april_1_and_july_31_the_national_procedure_governs(
        self, scope: Scope, on: dt.date
    ) -> None:
        """NATIONAL_PROCEDURE, citing articles 2 and 36 and the national notice."""
        ruling = in_force(on, scope)
        assert ruling.outcome is InForce.NATIONAL_PROCEDURE
        assert ruling.codes == {"IN_FORCE_NATIONAL_PROCEDURE_BEFORE"}
        assert {a.article for a in ruling.articles} == {2, 36}
        assert NATIONAL_NOTICE in ruling.reasons[0].authorities
        assert "2025-04-01" in ruling.reasons[0].message_en

    @pytest.mark.parametrize("scope", CROSS)
    def test_before_april_1_nothing_governs_yet(self, scope: Scope) -> None:
        """2025-03-31: NOT_YET_IN_FORCE, and the reason says the national scheme had not begun either."""
        ruling = in_force(D(2025, 3, 31), scope)
        assert ruling.outcome is InForce.NOT_YET_IN_FORCE
        assert "2025-04-01" in ruling.reasons[0].message_en
        assert "2025-04-01" in ruling.reasons[0].message_zh

    @pytest.mark.parametrize("scope", HUNAN_ONLY)
    def test_the_national_start_does_not_apply_within_hunan(self, scope: Scope) -> None:
        """Intra-province care on 2025-05-01 is not yet in force: the national scheme is cross-province only."""
        ruling = in_force(D(2025, 5, 1), scope)
        assert ruling.outcome is InForce.NOT_YET_IN_FORCE
        assert "2025-04-01" not in ruling.reasons[0].message_en


class TestNotGoverned:
    """Two places outside Hunan: this procedure governs on no date."""

    @given(on=st.dates())
    def test_a_not_governed_scope_is_not_governed_on_every_date(self, on: dt.date) -> None:
        """Whatever the date, NOT_GOVERNED, citing article 2 ¶1."""
        ruling = in_force(on, Scope.NOT_GOVERNED)
        assert ruling.outcome is InForce.NOT_GOVERNED
        assert ruling.articles == (ArticleRef(2, paragraph=1),)


class TestWhatIf:
    """Another Parameters table moves the dates (an analyst's "what if")."""

    PARAMETERS = attrs.evolve(
        DEFAULT_PARAMETERS,
        in_force_from=D(2025, 9, 1),
        in_force_through=D(2027, 8, 31),
        national_cross_province_from=D(2025, 6, 1),
    )

    def test_the_start_moves(self) -> None:
        """With the start on 2025-09-01, 2025-08-15 is not yet in force within Hunan; 09-01 is."""
        assert in_force(D(2025, 8, 15), Scope.INTRA_PROVINCE, parameters=self.PARAMETERS).outcome is (
            InForce.NOT_YET_IN_FORCE
        )
        assert (
            in_force(D(2025, 9, 1), Scope.INTRA_PROVINCE, parameters=self.PARAMETERS).outcome
            is InForce.IN_FORCE
        )

    def test_the_national_start_moves(self) -> None:
        """With the national start on 2025-06-01, 2025-05-31 cross-province is not yet governed; 06-01 is national."""
        parameters = self.PARAMETERS
        assert in_force(D(2025, 5, 31), Scope.CROSS_PROVINCE_INBOUND, parameters=parameters).outcome is (
            InForce.NOT_YET_IN_FORCE
        )
        assert in_force(D(2025, 6, 1), Scope.CROSS_PROVINCE_INBOUND, parameters=parameters).outcome is (
            InForce.NATIONAL_PROCEDURE
        )

    def test_the_end_moves_and_the_reason_names_it(self) -> None:
        """With the end on 2027-08-31: in force that day, expired the next, the reason naming 2027-08-31."""
        assert (
            in_force(D(2027, 8, 31), Scope.INTRA_PROVINCE, parameters=self.PARAMETERS).outcome
            is InForce.IN_FORCE
        )
        ruling = in_force(D(2027, 9, 1), Scope.INTRA_PROVINCE, parameters=self.PARAMETERS)
        assert ruling.outcome is InForce.EXPIRED
        assert "IN_FORCE_LAST_DAY_COUNTED" in ruling.codes
        assert "2027-08-31" in ruling.reason("IN_FORCE_EXPIRED").message_en

    def test_the_default_table_is_untouched(self) -> None:
        """Evolving a table leaves DEFAULT_PARAMETERS as article 36 says."""
        assert (DEFAULT_PARAMETERS.in_force_from, DEFAULT_PARAMETERS.in_force_through) == (
            D(2025, 8, 1),
            D(2027, 7, 31),
        )


class TestBadInput:
    """Bad arguments raise InvalidInputError naming the field."""

    def test_a_datetime_is_not_a_date(self) -> None:
        """on must be a plain date."""
        with pytest.raises(InvalidInputError) as caught:
            in_force(dt.datetime(2025, 8, 1, 9, 0), Scope.INTRA_PROVINCE)  # type: ignore[arg-type]  # noqa: DTZ001
        assert caught.value.field == "on"

    def test_a_scope_name_is_not_a_scope(self) -> None:
        """scope must be a Scope member, not its name."""
        with pytest.raises(InvalidInputError) as caught:
            in_force(D(2025, 8, 1), "INTRA_PROVINCE")  # type: ignore[arg-type]
        assert caught.value.field == "scope"

    def test_parameters_must_be_a_table(self) -> None:
        """parameters must be a Parameters table."""
        with pytest.raises(InvalidInputError) as caught:
            in_force(D(2025, 8, 1), Scope.INTRA_PROVINCE, parameters={"in_force_from": D(2025, 8, 1)})  # type: ignore[arg-type]
        assert caught.value.field == "parameters"


class TestInForceProperties:
    """The outcome follows from the date and the scope alone, as article 36 and SPEC.md say."""

    @given(
        on=st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31)),
        scope=st.sampled_from(HUNAN_ONLY + CROSS),
    )
    def test_in_force_exactly_from_2025_08_01_through_2027_07_31(self, on: dt.date, scope: Scope) -> None:
        """IN_FORCE iff 2025-08-01 <= on <= 2027-07-31; NATIONAL_PROCEDURE only cross-province from 2025-04-01."""
        outcome = in_force(on, scope).outcome
        assert (outcome is InForce.IN_FORCE) == (D(2025, 8, 1) <= on <= D(2027, 7, 31))
        national = scope in CROSS and D(2025, 4, 1) <= on < D(2025, 8, 1)
        assert (outcome is InForce.NATIONAL_PROCEDURE) == national
        assert (outcome is InForce.EXPIRED) == (on > D(2027, 7, 31))


class TestBeforeTheNationalScheme:
    """Before 2025-04-01 a cross-province event is under neither procedure's direct settlement in general; a
    national pilot ran in some cities from 2024-04-01: the answer says so."""

    def test_a_cross_province_event_in_the_pilot_year_names_the_pilot(self) -> None:
        """2025-03-31, the day before the national start: not in force, the pilot named."""
        ruling = in_force(dt.date(2025, 3, 31), Scope.CROSS_PROVINCE_OUTBOUND)
        assert ruling.outcome is InForce.NOT_YET_IN_FORCE
        reason = ruling.reason("IN_FORCE_BEFORE_NATIONAL_SCHEME")
        assert "2024-04-01" in reason.message_en and "pilot" in reason.message_en

    def test_before_the_pilot_the_answer_says_it_predates_it(self) -> None:
        """2024-03-31: before the pilot too."""
        reason = in_force(dt.date(2024, 3, 31), Scope.CROSS_PROVINCE_INBOUND).reason(
            "IN_FORCE_BEFORE_NATIONAL_SCHEME"
        )
        assert "before the national pilot" in reason.message_en

    def test_the_national_start_day_is_the_national_procedures(self) -> None:
        """2025-04-01: the national procedure governs, no pilot note."""
        ruling = in_force(dt.date(2025, 4, 1), Scope.CROSS_PROVINCE_INBOUND)
        assert ruling.outcome is InForce.NATIONAL_PROCEDURE
        assert "IN_FORCE_BEFORE_NATIONAL_SCHEME" not in ruling.codes

    def test_intra_province_events_get_no_pilot_note(self) -> None:
        """The pilot was cross-province: an intra-province event of 2025-03-31 is simply not yet in force."""
        assert in_force(dt.date(2025, 3, 31), Scope.INTRA_PROVINCE).codes == {"IN_FORCE_NOT_YET"}

    def test_the_pilot_date_is_a_parameter_and_must_come_first(self) -> None:
        """The pilot's start is in the dated table; a table with the pilot after the national start is refused."""
        assert DEFAULT_PARAMETERS.national_pilot_from == dt.date(2024, 4, 1)
        with pytest.raises(InvalidInputError, match="national_pilot_from"):
            attrs.evolve(DEFAULT_PARAMETERS, national_pilot_from=dt.date(2025, 5, 1))
