"""Filing applications: articles 7 to 10 and the notes of annexes 1 and 2.

- Article 7: the provincial agency files for 省本级 workers (¶2), city agencies (¶3) and county agencies (¶4) in
  their areas. Article 8: the employer, the worker or a close relative applies to the insured place's agency,
  through the Hunan platform or a service window, or, cross-province only, through the national platform.
- Article 9 and the annex notes: the form; a referral opinion (item 1, note 3); residence proof (item 2, note 4);
  resident-work proof (item 2, note 5), on annex 2 with residence proof; a relative's ID and proof of the
  relationship (note 2); an agent's ID and power of attorney (item 3, note 2). The window scans and uploads (¶2).
- Article 10: decided within 5 working days in principle, the day of receipt not counted [interpretation,
  民法典 201]; an incomplete application gets one notice listing every missing material.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from types import ModuleType
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from identity_numbers import with_check_digit
from stdnum.cn import uscc

from gongshang_rules import (
    REASONS,
    AnnexRef,
    ArticleRef,
    CalendarUnknownError,
    IdentityNumber,
    InvalidInputError,
    PersonCategory,
    Place,
    ServiceKind,
    WorkingDayCalendar,
    YearSchedule,
    filing_from_application,
    place,
)
from gongshang_rules.kernel.parameters import DEFAULT_PARAMETERS
from gongshang_rules.rules import agencies, applications
from gongshang_rules.rules import materials as material_rules
from gongshang_rules.rules import review as review_rules
from gongshang_rules.rules.agencies import Agency, AgencyLevel
from gongshang_rules.rules.applications import (
    Channel,
    FilingApplication,
    Material,
    Submission,
    check_submission,
)
from gongshang_rules.rules.filing import Filing
from gongshang_rules.rules.forms import (
    AgencyDecision,
    AgencyOpinion,
    Agent,
    Annex1Form,
    Annex2Form,
    Applicant,
    Device,
    Employer,
    FilingForm,
    FilingType,
    Relative,
    Sex,
)
from gongshang_rules.rules.materials import (
    RequiredMaterial,
    Requirement,
    missing_materials,
    required_materials,
)
from gongshang_rules.rules.review import Review, ReviewRuling, review_application, review_deadline

WORKER_NUMBER = with_check_digit("43010219900101123")
RELATIVE_NUMBER = with_check_digit("43018119850615002")
AGENT_NUMBER = with_check_digit("43070319780228331")
CREDIT_CODE = "91430100MA4L0XXXX" + uscc.calc_check_digit("91430100MA4L0XXXX")
SIGNED = dt.date(2025, 9, 1)
RECEIVED = dt.date(2025, 9, 30)  # the Tuesday before the National Day week

RELATIVE = Relative(name="张小三", identity_number=IdentityNumber(RELATIVE_NUMBER), contact="13700000000")
AGENT = Agent(name="李受托", identity_number=IdentityNumber(AGENT_NUMBER))
EMPLOYER = Employer(
    name="湖南某某机械有限公司", credit_code=CREDIT_CODE, contact_person="周九", contact="0731-85550000"
)

RESIDENCE_OPTIONS = frozenset(
    {Material.RESIDENCE_PERMIT, Material.COMMITTEE_CERTIFICATE, Material.OTHER_RESIDENCE_PROOF}
)
RESIDENT_WORK_OPTIONS = frozenset(
    {
        Material.DISPATCH_LETTER,
        Material.OUT_OF_AREA_EMPLOYER_CERTIFICATE,
        Material.LABOUR_CONTRACT,
        Material.OTHER_RESIDENT_WORK_PROOF,
    }
)


def form_values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "张三",
        "sex": Sex.MALE,
        "identity_number": IdentityNumber(WORKER_NUMBER),
        "injured_body_part": "右手",
        "injury_decision_number": "长人社工认〔2025〕101号",
        "phone": "13800000000",
        "address": "湖南省长沙市芙蓉区某路1号",
        "filing_type": FilingType.NEW,
        "category": PersonCategory.REFERRAL,
        "applicant": Applicant.WORKER,
        "treatment": place("岳阳市"),
        "signed_on": SIGNED,
    }
    return {**values, **changes}


def annex1(**changes: Any) -> Annex1Form:
    return Annex1Form(**form_values(**{"service": ServiceKind.MEDICAL, **changes}))


def annex2(**changes: Any) -> Annex2Form:
    values: dict[str, Any] = {
        "device_conclusion_number": "长辅结〔2025〕3号",
        "cost_approval_number": "长辅核〔2025〕3号",
        "devices": (Device(name="小腿假肢", minimum_service_years=3, maximum_payment=Decimal("12000.00")),),
    }
    return Annex2Form(**form_values(**{**values, **changes}))


def needs_residence_fact(form: FilingForm) -> bool:
    """Annex note 4 (long-term residence) and annex 2 note 5 (resident work, with residence proof)."""
    return form.category is PersonCategory.LONG_TERM_RESIDENCE or (
        isinstance(form, Annex2Form) and form.category is PersonCategory.RESIDENT_WORK
    )


def application(
    form: FilingForm | None = None,
    *,
    insured: str = "长沙市",
    channel: Channel = Channel.HUNAN_PLATFORM,
    materials: frozenset[Material] = frozenset(),
    at_registration: bool | None = None,
) -> FilingApplication:
    form = form if form is not None else annex1()
    if at_registration is None and needs_residence_fact(form):
        at_registration = False
    return FilingApplication(
        form=form,
        insured=place(insured),
        channel=channel,
        materials=materials,
        residence_at_household_registration=at_registration,
    )


def requirements(items: tuple[RequiredMaterial, ...]) -> list[Requirement]:
    return [item.requirement for item in items]


def all_text(ruling: Any) -> str:
    return f"{ruling}{ruling._repr_html_()}{ruling!r}"


class TestFilingApplication:
    """The application: the form, the insured place, the channel, the materials, and the residence fact."""

    def test_the_form_counts_as_submitted(self) -> None:
        """The form the application carries is among the submitted materials without being listed."""
        assert application().submitted == frozenset({Material.ANNEX_1_FORM})
        assert Material.ANNEX_2_FORM in application(annex2()).submitted

    @pytest.mark.parametrize(
        ("field", "changes"),
        [
            ("form", {"form": "附件1"}),
            ("insured", {"insured": "长沙市"}),
            ("channel", {"channel": "HUNAN_PLATFORM"}),
            ("materials", {"materials": {Material.REFERRAL_OPINION}}),
            ("materials", {"materials": frozenset({"转诊转院意见"})}),
            ("materials", {"materials": frozenset({Material.ANNEX_2_FORM})}),
            ("residence_at_household_registration", {"residence_at_household_registration": "是"}),
        ],
    )
    def test_a_bad_field_is_named(self, field: str, changes: dict[str, Any]) -> None:
        """Wrong types, a material that is not a Material, or the other annex's form, name the field."""
        values: dict[str, Any] = {
            "form": annex1(),
            "insured": place("长沙市"),
            "channel": Channel.HUNAN_PLATFORM,
            "materials": frozenset(),
        }
        with pytest.raises(InvalidInputError) as caught:
            FilingApplication(**{**values, **changes})
        assert caught.value.field == field

    @pytest.mark.parametrize(
        "form",
        [
            annex1(category=PersonCategory.LONG_TERM_RESIDENCE),
            annex1(category=PersonCategory.LONG_TERM_RESIDENCE, service=ServiceKind.REHABILITATION),
            annex2(category=PersonCategory.LONG_TERM_RESIDENCE),
            annex2(category=PersonCategory.RESIDENT_WORK),
        ],
    )
    def test_the_household_registration_fact_is_required_where_residence_proof_is(
        self, form: FilingForm
    ) -> None:
        """Note 4 (and annex 2 note 5) make the residence proof depend on it: it cannot be left out."""
        with pytest.raises(InvalidInputError) as caught:
            FilingApplication(
                form=form, insured=place("长沙市"), channel=Channel.HUNAN_PLATFORM, materials=frozenset()
            )
        assert caught.value.field == "residence_at_household_registration"

    @pytest.mark.parametrize(
        "form",
        [annex1(), annex1(category=PersonCategory.RESIDENT_WORK), annex2()],
    )
    def test_the_household_registration_fact_is_refused_where_no_residence_proof_is_asked(
        self, form: FilingForm
    ) -> None:
        """Referral, and resident work on annex 1 (note 5 asks for work proof only): the fact must be None."""
        with pytest.raises(InvalidInputError) as caught:
            application(form, at_registration=True)
        assert caught.value.field == "residence_at_household_registration"


