"""Pictures (gongshang_rules.plots): a filing's timeline and outcomes by category, rendered to PNG with Agg.

matplotlib is an optional extra (the ``test`` extra installs it). The Chinese labels need a CJK font; where none is
installed the labels are English, and the Chinese path is exercised with a stand-in font.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

import gongshang_rules as gr
from gongshang_rules import plots

matplotlib.use("Agg")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def texts(figure: Figure) -> list[str]:
    """Every piece of text drawn in the figure."""
    figure.canvas.draw()
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


@pytest.fixture
def long_term() -> gr.Filing:
    """A long-term residence filing from 长沙市 to 广东, filed 2025-11-30 (valid 6 months, locked 3)."""
    return gr.Filing(
        insured=gr.place("长沙市"),
        treatment=gr.place("广东"),
        category=gr.PersonCategory.LONG_TERM_RESIDENCE,
        service=gr.ServiceKind.MEDICAL,
        filed_on=dt.date(2025, 11, 30),
    )


@pytest.fixture
def no_cjk(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without a CJK font."""
    monkeypatch.setattr(plots, "cjk_font", lambda candidates=plots.CJK_FONTS: None)


@pytest.fixture
def stand_in_cjk(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A machine whose CJK font is DejaVu Sans (it lacks the glyphs; the labels chosen are what is tested)."""
    monkeypatch.setattr(plots, "cjk_font", lambda candidates=plots.CJK_FONTS: "DejaVu Sans")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph", category=UserWarning)
        yield


class TestFont:
    """cjk_font picks the first installed family of the candidates, or None."""

    def test_an_installed_family_is_found(self) -> None:
        """DejaVu Sans ships with matplotlib: asked among unknown ones, it is the answer."""
        assert plots.cjk_font(("No Such Font", "DejaVu Sans")) == "DejaVu Sans"

    def test_no_installed_candidate_gives_none(self) -> None:
        """No candidate installed: None, and the labels will be English."""
        assert plots.cjk_font(("No Such Font",)) is None


class TestFilingTimeline:
    """The timeline shows the dates the rulings give: filed, validity, change lock, episode, procedure end."""

    def test_english_labels_without_a_cjk_font(
        self, long_term: gr.Filing, tmp_path: Path, no_cjk: None
    ) -> None:
        """Without a CJK font: English labels and place names, the dates of articles 13 and 36, a real PNG."""
        figure = gr.filing_timeline(
            long_term, admitted_on=dt.date(2026, 1, 5), settled_on=dt.date(2026, 1, 20)
        )
        shown = texts(figure)
        assert "Changsha → Guangdong: long-term residence" in shown
        assert {"filing valid", "change locked (3 months)"} <= set(shown)
        assert "2025-11-30 – 2026-05-30" in shown  # 6 months (art. 13 ¶1)
        assert "2025-11-30 – 2026-02-28" in shown  # locked through the day before 2026-03-01 (art. 13 ¶2)
        for label in (
            "filed 2025-11-30",
            "admitted 2026-01-05",
            "settled 2026-01-20",
            "procedure ends 2027-07-31",
        ):
            assert label in shown
        path = tmp_path / "timeline.png"
        figure.savefig(path, dpi=60)
        assert path.read_bytes()[:8] == PNG_SIGNATURE and path.stat().st_size > 5_000

    def test_chinese_labels_with_a_cjk_font(self, long_term: gr.Filing, stand_in_cjk: None) -> None:
        """With a CJK font: Chinese labels and place names."""
        shown = texts(gr.filing_timeline(long_term))
        assert "长沙市 → 广东省：异地长期居住" in shown
        assert {"备案有效期", "3个月内不得变更"} <= set(shown)
        assert "规程有效期止 2027-07-31" in shown

    def test_a_referral_has_no_change_lock(self, no_cjk: None) -> None:
        """A referral filing (3 months) has no lock bar: only its validity."""
        referral = gr.Filing(
            insured=gr.place("430100"),
            treatment=gr.place("430600"),
            category=gr.PersonCategory.REFERRAL,
            service=gr.ServiceKind.MEDICAL,
            filed_on=dt.date(2025, 11, 30),
        )
        shown = texts(gr.filing_timeline(referral, language="en"))
        assert "2025-11-30 – 2026-02-28" in shown and "change locked (3 months)" not in shown
        assert "Changsha → Yueyang: referral" in shown

    def test_it_draws_into_a_given_axes(self, long_term: gr.Filing, no_cjk: None) -> None:
        """Given an Axes, the timeline is drawn there and its figure returned."""
        figure = Figure()
        axes = figure.add_subplot()
        assert gr.filing_timeline(long_term, ax=axes) is figure

    def test_bad_arguments_are_typed_errors(self, long_term: gr.Filing, no_cjk: None) -> None:
        """Not a filing, a datetime for a date, an unknown language, Chinese without a font: each names its field."""
        cases = [
            ({"filing": "430100"}, "filing"),
            ({"filing": long_term, "admitted_on": dt.datetime(2026, 1, 5)}, "admitted_on"),  # noqa: DTZ001
            ({"filing": long_term, "language": "fr"}, "language"),
            ({"filing": long_term, "language": "zh"}, "language"),
        ]
        for arguments, field in cases:
            with pytest.raises(gr.InvalidInputError) as raised:
                gr.filing_timeline(**arguments)
            assert raised.value.field == field


@pytest.fixture(scope="module")
def frame() -> object:
    """The corpus decided."""
    return gr.decide_frame(gr.load_corpus())


class TestOutcomesBy:
    """Stacked bars of outcomes per category, from a frame."""

    def test_bars_per_decision_with_every_outcome_in_the_legend(
        self, frame: object, tmp_path: Path, no_cjk: None
    ) -> None:
        """One bar per decision; every outcome, and the rejected cases, in the legend; a real PNG."""
        figure = gr.outcomes_by(frame)  # type: ignore[arg-type]
        shown = texts(figure)
        assert "outcomes by decision" in shown and "settlement" in shown
        assert {"DIRECT", "NOT_PAYABLE_DIRECTLY", "rejected"} <= set(shown)
        path = tmp_path / "outcomes.png"
        figure.savefig(path, dpi=50)
        assert path.read_bytes()[:8] == PNG_SIGNATURE

    def test_place_categories_are_shown_by_name(self, frame: object, stand_in_cjk: None) -> None:
        """A column of place codes (the fund a settlement is paid from) shows the places' names."""
        figure = gr.outcomes_by(frame, by="fund_of")  # type: ignore[arg-type]
        shown = texts(figure)
        assert "长沙市" in shown and "湖南省本级" in shown and "案例数" in shown

    def test_place_names_are_english_without_a_cjk_font(self, frame: object, no_cjk: None) -> None:
        """The same in English: Changsha, Hunan provincial level."""
        shown = texts(gr.outcomes_by(frame, by="fund_of"))  # type: ignore[arg-type]
        assert "Changsha" in shown and "Hunan provincial level" in shown

    def test_bad_frames_and_columns_are_typed_errors(self, frame: object, no_cjk: None) -> None:
        """Not a frame, or a column it does not have: InvalidInputError naming the argument."""
        with pytest.raises(gr.InvalidInputError) as raised:
            gr.outcomes_by([1, 2])  # type: ignore[arg-type]
        assert raised.value.field == "frame"
        with pytest.raises(gr.InvalidInputError) as raised:
            gr.outcomes_by(frame, by="nothing")  # type: ignore[arg-type]
        assert raised.value.field == "by"


class TestCategoryLabels:
    """How a category value is labelled."""

    @pytest.mark.parametrize(
        ("value", "zh", "en"),
        [
            ("430100", "长沙市", "Changsha"),
            (gr.place("广东"), "广东省", "Guangdong"),
            ("999999", "999999", "999999"),
            ("scope", "scope", "scope"),
        ],
    )
    def test_places_by_name_anything_else_as_text(self, value: object, zh: str, en: str) -> None:
        """A place (or a code of one) by its name in the language; other values as they are."""
        assert plots._category_label(value, "zh") == zh
        assert plots._category_label(value, "en") == en
