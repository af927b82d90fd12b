"""Identity numbers (公民身份号码, annex 1 and 2 ask for one) and the worker (article 2 ¶2).

A number is 18 characters: a 6-digit area code, the birth date YYYYMMDD, a 3-digit sequence and an ISO 7064
MOD 11-2 check character (0-9 or X). A number issued under a since-retired area code is still a person's number.
Personal information is never printed whole.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from identity_numbers import with_check_digit
from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from gongshang_rules import IdentityNumber, InvalidIdentityNumberError, InvalidInputError, Worker, place
from gongshang_rules.kernel import identity as identity_module
from gongshang_rules.kernel._privacy import PROVINCE_PREFIXES
from gongshang_rules.kernel.identity import mask

VALID = "11010519491231002X"


RETIRED_AREA = with_check_digit("43012419850615123")  # 430124 宁乡县, retired in 2017


def assert_never_shown_whole(number: str, *texts: str) -> None:
    for text in texts:
        assert number not in text, text


class TestValidNumbers:
    """Valid numbers are accepted and normalised."""

    def test_a_valid_number_is_accepted(self) -> None:
        """11010519491231002X: Beijing 东城区, born 1949-12-31, check character X."""
        number = IdentityNumber.parse(VALID)
        assert number.value == VALID
        assert number.birth_date == dt.date(1949, 12, 31)

    def test_a_lower_case_check_character_is_upper_cased(self) -> None:
        """A final 'x' is read as 'X'."""
        assert IdentityNumber.parse(VALID.lower()).value == VALID

    def test_surrounding_whitespace_is_ignored(self) -> None:
        """A pasted number with a trailing space or newline is read."""
        assert IdentityNumber.parse(f" {VALID}\n").value == VALID

    def test_a_number_with_a_retired_area_code_is_accepted(self) -> None:
        """430124 (宁乡县) was retired in 2017; a number issued under it, with a right checksum, is still valid."""
        assert RETIRED_AREA.startswith("430124")
        number = IdentityNumber.parse(RETIRED_AREA)
        assert number.value == RETIRED_AREA
        assert number.birth_date == dt.date(1985, 6, 15)

    def test_the_constructor_checks_as_parse_does(self) -> None:
        """IdentityNumber(text) validates too: a value cannot be built unchecked."""
        assert IdentityNumber(VALID) == IdentityNumber.parse(VALID)
        with pytest.raises(InvalidIdentityNumberError):
            IdentityNumber(VALID[:-1] + "1")

    # Regression (fixed in 8dcd422): stdnum's ric.compact() removes no separator, so the grouped form was refused
    # as having 20 characters although parse() documents that spaces and hyphens are removed.
    @pytest.mark.parametrize("grouped", ["110105 19491231 002X", "110105-19491231-002X"])
    def test_spaces_and_hyphens_inside_the_number_are_removed(self, grouped: str) -> None:
        """As parse() documents, separators are dropped: the grouped form reads as the number."""
        assert IdentityNumber.parse(grouped).value == VALID


INVALID = [
    pytest.param(VALID[:-1], id="17 characters"),
    pytest.param(VALID + "0", id="19 characters"),
    pytest.param("", id="empty"),
    pytest.param(VALID[:-1] + "1", id="wrong check digit"),
    pytest.param(VALID[:-1] + "Y", id="check character not a digit or X"),
    pytest.param("A" + VALID[1:], id="a letter in the body"),
    pytest.param(with_check_digit("11010519491331002"), id="month 13"),
    pytest.param(with_check_digit("11010519490230002"), id="February 30"),
    pytest.param(with_check_digit("11010518991231002"), id="born before 1900"),
    pytest.param(with_check_digit("99010519491231002"), id="no province 99"),
]


class TestInvalidNumbers:
    """Every failed check raises InvalidIdentityNumberError, an InvalidInputError naming the field."""

    @pytest.mark.parametrize("text", INVALID)
    def test_a_bad_number_is_refused(self, text: str) -> None:
        """Wrong length, checksum, characters, birth date or province: refused with the field named."""
        with pytest.raises(InvalidIdentityNumberError) as caught:
            IdentityNumber.parse(text)
        assert isinstance(caught.value, InvalidInputError)
        assert caught.value.field == "identity_number"

    @pytest.mark.parametrize("value", [110105194912310020, None, b"11010519491231002X"])
    def test_a_non_str_is_refused(self, value: object) -> None:
        """An int or bytes is not text: InvalidIdentityNumberError, not a TypeError."""
        with pytest.raises(InvalidIdentityNumberError):
            IdentityNumber.parse(value)  # type: ignore[arg-type]
        with pytest.raises(InvalidIdentityNumberError):
            IdentityNumber(value)  # type: ignore[arg-type]

    def test_a_failure_inside_stdnum_is_translated_without_the_number(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Should stdnum's cleaner fail (its message quoting the input), the error is ours and hides the number."""

        def failing_clean(number: str, deletechars: str = "") -> str:
            raise ValueError(f"cannot clean {number}")

        monkeypatch.setattr("gongshang_rules.kernel.identity.clean", failing_clean)
        with pytest.raises(InvalidIdentityNumberError) as caught:
            IdentityNumber.parse(VALID)
        assert caught.value.field == "identity_number"
        assert_never_shown_whole(VALID, str(caught.value), repr(caught.value))
        assert caught.value.__cause__ is None and caught.value.__suppress_context__

    def test_a_failure_of_the_check_digit_inside_stdnum_is_translated(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Should stdnum's check-digit function fail (its message could quote the input), the error is ours."""

        def failing(number: str) -> str:
            raise ValueError(f"cannot check {number}")

        monkeypatch.setattr(identity_module.ric, "calc_check_digit", failing)
        with pytest.raises(InvalidIdentityNumberError) as caught:
            IdentityNumber.parse(VALID)
        assert_never_shown_whole(VALID, str(caught.value), repr(caught.value))
        assert caught.value.__cause__ is None and caught.value.__suppress_context__

    @given(
        prefix=st.sampled_from(sorted(PROVINCE_PREFIXES)),
        rest=st.text(alphabet="0123456789", min_size=15, max_size=15),
        check=st.sampled_from("0123456789X"),
    )
    def test_the_check_agrees_with_stdnum_on_every_canonical_number(
        self, prefix: str, rest: str, check: str
    ) -> None:
        """On 18 characters of the canonical form, the number is accepted exactly when stdnum finds its check digit
        right and its birth date real, and the birth year is 1900 or later (stdnum's birth-place table aside)."""
        number = prefix + rest + check
        try:
            born = ric.get_birth_date(number)
            stdnum_ok = ric.calc_check_digit(number) == check and born.year >= 1900
        except ValidationError:
            stdnum_ok = False
        try:
            IdentityNumber.parse(number)
        except InvalidIdentityNumberError:
            assert not stdnum_ok
        else:
            assert stdnum_ok

    def test_digits_of_other_scripts_are_refused(self) -> None:
        """str.isdigit() accepts fullwidth, Arabic-Indic and superscript digits; a canonical identity number has
        ASCII digits (parse() reads a fullwidth digit as its ASCII one; the constructor takes the canonical form)."""
        for digit in ("\uff11", "\u0661", "\u00b9"):
            with pytest.raises(InvalidIdentityNumberError, match="must be 17 digits then a digit or X"):
                IdentityNumber(VALID[:5] + digit + VALID[6:])

    def test_the_field_can_be_named_by_the_caller(self) -> None:
        """A relative's number is reported under the caller's field name."""
        with pytest.raises(InvalidIdentityNumberError) as caught:
            IdentityNumber.parse(VALID[:-1] + "1", field="relative.identity_number")
        assert caught.value.field == "relative.identity_number"

    def test_the_problem_says_what_failed(self) -> None:
        """The message tells a checksum failure from a birth-date failure."""
        with pytest.raises(InvalidIdentityNumberError) as checksum:
            IdentityNumber.parse(VALID[:-1] + "1")
        with pytest.raises(InvalidIdentityNumberError) as birth:
            IdentityNumber.parse(with_check_digit("11010519491331002"))
        assert "check digit" in checksum.value.problem
        assert "birth date" in birth.value.problem


class TestNeverShownWhole:
    """The whole number never appears in repr(), str(), an error message, or a Worker's repr."""

    def test_repr_and_str_are_masked(self) -> None:
        """repr and str show the first 3 and last 4 characters only."""
        number = IdentityNumber.parse(VALID)
        assert str(number) == number.masked == "110***********002X"
        assert repr(number) == "IdentityNumber('110***********002X')"
        assert_never_shown_whole(VALID, repr(number), str(number), f"{number}", f"{number!r}")

    @pytest.mark.parametrize("text", INVALID)
    def test_error_messages_never_contain_the_number(self, text: str) -> None:
        """Whatever check fails, neither str() nor repr() of the error contains the number."""
        with pytest.raises(InvalidIdentityNumberError) as caught:
            IdentityNumber.parse(text)
        if len(text) > 7:  # a shorter text can show no whole 18-character number anyway
            assert_never_shown_whole(text, str(caught.value), repr(caught.value), caught.value.problem)

    def test_a_workers_repr_is_masked(self) -> None:
        """repr(Worker(...)) shows the masked number only."""
        worker = Worker(name="张三", identity_number=IdentityNumber.parse(VALID), insured=place("长沙市"))
        assert_never_shown_whole(VALID, repr(worker), str(worker))
        assert "110***********002X" in repr(worker)

    def test_passing_a_raw_number_to_worker_does_not_echo_it(self) -> None:
        """A str where an IdentityNumber is expected is refused without printing it."""
        with pytest.raises(InvalidInputError) as caught:
            Worker(name="张三", identity_number=VALID, insured=place("长沙市"))  # type: ignore[arg-type]
        assert caught.value.field == "identity_number"
        assert_never_shown_whole(VALID, str(caught.value), repr(caught.value))

    @given(body=st.text(alphabet="0123456789", min_size=17, max_size=17), last=st.sampled_from("0123456789X"))
    def test_no_error_on_any_18_characters_shows_them(self, body: str, last: str) -> None:
        """For any 18 digits-or-X, parsing either succeeds or fails with a message that hides the number."""
        text = body + last
        try:
            number = IdentityNumber.parse(text)
        except InvalidIdentityNumberError as error:
            assert_never_shown_whole(text, str(error), repr(error))
        else:
            assert_never_shown_whole(text, repr(number), str(number))


class TestMask:
    """mask(): first 3 and last 4 characters shown, the rest hidden."""

    @pytest.mark.parametrize(
        ("text", "masked"),
        [
            ("430181199001011234", "430***********1234"),
            ("12345678", "123*5678"),
            ("1234567", "*******"),
            ("", ""),
        ],
    )
    def test_mask_hides_the_middle(self, text: str, masked: str) -> None:
        """Texts of 7 characters or fewer are hidden entirely."""
        assert mask(text) == masked


birth_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31))
areas = st.sampled_from(["110105", "430102", "430124", "650102", "440305", "431121"])
sequences = st.integers(min_value=0, max_value=999)


