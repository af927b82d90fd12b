"""Tests of article 7 (统一管理、分级负责): which agency does a task for a case.

Provincial agency: guidance, IT, fund clearing, filing for 省本级 workers (¶2). City agency: case management in its
area, institutions, filing, audit and settlement of costs (¶3). County agency: filing and reconciliation in its area
(¶4). With article 8 (the insured place's agency receives filings), 2 ¶3 (the treatment place is a 市州), 14, 20,
21, 24, 27, 30 and 32.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import InvalidInputError, place
from gongshang_rules.kernel.places import Place, all_places
from gongshang_rules.rules.agencies import (
    PROVINCIAL_AGENCY,
    AgencyLevel,
    AgencyTask,
    Assignment,
    insured_place_agency,
    responsible_agency,
    treatment_place_agency,
)
from gongshang_rules.rules.scope import Scope, classify_scope

CHANGSHA, LIUYANG, YUEYANG, YUEYANG_COUNTY = (place(c) for c in ("430100", "430181", "430600", "430621"))
PROVINCE_LEVEL = place("省本级")
GUANGDONG, XINJIANG, SICHUAN = (place(c) for c in ("440000", "650000", "510000"))


def names(task: AgencyTask, insured: Place, treatment: Place) -> list[str]:
    return [a.zh for a in responsible_agency(task, insured, treatment).agencies]


class TestFiling:
    """Articles 7 and 8: the insured place's agency files."""

    def test_a_provincial_level_worker_files_with_the_provincial_agency(self) -> None:
        """Art. 7 ¶2: 省本级 worker going to Guangdong."""
        ruling = responsible_agency(AgencyTask.FILING, PROVINCE_LEVEL, GUANGDONG)
        assert ruling.outcome is Assignment.HUNAN_AGENCY
        assert ruling.agencies == (PROVINCIAL_AGENCY,)
        assert "APPLICATION_RECEIVED_BY_PROVINCIAL_AGENCY" in ruling.codes

    def test_a_city_insured_worker_files_with_the_city_agency(self) -> None:
        """Art. 7 ¶3: a Changsha worker going to Yueyang."""
        assert names(AgencyTask.FILING, CHANGSHA, YUEYANG) == ["长沙市工伤保险经办机构"]

    def test_a_county_insured_worker_files_with_the_county_agency(self) -> None:
        """Art. 7 ¶4 and art. 8: the county files, not its city (the reading applications.py makes, flagged)."""
        ruling = responsible_agency(AgencyTask.FILING, LIUYANG, YUEYANG)
        assert [a.level for a in ruling.agencies] == [AgencyLevel.COUNTY]
        assert ruling.reason("APPLICATION_RECEIVED_BY_COUNTY_AGENCY").interpretation

    def test_a_worker_of_another_province_files_there(self) -> None:
        """Art. 8: the insured place's agency, in Xinjiang: not a Hunan agency."""
        ruling = responsible_agency(AgencyTask.FILING, XINJIANG, CHANGSHA)
        assert ruling.outcome is Assignment.OTHER_PROVINCE
        assert ruling.other_province == XINJIANG
        assert ruling.agencies == ()
        assert "APPLICATION_FILE_WITH_INSURED_PROVINCE" in ruling.codes


class TestTreatmentPlaceTasks:
    """Institutions, cost audit and settlement, suspension: the treatment city's agency."""

    @pytest.mark.parametrize(
        ("task", "code"),
        [
            (AgencyTask.INSTITUTION_MANAGEMENT, "AGENCY_INSTITUTION_MANAGEMENT_BY_CITY"),
            (AgencyTask.COST_AUDIT_AND_SETTLEMENT, "AGENCY_COST_AUDIT_BY_TREATMENT_CITY"),
            (AgencyTask.SUSPENSION, "AGENCY_SUSPENSION_BY_TREATMENT_CITY"),
        ],
    )
    def test_an_institution_in_a_county_is_the_citys_business(self, task: AgencyTask, code: str) -> None:
        """Art. 2 ¶3, art. 7 ¶3, ¶4: Yueyang County's institution: Yueyang's city agency, not the county's."""
        ruling = responsible_agency(task, CHANGSHA, YUEYANG_COUNTY)
        assert [a.zh for a in ruling.agencies] == ["岳阳市工伤保险经办机构"]
        assert {code, "AGENCY_TREATMENT_PLACE_IS_CITY"} <= ruling.codes

    def test_care_in_hunan_for_another_province_is_audited_by_the_hunan_city(self) -> None:
        """Arts. 20, 25 ¶2: a Xinjiang worker in Liuyang: Changsha's agency audits and settles."""
        assert names(AgencyTask.COST_AUDIT_AND_SETTLEMENT, XINJIANG, LIUYANG) == ["长沙市工伤保险经办机构"]

    @pytest.mark.parametrize(
        "task",
        [
            AgencyTask.INSTITUTION_MANAGEMENT,
            AgencyTask.COST_AUDIT_AND_SETTLEMENT,
            AgencyTask.SUSPENSION,
            AgencyTask.RECONCILIATION,
        ],
    )
    def test_care_in_another_province_is_that_provinces_task(self, task: AgencyTask) -> None:
        """A Hunan worker in Guangdong: Guangdong's agency, under the national procedure."""
        ruling = responsible_agency(task, CHANGSHA, GUANGDONG)
        assert ruling.outcome is Assignment.OTHER_PROVINCE
        assert ruling.other_province == GUANGDONG
        assert ruling.reason("AGENCY_DONE_IN_OTHER_PROVINCE").authorities


