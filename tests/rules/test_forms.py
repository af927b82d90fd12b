"""The two filing forms (annexes 1 and 2, articles 8 and 9): every box, checked when the form is built.

Annex 1 files medical care and rehabilitation: six person-category boxes, the worker or a close relative applies.
Annex 2 files assistive devices: three person-category boxes, the employer may apply as well, and the device list
(name, minimum service years, maximum payment; note 6). A worker may entrust another person (article 9 ¶1 item 3).
The agency's opinion (同意 / 不同意（理由）, 备案有效期, 经办人, date) is empty until it decides. Identity numbers are
personal information: never shown whole.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from identity_numbers import with_check_digit
from stdnum.cn import uscc

from gongshang_rules import (
    IdentityNumber,
    InvalidIdentityNumberError,
    InvalidInputError,
    PersonCategory,
    ServiceKind,
    place,
)
from gongshang_rules.rules.forms import (
    AgencyDecision,
    AgencyOpinion,
    Agent,
    Annex1Form,
    Annex2Form,
    Applicant,
    Device,
    Employer,
    FilingType,
    Relative,
    Sex,
    check_credit_code,
)


def credit_code(first_17: str) -> str:
    """The full unified social credit code for its first 17 characters."""
    return first_17 + uscc.calc_check_digit(first_17)


WORKER_NUMBER = with_check_digit("43010219900101123")
RELATIVE_NUMBER = with_check_digit("43018119850615002")
AGENT_NUMBER = with_check_digit("43070319780228331")
ALL_NUMBERS = (WORKER_NUMBER, RELATIVE_NUMBER, AGENT_NUMBER)
CREDIT_CODE = credit_code("91430100MA4L0XXXX")
SIGNED = dt.date(2025, 9, 1)


def relative(**changes: Any) -> Relative:
    values: dict[str, Any] = {
        "name": "张小三",
        "identity_number": IdentityNumber(RELATIVE_NUMBER),
        "contact": "13700000000",
    }
    return Relative(**{**values, **changes})


def agent(**changes: Any) -> Agent:
    values: dict[str, Any] = {"name": "李受托", "identity_number": IdentityNumber(AGENT_NUMBER)}
    return Agent(**{**values, **changes})


def employer(**changes: Any) -> Employer:
    values: dict[str, Any] = {
        "name": "湖南某某机械有限公司",
        "credit_code": CREDIT_CODE,
        "contact_person": "周九",
        "contact": "0731-85550000",
    }
    return Employer(**{**values, **changes})


def device(**changes: Any) -> Device:
    values: dict[str, Any] = {
        "name": "小腿假肢",
        "minimum_service_years": 3,
        "maximum_payment": Decimal("12000.00"),
    }
    return Device(**{**values, **changes})


def decision(**changes: Any) -> AgencyDecision:
    values: dict[str, Any] = {
        "opinion": AgencyOpinion.AGREE,
        "handler": "经办员甲",
        "decided_on": dt.date(2025, 9, 5),
        "valid_from": dt.date(2025, 9, 5),
        "valid_through": dt.date(2026, 3, 5),
    }
    return AgencyDecision(**{**values, **changes})


def common(**changes: Any) -> dict[str, Any]:
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
        "treatment": place("广东省"),
        "signed_on": SIGNED,
    }
    return {**values, **changes}


def annex1(**changes: Any) -> Annex1Form:
    return Annex1Form(**common(**{"service": ServiceKind.MEDICAL, **changes}))


def annex2(**changes: Any) -> Annex2Form:
    values: dict[str, Any] = {
        "device_conclusion_number": "长辅结〔2025〕3号",
        "cost_approval_number": "长辅核〔2025〕3号",
        "devices": (device(),),
    }
    return Annex2Form(**common(**{**values, **changes}))


def raises_on(field: str, build: Any, **changes: Any) -> InvalidInputError:
    """Build with ``changes``, expect an InvalidInputError naming ``field``, and return it."""
    with pytest.raises(InvalidInputError) as caught:
        build(**changes)
    assert caught.value.field == field, str(caught.value)
    return caught.value


class TestAnnex1Form:
    """附件1: medical care or rehabilitation; the worker or a close relative applies."""

    @pytest.mark.parametrize("category", list(PersonCategory))
    @pytest.mark.parametrize("service", [ServiceKind.MEDICAL, ServiceKind.REHABILITATION])
    def test_each_of_the_six_person_category_boxes_can_be_ticked(
        self, category: PersonCategory, service: ServiceKind
    ) -> None:
        """Referral, long-term residence and resident work, each for medical care or rehabilitation."""
        form = Annex1Form(**common(category=category, service=service))
        assert (form.category, form.service, form.annex) == (category, service, 1)

    def test_an_assistive_device_is_not_filed_on_annex_1(self) -> None:
        """Article 9 ¶1: assistive devices are filed on annex 2; the service box names the field."""
        error = raises_on("service", annex1, service=ServiceKind.ASSISTIVE_DEVICE)
        assert "annex 2" in error.problem

    def test_the_employer_may_apply_on_annex_1_with_its_details(self) -> None:
        """Arts. 8 and 9 ¶1 have the employer fill in annex 1 (its box names only 本人 and 近亲属; the articles
        prevail): the employer's details are then required, as on annex 2."""
        form = annex1(applicant=Applicant.EMPLOYER, employer=employer())
        assert form.employer is not None
        raises_on("employer", annex1, applicant=Applicant.EMPLOYER)

    def test_a_worker_applying_on_annex_1_gives_no_employer(self) -> None:
        """The employer's details belong only to an employer's application."""
        assert annex1().employer is None
        raises_on("employer", annex1, employer=employer())

    def test_a_worker_may_apply_in_person(self) -> None:
        """本人: no relative, no employer, no agent."""
        form = annex1()
        assert (form.applicant, form.relative, form.agent) == (Applicant.WORKER, None, None)

    def test_a_close_relative_may_apply_with_their_details(self) -> None:
        """近亲属: name, identity number and contact are on the form."""
        form = annex1(applicant=Applicant.CLOSE_RELATIVE, relative=relative())
        assert form.relative is not None
        assert form.relative.identity_number.value == RELATIVE_NUMBER


