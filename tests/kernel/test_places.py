"""Places (article 2 ¶3; SPEC.md "Places and scope").

Hunan's 14 市州 and their county-level divisions by GB/T 2260 code, 省本级 as an insured place of its own, and the
other 30 mainland provinces. Hong Kong, Macao and Taiwan are outside the system: a clear error.
"""

from __future__ import annotations

import csv
import importlib.resources

import pytest

from gongshang_rules import (
    InvalidInputError,
    OutsideSystemError,
    Place,
    PlaceKind,
    UnknownPlaceError,
    hunan_cities,
    place,
)
from gongshang_rules.kernel.places import all_places


def bundled_divisions() -> list[dict[str, str]]:
    """The package's own division list (package data, not ../shared)."""
    text = (
        importlib.resources.files("gongshang_rules")
        .joinpath("data", "hunan-divisions-2025.csv")
        .read_text("utf-8")
    )
    return list(csv.DictReader(text.splitlines()))


DIVISIONS = bundled_divisions()
CITIES_AND_COUNTIES = [row for row in DIVISIONS if row["level"] != "province"]

HUNAN_CITIES = {
    "430100": "长沙市",
    "430200": "株洲市",
    "430300": "湘潭市",
    "430400": "衡阳市",
    "430500": "邵阳市",
    "430600": "岳阳市",
    "430700": "常德市",
    "430800": "张家界市",
    "430900": "益阳市",
    "431000": "郴州市",
    "431100": "永州市",
    "431200": "怀化市",
    "431300": "娄底市",
    "433100": "湘西土家族苗族自治州",
}

# 国家统计局 statistical-only zones (shared/data/hunan-nbs-functional-zones.csv) and the city each lies in.
STATISTICAL_ZONES = [
    ("430371", "湖南湘潭高新技术产业园区", "430300"),
    ("430372", "湘潭昭山示范区", "430300"),
    ("430373", "湘潭九华示范区", "430300"),
    ("430473", "湖南衡阳松木经济开发区", "430400"),
    ("430476", "湖南衡阳高新技术产业园区", "430400"),
    ("430671", "岳阳市屈原管理区", "430600"),
    ("430771", "常德市西洞庭管理区", "430700"),
    ("430971", "益阳市大通湖管理区", "430900"),
    ("430972", "湖南益阳高新技术产业园区", "430900"),
    ("431171", "永州经济技术开发区", "431100"),
    ("431173", "永州市回龙圩管理区", "431100"),
    ("431271", "怀化市洪江管理区", "431200"),
]

# Retired county codes: (old code, old name, successor code, successor name, city).
RETIRED = [
    ("430124", "宁乡县", "430182", "宁乡市", "430100"),
    ("430221", "株洲县", "430212", "渌口区", "430200"),
    ("430521", "邵东县", "430582", "邵东市", "430500"),
    ("431121", "祁阳县", "431181", "祁阳市", "431100"),
]

# The 30 mainland provinces other than Hunan (GB/T 2260): code, full name, short name.
OTHER_PROVINCES = [
    ("110000", "北京市", "北京"),
    ("120000", "天津市", "天津"),
    ("130000", "河北省", "河北"),
    ("140000", "山西省", "山西"),
    ("150000", "内蒙古自治区", "内蒙古"),
    ("210000", "辽宁省", "辽宁"),
    ("220000", "吉林省", "吉林"),
    ("230000", "黑龙江省", "黑龙江"),
    ("310000", "上海市", "上海"),
    ("320000", "江苏省", "江苏"),
    ("330000", "浙江省", "浙江"),
    ("340000", "安徽省", "安徽"),
    ("350000", "福建省", "福建"),
    ("360000", "江西省", "江西"),
    ("370000", "山东省", "山东"),
    ("410000", "河南省", "河南"),
    ("420000", "湖北省", "湖北"),
    ("440000", "广东省", "广东"),
    ("450000", "广西壮族自治区", "广西"),
    ("460000", "海南省", "海南"),
    ("500000", "重庆市", "重庆"),
    ("510000", "四川省", "四川"),
    ("520000", "贵州省", "贵州"),
    ("530000", "云南省", "云南"),
    ("540000", "西藏自治区", "西藏"),
    ("610000", "陕西省", "陕西"),
    ("620000", "甘肃省", "甘肃"),
    ("630000", "青海省", "青海"),
    ("640000", "宁夏回族自治区", "宁夏"),
    ("650000", "新疆维吾尔自治区", "新疆"),
]


