"""The procedure's numbers in one dated table, each with the article it comes from.

Rules take a :class:`Parameters` argument defaulting to :data:`DEFAULT_PARAMETERS`; to ask "what if", pass another
table (``attrs.evolve(DEFAULT_PARAMETERS, referral_validity_months=4)``). A change of the law is a new table with
its own ``effective_from`` and ``source``, not an ``if`` in a rule.

>>> DEFAULT_PARAMETERS.referral_validity_months, DEFAULT_PARAMETERS.long_term_validity_months
(3, 6)
>>> str(PARAMETER_SOURCES["review_working_days"][0])
'art. 10'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ._validate import is_bool, is_date, is_positive_int, is_text
from .articles import ArticleRef
from .errors import InvalidInputError

__all__ = ["DEFAULT_PARAMETERS", "PARAMETER_SOURCES", "Parameters", "check_parameters"]


@attrs.frozen(kw_only=True)
class Parameters:
    """The procedure's numbers. Field sources are in :data:`PARAMETER_SOURCES`."""

    source: str = attrs.field(validator=is_text)
    effective_from: _dt.date = attrs.field(validator=is_date)
    referral_validity_months: int = attrs.field(validator=is_positive_int)
    long_term_validity_months: int = attrs.field(validator=is_positive_int)
    change_lock_months: int = attrs.field(validator=is_positive_int)
    review_working_days: int = attrs.field(validator=is_positive_int)
    residence_months_required: int = attrs.field(validator=is_positive_int)
    in_force_from: _dt.date = attrs.field(validator=is_date)
    in_force_through: _dt.date = attrs.field(validator=is_date)
    national_cross_province_from: _dt.date = attrs.field(validator=is_date)
    monthly_reconciliation_working_days: int = attrs.field(validator=is_positive_int)
    #: Article 5: "跨省异地就医直接结算范围暂不包括门诊工伤医疗（康复）费用": a rule for now (暂), whose end a later
    #: dated table can give by setting this to False.
    cross_province_outpatient_excluded: bool = attrs.field(default=True, validator=is_bool)
    #: The national pilot of cross-province direct settlement in some cities (before the national start).
    national_pilot_from: _dt.date = attrs.field(default=_dt.date(2024, 4, 1), validator=is_date)

    def __attrs_post_init__(self) -> None:
        if self.in_force_through < self.in_force_from:
            raise InvalidInputError("in_force_through", "must not be before in_force_from")
        if self.national_pilot_from > self.national_cross_province_from:
            raise InvalidInputError(
                "national_pilot_from", "must not be after national_cross_province_from (the pilot came first)"
            )
        if self.national_cross_province_from > self.in_force_from:
            raise InvalidInputError(
                "national_cross_province_from",
                "must not be after in_force_from (the national scheme came first)",
            )


#: Where each parameter comes from. The national start date is in the notice that issues the procedure and in
#: 人社部发〔2025〕17号, not in an article: it cites article 2 (cross-province scope) and article 36 (national rules
#: prevail); so does the start of the national pilot that ran in some cities before it.
PARAMETER_SOURCES: Mapping[str, tuple[ArticleRef, ...]] = MappingProxyType(
    {
        "referral_validity_months": (ArticleRef(13, paragraph=1),),
        "long_term_validity_months": (ArticleRef(13, paragraph=1),),
        "change_lock_months": (ArticleRef(13, paragraph=1),),
        "review_working_days": (ArticleRef(10),),
        "residence_months_required": (ArticleRef(4, item=1),),
        "in_force_from": (ArticleRef(36),),
        "in_force_through": (ArticleRef(36),),
        "national_cross_province_from": (ArticleRef(2), ArticleRef(36)),
        "monthly_reconciliation_working_days": (ArticleRef(21),),
        "cross_province_outpatient_excluded": (ArticleRef(5),),
        "national_pilot_from": (ArticleRef(2), ArticleRef(36)),
    }
)

DEFAULT_PARAMETERS = Parameters(
    source="湘人社规〔2025〕24号",
    effective_from=_dt.date(2025, 8, 1),
    referral_validity_months=3,
    long_term_validity_months=6,
    change_lock_months=3,
    review_working_days=5,
    residence_months_required=6,
    in_force_from=_dt.date(2025, 8, 1),
    # Article 36: in force from 2025-08-01 "有效期2年". Counted with the first day included, as regulatory
    # documents count their own validity: the last day is 2027-07-31 [interpretation, see docs].
    in_force_through=_dt.date(2027, 7, 31),
    national_cross_province_from=_dt.date(2025, 4, 1),
    monthly_reconciliation_working_days=5,
)


def check_parameters(value: object, field: str = "parameters") -> Parameters:
    """``value`` if it is a :class:`Parameters` table, else :class:`InvalidInputError` naming ``field``."""
    if not isinstance(value, Parameters):
        raise InvalidInputError(field, f"must be a Parameters table, got {type(value).__name__}")
    return value
