"""The review of a filing application and its deadline: article 10 of chapter 2 (with 9, 11, 13 ¶1 and 36).

:func:`review_deadline` is article 10's 5th working day after receipt; :func:`review_application` finds an
application complete (with that deadline) or incomplete, with one notice listing every missing material
(:func:`~gongshang_rules.rules.materials.missing_materials`); a change application is checked against the
change lock of article 13 ¶1 (:func:`~gongshang_rules.rules.filing_changes.change_allowed`).

>>> import datetime as dt
>>> import attrs
>>> from gongshang_rules import IdentityNumber, PersonCategory, ServiceKind, place
>>> from gongshang_rules.rules.applications import Channel, FilingApplication, Material
>>> from gongshang_rules.rules.forms import Annex1Form, Applicant, FilingType, Sex
>>> form = Annex1Form(
...     name="张三", sex=Sex.MALE, identity_number=IdentityNumber("430102199001011238"),
...     injured_body_part="右手", injury_decision_number="长人社工认〔2025〕101号", phone="13800000000",
...     address="长沙市芙蓉区某路1号", filing_type=FilingType.NEW, category=PersonCategory.REFERRAL,
...     service=ServiceKind.MEDICAL, applicant=Applicant.WORKER, treatment=place("广东省"),
...     signed_on=dt.date(2025, 9, 30),
... )
>>> application = FilingApplication(
...     form=form, insured=place("长沙市"), channel=Channel.SERVICE_WINDOW, materials=frozenset(),
... )
>>> ruling = review_application(application, dt.date(2025, 9, 30))
>>> ruling.outcome.name, [m.requirement.name for m in ruling.missing]
('INCOMPLETE', ['REFERRAL_OPINION'])
>>> application = attrs.evolve(application, materials=frozenset({Material.REFERRAL_OPINION}))
>>> ruling = review_application(application, dt.date(2025, 9, 30))
>>> ruling.outcome.name, ruling.deadline, str(ruling.agency)
('COMPLETE', datetime.date(2025, 10, 14), '长沙市工伤保险经办机构 (city agency)')
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ..kernel._validate import check_date, type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import CIVIL_CODE_ART_201, STATE_COUNCIL_SCHEDULE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    RECEIPT_DATE,
    ParametersLike,
    picks_version,
    resolve_parameters,
)
from ..kernel.ruling import LabelledEnum, Ruling, decisive, note
from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar, provisional_note, working_day_after
from .agencies import Agency
from .applications import FilingApplication, Submission, check_application, check_submission
from .commencement import InForce, in_force
from .filing import Filing
from .filing_changes import ChangeKind, ChangeRuling, ChangeStatus, change_allowed
from .forms import FilingType
from .materials import RequiredMaterial, material_readings, required_materials
from .scope import classify_scope

__all__ = [
    "Review",
    "ReviewRuling",
    "review_application",
    "review_deadline",
]


class Review(LabelledEnum):
    """The outcome of reviewing a filing application for completeness (articles 9, 10)."""

    COMPLETE = ("备案材料齐全，应在时限内办理完毕", "complete: to be decided and notified by the deadline")
    INCOMPLETE = (
        "备案材料不齐全，一次性告知需补正的材料",
        "incomplete: one notice lists every missing material",
    )
    IMPROPERLY_SUBMITTED = ("申请渠道不符合规定", "not properly submitted under article 8")
    NO_FILING_NEEDED = ("不纳入异地就医管理，无需备案", "not out-of-area care; no filing is needed")
    FILE_WITH_INSURED_PROVINCE = (
        "向外省参保地经办机构备案，不向湖南经办机构备案",
        "filed with the insured province's agency, not with Hunan",
    )
    NOT_GOVERNED = ("不属本规程调整", "not governed by this procedure")
    CHANGE_NOT_ALLOWED = (
        "备案暂不能变更（备案之日起规定期限内或备案已失效）",
        "the filing cannot be changed now (within the change-lock period from filing, or expired)",
    )
    NOT_IN_FORCE = (
        "本规程在收到申请之日不在有效期内",
        "this procedure is not in force on the day of receipt",
    )


@attrs.frozen(kw_only=True)
class ReviewRuling(Ruling[Review]):
    """A review of a filing application.

    ``deadline`` is the day by which a complete application is to be decided (``None`` otherwise); ``missing``
    is the notice: every required item not satisfied, all at once (article 10); ``agency`` the receiving
    agency; ``problems`` the codes of article 8 problems.
    """

    deadline: _dt.date | None = attrs.field(default=None)
    missing: tuple[RequiredMaterial, ...] = attrs.field(default=())
    agency: Agency | None = attrs.field(default=None)
    problems: tuple[str, ...] = attrs.field(default=())

    def _extra_lines(self) -> list[str]:
        lines = []
        if self.agency is not None:
            lines.append(f"  receiving agency: {self.agency}")
        if self.deadline is not None:
            lines.append(f"  decide by (in principle): {self.deadline.isoformat()}")
        lines.extend(f"  missing: {item.en}" for item in self.missing)
        return lines


_A9_1 = ArticleRef(9, paragraph=1)
_A10 = ArticleRef(10)

REVIEW_MATERIALS_COMPLETE = decisive(
    "REVIEW_MATERIALS_COMPLETE",
    _A9_1,
    _A10,
    when="Review in force: every required material is among those submitted.",
    zh="备案材料齐全：{items}。",
    en="The materials are complete: {items_en}.",
)
REVIEW_MATERIALS_MISSING = decisive(
    "REVIEW_MATERIALS_MISSING",
    _A9_1,
    _A10,
    when="Review in force: some required material is not among those submitted (they are all listed).",
    zh="备案材料不齐全，一次性告知需补正的全部材料（共{count}项）：{items}。",
    en="The materials are incomplete. This one notice lists every item to supply ({count}): {items_en}.",
)
REVIEW_DEADLINE = decisive(
    "REVIEW_DEADLINE",
    _A10,
    when="Review with outcome COMPLETE, and the review_deadline decision, always: the deadline is the 5th working day after received_on.",
    reading=True,
    zh="{received}收到申请，收到当日不计入，其后第{n}个工作日为{deadline}：应于该日前办理完毕并告知申请人。"
    "工作日按国务院节假日安排计算，调休上班日计入。",
    en="Received on {received}, a day not counted: the {n}th working day after it is {deadline}, by which the "
    "filing is to be decided and the applicant told. Working days follow the State Council's holiday "
    "schedule, make-up workdays included.",
    authorities=(CIVIL_CODE_ART_201, STATE_COUNCIL_SCHEDULE),
)
REVIEW_DEADLINE_OUTSIDE_PROCEDURE = decisive(
    "REVIEW_DEADLINE_OUTSIDE_PROCEDURE",
    _A10,
    36,
    when="The review_deadline decision for a received_on before in_force_from (2025-08-01) or after "
    "in_force_through (2027-07-31): no date is computed.",
    zh="{received}收到的申请不在本规程有效期（{start}至{end}）内，第十条的办理时限不适用；跨省备案按国家经办规程办理。",
    en="An application received on {received} falls outside this procedure's validity ({start} to {end}): "
    "article 10's deadline does not apply; a cross-province filing follows the national procedure.",
)
REVIEW_IN_PRINCIPLE = note(
    "REVIEW_IN_PRINCIPLE",
    _A10,
    when="Review with outcome COMPLETE, after REVIEW_DEADLINE.",
    reading=True,
    zh="第十条规定“原则上”应在{n}个工作日内办理完毕：这是经办时限要求，本规程未规定逾期的后果，逾期不改变对备案申请的"
    "处理。",
    en="Article 10 sets the {n} working days 'in principle' (原则上): a target the agency is to meet; the "
    "procedure attaches no consequence to exceeding it, and exceeding it does not change how the application "
    "is decided.",
)
REVIEW_DEADLINE_PROVISIONAL = note(
    "REVIEW_DEADLINE_PROVISIONAL",
    _A10,
    when="The review deadline (given for a complete application) falls on 21 to 31 December of a year whose next "
    "year's State Council schedule the calendar does not know (with the bundled schedules: 2026-12-21 to "
    "2026-12-31).",
    reading=True,
    zh="审核期限{deadline}落在{year}年12月下旬（{start}至{end}）：这些日期按{year}年的国务院节假日安排计算，"
    "{next}年的安排尚未知悉，可能调整这些日期，故该期限为暂定。",
    en="The review deadline {deadline} falls in late December {year} ({start} to {end}): those days follow the "
    "State Council's {year} schedule, and the {next} schedule, not yet known, may move them; the deadline is "
    "provisional.",
    authorities=(STATE_COUNCIL_SCHEDULE,),
)
REVIEW_INCOMPLETE_NO_DEADLINE = note(
    "REVIEW_INCOMPLETE_NO_DEADLINE",
    _A10,
    when="Review with outcome INCOMPLETE: no deadline is computed.",
    zh="第十条未规定一次性告知的期限，也未规定补正材料后办理时限如何起算：本规程对此未作规定，由参保地经办机构的"
    "经办规定确定；此处不计算办理时限。",
    en="Article 10 sets no time limit for the one-time notice, and does not say from when the working days run "
    "once the missing materials are supplied: this procedure does not specify it, and the insured place's "
    "agency's own service rules govern. No deadline is computed for an incomplete application.",
)
REVIEW_CHANGE_FILING = decisive(
    "REVIEW_CHANGE_FILING",
    11,
    _A9_1,
    when="Review in force of a change application (filing_type CHANGE).",
    reading=True,
    zh="备案类别为变更：变更使用同一备案表，本规程和附件备注未对变更申请规定不同材料，按同一材料要求审核。",
    en="A change (备案类别：变更) is applied for on the same form; neither the procedure nor the annex notes set "
    "different materials for it, so it is checked against the same list as a new filing.",
)


def review_deadline(
    received_on: _dt.date,
    *,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
    parameters: ParametersLike = DEFAULT_SCHEDULE,
) -> _dt.date:
    """The day by which a filing is to be decided and the applicant told: article 10's 5th working day.

    The day of receipt is not counted (民法典 第二百零一条 [interpretation]); working days follow the State
    Council's holiday schedule, make-up workdays included. A year whose schedule ``calendar`` does not know
    raises :class:`CalendarUnknownError`. The parameters version is the one in force on the day of receipt.

    >>> import datetime as dt
    >>> review_deadline(dt.date(2025, 9, 30))   # the National Day week, then the make-up Saturday 10-11
    datetime.date(2025, 10, 14)
    """
    check_date("received_on", received_on)
    p = resolve_parameters(parameters, received_on)
    return working_day_after(received_on, p.review_working_days, calendar=calendar)


_NOT_REVIEWED = {
    Submission.NO_FILING_NEEDED: Review.NO_FILING_NEEDED,
    Submission.FILE_WITH_INSURED_PROVINCE: Review.FILE_WITH_INSURED_PROVINCE,
    Submission.NOT_GOVERNED: Review.NOT_GOVERNED,
}


REVIEW_CHANGE_LOCK_NOT_CHECKED = note(
    "REVIEW_CHANGE_LOCK_NOT_CHECKED",
    11,
    ArticleRef(13, paragraph=1),
    when="Review in force of a change application without the filing it changes (current_filing).",
    zh="变更申请未提供现有备案，无法核对第十三条“自备案之日起{months}个月后可以变更或取消”的限制。",
    en="The filing being changed was not given: article 13's rule that a long-term filing may be changed only after "
    "{months} months could not be checked.",
)


@picks_version(RECEIPT_DATE, lambda _application, received_on, *_a, **_k: received_on)
def review_application(
    application: FilingApplication,
    received_on: _dt.date,
    *,
    current_filing: Filing | None = None,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
    parameters: ParametersLike = DEFAULT_SCHEDULE,
) -> ReviewRuling:
    """Review a filing application received on ``received_on`` (articles 9, 10, with 7 and 8).

    A change application (备案类别：变更) is checked against ``current_filing``, the filing it changes (articles 11,
    13 ¶1: a long-term filing is locked for 3 months); without it the ruling says the lock was not checked.
    Complete: the deadline of :func:`review_deadline`. Incomplete: one notice listing every missing item at once
    (``missing``), never the first gap only. Article 8 problems are reported as well (``IMPROPERLY_SUBMITTED``,
    with the notice if materials are missing too). An application no Hunan agency reviews, or received on a day
    this procedure is not in force (article 36), gets that outcome instead. The parameters version is the one in
    force on the day of receipt; the change lock is read with the version of the filing's own date.

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from gongshang_rules import IdentityNumber, PersonCategory, place
    >>> from gongshang_rules.rules.applications import Channel, FilingApplication, Material
    >>> from gongshang_rules.rules.forms import Annex2Form, Applicant, Device, Employer, FilingType, Sex
    >>> form = Annex2Form(
    ...     name="孙八", sex=Sex.MALE, identity_number=IdentityNumber("43052119920303456X"),
    ...     injured_body_part="左小腿", injury_decision_number="邵人社工认〔2024〕12号", phone="13500000000",
    ...     address="邵阳市某县", filing_type=FilingType.NEW, category=PersonCategory.REFERRAL,
    ...     applicant=Applicant.EMPLOYER, treatment=place("长沙市"), signed_on=dt.date(2026, 2, 12),
    ...     device_conclusion_number="邵辅结〔2025〕3号", cost_approval_number="邵辅核〔2025〕3号",
    ...     devices=(Device(name="小腿假肢", minimum_service_years=3, maximum_payment=Decimal("12000.00")),),
    ...     employer=Employer(name="某某机械有限公司", credit_code="91430100MA4L0XXXXD",
    ...                       contact_person="周九", contact="0739-5550000"),
    ... )
    >>> application = FilingApplication(
    ...     form=form, insured=place("邵阳市"), channel=Channel.HUNAN_PLATFORM,
    ...     materials=frozenset({Material.REFERRAL_OPINION}),
    ... )
    >>> ruling = review_application(application, dt.date(2026, 2, 13))
    >>> ruling.outcome.name, ruling.deadline   # 02-14 and 02-28 are make-up Saturdays
    ('COMPLETE', datetime.date(2026, 2, 27))

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``COMPLETE``, ``INCOMPLETE``, ``IMPROPERLY_SUBMITTED``, ``NO_FILING_NEEDED``,
      ``FILE_WITH_INSURED_PROVINCE``, ``NOT_GOVERNED``, ``CHANGE_NOT_ALLOWED``, ``NOT_IN_FORCE``
    * reason codes: ``APPLICATION_AGENT_ENTRUSTED``, ``APPLICATION_APPLICANT_PERMITTED``,
      ``APPLICATION_CHANNEL_HUNAN_PLATFORM``, ``APPLICATION_CHANNEL_NATIONAL_PLATFORM``,
      ``APPLICATION_CHANNEL_SERVICE_WINDOW``, ``APPLICATION_EMPLOYER_ON_ANNEX_1``,
      ``APPLICATION_FILE_WITH_INSURED_PROVINCE``, ``APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY``,
      ``APPLICATION_RECEIVED_BY_CITY_AGENCY``, ``APPLICATION_RECEIVED_BY_COUNTY_AGENCY``,
      ``APPLICATION_RECEIVED_BY_PROVINCIAL_AGENCY``, ``CHANGE_FILING_EXPIRED``, ``CHANGE_LOCKED``,
      ``CHANGE_LOCK_OVER``, ``CHANGE_PERSONAL_INFORMATION_ANY_TIME``, ``CHANGE_REFERRAL_NO_LOCK``,
      ``CHANGE_WITH_INSURED_PROVINCE``, ``ELIGIBILITY_NOT_OUT_OF_AREA``, ``FILING_AFTER_PROCEDURE``,
      ``FILING_BEFORE_PROCEDURE``, ``FILING_RUNS_PAST_PROCEDURE_END``, ``FILING_UNDER_NATIONAL_PROCEDURE``,
      ``FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE``, ``FILING_VALIDITY_BY_INSURED_PROVINCE``,
      ``FILING_VALIDITY_COMPUTED``, ``FILING_VALIDITY_DIFFERS_FROM_RULE``, ``FILING_VALIDITY_STATED``,
      ``IN_FORCE_BEFORE_NATIONAL_SCHEME``, ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``,
      ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``, ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``,
      ``IN_FORCE_WITHIN_PERIOD``, ``MATERIAL_AGENT_IDENTITY_IS_AGENTS``, ``MATERIAL_RESIDENCE_PROOF_ANY_ONE``,
      ``MATERIAL_RESIDENT_WORK_PROOF_ANY_ONE``, ``MATERIAL_RESIDENT_WORK_RESIDENCE_PROOF``,
      ``PARAMETERS_VERSION_USED``, ``REVIEW_CHANGE_FILING``, ``REVIEW_CHANGE_LOCK_NOT_CHECKED``,
      ``REVIEW_DEADLINE``, ``REVIEW_DEADLINE_PROVISIONAL``, ``REVIEW_INCOMPLETE_NO_DEADLINE``,
      ``REVIEW_IN_PRINCIPLE``, ``REVIEW_MATERIALS_COMPLETE``, ``REVIEW_MATERIALS_MISSING``,
      ``SCOPE_CROSS_PROVINCE_INBOUND``, ``SCOPE_CROSS_PROVINCE_OUTBOUND``, ``SCOPE_INTRA_PROVINCE``,
      ``SCOPE_LOCAL``, ``SCOPE_NOT_GOVERNED``, ``SCOPE_PROVINCIAL_RECOGNITION`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it), ``CalendarUnknownError``; every one a
      ``GongshangError`` (a ``ValueError``)
    * articles: art. 2, art. 3, art. 6, art. 7, art. 8, art. 9, art. 10, art. 11, art. 13, art. 36, annex 1,
      annex 2
    """
    application = check_application(application)
    check_date("received_on", received_on)
    if received_on < application.form.signed_on:
        raise InvalidInputError(
            "received_on",
            f"{received_on.isoformat()} is before the applicant signed the form "
            f"({application.form.signed_on.isoformat()})",
        )
    p = resolve_parameters(parameters, received_on)
    if current_filing is not None:
        if not isinstance(current_filing, Filing):
            raise InvalidInputError("current_filing", f"must be a Filing, got {type_name(current_filing)}")
        if application.form.filing_type is not FilingType.CHANGE:
            raise InvalidInputError("current_filing", "applies to a change application (备案类别：变更) only")
        if current_filing.insured != application.insured:
            raise InvalidInputError("current_filing.insured", "must be the application's insured place")
    submission = check_submission(application)
    if submission.outcome in _NOT_REVIEWED:
        return ReviewRuling(outcome=_NOT_REVIEWED[submission.outcome], reasons=submission.reasons)
    scope = classify_scope(application.insured, application.form.treatment).outcome
    force = in_force(received_on, scope, parameters=parameters)
    if force.outcome is InForce.NATIONAL_PROCEDURE:
        return ReviewRuling(outcome=Review.NOT_GOVERNED, reasons=(*submission.reasons, *force.reasons))
    if force.outcome is not InForce.IN_FORCE:
        return ReviewRuling(outcome=Review.NOT_IN_FORCE, reasons=(*submission.reasons, *force.reasons))

    required = required_materials(application)
    submitted = application.submitted
    missing = tuple(item for item in required if not item.is_satisfied_by(submitted))
    reasons = [*submission.reasons]
    locked: ChangeRuling | None = None
    if application.form.filing_type is FilingType.CHANGE:
        reasons.append(REVIEW_CHANGE_FILING.make())
        if current_filing is None:
            reasons.append(REVIEW_CHANGE_LOCK_NOT_CHECKED.make(months=p.change_lock_months))
        else:
            kind = (
                ChangeKind.TREATMENT_PLACE
                if current_filing.treatment != application.form.treatment
                else ChangeKind.PERSONAL_INFORMATION
            )
            change = change_allowed(current_filing, kind, received_on, parameters=parameters)
            reasons += change.reasons
            if change.outcome is not ChangeStatus.ALLOWED:
                locked = change
    reasons += material_readings(application, required)
    if missing:
        reasons.append(
            REVIEW_MATERIALS_MISSING.make(
                count=len(missing),
                items="；".join(item.zh for item in missing),
                items_en="; ".join(item.en for item in missing),
            )
        )
    else:
        reasons.append(
            REVIEW_MATERIALS_COMPLETE.make(
                items="；".join(item.zh for item in required),
                items_en="; ".join(item.en for item in required),
            )
        )
    if submission.problems:
        outcome, deadline = Review.IMPROPERLY_SUBMITTED, None
    elif locked is not None:
        outcome, deadline = Review.CHANGE_NOT_ALLOWED, None
    elif missing:
        outcome, deadline = Review.INCOMPLETE, None
        reasons.append(REVIEW_INCOMPLETE_NO_DEADLINE.make())
    else:
        outcome = Review.COMPLETE
        deadline = review_deadline(received_on, calendar=calendar, parameters=parameters)
        n = p.review_working_days
        reasons += [
            REVIEW_DEADLINE.make(received=received_on.isoformat(), n=n, deadline=deadline.isoformat()),
            REVIEW_IN_PRINCIPLE.make(n=n),
        ]
        provisional = provisional_note(
            received_on, n, deadline, calendar=calendar, template=REVIEW_DEADLINE_PROVISIONAL
        )
        if provisional is not None:
            reasons.append(provisional)
    return ReviewRuling(
        outcome=outcome,
        reasons=tuple(reasons),
        deadline=deadline,
        missing=missing,
        agency=submission.agency,
        problems=submission.problems,
    )