class TestReceivingAgency:
    """Articles 7 and 8: the insured place's agency receives the application."""

    def test_a_city_insured_worker_files_with_the_city_agency(self) -> None:
        """Article 7 ¶3: city agencies handle filing in their area."""
        ruling = check_submission(application(insured="株洲市"))
        assert ruling.outcome is Submission.PROPERLY_SUBMITTED
        assert ruling.agency == Agency(level=AgencyLevel.CITY, place=place("株洲市"))
        reason = ruling.reason("APPLICATION_RECEIVED_BY_CITY_AGENCY")
        assert ArticleRef(7, paragraph=3) in reason.articles
        assert not reason.interpretation

    def test_a_county_insured_worker_files_with_the_county_agency(self) -> None:
        """Article 7 ¶4 with article 2 ¶3: the insured place is the county, so its agency receives [reading]."""
        ruling = check_submission(application(insured="浏阳市"))
        assert ruling.agency == Agency(level=AgencyLevel.COUNTY, place=place("浏阳市"))
        reason = ruling.reason("APPLICATION_RECEIVED_BY_COUNTY_AGENCY")
        assert ArticleRef(7, paragraph=4) in reason.articles
        assert reason.interpretation

    def test_a_provincial_level_worker_treated_outside_hunan_files_with_the_provincial_agency(self) -> None:
        """Article 7 ¶2: the provincial agency files for 省本级 workers."""
        ruling = check_submission(application(annex1(treatment=place("北京市")), insured="省本级"))
        assert ruling.outcome is Submission.PROPERLY_SUBMITTED
        assert ruling.agency is not None
        assert ruling.agency.level is AgencyLevel.PROVINCIAL
        assert ArticleRef(7, paragraph=2) in ruling.articles
        assert "省级" in ruling.agency.zh

    @pytest.mark.parametrize(
        ("insured", "treatment", "paragraph"),
        [("长沙市", "浏阳市", 1), ("浏阳市", "芙蓉区", 1), ("省本级", "岳阳市", 2)],
    )
    def test_care_that_is_not_out_of_area_needs_no_filing(
        self, insured: str, treatment: str, paragraph: int
    ) -> None:
        """Article 3: care within one city, or a 省本级 worker's care within Hunan, is not out-of-area."""
        ruling = check_submission(application(annex1(treatment=place(treatment)), insured=insured))
        assert ruling.outcome is Submission.NO_FILING_NEEDED
        assert ruling.agency is None
        assert ArticleRef(3, paragraph=paragraph) in ruling.articles
        assert "ELIGIBILITY_NOT_OUT_OF_AREA" in ruling.codes

    @pytest.mark.parametrize("channel", list(Channel))
    def test_a_worker_insured_in_another_province_does_not_file_with_hunan(self, channel: Channel) -> None:
        """Article 8 sends the application to the insured place's agency: here another province's."""
        ruling = check_submission(application(insured="新疆维吾尔自治区", channel=channel))
        assert ruling.outcome is Submission.FILE_WITH_INSURED_PROVINCE
        assert ruling.agency is None
        reason = ruling.reason("APPLICATION_FILE_WITH_INSURED_PROVINCE")
        assert reason.interpretation
        assert any("国家" in a or "人社部" in a for a in reason.authorities)
        assert "新疆维吾尔自治区" in reason.message_zh

    def test_a_case_with_both_places_outside_hunan_is_not_governed(self) -> None:
        """Article 2 ¶1: neither place in Hunan."""
        ruling = check_submission(application(annex1(treatment=place("广东省")), insured="北京市"))
        assert ruling.outcome is Submission.NOT_GOVERNED
        assert ruling.codes == {"SCOPE_NOT_GOVERNED"}

    def test_an_agency_serves_a_place_of_its_level(self) -> None:
        """A city agency for a county, or the provincial agency for a city, is an error naming place."""
        for level, name in [
            (AgencyLevel.CITY, "浏阳市"),
            (AgencyLevel.PROVINCIAL, "长沙市"),
            (AgencyLevel.COUNTY, "湖北省"),
        ]:
            with pytest.raises(InvalidInputError) as caught:
                Agency(level=level, place=place(name))
            assert caught.value.field == "place"

    def test_the_agency_is_named_in_chinese(self) -> None:
        """The agency of a city or county is named after it."""
        agency = Agency(level=AgencyLevel.COUNTY, place=place("浏阳市"))
        assert agency.zh == "浏阳市工伤保险经办机构"
        assert str(agency) == "浏阳市工伤保险经办机构 (county agency)"


