"""Which agency does what: article 7 (统一管理、分级负责) of chapter 2, with articles 2 ¶3, 8, 14, 20, 21, 24, 30
and 32.

Article 7 divides the out-of-area work between three levels of agency:

* the provincial agency: guidance on case handling, IT, the clearing of funds, and filing for 省本级 workers (¶2);
* a city (市州) agency: out-of-area case management in its area, the agreement institutions, filing, and the audit
  and settlement of costs (¶3);
* a county agency: filing and the reconciliation of costs in its area (¶4).

:class:`Agency` is one Hunan agency (its :class:`AgencyLevel` and the place it serves); :func:`receiving_agency` is
the insured place's agency that receives a filing application (articles 7, 8); :func:`responsible_agency` answers
"which agency does task T for this case (insured place, treatment place)", from one table of the division of work
(task → who does it, with the reason that says so).

Where a city and a county agency both could act, the library decides as follows, and says so in the reasons:

* filing: the insured place's agency, so a county-insured worker files with the county agency (article 8 sends
  the application to the insured place's agency; article 7 ¶4) [interpretation];
* reconciliation: the treatment side is always the city agency (article 21 gives it to the treatment place's
  agency, and the treatment place is a 市州, article 2 ¶3), even for an institution in a county [interpretation];
  the insured side is the insured place's agency, a county agency for a county-insured worker (article 7 ¶4)
  [interpretation];
* institution management, cost audit and settlement, suspension: the treatment city's agency, even when the
  institution lies in a county (article 2 ¶3; article 7 ¶4 gives counties none of these tasks).

>>> from gongshang_rules import place
>>> ruling = responsible_agency(AgencyTask.FILING, place("浏阳市"), place("岳阳市"))
>>> ruling.outcome.name, [a.zh for a in ruling.agencies]
('HUNAN_AGENCY', ['浏阳市工伤保险经办机构'])
>>> ruling = responsible_agency(AgencyTask.COST_AUDIT_AND_SETTLEMENT, place("新疆"), place("浏阳市"))
>>> [a.zh for a in ruling.agencies]
['长沙市工伤保险经办机构']
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from ..kernel._validate import is_instance, is_member, type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import NATIONAL_NOTICE, NATIONAL_PROCEDURE
from ..kernel.errors import InvalidInputError
from ..kernel.places import PROVINCE_LEVEL, Place, PlaceKind
from ..kernel.ruling import LabelledEnum, Reason, ReasonTemplate, Ruling, decisive, note
from .scope import Scope, classify_scope

__all__ = [
    "Agency",
    "AgencyLevel",
    "AgencyRuling",
    "AgencyTask",
    "Assignment",
    "receiving_agency",
    "responsible_agency",
]


class AgencyLevel(LabelledEnum):
    """The three levels of agency (article 7)."""

    PROVINCIAL = ("省级经办机构", "provincial agency")
    CITY = ("市州经办机构", "city agency")
    COUNTY = ("县级经办机构", "county agency")


_LEVEL_OF_KIND = {
    PlaceKind.PROVINCE_LEVEL: AgencyLevel.PROVINCIAL,
    PlaceKind.CITY: AgencyLevel.CITY,
    PlaceKind.COUNTY: AgencyLevel.COUNTY,
}


@attrs.frozen(kw_only=True)
class Agency:
    """A Hunan work-injury insurance agency (经办机构): its level and the place it serves (article 7).

    The provincial agency's place is 省本级; a city agency's is its 市州; a county agency's its county.
    """

    level: AgencyLevel = attrs.field(validator=is_member(AgencyLevel))
    place: Place = attrs.field(validator=is_instance(Place))

    @classmethod
    def of(cls, place: Place) -> Agency:
        """The Hunan agency of ``place``'s own level: provincial for 省本级, city for a 市州, county for a county."""
        if not isinstance(place, Place) or place.kind not in _LEVEL_OF_KIND:
            raise InvalidInputError("place", "must be 省本级 or a Hunan city or county")
        return cls(level=_LEVEL_OF_KIND[place.kind], place=place)

    def __attrs_post_init__(self) -> None:
        if _LEVEL_OF_KIND.get(self.place.kind) is not self.level:
            raise InvalidInputError(
                "place",
                f"{self.place} is a {self.place.kind.name} place, not one a {self.level.name} agency serves",
            )

    @property
    def zh(self) -> str:
        """The agency's name in Chinese."""
        if self.level is AgencyLevel.PROVINCIAL:
            return "湖南省省级工伤保险经办机构"
        return f"{self.place.name}工伤保险经办机构"

    def __str__(self) -> str:
        return f"{self.zh} ({self.level.en})"


