"""The registry of direct-settlement institutions (article 14): institutions, status histories, loading, rulings.

Article 14 ¶1 keeps the registry; ¶2 records additions, suspensions and terminations of agreements, and closures.
A change takes effect on its own date (our documented reading): the boundary tests below pin that down.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import ArticleRef, InvalidInputError, OutsideSystemError, UnknownPlaceError, place
from gongshang_rules.kernel.places import PlaceKind, all_places
from gongshang_rules.kernel.ruling import REASONS, ReasonTemplate
from gongshang_rules.kernel.terms import ServiceKind
from gongshang_rules.rules import institutions as institutions_module
from gongshang_rules.rules.institutions import (
    CSV_COLUMNS,
    STATUS_TRANSITIONS,
    Institution,
    InstitutionAvailability,
    InstitutionRegistry,
    InstitutionRuling,
    InstitutionStatus,
    StatusChange,
    UnknownInstitutionError,
    example_registry,
)

S = InstitutionStatus
A = InstitutionAvailability
MEDICAL, REHABILITATION, DEVICE = (
    ServiceKind.MEDICAL,
    ServiceKind.REHABILITATION,
    ServiceKind.ASSISTIVE_DEVICE,
)
D = dt.date


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

HEADER = "record,code,name,place,services,on,status\n"
GOOD_CSV = (
    HEADER
    + "institution,EX-0100,示例医院（虚构）,430100,MEDICAL;REHABILITATION,,\n"
    + "status,EX-0100,,,,2025-08-01,ADDED\n"
    + "status,EX-0100,,,,2025-10-01,SUSPENDED\n"
)


def good_json_object() -> dict[str, object]:
    return {
        "code": "EX-0100",
        "name": "示例医院（虚构）",
        "place": "430100",
        "services": ["MEDICAL", "REHABILITATION"],
        "history": [{"on": "2025-08-01", "status": "ADDED"}, {"on": "2025-10-01", "status": "SUSPENDED"}],
    }


def json_error(document: object) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as caught:
        InstitutionRegistry.from_json(json.dumps(document, ensure_ascii=False))
    return caught.value


def csv_error(text: str) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as caught:
        InstitutionRegistry.from_csv(text)
    return caught.value


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


class TestFromCsv:
    """The CSV format: institution rows and status rows; every error names its line and column."""

    def test_a_good_file_builds_the_registry(self) -> None:
        """Two status rows become the history, in file order."""
        registry = InstitutionRegistry.from_csv(GOOD_CSV)
        inst = registry.get("EX-0100")
        assert inst.place == place("长沙市")
        assert inst.services == frozenset({MEDICAL, REHABILITATION})
        assert inst.history == (change(D(2025, 8, 1), S.ADDED), change(D(2025, 10, 1), S.SUSPENDED))
        assert registry.about is None

    def test_columns_may_come_in_any_order_with_notes_and_crlf(self) -> None:
        """Column order is free; a note column is optional; Windows line ends and spaces after ; are fine."""
        text = (
            "code,record,note,status,on,services,place,name\r\n"
            "EX-0100,institution,真实机构？否,,,MEDICAL; ASSISTIVE_DEVICE,浏阳市,示例\r\n"
            "EX-0100,status,日期为假设,ADDED,2025-08-01,,,\r\n"
        )
        inst = InstitutionRegistry.from_csv(text).get("EX-0100")
        assert inst.note == "真实机构？否"
        assert inst.history[0].note == "日期为假设"
        assert inst.services == frozenset({MEDICAL, DEVICE})
        assert inst.place == place("430181")

    def test_a_leading_byte_order_mark_is_skipped(self) -> None:
        """Spreadsheets often write a BOM; it is not part of the first column's name."""
        assert "EX-0100" in InstitutionRegistry.from_csv("\ufeff" + GOOD_CSV)

    def test_status_rows_may_precede_their_institution_row(self) -> None:
        """Rows are matched by code, not by position."""
        lines = GOOD_CSV.splitlines(keepends=True)
        text = lines[0] + lines[2] + lines[3] + lines[1]
        assert len(InstitutionRegistry.from_csv(text).get("EX-0100").history) == 2

    def test_a_header_only_file_is_an_empty_registry(self) -> None:
        """No rows, no institutions."""
        assert len(InstitutionRegistry.from_csv(HEADER)) == 0

    def test_blank_lines_are_skipped_but_counted(self) -> None:
        """A blank line is no row, and later errors still name the physical line."""
        text = HEADER + "\n" + "status,EX-0100,,,,2025-02-30,ADDED\n"
        assert csv_error(text).field == "line 3.on"

    def test_text_must_be_a_string(self) -> None:
        """Bytes are not decoded for the caller."""
        with pytest.raises(InvalidInputError, match=r"^text:"):
            InstitutionRegistry.from_csv(GOOD_CSV.encode())  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("text", "field", "problem"),
        [
            ("", "line 1", "no header"),
            ("record,code,name,place,services,on\n", "line 1", "lacks the column(s) status"),
            (HEADER.replace("\n", ",colour\n"), "line 1", "unknown column(s) 'colour'"),
            (HEADER.replace("\n", ",code\n"), "line 1", "named twice: code"),
            (HEADER + "institution,EX-0100,n,430100,MEDICAL\n", "line 2", "has 5 fields"),
            (HEADER + "clinic,EX-0100,n,430100,MEDICAL,,\n", "line 2.record", "'institution' or 'status'"),
            (HEADER + "institution,EX-0100,n,430100,MEDICAL,2025-08-01,\n", "line 2.on", "must be empty"),
            (HEADER + "institution,EX-0100,n,430100,MEDICAL,,ADDED\n", "line 2.status", "must be empty"),
            (HEADER + "status,EX-0100,n,,,2025-08-01,ADDED\n", "line 2.name", "must be empty"),
            (HEADER + "status,EX-0100,,430100,,2025-08-01,ADDED\n", "line 2.place", "must be empty"),
            (HEADER + "status,EX-0100,,,MEDICAL,2025-08-01,ADDED\n", "line 2.services", "must be empty"),
            (HEADER + "status,,,,,2025-08-01,ADDED\n", "line 2.code", "blank"),
            (HEADER + "status,EX-0100,,,,2025/08/01,ADDED\n", "line 2.on", "YYYY-MM-DD"),
            (HEADER + "status,EX-0100,,,,20250801,ADDED\n", "line 2.on", "YYYY-MM-DD"),
            (HEADER + "status,EX-0100,,,,2025-8-1,ADDED\n", "line 2.on", "YYYY-MM-DD"),
            (HEADER + "status,EX-0100,,,,2025-02-29,ADDED\n", "line 2.on", "not a calendar date"),
            (HEADER + "status,EX-0100,,,,,ADDED\n", "line 2.on", "YYYY-MM-DD"),
            (HEADER + "status,EX-0100,,,,2025-08-01,added\n", "line 2.status", "InstitutionStatus name"),
            (HEADER + "status,EX-0100,,,,2025-08-01,新增\n", "line 2.status", "InstitutionStatus name"),
            (HEADER + "status,EX-0100,,,,2025-08-01,ADDED\n", "line 2.code", "no institution row"),
            ('record,code,name,place,services,on,status\ninstitution,"EX,1\n', "line 2", "not valid CSV"),
        ],
    )
    def test_a_bad_file_names_the_line_and_column(self, text: str, field: str, problem: str) -> None:
        """Each bad input raises InvalidInputError naming where it is and what is wrong."""
        error = csv_error(text)
        assert error.field == field
        assert problem in error.problem

    @pytest.mark.parametrize(
        ("row", "field", "problem"),
        [
            ("institution,EX-0100,n,430100,MEDICAL;SURGERY,,", "line 2.services", "ServiceKind name"),
            ("institution,EX-0100,n,430100,MEDICAL;,,", "line 2.services", "ServiceKind name"),
            ("institution,EX-0100,n,430100,MEDICAL;MEDICAL,,", "line 2.services", "listed twice"),
            ("institution,EX-0100,n,430100,,,", "line 2.services", "at least one"),
            ("institution,EX-0100,n,,MEDICAL,,", "line 2.place", "blank"),
            ("institution,EX-0100,n,999999,MEDICAL,,", "line 2.place", "no Hunan division"),
            ("institution,EX-0100,n,省本级,MEDICAL,,", "line 2.place", "省本级"),
            ("institution,EX-0100,,430100,MEDICAL,,", "line 2.name", "blank"),
        ],
    )
    def test_a_bad_institution_row_names_its_line(self, row: str, field: str, problem: str) -> None:
        """Errors found by Institution's own validators are renamed to the row's line."""
        error = csv_error(f"{HEADER}{row}\nstatus,EX-0100,,,,2025-08-01,ADDED\n")
        assert error.field == field
        assert problem in error.problem

    def test_a_code_with_surrounding_space_is_rejected_not_trimmed(self) -> None:
        """ " EX-0100" on both rows: the institution row's code is named; nothing is trimmed silently."""
        error = csv_error(
            HEADER + "institution, EX-0100,n,430100,MEDICAL,,\nstatus, EX-0100,,,,2025-08-01,ADDED\n"
        )
        assert error.field == "line 2.code"
        assert "blank space" in error.problem

    def test_a_status_row_whose_code_differs_by_a_space_matches_no_institution(self) -> None:
        """The status row is named: its code matches no institution row."""
        error = csv_error(
            HEADER + "institution,EX-0100,n,430100,MEDICAL,,\nstatus,EX-0100 ,,,,2025-08-01,ADDED\n"
        )
        assert error.field == "line 3.code"
        assert "no institution row" in error.problem

    def test_an_unknown_place_keeps_its_error_class(self) -> None:
        """Hong Kong is outside the system: OutsideSystemError, renamed to the line."""
        with pytest.raises(OutsideSystemError, match=r"^line 2\.place:"):
            InstitutionRegistry.from_csv(
                HEADER + "institution,EX-0100,n,香港,MEDICAL,,\nstatus,EX-0100,,,,2025-08-01,ADDED\n"
            )
        with pytest.raises(UnknownPlaceError, match=r"^line 2\.place:.*below province level"):
            InstitutionRegistry.from_csv(
                HEADER + "institution,EX-0100,n,440100,MEDICAL,,\nstatus,EX-0100,,,,2025-08-01,ADDED\n"
            )

    def test_an_institution_without_status_rows_is_rejected(self) -> None:
        """Its history would be empty: the institution row is named."""
        error = csv_error(HEADER + "institution,EX-0100,n,430100,MEDICAL,,\n")
        assert error.field == "line 2.code"
        assert "no status rows" in error.problem

    def test_a_duplicate_institution_row_names_both_lines(self) -> None:
        """The second row is named, with the first."""
        error = csv_error(GOOD_CSV + "institution,EX-0100,n,430200,MEDICAL,,\n")
        assert error.field == "line 5.code"
        assert "first on line 2" in error.problem

    def test_a_history_out_of_order_names_the_status_line(self) -> None:
        """A status row dated before the previous one is named by its own line."""
        text = GOOD_CSV + "status,EX-0100,,,,2025-09-01,ADDED\n"
        error = csv_error(text)
        assert error.field == "line 5.on"
        assert "strictly increase" in error.problem

    def test_a_forbidden_transition_names_the_status_line(self) -> None:
        """SUSPENDED after TERMINATED, on line 6."""
        text = GOOD_CSV + "status,EX-0100,,,,2025-11-01,TERMINATED\nstatus,EX-0100,,,,2025-12-01,SUSPENDED\n"
        error = csv_error(text)
        assert error.field == "line 6.status"
        assert "SUSPENDED cannot follow TERMINATED" in error.problem

    def test_a_history_not_starting_with_an_addition_names_its_first_status_line(self) -> None:
        """The first status row of the institution is named."""
        text = HEADER + "institution,EX-0100,n,430100,MEDICAL,,\nstatus,EX-0100,,,,2025-08-01,SUSPENDED\n"
        assert csv_error(text).field == "line 3.status"

    def test_a_blank_note_names_its_line(self) -> None:
        """A note of spaces is neither absent nor text."""
        text = (
            "record,code,name,place,services,on,status,note\n"
            "institution,EX-0100,n,430100,MEDICAL,,,\n"
            "status,EX-0100,,,,2025-08-01,ADDED,  \n"
        )
        assert csv_error(text).field == "line 3.note"
        text = (
            "record,code,name,place,services,on,status,note\n"
            "institution,EX-0100,n,430100,MEDICAL,,, \n"
            "status,EX-0100,,,,2025-08-01,ADDED,\n"
        )
        assert csv_error(text).field == "line 2.note"

    def test_a_quoted_field_over_two_lines_is_counted_by_physical_line(self) -> None:
        """A name with a line break: the error on the following row names its physical line."""
        text = (
            HEADER
            + 'institution,EX-0100,"示例\n医院",430100,MEDICAL,,\n'
            + "status,EX-0100,,,,2025-08-01,ADDED\n"
            + "status,EX-0100,,,,2025-08-01,SUSPENDED\n"
        )
        assert csv_error(text).field == "line 5.on"