class TestApplicantAndChannel:
    """Article 8: who may apply, and through which channel; every problem is listed."""

    @pytest.mark.parametrize(
        ("form", "who"),
        [
            (annex1(), "张三"),
            (annex1(applicant=Applicant.CLOSE_RELATIVE, relative=RELATIVE), "张小三"),
            (annex2(applicant=Applicant.EMPLOYER, employer=EMPLOYER), CREDIT_CODE),
        ],
    )
    def test_the_worker_a_relative_or_on_annex_2_the_employer_may_apply(
        self, form: FilingForm, who: str
    ) -> None:
        """The applicant is named, citing article 8 and note 2 of the annexes."""
        ruling = check_submission(application(form))
        reason = ruling.reason("APPLICATION_APPLICANT_PERMITTED")
        assert who in reason.message_zh
        assert ArticleRef(8) in reason.articles
        assert AnnexRef(form.annex, note=2) in reason.articles

    def test_an_agent_is_recorded_with_article_9_item_3(self) -> None:
        """工伤职工委托他人申请."""
        ruling = check_submission(application(annex1(agent=AGENT)))
        reason = ruling.reason("APPLICATION_AGENT_ENTRUSTED")
        assert ArticleRef(9, paragraph=1, item=3) in reason.articles
        assert "李受托" in reason.message_zh

    @pytest.mark.parametrize("channel", [Channel.HUNAN_PLATFORM, Channel.SERVICE_WINDOW])
    @pytest.mark.parametrize("treatment", ["岳阳市", "广东省"])
    def test_the_hunan_platform_and_the_window_serve_every_filing(
        self, channel: Channel, treatment: str
    ) -> None:
        """Intra-province and cross-province alike."""
        ruling = check_submission(application(annex1(treatment=place(treatment)), channel=channel))
        assert ruling.outcome is Submission.PROPERLY_SUBMITTED
        assert ruling.problems == ()

    def test_a_window_application_is_scanned_and_uploaded(self) -> None:
        """Article 9 ¶2: the window accepts it promptly and uploads the materials to the Hunan platform."""
        ruling = check_submission(application(channel=Channel.SERVICE_WINDOW))
        reason = ruling.reason("APPLICATION_CHANNEL_SERVICE_WINDOW")
        assert ArticleRef(9, paragraph=2) in reason.articles
        assert "扫描上传" in reason.message_zh

    def test_the_hunan_platform_is_the_platform_of_article_6(self) -> None:
        """The Hunan platform reason cites articles 6 and 8."""
        ruling = check_submission(application(channel=Channel.HUNAN_PLATFORM))
        assert ruling.reason("APPLICATION_CHANNEL_HUNAN_PLATFORM").articles == (ArticleRef(6), ArticleRef(8))

    @pytest.mark.parametrize("insured", ["长沙市", "浏阳市", "省本级"])
    def test_the_national_platform_serves_a_cross_province_filing(self, insured: str) -> None:
        """Article 8: 也可通过国家社会保险公共服务平台…提出跨省异地就医备案申请."""
        ruling = check_submission(
            application(annex1(treatment=place("上海市")), insured=insured, channel=Channel.NATIONAL_PLATFORM)
        )
        assert ruling.outcome is Submission.PROPERLY_SUBMITTED
        assert "APPLICATION_CHANNEL_NATIONAL_PLATFORM" in ruling.codes

    def test_the_national_platform_does_not_serve_an_intra_province_filing(self) -> None:
        """An intra-province filing through the national platform is a problem, and the ruling lists it."""
        ruling = check_submission(application(channel=Channel.NATIONAL_PLATFORM))
        assert ruling.outcome is Submission.IMPROPERLY_SUBMITTED
        assert ruling.problems == ("APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY",)
        assert ruling.agency is not None  # it still says where the application belongs

    @given(
        channel=st.sampled_from(list(Channel)),
        treatment=st.sampled_from(["岳阳市", "广东省", "怀化市", "西藏自治区"]),
        insured=st.sampled_from(["长沙市", "浏阳市", "湘西土家族苗族自治州", "省本级"]),
    )
    def test_the_problems_are_exactly_the_problem_reasons(
        self, channel: Channel, treatment: str, insured: str
    ) -> None:
        """Every problem is listed as a reason, and the outcome is improper exactly when there is one."""
        ruling = check_submission(
            application(annex1(treatment=place(treatment)), insured=insured, channel=channel)
        )
        problem_codes = {"APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY"}
        assert set(ruling.problems) == ruling.codes & problem_codes
        assert (ruling.outcome is Submission.IMPROPERLY_SUBMITTED) == bool(ruling.problems)

    def test_a_non_application_is_refused(self) -> None:
        """Anything but a FilingApplication is an error naming application."""
        for function in (check_submission, required_materials, missing_materials):
            with pytest.raises(InvalidInputError) as caught:
                function(annex1())  # type: ignore[arg-type]
            assert caught.value.field == "application"

    def test_str_names_the_receiving_agency(self) -> None:
        """The explanation shows the agency below the headline."""
        assert "receiving agency: 长沙市工伤保险经办机构" in str(check_submission(application()))


class TestRequiredMaterials:
    """Article 9 and the annex notes: what each application must include, and why."""

    @pytest.mark.parametrize("build", [annex1, annex2])
    def test_the_form_comes_first(self, build: Any) -> None:
        """Article 9 ¶1: the annex form itself."""
        form = build()
        first = required_materials(application(form))[0]
        assert first.requirement is Requirement.FILING_FORM
        assert first.any_of == ((Material.ANNEX_1_FORM,) if form.annex == 1 else (Material.ANNEX_2_FORM,))
        assert first.citations == (ArticleRef(9, paragraph=1), AnnexRef(form.annex))

    @pytest.mark.parametrize("build", [annex1, annex2])
    def test_a_referral_needs_the_referral_opinion(self, build: Any) -> None:
        """Article 9 ¶1 item 1, annex note 3."""
        form = build(category=PersonCategory.REFERRAL)
        items = required_materials(application(form))
        assert requirements(items) == [Requirement.FILING_FORM, Requirement.REFERRAL_OPINION]
        assert items[1].any_of == (Material.REFERRAL_OPINION,)
        assert items[1].citations == (ArticleRef(9, paragraph=1, item=1), AnnexRef(form.annex, note=3))
        assert not items[1].interpretation

    @pytest.mark.parametrize("build", [annex1, annex2])
    def test_long_term_residence_at_the_household_registration_place_needs_registration_materials(
        self, build: Any
    ) -> None:
        """Note 4: 居住地为户籍所在地的另须提供户籍相关材料."""
        form = build(category=PersonCategory.LONG_TERM_RESIDENCE)
        items = required_materials(application(form, at_registration=True))
        assert requirements(items) == [Requirement.FILING_FORM, Requirement.RESIDENCE_PROOF]
        assert items[1].any_of == (Material.HOUSEHOLD_REGISTRATION,)
        assert AnnexRef(form.annex, note=4) in items[1].citations
        assert not items[1].interpretation

    @pytest.mark.parametrize("build", [annex1, annex2])
    def test_long_term_residence_elsewhere_needs_any_one_residence_proof(self, build: Any) -> None:
        """Note 4: a residence permit, a committee certificate 等: any one [reading]."""
        form = build(category=PersonCategory.LONG_TERM_RESIDENCE)
        items = required_materials(application(form, at_registration=False))
        assert set(items[1].any_of) == RESIDENCE_OPTIONS
        assert items[1].alternatives and items[1].interpretation
        assert items[1].citations == (ArticleRef(9, paragraph=1, item=2), AnnexRef(form.annex, note=4))

    def test_resident_work_on_annex_1_needs_only_resident_work_proof(self) -> None:
        """Annex 1 note 5: a dispatch letter, the out-of-area employer's certificate, the labour contract 等."""
        items = required_materials(application(annex1(category=PersonCategory.RESIDENT_WORK)))
        assert requirements(items) == [Requirement.FILING_FORM, Requirement.RESIDENT_WORK_PROOF]
        assert set(items[1].any_of) == RESIDENT_WORK_OPTIONS
        assert items[1].citations == (ArticleRef(9, paragraph=1, item=2), AnnexRef(1, note=5))

    @pytest.mark.parametrize(
        ("at_registration", "residence"),
        [(True, frozenset({Material.HOUSEHOLD_REGISTRATION})), (False, RESIDENCE_OPTIONS)],
    )
    def test_resident_work_on_annex_2_needs_residence_proof_too(
        self, at_registration: bool, residence: frozenset[Material]
    ) -> None:
        """Annex 2 note 5: …佐证材料…及长期居住佐证材料; its form follows note 4 [reading]."""
        items = required_materials(
            application(annex2(category=PersonCategory.RESIDENT_WORK), at_registration=at_registration)
        )
        assert requirements(items) == [
            Requirement.FILING_FORM,
            Requirement.RESIDENT_WORK_PROOF,
            Requirement.RESIDENCE_PROOF,
        ]
        assert set(items[2].any_of) == residence
        assert AnnexRef(2, note=5) in items[2].citations
        assert items[2].interpretation

    @pytest.mark.parametrize("build", [annex1, annex2])
    def test_a_relative_application_needs_their_id_and_proof_of_the_relationship(self, build: Any) -> None:
        """Note 2: 近亲属申请的，另须提供其有效身份证件和与工伤职工的关系佐证材料."""
        form = build(applicant=Applicant.CLOSE_RELATIVE, relative=RELATIVE)
        items = required_materials(application(form))
        assert requirements(items)[-2:] == [Requirement.RELATIVE_IDENTITY, Requirement.RELATIONSHIP_PROOF]
        assert all(item.citations == (AnnexRef(form.annex, note=2),) for item in items[-2:])

    @pytest.mark.parametrize("build", [annex1, annex2])
    def test_an_agent_application_needs_the_agents_id_and_the_power_of_attorney(self, build: Any) -> None:
        """Article 9 ¶1 item 3 and note 2; the agent's ID rests on reading 其 as the agent."""
        form = build(agent=AGENT)
        identity, power = required_materials(application(form))[-2:]
        assert (identity.requirement, power.requirement) == (
            Requirement.AGENT_IDENTITY,
            Requirement.POWER_OF_ATTORNEY,
        )
        assert identity.citations == (ArticleRef(9, paragraph=1, item=3),)
        assert identity.interpretation
        assert power.citations == (ArticleRef(9, paragraph=1, item=3), AnnexRef(form.annex, note=2))
        assert not power.interpretation

    def test_an_employer_application_asks_for_no_further_document(self) -> None:
        """Annex 2 puts the employer's details on the form itself; no note asks for an employer document."""
        form = annex2(applicant=Applicant.EMPLOYER, employer=EMPLOYER)
        assert requirements(required_materials(application(form))) == [
            Requirement.FILING_FORM,
            Requirement.REFERRAL_OPINION,
        ]

    def test_every_required_item_is_cited(self) -> None:
        """No item without an article or a note behind it."""
        form = annex2(category=PersonCategory.RESIDENT_WORK, agent=AGENT)
        for item in required_materials(application(form)):
            assert item.citations

    @given(data=st.data())
    def test_adding_an_applicant_detail_never_removes_a_required_material(self, data: st.DataObject) -> None:
        """A relative's application or an agent adds items to those of the worker applying alone; none go."""
        form = data.draw(forms_by(applicant=st.just(Applicant.WORKER), agents=False))
        base = application_for(form, data)
        before = set(required_materials(base))
        with_relative = attrs.evolve(
            base, form=attrs.evolve(form, applicant=Applicant.CLOSE_RELATIVE, relative=RELATIVE)
        )
        with_agent = attrs.evolve(base, form=attrs.evolve(form, agent=AGENT))
        for richer in (with_relative, with_agent):
            after = set(required_materials(richer))
            assert before <= after
            assert len(after) == len(before) + 2


