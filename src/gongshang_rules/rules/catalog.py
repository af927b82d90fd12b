"""Which catalogs govern the costs, and who pays the meal allowance and referral travel: article 17.

Article 17 ¶1: intra-province out-of-area care follows Hunan's unified catalogs and standards (medical items,
drugs, inpatient standards, rehabilitation items, the assistive-device catalog and its limits). Article 17 ¶2:
cross-province care follows the treatment place's catalogs for inpatient medical and rehabilitation costs, and the
insured place's device catalog and limits. Article 17 ¶3: the inpatient meal allowance (住院伙食补助费) is paid by
the treatment place's agency within the province and reimbursed by the insured place's agency across provinces;
travel and lodging caused by a referral (交通食宿费) are reimbursed by the insured place's agency.

Article 17 ¶2 names the catalogs of the *inpatient* costs settled directly across provinces: for a cross-province
outpatient visit (outside direct settlement for now, article 5) the procedure names none, so the answer is
NOT_SPECIFIED (``care=CareType.OUTPATIENT``), except the device catalog, which is the insured place's whatever the
care. Where the procedure is silent (care within one city, provincial-level workers, travel without a
referral) the ruling says NOT_SPECIFIED and names what governs instead; a case between two other provinces is
NOT_GOVERNED.

>>> governing_catalog(Scope.CROSS_PROVINCE_INBOUND, CostKind.DRUGS).outcome.name
'TREATMENT_PLACE'
>>> governing_catalog(Scope.CROSS_PROVINCE_INBOUND, CostKind.DEVICE_CATALOG).outcome.name
'INSURED_PLACE'
>>> meal_allowance(Scope.INTRA_PROVINCE).payer.name
'TREATMENT_PLACE_AGENCY'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

import attrs

from ..kernel._validate import pure_cache, type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import (
    HUNAN_IMPLEMENTING_MEASURES,
    NATIONAL_NOTICE,
    NATIONAL_PROCEDURE,
    REGULATION_ARTICLE_30,
)
from ..kernel.errors import InvalidInputError
from ..kernel.ruling import LabelledEnum, ReasonTemplate, Ruling, decisive
from ..kernel.terms import CareType
from .scope import Scope

__all__ = [
    "AgencyRole",
    "AllowanceHandling",
    "AllowanceKind",
    "AllowanceRuling",
    "CatalogRuling",
    "CatalogSource",
    "CostKind",
    "PlaceRole",
    "governing_catalog",
    "meal_allowance",
    "travel_and_lodging",
]


class CostKind(LabelledEnum):
    """The catalogs and standards article 17 names, one per kind of cost."""

    MEDICAL_ITEMS = ("工伤保险诊疗项目目录", "medical service items catalog")
    DRUGS = ("工伤保险药品目录", "drug catalog")
    INPATIENT_STANDARDS = ("工伤保险住院服务标准", "inpatient service standards")
    REHABILITATION_ITEMS = ("工伤康复服务项目", "rehabilitation service items")
    DEVICE_CATALOG = ("辅助器具配置目录和限额标准", "assistive-device catalog and payment limits")


class CatalogSource(LabelledEnum):
    """Whose catalog governs a kind of cost (article 17 ¶1, ¶2)."""

    HUNAN_UNIFIED = ("全省统一的目录和标准", "Hunan's unified catalogs and standards")
    TREATMENT_PLACE = ("就医地的目录和标准", "the treatment place's catalogs and standards")
    INSURED_PLACE = ("参保地的目录和标准", "the insured place's catalogs and standards")
    NOT_SPECIFIED = ("本规程未作规定", "not specified by this procedure")
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")


@attrs.frozen(kw_only=True)
class CatalogRuling(Ruling[CatalogSource]):
    """Whose catalog governs ``cost_kind`` in ``scope``."""

    scope: Scope
    cost_kind: CostKind

    def _extra_lines(self) -> list[str]:
        return [
            f"  {self.cost_kind.name} ({self.cost_kind.en} / {self.cost_kind.zh}); scope {self.scope.name}"
        ]


class AllowanceKind(LabelledEnum):
    """The two allowances of article 17 ¶3."""

    MEAL = ("住院伙食补助费", "inpatient meal allowance")
    TRAVEL_AND_LODGING = ("交通食宿费", "travel and lodging")


class AgencyRole(LabelledEnum):
    """Which agency pays or reimburses."""

    INSURED_PLACE_AGENCY = ("参保地经办机构", "the insured place's agency")
    TREATMENT_PLACE_AGENCY = ("就医地经办机构", "the treatment place's agency")


class PlaceRole(LabelledEnum):
    """Whose policy sets the standard."""

    INSURED_PLACE = ("参保地", "the insured place")
    TREATMENT_PLACE = ("就医地", "the treatment place")


class AllowanceHandling(LabelledEnum):
    """How an allowance is handled under article 17 ¶3."""

    PAID_BY_TREATMENT_PLACE = (
        "由就医地经办机构按照就医地政策审核支付",
        "audited and paid by the treatment place's agency under its policy",
    )
    REIMBURSED_BY_INSURED_PLACE = (
        "由参保地经办机构按照参保地政策审核报销",
        "reimbursed by the insured place's agency under its policy",
    )
    NOT_SPECIFIED = ("本规程未作规定", "not specified by this procedure")
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")


@attrs.frozen(kw_only=True)
class AllowanceRuling(Ruling[AllowanceHandling]):
    """How ``allowance`` is handled in ``scope``.

    ``payer`` (the agency that pays or reimburses), ``policy`` (whose policy sets the standard) and
    ``part_of_direct_settlement`` (whether it is settled with the directly settled costs) are ``None`` where this
    procedure does not say.
    """

    allowance: AllowanceKind
    scope: Scope
    payer: AgencyRole | None = None
    policy: PlaceRole | None = None
    part_of_direct_settlement: bool | None = None

    def _extra_lines(self) -> list[str]:
        def show(value: LabelledEnum | None) -> str:
            return "not specified" if value is None else value.name

        direct = {None: "not specified", True: "yes", False: "no"}[self.part_of_direct_settlement]
        return [
            f"  {self.allowance.name} ({self.allowance.en} / {self.allowance.zh}); scope {self.scope.name}",
            f"  payer: {show(self.payer)}; policy: {show(self.policy)}; in direct settlement: {direct}",
        ]


_A2_1 = ArticleRef(2, paragraph=1)
_A3_1 = ArticleRef(3, paragraph=1)
_A3_2 = ArticleRef(3, paragraph=2)
_A5 = ArticleRef(5)
_A17_1 = ArticleRef(17, paragraph=1)
_A17_2 = ArticleRef(17, paragraph=2)
_A17_3 = ArticleRef(17, paragraph=3)
_A25_2 = ArticleRef(25, paragraph=2)

# --- catalogs ---

CATALOG_INTRA_PROVINCE_UNIFIED = decisive(
    "CATALOG_INTRA_PROVINCE_UNIFIED",
    _A17_1,
    when="Catalog of a cost kind for scope INTRA_PROVINCE (outcome HUNAN_UNIFIED).",
    zh="省内异地就医直接结算的工伤医疗费、工伤康复费和辅助器具配置费，执行全省统一的{catalog}。",
    en="Intra-province out-of-area care: the medical, rehabilitation and device costs settled directly follow "
    "Hunan's unified {catalog_en}.",
)
CATALOG_LOCAL_UNIFIED = decisive(
    "CATALOG_LOCAL_UNIFIED",
    _A17_1,
    _A3_1,
    when="Catalog of a cost kind for scope LOCAL (outcome HUNAN_UNIFIED, a reading).",
    reading=True,
    zh="市州内跨县（市、区）就医不纳入异地就医直接结算管理（第三条第一款）；第十七条第一款只规定省内异地就医，"
    "市州内就医同在省内，解读为同样执行全省统一的{catalog}。",
    en="Care within one city is not out-of-area (art. 3(1)); art. 17(1) names intra-province out-of-area care "
    "only, but care within one city is within the province too, so we read Hunan's unified {catalog_en} as "
    "governing it.",
)
CATALOG_PROVINCIAL_RECOGNITION_UNIFIED = decisive(
    "CATALOG_PROVINCIAL_RECOGNITION_UNIFIED",
    _A17_1,
    _A3_2,
    when="Catalog of a cost kind for scope PROVINCIAL_RECOGNITION (outcome HUNAN_UNIFIED, a reading).",
    reading=True,
    zh="省本级工伤职工在省内跨市州就医不纳入异地就医直接结算管理（第三条第二款）；第十七条第一款只规定省内异地"
    "就医，省本级职工在省内就医同在省内，解读为同样执行全省统一的{catalog}。",
    en="A provincial-level (省本级) worker treated in a Hunan city is not out-of-area (art. 3(2)); art. 17(1) "
    "names intra-province out-of-area care only, but this care is within the province too, so we read Hunan's "
    "unified {catalog_en} as governing it.",
)
CATALOG_CROSS_PROVINCE_TREATMENT_PLACE = decisive(
    "CATALOG_CROSS_PROVINCE_TREATMENT_PLACE",
    _A17_2,
    _A5,
    when="Catalog of any cost kind but DEVICE_CATALOG for a cross-province scope, either direction, with "
    "care INPATIENT (outcome TREATMENT_PLACE).",
    zh="跨省异地就医直接结算的住院工伤医疗费和住院工伤康复费，执行就医地（{treatment}）的{catalog}。"
    "跨省门诊费用暂不纳入直接结算（第五条），本条未规定其目录。",
    en="Cross-province care: inpatient medical and rehabilitation costs settled directly follow the treatment "
    "place's ({treatment_en}) {catalog_en}. Cross-province outpatient costs are outside direct settlement "
    "(art. 5) for now; this article names no catalog for them.",
)
CATALOG_CROSS_PROVINCE_INSURED_PLACE_DEVICES = decisive(
    "CATALOG_CROSS_PROVINCE_INSURED_PLACE_DEVICES",
    _A17_2,
    when="Catalog of DEVICE_CATALOG for a cross-province scope, either direction (outcome INSURED_PLACE).",
    zh="跨省异地就医的辅助器具配置目录和限额标准执行参保地（{insured}）有关规定。",
    en="Cross-province care: the assistive-device catalog and payment limits are the insured place's "
    "({insured_en}).",
)
CATALOG_CROSS_PROVINCE_OUTPATIENT_NOT_SPECIFIED = decisive(
    "CATALOG_CROSS_PROVINCE_OUTPATIENT_NOT_SPECIFIED",
    _A17_2,
    _A5,
    when="The catalog decision (and each catalog of a settlement) for a cross-province scope, care other than "
    "INPATIENT (an outpatient visit or a device fitting) and a cost kind other than DEVICE_CATALOG.",
    zh="第十七条第二款只规定跨省异地就医直接结算的住院工伤医疗费和住院工伤康复费执行就医地的目录；{care}的{catalog}本规程未作规定，"
    "由参保地规定确定（跨省门诊费用另见第五条）。",
    en="Art. 17(2) names the treatment place's catalogs for the inpatient medical and rehabilitation costs settled "
    "directly across provinces only; this procedure does not say which {catalog_en} governs the costs of a "
    "{care_en}: the insured place's rules decide (for cross-province outpatient costs see also art. 5).",
)
CATALOG_NOT_GOVERNED = decisive(
    "CATALOG_NOT_GOVERNED",
    _A2_1,
    when="Catalog of a cost kind for scope NOT_GOVERNED.",
    zh="参保地与就医地均在湖南省外，本规程不调整；{catalog}按国家跨省异地就医直接结算规定和相关省份的规定执行。",
    en="Both places are outside Hunan: this procedure does not govern the case; the {catalog_en} is set by the "
    "national rules for cross-province direct settlement and those provinces' rules.",
    authorities=(NATIONAL_NOTICE, NATIONAL_PROCEDURE),
)

# --- meal allowance ---

MEAL_INTRA_PROVINCE_TREATMENT_PLACE = decisive(
    "MEAL_INTRA_PROVINCE_TREATMENT_PLACE",
    _A17_3,
    when="Meal allowance for scope INTRA_PROVINCE; also in a settlement of that scope, on a day in force, with a MEAL_ALLOWANCE cost line, where it decides the allowance's share of the bill.",
    zh="省内异地就医工伤职工住院伙食补助费由就医地经办机构按照就医地政策审核支付。",
    en="Intra-province out-of-area care: the inpatient meal allowance is audited and paid by the treatment "
    "place's agency under the treatment place's policy.",
)
MEAL_INTRA_PROVINCE_IN_DIRECT_SETTLEMENT = decisive(
    "MEAL_INTRA_PROVINCE_IN_DIRECT_SETTLEMENT",
    _A17_3,
    _A25_2,
    when="With MEAL_INTRA_PROVINCE_TREATMENT_PLACE, always (the reading that the allowance is paid within the direct settlement).",
    reading=True,
    zh="第十七条第三款未明言伙食补助费是否纳入直接结算；就医地经办机构审核支付，与其审核垫付直接结算费用"
    "（第二十五条第二款）相同，且与跨省的“参保地审核报销”相对，解读为随直接结算支付，无需回参保地报销。",
    en="Article 17(3) does not say in words that the allowance is settled directly; the treatment place's agency "
    "audits and pays it, as it audits and advances directly settled costs (art. 25(2)), in contrast with "
    "cross-province reimbursement by the insured place: we read it as paid with the direct settlement, not "
    "claimed back at the insured place.",
)
MEAL_CROSS_PROVINCE_INSURED_PLACE = decisive(
    "MEAL_CROSS_PROVINCE_INSURED_PLACE",
    _A17_3,
    when="Meal allowance for a cross-province scope; also in a cross-province settlement, on a day in force, with a MEAL_ALLOWANCE cost line, where it keeps the allowance out of the bill.",
    zh="跨省异地就医工伤职工住院伙食补助费由参保地经办机构按照参保地政策审核报销，不纳入直接结算。",
    en="Cross-province care: the inpatient meal allowance is reimbursed by the insured place's agency under the "
    "insured place's policy, outside direct settlement.",
)
MEAL_NOT_SPECIFIED_LOCAL = decisive(
    "MEAL_NOT_SPECIFIED_LOCAL",
    _A3_1,
    _A17_3,
    when="Meal allowance for scope LOCAL (outcome NOT_SPECIFIED).",
    zh="市州内就医不纳入异地就医直接结算管理（第三条第一款），第十七条第三款只规定省内异地和跨省异地就医的住院"
    "伙食补助费：本规程未作规定，按参保地的一般规定（《工伤保险条例》第三十条、《湖南省实施〈工伤保险条例〉办法》）办理。",
    en="Care within one city is not out-of-area (art. 3(1)), and art. 17(3) covers the meal allowance of "
    "intra-province and cross-province out-of-area care only: this procedure does not say; the insured place's "
    "ordinary rules govern (Regulation art. 30 and Hunan's implementing measures).",
    authorities=(REGULATION_ARTICLE_30, HUNAN_IMPLEMENTING_MEASURES),
)
MEAL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION = decisive(
    "MEAL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION",
    _A3_2,
    _A17_3,
    when="Meal allowance for scope PROVINCIAL_RECOGNITION (outcome NOT_SPECIFIED).",
    zh="省本级工伤职工在省内就医不纳入异地就医直接结算管理（第三条第二款），第十七条第三款只规定省内异地和跨省"
    "异地就医的住院伙食补助费：本规程未作规定，按参保地（省本级）的一般规定（《工伤保险条例》第三十条、"
    "《湖南省实施〈工伤保险条例〉办法》）办理。",
    en="A provincial-level (省本级) worker treated in Hunan is not out-of-area (art. 3(2)), and art. 17(3) covers "
    "the meal allowance of intra-province and cross-province out-of-area care only: this procedure does not "
    "say; the provincial level's ordinary rules govern (Regulation art. 30 and Hunan's implementing measures).",
    authorities=(REGULATION_ARTICLE_30, HUNAN_IMPLEMENTING_MEASURES),
)
MEAL_NOT_GOVERNED = decisive(
    "MEAL_NOT_GOVERNED",
    _A2_1,
    when="Meal allowance for scope NOT_GOVERNED.",
    zh="参保地与就医地均在湖南省外，本规程不调整；住院伙食补助费按国家规定和参保地规定办理。",
    en="Both places are outside Hunan: this procedure does not govern the case; the meal allowance follows the "
    "national rules and the insured place's rules.",
    authorities=(NATIONAL_NOTICE, NATIONAL_PROCEDURE),
)

# --- travel and lodging ---

TRAVEL_CROSS_PROVINCE_REFERRAL = decisive(
    "TRAVEL_CROSS_PROVINCE_REFERRAL",
    _A17_3,
    when="Travel and lodging of a referral in a cross-province scope; also in such a settlement, on a day in force, with a TRAVEL_AND_LODGING cost line and a REFERRAL filing.",
    zh="工伤职工因跨省异地转诊转院发生的交通食宿费由参保地经办机构按照参保地政策审核报销，不纳入直接结算。",
    en="Travel and lodging caused by a cross-province referral are reimbursed by the insured place's agency under "
    "the insured place's policy, outside direct settlement.",
)
TRAVEL_INTRA_PROVINCE_REFERRAL = decisive(
    "TRAVEL_INTRA_PROVINCE_REFERRAL",
    _A17_3,
    when="Travel and lodging of a referral in scope INTRA_PROVINCE; also in such a settlement, on a day in force, with a TRAVEL_AND_LODGING cost line and a REFERRAL filing.",
    reading=True,
    zh="第十七条第三款第二句的后一短语“工伤职工因异地转诊转院发生的交通食宿费”重复其主语而未带“跨省”二字，"
    "解读为涵盖一切异地转诊转院，省内异地转诊转院亦然；《工伤保险条例》第三十条（到统筹地区以外就医的交通食宿费用"
    "由工伤保险基金按统筹地区标准支付）指向相同结论。故由参保地经办机构按照参保地政策审核报销，不纳入直接结算。"
    "另一种读法是该短语仍承前句的“跨省”，则省内转诊转院的交通食宿费本规程未作规定，按《工伤保险条例》第三十条由参保地"
    "按统筹地区标准支付：两种读法都由参保地负担、不纳入直接结算，区别只在依据。",
    en="The second phrase of art. 17(3)'s second sentence ('travel and lodging a worker incurs through an "
    "out-of-area referral') repeats its subject without 'cross-province', so we read it as covering every "
    "out-of-area referral, intra-province ones included; Regulation art. 30 (travel outside the pooling area "
    "paid by the fund at the pooling area's standard) points the same way. So the insured place's agency "
    "reimburses them under the insured place's policy, outside direct settlement. The other reading keeps "
    "'cross-province' from the sentence's first phrase: then this procedure is silent on intra-province referral "
    "travel, and Regulation art. 30 has the insured place pay it at the pooling area's standard. Both readings "
    "put it on the insured place, outside direct settlement; they differ only in the basis.",
    authorities=(REGULATION_ARTICLE_30,),
)
TRAVEL_NOT_A_REFERRAL = decisive(
    "TRAVEL_NOT_A_REFERRAL",
    _A17_3,
    when="Travel and lodging when is_referral is false and the scope is not NOT_GOVERNED; also in such a settlement with a TRAVEL_AND_LODGING cost line and no REFERRAL filing.",
    zh="第十七条第三款只规定因异地转诊转院发生的交通食宿费；非转诊转院的交通食宿费本规程未作规定，"
    "按《工伤保险条例》第三十条和参保地规定办理。",
    en="Art. 17(3) covers travel and lodging caused by a referral only: for other travel this procedure does not "
    "say; Regulation art. 30 and the insured place's rules govern.",
    authorities=(REGULATION_ARTICLE_30,),
)
TRAVEL_NOT_SPECIFIED_LOCAL = decisive(
    "TRAVEL_NOT_SPECIFIED_LOCAL",
    _A3_1,
    _A17_3,
    when="Travel and lodging of a referral in scope LOCAL (outcome NOT_SPECIFIED).",
    zh="市州内跨县（市、区）转诊不纳入异地就医直接结算管理（第三条第一款），不属第十七条第三款的异地转诊转院："
    "本规程未作规定，按《工伤保险条例》第三十条和参保地规定（《湖南省实施〈工伤保险条例〉办法》）办理。",
    en="A referral within one city is not out-of-area (art. 3(1)), so it is not an out-of-area referral of "
    "art. 17(3): this procedure does not say; Regulation art. 30 and the insured place's rules (Hunan's "
    "implementing measures) govern.",
    authorities=(REGULATION_ARTICLE_30, HUNAN_IMPLEMENTING_MEASURES),
)
TRAVEL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION = decisive(
    "TRAVEL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION",
    _A3_2,
    _A17_3,
    when="Travel and lodging of a referral in scope PROVINCIAL_RECOGNITION (outcome NOT_SPECIFIED).",
    zh="省本级工伤职工在省内跨市州转诊不纳入异地就医直接结算管理（第三条第二款），不属第十七条第三款的异地转诊"
    "转院：本规程未作规定，按《工伤保险条例》第三十条和省本级规定（《湖南省实施〈工伤保险条例〉办法》）办理。",
    en="A provincial-level (省本级) worker's referral within Hunan is not out-of-area (art. 3(2)), so it is not "
    "an out-of-area referral of art. 17(3): this procedure does not say; Regulation art. 30 and the provincial "
    "level's rules (Hunan's implementing measures) govern.",
    authorities=(REGULATION_ARTICLE_30, HUNAN_IMPLEMENTING_MEASURES),
)
TRAVEL_NOT_GOVERNED = decisive(
    "TRAVEL_NOT_GOVERNED",
    _A2_1,
    when="Travel and lodging for scope NOT_GOVERNED, referral or not.",
    zh="参保地与就医地均在湖南省外，本规程不调整；交通食宿费按国家规定和参保地规定办理。",
    en="Both places are outside Hunan: this procedure does not govern the case; travel and lodging follow the "
    "national rules and the insured place's rules.",
    authorities=(NATIONAL_NOTICE, NATIONAL_PROCEDURE, REGULATION_ARTICLE_30),
)


def _check_scope(scope: object) -> Scope:
    if not isinstance(scope, Scope):
        members = ", ".join(s.name for s in Scope)
        raise InvalidInputError("scope", f"must be a Scope member ({members}), got {type_name(scope)}")
    return scope


_TREATMENT_SIDE = {
    Scope.CROSS_PROVINCE_INBOUND: ("湖南", "in Hunan"),
    Scope.CROSS_PROVINCE_OUTBOUND: ("湖南省外", "outside Hunan"),
}
_INSURED_SIDE = {
    Scope.CROSS_PROVINCE_INBOUND: ("湖南省外", "outside Hunan"),
    Scope.CROSS_PROVINCE_OUTBOUND: ("湖南", "in Hunan"),
}


class _Handling(NamedTuple):
    """A cell of an allowance table: how the allowance is handled, the reason (and a second one where a reading
    completes it), and, where the procedure says, who pays, under whose policy, and whether with the direct
    settlement."""

    outcome: AllowanceHandling
    template: ReasonTemplate
    reading: ReasonTemplate | None = None
    payer: AgencyRole | None = None
    policy: PlaceRole | None = None
    part_of_direct_settlement: bool | None = None


def _reimbursed(template: ReasonTemplate) -> _Handling:
    """Reimbursed by the insured place's agency under its policy, outside direct settlement (art. 17 ¶3)."""
    return _Handling(
        AllowanceHandling.REIMBURSED_BY_INSURED_PLACE,
        template,
        payer=AgencyRole.INSURED_PLACE_AGENCY,
        policy=PlaceRole.INSURED_PLACE,
        part_of_direct_settlement=False,
    )