class TestAnnex2Form:
    """附件2: assistive devices; the worker, a close relative or the employer applies."""

    @pytest.mark.parametrize("category", list(PersonCategory))
    def test_each_of_the_three_person_category_boxes_can_be_ticked(self, category: PersonCategory) -> None:
        """转诊转院, 异地长期居住, 常驻异地工作: the service is always the assistive device."""
        form = annex2(category=category)
        assert (form.category, form.service, form.annex) == (category, ServiceKind.ASSISTIVE_DEVICE, 2)

    def test_the_employer_may_apply_on_annex_2_with_its_details(self) -> None:
        """用人单位: name, unified social credit code, contact person and contact."""
        form = annex2(applicant=Applicant.EMPLOYER, employer=employer())
        assert form.employer is not None
        assert form.employer.credit_code == CREDIT_CODE

    def test_an_employer_application_needs_the_employer_details(self) -> None:
        """Ticking 用人单位 without the employer's details is an error naming employer."""
        raises_on("employer", annex2, applicant=Applicant.EMPLOYER)

    @pytest.mark.parametrize("applicant", [Applicant.WORKER, Applicant.CLOSE_RELATIVE])
    def test_employer_details_only_go_with_an_employer_application(self, applicant: Applicant) -> None:
        """Employer details beside another applicant contradict the ticked box."""
        extra = {"relative": relative()} if applicant is Applicant.CLOSE_RELATIVE else {}
        raises_on("employer", annex2, applicant=applicant, employer=employer(), **extra)

    def test_several_devices_are_listed_one_by_one(self) -> None:
        """Note 6: each device with its own name, minimum service years and maximum payment."""
        devices = (device(), device(name="轮椅", minimum_service_years=4, maximum_payment=Decimal("3500")))
        assert annex2(devices=devices).devices == devices

    def test_the_device_list_must_not_be_empty(self) -> None:
        """Annex 2 files devices: at least one."""
        raises_on("devices", annex2, devices=())

    def test_the_device_list_is_a_tuple(self) -> None:
        """A list is not coerced into a tuple."""
        raises_on("devices", annex2, devices=[device()])

    def test_a_device_list_entry_that_is_no_device_is_named_by_index(self) -> None:
        """The bad entry is named devices[1]."""
        raises_on("devices[1]", annex2, devices=(device(), "轮椅"))