#: Hunan's provincial agency (省级经办机构).
PROVINCIAL_AGENCY = Agency(level=AgencyLevel.PROVINCIAL, place=PROVINCE_LEVEL)


class AgencyTask(LabelledEnum):
    """A task of out-of-area direct settlement that article 7 (and the articles named) gives to an agency."""

    IT_AND_GUIDANCE = ("异地就医业务经办指导、信息化建设", "guidance on case handling, and IT (art. 7(2))")
    FUND_CLEARING = ("资金清算", "clearing of funds (arts. 7(2), 24, 27)")
    FILING = ("工伤职工异地就医备案", "filing (arts. 7, 8)")
    INSTITUTION_MANAGEMENT = ("协议机构管理", "managing agreement institutions (arts. 7(3), 14)")
    COST_AUDIT_AND_SETTLEMENT = ("费用审核结算", "auditing and settling costs (arts. 7(3), 20, 25)")
    RECONCILIATION = ("费用对账", "reconciling costs (arts. 7(4), 20, 21)")
    SUSPENSION = (
        "暂停严重违规工伤职工的直接结算",
        "suspending direct settlement for serious violations (art. 30)",
    )
    JOINT_AUDIT_AND_DISPUTES = (
        "组织联审互查、协调争议纠纷",
        "organising joint audits, settling disputes (art. 32)",
    )


class Assignment(LabelledEnum):
    """Who does the task for the case."""

    HUNAN_AGENCY = ("由湖南经办机构办理", "done by the Hunan agency or agencies named")
    OTHER_PROVINCE = (
        "由外省经办机构按国家规定办理",
        "done by another province's agency under the national rules",
    )
    NOT_OUT_OF_AREA = ("不纳入异地就医管理", "not out-of-area care: article 7's division does not apply")
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")


@attrs.frozen(kw_only=True)
class AgencyRuling(Ruling[Assignment]):
    """Who does ``task`` for the case.

    ``agencies`` are the Hunan agencies that do it, in the order they act (empty unless ``HUNAN_AGENCY``);
    ``other_province`` is the province whose agency does it (``OTHER_PROVINCE`` only).
    """

    task: AgencyTask
    agencies: tuple[Agency, ...] = ()
    other_province: Place | None = None

    def _extra_lines(self) -> list[str]:
        lines = [f"  task: {self.task.name} ({self.task.en})"]
        lines += [f"  agency: {agency}" for agency in self.agencies]
        if self.other_province is not None:
            lines.append(f"  done in: {self.other_province}")
        return lines


_A2_3 = ArticleRef(2, paragraph=3)
_A7_2 = ArticleRef(7, paragraph=2)
_A7_3 = ArticleRef(7, paragraph=3)
_A7_4 = ArticleRef(7, paragraph=4)