class TestFromJson:
    """The JSON format: a list of institutions, or an object with ``about`` and ``institutions``."""

    def test_a_list_of_institutions_builds_the_registry(self) -> None:
        """The bare-list form."""
        registry = InstitutionRegistry.from_json(json.dumps([good_json_object()]))
        assert registry.get("EX-0100").history[-1].status is S.SUSPENDED
        assert registry.about is None

    def test_an_object_form_keeps_about(self) -> None:
        """The object form carries a description of the registry."""
        registry = InstitutionRegistry.from_json(
            json.dumps({"about": "示例", "institutions": [good_json_object()]})
        )
        assert registry.about == "示例"
        assert len(registry) == 1

    def test_notes_are_kept(self) -> None:
        """Notes on the institution and on a change."""
        obj = good_json_object()
        obj["note"] = "虚构"
        obj["history"] = [{"on": "2025-08-01", "status": "ADDED", "note": "假设日期"}]
        inst = InstitutionRegistry.from_json(json.dumps([obj])).get("EX-0100")
        assert (inst.note, inst.history[0].note) == ("虚构", "假设日期")

    def test_csv_and_json_of_the_same_registry_are_equal(self) -> None:
        """Both formats describe the same values."""
        assert InstitutionRegistry.from_csv(GOOD_CSV) == InstitutionRegistry.from_json(
            json.dumps([good_json_object()])
        )

    def test_text_must_be_a_string(self) -> None:
        """A Python list is not JSON text."""
        with pytest.raises(InvalidInputError, match=r"^text:"):
            InstitutionRegistry.from_json([good_json_object()])  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("", "not valid JSON"),
            ("[{]", "not valid JSON"),
            ('{"institutions": [], "institutions": []}', "appears twice"),
            ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ],
    )
    def test_text_that_is_not_json_is_rejected(self, text: str, problem: str) -> None:
        """Syntax errors, duplicate keys and absurd nesting are all InvalidInputError on ``text``."""
        with pytest.raises(InvalidInputError) as caught:
            InstitutionRegistry.from_json(text)
        assert caught.value.field == "text"
        assert problem in caught.value.problem

    def test_a_syntax_error_names_line_and_column(self) -> None:
        """json's position is kept in the message."""
        with pytest.raises(InvalidInputError, match=r"line 2, column 1"):
            InstitutionRegistry.from_json("[\n}")

    @staticmethod
    def _with(**changes: object) -> dict[str, object]:
        obj = good_json_object()
        for key, value in changes.items():
            if value is None:
                del obj[key]
            else:
                obj[key] = value
        return obj

    @pytest.mark.parametrize(
        ("document", "field", "problem"),
        [
            ("registry", "$", "list of institutions"),
            (3, "$", "got a number"),
            ({}, "$", "lacks the key(s) institutions"),
            ({"institutions": [], "version": 1}, "$.version", "unknown key"),
            ({"institutions": {}}, "$.institutions", "must be a JSON list, got an object"),
            ({"institutions": [], "about": 1}, "$.about", "text"),
            ({"institutions": [], "about": ""}, "$.about", "blank"),
            ({"institutions": ["EX-0100"]}, "$.institutions[0]", "must be a JSON object, got a string"),
            ([None], "$[0]", "got null"),
            ([{"code": "EX-0100"}], "$[0]", "lacks the key(s) history, name, place, services"),
        ],
    )
    def test_a_bad_document_names_its_json_path(self, document: object, field: str, problem: str) -> None:
        """Top-level shape errors name ``$`` paths."""
        error = json_error(document)
        assert error.field == field
        assert problem in error.problem

    @pytest.mark.parametrize(
        ("changes", "field", "problem"),
        [
            ({"colour": "red"}, "$[0].colour", "unknown key"),
            ({"code": 100}, "$[0].code", "text (str), got int"),
            ({"code": "EX-0100 "}, "$[0].code", "blank space"),
            ({"name": ""}, "$[0].name", "blank"),
            ({"note": 5}, "$[0].note", "text"),
            ({"place": 430100}, "$[0].place", "place code or name (str), got int"),
            ({"place": "台湾"}, "$[0].place", "outside the mainland"),
            ({"place": "省本级"}, "$[0].place", "省本级"),
            ({"services": "MEDICAL"}, "$[0].services", "must be a JSON list, got a string"),
            ({"services": []}, "$[0].services", "at least one"),
            ({"services": ["MEDICAL", 1]}, "$[0].services[1]", "ServiceKind name"),
            ({"services": ["MEDICAL", "medical"]}, "$[0].services[1]", "ServiceKind name"),
            ({"services": ["MEDICAL", "MEDICAL"]}, "$[0].services[1]", "listed twice"),
            ({"history": {}}, "$[0].history", "must be a JSON list"),
            ({"history": []}, "$[0].history", "at least one"),
            ({"history": ["2025-08-01"]}, "$[0].history[0]", "must be a JSON object"),
            ({"history": [{"on": "2025-08-01"}]}, "$[0].history[0]", "lacks the key(s) status"),
            (
                {"history": [{"on": "2025-08-01", "status": "ADDED", "by": "x"}]},
                "$[0].history[0].by",
                "unknown",
            ),
            ({"history": [{"on": 20250801, "status": "ADDED"}]}, "$[0].history[0].on", "got int"),
            ({"history": [{"on": True, "status": "ADDED"}]}, "$[0].history[0].on", "got bool"),
            (
                {"history": [{"on": "2025-08-01T00:00", "status": "ADDED"}]},
                "$[0].history[0].on",
                "YYYY-MM-DD",
            ),
            (
                {"history": [{"on": "2025-09-31", "status": "ADDED"}]},
                "$[0].history[0].on",
                "not a calendar date",
            ),
            (
                {"history": [{"on": "2025-08-01", "status": None}]},
                "$[0].history[0].status",
                "InstitutionStatus",
            ),
            (
                {"history": [{"on": "2025-08-01", "status": "ADDED", "note": ""}]},
                "$[0].history[0].note",
                "blank",
            ),
            (
                {"history": [{"on": "2025-08-01", "status": "CLOSED"}]},
                "$[0].history[0].status",
                "must be ADDED",
            ),
            (
                {
                    "history": [
                        {"on": "2025-08-01", "status": "ADDED"},
                        {"on": "2025-08-01", "status": "CLOSED"},
                    ]
                },
                "$[0].history[1].on",
                "strictly increase",
            ),
            (
                {
                    "history": [
                        {"on": "2025-08-01", "status": "ADDED"},
                        {"on": "2025-09-01", "status": "CLOSED"},
                        {"on": "2025-10-01", "status": "SUSPENDED"},
                    ]
                },
                "$[0].history[2].status",
                "SUSPENDED cannot follow CLOSED",
            ),
        ],
    )
    def test_a_bad_institution_names_its_json_path(
        self, changes: dict[str, object], field: str, problem: str
    ) -> None:
        """Each bad field raises InvalidInputError naming the JSON path and what is wrong."""
        obj = good_json_object()
        obj.update(changes)
        error = json_error([obj])
        assert error.field == field
        assert problem in error.problem

    def test_a_missing_key_is_named(self) -> None:
        """Without services, the object lacks a key."""
        error = json_error([self._with(services=None)])
        assert (error.field, error.problem) == ("$[0]", "lacks the key(s) services")

    def test_a_duplicate_code_names_both_paths(self) -> None:
        """The second institution with a code is named, with the first."""
        error = json_error({"institutions": [good_json_object(), good_json_object()]})
        assert error.field == "$.institutions[1].code"
        assert "$.institutions[0]" in error.problem

    def test_an_error_deep_in_the_object_form_names_the_full_path(self) -> None:
        """Paths in the object form start at $.institutions."""
        obj = self._with(
            history=[{"on": "2025-08-01", "status": "ADDED"}, {"on": "2025-07-01", "status": "CLOSED"}]
        )
        assert json_error({"institutions": [good_json_object() | {"code": "EX-1"}, obj]}).field == (
            "$.institutions[1].history[1].on"
        )


