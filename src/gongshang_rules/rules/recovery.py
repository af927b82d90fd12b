"""Who leads checks and recovery: chapter 5, article 31.

A check of suspicious data, or the recovery of benefits drawn against the rules, is led by the insured place's
agency, with the treatment place's assisting, when it arises from the worker's loss of entitlement; by the treatment
place's agency, with the insured place's assisting, when it arises from the institution's conduct of care. The
article speaks of intra-province care only: :func:`recovery_responsibility` says so for cross-province care, and
never guesses.

>>> from gongshang_rules import place
>>> recovery_responsibility(RecoveryCause.INSTITUTION_CONDUCT, place("长沙市"), place("岳阳市")).outcome.name
'TREATMENT_PLACE_LEADS'
"""

from __future__ import annotations

import attrs

from ..kernel._validate import type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import NATIONAL_PROCEDURE
from ..kernel.errors import InvalidInputError
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Ruling, decisive
from .agencies import Agency, AgencyLevel, insured_place_agency, treatment_place_agency
from .scope import Scope, classify_scope

__all__ = ["Recovery", "RecoveryCause", "RecoveryRuling", "recovery_responsibility"]


class RecoveryCause(LabelledEnum):
    """Why suspicious data are checked, or benefits drawn against the rules recovered (article 31)."""

    LOSS_OF_ENTITLEMENT = (
        "工伤职工丧失享受工伤保险待遇资格",
        "the worker lost entitlement to work-injury benefits",
    )
    INSTITUTION_CONDUCT = ("就医地协议机构医疗服务行为", "the treatment-place institution's conduct of care")


class Recovery(LabelledEnum):
    """Who leads the check or recovery."""

    INSURED_PLACE_LEADS = (
        "参保地经办机构负责、就医地经办机构配合",
        "the insured place's agency leads, assisted",
    )
    TREATMENT_PLACE_LEADS = (
        "就医地经办机构负责、参保地经办机构配合",
        "the treatment place's agency leads, assisted",
    )
    NOT_ASSIGNED_HERE = (
        "本规程未作分工，按国家经办规程",
        "not assigned by this procedure: the national procedure",
    )
    NOT_OUT_OF_AREA = ("不纳入异地就医管理", "not out-of-area care")
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")


@attrs.frozen(kw_only=True)
class RecoveryRuling(Ruling[Recovery]):
    """Who leads (``lead``) and who assists (``assisting``); both ``None`` unless one of the two ``..._LEADS``."""

    cause: RecoveryCause
    lead: Agency | None = None
    assisting: Agency | None = None

    def _extra_lines(self) -> list[str]:
        if self.lead is None:
            return []
        return [f"  leads: {self.lead}", f"  assists: {self.assisting}"]


_A31 = ArticleRef(31)

RECOVERY_INSURED_PLACE_LEADS = decisive(
    "RECOVERY_INSURED_PLACE_LEADS",
    _A31,
    when="Recovery responsibility, INTRA_PROVINCE, cause LOSS_OF_ENTITLEMENT.",
    zh="省内异地就医疑点数据核查或（和）违规领待追回，因工伤职工丧失享受工伤保险待遇资格产生的，由参保地{lead}负责、"
    "就医地{assisting}配合。",
    en="Intra-province care: a check of suspicious data and/or recovery of benefits drawn against the rules that "
    "arises from the worker's loss of entitlement is led by the insured place's agency, {lead_en}, assisted by "
    "the treatment place's agency, {assisting_en}.",
)
RECOVERY_TREATMENT_PLACE_LEADS = decisive(
    "RECOVERY_TREATMENT_PLACE_LEADS",
    _A31,
    when="Recovery responsibility, INTRA_PROVINCE, cause INSTITUTION_CONDUCT.",
    zh="省内异地就医疑点数据核查或（和）违规领待追回，因就医地协议机构医疗服务行为产生的，由就医地{lead}负责、参保地"
    "{assisting}配合。",
    en="Intra-province care: a check of suspicious data and/or recovery that arises from the institution's conduct "
    "of care is led by the treatment place's agency, {lead_en}, assisted by the insured place's agency, "
    "{assisting_en}.",
)
RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED = decisive(
    "RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED",
    _A31,
    36,
    when="Recovery responsibility: the scope is cross-province (outcome NOT_ASSIGNED_HERE).",
    zh="第三十一条只规定省内异地就医的核查追回分工；跨省异地就医的分工本规程未作规定，按国家经办规程执行。",
    en="Article 31 divides checks and recovery for intra-province care only; for cross-province care this "
    "procedure assigns nothing: the national procedure governs.",
    authorities=(NATIONAL_PROCEDURE,),
)
RECOVERY_NOT_OUT_OF_AREA = decisive(
    "RECOVERY_NOT_OUT_OF_AREA",
    3,
    _A31,
    when="Recovery responsibility: the scope is LOCAL or PROVINCIAL_RECOGNITION.",
    zh="该就医不属异地就医，第三十一条的异地就医分工不适用，按本地规定办理。",
    en="This care is not out-of-area: article 31's division does not apply; local rules govern.",
)


RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY = decisive(
    "RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY",
    ArticleRef(7, paragraph=4),
    31,
    when="Recovery responsibility, INTRA_PROVINCE, the worker insured at a Hunan county (its agency is the insured place's agency).",
    reading=True,
    zh="第三十一条的“参保地经办机构”对县级参保的工伤职工读作{agency}；第七条第四款列举的县级职责只有备案和费用对账，由市州经办机构负责亦有依据。",
    en="Article 31's 'insured-place agency' is read, for a worker insured at county level, as {agency_en}; article "
    "7(4) lists only filing and reconciliation among county agencies' duties, so the city agency could be read "
    "instead.",
)


def recovery_responsibility(cause: RecoveryCause, insured: Place, treatment: Place) -> RecoveryRuling:
    """Who leads a check of suspicious data or a recovery of wrongly drawn benefits, and who assists (art. 31).

    Loss of entitlement: the insured place's agency leads, the treatment place's assists; the institution's
    conduct: the treatment place's agency leads, the insured place's assists. The article speaks of intra-province
    care (省内异地就医) only: for cross-province care it names the national procedure, and never guesses.

    >>> from gongshang_rules import place
    >>> ruling = recovery_responsibility(RecoveryCause.LOSS_OF_ENTITLEMENT, place("浏阳市"), place("岳阳市"))
    >>> ruling.outcome.name, ruling.lead.zh, ruling.assisting.zh
    ('INSURED_PLACE_LEADS', '浏阳市工伤保险经办机构', '岳阳市工伤保险经办机构')
    >>> recovery_responsibility(RecoveryCause.INSTITUTION_CONDUCT, place("长沙市"), place("广东")).outcome.name
    'NOT_ASSIGNED_HERE'

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``INSURED_PLACE_LEADS``, ``TREATMENT_PLACE_LEADS``, ``NOT_ASSIGNED_HERE``,
      ``NOT_OUT_OF_AREA``, ``NOT_GOVERNED``
    * reason codes: ``RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY``, ``RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED``,
      ``RECOVERY_INSURED_PLACE_LEADS``, ``RECOVERY_NOT_OUT_OF_AREA``, ``RECOVERY_TREATMENT_PLACE_LEADS``,
      ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``, ``SCOPE_INTRA_PROVINCE``,
      ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it); every one a ``GongshangError`` (a
      ``ValueError``)
    * articles: art. 2, art. 3, art. 7, art. 31, art. 36
    """
    if not isinstance(cause, RecoveryCause):
        raise InvalidInputError("cause", f"must be a RecoveryCause member, got {cause!r}")
    for field, value in (("insured", insured), ("treatment", treatment)):
        if not isinstance(value, Place):
            raise InvalidInputError(
                field, f"must be a Place (see gongshang_rules.place), got {type_name(value)}"
            )
    scope_ruling = classify_scope(insured, treatment)
    scope = scope_ruling.outcome
    reasons = list(scope_ruling.reasons)
    if scope is Scope.NOT_GOVERNED:
        return RecoveryRuling(outcome=Recovery.NOT_GOVERNED, reasons=tuple(reasons), cause=cause)
    if not scope.out_of_area:
        reasons.append(RECOVERY_NOT_OUT_OF_AREA.make())
        return RecoveryRuling(outcome=Recovery.NOT_OUT_OF_AREA, reasons=tuple(reasons), cause=cause)
    if scope.cross_province:
        reasons.append(RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED.make())
        return RecoveryRuling(outcome=Recovery.NOT_ASSIGNED_HERE, reasons=tuple(reasons), cause=cause)
    insured_agency = insured_place_agency(insured)
    treatment_agency = treatment_place_agency(treatment)
    if cause is RecoveryCause.LOSS_OF_ENTITLEMENT:
        lead, assisting, template, outcome = (
            insured_agency,
            treatment_agency,
            RECOVERY_INSURED_PLACE_LEADS,
            Recovery.INSURED_PLACE_LEADS,
        )
    else:
        lead, assisting, template, outcome = (
            treatment_agency,
            insured_agency,
            RECOVERY_TREATMENT_PLACE_LEADS,
            Recovery.TREATMENT_PLACE_LEADS,
        )
    reasons.append(
        template.make(lead=lead.zh, lead_en=str(lead), assisting=assisting.zh, assisting_en=str(assisting))
    )
    if insured_agency.level is AgencyLevel.COUNTY:
        reasons.append(
            RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY.make(
                agency=insured_agency.zh, agency_en=str(insured_agency)
            )
        )
    return RecoveryRuling(
        outcome=outcome, reasons=tuple(reasons), cause=cause, lead=lead, assisting=assisting
    )