BAD_COMMON_FIELDS: list[tuple[str, object]] = [
    ("name", ""),
    ("name", 1),
    ("sex", "男"),
    ("sex", None),
    ("identity_number", WORKER_NUMBER),
    ("injured_body_part", "   "),
    ("injury_decision_number", None),
    ("phone", "call me"),
    ("phone", "12345"),
    ("phone", 13800000000),
    ("phone", "138-0000-0000+"),
    ("address", ""),
    ("filing_type", "NEW"),
    ("category", "REFERRAL"),
    ("category", ServiceKind.MEDICAL),
    ("applicant", "本人"),
    ("treatment", "广东省"),
    ("treatment", place("省本级")),
    ("signed_on", dt.datetime(2025, 9, 1, 9, 0)),  # noqa: DTZ001
    ("signed_on", "2025-09-01"),
    ("relative", {"name": "张小三"}),
    ("agent", "李受托"),
    ("decision", AgencyOpinion.AGREE),
    ("form_number", ""),
]


class TestEveryFieldIsChecked:
    """A bad value in any box raises InvalidInputError naming that box; nothing is coerced."""

    @pytest.mark.parametrize(("field", "value"), BAD_COMMON_FIELDS)
    def test_a_bad_common_field_is_named_on_annex_1(self, field: str, value: object) -> None:
        """The worker's details, the filing details, the applicant, the place and the dates."""
        raises_on(field, annex1, **{field: value})

    @pytest.mark.parametrize(("field", "value"), BAD_COMMON_FIELDS)
    def test_a_bad_common_field_is_named_on_annex_2(self, field: str, value: object) -> None:
        """The same boxes on annex 2."""
        raises_on(field, annex2, **{field: value})

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("service", "MEDICAL"),
            ("service", PersonCategory.REFERRAL),
        ],
    )
    def test_a_bad_service_is_named_on_annex_1(self, field: str, value: object) -> None:
        """The service box of annex 1 takes a ServiceKind member."""
        raises_on(field, annex1, **{field: value})

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("device_conclusion_number", ""),
            ("device_conclusion_number", 3),
            ("cost_approval_number", None),
            ("employer", {"name": "某公司"}),
        ],
    )
    def test_a_bad_annex_2_field_is_named(self, field: str, value: object) -> None:
        """The device conclusion number, the cost approval number and the employer."""
        raises_on(field, annex2, **{field: value})

    @pytest.mark.parametrize(
        ("field", "value"),
        [("name", ""), ("identity_number", RELATIVE_NUMBER), ("contact", None)],
    )
    def test_a_bad_relative_field_is_named(self, field: str, value: object) -> None:
        """近亲属姓名, 近亲属公民身份号码, 联系方式."""
        raises_on(field, relative, **{field: value})

    @pytest.mark.parametrize(
        ("field", "value"),
        [("name", " "), ("identity_number", None)],
    )
    def test_a_bad_agent_field_is_named(self, field: str, value: object) -> None:
        """The agent's name and identity number."""
        raises_on(field, agent, **{field: value})

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("name", ""),
            ("credit_code", "91430100MA4L0XXXXA"),
            ("credit_code", 91430100),
            ("contact_person", None),
            ("contact", ""),
        ],
    )
    def test_a_bad_employer_field_is_named(self, field: str, value: object) -> None:
        """用人单位名称, 社会统一信用代码, 联系人, 联系方式."""
        raises_on(field, employer, **{field: value})

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("name", ""),
            ("minimum_service_years", 0),
            ("minimum_service_years", True),
            ("minimum_service_years", 2.5),
            ("maximum_payment", 12000.0),
            ("maximum_payment", Decimal("-1")),
            ("maximum_payment", Decimal("12000.001")),
            ("maximum_payment", Decimal("NaN")),
        ],
    )
    def test_a_bad_device_field_is_named(self, field: str, value: object) -> None:
        """名称, 最低使用年限 (a whole number of years, at least 1), 最高支付限额 (Decimal yuan, fen precision)."""
        raises_on(field, device, **{field: value})

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("opinion", "同意"),
            ("handler", ""),
            ("decided_on", "2025-09-05"),
            ("reason", ""),
            ("valid_from", dt.datetime(2025, 9, 5, 0, 0)),  # noqa: DTZ001
            ("valid_through", 20260305),
        ],
    )
    def test_a_bad_decision_field_is_named(self, field: str, value: object) -> None:
        """同意/不同意, 理由, 备案有效期, 经办人, date."""
        raises_on(field, decision, **{field: value})

    def test_a_changed_field_is_checked_again(self) -> None:
        """attrs.evolve builds a new form and checks it: a form cannot be edited into an invalid one."""
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(annex1(), phone="")
        assert caught.value.field == "phone"


