"""Article 17: which catalogs govern each kind of cost, the meal allowance, and referral travel and lodging.

Written from SPEC.md's table "Catalogs and allowances" and the letter of article 17 ¶1 to ¶3.
"""

from __future__ import annotations

from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import ArticleRef, InvalidInputError, Scope, classify_scope, place
from gongshang_rules.kernel.authorities import (
    HUNAN_IMPLEMENTING_MEASURES,
    NATIONAL_PROCEDURE,
    REGULATION_ARTICLE_30,
)
from gongshang_rules.kernel.ruling import REASONS, ReasonTemplate
from gongshang_rules.kernel.terms import CareType
from gongshang_rules.rules import catalog
from gongshang_rules.rules.catalog import (
    AgencyRole,
    AllowanceHandling,
    AllowanceKind,
    AllowanceRuling,
    CatalogRuling,
    CatalogSource,
    CostKind,
    PlaceRole,
    governing_catalog,
    meal_allowance,
    travel_and_lodging,
)

CROSS = (Scope.CROSS_PROVINCE_INBOUND, Scope.CROSS_PROVINCE_OUTBOUND)
WITHIN_HUNAN = (Scope.INTRA_PROVINCE, Scope.LOCAL, Scope.PROVINCIAL_RECOGNITION)
INPATIENT_KINDS = (
    CostKind.MEDICAL_ITEMS,
    CostKind.DRUGS,
    CostKind.INPATIENT_STANDARDS,
    CostKind.REHABILITATION_ITEMS,
)
A17_1, A17_2, A17_3 = (ArticleRef(17, paragraph=n) for n in (1, 2, 3))