class TestRequiredMaterial:
    """A required item satisfied by any one of its materials."""

    def test_any_one_of_the_alternatives_satisfies_the_item(self) -> None:
        """Each alternative on its own satisfies; none, or an unrelated material, does not."""
        item = RequiredMaterial(
            requirement=Requirement.RESIDENT_WORK_PROOF,
            any_of=tuple(sorted(RESIDENT_WORK_OPTIONS, key=lambda m: m.name)),
            citations=(ArticleRef(9, paragraph=1, item=2),),
        )
        for material in RESIDENT_WORK_OPTIONS:
            assert item.is_satisfied_by({material})
        assert not item.is_satisfied_by(set())
        assert not item.is_satisfied_by({Material.RESIDENCE_PERMIT})

    @pytest.mark.parametrize(
        ("field", "changes"),
        [
            ("requirement", {"requirement": "FILING_FORM"}),
            ("any_of", {"any_of": ()}),
            ("any_of", {"any_of": [Material.LABOUR_CONTRACT]}),
            ("any_of", {"any_of": (Material.LABOUR_CONTRACT, Material.LABOUR_CONTRACT)}),
            ("any_of[1]", {"any_of": (Material.LABOUR_CONTRACT, "劳动合同")}),
            ("citations", {"citations": ()}),
            ("citations[0]", {"citations": ("art. 9",)}),
            ("interpretation", {"interpretation": 1}),
        ],
    )
    def test_a_bad_field_is_named(self, field: str, changes: dict[str, Any]) -> None:
        """Empty, duplicated or mistyped alternatives, missing citations, a non-bool flag."""
        values: dict[str, Any] = {
            "requirement": Requirement.RESIDENT_WORK_PROOF,
            "any_of": (Material.LABOUR_CONTRACT,),
            "citations": (ArticleRef(9, paragraph=1, item=2),),
        }
        with pytest.raises(InvalidInputError) as caught:
            RequiredMaterial(**{**values, **changes})
        assert caught.value.field == field

    def test_the_item_reads_as_the_notice_states_it(self) -> None:
        """Alternatives are introduced as 'any one of' / 以下任一, with the citations."""
        item = required_materials(application(annex1(category=PersonCategory.RESIDENT_WORK)))[1]
        assert item.en.startswith("proof of resident work (any one of: ")
        assert "以下任一：参保地工作单位派出证明" in item.zh
        assert "第九条第一款第（二）项" in item.zh and "附件1备注5" in item.zh