AGENCY_PROVINCIAL_IT_AND_GUIDANCE = decisive(
    "AGENCY_PROVINCIAL_IT_AND_GUIDANCE",
    _A7_2,
    when="Responsible agency for IT_AND_GUIDANCE, out-of-area care.",
    zh="省级经办机构负责全省工伤保险异地就医业务经办指导和信息化建设。",
    en="The provincial agency guides out-of-area case handling across the province and builds the IT systems.",
)
AGENCY_PROVINCIAL_FUND_CLEARING = decisive(
    "AGENCY_PROVINCIAL_FUND_CLEARING",
    _A7_2,
    27,
    when="Responsible agency for FUND_CLEARING, out-of-area care.",
    zh="省级经办机构负责资金清算，并于次年第一季度末前完成上年度全省异地就医资金年终清算。",
    en="The provincial agency clears the funds, and completes the annual clearing of the province's "
    "out-of-area funds by the end of the first quarter of the next year.",
)
AGENCY_CROSS_PROVINCE_PREPAY_AND_CLEAR = note(
    "AGENCY_CROSS_PROVINCE_PREPAY_AND_CLEAR",
    ArticleRef(23, paragraph=3),
    24,
    when="Responsible agency for FUND_CLEARING, cross-province care, after AGENCY_PROVINCIAL_FUND_CLEARING.",
    zh="与{province}之间实行先预付后清算，由省级财政部门和省级经办机构按各自职责办理，按国家经办规程执行。",
    en="With {province_en}, funds are prepaid and then cleared; Hunan's provincial finance department and "
    "provincial agency handle this, each within its duties, under the national procedure.",
    authorities=(NATIONAL_PROCEDURE,),
)
AGENCY_INSTITUTION_MANAGEMENT_BY_CITY = decisive(
    "AGENCY_INSTITUTION_MANAGEMENT_BY_CITY",
    _A7_3,
    ArticleRef(14, paragraph=1),
    ArticleRef(14, paragraph=2),
    when="Responsible agency for INSTITUTION_MANAGEMENT, intra-province or inbound.",
    zh="就医地{agency}负责所在区域内的协议机构管理：确定异地就医直接结算协议机构并上报省级经办机构，协议机构发生变化时"
    "及时上报。",
    en="The treatment place's agency, {agency_en}, manages the agreement institutions in its area: it selects "
    "the direct-settlement institutions, reports them to the provincial agency, and reports every change.",
)
AGENCY_COST_AUDIT_BY_TREATMENT_CITY = decisive(
    "AGENCY_COST_AUDIT_BY_TREATMENT_CITY",
    _A7_3,
    ArticleRef(20, paragraph=1),
    ArticleRef(25, paragraph=2),
    when="Responsible agency for COST_AUDIT_AND_SETTLEMENT, intra-province or inbound.",
    zh="就医地{agency}负责费用审核结算：审核、对账确认协议机构的异地就医费用，并垫付给协议机构。",
    en="The treatment place's agency, {agency_en}, audits and settles the costs: it audits and reconciles the "
    "institutions' out-of-area costs and advances the money to them.",
)
AGENCY_TREATMENT_PLACE_IS_CITY = decisive(
    "AGENCY_TREATMENT_PLACE_IS_CITY",
    _A2_3,
    _A7_4,
    when="Responsible agency for INSTITUTION_MANAGEMENT, COST_AUDIT_AND_SETTLEMENT or SUSPENSION, intra-province or inbound, the treatment place being a county.",
    zh="协议机构位于{county}，就医地为其所在市州{city}；第七条第四款未赋予县级经办机构该项职责。",
    en="The institution lies in {county}; the treatment place is its city, {city} (art. 2(3)), and article 7 "
    "¶4 gives county agencies no such task.",
)
AGENCY_RECONCILIATION_INTRA_PROVINCE = decisive(
    "AGENCY_RECONCILIATION_INTRA_PROVINCE",
    ArticleRef(20, paragraph=1),
    21,
    when="Responsible agency for RECONCILIATION, scope INTRA_PROVINCE.",
    zh="省内异地就医费用由就医地{treatment_agency}先与协议机构完成结算对账，再与参保地{insured_agency}对账。",
    en="Intra-province costs: the treatment place's agency, {treatment_agency_en}, first reconciles with the "
    "institution, then with the insured place's agency, {insured_agency_en}.",
)
AGENCY_RECONCILIATION_BY_COUNTY = decisive(
    "AGENCY_RECONCILIATION_BY_COUNTY",
    _A2_3,
    _A7_4,
    21,
    when="Responsible agency for RECONCILIATION, scope INTRA_PROVINCE, the worker insured at a Hunan county.",
    reading=True,
    zh="参保地为县级的{insured}，由其经办机构作为参保地经办机构对账（第七条第四款：县级经办机构负责所在区域内的费用"
    "对账；第二十一条：与参保地经办机构对账）。",
    en="Insured in the county {insured}: its agency reconciles as the insured place's agency (art. 7(4): county "
    "agencies reconcile costs in their area; art. 21: the reconciliation is with the insured place's agency).",
)
AGENCY_RECONCILIATION_TREATMENT_SIDE_IS_CITY = decisive(
    "AGENCY_RECONCILIATION_TREATMENT_SIDE_IS_CITY",
    _A2_3,
    _A7_4,
    21,
    when="Responsible agency for RECONCILIATION, intra-province or inbound, the treatment place being a county (its city's agency reconciles).",
    reading=True,
    zh="协议机构位于{county}。第七条第四款规定县级经办机构负责所在区域内的费用对账，但第二十一条由就医地经办机构与协议"
    "机构对账，而就医地是协议机构所在的市州（第二条第三款）：就医地一方由{city}的经办机构对账。",
    en="The institution lies in {county}. Article 7 ¶4 has county agencies reconcile costs in their area, but "
    "article 21 gives the reconciliation with the institution to the treatment place's agency, and the "
    "treatment place is the institution's city (art. 2(3)): {city}'s agency reconciles on the treatment side.",
)
AGENCY_RECONCILIATION_INBOUND = decisive(
    "AGENCY_RECONCILIATION_INBOUND",
    ArticleRef(20, paragraph=1),
    ArticleRef(23, paragraph=3),
    24,
    when="Responsible agency for RECONCILIATION, scope CROSS_PROVINCE_INBOUND.",
    reading=True,
    zh="就医地{agency}对协议机构的跨省异地就医费用审核、对账；与参保省{insured}之间的对账和清算按国家经办规程执行，"
    "第二十一条的对账时限只适用于省内异地就医。",
    en="The treatment place's agency, {agency_en}, audits and reconciles the institution's cross-province costs; "
    "reconciliation and clearing with the insured province, {insured_en}, follow the national procedure, and "
    "article 21's deadlines apply to intra-province care only.",
    authorities=(NATIONAL_PROCEDURE,),
)
AGENCY_SUSPENSION_BY_TREATMENT_CITY = decisive(
    "AGENCY_SUSPENSION_BY_TREATMENT_CITY",
    ArticleRef(30, paragraph=1),
    when="Responsible agency for SUSPENSION, intra-province or inbound.",
    zh="就医地{agency}发现工伤职工有严重违规行为的，暂停其直接结算，并逐级上报省级经办机构。",
    en="The treatment place's agency, {agency_en}, suspends the direct settlement of a worker it finds in "
    "serious violation, and reports level by level to the provincial agency.",
)
AGENCY_JOINT_AUDIT_BY_PROVINCE = decisive(
    "AGENCY_JOINT_AUDIT_BY_PROVINCE",
    32,
    when="Responsible agency for JOINT_AUDIT_AND_DISPUTES, out-of-area care.",
    zh="省级经办机构适时组织各市州经办机构开展异地就医联审互查，并负责协调处理费用审核、资金拨付和违规处理等争议纠纷。",
    en="The provincial agency organises the city agencies' joint audits from time to time, and settles disputes "
    "over cost audits, fund transfers and the handling of violations.",
)
AGENCY_DONE_IN_OTHER_PROVINCE = decisive(
    "AGENCY_DONE_IN_OTHER_PROVINCE",
    ArticleRef(2, paragraph=1),
    36,
    when="Responsible agency for RECONCILIATION, INSTITUTION_MANAGEMENT, COST_AUDIT_AND_SETTLEMENT or SUSPENSION with scope CROSS_PROVINCE_OUTBOUND (outcome OTHER_PROVINCE).",
    zh="{task}由{province}的经办机构按国家经办规程和该省规定办理，本规程不作分工。",
    en="{task_en}: done by the agency of {province_en} under the national procedure and that province's rules; "
    "this procedure does not assign it.",
    authorities=(NATIONAL_PROCEDURE,),
)
AGENCY_NOT_OUT_OF_AREA = decisive(
    "AGENCY_NOT_OUT_OF_AREA",
    3,
    when="Responsible agency: the scope is LOCAL or PROVINCIAL_RECOGNITION.",
    zh="该就医不纳入异地就医直接结算管理，第七条的异地就医分工不适用，按本地（省本级互认）规定办理。",
    en="This care is not out-of-area: article 7's division of out-of-area work does not apply; local (or "
    "provincial-recognition) rules govern.",
)


