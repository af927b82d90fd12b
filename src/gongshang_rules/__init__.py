"""gongshang-rules: Hunan's work-injury insurance out-of-area direct-settlement procedure, as pure functions.

The reference implementation of 《湖南省工伤保险异地就医直接结算经办规程（试行）》 (湘人社规〔2025〕24号). Every
decision returns a ruling that carries its outcome and its reasons, each reason with a stable code, the articles it
rests on, and whether it rests on an interpretation. This module is the public facade; the implementation lives in
one module per concern of the procedure.

>>> import gongshang_rules as gr
>>> ruling = gr.classify_scope(gr.place("新疆维吾尔自治区"), gr.place("长沙市"))
>>> ruling.outcome is gr.Scope.CROSS_PROVINCE_INBOUND
True
>>> [str(a) for a in ruling.articles]
['art. 2(1)', 'art. 2(2)']
"""

from importlib.metadata import PackageNotFoundError, version

from .articles import ANNEXES, ARTICLES, CHAPTERS, Annex, AnnexRef, Article, ArticleRef, Chapter, Citation
from .commencement import InForce, InForceRuling, in_force
from .eligibility import (
    BASES_FOR_SERVICE,
    Eligibility,
    EligibilityFacts,
    EligibilityRuling,
    decide_eligibility,
)
from .errors import (
    CalendarUnknownError,
    GongshangError,
    InvalidIdentityNumberError,
    InvalidInputError,
    OutsideSystemError,
    UnknownPlaceError,
)
from .identity import IdentityNumber, Worker
from .parameters import DEFAULT_PARAMETERS, PARAMETER_SOURCES, Parameters
from .periods import add_months, months_reached
from .places import Place, PlaceKind, hunan_cities, place
from .ruling import REASONS, LabelledEnum, Reason, ReasonTemplate, Ruling
from .scope import Scope, ScopeRuling, classify_scope
from .terms import Basis, PersonCategory, ServiceKind
from .workdays import (
    DEFAULT_CALENDAR,
    WorkingDayCalendar,
    YearSchedule,
    schedules_from_csv,
    working_day_after,
)

try:
    __version__ = version("gongshang-rules")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "ANNEXES",
    "ARTICLES",
    "BASES_FOR_SERVICE",
    "CHAPTERS",
    "DEFAULT_CALENDAR",
    "DEFAULT_PARAMETERS",
    "PARAMETER_SOURCES",
    "REASONS",
    "Annex",
    "AnnexRef",
    "Article",
    "ArticleRef",
    "Basis",
    "CalendarUnknownError",
    "Chapter",
    "Citation",
    "Eligibility",
    "EligibilityFacts",
    "EligibilityRuling",
    "GongshangError",
    "IdentityNumber",
    "InForce",
    "InForceRuling",
    "InvalidIdentityNumberError",
    "InvalidInputError",
    "LabelledEnum",
    "OutsideSystemError",
    "Parameters",
    "PersonCategory",
    "Place",
    "PlaceKind",
    "Reason",
    "ReasonTemplate",
    "Ruling",
    "Scope",
    "ScopeRuling",
    "ServiceKind",
    "UnknownPlaceError",
    "Worker",
    "WorkingDayCalendar",
    "YearSchedule",
    "__version__",
    "add_months",
    "classify_scope",
    "decide_eligibility",
    "hunan_cities",
    "in_force",
    "months_reached",
    "place",
    "schedules_from_csv",
    "working_day_after",
]