class TestReviewDeadline:
    """Article 10: within 5 working days in principle; the day of receipt not counted [interpretation, 民法典 201]."""

    @pytest.mark.parametrize(
        ("received", "deadline"),
        [
            # The Tuesday before the National Day week: 10-09, 10-10, the make-up Saturday 10-11, 10-13, 10-14.
            (dt.date(2025, 9, 30), dt.date(2025, 10, 14)),
            # Received on a Saturday: the count starts on Monday.
            (dt.date(2025, 11, 15), dt.date(2025, 11, 21)),
            # Received on the make-up Sunday 09-28: that day is not counted either.
            (dt.date(2025, 9, 28), dt.date(2025, 10, 11)),
            # Received during the holiday itself.
            (dt.date(2025, 10, 3), dt.date(2025, 10, 14)),
            # The Friday before the Spring Festival: the make-up Saturday 02-14 counts, then 02-24 to 02-27.
            (dt.date(2026, 2, 13), dt.date(2026, 2, 27)),
            # Received on the make-up Saturday 02-14: 02-24 to 02-27, then the make-up Saturday 02-28.
            (dt.date(2026, 2, 14), dt.date(2026, 2, 28)),
            # The first working day after the festival: the make-up Saturday 02-28 is the 4th day.
            (dt.date(2026, 2, 24), dt.date(2026, 3, 2)),
            # New Year 2026 falls inside the count.
            (dt.date(2025, 12, 31), dt.date(2026, 1, 8)),
            # The last receipt day whose count stays inside 2026.
            (dt.date(2026, 12, 24), dt.date(2026, 12, 31)),
        ],
    )
    def test_the_deadline_is_the_fifth_working_day_after_receipt(
        self, received: dt.date, deadline: dt.date
    ) -> None:
        """Boundary dates around holidays, weekends and make-up workdays."""
        assert review_deadline(received) == deadline

    @pytest.mark.parametrize(
        "received", [dt.date(2026, 12, 25), dt.date(2026, 12, 28), dt.date(2026, 12, 31)]
    )
    def test_a_deadline_in_an_unknown_year_is_an_error_naming_the_year(self, received: dt.date) -> None:
        """Late December 2026: the count runs into 2027, whose schedule is not known: never a guess."""
        with pytest.raises(CalendarUnknownError) as caught:
            review_deadline(received)
        assert caught.value.year == 2027
        assert "2027" in str(caught.value)

    def test_a_calendar_with_the_next_years_schedule_gives_the_deadline(self) -> None:
        """Once the 2027 schedule is supplied, late-December receipts are counted into 2027."""
        schedule = YearSchedule(
            year=2027, days_off=frozenset({dt.date(2027, 1, 1)}), makeup_workdays=frozenset(), source="test"
        )
        calendar = WorkingDayCalendar().with_schedule(schedule)
        assert review_deadline(dt.date(2026, 12, 28), calendar=calendar) == dt.date(2027, 1, 5)

    def test_the_number_of_days_comes_from_the_parameters(self) -> None:
        """What if article 10 said 3 working days: pass another table."""
        three = attrs.evolve(DEFAULT_PARAMETERS, review_working_days=3)
        assert review_deadline(dt.date(2025, 9, 30), parameters=three) == dt.date(2025, 10, 11)

    @pytest.mark.parametrize("received", [dt.datetime(2025, 9, 30, 9, 0), "2025-09-30", None])  # noqa: DTZ001
    def test_the_receipt_day_must_be_a_date(self, received: object) -> None:
        """A datetime, text or None is an error naming received_on."""
        with pytest.raises(InvalidInputError) as caught:
            review_deadline(received)  # type: ignore[arg-type]
        assert caught.value.field == "received_on"

    def test_bad_parameters_or_calendar_are_named(self) -> None:
        """Only a Parameters table and a WorkingDayCalendar are accepted."""
        with pytest.raises(InvalidInputError) as caught:
            review_deadline(RECEIVED, parameters={"review_working_days": 5})  # type: ignore[arg-type]
        assert caught.value.field == "parameters"
        with pytest.raises(InvalidInputError) as caught:
            review_deadline(RECEIVED, calendar="chinese_calendar")  # type: ignore[arg-type]
        assert caught.value.field == "calendar"

    @given(received=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 12, 24)))
    def test_the_deadline_is_a_working_day_strictly_after_receipt(
        self, holiday_table: Any, received: dt.date
    ) -> None:
        """Checked against the published schedules read independently (tests/data): 5 working days in between."""
        table = holiday_table
        deadline = review_deadline(received)
        assert deadline > received
        assert table.is_working_day(deadline)
        days = [received + dt.timedelta(days=i) for i in range(1, (deadline - received).days + 1)]
        assert sum(table.is_working_day(d) for d in days) == 5