class TestHunanDivisions:
    """Every Hunan city and county of the bundled 民政部 list is a place, by code and by name."""

    def test_the_list_has_14_cities_and_122_counties(self) -> None:
        """The 2025 list: one province, 14 市州, 122 county-level divisions."""
        levels = [row["level"] for row in DIVISIONS]
        assert (levels.count("province"), levels.count("prefecture"), levels.count("county")) == (1, 14, 122)

    @pytest.mark.parametrize("row", CITIES_AND_COUNTIES, ids=lambda row: row["code"])
    def test_every_division_parses_by_code_and_by_name(self, row: dict[str, str]) -> None:
        """place(code) and place(name) give the same place, of the right kind, in the right city, with no note."""
        by_code, by_name = place(row["code"]), place(row["name"])
        assert by_code == by_name
        assert (by_code.code, by_code.name) == (row["code"], row["name"])
        assert by_code.note is None and by_name.note is None
        assert by_code.in_hunan
        city = by_code.city
        assert city is not None
        if row["level"] == "prefecture":
            assert by_code.kind is PlaceKind.CITY
            assert city == by_code
        else:
            assert by_code.kind is PlaceKind.COUNTY
            assert city.code == row["parent_code"]
            assert city.kind is PlaceKind.CITY

    def test_hunan_cities_are_the_14_cities(self) -> None:
        """hunan_cities() lists the 14 市州 with their codes and names."""
        assert {p.code: p.name for p in hunan_cities()} == HUNAN_CITIES
        assert all(p.kind is PlaceKind.CITY for p in hunan_cities())

    def test_a_county_knows_its_city(self) -> None:
        """浏阳市 (430181) lies in 长沙市; 吉首市 in 湘西土家族苗族自治州."""
        assert place("430181").city == place("长沙市")
        assert place("吉首市").city == place("433100")

    def test_surrounding_whitespace_is_ignored(self) -> None:
        """' 长沙市 ' names 长沙市."""
        assert place(" 长沙市 ") == place("430100")


class TestStatisticalZones:
    """The 12 国家统计局 statistical-only zone codes resolve to their parent city, with a note."""

    @pytest.mark.parametrize(
        ("code", "name", "parent"), STATISTICAL_ZONES, ids=[z[0] for z in STATISTICAL_ZONES]
    )
    def test_a_zone_resolves_to_its_city_with_a_note(self, code: str, name: str, parent: str) -> None:
        """By code and by name: the parent city, and a note naming the zone and the city."""
        for text in (code, name):
            resolved = place(text)
            assert resolved == place(parent)
            assert resolved.kind is PlaceKind.CITY
            assert resolved.note is not None
            assert code in resolved.note and parent in resolved.note
            assert "国家统计局" in resolved.note

    def test_the_note_does_not_stick_to_the_city(self) -> None:
        """Resolving a zone leaves place(parent) itself without a note."""
        place("430371")
        assert place("430300").note is None


class TestRetiredCodes:
    """Four retired county codes and their old names resolve to the successor, with a note."""

    @pytest.mark.parametrize(
        ("old", "old_name", "new", "new_name", "city"), RETIRED, ids=[r[0] for r in RETIRED]
    )
    def test_a_retired_code_resolves_to_its_successor_with_a_note(
        self, old: str, old_name: str, new: str, new_name: str, city: str
    ) -> None:
        """By old code and by old name: the successor county, in the same city, with a note saying so."""
        for text in (old, old_name):
            resolved = place(text)
            assert resolved == place(new)
            assert (resolved.code, resolved.name) == (new, new_name)
            assert resolved.city == place(city)
            assert resolved.note is not None
            assert old in resolved.note and old_name in resolved.note and new in resolved.note


class TestProvinceLevel:
    """省本级 is an insured place of its own (article 2 ¶3)."""

    @pytest.mark.parametrize("text", ["省本级", "湖南省本级", " 省本级 "])
    def test_province_level_parses(self, text: str) -> None:
        """省本级 is in Hunan, belongs to no city, and reads back as 省本级."""
        level = place(text)
        assert level.kind is PlaceKind.PROVINCE_LEVEL
        assert level.in_hunan
        assert level.city is None
        assert level.key == "省本级"
        assert "省本级" in str(level)

    @pytest.mark.parametrize("text", ["430000", "湖南省", "湖南"])
    def test_hunan_as_a_whole_is_ambiguous(self, text: str) -> None:
        """430000 or 湖南省 could mean a city, a county or 省本级: UnknownPlaceError asking which."""
        with pytest.raises(UnknownPlaceError) as caught:
            place(text)
        assert caught.value.field == "place"
        assert "省本级" in caught.value.problem