# --- the filing: the insured place's agency (articles 7, 8) ----------------------------------------------------

_A8 = ArticleRef(8)

APPLICATION_RECEIVED_BY_CITY_AGENCY = decisive(
    "APPLICATION_RECEIVED_BY_CITY_AGENCY",
    ArticleRef(7, paragraph=3),
    _A8,
    when="Submission, review or responsible agency (FILING) of a worker insured at a Hunan city, care out-of-area and not inbound.",
    zh="参保地为{insured}，备案申请向参保地经办机构即{agency}提出，由其办理备案。",
    en="Insured in {insured}: the application goes to the insured place's agency, {agency_en}, which handles "
    "filing in its area.",
)
APPLICATION_RECEIVED_BY_COUNTY_AGENCY = decisive(
    "APPLICATION_RECEIVED_BY_COUNTY_AGENCY",
    ArticleRef(2, paragraph=3),
    ArticleRef(7, paragraph=4),
    _A8,
    when="Submission, review or responsible agency (FILING) of a worker insured at a Hunan county, care out-of-area and not inbound.",
    reading=True,
    zh="参保地为县级的{insured}，备案申请向参保地经办机构即{agency}提出，由县级经办机构办理所在区域内的备案；"
    "第七条第三款所称市州经办机构的备案职责，理解为针对在市州参保的工伤职工。",
    en="Insured in the county {insured}: article 8 sends the application to the insured place's agency, here "
    "{agency_en}, and county agencies handle filing in their area (article 7 ¶4); article 7 ¶3's filing duty "
    "of city agencies is read as covering workers insured at city level.",
)
APPLICATION_RECEIVED_BY_PROVINCIAL_AGENCY = decisive(
    "APPLICATION_RECEIVED_BY_PROVINCIAL_AGENCY",
    ArticleRef(7, paragraph=2),
    _A8,
    when="Submission, review or responsible agency (FILING) of a worker insured at 省本级, care out-of-area and not inbound.",
    zh="参保地为省本级，备案申请由省级经办机构办理。",
    en="Insured at provincial level (省本级): the provincial agency handles the filing.",
)
APPLICATION_FILE_WITH_INSURED_PROVINCE = decisive(
    "APPLICATION_FILE_WITH_INSURED_PROVINCE",
    ArticleRef(2, paragraph=1),
    _A8,
    when="Submission, review or responsible agency (FILING) with scope CROSS_PROVINCE_INBOUND.",
    reading=True,
    zh="在{insured}参保的工伤职工向参保地经办机构即{insured}的经办机构申请备案，按该省规定和国家经办规程办理，"
    "不向湖南经办机构备案；本规程第二章不调整该备案，湖南作为就医地采用参保省核定的备案有效期。",
    en="A worker insured in {insured} files with the insured place's agency, that of {insured} (article 8), "
    "under that province's rules and the national procedure, not with a Hunan agency: chapter 2 of this "
    "procedure does not govern that filing, and Hunan, as the treatment province, takes the validity the "
    "insured province approved.",
    authorities=(NATIONAL_NOTICE, NATIONAL_PROCEDURE),
)


