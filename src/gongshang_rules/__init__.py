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

from .applications import (
    Agency,
    AgencyLevel,
    Channel,
    FilingApplication,
    Material,
    RequiredMaterial,
    Requirement,
    Review,
    ReviewRuling,
    Submission,
    SubmissionRuling,
    check_submission,
    missing_materials,
    required_materials,
    review_application,
    review_deadline,
)
from .articles import ANNEXES, ARTICLES, CHAPTERS, Annex, AnnexRef, Article, ArticleRef, Chapter, Citation
from .catalog import (
    AgencyRole,
    AllowanceHandling,
    AllowanceKind,
    AllowanceRuling,
    CatalogRuling,
    CatalogSource,
    CostKind,
    PlaceRole,
    governing_catalog,
    meal_allowance,
    travel_and_lodging,
)
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
from .examples import WorkedExample, first_cross_province_case
from .filing import (
    ChangeKind,
    ChangeRuling,
    ChangeStatus,
    Coverage,
    CoverageFacts,
    CoverageRuling,
    Filing,
    Validity,
    ValidityRuling,
    change_allowed,
    filing_covers,
    filing_valid_through,
    filing_validity,
)
from .forms import (
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
from .identity import IdentityNumber, Worker
from .institutions import (
    Institution,
    InstitutionAvailability,
    InstitutionRegistry,
    InstitutionRuling,
    InstitutionStatus,
    StatusChange,
    UnknownInstitutionError,
    example_registry,
)
from .parameters import DEFAULT_PARAMETERS, PARAMETER_SOURCES, Parameters
from .periods import add_months, months_reached
from .places import Place, PlaceKind, hunan_cities, place
from .ruling import REASONS, LabelledEnum, Reason, ReasonTemplate, Ruling
from .scope import Scope, ScopeRuling, classify_scope
from .settlement import (
    CareType,
    CostLine,
    Credential,
    Episode,
    LineKind,
    ManualClaim,
    ManualClaimRuling,
    ManualClaimStatus,
    Settlement,
    SettlementRecord,
    SettlementRuling,
    check_manual_claim,
    decide_settlement,
)
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
    "Agency",
    "AgencyDecision",
    "AgencyLevel",
    "AgencyOpinion",
    "AgencyRole",
    "Agent",
    "AllowanceHandling",
    "AllowanceKind",
    "AllowanceRuling",
    "Annex",
    "Annex1Form",
    "Annex2Form",
    "AnnexRef",
    "Applicant",
    "Article",
    "ArticleRef",
    "Basis",
    "CalendarUnknownError",
    "CareType",
    "CatalogRuling",
    "CatalogSource",
    "ChangeKind",
    "ChangeRuling",
    "ChangeStatus",
    "Channel",
    "Chapter",
    "Citation",
    "CostKind",
    "CostLine",
    "Coverage",
    "CoverageFacts",
    "CoverageRuling",
    "Credential",
    "Device",
    "Eligibility",
    "EligibilityFacts",
    "EligibilityRuling",
    "Employer",
    "Episode",
    "Filing",
    "FilingApplication",
    "FilingForm",
    "FilingType",
    "GongshangError",
    "IdentityNumber",
    "InForce",
    "InForceRuling",
    "Institution",
    "InstitutionAvailability",
    "InstitutionRegistry",
    "InstitutionRuling",
    "InstitutionStatus",
    "InvalidIdentityNumberError",
    "InvalidInputError",
    "LabelledEnum",
    "LineKind",
    "ManualClaim",
    "ManualClaimRuling",
    "ManualClaimStatus",
    "Material",
    "OutsideSystemError",
    "Parameters",
    "PersonCategory",
    "Place",
    "PlaceKind",
    "PlaceRole",
    "Reason",
    "ReasonTemplate",
    "Relative",
    "RequiredMaterial",
    "Requirement",
    "Review",
    "ReviewRuling",
    "Ruling",
    "Scope",
    "ScopeRuling",
    "ServiceKind",
    "Settlement",
    "SettlementRecord",
    "SettlementRuling",
    "Sex",
    "StatusChange",
    "Submission",
    "SubmissionRuling",
    "UnknownInstitutionError",
    "UnknownPlaceError",
    "Validity",
    "ValidityRuling",
    "WorkedExample",
    "Worker",
    "WorkingDayCalendar",
    "YearSchedule",
    "__version__",
    "add_months",
    "change_allowed",
    "check_manual_claim",
    "check_submission",
    "classify_scope",
    "decide_eligibility",
    "decide_settlement",
    "example_registry",
    "filing_covers",
    "filing_valid_through",
    "filing_validity",
    "first_cross_province_case",
    "governing_catalog",
    "hunan_cities",
    "in_force",
    "meal_allowance",
    "missing_materials",
    "months_reached",
    "place",
    "required_materials",
    "review_application",
    "review_deadline",
    "schedules_from_csv",
    "travel_and_lodging",
    "working_day_after",
]
