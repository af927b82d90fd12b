"""Article 17, the particulars a reader acts on: tests written to kill the catalog module's surviving mutants.

Each test says what article 17 (or the house rule for bad input) demands; docs/mutation.md names the mutants they
kill. Only facade names are used, so the tests keep working whatever module the rules move to.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

import pytest

import gongshang_rules as gr
from gongshang_rules import (
    AllowanceKind,
    CareType,
    CostKind,
    InvalidInputError,
    Scope,
    governing_catalog,
    meal_allowance,
    travel_and_lodging,
)

CROSS = (Scope.CROSS_PROVINCE_INBOUND, Scope.CROSS_PROVINCE_OUTBOUND)


def members(enum: type[Enum]) -> str:
    """The accepted members as an error lists them: every name, in order, comma-separated, in brackets."""
    return "(" + ", ".join(m.name for m in enum) + ")"


BAD_CALLS: list[tuple[str, Callable[[], object], str, type[Enum] | None, str]] = [
    ("scope as text", lambda: governing_catalog("LOCAL", CostKind.DRUGS), "scope", Scope, "str"),  # type: ignore[arg-type]
    ("meal scope as text", lambda: meal_allowance("LOCAL"), "scope", Scope, "str"),  # type: ignore[arg-type]
    (
        "cost kind as text",
        lambda: governing_catalog(Scope.LOCAL, "DRUGS"),  # type: ignore[arg-type]
        "cost_kind",
        CostKind,
        "str",
    ),
    (
        "care as text",
        lambda: governing_catalog(Scope.LOCAL, CostKind.DRUGS, care="INPATIENT"),  # type: ignore[arg-type]
        "care",
        CareType,
        "str",
    ),
    (
        "referral flag as a number",
        lambda: travel_and_lodging(Scope.INTRA_PROVINCE, 1),  # type: ignore[arg-type]
        "is_referral",
        None,
        "int",
    ),
]


class TestBadInput:
    """House rule: bad input is refused naming the field, the values it accepts, and the type it got."""

    @pytest.mark.parametrize(
        ("call", "field", "enum", "got"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS]
    )
    def test_the_error_names_the_field_the_accepted_values_and_what_it_got(
        self, call: Callable[[], object], field: str, enum: type[Enum] | None, got: str
    ) -> None:
        """A caller who passed a name instead of a member is told which field, which members, and what it got."""
        with pytest.raises(InvalidInputError) as caught:
            call()
        assert caught.value.field == field
        if enum is not None:
            assert members(enum) in caught.value.problem
        assert caught.value.problem.endswith(f"got {got}")


class TestWhichSideTheReasonNames:
    """Article 17 ¶2: across provinces the reader is told on which side of Hunan's border the governing place is."""

    def test_an_outbound_workers_device_catalog_is_hunans_said_in_both_languages(self) -> None:
        """Hunan-insured, treated elsewhere: the insured place, whose device catalog governs, is in Hunan."""
        reason = governing_catalog(Scope.CROSS_PROVINCE_OUTBOUND, CostKind.DEVICE_CATALOG).reasons[0]
        assert "参保地（湖南）" in reason.message_zh
        assert "(in Hunan)" in reason.message_en

    def test_an_inbound_workers_device_catalog_is_from_outside_hunan_said_in_both_languages(self) -> None:
        """Insured in another province, treated in Hunan: the insured place's device catalog, outside Hunan."""
        reason = governing_catalog(Scope.CROSS_PROVINCE_INBOUND, CostKind.DEVICE_CATALOG).reasons[0]
        assert "参保地（湖南省外）" in reason.message_zh
        assert "(outside Hunan)" in reason.message_en

    @pytest.mark.parametrize(
        ("scope", "zh"),
        [
            (Scope.CROSS_PROVINCE_INBOUND, "就医地（湖南）"),
            (Scope.CROSS_PROVINCE_OUTBOUND, "就医地（湖南省外）"),
        ],
    )
    def test_the_treatment_place_catalog_reason_names_the_side_in_chinese_too(
        self, scope: Scope, zh: str
    ) -> None:
        """Inbound the treatment place is in Hunan, outbound outside it: the Chinese message says so as well."""
        assert zh in governing_catalog(scope, CostKind.DRUGS).reasons[0].message_zh

    @pytest.mark.parametrize("care", [CareType.OUTPATIENT, CareType.DEVICE_FITTING])
    @pytest.mark.parametrize("scope", CROSS)
    def test_a_catalog_the_procedure_does_not_name_says_for_which_care(
        self, scope: Scope, care: CareType
    ) -> None:
        """Art. 17 ¶2 names inpatient catalogs only: the NOT_SPECIFIED reason says which care it is silent on."""
        ruling = governing_catalog(scope, CostKind.DRUGS, care=care)
        assert ruling.outcome is gr.CatalogSource.NOT_SPECIFIED
        assert care.zh in ruling.reasons[0].message_zh
        assert care.en in ruling.reasons[0].message_en
        assert CostKind.DRUGS.zh in ruling.reasons[0].message_zh


class TestTheAllowanceRulingSaysWhichAllowance:
    """Article 17 ¶3 rules two allowances: every ruling says which one it is about, in every scope."""

    @pytest.mark.parametrize("is_referral", [True, False])
    @pytest.mark.parametrize("scope", list(Scope))
    def test_a_travel_ruling_is_about_travel_and_lodging(self, scope: Scope, is_referral: bool) -> None:
        """Referral or not, governed or not: the ruling is about 交通食宿费 and the scope asked."""
        ruling = travel_and_lodging(scope, is_referral)
        assert ruling.allowance is AllowanceKind.TRAVEL_AND_LODGING
        assert ruling.scope is scope

    @pytest.mark.parametrize("scope", list(Scope))
    def test_a_meal_ruling_is_about_the_meal_allowance(self, scope: Scope) -> None:
        """Every scope: the ruling is about 住院伙食补助费 and the scope asked."""
        ruling = meal_allowance(scope)
        assert ruling.allowance is AllowanceKind.MEAL
        assert ruling.scope is scope
