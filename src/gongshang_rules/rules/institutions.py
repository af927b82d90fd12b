"""Agreement institutions and the registry of direct-settlement institutions (协议机构库): article 14.

Article 14 ¶1: each city agency chooses, among its agreement institutions (协议机构, article 5: medical,
rehabilitation and assistive-device institutions), those that settle out-of-area costs directly, and the province
keeps them in one registry. Article 14 ¶2: when such an institution is added (新增), its agreement is suspended
(中止协议) or terminated (终止协议), or it stops or closes its business (停业或歇业), the registry is updated. An
:class:`Institution` therefore carries a dated status history, and :meth:`InstitutionRegistry.can_settle_directly`
answers "can this institution settle this service directly on this day".

Decisions (each documented where it is applied):

* A status change takes effect on its own date: a suspension dated 2025-10-01 means no direct settlement on
  2025-10-01 itself; an addition dated 2025-04-01 allows it on 2025-04-01 [interpretation: article 14 ¶2 gives
  no time of effect; a ruling on the very day of a change says so with ``INSTITUTION_CHANGE_EFFECTIVE_ON_ITS_DATE``].
* A history starts with ADDED, its dates strictly increase, and every change changes the status (see
  :data:`STATUS_TRANSITIONS`): a suspended agreement may resume (ADDED), be terminated, or the institution may
  close; after a termination or a closure only a new agreement (ADDED) may follow.
* An institution provides a non-empty set of services (:class:`~gongshang_rules.kernel.terms.ServiceKind`); it cannot
  settle directly a service it does not provide.
* An unknown institution code is an input error (:class:`UnknownInstitutionError`), never a quiet "not listed":
  a code missing from the registry the caller supplied is far more often a typing slip than a fact.

The registry is data the caller supplies (from the provincial channel or the national platform, article 14 ¶1).
This module holds no reader: the oracle reads it (:mod:`gongshang_rules.oracle.registry_io`:
:func:`~gongshang_rules.registry_from_json`, :func:`~gongshang_rules.registry_from_csv`, and
:func:`~gongshang_rules.example_registry`, the bundled *example*, whose codes are invented and whose one real
institution has an assumed date).

>>> import datetime as dt
>>> from gongshang_rules import example_registry
>>> registry = example_registry()
>>> registry.get("EX-0001").name
'湖南省职业病防治院'
>>> registry.can_settle_directly("EX-0001", dt.date(2025, 9, 17), ServiceKind.MEDICAL).outcome.name
'AVAILABLE'
>>> registry.can_settle_directly("EX-0002", dt.date(2025, 10, 1), ServiceKind.REHABILITATION).outcome.name
'SUSPENDED'
"""

from __future__ import annotations

import datetime as _dt
import importlib
import warnings
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ..kernel._validate import (
    PURE_CACHE_SIZE,
    check_date,
    is_date,
    is_frozenset_of,
    is_member,
    is_optional_text,
    is_text,
    is_tuple_of,
    type_name,
)
from ..kernel.articles import ArticleRef
from ..kernel.errors import InvalidInputError
from ..kernel.places import Place, is_treatment_place
from ..kernel.ruling import LabelledEnum, Reason, ReasonTemplate, Ruling, decisive
from ..kernel.terms import ServiceKind

__all__ = [
    "Institution",
    "InstitutionAvailability",
    "InstitutionRegistry",
    "InstitutionRuling",
    "InstitutionStatus",
    "StatusChange",
    "UnknownInstitutionError",
]


class UnknownInstitutionError(InvalidInputError):
    """The registry holds no institution with that code."""


class InstitutionStatus(LabelledEnum):
    """A change of an institution's standing in the registry (article 14 ¶2)."""

    ADDED = ("新增（含恢复协议）", "added (or resumed)")
    SUSPENDED = ("中止协议", "agreement suspended")
    TERMINATED = ("终止协议", "agreement terminated")
    CLOSED = ("停业或歇业", "business stopped or closed")


_S = InstitutionStatus

#: Which status may follow which. Every change changes the status; a suspended agreement may resume, end, or the
#: institution may close; after a termination or a closure only a new agreement (ADDED) may follow.
STATUS_TRANSITIONS: Mapping[InstitutionStatus, frozenset[InstitutionStatus]] = MappingProxyType(
    {
        _S.ADDED: frozenset({_S.SUSPENDED, _S.TERMINATED, _S.CLOSED}),
        _S.SUSPENDED: frozenset({_S.ADDED, _S.TERMINATED, _S.CLOSED}),
        _S.TERMINATED: frozenset({_S.ADDED}),
        _S.CLOSED: frozenset({_S.ADDED}),
    }
)


