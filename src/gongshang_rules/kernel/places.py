"""Places (article 2): Hunan's 市州 and county-level divisions, 省本级, and the other mainland provinces.

Hunan's divisions come from the 民政部 list bundled as ``data/hunan-divisions-2025.csv`` (GB/T 2260 codes,
unchanged 2022 to 2025). :func:`place` also resolves, with a note saying so, the 国家统计局 statistical-only zone
codes to their parent city (``data/hunan-nbs-functional-zones.csv``) and four retired county codes to their
successors. 省本级 (provincial-level insurance) is an insured place of its own (article 2 ¶3). Outside Hunan a
place is a whole province (article 2 ¶3 defines the treatment place as a 市州 only within the province; outside it
the national scheme works by province). Hong Kong, Macao and Taiwan are outside the system: a clear error.

>>> place("430181").name, place("浏阳市").city.name
('浏阳市', '长沙市')
>>> place("新疆维吾尔自治区").code
'650000'
>>> place("省本级").kind
<PlaceKind.PROVINCE_LEVEL: ('省本级', 'provincial level (省本级)')>
>>> place("430124").note
'430124 宁乡县 was retired in 2017 (now 宁乡市); resolved to its successor 430182 宁乡市'
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from . import _data
from .errors import InvalidInputError, OutsideSystemError, UnknownPlaceError
from .ruling import LabelledEnum

__all__ = [
    "Place",
    "PlaceKind",
    "check_treatment_place",
    "hunan_cities",
    "place",
]

HUNAN_CODE = "430000"


class PlaceKind(LabelledEnum):
    """What kind of place a :class:`Place` is."""

    PROVINCE_LEVEL = ("省本级", "provincial level (省本级)")
    CITY = ("市州", "city or prefecture (市州)")
    COUNTY = ("县（市、区）", "county-level division (县、市、区)")
    OTHER_PROVINCE = ("外省", "another mainland province")


@attrs.frozen(kw_only=True, cache_hash=True)  # immutable, and a dict key of every cached rule
class Place:
    """A place in the sense of article 2. Build one with :func:`place`.

    ``city_code`` is the 市州 of a Hunan city or county; ``note`` says how an alias was resolved (it does not take
    part in equality: 430124 and 430182 are the same place).
    """

    code: str
    name: str
    kind: PlaceKind
    city_code: str | None = None
    note: str | None = attrs.field(default=None, eq=False)

    @property
    def in_hunan(self) -> bool:
        """True for 省本级 and every Hunan city and county."""
        return self.kind is not PlaceKind.OTHER_PROVINCE

    @property
    def city(self) -> Place | None:
        """The 市州 this place lies in (itself for a city); ``None`` for 省本级 and other provinces."""
        if self.city_code is None:
            return None
        return _tables().by_code[self.city_code]

    @property
    def as_treatment_place(self) -> Place:
        """The treatment place (就医地) an institution here belongs to: its 市州 in Hunan, the province outside it
        (article 2 ¶3: 就医地是指…协议机构所在的市州).

        >>> place("浏阳市").as_treatment_place.name, place("广东").as_treatment_place.name
        ('长沙市', '广东省')
        """
        return self.city or self

    @property
    def key(self) -> str:
        """The text that :func:`place` reads back as this place (the code, or 省本级)."""
        return "省本级" if self.kind is PlaceKind.PROVINCE_LEVEL else self.code

    def __str__(self) -> str:
        return f"{self.name} ({self.key})"


PROVINCE_LEVEL = Place(code=HUNAN_CODE, name="湖南省本级", kind=PlaceKind.PROVINCE_LEVEL)

_OTHER_PROVINCES: tuple[tuple[str, str, str], ...] = (
    ("110000", "北京市", "北京"), ("120000", "天津市", "天津"), ("130000", "河北省", "河北"),
    ("140000", "山西省", "山西"), ("150000", "内蒙古自治区", "内蒙古"), ("210000", "辽宁省", "辽宁"),
    ("220000", "吉林省", "吉林"), ("230000", "黑龙江省", "黑龙江"), ("310000", "上海市", "上海"),
    ("320000", "江苏省", "江苏"), ("330000", "浙江省", "浙江"), ("340000", "安徽省", "安徽"),
    ("350000", "福建省", "福建"), ("360000", "江西省", "江西"), ("370000", "山东省", "山东"),
    ("410000", "河南省", "河南"), ("420000", "湖北省", "湖北"), ("440000", "广东省", "广东"),
    ("450000", "广西壮族自治区", "广西"), ("460000", "海南省", "海南"), ("500000", "重庆市", "重庆"),
    ("510000", "四川省", "四川"), ("520000", "贵州省", "贵州"), ("530000", "云南省", "云南"),
    ("540000", "西藏自治区", "西藏"), ("610000", "陕西省", "陕西"), ("620000", "甘肃省", "甘肃"),
    ("630000", "青海省", "青海"), ("640000", "宁夏回族自治区", "宁夏"), ("650000", "新疆维吾尔自治区", "新疆"),
)  # fmt: skip

_OUTSIDE_SYSTEM: tuple[tuple[str, str, str], ...] = (
    ("710000", "台湾省", "台湾"),
    ("810000", "香港特别行政区", "香港"),
    ("820000", "澳门特别行政区", "澳门"),
)

# Retired county codes still seen on old records: (old code, old name, year retired, successor code).
_RETIRED: tuple[tuple[str, str, int, str], ...] = (
    ("430124", "宁乡县", 2017, "430182"),
    ("430221", "株洲县", 2018, "430212"),
    ("430521", "邵东县", 2019, "430582"),
    ("431121", "祁阳县", 2021, "431181"),
)

_PROVINCE_LEVEL_NAMES = ("省本级", "湖南省本级")


@attrs.frozen
class _Tables:
    by_code: Mapping[str, Place]
    by_name: Mapping[str, Place]
    aliases: Mapping[str, Place]  # zone and retired codes and names, each resolved with a note


def _read_csv(name: str) -> list[dict[str, str]]:
    text = _data.text("data", name)
    return list(csv.DictReader(text.splitlines()))


@functools.cache
def _tables() -> _Tables:
    by_code: dict[str, Place] = {}
    for row in _read_csv("hunan-divisions-2025.csv"):
        if row["level"] == "province":
            continue
        kind = PlaceKind.CITY if row["level"] == "prefecture" else PlaceKind.COUNTY
        city_code = row["code"] if kind is PlaceKind.CITY else row["parent_code"]
        by_code[row["code"]] = Place(code=row["code"], name=row["name"], kind=kind, city_code=city_code)
    for code, name, _short in _OTHER_PROVINCES:
        by_code[code] = Place(code=code, name=name, kind=PlaceKind.OTHER_PROVINCE)
    by_name = {p.name: p for p in by_code.values()}
    by_name.update({short: by_code[code] for code, _name, short in _OTHER_PROVINCES})

    aliases: dict[str, Place] = {}
    for row in _read_csv("hunan-nbs-functional-zones.csv"):
        parent = by_code[row["parent_code"]]
        note = (
            f"{row['code']} {row['name']} is a 国家统计局 statistical-only zone, not an administrative division; "
            f"resolved to its parent city {parent.code} {parent.name}"
        )
        for alias in (row["code"], row["name"]):
            aliases[alias] = attrs.evolve(parent, note=note)
    for old_code, old_name, year, new_code in _RETIRED:
        successor = by_code[new_code]
        note = (
            f"{old_code} {old_name} was retired in {year} (now {successor.name}); "
            f"resolved to its successor {successor.code} {successor.name}"
        )
        for alias in (old_code, old_name):
            aliases[alias] = attrs.evolve(successor, note=note)
    return _Tables(
        by_code=MappingProxyType(by_code),
        by_name=MappingProxyType(by_name),
        aliases=MappingProxyType(aliases),
    )


def place(text: str) -> Place:
    """The place named by a division code or a name.

    Accepts a Hunan city or county code or name, 省本级 (or 湖南省本级), a mainland province's code, full name or
    short name, and the aliases described in the module docstring. ``430000``/``湖南省`` is ambiguous (name a city,
    a county or 省本级) and raises; so do Hong Kong, Macao, Taiwan and anything unknown.
    """
    if not isinstance(text, str):
        raise InvalidInputError("place", f"must be a code or a name (str), got {type(text).__name__}")
    key = text.strip()
    if key in _PROVINCE_LEVEL_NAMES:
        return PROVINCE_LEVEL
    if key in (HUNAN_CODE, "湖南省", "湖南"):
        raise UnknownPlaceError(
            "place",
            f"{key!r} is ambiguous: name a 市州, a county-level division, or 省本级 (provincial level)",
        )
    tables = _tables()
    found = tables.by_code.get(key) or tables.by_name.get(key) or tables.aliases.get(key)
    if found is not None:
        return found
    for code, name, short in _OUTSIDE_SYSTEM:
        if key in (code, name, short):
            raise OutsideSystemError(
                "place", f"{name} is outside the mainland work-injury insurance system this procedure serves"
            )
    if len(key) == 6 and key.isdigit() and key[:2] + "0000" in tables.by_code and key[:2] != "43":
        province = tables.by_code[key[:2] + "0000"]
        raise UnknownPlaceError(
            "place",
            f"{key} is below province level outside Hunan; outside Hunan a place is a whole province: "
            f"use {province.code} {province.name}",
        )
    raise UnknownPlaceError(
        "place", f"{key!r} is no Hunan division, 省本级, or mainland province this library knows"
    )


def check_treatment_place(field: str, value: object) -> Place:
    """``value`` if it can be a treatment place (就医地): a Place other than 省本级, else an error naming ``field``.

    省本级 is an insured place only; the treatment place is the city of the institution in Hunan, or its province
    outside Hunan (article 2 ¶3).
    """
    if not isinstance(value, Place):
        raise InvalidInputError(
            field, f"must be a Place (see gongshang_rules.place), got {type(value).__name__}"
        )
    if value.kind is PlaceKind.PROVINCE_LEVEL:
        raise InvalidInputError(
            field,
            "省本级 is an insured place, not a treatment place: name the Hunan city or county of the institution, "
            "or its province outside Hunan (article 2 ¶3)",
        )
    return value


def is_treatment_place(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: :func:`check_treatment_place` on the field."""
    check_treatment_place(attribute.name, value)


def hunan_cities() -> tuple[Place, ...]:
    """Hunan's 14 市州, by code."""
    return tuple(p for p in _tables().by_code.values() if p.kind is PlaceKind.CITY)


def all_places() -> tuple[Place, ...]:
    """Every place :func:`place` returns without a note: 省本级, Hunan's cities and counties, and 30 provinces."""
    return (PROVINCE_LEVEL, *_tables().by_code.values())