def receiving_agency(insured: Place) -> tuple[Agency, Reason]:
    """The insured place's Hunan agency (articles 7, 8); ``insured`` is 省本级 or a Hunan city or county."""
    agency = Agency.of(insured)
    template = {
        AgencyLevel.PROVINCIAL: APPLICATION_RECEIVED_BY_PROVINCIAL_AGENCY,
        AgencyLevel.CITY: APPLICATION_RECEIVED_BY_CITY_AGENCY,
        AgencyLevel.COUNTY: APPLICATION_RECEIVED_BY_COUNTY_AGENCY,
    }[agency.level]
    return agency, template.make(insured=insured.name, agency=agency.zh, agency_en=str(agency))


# --- the division of the work (article 7) -----------------------------------------------------------------------


class _Who(enum.Enum):
    """Who article 7 (and the article named) gives a task to."""

    PROVINCIAL = "the provincial agency (art. 7 ¶2)"
    INSURED_PLACE = "the insured place's agency (arts. 7, 8)"
    TREATMENT_CITY = "the treatment city's agency (arts. 2 ¶3, 7 ¶3)"
    TREATMENT_THEN_INSURED = "the treatment city's agency, then the insured place's (arts. 7 ¶4, 21)"


#: Article 7's division of the work: each task, who does it, and the reason that says so. The filing's reason is
#: the receiving agency's (:func:`receiving_agency`); the reconciliation's depends on the scope.
_DIVISION: Mapping[AgencyTask, tuple[_Who, ReasonTemplate | None]] = {
    AgencyTask.IT_AND_GUIDANCE: (_Who.PROVINCIAL, AGENCY_PROVINCIAL_IT_AND_GUIDANCE),
    AgencyTask.FUND_CLEARING: (_Who.PROVINCIAL, AGENCY_PROVINCIAL_FUND_CLEARING),
    AgencyTask.JOINT_AUDIT_AND_DISPUTES: (_Who.PROVINCIAL, AGENCY_JOINT_AUDIT_BY_PROVINCE),
    AgencyTask.FILING: (_Who.INSURED_PLACE, None),
    AgencyTask.INSTITUTION_MANAGEMENT: (_Who.TREATMENT_CITY, AGENCY_INSTITUTION_MANAGEMENT_BY_CITY),
    AgencyTask.COST_AUDIT_AND_SETTLEMENT: (_Who.TREATMENT_CITY, AGENCY_COST_AUDIT_BY_TREATMENT_CITY),
    AgencyTask.SUSPENSION: (_Who.TREATMENT_CITY, AGENCY_SUSPENSION_BY_TREATMENT_CITY),
    AgencyTask.RECONCILIATION: (_Who.TREATMENT_THEN_INSURED, None),
}