class TestPhone:
    """联系电话: a telephone number, mobile or fixed line."""

    @pytest.mark.parametrize(
        "phone", ["13800000000", "0731-88880000", "(0731) 8888 0000", "+86 138 0000 0000", "88880000"]
    )
    def test_usual_phone_numbers_are_accepted(self, phone: str) -> None:
        """Mobile, fixed line with area code, brackets, spaces, an international prefix, a local number."""
        assert annex1(phone=phone).phone == phone

    def test_a_phone_error_does_not_repeat_the_number(self) -> None:
        """A phone number is personal information too."""
        error = raises_on("phone", annex1, phone="1380000000099999999999")
        assert "1380000000099999999999" not in str(error)


class TestApplicantDetails:
    """The applicant box and the details that go with it (annex note 2; article 9 ¶1 item 3)."""

    def test_a_relative_application_needs_the_relative_details(self) -> None:
        """Ticking 近亲属 without the relative's details is an error naming relative."""
        raises_on("relative", annex1, applicant=Applicant.CLOSE_RELATIVE)

    def test_relative_details_only_go_with_a_relative_application(self) -> None:
        """A relative's details beside 本人 contradict the ticked box."""
        raises_on("relative", annex1, relative=relative())

    def test_the_relative_cannot_be_the_worker(self) -> None:
        """The relative's identity number is the worker's: an error, and the number is shown masked."""
        same = relative(identity_number=IdentityNumber(WORKER_NUMBER))
        error = raises_on("relative", annex1, applicant=Applicant.CLOSE_RELATIVE, relative=same)
        assert WORKER_NUMBER not in str(error)
        assert IdentityNumber(WORKER_NUMBER).masked in str(error)

    def test_the_worker_may_entrust_an_agent(self) -> None:
        """Article 9 ¶1 item 3: 工伤职工委托他人申请."""
        assert annex1(agent=agent()).agent == agent()

    @pytest.mark.parametrize("build", [annex1, annex2])
    def test_an_agent_acts_for_the_worker_only(self, build: Any) -> None:
        """Article 9 ¶1 item 3 provides for the worker entrusting another person; a relative applies in person."""
        error = raises_on(
            "agent", build, applicant=Applicant.CLOSE_RELATIVE, relative=relative(), agent=agent()
        )
        assert "item 3" in error.problem

    def test_the_employer_does_not_apply_through_an_agent(self) -> None:
        """The employer applies through its contact person, not an entrusted agent."""
        raises_on("agent", annex2, applicant=Applicant.EMPLOYER, employer=employer(), agent=agent())

    def test_the_worker_cannot_be_their_own_agent(self) -> None:
        """The agent's identity number is the worker's: an error, the number shown masked."""
        error = raises_on("agent", annex1, agent=agent(identity_number=IdentityNumber(WORKER_NUMBER)))
        assert WORKER_NUMBER not in str(error)


