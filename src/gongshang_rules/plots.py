"""Pictures for the analyst: a filing's timeline, and outcomes by category (matplotlib, an optional extra).

``pip install 'gongshang-rules[plot]'``. Figures are made with matplotlib's object interface (no ``pyplot``, no
global state, any backend); save one with ``figure.savefig("timeline.png")``; a notebook shows it as it is.

Labels are Chinese when a CJK font is installed (:func:`cjk_font` picks the first of :data:`CJK_FONTS` that
matplotlib can find) and English otherwise, place names included (:func:`~gongshang_rules.english_name`);
``language="en"`` or ``"zh"`` chooses.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from ._optional import require
from .kernel.errors import InvalidInputError
from .kernel.parameters import DEFAULT_PARAMETERS, Parameters
from .kernel.place_names import english_name
from .kernel.places import Place, place
from .rules.filing import Filing, filing_validity
from .rules.filing_changes import ChangeKind, change_allowed

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "filing_timeline",
    "outcomes_by",
]

Language = Literal["auto", "zh", "en"]

#: CJK font families tried, in order (Noto and Source Han from Debian's fonts-noto-cjk, WenQuanYi, the Windows and
#: macOS system fonts).
CJK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)

_TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "validity": "备案有效期",
        "lock": "3个月内不得变更",
        "filed": "备案",
        "admitted": "入院",
        "settled": "结算",
        "end": "规程有效期止",
        "title": "{insured} → {treatment}：{category}",
        "count": "案例数",
        "outcomes": "{by}的结果",
        "error": "无法判定",
    },
    "en": {
        "validity": "filing valid",
        "lock": "change locked (3 months)",
        "filed": "filed",
        "admitted": "admitted",
        "settled": "settled",
        "end": "procedure ends",
        "title": "{insured} → {treatment}: {category}",
        "count": "cases",
        "outcomes": "outcomes by {by}",
        "error": "rejected",
    },
}


def cjk_font(candidates: Sequence[str] = CJK_FONTS) -> str | None:
    """The first of ``candidates`` that matplotlib finds installed, or ``None`` (then labels are English)."""
    require("matplotlib", "plot")
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    for family in candidates:
        if family in installed:
            return family
    return None


def _language(language: Language) -> tuple[str, str | None]:
    if language not in ("auto", "zh", "en"):
        raise InvalidInputError("language", f"must be 'auto', 'zh' or 'en', got {language!r}")
    font = cjk_font() if language != "en" else None
    if language == "zh" and font is None:
        raise InvalidInputError(
            "language",
            f"no CJK font is installed for Chinese labels (tried {', '.join(CJK_FONTS)}); use 'en'",
        )
    return ("zh" if font else "en"), font


def _figure(ax: Axes | None, font: str | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    if ax is not None:
        figure = ax.get_figure()
        if not isinstance(figure, Figure):
            raise InvalidInputError("ax", "must be an Axes of a matplotlib Figure")
    else:
        figure = Figure(figsize=size, layout="constrained")
        ax = figure.add_subplot()
    if font is not None:
        for text in (ax.title, ax.xaxis.label, ax.yaxis.label):
            text.set_fontfamily(font)
    return figure, ax


def _place_label(where: Place, lang: str) -> str:
    return where.name if lang == "zh" else english_name(where)


def filing_timeline(
    filing: Filing,
    *,
    admitted_on: _dt.date | None = None,
    settled_on: _dt.date | None = None,
    parameters: Parameters = DEFAULT_PARAMETERS,
    language: Language = "auto",
    ax: Axes | None = None,
) -> Figure:
    """A filing's life on one time axis: filed, its validity, the 3-month change lock of a long-term filing
    (article 13 ¶2), the admission and settlement of an episode when given, and the end of the procedure (art. 36).

    The dates are the library's own (:func:`~gongshang_rules.filing_validity`,
    :func:`~gongshang_rules.change_allowed`), so the picture shows what the rulings say.
    """
    require("matplotlib", "plot")
    if not isinstance(filing, Filing):
        raise InvalidInputError("filing", f"must be a Filing, got {type(filing).__name__}")
    for name, day in (("admitted_on", admitted_on), ("settled_on", settled_on)):
        if day is not None and (type(day) is not _dt.date):
            raise InvalidInputError(name, f"must be a datetime.date or None, got {type(day).__name__}")
    lang, font = _language(language)
    text = _TEXT[lang]
    figure, axes = _figure(ax, font, (9.0, 3.6))
    validity = filing_validity(filing, parameters=parameters)
    lock = change_allowed(filing, ChangeKind.TREATMENT_PLACE, filing.filed_on, parameters=parameters)
    end = parameters.in_force_through

    bars: list[tuple[str, _dt.date, _dt.date, str]] = []
    if validity.valid_from is not None and validity.valid_through is not None:
        bars.append((text["validity"], validity.valid_from, validity.valid_through, "#4c72b0"))
    if lock.allowed_from is not None:
        bars.append((text["lock"], filing.filed_on, lock.allowed_from - _dt.timedelta(days=1), "#dd8452"))
    for row, (_label, first, last, colour) in enumerate(bars):
        axes.barh(row, (last - first).days + 1, left=first, height=0.5, color=colour)  # type: ignore[arg-type]
        axes.annotate(
            f"{first:%Y-%m-%d} – {last:%Y-%m-%d}", (last, row), xytext=(6, 0), textcoords="offset points",
            va="center", color=colour, fontsize=8,
        )  # fmt: skip
    axes.set_yticks(range(len(bars)), [b[0] for b in bars], fontfamily=font)

    marks = [(text["filed"], filing.filed_on, "#55a868", "-")]
    if admitted_on is not None:
        marks.append((text["admitted"], admitted_on, "#c44e52", "--"))
    if settled_on is not None:
        marks.append((text["settled"], settled_on, "#8172b3", "--"))
    marks.append((text["end"], end, "#333333", ":"))
    top = len(bars) - 0.5
    for level, (label, day, colour, style) in enumerate(marks):
        axes.axvline(day, color=colour, linestyle=style, linewidth=1.2)  # type: ignore[arg-type]
        axes.annotate(  # each mark's label on its own line, so that close days stay readable
            f"{label} {day:%Y-%m-%d}", (day, top + 0.1 + 0.45 * level), xytext=(3, 0), textcoords="offset points",
            va="center", fontsize=8, color=colour, fontfamily=font,
        )  # fmt: skip
    axes.set_ylim(-0.6, top + 0.45 * len(marks) + 0.2)
    days = [filing.filed_on, end, *(b[2] for b in bars), *(m[1] for m in marks)]
    axes.set_xlim(min(days) - _dt.timedelta(days=10), max(days) + _dt.timedelta(days=90))  # type: ignore[arg-type]
    category = filing.category.zh if lang == "zh" else _no_cjk(filing.category.en)
    axes.set_title(
        text["title"].format(
            insured=_place_label(filing.insured, lang),
            treatment=_place_label(filing.treatment, lang),
            category=category,
        ),
        fontfamily=font,
    )
    figure.autofmt_xdate()
    return figure


_CJK_IN_BRACKETS = re.compile(r"\s*[(（][^)）]*[\u3000-\u9fff][^)）]*[)）]")


def _no_cjk(label: str) -> str:
    """An English label without its bracketed Chinese term (``referral (异地转诊转院)`` → ``referral``)."""
    return _CJK_IN_BRACKETS.sub("", label)


def _category_label(value: Any, lang: str) -> str:
    """A category as shown: a place code as the place's name, anything else as its text."""
    if isinstance(value, Place):
        return _place_label(value, lang)
    if isinstance(value, str) and ((len(value) == 6 and value.isdigit()) or value == "省本级"):
        try:
            return _place_label(place(value), lang)
        except InvalidInputError:
            return value
    return str(value)