def _check_place(field: str, value: object) -> Place:
    if not isinstance(value, Place):
        raise InvalidInputError(field, f"must be a Place (see gongshang_rules.place), got {type_name(value)}")
    return value


def insured_place_agency(insured: Place) -> Agency:
    """The insured place's Hunan agency (articles 2 ¶3, 7): 省本级's is the provincial agency.

    >>> from gongshang_rules import place
    >>> str(insured_place_agency(place("浏阳市")))
    '浏阳市工伤保险经办机构 (county agency)'
    >>> insured_place_agency(place("省本级")).level.name
    'PROVINCIAL'
    """
    _check_place("insured", insured)
    if not insured.in_hunan:
        raise InvalidInputError("insured", f"{insured} is outside Hunan: it has no Hunan agency")
    return Agency.of(insured)


def treatment_place_agency(treatment: Place) -> Agency:
    """The Hunan treatment place's agency: the agency of the institution's 市州 (articles 2 ¶3, 7 ¶3).

    >>> from gongshang_rules import place
    >>> str(treatment_place_agency(place("浏阳市")))
    '长沙市工伤保险经办机构 (city agency)'
    """
    _check_place("treatment", treatment)
    city = treatment.city
    if city is None:
        raise InvalidInputError(
            "treatment", f"{treatment} is not a Hunan city or county: it has no Hunan treatment-place agency"
        )
    return Agency(level=AgencyLevel.CITY, place=city)


