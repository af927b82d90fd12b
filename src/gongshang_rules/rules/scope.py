"""Scope of one (insured place, treatment place) pair: articles 2 and 3.

>>> from gongshang_rules import place
>>> str(classify_scope(place("650000"), place("430100")).outcome)
'CROSS_PROVINCE_INBOUND'
>>> classify_scope(place("430181"), place("430102")).outcome is Scope.LOCAL
True
"""

from __future__ import annotations

import attrs

from ..kernel._validate import pure_cache, type_name
from ..kernel.articles import ArticleRef
from ..kernel.errors import InvalidInputError
from ..kernel.places import Place, PlaceKind, check_treatment_place
from ..kernel.ruling import LabelledEnum, Ruling, decisive

__all__ = [
    "Scope",
    "ScopeRuling",
    "classify_scope",
]


class Scope(LabelledEnum):
    """The scope of an (insured, treatment) pair, exactly as SPEC.md's table."""

    LOCAL = ("本市州内就医，不纳入异地就医管理", "local care within one city, not out-of-area")
    PROVINCIAL_RECOGNITION = (
        "省本级互认协议机构结算，不纳入异地就医管理",
        "provincial-level mutual recognition",
    )
    INTRA_PROVINCE = ("省内异地就医", "intra-province out-of-area")
    CROSS_PROVINCE_OUTBOUND = (
        "跨省异地就医（湖南参保、外省就医）",
        "cross-province, Hunan-insured treated elsewhere",
    )
    CROSS_PROVINCE_INBOUND = ("跨省异地就医（外省参保、湖南就医）", "cross-province, treated in Hunan")
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")

    @property
    def out_of_area(self) -> bool:
        """True for the three scopes that are out-of-area direct settlement under this procedure."""
        return self in (Scope.INTRA_PROVINCE, Scope.CROSS_PROVINCE_OUTBOUND, Scope.CROSS_PROVINCE_INBOUND)

    @property
    def cross_province(self) -> bool:
        return self in (Scope.CROSS_PROVINCE_OUTBOUND, Scope.CROSS_PROVINCE_INBOUND)


@attrs.frozen(kw_only=True)
class ScopeRuling(Ruling[Scope]):
    """The scope of a pair of places, with the reasons."""


SCOPE_LOCAL = decisive(
    "SCOPE_LOCAL",
    ArticleRef(3, paragraph=1),
    when="Whenever the scope of (insured place, treatment place) is LOCAL: both are Hunan places in the same city (市州), the insured place not being 省本级.",
    zh="参保地{insured}与就医地{treatment}同属{city}，市州内跨县就医不纳入异地就医直接结算管理，在本市州协议机构直接结算。",
    en="Insured place {insured} and treatment place {treatment} are both in {city}: care across counties "
    "within one city is not out-of-area; it is settled directly at the city's agreement institutions.",
)
SCOPE_PROVINCIAL_RECOGNITION = decisive(
    "SCOPE_PROVINCIAL_RECOGNITION",
    ArticleRef(3, paragraph=2),
    when="Whenever the scope is PROVINCIAL_RECOGNITION: the insured place is 省本级 and the treatment place is in Hunan.",
    zh="参保地为省本级，在省内{treatment}就医不纳入异地就医直接结算管理，由省本级互认市州协议机构直接结算。",
    en="Insured at provincial level (省本级) and treated in {treatment}, within Hunan: not out-of-area; settled "
    "directly at the city institutions the province recognises.",
)
SCOPE_INTRA_PROVINCE = decisive(
    "SCOPE_INTRA_PROVINCE",
    ArticleRef(2, paragraph=1),
    ArticleRef(2, paragraph=2),
    when="Whenever the scope is INTRA_PROVINCE: insured and treatment places are Hunan places in different cities, the insured place not being 省本级.",
    zh="参保地{insured}与就医地{treatment}分属省内不同市州，属省内异地就医。",
    en="Insured place {insured} and treatment place {treatment} are in different Hunan cities: intra-province "
    "out-of-area care.",
)
SCOPE_CROSS_PROVINCE_OUTBOUND = decisive(
    "SCOPE_CROSS_PROVINCE_OUTBOUND",
    ArticleRef(2, paragraph=1),
    ArticleRef(2, paragraph=2),
    when="Whenever the scope is CROSS_PROVINCE_OUTBOUND: the insured place is in Hunan (省本级 included) and the treatment place is another province.",
    zh="在湖南{insured}参保，在{treatment}就医，属跨省异地就医。",
    en="Insured in Hunan ({insured}) and treated in {treatment}: cross-province out-of-area care.",
)
SCOPE_CROSS_PROVINCE_INBOUND = decisive(
    "SCOPE_CROSS_PROVINCE_INBOUND",
    ArticleRef(2, paragraph=1),
    ArticleRef(2, paragraph=2),
    when="Whenever the scope is CROSS_PROVINCE_INBOUND: the insured place is another province and the treatment place is in Hunan.",
    zh="在{insured}参保，在湖南{treatment}就医，属跨省异地就医，湖南为就医地。",
    en="Insured in {insured} and treated in {treatment}, Hunan: cross-province out-of-area care with Hunan as "
    "the treatment province.",
)
SCOPE_NOT_GOVERNED = decisive(
    "SCOPE_NOT_GOVERNED",
    ArticleRef(2, paragraph=1),
    when="Whenever the scope is NOT_GOVERNED: both the insured and the treatment place are outside Hunan.",
    zh="参保地{insured}与就医地{treatment}均在湖南省外，不属本规程调整，由参保地和就医地的规定办理。",
    en="Both the insured place {insured} and the treatment place {treatment} are outside Hunan: this procedure "
    "does not govern the case; the rules of those provinces and the national procedure do.",
)


