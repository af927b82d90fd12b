"""Identity numbers are never shown whole: in errors, in reasons, wherever a caller's text is echoed."""

from __future__ import annotations

import datetime as dt

import pytest

from gongshang_rules import InvalidInputError, ServiceKind, place
from gongshang_rules.kernel._privacy import mask, redact
from gongshang_rules.rules.filing import Filing

NUMBER = "11010519491231002X"


class TestRedact:
    def test_an_identity_number_typed_into_an_enum_field_is_masked_in_the_error(self) -> None:
        """A column slip puts a number where a category belongs: the error names the field, masks the number."""
        with pytest.raises(InvalidInputError) as caught:
            Filing(
                insured=place("430100"),
                treatment=place("430600"),
                category=NUMBER,  # type: ignore[arg-type]
                service=ServiceKind.MEDICAL,
                filed_on=dt.date(2025, 9, 1),
            )
        assert caught.value.field == "category"
        assert NUMBER not in str(caught.value)
        assert mask(NUMBER) in str(caught.value)

    @pytest.mark.parametrize("text", [NUMBER, NUMBER.lower(), "110105491231002"])
    def test_eighteen_and_fifteen_character_numbers_are_masked(self, text: str) -> None:
        """Both the 18-character form (X either case) and the old 15-digit form are masked."""
        assert text not in redact(f"value {text}!")

    def test_other_codes_and_short_numbers_are_left_alone(self) -> None:
        """A credit code with letters, a date or an amount is not an identity number."""
        text = "code 91430100MA4L16JQ9X, 2025-09-01, 10240.50 yuan, phone 13800138000"
        assert redact(text) == text

    def test_reason_messages_are_redacted(self) -> None:
        """A reason whose particulars carry a number shows it masked."""
        from gongshang_rules.kernel.ruling import ReasonTemplate, Role

        template = ReasonTemplate(
            code="PRIVACY_DEMO",
            role=Role.NOTE,
            when="Never: a test example.",
            articles=(),
            interpretation=False,
            zh="号码{n}",
            en="number {n}",
            register=False,
        )
        reason = template.make(n=NUMBER)
        assert NUMBER not in reason.message_en and NUMBER not in reason.message_zh


class TestSeparatedNumbers:
    @pytest.mark.parametrize(
        "text", ["430102 19900101 1238", "430102-19900101-1238", "ID430102199001011238", "110105 491231 002"]
    )
    def test_a_number_written_with_separators_or_a_prefix_is_masked_in_errors(self, text: str) -> None:
        """People write numbers in groups or after a label; an error echoing the text still hides the number."""
        with pytest.raises(InvalidInputError) as caught:
            place(text)
        digits = "".join(ch for ch in text if ch.isdigit())
        shown = "".join(ch for ch in str(caught.value) if ch.isdigit())
        assert digits not in shown

    @pytest.mark.parametrize(
        "text",
        ["4301021990010112381", "430102199001011238x", "430102.19900101.1238", "430102 1990 0101 1238"],
    )
    def test_a_mistyped_or_oddly_written_number_is_masked_too(self, text: str) -> None:
        """A 19-digit typo, a trailing x, or dots between groups: masking too much is the safe side."""
        assert "".join(ch for ch in text if ch.isdigit()) not in "".join(
            ch for ch in redact(text) if ch.isdigit()
        )

    def test_shorter_runs_of_digits_are_left_alone(self) -> None:
        """Dates, amounts, phone numbers and 14-digit references are not identity numbers."""
        text = "2025-09-01, 10240.50 yuan, phone 13800138000, ref 12345678901234"
        assert redact(text) == text


class TestEveryLoadedClassIsMasked:
    """Every attrs class of every library module loaded through the facade has a masking ``repr`` (issue 12).

    A module still being imported when the masking ran (a facade name loaded from inside another import) used to
    be marked done with its classes unmasked: ``gr.what_if`` alone left ``ChangedCase.__repr__`` showing whole
    numbers. Each name is loaded first in a fresh process, since the order of imports is what matters.
    """

    @pytest.mark.parametrize("first", ["what_if", "decide_json", "decide_frame", "decide_settlement", "Case"])
    def test_after_loading_one_name_no_attrs_class_shows_a_whole_number(self, first: str) -> None:
        import subprocess
        import sys
        import textwrap

        script = textwrap.dedent(
            f"""
            import sys, attrs, gongshang_rules as gr
            gr.{first}
            bare = sorted(
                f"{{value.__module__}}.{{value.__qualname__}}"
                for module_name, module in list(sys.modules.items())
                if module_name.startswith("gongshang_rules.") and module is not None
                for value in vars(module).values()
                if isinstance(value, type) and value.__module__ == module_name and attrs.has(value)
                and "__repr__" in value.__dict__ and not getattr(value.__repr__, "_redacted", False)
            )
            print("\\n".join(bare))
            """
        )
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == ""