class TestReconciliation:
    """Articles 7 ¶4, 20 and 21: treatment side first, then the insured side."""

    def test_intra_province_reconciliation_is_treatment_city_then_insured_city(self) -> None:
        """Art. 21: Yueyang reconciles with the institution, then with Changsha."""
        ruling = responsible_agency(AgencyTask.RECONCILIATION, CHANGSHA, YUEYANG)
        assert [a.zh for a in ruling.agencies] == ["岳阳市工伤保险经办机构", "长沙市工伤保险经办机构"]
        assert "AGENCY_RECONCILIATION_BY_COUNTY" not in ruling.codes

    def test_a_county_insured_workers_reconciliation_is_the_countys(self) -> None:
        """Art. 7 ¶4: Liuyang's county agency is the insured side; the treatment side stays Yueyang's city agency."""
        ruling = responsible_agency(AgencyTask.RECONCILIATION, LIUYANG, YUEYANG_COUNTY)
        assert [(a.level, a.place.name) for a in ruling.agencies] == [
            (AgencyLevel.CITY, "岳阳市"),
            (AgencyLevel.COUNTY, "浏阳市"),
        ]
        assert ruling.reason("AGENCY_RECONCILIATION_BY_COUNTY").interpretation
        assert ruling.reason("AGENCY_RECONCILIATION_TREATMENT_SIDE_IS_CITY").interpretation
        assert "AGENCY_TREATMENT_PLACE_IS_CITY" not in ruling.codes

    def test_inbound_reconciliation_is_the_hunan_citys_and_then_the_national_procedures(self) -> None:
        """Art. 20 ¶1 and 23 ¶3: Changsha audits and reconciles; with Xinjiang, the national procedure."""
        ruling = responsible_agency(AgencyTask.RECONCILIATION, XINJIANG, CHANGSHA)
        assert [a.zh for a in ruling.agencies] == ["长沙市工伤保险经办机构"]
        assert "新疆维吾尔自治区" in ruling.reason("AGENCY_RECONCILIATION_INBOUND").message_zh


class TestProvincialTasks:
    """Art. 7 ¶2 (guidance, IT, clearing) and art. 32 (joint audits, disputes)."""

    @pytest.mark.parametrize(
        "task", [AgencyTask.IT_AND_GUIDANCE, AgencyTask.FUND_CLEARING, AgencyTask.JOINT_AUDIT_AND_DISPUTES]
    )
    @pytest.mark.parametrize(
        ("insured", "treatment"), [(CHANGSHA, YUEYANG), (XINJIANG, CHANGSHA), (LIUYANG, SICHUAN)]
    )
    def test_the_provincial_agency_does_it_for_every_out_of_area_case(
        self, task: AgencyTask, insured: Place, treatment: Place
    ) -> None:
        """Whatever the places, these are the provincial agency's."""
        assert responsible_agency(task, insured, treatment).agencies == (PROVINCIAL_AGENCY,)

    def test_cross_province_clearing_names_the_other_province_and_the_finance_department(self) -> None:
        """Art. 24: with Sichuan, prepayment then clearing, finance department and agency each in its duties."""
        ruling = responsible_agency(AgencyTask.FUND_CLEARING, LIUYANG, SICHUAN)
        reason = ruling.reason("AGENCY_CROSS_PROVINCE_PREPAY_AND_CLEAR")
        assert "四川省" in reason.message_zh
        assert "省级财政部门" in reason.message_zh
        assert (
            "AGENCY_CROSS_PROVINCE_PREPAY_AND_CLEAR"
            not in responsible_agency(AgencyTask.FUND_CLEARING, CHANGSHA, YUEYANG).codes
        )