class TestExampleRegistry:
    """The bundled example: marked as such, invented codes, the one real institution with an assumed date."""

    def test_the_example_says_it_is_an_example(self) -> None:
        """``about`` opens with EXAMPLE and says the codes are invented."""
        registry = example_registry()
        assert registry.about is not None
        assert registry.about.startswith("EXAMPLE ONLY")
        assert "invented" in registry.about

    def test_every_code_is_an_invented_example_code(self) -> None:
        """All codes are EX-nnnn."""
        assert all(inst.code.startswith("EX-") for inst in example_registry())

    def test_the_real_institution_is_in_changsha_with_an_assumed_date(self) -> None:
        """湖南省职业病防治院, 长沙市 (430100), added on an assumed 2025-04-01, medical care."""
        inst = example_registry().get("EX-0001")
        assert inst.name == "湖南省职业病防治院"
        assert inst.place == place("430100")
        assert inst.history[0].on == D(2025, 4, 1)
        assert inst.history[0].note is not None
        assert inst.history[0].note.startswith("assumed")
        assert MEDICAL in inst.services

    def test_the_news_case_institution_could_settle_in_september_2025(self) -> None:
        """The 2025-09-17 report: a cross-province inpatient case settled directly there."""
        ruling = example_registry().can_settle_directly("EX-0001", D(2025, 9, 17), MEDICAL)
        assert ruling.outcome is A.AVAILABLE

    def test_every_other_institution_is_marked_fictitious(self) -> None:
        """The invented institutions say 虚构 in their names."""
        for inst in example_registry():
            if inst.code != "EX-0001":
                assert "虚构" in inst.name

    def test_the_example_shows_every_status(self) -> None:
        """Suspension, resumption, termination and closure all appear."""
        statuses = {c.status for inst in example_registry() for c in inst.history}
        assert statuses == set(InstitutionStatus)

    def test_the_example_is_loaded_once(self) -> None:
        """example_registry is cached: the same immutable value each time."""
        assert example_registry() is example_registry()