def _treatment_side(treatment: Place, reasons: list[Reason], note: ReasonTemplate) -> Agency:
    """The treatment city's agency, adding ``note`` when the institution's place was given as a county."""
    agency = treatment_place_agency(treatment)
    if treatment.kind is PlaceKind.COUNTY:
        reasons.append(note.make(county=treatment.name, city=agency.place.name))
    return agency


def _names(agency: Agency, prefix: str = "agency") -> dict[str, str]:
    return {prefix: agency.zh, f"{prefix}_en": str(agency)}


def responsible_agency(task: AgencyTask, insured: Place, treatment: Place) -> AgencyRuling:
    """Which agency does ``task`` for a worker insured at ``insured`` and treated at ``treatment`` (article 7).

    Filing goes to the insured place's agency (article 7 ¶2 to ¶4, article 8); institutions, cost audit and
    settlement, and suspension to the treatment city's agency (article 7 ¶3, articles 14, 20, 25, 30);
    reconciliation to both, treatment side first (article 21); guidance, IT, fund clearing and joint audits to the
    provincial agency (article 7 ¶2, articles 24, 27, 32). A task that lies in another province is named as such;
    care that is not out-of-area (article 3), and a case outside Hunan altogether (article 2), get that outcome.

    >>> from gongshang_rules import place
    >>> ruling = responsible_agency(AgencyTask.RECONCILIATION, place("浏阳市"), place("岳阳市"))
    >>> [a.zh for a in ruling.agencies]
    ['岳阳市工伤保险经办机构', '浏阳市工伤保险经办机构']
    >>> ruling = responsible_agency(AgencyTask.FILING, place("省本级"), place("广东"))
    >>> str(ruling.agencies[0])
    '湖南省省级工伤保险经办机构 (provincial agency)'
    >>> responsible_agency(AgencyTask.FILING, place("长沙市"), place("浏阳市")).outcome.name
    'NOT_OUT_OF_AREA'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``HUNAN_AGENCY``, ``OTHER_PROVINCE``, ``NOT_OUT_OF_AREA``, ``NOT_GOVERNED``
    * reason codes: ``AGENCY_COST_AUDIT_BY_TREATMENT_CITY``, ``AGENCY_CROSS_PROVINCE_PREPAY_AND_CLEAR``,
      ``AGENCY_DONE_IN_OTHER_PROVINCE``, ``AGENCY_INSTITUTION_MANAGEMENT_BY_CITY``,
      ``AGENCY_JOINT_AUDIT_BY_PROVINCE``, ``AGENCY_NOT_OUT_OF_AREA``, ``AGENCY_PROVINCIAL_FUND_CLEARING``,
      ``AGENCY_PROVINCIAL_IT_AND_GUIDANCE``, ``AGENCY_RECONCILIATION_BY_COUNTY``,
      ``AGENCY_RECONCILIATION_INBOUND``, ``AGENCY_RECONCILIATION_INTRA_PROVINCE``,
      ``AGENCY_RECONCILIATION_TREATMENT_SIDE_IS_CITY``, ``AGENCY_SUSPENSION_BY_TREATMENT_CITY``,
      ``AGENCY_TREATMENT_PLACE_IS_CITY``, ``APPLICATION_FILE_WITH_INSURED_PROVINCE``,
      ``APPLICATION_RECEIVED_BY_CITY_AGENCY``, ``APPLICATION_RECEIVED_BY_COUNTY_AGENCY``,
      ``APPLICATION_RECEIVED_BY_PROVINCIAL_AGENCY``, ``SCOPE_CROSS_PROVINCE_INBOUND``,
      ``SCOPE_CROSS_PROVINCE_OUTBOUND``, ``SCOPE_INTRA_PROVINCE``, ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``,
      ``SCOPE_PROVINCIAL_RECOGNITION`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 7, art. 8, art. 14, art. 20, art. 21, art. 23, art. 24, art. 25, art. 27,
      art. 30, art. 32, art. 36
    """
    if not isinstance(task, AgencyTask):
        raise InvalidInputError("task", f"must be an AgencyTask member, got {task!r}")
    _check_place("insured", insured)
    _check_place("treatment", treatment)
    scope_ruling = classify_scope(insured, treatment)
    scope = scope_ruling.outcome
    reasons = list(scope_ruling.reasons)
    if scope is Scope.NOT_GOVERNED:
        return AgencyRuling(outcome=Assignment.NOT_GOVERNED, reasons=tuple(reasons), task=task)
    if not scope.out_of_area:
        reasons.append(AGENCY_NOT_OUT_OF_AREA.make())
        return AgencyRuling(outcome=Assignment.NOT_OUT_OF_AREA, reasons=tuple(reasons), task=task)
    who, template = _DIVISION[task]
    if who is _Who.PROVINCIAL:
        assert template is not None
        reasons.append(template.make())
        if task is AgencyTask.FUND_CLEARING and scope.cross_province:
            other = treatment if scope is Scope.CROSS_PROVINCE_OUTBOUND else insured
            reasons.append(
                AGENCY_CROSS_PROVINCE_PREPAY_AND_CLEAR.make(province=other.name, province_en=str(other))
            )
        return _hunan(task, reasons, PROVINCIAL_AGENCY)
    if who is _Who.INSURED_PLACE:
        if scope is Scope.CROSS_PROVINCE_INBOUND:  # the insured province's agency files (article 8)
            reasons.append(APPLICATION_FILE_WITH_INSURED_PROVINCE.make(insured=insured.name))
            return _elsewhere(task, insured, reasons, note=False)
        agency, reason = receiving_agency(insured)
        reasons.append(reason)
        return _hunan(task, reasons, agency)
    if scope is Scope.CROSS_PROVINCE_OUTBOUND:  # the treatment side lies in the treatment province
        return _elsewhere(task, treatment, reasons, note=True)
    if who is _Who.TREATMENT_CITY:
        assert template is not None
        treatment_agency = _treatment_side(treatment, reasons, AGENCY_TREATMENT_PLACE_IS_CITY)
        reasons.append(template.make(**_names(treatment_agency)))
        return _hunan(task, reasons, treatment_agency)
    return _reconciliation(insured, treatment, scope, reasons)