class TestOutsideArticle7:
    """Care that is not out-of-area, and cases outside Hunan."""

    @pytest.mark.parametrize(("insured", "treatment"), [(CHANGSHA, LIUYANG), (PROVINCE_LEVEL, YUEYANG)])
    def test_care_that_is_not_out_of_area_gets_no_out_of_area_agency(
        self, insured: Place, treatment: Place
    ) -> None:
        """Art. 3: local care and provincial recognition."""
        ruling = responsible_agency(AgencyTask.RECONCILIATION, insured, treatment)
        assert ruling.outcome is Assignment.NOT_OUT_OF_AREA
        assert "AGENCY_NOT_OUT_OF_AREA" in ruling.codes

    def test_a_case_outside_hunan_is_not_governed(self) -> None:
        """Art. 2: Xinjiang and Sichuan."""
        assert responsible_agency(AgencyTask.FILING, XINJIANG, SICHUAN).outcome is Assignment.NOT_GOVERNED

    def test_the_question_is_checked(self) -> None:
        """A task by name, or a place as text, is an error naming it; 省本级 is no treatment place."""
        with pytest.raises(InvalidInputError) as error:
            responsible_agency("FILING", CHANGSHA, YUEYANG)  # type: ignore[arg-type]
        assert error.value.field == "task"
        with pytest.raises(InvalidInputError) as error:
            responsible_agency(AgencyTask.FILING, "长沙市", YUEYANG)  # type: ignore[arg-type]
        assert error.value.field == "insured"
        with pytest.raises(InvalidInputError) as error:
            responsible_agency(AgencyTask.FILING, CHANGSHA, PROVINCE_LEVEL)
        assert error.value.field == "treatment"

    def test_the_ruling_names_the_task_and_the_agencies(self) -> None:
        """str() shows the task, each agency, and the other province where there is one."""
        assert "agency: 岳阳市工伤保险经办机构 (city agency)" in str(
            responsible_agency(AgencyTask.RECONCILIATION, CHANGSHA, YUEYANG)
        )
        assert "done in: 广东省 (440000)" in str(
            responsible_agency(AgencyTask.SUSPENSION, CHANGSHA, GUANGDONG)
        )


class TestAgencyOfAPlace:
    """The insured place's and the treatment place's Hunan agencies."""

    def test_the_insured_places_agency_follows_its_level(self) -> None:
        """省本级: provincial; a city: its city agency; a county: its county agency."""
        assert insured_place_agency(PROVINCE_LEVEL) == PROVINCIAL_AGENCY
        assert insured_place_agency(CHANGSHA).level is AgencyLevel.CITY
        assert insured_place_agency(LIUYANG).level is AgencyLevel.COUNTY

    def test_the_treatment_places_agency_is_its_citys(self) -> None:
        """Art. 2 ¶3: the treatment place is the 市州."""
        assert treatment_place_agency(YUEYANG_COUNTY).place == YUEYANG

    @pytest.mark.parametrize("bad", [GUANGDONG, "长沙市"])
    def test_a_place_outside_hunan_has_no_hunan_insured_agency(self, bad: object) -> None:
        """Another province (or text) is an error."""
        with pytest.raises(InvalidInputError) as error:
            insured_place_agency(bad)  # type: ignore[arg-type]
        assert error.value.field == "insured"

    @pytest.mark.parametrize("bad", [GUANGDONG, PROVINCE_LEVEL])
    def test_a_place_that_is_no_hunan_city_or_county_has_no_treatment_agency(self, bad: Place) -> None:
        """Another province, or 省本级, is an error."""
        with pytest.raises(InvalidInputError) as error:
            treatment_place_agency(bad)
        assert error.value.field == "treatment"

    @given(
        task=st.sampled_from(list(AgencyTask)),
        insured=st.sampled_from(list(all_places())),
        treatment=st.sampled_from([p for p in all_places() if p != PROVINCE_LEVEL]),
    )
    def test_every_case_gets_an_answer_and_hunan_answers_name_hunan_agencies(
        self, task: AgencyTask, insured: Place, treatment: Place
    ) -> None:
        """Total over all places and tasks; a Hunan answer names at least one Hunan agency, and only then."""
        ruling = responsible_agency(task, insured, treatment)
        scope = classify_scope(insured, treatment).outcome
        assert (ruling.outcome is Assignment.HUNAN_AGENCY) == bool(ruling.agencies)
        assert (ruling.outcome is Assignment.OTHER_PROVINCE) == (ruling.other_province is not None)
        if not scope.out_of_area:
            assert ruling.outcome in (Assignment.NOT_OUT_OF_AREA, Assignment.NOT_GOVERNED)
        assert all(a.place.in_hunan for a in ruling.agencies)
        if scope is Scope.CROSS_PROVINCE_OUTBOUND and task is AgencyTask.FILING:
            assert ruling.agencies == (insured_place_agency(insured),)