class TestGoverningCatalog:
    """Article 17 ¶1 and ¶2, row by row of SPEC.md's table."""

    @pytest.mark.parametrize("kind", list(CostKind))
    def test_intra_province_care_follows_hunans_unified_catalogs_on_the_letter(self, kind: CostKind) -> None:
        """Art. 17 ¶1: every catalog, the device catalog included, is Hunan's unified one; no interpretation."""
        ruling = governing_catalog(Scope.INTRA_PROVINCE, kind)
        assert isinstance(ruling, CatalogRuling)
        assert ruling.outcome is CatalogSource.HUNAN_UNIFIED
        assert ruling.articles == (A17_1,)
        assert not ruling.rests_on_interpretation
        assert kind.zh in ruling.reasons[0].message_zh
        assert (ruling.scope, ruling.cost_kind) == (Scope.INTRA_PROVINCE, kind)

    @pytest.mark.parametrize("kind", list(CostKind))
    def test_care_within_one_city_follows_hunans_unified_catalogs_by_interpretation(
        self, kind: CostKind
    ) -> None:
        """Art. 17 ¶1 names intra-province out-of-area care only; care within one city (art. 3 ¶1) is read in."""
        ruling = governing_catalog(Scope.LOCAL, kind)
        assert ruling.outcome is CatalogSource.HUNAN_UNIFIED
        assert ruling.codes == {"CATALOG_LOCAL_UNIFIED"}
        assert set(ruling.articles) == {ArticleRef(3, paragraph=1), A17_1}
        assert ruling.rests_on_interpretation

    @pytest.mark.parametrize("kind", list(CostKind))
    def test_provincial_level_care_follows_hunans_unified_catalogs_by_interpretation(
        self, kind: CostKind
    ) -> None:
        """省本级 workers treated in Hunan (art. 3 ¶2): the same reading, citing 3 ¶2."""
        ruling = governing_catalog(Scope.PROVINCIAL_RECOGNITION, kind)
        assert ruling.outcome is CatalogSource.HUNAN_UNIFIED
        assert ruling.codes == {"CATALOG_PROVINCIAL_RECOGNITION_UNIFIED"}
        assert set(ruling.articles) == {ArticleRef(3, paragraph=2), A17_1}
        assert ruling.rests_on_interpretation

    @pytest.mark.parametrize("scope", CROSS)
    @pytest.mark.parametrize("kind", INPATIENT_KINDS)
    def test_cross_province_care_follows_the_treatment_places_catalogs(
        self, scope: Scope, kind: CostKind
    ) -> None:
        """Art. 17 ¶2: medical items, drugs, inpatient standards and rehabilitation items of the treatment place."""
        ruling = governing_catalog(scope, kind)
        assert ruling.outcome is CatalogSource.TREATMENT_PLACE
        assert A17_2 in ruling.articles
        assert not ruling.rests_on_interpretation

    def test_the_treatment_place_reason_says_which_side_of_the_border_it_is(self) -> None:
        """Inbound: the treatment place is in Hunan; outbound: outside it."""
        inbound = governing_catalog(Scope.CROSS_PROVINCE_INBOUND, CostKind.DRUGS).reasons[0]
        outbound = governing_catalog(Scope.CROSS_PROVINCE_OUTBOUND, CostKind.DRUGS).reasons[0]
        assert "(in Hunan)" in inbound.message_en
        assert "(outside Hunan)" in outbound.message_en

    def test_the_treatment_place_reason_says_the_letter_covers_inpatient_costs_settled_directly(self) -> None:
        """The answer does not depend on care type, but the reason says outpatient costs are outside art. 17 ¶2."""
        reason = governing_catalog(Scope.CROSS_PROVINCE_OUTBOUND, CostKind.MEDICAL_ITEMS).reasons[0]
        assert ArticleRef(5) in reason.articles
        assert "outpatient" in reason.message_en
        assert "门诊" in reason.message_zh

    @pytest.mark.parametrize("scope", CROSS)
    def test_cross_province_devices_follow_the_insured_places_catalog_and_limits(self, scope: Scope) -> None:
        """Art. 17 ¶2, last sentence: the device catalog and limits are the insured place's."""
        ruling = governing_catalog(scope, CostKind.DEVICE_CATALOG)
        assert ruling.outcome is CatalogSource.INSURED_PLACE
        assert ruling.articles == (A17_2,)
        assert ruling.codes == {"CATALOG_CROSS_PROVINCE_INSURED_PLACE_DEVICES"}

    def test_the_news_case_follows_changshas_catalogs_and_xinjiangs_device_catalog(self) -> None:
        """Insured in Xinjiang, treated in Changsha: drugs from the treatment place, devices from the insured."""
        scope = classify_scope(place("新疆维吾尔自治区"), place("长沙市")).outcome
        assert governing_catalog(scope, CostKind.DRUGS).outcome is CatalogSource.TREATMENT_PLACE
        assert governing_catalog(scope, CostKind.DEVICE_CATALOG).outcome is CatalogSource.INSURED_PLACE

    @pytest.mark.parametrize("kind", list(CostKind))
    def test_a_case_between_two_other_provinces_is_not_governed_and_says_what_is(
        self, kind: CostKind
    ) -> None:
        """NOT_GOVERNED, naming the national rules as what governs instead."""
        ruling = governing_catalog(Scope.NOT_GOVERNED, kind)
        assert ruling.outcome is CatalogSource.NOT_GOVERNED
        assert NATIONAL_PROCEDURE in ruling.reasons[0].authorities
        assert "national" in ruling.reasons[0].message_en

    def test_bad_arguments_are_rejected_naming_them(self) -> None:
        """A scope or cost kind given by name is not coerced."""
        with pytest.raises(InvalidInputError, match=r"^scope: must be a Scope member"):
            governing_catalog("INTRA_PROVINCE", CostKind.DRUGS)  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match=r"^cost_kind: must be a CostKind member"):
            governing_catalog(Scope.INTRA_PROVINCE, "DRUGS")  # type: ignore[arg-type]

    def test_the_ruling_explains_itself(self) -> None:
        """str() names the cost kind and the scope."""
        text = str(governing_catalog(Scope.CROSS_PROVINCE_INBOUND, CostKind.DEVICE_CATALOG))
        assert "CatalogRuling: INSURED_PLACE" in text
        assert "DEVICE_CATALOG" in text
        assert "CROSS_PROVINCE_INBOUND" in text


