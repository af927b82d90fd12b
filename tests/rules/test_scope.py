"""Scope of an (insured, treatment) pair: articles 2 and 3, row by row of SPEC.md's scope table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import ArticleRef, InvalidInputError, Place, PlaceKind, Scope, classify_scope, place
from gongshang_rules.kernel.places import all_places

PLACES = all_places()
TREATMENT_PLACES = [p for p in PLACES if p.kind is not PlaceKind.PROVINCE_LEVEL]
PLACES_BY_CITY: dict[str, list[Place]] = {}
for _p in PLACES:
    if _p.city_code is not None:
        PLACES_BY_CITY.setdefault(_p.city_code, []).append(_p)


def scope_of(insured: str, treatment: str) -> Scope:
    return classify_scope(place(insured), place(treatment)).outcome


class TestLocalCare:
    """Row 1 (art. 3 ¶1): a Hunan city or a county in it, treated in the same city: local, not out-of-area."""

    @pytest.mark.parametrize(
        ("insured", "treatment"),
        [
            ("长沙市", "长沙市"),  # city to itself
            ("浏阳市", "芙蓉区"),  # county to another county of the same city
            ("浏阳市", "浏阳市"),  # county to itself
            ("长沙市", "宁乡市"),  # city to one of its counties
            ("宁乡市", "长沙市"),  # county to its city
            ("宁乡县", "430102"),  # a retired code still lies in 长沙市
            ("湘潭县", "430372"),  # a statistical zone of 湘潭市 is in 湘潭市
            ("吉首市", "龙山县"),  # 湘西州, an autonomous prefecture, counts as one 市州
        ],
    )
    def test_care_within_one_city_is_local(self, insured: str, treatment: str) -> None:
        """Scope LOCAL, citing article 3 ¶1 and naming the city."""
        ruling = classify_scope(place(insured), place(treatment))
        assert ruling.outcome is Scope.LOCAL
        assert ruling.articles == (ArticleRef(3, paragraph=1),)
        city = place(insured).city
        assert city is not None
        assert city.name in ruling.reasons[0].message_zh
        assert not ruling.outcome.out_of_area


class TestProvincialRecognition:
    """Row 2 (art. 3 ¶2): insured at 省本级, treated in any Hunan city: mutual recognition, not out-of-area."""

    @pytest.mark.parametrize("treatment", ["长沙市", "湘西土家族苗族自治州", "浏阳市", "431171"])
    def test_province_level_treated_in_hunan_is_mutual_recognition(self, treatment: str) -> None:
        """Scope PROVINCIAL_RECOGNITION, citing article 3 ¶2."""
        ruling = classify_scope(place("省本级"), place(treatment))
        assert ruling.outcome is Scope.PROVINCIAL_RECOGNITION
        assert ruling.articles == (ArticleRef(3, paragraph=2),)
        assert not ruling.outcome.out_of_area


class TestIntraProvince:
    """Row 3 (art. 2): a Hunan city or county, treated in another Hunan city: intra-province out-of-area."""

    @pytest.mark.parametrize(
        ("insured", "treatment"),
        [
            ("株洲市", "长沙市"),
            ("浏阳市", "湘潭县"),
            ("430221", "衡阳市"),
            ("吉首市", "430102"),
            ("永州市", "431271"),
        ],
    )
    def test_care_in_another_hunan_city_is_intra_province(self, insured: str, treatment: str) -> None:
        """Scope INTRA_PROVINCE, out-of-area but not cross-province, citing article 2."""
        ruling = classify_scope(place(insured), place(treatment))
        assert ruling.outcome is Scope.INTRA_PROVINCE
        assert {a.article for a in ruling.articles} == {2}
        assert ruling.outcome.out_of_area
        assert not ruling.outcome.cross_province


class TestCrossProvince:
    """Rows 4 and 5 (art. 2): one place in Hunan, the other outside: cross-province, in either direction."""

    @pytest.mark.parametrize(
        ("insured", "treatment"), [("长沙市", "广东省"), ("浏阳市", "上海"), ("省本级", "北京市")]
    )
    def test_hunan_insured_treated_elsewhere_is_outbound(self, insured: str, treatment: str) -> None:
        """Anywhere in Hunan, 省本级 included, treated outside Hunan: CROSS_PROVINCE_OUTBOUND."""
        ruling = classify_scope(place(insured), place(treatment))
        assert ruling.outcome is Scope.CROSS_PROVINCE_OUTBOUND
        assert {a.article for a in ruling.articles} == {2}
        assert ruling.outcome.out_of_area and ruling.outcome.cross_province

    @pytest.mark.parametrize(
        ("insured", "treatment"), [("新疆维吾尔自治区", "长沙市"), ("广东", "吉首市"), ("650000", "430372")]
    )
    def test_insured_elsewhere_treated_in_hunan_is_inbound(self, insured: str, treatment: str) -> None:
        """Insured outside Hunan, treated in a Hunan city or county: CROSS_PROVINCE_INBOUND."""
        ruling = classify_scope(place(insured), place(treatment))
        assert ruling.outcome is Scope.CROSS_PROVINCE_INBOUND
        assert {a.article for a in ruling.articles} == {2}
        assert ruling.outcome.out_of_area and ruling.outcome.cross_province


class TestNotGoverned:
    """Row 6 (art. 2): both places outside Hunan: not governed, an explicit outcome rather than a crash."""

    @pytest.mark.parametrize(("insured", "treatment"), [("广东省", "新疆维吾尔自治区"), ("北京", "北京")])
    def test_two_places_outside_hunan_are_not_governed(self, insured: str, treatment: str) -> None:
        """Scope NOT_GOVERNED, with a reason naming both places."""
        ruling = classify_scope(place(insured), place(treatment))
        assert ruling.outcome is Scope.NOT_GOVERNED
        assert not ruling.outcome.out_of_area and not ruling.outcome.cross_province
        assert place(insured).name in ruling.reasons[0].message_zh
        assert place(treatment).name in ruling.reasons[0].message_zh


class TestBadInput:
    """省本级 is never a treatment place; arguments are Places."""

    @pytest.mark.parametrize("insured", ["省本级", "长沙市", "广东省"])
    def test_province_level_as_treatment_place_is_rejected(self, insured: str) -> None:
        """Article 2 ¶3 defines the treatment place as the institution's city: InvalidInputError naming it."""
        with pytest.raises(InvalidInputError) as caught:
            classify_scope(place(insured), place("省本级"))
        assert caught.value.field == "treatment"

    @pytest.mark.parametrize(
        ("insured", "treatment", "field"), [("430100", None, "insured"), (None, "430100", "treatment")]
    )
    def test_text_instead_of_a_place_is_rejected(
        self, insured: str | None, treatment: str | None, field: str
    ) -> None:
        """A code string is not a Place: InvalidInputError naming the argument."""
        args = [place("430100") if x is None else x for x in (insured, treatment)]
        with pytest.raises(InvalidInputError) as caught:
            classify_scope(*args)  # type: ignore[arg-type]
        assert caught.value.field == field


