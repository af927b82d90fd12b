"""English names of places, for labels where Chinese cannot be shown (a plot without a CJK font, an English report).

The names are the usual romanisations of Hunan's 14 市州 and 122 county-level divisions and of the 30 other
mainland provinces (``data/place-names-en.csv``, keyed by division code); 省本级 is "Hunan provincial level".
An alias that :func:`~gongshang_rules.place` resolves (a retired county code, a statistical zone) has the English
name of the place it resolves to.

>>> from gongshang_rules import place
>>> english_name(place("长沙市")), english_name(place("430529")), english_name(place("广东"))
('Changsha', 'Chengbu Miao Autonomous County', 'Guangdong')
>>> english_name(place("省本级"))
'Hunan provincial level'
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from types import MappingProxyType

from . import _data
from .errors import InvalidInputError
from .places import Place, PlaceKind

__all__ = [
    "english_name",
]

PROVINCE_LEVEL_EN = "Hunan provincial level"


@functools.cache
def _names() -> Mapping[str, str]:
    text = _data.text("data", "place-names-en.csv")
    return MappingProxyType({row["code"]: row["name_en"] for row in csv.DictReader(text.splitlines())})


def english_name(place: Place) -> str:
    """The English name of ``place`` (every place :func:`~gongshang_rules.place` returns has one)."""
    if not isinstance(place, Place):
        raise InvalidInputError(
            "place", f"must be a Place (see gongshang_rules.place), got {type(place).__name__}"
        )
    if place.kind is PlaceKind.PROVINCE_LEVEL:
        return PROVINCE_LEVEL_EN
    return _names()[place.code]