class TestMealAllowance:
    """Art. 17 ¶3, first sentence and the first half of the second: 住院伙食补助费."""

    def test_intra_province_the_treatment_place_pays_under_its_policy_within_direct_settlement(self) -> None:
        """Paid by the treatment place's agency under its policy; part of direct settlement [interpretation]."""
        ruling = meal_allowance(Scope.INTRA_PROVINCE)
        assert isinstance(ruling, AllowanceRuling)
        assert ruling.outcome is AllowanceHandling.PAID_BY_TREATMENT_PLACE
        assert ruling.allowance is AllowanceKind.MEAL
        assert ruling.payer is AgencyRole.TREATMENT_PLACE_AGENCY
        assert ruling.policy is PlaceRole.TREATMENT_PLACE
        assert ruling.part_of_direct_settlement is True
        assert ruling.codes == {
            "MEAL_INTRA_PROVINCE_TREATMENT_PLACE",
            "MEAL_INTRA_PROVINCE_IN_DIRECT_SETTLEMENT",
        }

    def test_only_the_direct_settlement_point_rests_on_interpretation(self) -> None:
        """Who pays and whose policy are the letter; being part of direct settlement is our reading."""
        ruling = meal_allowance(Scope.INTRA_PROVINCE)
        assert not ruling.reason("MEAL_INTRA_PROVINCE_TREATMENT_PLACE").interpretation
        assert ruling.reason("MEAL_INTRA_PROVINCE_IN_DIRECT_SETTLEMENT").interpretation
        assert ruling.reason("MEAL_INTRA_PROVINCE_TREATMENT_PLACE").articles == (A17_3,)

    @pytest.mark.parametrize("scope", CROSS)
    def test_cross_province_the_insured_place_reimburses_outside_direct_settlement(
        self, scope: Scope
    ) -> None:
        """Reimbursed by the insured place's agency under its policy, outside direct settlement: the letter."""
        ruling = meal_allowance(scope)
        assert ruling.outcome is AllowanceHandling.REIMBURSED_BY_INSURED_PLACE
        assert ruling.payer is AgencyRole.INSURED_PLACE_AGENCY
        assert ruling.policy is PlaceRole.INSURED_PLACE
        assert ruling.part_of_direct_settlement is False
        assert ruling.articles == (A17_3,)
        assert not ruling.rests_on_interpretation

    @pytest.mark.parametrize(("scope", "paragraph"), [(Scope.LOCAL, 1), (Scope.PROVINCIAL_RECOGNITION, 2)])
    def test_care_kept_out_of_out_of_area_management_is_not_specified(
        self, scope: Scope, paragraph: int
    ) -> None:
        """Art. 3 takes these out of out-of-area management: NOT_SPECIFIED, naming the ordinary rules; no guess."""
        ruling = meal_allowance(scope)
        assert ruling.outcome is AllowanceHandling.NOT_SPECIFIED
        assert (ruling.payer, ruling.policy, ruling.part_of_direct_settlement) == (None, None, None)
        assert ArticleRef(3, paragraph=paragraph) in ruling.articles
        reason = ruling.reasons[0]
        assert HUNAN_IMPLEMENTING_MEASURES in reason.authorities
        assert "《湖南省实施〈工伤保险条例〉办法》" in reason.message_zh
        assert "does not say" in reason.message_en

    def test_a_case_between_two_other_provinces_is_not_governed(self) -> None:
        """NOT_GOVERNED, with nothing asserted about payer or policy."""
        ruling = meal_allowance(Scope.NOT_GOVERNED)
        assert ruling.outcome is AllowanceHandling.NOT_GOVERNED
        assert ruling.payer is None
        assert NATIONAL_PROCEDURE in ruling.reasons[0].authorities

    def test_a_scope_name_is_rejected(self) -> None:
        """The scope must be a Scope member."""
        with pytest.raises(InvalidInputError, match=r"^scope:"):
            meal_allowance("LOCAL")  # type: ignore[arg-type]

    def test_the_ruling_shows_payer_policy_and_direct_settlement(self) -> None:
        """str() carries the three fields, or "not specified"."""
        text = str(meal_allowance(Scope.INTRA_PROVINCE))
        assert "payer: TREATMENT_PLACE_AGENCY; policy: TREATMENT_PLACE; in direct settlement: yes" in text
        assert "in direct settlement: no" in str(meal_allowance(Scope.CROSS_PROVINCE_INBOUND))
        assert "payer: not specified; policy: not specified; in direct settlement: not specified" in str(
            meal_allowance(Scope.LOCAL)
        )