class TestReviewApplication:
    """Article 10: complete with a deadline, or incomplete with one notice listing every missing material."""

    def test_a_complete_application_gets_its_deadline(self) -> None:
        """Outcome COMPLETE, the deadline as a field and in a reason resting on 民法典 201 [interpretation]."""
        ruling = review_application(application(materials=frozenset({Material.REFERRAL_OPINION})), RECEIVED)
        assert ruling.outcome is Review.COMPLETE
        assert ruling.deadline == dt.date(2025, 10, 14)
        assert ruling.missing == ()
        deadline_reason = ruling.reason("REVIEW_DEADLINE")
        assert deadline_reason.interpretation
        assert "2025-10-14" in deadline_reason.message_zh
        assert any("201" in a for a in deadline_reason.authorities)
        assert "REVIEW_MATERIALS_COMPLETE" in ruling.codes

    def test_the_five_days_are_in_principle(self) -> None:
        """原则上: a reason says so, citing article 10, and that the procedure attaches no consequence."""
        ruling = review_application(application(materials=frozenset({Material.REFERRAL_OPINION})), RECEIVED)
        reason = ruling.reason("REVIEW_IN_PRINCIPLE")
        assert reason.articles == (ArticleRef(10),)
        assert "原则上" in reason.message_zh
        assert "in principle" in str(ruling)

    def test_an_incomplete_application_gets_one_notice_listing_every_missing_item(self) -> None:
        """A relative's referral with nothing attached: the opinion, the relative's ID and the relationship proof."""
        form = annex1(applicant=Applicant.CLOSE_RELATIVE, relative=RELATIVE)
        ruling = review_application(application(form), RECEIVED)
        assert ruling.outcome is Review.INCOMPLETE
        assert requirements(ruling.missing) == [
            Requirement.REFERRAL_OPINION,
            Requirement.RELATIVE_IDENTITY,
            Requirement.RELATIONSHIP_PROOF,
        ]
        notices = [r for r in ruling.reasons if r.code == "REVIEW_MATERIALS_MISSING"]
        assert len(notices) == 1
        for item in ruling.missing:
            assert item.zh in notices[0].message_zh
            assert item.en in notices[0].message_en
        assert ruling.deadline is None
        assert "REVIEW_INCOMPLETE_NO_DEADLINE" in ruling.codes

    def test_an_incomplete_application_is_not_given_a_deadline_the_text_does_not_set(self) -> None:
        """Article 10 is silent on the notice's time limit and on the restart: the ruling says so."""
        ruling = review_application(application(), RECEIVED)
        reason = ruling.reason("REVIEW_INCOMPLETE_NO_DEADLINE")
        assert not reason.interpretation
        assert "does not specify" in reason.message_en

    def test_one_alternative_satisfies_an_any_one_item(self) -> None:
        """Resident work with only the labour contract: complete, and the reading is stated."""
        form = annex1(category=PersonCategory.RESIDENT_WORK)
        ruling = review_application(
            application(form, materials=frozenset({Material.LABOUR_CONTRACT})), RECEIVED
        )
        assert ruling.outcome is Review.COMPLETE
        assert ruling.reason("MATERIAL_RESIDENT_WORK_PROOF_ANY_ONE").interpretation

    def test_the_readings_behind_the_items_are_stated(self) -> None:
        """Agent ID, residence proof alternatives and annex 2's resident-work residence proof rest on readings."""
        form = annex2(category=PersonCategory.RESIDENT_WORK, agent=AGENT)
        ruling = review_application(application(form), RECEIVED)
        assert {
            "MATERIAL_AGENT_IDENTITY_IS_AGENTS",
            "MATERIAL_RESIDENCE_PROOF_ANY_ONE",
            "MATERIAL_RESIDENT_WORK_PROOF_ANY_ONE",
            "MATERIAL_RESIDENT_WORK_RESIDENCE_PROOF",
        } <= ruling.codes
        assert ruling.rests_on_interpretation

    def test_an_improper_channel_is_reported_with_the_missing_materials(self) -> None:
        """The national platform for an intra-province filing, and nothing attached: both are reported."""
        ruling = review_application(application(channel=Channel.NATIONAL_PLATFORM), RECEIVED)
        assert ruling.outcome is Review.IMPROPERLY_SUBMITTED
        assert ruling.problems == ("APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY",)
        assert requirements(ruling.missing) == [Requirement.REFERRAL_OPINION]
        assert {
            "APPLICATION_NATIONAL_PLATFORM_CROSS_PROVINCE_ONLY",
            "REVIEW_MATERIALS_MISSING",
        } <= ruling.codes
        assert ruling.deadline is None

    def test_an_improper_channel_with_complete_materials_gets_no_deadline(self) -> None:
        """The application belongs on another channel: no deadline runs on this one."""
        ruling = review_application(
            application(channel=Channel.NATIONAL_PLATFORM, materials=frozenset({Material.REFERRAL_OPINION})),
            RECEIVED,
        )
        assert ruling.outcome is Review.IMPROPERLY_SUBMITTED
        assert ruling.deadline is None
        assert "REVIEW_MATERIALS_COMPLETE" in ruling.codes

    @pytest.mark.parametrize(
        ("insured", "treatment", "outcome"),
        [
            ("长沙市", "浏阳市", Review.NO_FILING_NEEDED),
            ("省本级", "岳阳市", Review.NO_FILING_NEEDED),
            ("新疆维吾尔自治区", "长沙市", Review.FILE_WITH_INSURED_PROVINCE),
            ("北京市", "广东省", Review.NOT_GOVERNED),
        ],
    )
    def test_an_application_no_hunan_agency_reviews_says_why(
        self, insured: str, treatment: str, outcome: Review
    ) -> None:
        """No filing needed, filed with the insured province, or not governed: no deadline, no notice."""
        ruling = review_application(
            application(annex1(treatment=place(treatment)), insured=insured), RECEIVED
        )
        assert ruling.outcome is outcome
        assert (ruling.deadline, ruling.missing, ruling.agency) == (None, (), None)
        lines = str(ruling).splitlines()
        assert lines[1] == "  because:" and lines[2].startswith("  - SCOPE_")  # no agency, deadline, missing

    @pytest.mark.parametrize(
        ("treatment", "received", "outcome", "code"),
        [
            ("岳阳市", dt.date(2025, 7, 31), Review.NOT_IN_FORCE, "IN_FORCE_NOT_YET"),
            ("广东省", dt.date(2025, 7, 31), Review.NOT_GOVERNED, "IN_FORCE_NATIONAL_PROCEDURE_BEFORE"),
            ("岳阳市", dt.date(2027, 8, 1), Review.NOT_IN_FORCE, "IN_FORCE_EXPIRED"),
        ],
    )
    def test_an_application_received_outside_the_procedures_validity_is_not_reviewed_under_it(
        self, treatment: str, received: dt.date, outcome: Review, code: str
    ) -> None:
        """Article 36: from 2025-08-01 through 2027-07-31; before, cross-province filings follow the national rules."""
        form = annex1(treatment=place(treatment), signed_on=dt.date(2025, 7, 1))
        ruling = review_application(application(form), received)
        assert ruling.outcome is outcome
        assert code in ruling.codes

    def test_the_first_and_last_days_in_force_are_reviewed(self) -> None:
        """2025-08-01 and 2027-07-31 are in force (the deadline of the latter is not computed: incomplete)."""
        form = annex1(signed_on=dt.date(2025, 8, 1))
        assert review_application(application(form), dt.date(2025, 8, 1)).outcome is Review.INCOMPLETE
        assert review_application(application(form), dt.date(2027, 7, 31)).outcome is Review.INCOMPLETE

    def test_a_complete_application_whose_deadline_falls_in_an_unknown_year_raises(self) -> None:
        """Received 2026-12-28: the deadline would be in 2027, whose schedule is unknown."""
        complete = application(materials=frozenset({Material.REFERRAL_OPINION}))
        with pytest.raises(CalendarUnknownError) as caught:
            review_application(complete, dt.date(2026, 12, 28))
        assert caught.value.year == 2027

    def test_a_deadline_in_late_december_of_the_last_known_year_is_provisional(self) -> None:
        """Received Friday 2026-12-18: due 12-25, in late December 2026, which the unknown 2027 notice may move."""
        complete = application(materials=frozenset({Material.REFERRAL_OPINION}))
        ruling = review_application(complete, dt.date(2026, 12, 18))
        assert ruling.deadline == dt.date(2026, 12, 25)
        note = ruling.reason("REVIEW_DEADLINE_PROVISIONAL")
        assert note.interpretation and [str(a) for a in note.articles] == ["art. 10"]
        assert "2026-12-25" in note.message_en and "2027" in note.message_zh

    def test_a_deadline_before_late_december_is_not_provisional(self) -> None:
        """Received 2026-12-11: due 12-18, before the 21st: no note."""
        complete = application(materials=frozenset({Material.REFERRAL_OPINION}))
        assert "REVIEW_DEADLINE_PROVISIONAL" not in review_application(complete, dt.date(2026, 12, 11)).codes

    def test_a_change_is_checked_against_the_same_list(self) -> None:
        """备案类别：变更 (article 11): the same materials, a reading stated in a reason."""
        ruling = review_application(application(annex1(filing_type=FilingType.CHANGE)), RECEIVED)
        assert ruling.reason("REVIEW_CHANGE_FILING").interpretation
        assert requirements(ruling.missing) == [Requirement.REFERRAL_OPINION]

    def test_an_application_cannot_be_received_before_it_was_signed(self) -> None:
        """received_on before the form's signature date is an error naming received_on."""
        with pytest.raises(InvalidInputError) as caught:
            review_application(application(), dt.date(2025, 8, 31))
        assert caught.value.field == "received_on"

    def test_bad_arguments_are_named(self) -> None:
        """The application, the receipt date and the parameters are checked."""
        with pytest.raises(InvalidInputError) as caught:
            review_application(annex1(), RECEIVED)  # type: ignore[arg-type]
        assert caught.value.field == "application"
        with pytest.raises(InvalidInputError) as caught:
            review_application(application(), "2025-09-30")  # type: ignore[arg-type]
        assert caught.value.field == "received_on"
        with pytest.raises(InvalidInputError) as caught:
            review_application(application(), RECEIVED, parameters=None)  # type: ignore[arg-type]
        assert caught.value.field == "parameters"

    def test_the_explanation_shows_deadline_agency_and_missing_items(self) -> None:
        """str() lists the agency, the deadline or each missing item; the HTML view renders too."""
        complete = review_application(application(materials=frozenset({Material.REFERRAL_OPINION})), RECEIVED)
        assert "decide by (in principle): 2025-10-14" in str(complete)
        incomplete = review_application(application(annex1(agent=AGENT)), RECEIVED)
        text = str(incomplete)
        assert "missing: the referral opinion" in text
        assert "missing: the power of attorney" in text
        assert "receiving agency: 长沙市工伤保险经办机构" in incomplete._repr_html_()

    def test_no_ruling_shows_an_identity_number_whole(self) -> None:
        """The worker's, relative's and agent's numbers never appear in a ruling's text."""
        for form in (annex1(applicant=Applicant.CLOSE_RELATIVE, relative=RELATIVE), annex2(agent=AGENT)):
            ruling = review_application(application(form), RECEIVED)
            text = all_text(ruling) + all_text(check_submission(application(form)))
            for number in (WORKER_NUMBER, RELATIVE_NUMBER, AGENT_NUMBER):
                assert number not in text

    @given(data=st.data())
    def test_the_notice_lists_exactly_the_unsatisfied_items(self, data: st.DataObject) -> None:
        """For any form and any subset of materials, the notice equals a brute-force check of the annex notes."""
        form = data.draw(forms_by())
        app = application_for(form, data)
        ruling = review_application(app, RECEIVED)
        assert isinstance(ruling, ReviewRuling)
        assert ruling.outcome in (Review.COMPLETE, Review.INCOMPLETE)
        expected = expected_missing(app)
        assert set(requirements(ruling.missing)) == expected
        assert len(ruling.missing) == len(expected)
        assert (ruling.outcome is Review.INCOMPLETE) == bool(expected)
        assert [item.requirement for item in missing_materials(app)] == requirements(ruling.missing)

    def test_every_subset_of_materials_for_a_busy_case(self) -> None:
        """Annex 2, resident work away from the 户籍 place, a relative applying: all 2**10 subsets of the
        materials that matter."""
        form = annex2(
            category=PersonCategory.RESIDENT_WORK, applicant=Applicant.CLOSE_RELATIVE, relative=RELATIVE
        )
        relevant = sorted(
            RESIDENT_WORK_OPTIONS | RESIDENCE_OPTIONS | {Material.RELATIVE_ID, Material.RELATIONSHIP_PROOF},
            key=lambda m: m.name,
        )
        assert len(relevant) == 9
        relevant.append(Material.HOUSEHOLD_REGISTRATION)  # does not help away from the 户籍 place
        for size in range(len(relevant) + 1):
            for subset in itertools.combinations(relevant, size):
                app = application(form, materials=frozenset(subset), at_registration=False)
                missing = {item.requirement for item in missing_materials(app)}
                assert missing == expected_missing(app), subset