def _silent(template: ReasonTemplate) -> _Handling:
    """The procedure does not say; the reason names what governs instead."""
    return _Handling(AllowanceHandling.NOT_SPECIFIED, template)


def _not_governed(template: ReasonTemplate) -> _Handling:
    return _Handling(AllowanceHandling.NOT_GOVERNED, template)


#: Article 17 ¶3 for the inpatient meal allowance, by scope: paid by the treatment place within the province, with
#: the direct settlement (a reading); reimbursed by the insured place across provinces; not said for care article 3
#: keeps out of out-of-area management; not governed between two other provinces.
_MEAL: Mapping[Scope, _Handling] = MappingProxyType(
    {
        Scope.INTRA_PROVINCE: _Handling(
            AllowanceHandling.PAID_BY_TREATMENT_PLACE,
            MEAL_INTRA_PROVINCE_TREATMENT_PLACE,
            MEAL_INTRA_PROVINCE_IN_DIRECT_SETTLEMENT,
            payer=AgencyRole.TREATMENT_PLACE_AGENCY,
            policy=PlaceRole.TREATMENT_PLACE,
            part_of_direct_settlement=True,
        ),
        Scope.CROSS_PROVINCE_OUTBOUND: _reimbursed(MEAL_CROSS_PROVINCE_INSURED_PLACE),
        Scope.CROSS_PROVINCE_INBOUND: _reimbursed(MEAL_CROSS_PROVINCE_INSURED_PLACE),
        Scope.LOCAL: _silent(MEAL_NOT_SPECIFIED_LOCAL),
        Scope.PROVINCIAL_RECOGNITION: _silent(MEAL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION),
        Scope.NOT_GOVERNED: _not_governed(MEAL_NOT_GOVERNED),
    }
)

