"""Tests of chapter 5, article 31: who leads the check of suspicious data and the recovery of benefits drawn against
the rules, and who assists (``rules.recovery``).

Loss of entitlement: the insured place's agency leads; the institution's conduct: the treatment place's agency
leads; intra-province care only.
"""

from __future__ import annotations

import pytest

from gongshang_rules import InvalidInputError, place
from gongshang_rules.kernel.places import Place
from gongshang_rules.rules.recovery import (
    Recovery,
    RecoveryCause,
    recovery_responsibility,
)

CHANGSHA, LIUYANG, YUEYANG, YUEYANG_COUNTY = (place(c) for c in ("430100", "430181", "430600", "430621"))
PROVINCE_LEVEL = place("省本级")
GUANGDONG, XINJIANG = place("440000"), place("650000")


class TestRecoveryResponsibility:
    """Article 31, intra-province care only."""

    def test_loss_of_entitlement_is_led_by_the_insured_place(self) -> None:
        """A Liuyang worker in Yueyang: Liuyang's (county) agency leads, Yueyang's assists."""
        ruling = recovery_responsibility(RecoveryCause.LOSS_OF_ENTITLEMENT, LIUYANG, YUEYANG)
        assert ruling.outcome is Recovery.INSURED_PLACE_LEADS
        assert ruling.lead is not None and ruling.assisting is not None
        assert (ruling.lead.zh, ruling.assisting.zh) == ("浏阳市工伤保险经办机构", "岳阳市工伤保险经办机构")
        assert [str(a) for a in ruling.reason("RECOVERY_INSURED_PLACE_LEADS").articles] == ["art. 31"]
        assert ruling.reason("RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY").interpretation

    def test_a_city_insured_worker_needs_no_county_reading(self) -> None:
        """Insured at city level, the insured-place agency is the city's: nothing to read."""
        ruling = recovery_responsibility(RecoveryCause.LOSS_OF_ENTITLEMENT, CHANGSHA, YUEYANG)
        assert "RECOVERY_COUNTY_AS_INSURED_PLACE_AGENCY" not in ruling.codes

    def test_the_institutions_conduct_is_led_by_the_treatment_place(self) -> None:
        """A Changsha worker at an institution in Yueyang County: Yueyang's city agency leads, Changsha's assists."""
        ruling = recovery_responsibility(RecoveryCause.INSTITUTION_CONDUCT, CHANGSHA, YUEYANG_COUNTY)
        assert ruling.outcome is Recovery.TREATMENT_PLACE_LEADS
        assert ruling.lead is not None and ruling.assisting is not None
        assert (ruling.lead.place, ruling.assisting.place) == (YUEYANG, CHANGSHA)
        assert "leads: 岳阳市工伤保险经办机构" in str(ruling)

    @pytest.mark.parametrize(("insured", "treatment"), [(CHANGSHA, GUANGDONG), (XINJIANG, CHANGSHA)])
    @pytest.mark.parametrize("cause", list(RecoveryCause))
    def test_cross_province_care_is_not_assigned_by_this_procedure(
        self, insured: Place, treatment: Place, cause: RecoveryCause
    ) -> None:
        """The article says 省内异地就医: for cross-province care it names the national procedure, never a guess."""
        ruling = recovery_responsibility(cause, insured, treatment)
        assert ruling.outcome is Recovery.NOT_ASSIGNED_HERE
        assert ruling.lead is None and ruling.assisting is None
        assert ruling.reason("RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED").authorities
        assert str(ruling).count("leads:") == 0

    @pytest.mark.parametrize(("insured", "treatment"), [(CHANGSHA, LIUYANG), (PROVINCE_LEVEL, YUEYANG)])
    def test_care_that_is_not_out_of_area_is_outside_article_31(
        self, insured: Place, treatment: Place
    ) -> None:
        """Art. 3: local care and provincial recognition."""
        ruling = recovery_responsibility(RecoveryCause.LOSS_OF_ENTITLEMENT, insured, treatment)
        assert ruling.outcome is Recovery.NOT_OUT_OF_AREA

    def test_care_outside_hunan_is_not_governed(self) -> None:
        """Art. 2: Xinjiang and Guangdong."""
        ruling = recovery_responsibility(RecoveryCause.INSTITUTION_CONDUCT, XINJIANG, GUANGDONG)
        assert ruling.outcome is Recovery.NOT_GOVERNED

    def test_the_question_is_checked(self) -> None:
        """A cause by name, or a place as text, is an error naming the argument."""
        with pytest.raises(InvalidInputError) as error:
            recovery_responsibility("LOSS_OF_ENTITLEMENT", CHANGSHA, YUEYANG)  # type: ignore[arg-type]
        assert error.value.field == "cause"
        with pytest.raises(InvalidInputError) as error:
            recovery_responsibility(RecoveryCause.LOSS_OF_ENTITLEMENT, CHANGSHA, "岳阳市")  # type: ignore[arg-type]
        assert error.value.field == "treatment"
