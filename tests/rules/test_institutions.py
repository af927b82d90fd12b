"""The registry of direct-settlement institutions (article 14): institutions, status histories, rulings.

Article 14 ¶1 keeps the registry; ¶2 records additions, suspensions and terminations of agreements, and closures.
A change takes effect on its own date (our documented reading): the boundary tests below pin that down. Reading a
registry (JSON, CSV, the bundled example) is the oracle's: ``tests/oracle/test_registry_io.py``.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from registries import FIRST_DAY, change, institution, institutions

from gongshang_rules import ArticleRef, InvalidInputError, example_registry, place
from gongshang_rules.kernel.ruling import REASONS, ReasonTemplate
from gongshang_rules.kernel.terms import ServiceKind
from gongshang_rules.rules import institutions as institutions_module
from gongshang_rules.rules.institutions import (
    STATUS_TRANSITIONS,
    Institution,
    InstitutionAvailability,
    InstitutionRegistry,
    InstitutionRuling,
    InstitutionStatus,
    StatusChange,
    UnknownInstitutionError,
)

S = InstitutionStatus
A = InstitutionAvailability
MEDICAL, REHABILITATION, DEVICE = (
    ServiceKind.MEDICAL,
    ServiceKind.REHABILITATION,
    ServiceKind.ASSISTIVE_DEVICE,
)
D = dt.date


#: Added 2025-08-01, suspended 2025-10-01, resumed 2025-11-01, terminated 2025-12-31, added anew 2026-03-01.
LIFE = institution(
    (D(2025, 8, 1), S.ADDED),
    (D(2025, 10, 1), S.SUSPENDED),
    (D(2025, 11, 1), S.ADDED),
    (D(2025, 12, 31), S.TERMINATED),
    (D(2026, 3, 1), S.ADDED),
    services=frozenset({MEDICAL, REHABILITATION}),
)
REGISTRY = InstitutionRegistry(institutions=(LIFE,))


class TestStatusChange:
    """A dated status change: a plain date, an InstitutionStatus member, an optional note."""

    def test_a_change_holds_its_date_status_and_note(self) -> None:
        """The fields are kept as given."""
        c = change(D(2025, 10, 1), S.SUSPENDED, "通知文号示例")
        assert (c.on, c.status, c.note) == (D(2025, 10, 1), S.SUSPENDED, "通知文号示例")

    def test_a_datetime_is_not_a_date(self) -> None:
        """A datetime is rejected, naming the field ``on``."""
        with pytest.raises(InvalidInputError, match=r"^on:"):
            StatusChange(on=dt.datetime(2025, 10, 1), status=S.SUSPENDED)  # noqa: DTZ001

    def test_a_status_name_is_not_a_status(self) -> None:
        """The text "SUSPENDED" is not coerced into the member."""
        with pytest.raises(InvalidInputError, match=r"^status:"):
            StatusChange(on=D(2025, 10, 1), status="SUSPENDED")  # type: ignore[arg-type]

    def test_a_blank_note_is_rejected(self) -> None:
        """A note is either absent or real text."""
        with pytest.raises(InvalidInputError, match=r"^note:"):
            StatusChange(on=D(2025, 10, 1), status=S.ADDED, note="  ")


class TestInstitution:
    """An agreement institution: code, name, place, services and a valid status history."""

    def test_a_county_institution_keeps_its_county_and_its_treatment_place_is_the_city(self) -> None:
        """Article 2 ¶3: the treatment place is the 市州; the stored place stays the county, as given."""
        inst = institution((D(2025, 8, 1), S.ADDED), where="430381")
        assert inst.place == place("430381")
        assert inst.treatment == place("湘潭市")

    def test_an_institution_in_another_province_is_its_own_treatment_place(self) -> None:
        """Outside Hunan a treatment place is the whole province."""
        inst = institution((D(2025, 4, 1), S.ADDED), where="440000")
        assert inst.treatment == place("广东省")

    def test_a_retired_county_code_is_stored_with_its_note_not_silently(self) -> None:
        """宁乡县 resolves to 宁乡市 with a note saying so; the institution keeps that Place."""
        inst = institution((D(2025, 8, 1), S.ADDED), where="430124")
        assert inst.place.note is not None
        assert inst.treatment == place("长沙市")

    def test_the_label_shows_name_and_code(self) -> None:
        """The label is what rulings print."""
        assert LIFE.label == "示例医院（虚构） (EX-0100)"

    def test_the_provincial_level_is_no_institution_place(self) -> None:
        """省本级 is an insured place only."""
        with pytest.raises(InvalidInputError, match=r"^place: 省本级"):
            institution((D(2025, 8, 1), S.ADDED), where="省本级")

    def test_a_place_must_be_a_place_value(self) -> None:
        """A code string is not coerced into a Place."""
        with pytest.raises(InvalidInputError, match=r"^place: must be a Place"):
            Institution(
                code="X",
                name="n",
                place="430100",  # type: ignore[arg-type]
                services=frozenset({MEDICAL}),
                history=(change(D(2025, 8, 1), S.ADDED),),
            )

    @pytest.mark.parametrize(("code", "problem"), [("", "blank"), ("  ", "blank"), (" EX-1", "blank space")])
    def test_a_code_must_be_non_blank_without_surrounding_space(self, code: str, problem: str) -> None:
        """A code with surrounding space would be a second, invisible key: rejected, not trimmed."""
        with pytest.raises(InvalidInputError, match=rf"^code: .*{problem}"):
            institution((D(2025, 8, 1), S.ADDED), code=code)

    def test_a_name_must_not_be_blank(self) -> None:
        """The name field is required text."""
        with pytest.raises(InvalidInputError, match=r"^name:"):
            Institution(
                code="X",
                name="",
                place=place("430100"),
                services=frozenset({MEDICAL}),
                history=(change(D(2025, 8, 1), S.ADDED),),
            )

    def test_services_must_not_be_empty(self) -> None:
        """An institution provides at least one service."""
        with pytest.raises(InvalidInputError, match=r"^services: must name at least one"):
            institution((D(2025, 8, 1), S.ADDED), services=frozenset())

    def test_services_must_be_a_frozenset_of_service_kinds(self) -> None:
        """A set, or a set of names, is rejected."""
        with pytest.raises(InvalidInputError, match=r"^services:"):
            institution((D(2025, 8, 1), S.ADDED), services={MEDICAL})  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match=r"^services:"):
            institution((D(2025, 8, 1), S.ADDED), services=frozenset({"MEDICAL"}))  # type: ignore[arg-type]

    def test_an_empty_history_is_rejected(self) -> None:
        """Every institution in the registry was added once."""
        with pytest.raises(InvalidInputError, match=r"^history: must hold at least one"):
            institution()

    def test_a_history_must_be_a_tuple_of_changes(self) -> None:
        """A list is not coerced; an item of the wrong type is named by index."""
        with pytest.raises(InvalidInputError, match=r"^history: must be a tuple"):
            Institution(
                code="X",
                name="n",
                place=place("430100"),
                services=frozenset({MEDICAL}),
                history=[change(D(2025, 8, 1), S.ADDED)],  # type: ignore[arg-type]
            )
        with pytest.raises(InvalidInputError, match=r"^history\[1\]: must be a StatusChange"):
            Institution(
                code="X",
                name="n",
                place=place("430100"),
                services=frozenset({MEDICAL}),
                history=(change(D(2025, 8, 1), S.ADDED), "2025-10-01"),  # type: ignore[arg-type]
            )

    @pytest.mark.parametrize("first", [S.SUSPENDED, S.TERMINATED, S.CLOSED])
    def test_the_first_change_must_be_an_addition(self, first: InstitutionStatus) -> None:
        """Nothing can be suspended, terminated or closed in the registry before it is added."""
        with pytest.raises(InvalidInputError, match=r"^history\[0\]\.status: the first change must be ADDED"):
            institution((D(2025, 8, 1), first))

    @pytest.mark.parametrize("second", [D(2025, 8, 1), D(2025, 7, 31)])
    def test_dates_must_strictly_increase(self, second: dt.date) -> None:
        """Two changes on one day, or out of order, are rejected naming the second."""
        with pytest.raises(InvalidInputError, match=r"^history\[1\]\.on: .*strictly increase"):
            institution((D(2025, 8, 1), S.ADDED), (second, S.SUSPENDED))

    @pytest.mark.parametrize(
        ("before", "after"),
        [
            (S.ADDED, S.ADDED),
            (S.SUSPENDED, S.SUSPENDED),
            (S.TERMINATED, S.SUSPENDED),
            (S.TERMINATED, S.CLOSED),
            (S.TERMINATED, S.TERMINATED),
            (S.CLOSED, S.SUSPENDED),
            (S.CLOSED, S.TERMINATED),
            (S.CLOSED, S.CLOSED),
        ],
    )
    def test_a_change_that_does_not_follow_is_rejected(
        self, before: InstitutionStatus, after: InstitutionStatus
    ) -> None:
        """A change must change the status; after termination or closure only a new agreement may follow."""
        history = [(D(2025, 8, 1), S.ADDED)]
        if before is not S.ADDED:
            history.append((D(2025, 9, 1), before))
        history.append((D(2025, 10, 1), after))
        with pytest.raises(
            InvalidInputError, match=rf"^history\[{len(history) - 1}\]\.status: {after.name} cannot"
        ):
            institution(*history)

    @pytest.mark.parametrize(
        ("before", "after"),
        [
            (S.ADDED, S.SUSPENDED),
            (S.ADDED, S.TERMINATED),
            (S.ADDED, S.CLOSED),
            (S.SUSPENDED, S.ADDED),
            (S.SUSPENDED, S.TERMINATED),
            (S.SUSPENDED, S.CLOSED),
            (S.TERMINATED, S.ADDED),
            (S.CLOSED, S.ADDED),
        ],
    )
    def test_every_allowed_transition_is_accepted(
        self, before: InstitutionStatus, after: InstitutionStatus
    ) -> None:
        """Resumption, termination after suspension, a new agreement after termination or closure."""
        assert after in STATUS_TRANSITIONS[before]
        history = [(D(2025, 8, 1), S.ADDED)]
        if before is not S.ADDED:
            history.append((D(2025, 9, 1), before))
        history.append((D(2025, 10, 1), after))
        assert institution(*history).history[-1].status is after


class TestStatusOn:
    """The status in force on a day: the latest change dated on or before it (a change takes effect that day)."""

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            (D(2025, 7, 31), None),  # the day before the first addition
            (D(2025, 8, 1), S.ADDED),  # the day of the addition
            (D(2025, 9, 30), S.ADDED),  # the day before the suspension (a month end)
            (D(2025, 10, 1), S.SUSPENDED),  # the day of the suspension
            (D(2025, 10, 2), S.SUSPENDED),  # the day after the suspension
            (D(2025, 10, 31), S.SUSPENDED),  # the last day before resumption, a 31st
            (D(2025, 11, 1), S.ADDED),  # resumed
            (D(2025, 12, 30), S.ADDED),  # the day before the termination
            (D(2025, 12, 31), S.TERMINATED),  # terminated on a month and year end
            (D(2026, 1, 1), S.TERMINATED),
            (D(2026, 2, 28), S.TERMINATED),  # the last day of February 2026
            (D(2026, 3, 1), S.ADDED),  # a new agreement
            (D(2028, 2, 29), S.ADDED),  # a leap day long after
        ],
    )
    def test_the_status_on_each_boundary_day(self, on: dt.date, expected: InstitutionStatus | None) -> None:
        """Institution.status_on and InstitutionRegistry.status_on agree on each boundary day."""
        assert LIFE.status_on(on) is expected
        assert REGISTRY.status_on("EX-0100", on) is expected

    def test_the_change_in_force_carries_its_date(self) -> None:
        """change_on gives the change itself, so callers see since when."""
        found = LIFE.change_on(D(2025, 10, 15))
        assert found is not None
        assert found.on == D(2025, 10, 1)

    def test_a_datetime_day_is_rejected(self) -> None:
        """The day asked about is a plain date."""
        with pytest.raises(InvalidInputError, match=r"^on:"):
            LIFE.status_on(dt.datetime(2025, 10, 1))  # noqa: DTZ001


class TestRegistry:
    """The registry of article 14 ¶1: institutions by unique code."""

    def test_duplicate_codes_are_rejected_naming_both(self) -> None:
        """The second institution with a code is named, with the first."""
        with pytest.raises(
            InvalidInputError, match=r"^institutions\[1\]\.code: duplicate code 'EX-0100'.*\[0\]"
        ):
            InstitutionRegistry(institutions=(LIFE, LIFE))

    def test_institutions_must_be_a_tuple_of_institutions(self) -> None:
        """A list, or a stray item, is rejected."""
        with pytest.raises(InvalidInputError, match=r"^institutions:"):
            InstitutionRegistry(institutions=[LIFE])  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match=r"^institutions\[0\]:"):
            InstitutionRegistry(institutions=("EX-0100",))  # type: ignore[arg-type]

    def test_get_finds_by_code(self) -> None:
        """get returns the institution; by_code, len, iter and in agree."""
        assert REGISTRY.get("EX-0100") is LIFE
        assert REGISTRY.by_code == {"EX-0100": LIFE}
        assert len(REGISTRY) == 1
        assert list(REGISTRY) == [LIFE]
        assert "EX-0100" in REGISTRY
        assert "EX-0101" not in REGISTRY
        assert ["EX-0100"] not in REGISTRY  # an unhashable probe is simply absent, not a TypeError

    def test_an_unknown_code_raises_our_error_not_key_error(self) -> None:
        """UnknownInstitutionError is an InvalidInputError (so a ValueError), naming the code."""
        with pytest.raises(UnknownInstitutionError, match=r"^code: no institution 'EX-0101'") as caught:
            REGISTRY.get("EX-0101")
        assert isinstance(caught.value, InvalidInputError)
        assert isinstance(caught.value, ValueError)
        assert not isinstance(caught.value, KeyError)

    def test_an_unknown_code_in_a_large_registry_lists_a_few_known_codes(self) -> None:
        """The message stays short: five codes and an ellipsis."""
        many = InstitutionRegistry(
            institutions=tuple(institution((D(2025, 8, 1), S.ADDED), code=f"EX-{n:04d}") for n in range(7))
        )
        with pytest.raises(UnknownInstitutionError, match=r"7 known: EX-0000, .*EX-0004, \.\.\.\)"):
            many.get("nope")

    def test_an_empty_registry_knows_nothing(self) -> None:
        """An empty registry is valid; every lookup fails clearly."""
        empty = InstitutionRegistry(institutions=())
        with pytest.raises(UnknownInstitutionError, match=r"0 known: none"):
            empty.get("EX-0001")

    def test_a_code_must_be_text(self) -> None:
        """A number is not a code."""
        with pytest.raises(InvalidInputError, match=r"^code: must be an institution code"):
            REGISTRY.get(100)  # type: ignore[arg-type]

    def test_status_on_for_an_unknown_code_raises(self) -> None:
        """status_on goes through get."""
        with pytest.raises(UnknownInstitutionError):
            REGISTRY.status_on("EX-0101", D(2025, 10, 1))


class TestCanSettleDirectly:
    """The ruling of article 14: listed on the day, and providing the service; every failure listed."""

    def test_a_listed_institution_providing_the_service_is_available(self) -> None:
        """AVAILABLE, citing article 14 ¶1 and ¶2 and article 5, with nothing failing and no interpretation."""
        ruling = REGISTRY.can_settle_directly("EX-0100", D(2025, 9, 17), MEDICAL)
        assert isinstance(ruling, InstitutionRuling)
        assert ruling.outcome is A.AVAILABLE
        assert ruling.codes == {"INSTITUTION_LISTED", "INSTITUTION_SERVICE_PROVIDED"}
        assert ruling.failing == ()
        assert ruling.articles == (ArticleRef(5), ArticleRef(14, paragraph=1), ArticleRef(14, paragraph=2))
        assert not ruling.rests_on_interpretation
        assert ruling.change == LIFE.history[0]

    def test_before_the_first_addition_the_institution_is_not_yet_listed(self) -> None:
        """The day before the addition: NOT_YET_LISTED, naming the day it is added."""
        ruling = REGISTRY.can_settle_directly("EX-0100", D(2025, 7, 31), MEDICAL)
        assert ruling.outcome is A.NOT_YET_LISTED
        assert ruling.failing == ("INSTITUTION_NOT_YET_LISTED",)
        assert "2025-08-01" in ruling.reason("INSTITUTION_NOT_YET_LISTED").message_en
        assert ruling.change is None

    def test_on_the_day_of_the_addition_the_institution_is_available_by_our_reading(self) -> None:
        """The addition takes effect on its date; the ruling flags that reading."""
        ruling = REGISTRY.can_settle_directly("EX-0100", D(2025, 8, 1), MEDICAL)
        assert ruling.outcome is A.AVAILABLE
        assert "INSTITUTION_CHANGE_EFFECTIVE_ON_ITS_DATE" in ruling.codes
        assert ruling.rests_on_interpretation
        assert ruling.failing == ()

    def test_the_day_before_a_suspension_is_still_available(self) -> None:
        """2025-09-30, the eve of a suspension dated 2025-10-01: available, no interpretation needed."""
        ruling = REGISTRY.can_settle_directly("EX-0100", D(2025, 9, 30), MEDICAL)
        assert ruling.outcome is A.AVAILABLE
        assert not ruling.rests_on_interpretation

    def test_on_the_day_of_a_suspension_there_is_no_direct_settlement(self) -> None:
        """A suspension dated 2025-10-01 bars direct settlement on 2025-10-01 [interpretation]."""
        ruling = REGISTRY.can_settle_directly("EX-0100", D(2025, 10, 1), MEDICAL)
        assert ruling.outcome is A.SUSPENDED
        assert ruling.failing == ("INSTITUTION_SUSPENDED",)
        assert ruling.rests_on_interpretation
        assert ArticleRef(14, paragraph=2) in ruling.articles

    def test_the_day_after_a_suspension_is_suspended_on_the_letter(self) -> None:
        """2025-10-02: suspended, and nothing turns on the day of effect."""
        ruling = REGISTRY.can_settle_directly("EX-0100", D(2025, 10, 2), MEDICAL)
        assert ruling.outcome is A.SUSPENDED
        assert not ruling.rests_on_interpretation

    def test_a_resumed_agreement_is_available_again(self) -> None:
        """ADDED after a suspension resumes direct settlement."""
        ruling = REGISTRY.can_settle_directly("EX-0100", D(2025, 11, 2), REHABILITATION)
        assert ruling.outcome is A.AVAILABLE
        assert "2025-11-01" in ruling.reason("INSTITUTION_LISTED").message_en

    @pytest.mark.parametrize(
        ("on", "expected"),
        [(D(2025, 12, 30), A.AVAILABLE), (D(2025, 12, 31), A.TERMINATED), (D(2026, 1, 1), A.TERMINATED)],
    )
    def test_a_termination_on_a_month_end(self, on: dt.date, expected: InstitutionAvailability) -> None:
        """Terminated 2025-12-31: available the day before, terminated that day and after."""
        assert REGISTRY.can_settle_directly("EX-0100", on, MEDICAL).outcome is expected

    def test_a_closed_institution_cannot_settle(self) -> None:
        """停业或歇业 (article 14 ¶2): CLOSED."""
        closed = institution((D(2025, 4, 1), S.ADDED), (D(2026, 1, 31), S.CLOSED), where="440000")
        registry = InstitutionRegistry(institutions=(closed,))
        ruling = registry.can_settle_directly("EX-0100", D(2026, 2, 1), MEDICAL)
        assert ruling.outcome is A.CLOSED
        assert ruling.failing == ("INSTITUTION_CLOSED",)

    def test_a_service_the_institution_does_not_provide_cannot_be_settled(self) -> None:
        """SERVICE_NOT_PROVIDED, naming what it does provide."""
        ruling = REGISTRY.can_settle_directly("EX-0100", D(2025, 9, 17), DEVICE)
        assert ruling.outcome is A.SERVICE_NOT_PROVIDED
        assert ruling.failing == ("INSTITUTION_SERVICE_NOT_PROVIDED",)
        message = ruling.reason("INSTITUTION_SERVICE_NOT_PROVIDED").message_en
        assert "medical care" in message
        assert "rehabilitation" in message

    def test_every_failing_condition_is_listed(self) -> None:
        """Suspended and not providing the service: the outcome is the status, and both are listed."""
        ruling = REGISTRY.can_settle_directly("EX-0100", D(2025, 10, 15), DEVICE)
        assert ruling.outcome is A.SUSPENDED
        assert ruling.failing == ("INSTITUTION_SUSPENDED", "INSTITUTION_SERVICE_NOT_PROVIDED")

    def test_not_yet_listed_and_wrong_service_are_both_listed(self) -> None:
        """Before the addition, with a service not provided: both conditions fail."""
        ruling = REGISTRY.can_settle_directly("EX-0100", D(2025, 1, 1), DEVICE)
        assert ruling.outcome is A.NOT_YET_LISTED
        assert ruling.failing == ("INSTITUTION_NOT_YET_LISTED", "INSTITUTION_SERVICE_NOT_PROVIDED")

    def test_bad_arguments_are_rejected(self) -> None:
        """An unknown code, a datetime and a service name are errors naming the argument."""
        with pytest.raises(UnknownInstitutionError):
            REGISTRY.can_settle_directly("EX-0101", D(2025, 9, 17), MEDICAL)
        with pytest.raises(InvalidInputError, match=r"^on:"):
            REGISTRY.can_settle_directly("EX-0100", dt.datetime(2025, 9, 17), MEDICAL)  # noqa: DTZ001
        with pytest.raises(InvalidInputError, match=r"^service:"):
            REGISTRY.can_settle_directly("EX-0100", D(2025, 9, 17), "MEDICAL")  # type: ignore[arg-type]

    def test_the_ruling_explains_itself(self) -> None:
        """str() shows the institution, the day, the service, the status and every reason; HTML renders too."""
        text = str(REGISTRY.can_settle_directly("EX-0100", D(2025, 10, 1), MEDICAL))
        assert "InstitutionRuling: SUSPENDED" in text
        assert "EX-0100" in text
        assert "SUSPENDED since 2025-10-01" in text
        assert "[interpretation]" in text
        before = str(REGISTRY.can_settle_directly("EX-0100", D(2025, 7, 1), MEDICAL))
        assert "not yet listed" in before
        assert "<table>" in REGISTRY.can_settle_directly("EX-0100", D(2025, 9, 1), MEDICAL)._repr_html_()

    def test_the_reason_codes_are_registered_and_prefixed(self) -> None:
        """Every code this module gives is in REASONS and starts with INSTITUTION_."""
        ours = [t.code for t in vars(institutions_module).values() if isinstance(t, ReasonTemplate)]
        assert len(ours) == 8
        assert all(
            code.startswith("INSTITUTION_") and REASONS[code] is getattr(institutions_module, code)
            for code in ours
        )
        assert all(REASONS[code].articles for code in ours)
        assert [c for c in ours if REASONS[c].interpretation] == ["INSTITUTION_CHANGE_EFFECTIVE_ON_ITS_DATE"]


# --- properties ---------------------------------------------------------------------------------------------

days = st.dates(min_value=D(2024, 6, 1), max_value=D(2028, 12, 31))


class TestProperties:
    """Invariants over any valid history, any day and any service."""

    @given(inst=institutions(), on=days, service=st.sampled_from(list(ServiceKind)))
    def test_available_iff_the_latest_change_is_an_addition_and_the_service_is_provided(
        self, inst: Institution, on: dt.date, service: ServiceKind
    ) -> None:
        """AVAILABLE exactly when the latest change on or before the day is ADDED and the service is provided."""
        registry = InstitutionRegistry(institutions=(inst,))
        ruling = registry.can_settle_directly(inst.code, on, service)
        latest = [c for c in inst.history if c.on <= on]
        expected = bool(latest) and latest[-1].status is S.ADDED and service in inst.services
        assert (ruling.outcome is A.AVAILABLE) == expected
        assert (ruling.failing == ()) == expected
        assert set(ruling.failing) <= ruling.codes

    @given(inst=institutions(), on=days, service=st.sampled_from(list(ServiceKind)))
    def test_the_outcome_follows_the_status_first_then_the_service(
        self, inst: Institution, on: dt.date, service: ServiceKind
    ) -> None:
        """The outcome names the status when it bars settlement, else the service when that does."""
        ruling = InstitutionRegistry(institutions=(inst,)).can_settle_directly(inst.code, on, service)
        status = inst.status_on(on)
        by_status = {
            None: A.NOT_YET_LISTED,
            S.SUSPENDED: A.SUSPENDED,
            S.TERMINATED: A.TERMINATED,
            S.CLOSED: A.CLOSED,
        }
        if status in by_status:
            assert ruling.outcome is by_status[status]
        elif service not in inst.services:
            assert ruling.outcome is A.SERVICE_NOT_PROVIDED
        assert ("INSTITUTION_SERVICE_NOT_PROVIDED" in ruling.failing) == (service not in inst.services)

    @given(inst=institutions(), on=days)
    def test_the_day_of_effect_reading_is_flagged_exactly_on_change_days(
        self, inst: Institution, on: dt.date
    ) -> None:
        """The interpretation reason appears iff the day is the date of a change."""
        ruling = InstitutionRegistry(institutions=(inst,)).can_settle_directly(
            inst.code, on, next(iter(inst.services))
        )
        assert ruling.rests_on_interpretation == any(c.on == on for c in inst.history)

    @given(
        steps=st.lists(
            st.tuples(st.integers(-3, 40), st.sampled_from(list(InstitutionStatus))), min_size=0, max_size=6
        )
    )
    def test_a_history_is_accepted_iff_it_follows_the_rules(
        self, steps: list[tuple[int, InstitutionStatus]]
    ) -> None:
        """Any sequence of changes: accepted exactly when ADDED first, dates increase, transitions allowed."""
        day, history = FIRST_DAY, []
        for offset, status in steps:
            day += dt.timedelta(days=offset)
            history.append(StatusChange(on=day, status=status))
        valid = (
            bool(history)
            and history[0].status is S.ADDED
            and all(b.on > a.on for a, b in itertools.pairwise(history))
            and all(b.status in STATUS_TRANSITIONS[a.status] for a, b in itertools.pairwise(history))
        )
        try:
            Institution(
                code="X",
                name="n",
                place=place("430100"),
                services=frozenset({MEDICAL}),
                history=tuple(history),
            )
        except InvalidInputError as error:
            assert not valid
            assert error.field.startswith("history")
        else:
            assert valid


class TestAnswersKept:
    """Issue 13: the registry is immutable, so can_settle_directly keeps its answers (art. 14 ¶1, ¶2); the checks
    of its arguments still run, and the kept answers are bounded."""

    def test_the_same_question_gets_the_same_ruling(self) -> None:
        registry = example_registry()
        on = dt.date(2025, 10, 1)  # EX-0002 is suspended from that day
        first = registry.can_settle_directly("EX-0002", on, ServiceKind.MEDICAL)
        assert registry.can_settle_directly("EX-0002", on, ServiceKind.MEDICAL) is first
        assert first.outcome is InstitutionAvailability.SUSPENDED
        day_before = registry.can_settle_directly("EX-0002", on - dt.timedelta(days=1), ServiceKind.MEDICAL)
        assert day_before.outcome is InstitutionAvailability.AVAILABLE

    @pytest.mark.parametrize(
        ("code", "on", "service", "field"),
        [
            (2, dt.date(2025, 10, 1), ServiceKind.MEDICAL, "code"),
            ("EX-0002", dt.datetime(2025, 10, 1, tzinfo=dt.UTC), ServiceKind.MEDICAL, "on"),
            ("EX-0002", "2025-10-01", ServiceKind.MEDICAL, "on"),
            ("EX-0002", dt.date(2025, 10, 1), "MEDICAL", "service"),
        ],
    )
    def test_bad_arguments_are_still_refused_after_an_answer_is_kept(
        self, code: object, on: object, service: object, field: str
    ) -> None:
        registry = example_registry()
        registry.can_settle_directly("EX-0002", dt.date(2025, 10, 1), ServiceKind.MEDICAL)
        with pytest.raises(InvalidInputError) as caught:
            registry.can_settle_directly(code, on, service)  # type: ignore[arg-type]
        assert caught.value.field == field

    def test_an_unknown_code_is_refused_every_time(self) -> None:
        registry = example_registry()
        for _ in range(2):
            with pytest.raises(UnknownInstitutionError):
                registry.can_settle_directly("EX-9999", dt.date(2025, 10, 1), ServiceKind.MEDICAL)

    def test_the_kept_answers_are_bounded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(institutions_module, "PURE_CACHE_SIZE", 10)
        registry = InstitutionRegistry(institutions=example_registry().institutions)  # not the shared example
        days = [dt.date(2025, 8, 1) + dt.timedelta(days=n) for n in range(30)]
        answers = [registry.can_settle_directly("EX-0001", d, ServiceKind.MEDICAL) for d in days]
        assert len(registry._rulings) == 10
        assert [registry.can_settle_directly("EX-0001", d, ServiceKind.MEDICAL) for d in days] == answers

    def test_a_registry_pickles_and_copies(self) -> None:
        """It could not before (its index is a read-only mapping): a worker process or a deep copy needs it."""
        registry = example_registry()
        registry.can_settle_directly("EX-0002", dt.date(2025, 10, 1), ServiceKind.MEDICAL)
        for copied in (pickle.loads(pickle.dumps(registry)), copy.deepcopy(registry), copy.copy(registry)):
            assert copied == registry and copied.by_code.keys() == registry.by_code.keys()
            again = copied.can_settle_directly("EX-0002", dt.date(2025, 10, 1), ServiceKind.MEDICAL)
            assert again == registry.can_settle_directly("EX-0002", dt.date(2025, 10, 1), ServiceKind.MEDICAL)