#: Article 17 ¶3 for travel and lodging, by scope: (caused by a referral, not). The insured place reimburses a
#: referral's across provinces (the letter) and within the province (a reading); the procedure says nothing of
#: other travel, nor of a referral article 3 keeps out of out-of-area management; between two other provinces it
#: governs neither.
_TRAVEL: Mapping[Scope, tuple[_Handling, _Handling]] = MappingProxyType(
    {
        Scope.INTRA_PROVINCE: (_reimbursed(TRAVEL_INTRA_PROVINCE_REFERRAL), _silent(TRAVEL_NOT_A_REFERRAL)),
        Scope.CROSS_PROVINCE_OUTBOUND: (
            _reimbursed(TRAVEL_CROSS_PROVINCE_REFERRAL),
            _silent(TRAVEL_NOT_A_REFERRAL),
        ),
        Scope.CROSS_PROVINCE_INBOUND: (
            _reimbursed(TRAVEL_CROSS_PROVINCE_REFERRAL),
            _silent(TRAVEL_NOT_A_REFERRAL),
        ),
        Scope.LOCAL: (_silent(TRAVEL_NOT_SPECIFIED_LOCAL), _silent(TRAVEL_NOT_A_REFERRAL)),
        Scope.PROVINCIAL_RECOGNITION: (
            _silent(TRAVEL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION),
            _silent(TRAVEL_NOT_A_REFERRAL),
        ),
        Scope.NOT_GOVERNED: (_not_governed(TRAVEL_NOT_GOVERNED), _not_governed(TRAVEL_NOT_GOVERNED)),
    }
)