@attrs.frozen(kw_only=True)
class StatusChange:
    """One dated change in the registry: from ``on`` (that day included) the institution's status is ``status``.

    ``note`` is free text, e.g. the source of the date or that it is assumed.
    """

    on: _dt.date = attrs.field(validator=is_date)
    status: InstitutionStatus = attrs.field(validator=is_member(InstitutionStatus))
    note: str | None = attrs.field(default=None, validator=is_optional_text)


def _check_code(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_text(_instance, attribute, value)
    assert isinstance(value, str)
    if value != value.strip():
        raise InvalidInputError(attribute.name, f"must not begin or end with blank space, got {value!r}")


def _check_services(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_frozenset_of(ServiceKind)(instance, attribute, value)
    if not value:
        raise InvalidInputError(
            attribute.name, "must name at least one service (MEDICAL, REHABILITATION, ...)"
        )


def _check_history(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(StatusChange)(instance, attribute, value)
    assert isinstance(value, tuple)
    name = attribute.name
    if not value:
        raise InvalidInputError(name, "must hold at least one change, the first of them ADDED")
    if value[0].status is not InstitutionStatus.ADDED:
        raise InvalidInputError(
            f"{name}[0].status", f"the first change must be ADDED (新增), got {value[0].status.name}"
        )
    for index in range(1, len(value)):
        before, change = value[index - 1], value[index]
        if change.on <= before.on:
            raise InvalidInputError(
                f"{name}[{index}].on",
                f"{change.on.isoformat()} is not after the previous change ({before.on.isoformat()}): "
                "dates must strictly increase",
            )
        allowed = STATUS_TRANSITIONS[before.status]
        if change.status not in allowed:
            raise InvalidInputError(
                f"{name}[{index}].status",
                f"{change.status.name} cannot follow {before.status.name} (of {before.on.isoformat()}); "
                f"after {before.status.name} only {', '.join(sorted(s.name for s in allowed))} may follow",
            )


@attrs.frozen(kw_only=True)
class Institution:
    """An agreement institution (协议机构) and its history in the registry of direct-settlement institutions.

    ``place`` is where the institution is: a Hunan city or county (stored as given), or another province.
    :attr:`treatment` is the treatment place (就医地) it makes: its 市州 (article 2 ¶3), or its province outside
    Hunan. ``history`` is its dated status changes (article 14 ¶2), see :data:`STATUS_TRANSITIONS`.
    """

    code: str = attrs.field(validator=_check_code)
    name: str = attrs.field(validator=is_text)
    place: Place = attrs.field(validator=is_treatment_place)
    services: frozenset[ServiceKind] = attrs.field(validator=_check_services)
    history: tuple[StatusChange, ...] = attrs.field(validator=_check_history)
    note: str | None = attrs.field(default=None, validator=is_optional_text)

    @property
    def treatment(self) -> Place:
        """The treatment place (就医地): the institution's 市州 in Hunan (article 2 ¶3), else its province."""
        return self.place.city or self.place

    def change_on(self, on: _dt.date) -> StatusChange | None:
        """The change in force on ``on``: the latest dated on or before it; ``None`` before the first (art. 14).

        >>> import datetime as dt
        >>> from gongshang_rules import example_registry
        >>> ex = example_registry().get("EX-0002")
        >>> ex.change_on(dt.date(2025, 9, 30)).status.name, ex.change_on(dt.date(2025, 10, 1)).status.name
        ('ADDED', 'SUSPENDED')
        """
        check_date("on", on)
        current: StatusChange | None = None
        for change in self.history:
            if change.on > on:
                break
            current = change
        return current

    def status_on(self, on: _dt.date) -> InstitutionStatus | None:
        """The status in force on ``on`` (article 14 ¶2); ``None`` before the institution was first added.

        >>> import datetime as dt
        >>> from gongshang_rules import example_registry
        >>> print(example_registry().get("EX-0001").status_on(dt.date(2025, 3, 31)))
        None
        """
        change = self.change_on(on)
        return None if change is None else change.status

    @property
    def label(self) -> str:
        """Name and code, for messages: ``湖南省职业病防治院 (EX-0001)``."""
        return f"{self.name} ({self.code})"


class InstitutionAvailability(LabelledEnum):
    """Whether an institution can settle a service directly on a day (article 14)."""

    AVAILABLE = ("可以直接结算", "can settle directly")
    NOT_YET_LISTED = ("尚未列入协议机构库", "not yet in the registry")
    SUSPENDED = ("协议中止", "agreement suspended")
    TERMINATED = ("协议终止", "agreement terminated")
    CLOSED = ("停业或歇业", "business stopped or closed")
    SERVICE_NOT_PROVIDED = ("不提供该项服务", "does not provide the service")


@attrs.frozen(kw_only=True)
class InstitutionRuling(Ruling[InstitutionAvailability]):
    """Whether ``institution`` can settle ``service`` directly on ``on``.

    ``change`` is the status change in force (``None`` before the first); ``failing`` holds the codes of every
    condition that fails (empty when available). When the status and the service both fail, the outcome is the
    status's and ``failing`` names both.
    """

    institution: Institution
    on: _dt.date
    service: ServiceKind
    change: StatusChange | None
    failing: tuple[str, ...] = ()

    def _extra_lines(self) -> list[str]:
        change = self.change
        status = "not yet listed" if change is None else f"{change.status.name} since {change.on.isoformat()}"
        return [
            f"  institution: {self.institution.label}, {self.institution.place}",
            f"  on {self.on.isoformat()}, service {self.service.name}; registry status: {status}",
        ]


_A5 = ArticleRef(5)
_A14_1 = ArticleRef(14, paragraph=1)
_A14_2 = ArticleRef(14, paragraph=2)

INSTITUTION_LISTED = decisive(
    "INSTITUTION_LISTED",
    _A14_1,
    _A14_2,
    when="Institution status: the institution's latest history entry on or before the day is ADDED.",
    zh="{institution}自{since}起在异地就医直接结算协议机构库内（{status}），{on}在库。",
    en="{institution} has been in the registry of direct-settlement institutions since {since} ({status_en}): "
    "it is listed on {on}.",
)
INSTITUTION_NOT_YET_LISTED = decisive(
    "INSTITUTION_NOT_YET_LISTED",
    _A14_1,
    when="Institution status: the institution has no history entry on or before the day.",
    zh="{on}{institution}尚未列入异地就医直接结算协议机构库（{first}起新增），不能直接结算。",
    en="On {on} {institution} is not yet in the registry of direct-settlement institutions (it is added on "
    "{first}): it cannot settle directly.",
)
INSTITUTION_SUSPENDED = decisive(
    "INSTITUTION_SUSPENDED",
    _A14_2,
    when="Institution status: the latest history entry on or before the day is SUSPENDED.",
    zh="{institution}自{since}起中止协议，{on}不能直接结算。",
    en="{institution}'s agreement is suspended since {since}: it cannot settle directly on {on}.",
)
INSTITUTION_TERMINATED = decisive(
    "INSTITUTION_TERMINATED",
    _A14_2,
    when="Institution status: the latest history entry on or before the day is TERMINATED.",
    zh="{institution}自{since}起终止协议，{on}不能直接结算。",
    en="{institution}'s agreement is terminated since {since}: it cannot settle directly on {on}.",
)
INSTITUTION_CLOSED = decisive(
    "INSTITUTION_CLOSED",
    _A14_2,
    when="Institution status: the latest history entry on or before the day is CLOSED.",
    zh="{institution}自{since}起停业或歇业，{on}不能直接结算。",
    en="{institution} has stopped or closed its business since {since}: it cannot settle directly on {on}.",
)
INSTITUTION_CHANGE_EFFECTIVE_ON_ITS_DATE = decisive(
    "INSTITUTION_CHANGE_EFFECTIVE_ON_ITS_DATE",
    _A14_2,
    when="Institution status: the latest history entry on or before the day is dated that very day (the outcome turns on a change taking effect on its own date).",
    reading=True,
    zh="第十四条第二款未规定变更的生效时间；按变更日期当日生效理解：{on}即按{since}的变更（{status}）判断。",
    en="Article 14(2) does not say when a change takes effect; we read a change as effective on its own date: "
    "{on} is judged by the change of {since} ({status_en}).",
)
INSTITUTION_SERVICE_PROVIDED = decisive(
    "INSTITUTION_SERVICE_PROVIDED",
    _A5,
    _A14_1,
    when="Institution status: the service asked about is among the institution's services.",
    zh="{institution}提供{service}服务。",
    en="{institution} provides {service_en}.",
)
INSTITUTION_SERVICE_NOT_PROVIDED = decisive(
    "INSTITUTION_SERVICE_NOT_PROVIDED",
    _A5,
    _A14_1,
    when="Institution status: the service asked about is not among the institution's services.",
    zh="{institution}不提供{service}服务（提供：{provided}），该项费用不能在此直接结算。",
    en="{institution} does not provide {service_en} (it provides: {provided_en}): that cost cannot be settled "
    "directly there.",
)

_BLOCKED: Mapping[InstitutionStatus, tuple[InstitutionAvailability, ReasonTemplate]] = MappingProxyType(
    {
        _S.SUSPENDED: (InstitutionAvailability.SUSPENDED, INSTITUTION_SUSPENDED),
        _S.TERMINATED: (InstitutionAvailability.TERMINATED, INSTITUTION_TERMINATED),
        _S.CLOSED: (InstitutionAvailability.CLOSED, INSTITUTION_CLOSED),
    }
)


def _check_institutions(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(Institution)(instance, attribute, value)
    assert isinstance(value, tuple)
    first: dict[str, int] = {}
    for index, institution in enumerate(value):
        if institution.code in first:
            raise InvalidInputError(
                f"{attribute.name}[{index}].code",
                f"duplicate code {institution.code!r}, also at {attribute.name}[{first[institution.code]}]",
            )
        first[institution.code] = index


@attrs.frozen(kw_only=True)
class InstitutionRegistry:
    """The registry of direct-settlement institutions (异地就医直接结算协议机构库, article 14 ¶1).

    Build it from :class:`Institution` values (codes must be unique), or read one with
    :func:`~gongshang_rules.registry_from_json` or :func:`~gongshang_rules.registry_from_csv`. ``about`` is free
    text describing the registry (its source, or that it is an example).
    """

    institutions: tuple[Institution, ...] = attrs.field(validator=_check_institutions)
    about: str | None = attrs.field(default=None, validator=is_optional_text)
    _by_code: Mapping[str, Institution] = attrs.field(init=False, repr=False, eq=False)
    _rulings: dict[tuple[str, _dt.date, ServiceKind], InstitutionRuling] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_code", MappingProxyType({i.code: i for i in self.institutions}))
        object.__setattr__(self, "_rulings", {})  # can_settle_directly's answers: the registry never changes

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle or a copy keeps: the institutions and ``about`` (the index and answers are rebuilt)."""
        return {"institutions": self.institutions, "about": self.about}

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "institutions", state["institutions"])
        object.__setattr__(self, "about", state["about"])
        self.__attrs_post_init__()

    @property
    def by_code(self) -> Mapping[str, Institution]:
        """The institutions by code (read-only)."""
        return self._by_code

    def __len__(self) -> int:
        return len(self.institutions)

    def __iter__(self) -> Iterator[Institution]:
        return iter(self.institutions)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def get(self, code: str) -> Institution:
        """The institution with ``code`` (article 14 ¶1); :class:`UnknownInstitutionError` if there is none.

        >>> from gongshang_rules import example_registry
        >>> example_registry().get("EX-9999")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        gongshang_rules.rules.institutions.UnknownInstitutionError: code: no institution 'EX-9999' in the registry ...
        """
        if not isinstance(code, str):
            raise InvalidInputError("code", f"must be an institution code (str), got {type_name(code)}")
        found = self._by_code.get(code)
        if found is None:
            known = ", ".join(sorted(self._by_code)[:5]) or "none"
            more = ", ..." if len(self._by_code) > 5 else ""
            raise UnknownInstitutionError(
                "code", f"no institution {code!r} in the registry ({len(self)} known: {known}{more})"
            )
        return found

    def status_on(self, code: str, on: _dt.date) -> InstitutionStatus | None:
        """The status of institution ``code`` on ``on`` (article 14 ¶2); ``None`` before it was first added.

        A change takes effect on its own date.

        >>> import datetime as dt
        >>> from gongshang_rules import example_registry
        >>> registry = example_registry()
        >>> [registry.status_on("EX-0002", dt.date(2025, 10, d)).name for d in (1, 31)]
        ['SUSPENDED', 'SUSPENDED']
        >>> registry.status_on("EX-0002", dt.date(2025, 11, 1)).name
        'ADDED'
        """
        return self.get(code).status_on(on)

    def can_settle_directly(self, code: str, on: _dt.date, service: ServiceKind) -> InstitutionRuling:
        """Whether institution ``code`` can settle ``service`` directly on ``on`` (article 14 ¶1, ¶2; article 5).

        Two conditions, both reported: the institution is listed (its latest change on or before ``on`` is
        ADDED; a change takes effect on its own date [interpretation]), and it provides ``service``. The
        registry is immutable, so each answer is kept (up to :data:`~gongshang_rules.kernel._validate.PURE_CACHE_SIZE`
        of them) and given again for the same code, date and service: the same ruling, not a new one.

        >>> import datetime as dt
        >>> from gongshang_rules import example_registry
        >>> registry = example_registry()
        >>> ruling = registry.can_settle_directly("EX-0003", dt.date(2025, 12, 31), ServiceKind.MEDICAL)
        >>> ruling.outcome.name, ruling.failing
        ('TERMINATED', ('INSTITUTION_TERMINATED', 'INSTITUTION_SERVICE_NOT_PROVIDED'))
        >>> ruling.rests_on_interpretation   # the termination is dated that very day
        True
        """
        if type(code) is str and type(on) is _dt.date and type(service) is ServiceKind:
            key = (code, on, service)
            known = self._rulings.get(key)
            if known is None:
                known = self._can_settle_directly(code, on, service)
                if len(self._rulings) < PURE_CACHE_SIZE:
                    self._rulings[key] = known
            return known
        return self._can_settle_directly(code, on, service)  # its checks name what is wrong

    def _can_settle_directly(self, code: str, on: _dt.date, service: ServiceKind) -> InstitutionRuling:
        institution = self.get(code)
        check_date("on", on)
        if not isinstance(service, ServiceKind):
            raise InvalidInputError("service", f"must be a ServiceKind member, got {service!r}")
        change = institution.change_on(on)
        common = {"institution": institution.label, "on": on.isoformat()}
        reasons: list[Reason] = []
        failing: list[str] = []
        outcome = InstitutionAvailability.AVAILABLE
        if change is None:
            outcome = InstitutionAvailability.NOT_YET_LISTED
            reason = INSTITUTION_NOT_YET_LISTED.make(first=institution.history[0].on.isoformat(), **common)
            reasons.append(reason)
            failing.append(reason.code)
        else:
            dated = {
                "since": change.on.isoformat(),
                "status": change.status.zh,
                "status_en": change.status.en,
            }
            if change.status is InstitutionStatus.ADDED:
                reasons.append(INSTITUTION_LISTED.make(**dated, **common))
            else:
                outcome, template = _BLOCKED[change.status]
                reason = template.make(**dated, **common)
                reasons.append(reason)
                failing.append(reason.code)
            if change.on == on:
                reasons.append(INSTITUTION_CHANGE_EFFECTIVE_ON_ITS_DATE.make(**dated, **common))
        service_names = {"service": service.zh, "service_en": service.en}
        if service in institution.services:
            reasons.append(INSTITUTION_SERVICE_PROVIDED.make(**service_names, **common))
        else:
            provided = sorted(institution.services, key=lambda s: s.name)
            reason = INSTITUTION_SERVICE_NOT_PROVIDED.make(
                provided="、".join(s.zh for s in provided),
                provided_en=", ".join(s.en for s in provided),
                **service_names,
                **common,
            )
            reasons.append(reason)
            failing.append(reason.code)
            if outcome is InstitutionAvailability.AVAILABLE:
                outcome = InstitutionAvailability.SERVICE_NOT_PROVIDED
        return InstitutionRuling(
            outcome=outcome,
            reasons=tuple(reasons),
            institution=institution,
            on=on,
            service=service,
            change=change,
            failing=tuple(failing),
        )

    @classmethod
    def from_csv(cls, text: str) -> InstitutionRegistry:
        """Deprecated: :func:`gongshang_rules.registry_from_csv` (reading is the oracle's, not the rule's).

        The same registry and the same errors as that function; a :class:`DeprecationWarning` says where it went.
        """
        return _reader("registry_from_csv", "from_csv")(text)

    @classmethod
    def from_json(cls, text: str) -> InstitutionRegistry:
        """Deprecated: :func:`gongshang_rules.registry_from_json` (reading is the oracle's, not the rule's).

        The same registry and the same errors as that function; a :class:`DeprecationWarning` says where it went.
        """
        return _reader("registry_from_json", "from_json")(text)


def _reader(name: str, method: str) -> Callable[[str], InstitutionRegistry]:
    """The oracle's registry reader ``name``, found through the facade (a rule imports no oracle module)."""
    warnings.warn(
        f"InstitutionRegistry.{method} is deprecated: use gongshang_rules.{name}",
        DeprecationWarning,
        stacklevel=3,
    )
    reader: Callable[[str], InstitutionRegistry] = getattr(importlib.import_module("gongshang_rules"), name)
    return reader