def _hunan(task: AgencyTask, reasons: list[Reason], *agencies: Agency) -> AgencyRuling:
    return AgencyRuling(outcome=Assignment.HUNAN_AGENCY, reasons=tuple(reasons), task=task, agencies=agencies)


def _reconciliation(insured: Place, treatment: Place, scope: Scope, reasons: list[Reason]) -> AgencyRuling:
    """Article 21: the treatment city's agency with the institution, then with the insured place's agency (for an
    inbound worker, with the insured province under the national procedure)."""
    treatment_agency = _treatment_side(treatment, reasons, AGENCY_RECONCILIATION_TREATMENT_SIDE_IS_CITY)
    if scope is Scope.CROSS_PROVINCE_INBOUND:
        reasons.append(
            AGENCY_RECONCILIATION_INBOUND.make(
                **_names(treatment_agency), insured=insured.name, insured_en=str(insured)
            )
        )
        return _hunan(AgencyTask.RECONCILIATION, reasons, treatment_agency)
    insured_agency = insured_place_agency(insured)
    reasons.append(
        AGENCY_RECONCILIATION_INTRA_PROVINCE.make(
            **_names(treatment_agency, "treatment_agency"), **_names(insured_agency, "insured_agency")
        )
    )
    if insured_agency.level is AgencyLevel.COUNTY:
        reasons.append(AGENCY_RECONCILIATION_BY_COUNTY.make(insured=insured.name))
    return _hunan(AgencyTask.RECONCILIATION, reasons, treatment_agency, insured_agency)


def _elsewhere(task: AgencyTask, province: Place, reasons: list[Reason], *, note: bool) -> AgencyRuling:
    if note:
        reasons.append(
            AGENCY_DONE_IN_OTHER_PROVINCE.make(
                task=task.zh, task_en=task.en, province=province.name, province_en=str(province)
            )
        )
    return AgencyRuling(
        outcome=Assignment.OTHER_PROVINCE, reasons=tuple(reasons), task=task, other_province=province
    )