@pure_cache
def governing_catalog(
    scope: Scope, cost_kind: CostKind, *, care: CareType = CareType.INPATIENT
) -> CatalogRuling:
    """Whose catalog governs ``cost_kind`` in ``scope`` (article 17 ¶1, ¶2; article 3 for care within Hunan).

    Intra-province: Hunan's unified catalogs (letter of 17 ¶1); care within one city and provincial-level care:
    the same [interpretation]; cross-province, either direction: the treatment place's catalogs for inpatient
    costs, the insured place's device catalog and limits (17 ¶2), and NOT_SPECIFIED for an outpatient visit's
    other costs (17 ¶2 names inpatient costs only); between two other provinces: NOT_GOVERNED.

    >>> governing_catalog(Scope.CROSS_PROVINCE_OUTBOUND, CostKind.DRUGS, care=CareType.OUTPATIENT).outcome.name
    'NOT_SPECIFIED'

    >>> governing_catalog(Scope.INTRA_PROVINCE, CostKind.DEVICE_CATALOG).outcome.name
    'HUNAN_UNIFIED'
    >>> ruling = governing_catalog(Scope.LOCAL, CostKind.DRUGS)
    >>> ruling.outcome.name, ruling.rests_on_interpretation
    ('HUNAN_UNIFIED', True)
    >>> governing_catalog(Scope.CROSS_PROVINCE_OUTBOUND, CostKind.REHABILITATION_ITEMS).outcome.name
    'TREATMENT_PLACE'
    >>> governing_catalog(Scope.NOT_GOVERNED, CostKind.MEDICAL_ITEMS).outcome.name
    'NOT_GOVERNED'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``HUNAN_UNIFIED``, ``TREATMENT_PLACE``, ``INSURED_PLACE``, ``NOT_SPECIFIED``, ``NOT_GOVERNED``
    * reason codes: ``CATALOG_CROSS_PROVINCE_INSURED_PLACE_DEVICES``,
      ``CATALOG_CROSS_PROVINCE_OUTPATIENT_NOT_SPECIFIED``, ``CATALOG_CROSS_PROVINCE_TREATMENT_PLACE``,
      ``CATALOG_INTRA_PROVINCE_UNIFIED``, ``CATALOG_LOCAL_UNIFIED``, ``CATALOG_NOT_GOVERNED``,
      ``CATALOG_PROVINCIAL_RECOGNITION_UNIFIED`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 5, art. 17
    """
    _check_scope(scope)
    if not isinstance(cost_kind, CostKind):
        members = ", ".join(c.name for c in CostKind)
        raise InvalidInputError(
            "cost_kind", f"must be a CostKind member ({members}), got {type_name(cost_kind)}"
        )
    if not isinstance(care, CareType):
        members = ", ".join(c.name for c in CareType)
        raise InvalidInputError("care", f"must be a CareType member ({members}), got {type_name(care)}")
    catalog = {"catalog": cost_kind.zh, "catalog_en": cost_kind.en}
    if scope is Scope.NOT_GOVERNED:
        outcome, reason = CatalogSource.NOT_GOVERNED, CATALOG_NOT_GOVERNED.make(**catalog)
    elif scope is Scope.INTRA_PROVINCE:
        outcome, reason = CatalogSource.HUNAN_UNIFIED, CATALOG_INTRA_PROVINCE_UNIFIED.make(**catalog)
    elif scope is Scope.LOCAL:
        outcome, reason = CatalogSource.HUNAN_UNIFIED, CATALOG_LOCAL_UNIFIED.make(**catalog)
    elif scope is Scope.PROVINCIAL_RECOGNITION:
        outcome, reason = CatalogSource.HUNAN_UNIFIED, CATALOG_PROVINCIAL_RECOGNITION_UNIFIED.make(**catalog)
    elif cost_kind is CostKind.DEVICE_CATALOG:
        insured, insured_en = _INSURED_SIDE[scope]
        outcome = CatalogSource.INSURED_PLACE
        reason = CATALOG_CROSS_PROVINCE_INSURED_PLACE_DEVICES.make(insured=insured, insured_en=insured_en)
    elif care is not CareType.INPATIENT:
        # Article 17 ¶2 names the treatment place's catalogs for inpatient costs only.
        outcome = CatalogSource.NOT_SPECIFIED
        reason = CATALOG_CROSS_PROVINCE_OUTPATIENT_NOT_SPECIFIED.make(
            care=care.zh, care_en=care.en, **catalog
        )
    else:
        treatment, treatment_en = _TREATMENT_SIDE[scope]
        outcome = CatalogSource.TREATMENT_PLACE
        reason = CATALOG_CROSS_PROVINCE_TREATMENT_PLACE.make(
            treatment=treatment, treatment_en=treatment_en, **catalog
        )
    return CatalogRuling(outcome=outcome, reasons=(reason,), scope=scope, cost_kind=cost_kind)