class TestOtherProvinces:
    """The 30 other mainland provinces, by code, full name and short name."""

    @pytest.mark.parametrize(("code", "name", "short"), OTHER_PROVINCES, ids=[p[0] for p in OTHER_PROVINCES])
    def test_a_province_parses_by_code_full_name_and_short_name(
        self, code: str, name: str, short: str
    ) -> None:
        """All three give the same whole-province place, outside Hunan and in no Hunan city."""
        by_code = place(code)
        assert by_code == place(name) == place(short)
        assert (by_code.code, by_code.name, by_code.kind) == (code, name, PlaceKind.OTHER_PROVINCE)
        assert not by_code.in_hunan
        assert by_code.city is None

    def test_there_are_exactly_30(self) -> None:
        """Every other mainland province and nothing else; Hunan is not one of them."""
        provinces = {p.code for p in all_places() if p.kind is PlaceKind.OTHER_PROVINCE}
        assert provinces == {code for code, _name, _short in OTHER_PROVINCES}

    @pytest.mark.parametrize(("text", "province"), [("650100", "650000"), ("440300", "440000")])
    def test_a_place_below_province_level_outside_hunan_is_refused_with_a_hint(
        self, text: str, province: str
    ) -> None:
        """Outside Hunan a place is a whole province: 乌鲁木齐 (650100) is refused, pointing to 650000."""
        with pytest.raises(UnknownPlaceError) as caught:
            place(text)
        assert province in caught.value.problem


class TestOutsideTheSystem:
    """Hong Kong, Macao and Taiwan are outside the mainland work-injury insurance system."""

    @pytest.mark.parametrize(
        "text",
        ["810000", "香港特别行政区", "香港", "820000", "澳门特别行政区", "澳门", "710000", "台湾省", "台湾"],
    )
    def test_hong_kong_macao_and_taiwan_raise_outside_system(self, text: str) -> None:
        """OutsideSystemError, an InvalidInputError naming the field 'place'."""
        with pytest.raises(OutsideSystemError) as caught:
            place(text)
        assert isinstance(caught.value, InvalidInputError)
        assert caught.value.field == "place"


class TestBadInput:
    """Unknown text and non-text input."""

    @pytest.mark.parametrize("text", ["999999", "430199", "439900", "长沙", "Changsha", "", "   ", "43010"])
    def test_unknown_text_raises_unknown_place(self, text: str) -> None:
        """No guessing: text that names no known place is UnknownPlaceError."""
        with pytest.raises(UnknownPlaceError) as caught:
            place(text)
        assert caught.value.field == "place"

    @pytest.mark.parametrize("value", [430100, None, b"430100", ("430100",)])
    def test_non_text_raises_invalid_input(self, value: object) -> None:
        """A code must be a str: an int or bytes is InvalidInputError, not a TypeError."""
        with pytest.raises(InvalidInputError) as caught:
            place(value)  # type: ignore[arg-type]
        assert caught.value.field == "place"
        assert not isinstance(caught.value, UnknownPlaceError)


class TestEveryPlace:
    """all_places(): every place place() returns without a note."""

    def test_every_place_reads_back_from_its_key(self) -> None:
        """place(p.key) is p, and str(p) shows the name and the key."""
        for p in all_places():
            assert place(p.key) == p
            assert p.name in str(p) and p.key in str(p)

    def test_every_place_is_counted_once(self) -> None:
        """省本级, 14 cities, 122 counties and 30 provinces: 167 places with distinct keys."""
        keys = [p.key for p in all_places()]
        assert len(keys) == len(set(keys)) == 1 + 14 + 122 + 30

    def test_places_are_values(self) -> None:
        """Two lookups of the same place are equal and hash alike."""
        assert place("长沙市") == place("430100")
        assert hash(place("长沙市")) == hash(place("430100"))
        assert isinstance(place("长沙市"), Place)