OUR_PREFIXES = frozenset({"APPLICATION", "MATERIAL", "REVIEW"})
HOMES = (agencies, applications, material_rules, review_rules)


class TestReasonCatalogue:
    """The reasons of this module: unique prefixed codes, cited articles, readings flagged."""

    CODES: ClassVar[list[str]] = sorted(code for code in REASONS if code.split("_")[0] in OUR_PREFIXES)

    def test_every_reason_is_registered_under_a_prefixed_code(self) -> None:
        """APPLICATION_, MATERIAL_ or REVIEW_: each such code is a template of these modules under its own name
        (the receiving agency's are article 7's, in ``agencies``)."""
        assert len(self.CODES) >= 20
        for code in self.CODES:
            assert any(vars(module).get(code) is REASONS[code] for module in HOMES)
            assert REASONS[code].code == code

    def test_every_reason_cites_this_procedure(self) -> None:
        """Each cites at least one article or annex of 湘人社规〔2025〕24号."""
        for code in self.CODES:
            assert REASONS[code].articles

    @pytest.mark.parametrize(
        "code",
        [
            "APPLICATION_RECEIVED_BY_COUNTY_AGENCY",
            "APPLICATION_FILE_WITH_INSURED_PROVINCE",
            "APPLICATION_CHANNEL_NATIONAL_PLATFORM",
            "MATERIAL_RESIDENCE_PROOF_ANY_ONE",
            "MATERIAL_RESIDENT_WORK_PROOF_ANY_ONE",
            "MATERIAL_AGENT_IDENTITY_IS_AGENTS",
            "MATERIAL_RESIDENT_WORK_RESIDENCE_PROOF",
            "REVIEW_DEADLINE",
            "REVIEW_IN_PRINCIPLE",
            "REVIEW_CHANGE_FILING",
        ],
    )
    def test_the_readings_are_flagged(self, code: str) -> None:
        """Every reason that rests on a reading, not the letter, says so."""
        assert REASONS[code].interpretation


# --- strategies and the brute-force oracle -----------------------------------------------------------------

TREATMENTS: list[Place] = [place("岳阳市"), place("广东省"), place("怀化市"), place("上海市")]


def forms_by(
    applicant: st.SearchStrategy[Applicant] | None = None, *, agents: bool = True
) -> st.SearchStrategy[FilingForm]:
    """Any valid form: either annex, any category (and service), any applicant it allows, maybe an agent."""

    @st.composite
    def build(draw: st.DrawFn) -> FilingForm:
        annex = draw(st.sampled_from([1, 2]))
        allowed = [Applicant.WORKER, Applicant.CLOSE_RELATIVE] + ([Applicant.EMPLOYER] if annex == 2 else [])
        who = draw(applicant if applicant is not None else st.sampled_from(allowed))
        changes: dict[str, Any] = {
            "category": draw(st.sampled_from(list(PersonCategory))),
            "applicant": who,
            "treatment": draw(st.sampled_from(TREATMENTS)),
        }
        if who is Applicant.CLOSE_RELATIVE:
            changes["relative"] = RELATIVE
        if who is Applicant.EMPLOYER:
            changes["employer"] = EMPLOYER
        if agents and who is Applicant.WORKER and draw(st.booleans()):
            changes["agent"] = AGENT
        if annex == 1:
            changes["service"] = draw(st.sampled_from([ServiceKind.MEDICAL, ServiceKind.REHABILITATION]))
            return annex1(**changes)
        return annex2(**changes)

    return build()


def application_for(form: FilingForm, data: st.DataObject) -> FilingApplication:
    """An application carrying ``form``, with a random subset of materials and the residence fact if needed."""
    other_form = Material.ANNEX_2_FORM if form.annex == 1 else Material.ANNEX_1_FORM
    materials = data.draw(st.frozensets(st.sampled_from([m for m in Material if m is not other_form])))
    at_registration = data.draw(st.booleans()) if needs_residence_fact(form) else None
    return FilingApplication(
        form=form,
        insured=place("长沙市"),
        channel=data.draw(st.sampled_from([Channel.HUNAN_PLATFORM, Channel.SERVICE_WINDOW])),
        materials=materials,
        residence_at_household_registration=at_registration,
    )