# --- properties ---------------------------------------------------------------------------------------------

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


days = st.dates(min_value=D(2024, 6, 1), max_value=D(2028, 12, 31))


def to_csv(registry: InstitutionRegistry) -> str:
    """Write a registry in the documented CSV format, with the csv module only."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for inst in registry:
        services = ";".join(sorted(s.name for s in inst.services))
        writer.writerow(["institution", inst.code, inst.name, inst.place.code, services, "", "", ""])
        for c in inst.history:
            writer.writerow(["status", inst.code, "", "", "", c.on.isoformat(), c.status.name, c.note or ""])
    return out.getvalue()


def to_json(registry: InstitutionRegistry) -> str:
    """Write a registry in the documented JSON format, with the json module only."""
    return json.dumps(
        [
            {
                "code": inst.code,
                "name": inst.name,
                "place": inst.place.code,
                "services": sorted(s.name for s in inst.services),
                "history": [{"on": c.on.isoformat(), "status": c.status.name} for c in inst.history],
            }
            for inst in registry
        ],
        ensure_ascii=False,
    )


class TestProperties:
    """Invariants over any valid history, any day and any service, and over any input text."""

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

    @given(registry=registries())
    def test_csv_round_trips(self, registry: InstitutionRegistry) -> None:
        """Writing the documented CSV with the csv module and reading it back gives the same registry."""
        assert InstitutionRegistry.from_csv(to_csv(registry)) == registry

    @given(registry=registries())
    def test_json_round_trips(self, registry: InstitutionRegistry) -> None:
        """Writing the documented JSON with the json module and reading it back gives the same registry."""
        assert InstitutionRegistry.from_json(to_json(registry)) == registry

    @given(text=st.text(max_size=300))
    def test_any_text_is_a_registry_or_an_invalid_input_error_as_csv(self, text: str) -> None:
        """Never a bare KeyError, ValueError, IndexError or csv.Error."""
        with contextlib.suppress(InvalidInputError):
            InstitutionRegistry.from_csv(HEADER + text)

    json_values = st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=12)
        | st.sampled_from(["2025-08-01", "ADDED", "MEDICAL", "430100", "EX-1", "code", "history"]),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "code",
                        "name",
                        "place",
                        "services",
                        "history",
                        "on",
                        "status",
                        "note",
                        "about",
                        "institutions",
                        "x",
                    ]
                ),
                children,
                max_size=6,
            )
        ),
        max_leaves=20,
    )

    @given(document=json_values)
    def test_any_json_is_a_registry_or_an_invalid_input_error(self, document: object) -> None:
        """Never a bare KeyError, TypeError or ValueError, whatever the JSON holds."""
        try:
            InstitutionRegistry.from_json(json.dumps(document))
        except InvalidInputError as error:
            assert error.field == "text" or error.field.startswith("$")

    @given(text=st.text(max_size=200))
    def test_any_text_is_a_registry_or_an_invalid_input_error_as_json(self, text: str) -> None:
        """Arbitrary text, mostly not JSON at all: only InvalidInputError."""
        with contextlib.suppress(InvalidInputError):
            InstitutionRegistry.from_json(text)