class TestTravelAndLodging:
    """Art. 17 ¶3, second half of the second sentence: travel and lodging caused by an out-of-area referral."""

    @pytest.mark.parametrize("scope", CROSS)
    def test_a_cross_province_referral_is_reimbursed_by_the_insured_place_on_the_letter(
        self, scope: Scope
    ) -> None:
        """Insured place's agency, its policy, outside direct settlement; no interpretation."""
        ruling = travel_and_lodging(scope, is_referral=True)
        assert ruling.outcome is AllowanceHandling.REIMBURSED_BY_INSURED_PLACE
        assert ruling.allowance is AllowanceKind.TRAVEL_AND_LODGING
        assert ruling.payer is AgencyRole.INSURED_PLACE_AGENCY
        assert ruling.policy is PlaceRole.INSURED_PLACE
        assert ruling.part_of_direct_settlement is False
        assert ruling.codes == {"TRAVEL_CROSS_PROVINCE_REFERRAL"}
        assert not ruling.rests_on_interpretation

    def test_an_intra_province_referral_is_reimbursed_the_same_way_by_interpretation(self) -> None:
        """Same handling, flagged as a reading; the reason says both grounds SPEC.md gives."""
        ruling = travel_and_lodging(Scope.INTRA_PROVINCE, is_referral=True)
        assert ruling.outcome is AllowanceHandling.REIMBURSED_BY_INSURED_PLACE
        assert ruling.payer is AgencyRole.INSURED_PLACE_AGENCY
        assert ruling.policy is PlaceRole.INSURED_PLACE
        assert ruling.part_of_direct_settlement is False
        assert ruling.rests_on_interpretation
        reason = ruling.reason("TRAVEL_INTRA_PROVINCE_REFERRAL")
        assert reason.articles == (A17_3,)
        # First ground: the second phrase repeats its subject without 跨省.
        assert "工伤职工因异地转诊转院发生的交通食宿费" in reason.message_zh
        assert "跨省" in reason.message_zh
        assert "without 'cross-province'" in reason.message_en
        # Second ground: 《工伤保险条例》第三十条 points the same way.
        assert REGULATION_ARTICLE_30 in reason.authorities
        assert "《工伤保险条例》第三十条" in reason.message_zh
        assert "Regulation art. 30" in reason.message_en

    @pytest.mark.parametrize("scope", [*CROSS, *WITHIN_HUNAN])
    def test_travel_without_a_referral_is_not_specified_naming_regulation_article_30(
        self, scope: Scope
    ) -> None:
        """The procedure speaks of referral travel only: NOT_SPECIFIED, with 第三十条 as what governs."""
        ruling = travel_and_lodging(scope, is_referral=False)
        assert ruling.outcome is AllowanceHandling.NOT_SPECIFIED
        assert ruling.codes == {"TRAVEL_NOT_A_REFERRAL"}
        assert REGULATION_ARTICLE_30 in ruling.reasons[0].authorities
        assert (ruling.payer, ruling.policy, ruling.part_of_direct_settlement) == (None, None, None)

    @pytest.mark.parametrize(
        ("scope", "code", "paragraph"),
        [
            (Scope.LOCAL, "TRAVEL_NOT_SPECIFIED_LOCAL", 1),
            (Scope.PROVINCIAL_RECOGNITION, "TRAVEL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION", 2),
        ],
    )
    def test_a_referral_kept_out_of_out_of_area_management_is_not_specified(
        self, scope: Scope, code: str, paragraph: int
    ) -> None:
        """A referral within one city, or a 省本级 worker's within Hunan, is no out-of-area referral (art. 3)."""
        ruling = travel_and_lodging(scope, is_referral=True)
        assert ruling.outcome is AllowanceHandling.NOT_SPECIFIED
        assert ruling.codes == {code}
        assert ArticleRef(3, paragraph=paragraph) in ruling.articles
        assert REGULATION_ARTICLE_30 in ruling.reasons[0].authorities
        assert ruling.payer is None

    @pytest.mark.parametrize("is_referral", [True, False])
    def test_a_case_between_two_other_provinces_is_not_governed(self, is_referral: bool) -> None:
        """NOT_GOVERNED whatever the referral."""
        ruling = travel_and_lodging(Scope.NOT_GOVERNED, is_referral)
        assert ruling.outcome is AllowanceHandling.NOT_GOVERNED
        assert ruling.payer is None

    @pytest.mark.parametrize("is_referral", [1, 0, None, "yes"])
    def test_is_referral_must_be_a_bool(self, is_referral: object) -> None:
        """1 and 0 are not coerced into True and False."""
        with pytest.raises(InvalidInputError, match=r"^is_referral: must be True or False"):
            travel_and_lodging(Scope.INTRA_PROVINCE, is_referral)  # type: ignore[arg-type]

    def test_a_scope_name_is_rejected(self) -> None:
        """The scope must be a Scope member."""
        with pytest.raises(InvalidInputError, match=r"^scope:"):
            travel_and_lodging(None, True)  # type: ignore[arg-type]


