"""English names of places (gongshang_rules.kernel.place_names): every place the library knows has one."""

from __future__ import annotations

import pytest

import gongshang_rules as gr
from gongshang_rules.kernel.places import all_places


class TestEnglishName:
    """english_name gives every place an English name, and rejects what is not a place."""

    def test_every_place_has_a_distinct_english_name(self) -> None:
        """All 167 places, 省本级 included; names are unique within a city (counties) and ASCII."""
        names = {p: gr.english_name(p) for p in all_places()}
        assert len(names) == 167
        assert all(n and n.isascii() for n in names.values())
        assert len(set(names.values())) == len(names)

    @pytest.mark.parametrize(
        ("text", "english"),
        [
            ("长沙市", "Changsha"),
            ("433100", "Xiangxi Tujia and Miao Autonomous Prefecture"),
            ("431124", "Dao County"),
            ("430124", "Ningxiang City"),  # retired 宁乡县: the name of its successor
            ("新疆", "Xinjiang"),
            ("省本级", "Hunan provincial level"),
        ],
    )
    def test_names_of_cities_counties_aliases_and_provinces(self, text: str, english: str) -> None:
        """The usual romanisation, an alias under its successor's name."""
        assert gr.english_name(gr.place(text)) == english

    def test_anything_but_a_place_is_a_typed_error(self) -> None:
        """A code as text is not a Place: InvalidInputError on ``place``."""
        with pytest.raises(gr.InvalidInputError) as raised:
            gr.english_name("430100")  # type: ignore[arg-type]
        assert raised.value.field == "place"