def expected_scope(insured_kind: PlaceKind, same_city: bool, treatment_in_hunan: bool) -> Scope:
    """SPEC.md's scope table, read row by row."""
    if insured_kind is PlaceKind.OTHER_PROVINCE:
        return Scope.CROSS_PROVINCE_INBOUND if treatment_in_hunan else Scope.NOT_GOVERNED
    if not treatment_in_hunan:
        return Scope.CROSS_PROVINCE_OUTBOUND
    if insured_kind is PlaceKind.PROVINCE_LEVEL:
        return Scope.PROVINCIAL_RECOGNITION
    return Scope.LOCAL if same_city else Scope.INTRA_PROVINCE


class TestScopeProperties:
    """classify_scope is decided for every pair of places, as SPEC.md's table says."""

    @given(insured=st.sampled_from(PLACES), treatment=st.sampled_from(TREATMENT_PLACES))
    def test_every_pair_is_decided_as_the_table_says(self, insured: Place, treatment: Place) -> None:
        """Every pair gets one Scope with one reason citing article 2 or 3, matching the table's row."""
        ruling = classify_scope(insured, treatment)
        assert isinstance(ruling.outcome, Scope)
        assert len(ruling.reasons) == 1
        assert {a.article for a in ruling.articles} <= {2, 3}
        same_city = insured.city is not None and insured.city == treatment.city
        assert ruling.outcome is expected_scope(insured.kind, same_city, treatment.in_hunan)

    @given(data=st.data())
    def test_two_places_in_the_same_city_are_never_intra_province(self, data: st.DataObject) -> None:
        """Any two places of one 市州 are local care (art. 3 ¶1), never intra-province out-of-area."""
        city = data.draw(st.sampled_from(list(PLACES_BY_CITY)))
        insured = data.draw(st.sampled_from(PLACES_BY_CITY[city]))
        treatment = data.draw(st.sampled_from(PLACES_BY_CITY[city]))
        assert classify_scope(insured, treatment).outcome is Scope.LOCAL

    @given(insured=st.sampled_from(PLACES))
    def test_province_level_is_never_a_treatment_place(self, insured: Place) -> None:
        """Whatever the insured place, 省本级 as treatment place raises InvalidInputError."""
        with pytest.raises(InvalidInputError):
            classify_scope(insured, place("省本级"))

    def test_every_pair_of_places_is_decided(self) -> None:
        """Exhaustively, no pair crashes or lands outside the six scopes, and same-city pairs are local."""
        for insured in PLACES:
            for treatment in TREATMENT_PLACES:
                outcome = classify_scope(insured, treatment).outcome
                assert outcome in Scope
                if insured.city is not None and insured.city == treatment.city:
                    assert outcome is not Scope.INTRA_PROVINCE


class TestCachedAndStillChecked:
    def test_an_unhashable_argument_reaches_the_check_and_names_the_field(self) -> None:
        """The scope is cached for speed, but a list passed as a place still gets our error, not a TypeError."""
        from gongshang_rules import InvalidInputError, classify_scope, place

        with pytest.raises(InvalidInputError, match="insured"):
            classify_scope([], place("430100"))  # type: ignore[arg-type]


class TestTheTreatmentPlaceIsTheCity:
    """Art. 2 ¶3: 就医地是指…协议机构所在的市州: messages name the city, not the district or county."""

    def test_an_intra_province_message_names_the_treatment_city(self) -> None:
        """Insured in 长沙, institution in 岳阳县: the treatment place is 岳阳市."""
        ruling = classify_scope(place("430100"), place("430621"))
        assert "就医地岳阳市" in ruling.reasons[0].message_zh

    def test_care_within_one_city_still_names_the_county(self) -> None:
        """Art. 3 ¶1 is about crossing counties within one city: the county is named."""
        ruling = classify_scope(place("430181"), place("430104"))
        assert ruling.outcome is Scope.LOCAL
        assert "岳麓区" in ruling.reasons[0].message_zh