class TestReasonCatalogue:
    """The reason codes of article 17: registered, prefixed, cited with paragraphs."""

    OURS: ClassVar[list[str]] = [t.code for t in vars(catalog).values() if isinstance(t, ReasonTemplate)]

    def test_every_code_is_prefixed_and_registered(self) -> None:
        """Seven catalog codes, six meal codes, six travel codes, each registered in REASONS under its name."""
        prefixes = [code.split("_")[0] for code in self.OURS]
        assert (prefixes.count("CATALOG"), prefixes.count("MEAL"), prefixes.count("TRAVEL")) == (7, 6, 6)
        assert all(getattr(catalog, code) is REASONS[code] for code in self.OURS)

    def test_every_citation_of_article_17_names_its_paragraph(self) -> None:
        """Art. 17 is always cited with ¶1, ¶2 or ¶3."""
        for code in self.OURS:
            for ref in REASONS[code].articles:
                if isinstance(ref, ArticleRef) and ref.article == 17:
                    assert ref.paragraph in (1, 2, 3), code

    def test_the_interpretations_are_exactly_the_documented_ones(self) -> None:
        """Local and provincial catalogs, intra-province meal in direct settlement, intra-province referral travel."""
        flagged = {code for code in self.OURS if REASONS[code].interpretation}
        assert flagged == {
            "CATALOG_LOCAL_UNIFIED",
            "CATALOG_PROVINCIAL_RECOGNITION_UNIFIED",
            "MEAL_INTRA_PROVINCE_IN_DIRECT_SETTLEMENT",
            "TRAVEL_INTRA_PROVINCE_REFERRAL",
        }


class TestProperties:
    """Every scope gets an answer from every function; devices never follow the treatment place across provinces."""

    @given(scope=st.sampled_from(list(Scope)), kind=st.sampled_from(list(CostKind)))
    def test_every_scope_and_cost_kind_gets_a_catalog_answer(self, scope: Scope, kind: CostKind) -> None:
        """Never raises; always one reason; NOT_GOVERNED exactly for the NOT_GOVERNED scope."""
        ruling = governing_catalog(scope, kind)
        assert len(ruling.reasons) == 1
        assert (ruling.outcome is CatalogSource.NOT_GOVERNED) == (scope is Scope.NOT_GOVERNED)

    @given(scope=st.sampled_from(CROSS))
    def test_the_device_catalog_is_never_the_treatment_places_across_provinces(self, scope: Scope) -> None:
        """Art. 17 ¶2: the insured place's, in both directions."""
        assert governing_catalog(scope, CostKind.DEVICE_CATALOG).outcome is not CatalogSource.TREATMENT_PLACE

    @given(scope=st.sampled_from(list(Scope)), kind=st.sampled_from(list(CostKind)))
    def test_within_hunan_every_catalog_is_hunans_unified_one(self, scope: Scope, kind: CostKind) -> None:
        """Intra-province, local and provincial-level care: HUNAN_UNIFIED, whatever the cost."""
        if scope in WITHIN_HUNAN:
            assert governing_catalog(scope, kind).outcome is CatalogSource.HUNAN_UNIFIED

    @given(scope=st.sampled_from(list(Scope)), is_referral=st.booleans())
    def test_every_scope_gets_an_allowance_answer(self, scope: Scope, is_referral: bool) -> None:
        """Never raises; payer, policy and direct settlement are all set or all None, as the outcome says."""
        for ruling in (meal_allowance(scope), travel_and_lodging(scope, is_referral)):
            assert ruling.reasons
            assert ruling.scope is scope
            specified = ruling.outcome in (
                AllowanceHandling.PAID_BY_TREATMENT_PLACE,
                AllowanceHandling.REIMBURSED_BY_INSURED_PLACE,
            )
            for value in (ruling.payer, ruling.policy, ruling.part_of_direct_settlement):
                assert (value is not None) == specified

    @given(scope=st.sampled_from(list(Scope)), is_referral=st.booleans())
    def test_the_insured_place_never_pays_inside_direct_settlement(
        self, scope: Scope, is_referral: bool
    ) -> None:
        """Whatever the insured place reimburses is outside direct settlement; the payer's place sets the policy."""
        for ruling in (meal_allowance(scope), travel_and_lodging(scope, is_referral)):
            if ruling.payer is AgencyRole.INSURED_PLACE_AGENCY:
                assert ruling.part_of_direct_settlement is False
                assert ruling.policy is PlaceRole.INSURED_PLACE
            if ruling.payer is AgencyRole.TREATMENT_PLACE_AGENCY:
                assert ruling.policy is PlaceRole.TREATMENT_PLACE

    @given(scope=st.sampled_from(list(Scope)))
    def test_travel_without_a_referral_is_never_specified(self, scope: Scope) -> None:
        """No referral: the procedure never says who pays."""
        assert travel_and_lodging(scope, is_referral=False).payer is None