@pure_cache
def meal_allowance(scope: Scope) -> AllowanceRuling:
    """How the inpatient meal allowance (住院伙食补助费) is handled in ``scope`` (article 17 ¶3).

    Intra-province: paid by the treatment place's agency under its policy, with the direct settlement (the last
    point an [interpretation]); cross-province, either direction: reimbursed by the insured place's agency under
    its policy, outside direct settlement; care within one city and provincial-level care: NOT_SPECIFIED, naming
    the insured place's ordinary rules; between two other provinces: NOT_GOVERNED.

    >>> ruling = meal_allowance(Scope.CROSS_PROVINCE_OUTBOUND)
    >>> ruling.outcome.name, ruling.payer.name, ruling.policy.name, ruling.part_of_direct_settlement
    ('REIMBURSED_BY_INSURED_PLACE', 'INSURED_PLACE_AGENCY', 'INSURED_PLACE', False)
    >>> ruling = meal_allowance(Scope.LOCAL)
    >>> ruling.outcome.name, ruling.payer, ruling.part_of_direct_settlement
    ('NOT_SPECIFIED', None, None)

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``PAID_BY_TREATMENT_PLACE``, ``REIMBURSED_BY_INSURED_PLACE``, ``NOT_SPECIFIED``,
      ``NOT_GOVERNED``
    * reason codes: ``MEAL_CROSS_PROVINCE_INSURED_PLACE``, ``MEAL_INTRA_PROVINCE_IN_DIRECT_SETTLEMENT``,
      ``MEAL_INTRA_PROVINCE_TREATMENT_PLACE``, ``MEAL_NOT_GOVERNED``, ``MEAL_NOT_SPECIFIED_LOCAL``,
      ``MEAL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 17, art. 25
    """
    _check_scope(scope)
    return _allowance(AllowanceKind.MEAL, scope, _MEAL[scope])