def outcomes_by(
    frame: pd.DataFrame, by: str = "decision", *, language: Language = "auto", ax: Axes | None = None
) -> Figure:
    """Stacked bars: how many rows of ``frame`` (from :func:`~gongshang_rules.to_frame`) have each outcome, per
    value of column ``by`` (``"decision"``, or a figure such as ``"scope"`` or a place column, shown by name).

    A rejected case counts under its own bar segment ("rejected" / 无法判定).
    """
    require("matplotlib", "plot")
    require("pandas", "analysis")
    import pandas as pd

    if not isinstance(frame, pd.DataFrame) or "outcome" not in frame.columns:
        raise InvalidInputError("frame", "must be a frame from to_frame or decide_frame")
    if by not in frame.columns:
        raise InvalidInputError("by", f"must be a column of the frame, got {by!r}")
    lang, font = _language(language)
    text = _TEXT[lang]
    figure, axes = _figure(ax, font, (9.0, max(2.5, 0.35 * frame[by].nunique() + 1.5)))
    outcomes = frame["outcome"].astype(object).where(frame["outcome"].notna(), text["error"])
    categories = frame[by].astype(object).map(lambda v: _category_label(v, lang) if v is not None else "—")
    counts = pd.crosstab(categories, outcomes)
    left = [0] * len(counts.index)
    labels = [str(i) for i in counts.index]
    from matplotlib import colormaps

    palette = colormaps["tab20"]
    for number, outcome in enumerate(counts.columns):
        values = [int(v) for v in counts[outcome]]
        axes.barh(labels, values, left=left, label=str(outcome), color=palette(number % 20))
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(range(len(labels)), labels, fontfamily=font)
    axes.invert_yaxis()
    axes.set_xlabel(text["count"], fontfamily=font)
    axes.set_title(text["outcomes"].format(by=by), fontfamily=font)
    legend = axes.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    if font is not None:
        for entry in legend.get_texts():
            entry.set_fontfamily(font)
    return figure