class TestCreditCode:
    """The employer's 统一社会信用代码 (GB 32100), checked with python-stdnum; stdnum errors never leak."""

    @given(
        st.text(alphabet="0123456789", min_size=8, max_size=8),
        st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=9, max_size=9),
    )
    def test_any_code_with_its_check_character_is_accepted(self, head: str, body: str) -> None:
        """8 digits, 9 characters of the code alphabet, then the computed check character."""
        code = credit_code(head + body)
        assert employer(credit_code=code).credit_code == code

    @pytest.mark.parametrize(
        ("code", "words"),
        [
            ("91430100MA4L0XXXXA", "check character"),
            ("91430100MA4L0XXXX", "18 characters"),
            ("9143010OMA4L0XXXXD", "8 digits"),
            ("91430100MA4L0IIIID", "never used"),
        ],
    )
    def test_a_bad_code_says_what_is_wrong(self, code: str, words: str) -> None:
        """Wrong check character, wrong length, a letter among the first 8 digits, a letter never used."""
        with pytest.raises(InvalidInputError) as caught:
            check_credit_code("credit_code", code)
        assert words in caught.value.problem

    @pytest.mark.parametrize("code", [CREDIT_CODE.lower(), f"{CREDIT_CODE[:8]} {CREDIT_CODE[8:]}"])
    def test_a_code_is_not_normalised(self, code: str) -> None:
        """Nothing is coerced: lower case or spaces are an error that says how to write the code."""
        with pytest.raises(InvalidInputError) as caught:
            check_credit_code("credit_code", code)
        assert "without spaces or hyphens, in capitals" in caught.value.problem

    @pytest.mark.parametrize("number", ALL_NUMBERS)
    def test_an_identity_number_in_the_credit_code_box_is_not_printed(self, number: str) -> None:
        """A column slip puts an identity number where the code belongs: refused, and never repeated."""
        with pytest.raises(InvalidInputError) as caught:
            employer(credit_code=number)
        assert caught.value.field == "credit_code"
        assert number not in str(caught.value)

    @given(st.text(max_size=30))
    def test_junk_raises_only_our_error(self, text: str) -> None:
        """Any text is accepted or raises InvalidInputError, never a stdnum or builtin error."""
        try:
            check_credit_code("credit_code", text)
        except InvalidInputError as error:
            assert error.field == "credit_code"

    @pytest.mark.parametrize("exception", [KeyError("x"), ValueError("x"), IndexError("x")])
    def test_an_unexpected_stdnum_failure_is_wrapped(
        self, monkeypatch: pytest.MonkeyPatch, exception: Exception
    ) -> None:
        """Should stdnum raise a plain error on odd input, it still becomes InvalidInputError."""

        def broken(_number: str) -> str:
            raise exception

        monkeypatch.setattr(uscc, "validate", broken)
        with pytest.raises(InvalidInputError) as caught:
            check_credit_code("credit_code", CREDIT_CODE)
        assert caught.value.field == "credit_code"

    def test_a_generic_stdnum_validation_error_is_wrapped(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A stdnum ValidationError of another kind becomes InvalidInputError too."""
        from stdnum.exceptions import InvalidComponent

        def broken(_number: str) -> str:
            raise InvalidComponent()

        monkeypatch.setattr(uscc, "validate", broken)
        with pytest.raises(InvalidInputError, match="not a valid unified social credit code"):
            check_credit_code("credit_code", CREDIT_CODE)


class TestAgencyDecision:
    """参保地经办机构意见: 同意 with the validity it states, or 不同意 with a reason."""

    def test_an_agreement_states_the_validity(self) -> None:
        """备案有效期 from and through, both days included."""
        d = decision()
        assert (d.valid_from, d.valid_through) == (dt.date(2025, 9, 5), dt.date(2026, 3, 5))

    @pytest.mark.parametrize("missing", ["valid_from", "valid_through"])
    def test_an_agreement_without_validity_dates_is_an_error(self, missing: str) -> None:
        """同意 with an empty 备案有效期 box names the empty box."""
        raises_on(missing, decision, **{missing: None})

    def test_validity_cannot_end_before_it_starts(self) -> None:
        """valid_through before valid_from is an error naming valid_through."""
        raises_on("valid_through", decision, valid_through=dt.date(2025, 9, 4))

    def test_a_validity_of_one_day_is_accepted(self) -> None:
        """valid_through equal to valid_from: one day."""
        assert decision(valid_through=dt.date(2025, 9, 5)).valid_through == dt.date(2025, 9, 5)

    def test_a_refusal_needs_a_reason(self) -> None:
        """不同意（理由）: the reason is required."""
        raises_on("reason", decision, opinion=AgencyOpinion.DISAGREE, valid_from=None, valid_through=None)

    @pytest.mark.parametrize("stated", ["valid_from", "valid_through"])
    def test_a_refusal_states_no_validity(self, stated: str) -> None:
        """A refusal files nothing: validity dates beside 不同意 are an error."""
        others = {"valid_from": None, "valid_through": None, stated: dt.date(2025, 9, 5)}
        raises_on(stated, decision, opinion=AgencyOpinion.DISAGREE, reason="材料不实", **others)

    def test_a_refusal_with_its_reason_is_accepted(self) -> None:
        """不同意 with 理由 and no validity."""
        d = decision(
            opinion=AgencyOpinion.DISAGREE, reason="不符合转诊条件", valid_from=None, valid_through=None
        )
        assert d.reason == "不符合转诊条件"

    def test_a_form_carries_the_decision_once_made(self) -> None:
        """The decision box is None until the agency decides, then holds the decision."""
        assert annex1().decision is None
        assert annex1(decision=decision()).decision == decision()

    def test_a_decision_cannot_precede_the_application(self) -> None:
        """A decision dated before the applicant signed is an error naming decision."""
        raises_on("decision", annex2, decision=decision(decided_on=dt.date(2025, 8, 31)))

    def test_a_decision_on_the_day_of_signing_is_accepted(self) -> None:
        """Same-day decisions happen at a window."""
        assert annex1(decision=decision(decided_on=SIGNED)).decision is not None


class TestPrivacy:
    """Identity numbers are shown masked: in the repr of a form and of its parts, and in error messages."""

    def test_the_repr_of_a_full_form_never_shows_a_whole_number(self) -> None:
        """Worker, relative and agent numbers appear masked only."""
        forms_ = [
            annex1(applicant=Applicant.CLOSE_RELATIVE, relative=relative()),
            annex1(agent=agent()),
            annex2(applicant=Applicant.CLOSE_RELATIVE, relative=relative(), decision=decision()),
        ]
        for form in forms_:
            text = repr(form) + str(form)
            for number in ALL_NUMBERS:
                assert number not in text
            assert IdentityNumber(WORKER_NUMBER).masked in text

    @given(
        st.from_regex(r"\A43[0-9]{4}(19[5-9][0-9]|200[0-5])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])[0-9]{3}\Z")
    )
    def test_no_valid_number_is_ever_shown_whole(self, first_17: str) -> None:
        """For any valid worker number, repr and str of the form hold the masked number only."""
        number = with_check_digit(first_17)
        form = annex1(identity_number=IdentityNumber(number))
        assert number not in repr(form)
        assert number not in str(form)

    def test_a_bad_identity_number_error_does_not_show_it(self) -> None:
        """A number handed over as plain text is refused without being repeated."""
        error = raises_on("identity_number", annex1, identity_number=WORKER_NUMBER)
        assert WORKER_NUMBER not in str(error)

    def test_a_wrongly_checked_number_is_refused_masked(self) -> None:
        """IdentityNumber itself refuses a wrong check digit, naming the field the caller gives."""
        wrong = WORKER_NUMBER[:17] + ("0" if WORKER_NUMBER[17] != "0" else "1")
        with pytest.raises(InvalidIdentityNumberError) as caught:
            IdentityNumber.parse(wrong, field="relative.identity_number")
        assert caught.value.field == "relative.identity_number"
        assert wrong not in str(caught.value)


class TestValues:
    """Forms are values: frozen, slotted, equal when their boxes are equal."""

    def test_a_form_cannot_be_changed_in_place(self) -> None:
        """Frozen: assigning a box raises."""
        form = annex1()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            form.phone = "13900000000"  # type: ignore[misc]

    @pytest.mark.parametrize(
        "value", [annex1(), annex2(), relative(), agent(), employer(), device(), decision()]
    )
    def test_every_form_value_is_slotted(self, value: object) -> None:
        """No per-instance __dict__."""
        assert not hasattr(value, "__dict__")

    def test_fields_are_keyword_only(self) -> None:
        """Positional arguments are refused: boxes are named."""
        with pytest.raises(TypeError):
            Device("轮椅", 4, Decimal("3500"))  # type: ignore[call-arg]

    def test_equal_boxes_make_equal_forms(self) -> None:
        """Two forms with the same boxes are equal and hash alike."""
        assert annex2() == annex2()
        assert hash(annex1()) == hash(annex1())

    def test_the_enums_carry_both_labels(self) -> None:
        """Each box's choices carry the form's Chinese wording and an English label."""
        assert (Sex.FEMALE.zh, FilingType.CHANGE.zh, Applicant.CLOSE_RELATIVE.zh) == (
            "女",
            "变更",
            "工伤职工近亲属",
        )
        assert (AgencyOpinion.DISAGREE.zh, AgencyOpinion.DISAGREE.en) == ("不同意", "not agreed")