class TestCrossProvinceOutpatientCatalogs:
    """Art. 17 ¶2 names the catalogs of cross-province *inpatient* costs settled directly; art. 5 excludes visits."""

    def test_a_cross_province_visit_has_no_treatment_place_catalog(self) -> None:
        """Drugs of a cross-province outpatient visit: not specified, either direction."""
        for scope in (Scope.CROSS_PROVINCE_OUTBOUND, Scope.CROSS_PROVINCE_INBOUND):
            ruling = governing_catalog(scope, CostKind.DRUGS, care=CareType.OUTPATIENT)
            assert ruling.outcome is CatalogSource.NOT_SPECIFIED
            assert ruling.codes == {"CATALOG_CROSS_PROVINCE_OUTPATIENT_NOT_SPECIFIED"}

    def test_the_default_care_keeps_the_inpatient_answer(self) -> None:
        """A case written before the care fact existed meant a stay: the treatment place's catalogs."""
        assert (
            governing_catalog(Scope.CROSS_PROVINCE_INBOUND, CostKind.DRUGS).outcome
            is CatalogSource.TREATMENT_PLACE
        )

    def test_the_device_catalog_is_the_insured_places_whatever_the_care(self) -> None:
        """Art. 17 ¶2: the device catalog and limits are the insured place's."""
        ruling = governing_catalog(
            Scope.CROSS_PROVINCE_OUTBOUND, CostKind.DEVICE_CATALOG, care=CareType.OUTPATIENT
        )
        assert ruling.outcome is CatalogSource.INSURED_PLACE

    def test_an_intra_province_visit_follows_hunans_unified_catalogs(self) -> None:
        """Art. 17 ¶1 covers intra-province outpatient care too."""
        ruling = governing_catalog(Scope.INTRA_PROVINCE, CostKind.MEDICAL_ITEMS, care=CareType.OUTPATIENT)
        assert ruling.outcome is CatalogSource.HUNAN_UNIFIED

    def test_a_bad_care_names_the_field(self) -> None:
        """A string for care is refused with its name."""
        with pytest.raises(InvalidInputError, match="care"):
            governing_catalog(Scope.INTRA_PROVINCE, CostKind.DRUGS, care="OUTPATIENT")  # type: ignore[arg-type]

    def test_intra_province_referral_travel_states_both_readings(self) -> None:
        """SPEC.md: the reading and the other reading are both said, and the answer is the same."""
        reason = travel_and_lodging(Scope.INTRA_PROVINCE, is_referral=True).reason(
            "TRAVEL_INTRA_PROVINCE_REFERRAL"
        )
        assert "other reading" in reason.message_en and "另一种读法" in reason.message_zh