def _check_place(field: str, value: object) -> Place:
    if not isinstance(value, Place):
        raise InvalidInputError(field, f"must be a Place (see gongshang_rules.place), got {type_name(value)}")
    return value


@pure_cache
def classify_scope(insured: Place, treatment: Place) -> ScopeRuling:
    """The scope of care for a worker insured at ``insured`` and treated at ``treatment`` (articles 2, 3).

    ``treatment`` is a Hunan city or county, or another province; it cannot be 省本级, which is an insured place
    only (article 2 ¶3 defines the treatment place as the city of the institution).

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``LOCAL``, ``PROVINCIAL_RECOGNITION``, ``INTRA_PROVINCE``, ``CROSS_PROVINCE_OUTBOUND``,
      ``CROSS_PROVINCE_INBOUND``, ``NOT_GOVERNED``
    * reason codes: ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``,
      ``SCOPE_INTRA_PROVINCE``, ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION``
      (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3
    """
    _check_place("insured", insured)
    check_treatment_place("treatment", treatment)
    # The treatment place is the institution's 市州 (article 2 ¶3); only care within one city names the county.
    names = {"insured": insured.name, "treatment": treatment.as_treatment_place.name}
    if insured.kind is PlaceKind.OTHER_PROVINCE:
        if treatment.kind is PlaceKind.OTHER_PROVINCE:
            return ScopeRuling(outcome=Scope.NOT_GOVERNED, reasons=(SCOPE_NOT_GOVERNED.make(**names),))
        return ScopeRuling(
            outcome=Scope.CROSS_PROVINCE_INBOUND, reasons=(SCOPE_CROSS_PROVINCE_INBOUND.make(**names),)
        )
    if treatment.kind is PlaceKind.OTHER_PROVINCE:
        return ScopeRuling(
            outcome=Scope.CROSS_PROVINCE_OUTBOUND, reasons=(SCOPE_CROSS_PROVINCE_OUTBOUND.make(**names),)
        )
    if insured.kind is PlaceKind.PROVINCE_LEVEL:
        return ScopeRuling(
            outcome=Scope.PROVINCIAL_RECOGNITION, reasons=(SCOPE_PROVINCIAL_RECOGNITION.make(**names),)
        )
    if insured.city_code == treatment.city_code:
        city = insured.city
        assert city is not None  # a Hunan city or county always has one
        return ScopeRuling(
            outcome=Scope.LOCAL,
            reasons=(SCOPE_LOCAL.make(city=city.name, insured=insured.name, treatment=treatment.name),),
        )
    return ScopeRuling(outcome=Scope.INTRA_PROVINCE, reasons=(SCOPE_INTRA_PROVINCE.make(**names),))