def expected_missing(app: FilingApplication) -> set[Requirement]:
    """The annex notes, read directly: each item and the materials any one of which satisfies it."""
    form = app.form
    handed_in = set(app.materials) | {Material.ANNEX_1_FORM if form.annex == 1 else Material.ANNEX_2_FORM}
    residence = (
        {Material.HOUSEHOLD_REGISTRATION}
        if app.residence_at_household_registration
        else set(RESIDENCE_OPTIONS)
    )
    needed: dict[Requirement, set[Material]] = {
        Requirement.FILING_FORM: {Material.ANNEX_1_FORM if form.annex == 1 else Material.ANNEX_2_FORM}
    }
    if form.category is PersonCategory.REFERRAL:  # item 1, note 3
        needed[Requirement.REFERRAL_OPINION] = {Material.REFERRAL_OPINION}
    if form.category is PersonCategory.LONG_TERM_RESIDENCE:  # item 2, note 4
        needed[Requirement.RESIDENCE_PROOF] = residence
    if form.category is PersonCategory.RESIDENT_WORK:  # item 2, note 5 (annex 2: and residence proof)
        needed[Requirement.RESIDENT_WORK_PROOF] = set(RESIDENT_WORK_OPTIONS)
        if form.annex == 2:
            needed[Requirement.RESIDENCE_PROOF] = residence
    if form.applicant is Applicant.CLOSE_RELATIVE:  # note 2
        needed[Requirement.RELATIVE_IDENTITY] = {Material.RELATIVE_ID}
        needed[Requirement.RELATIONSHIP_PROOF] = {Material.RELATIONSHIP_PROOF}
    if form.agent is not None:  # item 3, note 2
        needed[Requirement.AGENT_IDENTITY] = {Material.AGENT_ID}
        needed[Requirement.POWER_OF_ATTORNEY] = {Material.POWER_OF_ATTORNEY}
    return {requirement for requirement, options in needed.items() if not options & handed_in}


class TestFilingFromApplication:
    """An application the agency agreed to becomes the approved filing (arts. 9, 10, 13)."""

    def decided(self, form: FilingForm, opinion: str = "AGREE") -> FilingForm:
        if opinion == "AGREE":
            decision = AgencyDecision(
                opinion=AgencyOpinion.AGREE,
                handler="王经办",
                decided_on=dt.date(2025, 9, 5),
                valid_from=dt.date(2025, 9, 5),
                valid_through=dt.date(2025, 12, 5),
            )
        else:
            decision = AgencyDecision(
                opinion=AgencyOpinion.DISAGREE,
                handler="王经办",
                decided_on=dt.date(2025, 9, 5),
                reason="材料不实",
            )
        return attrs.evolve(form, decision=decision)

    def test_the_decision_date_is_the_filing_date_and_the_stated_validity_is_carried(self) -> None:
        """The filing is made when the agency approves; the dates it wrote on the form govern."""
        filing = filing_from_application(application(self.decided(annex1())))
        assert filing.filed_on == dt.date(2025, 9, 5)
        assert (filing.stated_valid_from, filing.stated_valid_through) == (
            dt.date(2025, 9, 5),
            dt.date(2025, 12, 5),
        )
        assert filing.insured == place("长沙市") and filing.treatment == place("岳阳市")
        assert filing.category is PersonCategory.REFERRAL and filing.service is ServiceKind.MEDICAL
        assert filing.devices == ()

    def test_an_annex_2_filing_carries_its_device_list(self) -> None:
        """Art. 19: the fund pays within the filed device list, so the filing keeps it."""
        filing = filing_from_application(application(self.decided(annex2())))
        assert filing.service is ServiceKind.ASSISTIVE_DEVICE
        assert [d.name for d in filing.devices] == ["小腿假肢"]

    def test_an_undecided_or_refused_application_has_no_filing(self) -> None:
        """Nothing is filed until the agency agrees."""
        with pytest.raises(InvalidInputError, match=r"form\.decision"):
            filing_from_application(application(annex1()))
        with pytest.raises(InvalidInputError, match=r"form\.decision\.opinion"):
            filing_from_application(application(self.decided(annex1(), "DISAGREE")))
        with pytest.raises(InvalidInputError, match="application"):
            filing_from_application(annex1())  # type: ignore[arg-type]


class TestEmployerOnAnnex1:
    """Arts. 8 and 9 ¶1 against annex 1's applicant box."""

    def test_an_employer_applying_on_annex_1_is_accepted_and_the_reading_is_flagged(self) -> None:
        """The articles prevail over the form's box; the ruling says so as an interpretation."""
        form = annex1(applicant=Applicant.EMPLOYER, employer=EMPLOYER)
        ruling = check_submission(application(form))
        assert ruling.reason("APPLICATION_EMPLOYER_ON_ANNEX_1").interpretation


class TestChangeApplications:
    """A change application (备案类别：变更) meets article 13's 3-month lock (arts. 11, 13 ¶1)."""

    def current(self, filed_on: dt.date) -> Filing:
        return Filing(
            insured=place("长沙市"),
            treatment=place("岳阳市"),
            category=PersonCategory.LONG_TERM_RESIDENCE,
            service=ServiceKind.MEDICAL,
            filed_on=filed_on,
        )

    def change(self, treatment: str = "常德市") -> FilingApplication:
        form = annex1(
            filing_type=FilingType.CHANGE,
            category=PersonCategory.LONG_TERM_RESIDENCE,
            treatment=place(treatment),
        )
        return application(form)

    def test_a_change_of_treatment_place_within_three_months_is_refused(self) -> None:
        """Filed 2025-08-31: the 3 months end 2025-11-30, so a change received that day is locked."""
        ruling = review_application(
            self.change(), dt.date(2025, 11, 30), current_filing=self.current(dt.date(2025, 8, 31))
        )
        assert ruling.outcome is Review.CHANGE_NOT_ALLOWED
        assert ruling.reason("CHANGE_LOCKED").interpretation

    def test_a_change_after_the_lock_is_reviewed_as_usual(self) -> None:
        """Filed 2025-08-31: a change received 2025-12-01 is reviewed for its materials like any application."""
        ruling = review_application(
            self.change(), dt.date(2025, 12, 1), current_filing=self.current(dt.date(2025, 8, 31))
        )
        assert ruling.outcome is not Review.CHANGE_NOT_ALLOWED
        assert "CHANGE_LOCK_OVER" in ruling.codes

    def test_without_the_current_filing_the_ruling_says_the_lock_was_not_checked(self) -> None:
        """The library does not guess: it names the check it could not make."""
        ruling = review_application(self.change(), self.change().form.signed_on)
        assert "REVIEW_CHANGE_LOCK_NOT_CHECKED" in ruling.codes

    def test_a_current_filing_is_only_for_change_applications_of_the_same_worker(self) -> None:
        """Bad pairings are refused, naming the field."""
        current = self.current(dt.date(2025, 8, 31))
        with pytest.raises(InvalidInputError, match="current_filing"):
            review_application(application(), application().form.signed_on, current_filing=current)
        with pytest.raises(InvalidInputError, match="current_filing"):
            review_application(self.change(), self.change().form.signed_on, current_filing="x")  # type: ignore[arg-type]


class TestNamesSplitOutOfTheModule:
    """Issue 9 moved the agency types to agencies.py and split materials and review out of applications.py."""

    @pytest.mark.parametrize(
        ("name", "home"),
        [
            ("AgencyLevel", agencies),
            ("APPLICATION_RECEIVED_BY_CITY_AGENCY", agencies),
            ("Requirement", material_rules),
            ("review_application", review_rules),
            ("REVIEW_DEADLINE", review_rules),
        ],
    )
    def test_a_moved_name_is_found_where_it_was_with_a_warning(self, name: str, home: ModuleType) -> None:
        """``gongshang_rules.rules.applications.review_application`` is review's, and the warning says so."""
        with pytest.warns(DeprecationWarning, match=f"{home.__name__}.{name}"):
            assert getattr(applications, name) is vars(home)[name]