class TestChecksumProperties:
    """ISO 7064 MOD 11-2 detects every single-character substitution."""

    @given(area=areas, born=birth_dates, sequence=sequences)
    def test_a_well_formed_number_is_accepted_and_reads_its_birth_date(
        self, area: str, born: dt.date, sequence: int
    ) -> None:
        """Any area code of a real province, a birth date from 1900 and a right check character are accepted."""
        text = with_check_digit(f"{area}{born:%Y%m%d}{sequence:03d}")
        assert IdentityNumber.parse(text).birth_date == born

    @given(
        area=areas,
        born=birth_dates,
        sequence=sequences,
        position=st.sampled_from([2, 3, 4, 5, 14, 15, 16, 17]),
        shift=st.integers(min_value=1, max_value=9),
    )
    def test_changing_one_character_is_detected(
        self, area: str, born: dt.date, sequence: int, position: int, shift: int
    ) -> None:
        """A different digit in the area code, the sequence or the check position is refused."""
        text = with_check_digit(f"{area}{born:%Y%m%d}{sequence:03d}")
        alphabet = "0123456789X" if position == 17 else "0123456789"
        old = alphabet.index(text[position])
        changed = text[:position] + alphabet[(old + shift) % len(alphabet)] + text[position + 1 :]
        with pytest.raises(InvalidIdentityNumberError):
            IdentityNumber.parse(changed)


class TestWorker:
    """A Worker: a name, a checked identity number, an insured place."""

    def test_a_worker_holds_its_fields(self) -> None:
        """The insured place may be 省本级 (article 2 ¶3)."""
        worker = Worker(
            name="李四", identity_number=IdentityNumber.parse(RETIRED_AREA), insured=place("省本级")
        )
        assert worker.insured == place("省本级")
        assert worker.identity_number.value == RETIRED_AREA

    @pytest.mark.parametrize(
        ("field", "value"), [("name", " "), ("name", None), ("insured", "430100"), ("identity_number", None)]
    )
    def test_bad_worker_fields_are_named(self, field: str, value: object) -> None:
        """A blank name, a code instead of a Place, or no number: InvalidInputError naming the field."""
        fields: dict[str, object] = {
            "name": "李四",
            "identity_number": IdentityNumber.parse(VALID),
            "insured": place("长沙市"),
        }
        fields[field] = value
        with pytest.raises(InvalidInputError) as caught:
            Worker(**fields)  # type: ignore[arg-type]
        assert caught.value.field == field