@pure_cache
def travel_and_lodging(scope: Scope, is_referral: bool) -> AllowanceRuling:
    """How travel and lodging (交通食宿费) are handled in ``scope`` (article 17 ¶3).

    A referral (异地转诊转院) across provinces: reimbursed by the insured place's agency under its policy, outside
    direct settlement (the letter); within the province between cities: the same [interpretation, SPEC.md]. No
    referral, or a referral that article 3 keeps out of out-of-area management: NOT_SPECIFIED, naming
    《工伤保险条例》第三十条. Between two other provinces: NOT_GOVERNED.

    >>> ruling = travel_and_lodging(Scope.INTRA_PROVINCE, is_referral=True)
    >>> ruling.outcome.name, ruling.payer.name, ruling.rests_on_interpretation
    ('REIMBURSED_BY_INSURED_PLACE', 'INSURED_PLACE_AGENCY', True)
    >>> travel_and_lodging(Scope.CROSS_PROVINCE_OUTBOUND, is_referral=False).outcome.name
    'NOT_SPECIFIED'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``PAID_BY_TREATMENT_PLACE``, ``REIMBURSED_BY_INSURED_PLACE``, ``NOT_SPECIFIED``,
      ``NOT_GOVERNED``
    * reason codes: ``TRAVEL_CROSS_PROVINCE_REFERRAL``, ``TRAVEL_INTRA_PROVINCE_REFERRAL``,
      ``TRAVEL_NOT_A_REFERRAL``, ``TRAVEL_NOT_GOVERNED``, ``TRAVEL_NOT_SPECIFIED_LOCAL``,
      ``TRAVEL_NOT_SPECIFIED_PROVINCIAL_RECOGNITION`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 17
    """
    _check_scope(scope)
    if not isinstance(is_referral, bool):
        raise InvalidInputError("is_referral", f"must be True or False, got {type_name(is_referral)}")
    referral, other = _TRAVEL[scope]
    return _allowance(AllowanceKind.TRAVEL_AND_LODGING, scope, referral if is_referral else other)


def _allowance(kind: AllowanceKind, scope: Scope, handling: _Handling) -> AllowanceRuling:
    templates = (handling.template,) if handling.reading is None else (handling.template, handling.reading)
    return AllowanceRuling(
        outcome=handling.outcome,
        reasons=tuple(template.make() for template in templates),
        allowance=kind,
        scope=scope,
        payer=handling.payer,
        policy=handling.policy,
        part_of_direct_settlement=handling.part_of_direct_settlement,
    )
