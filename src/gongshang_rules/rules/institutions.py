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

The registry is data the caller supplies (from the provincial channel or the national platform, article 14 ¶1):
:meth:`InstitutionRegistry.from_csv` and :meth:`InstitutionRegistry.from_json` read the formats documented on
them. :func:`example_registry` loads the bundled *example* (``data/institutions-example.json``): its codes are
invented, and its one real institution has an assumed date.

>>> import datetime as dt
>>> registry = example_registry()
>>> registry.get("EX-0001").name
'湖南省职业病防治院'
>>> registry.can_settle_directly("EX-0001", dt.date(2025, 9, 17), ServiceKind.MEDICAL).outcome.name
'AVAILABLE'
>>> registry.can_settle_directly("EX-0002", dt.date(2025, 10, 1), ServiceKind.REHABILITATION).outcome.name
'SUSPENDED'
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import importlib.resources
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from ..kernel._validate import (
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
from ..kernel.places import Place, is_treatment_place, place
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
    "example_registry",
]

#: The bundled example registry, under ``gongshang_rules/data``.
EXAMPLE_REGISTRY_FILE = "institutions-example.json"


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


#: The columns of the CSV format read by :meth:`InstitutionRegistry.from_csv` (``note`` is optional).
CSV_COLUMNS = ("record", "code", "name", "place", "services", "on", "status", "note")
_CSV_REQUIRED = frozenset(CSV_COLUMNS) - {"note"}


@attrs.frozen(kw_only=True)
class InstitutionRegistry:
    """The registry of direct-settlement institutions (异地就医直接结算协议机构库, article 14 ¶1).

    Build it from :class:`Institution` values (codes must be unique), or read one with :meth:`from_csv` or
    :meth:`from_json`. ``about`` is free text describing the registry (its source, or that it is an example).
    """

    institutions: tuple[Institution, ...] = attrs.field(validator=_check_institutions)
    about: str | None = attrs.field(default=None, validator=is_optional_text)
    _by_code: Mapping[str, Institution] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_code", MappingProxyType({i.code: i for i in self.institutions}))

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
        ADDED; a change takes effect on its own date [interpretation]), and it provides ``service``.

        >>> import datetime as dt
        >>> registry = example_registry()
        >>> ruling = registry.can_settle_directly("EX-0003", dt.date(2025, 12, 31), ServiceKind.MEDICAL)
        >>> ruling.outcome.name, ruling.failing
        ('TERMINATED', ('INSTITUTION_TERMINATED', 'INSTITUTION_SERVICE_NOT_PROVIDED'))
        >>> ruling.rests_on_interpretation   # the termination is dated that very day
        True
        """
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
        """A registry (article 14 ¶1) from CSV text: one row per institution, and one row per status change.

        The header names the columns :data:`CSV_COLUMNS` in any order (``note`` may be left out; no other column
        is allowed). ``record`` is ``institution`` or ``status``:

        * an *institution* row gives ``code``, ``name``, ``place`` (a code or name that
          :func:`~gongshang_rules.place` reads: a Hunan city or county, or another province) and ``services``
          (:class:`~gongshang_rules.kernel.terms.ServiceKind` names separated by ``;``), and leaves ``on`` and ``status``
          empty;
        * a *status* row gives the ``code`` of an institution, ``on`` (``YYYY-MM-DD``) and ``status`` (an
          :class:`InstitutionStatus` name), and leaves ``name``, ``place`` and ``services`` empty. An
          institution's status rows, in file order, are its history.

        ``note`` is free text on either kind of row. A leading byte-order mark is skipped; nothing else is
        trimmed or guessed. Every error is an :class:`InvalidInputError` whose field names the line and column
        (``line 4.on``).

        >>> registry = InstitutionRegistry.from_csv(
        ...     "record,code,name,place,services,on,status\\n"
        ...     "institution,EX-0100,示例医院（虚构）,430100,MEDICAL;REHABILITATION,,\\n"
        ...     "status,EX-0100,,,,2025-08-01,ADDED\\n"
        ...     "status,EX-0100,,,,2025-10-01,SUSPENDED\\n"
        ... )
        >>> [c.status.name for c in registry.get("EX-0100").history]
        ['ADDED', 'SUSPENDED']
        >>> InstitutionRegistry.from_csv("record,code,name,place,services,on,status\\nstatus,X,,,,2025-13-01,ADDED\\n")
        Traceback (most recent call last):
        ...
        gongshang_rules.kernel.errors.InvalidInputError: line 2.on: '2025-13-01' is not a calendar date
        """
        if not isinstance(text, str):
            raise InvalidInputError("text", f"must be CSV text (str), got {type_name(text)}")
        return _read_csv(text[1:] if text.startswith("\ufeff") else text)

    @classmethod
    def from_json(cls, text: str) -> InstitutionRegistry:
        """A registry (article 14 ¶1) from JSON text.

        The text is a list of institution objects, or an object ``{"about": "...", "institutions": [...]}``
        (``about`` optional). An institution object has ``code``, ``name``, ``place`` (a code or name that
        :func:`~gongshang_rules.place` reads), ``services`` (a list of :class:`~gongshang_rules.kernel.terms.ServiceKind`
        names), ``history`` (a list of ``{"on": "YYYY-MM-DD", "status": "ADDED"}`` objects, oldest first) and
        optionally ``note``; a change object may have a ``note`` too. Unknown or duplicate keys are errors.
        Every error is an :class:`InvalidInputError` whose field is the JSON path (``$.institutions[0].history[1].on``).

        >>> registry = InstitutionRegistry.from_json(
        ...     '[{"code": "EX-0100", "name": "示例医院（虚构）", "place": "430100", "services": ["MEDICAL"],'
        ...     ' "history": [{"on": "2025-08-01", "status": "ADDED"}]}]'
        ... )
        >>> registry.get("EX-0100").treatment.name
        '长沙市'
        >>> InstitutionRegistry.from_json('[{"code": "EX-0100"}]')
        Traceback (most recent call last):
        ...
        gongshang_rules.kernel.errors.InvalidInputError: $[0]: lacks the key(s) history, name, place, services
        """
        if not isinstance(text, str):
            raise InvalidInputError("text", f"must be JSON text (str), got {type_name(text)}")
        return _read_json(text)


# ---------------------------------------------------------------------------------------------------------------
# Reading: every error names where it is (a CSV line and column, a JSON path) and is an InvalidInputError.

E = TypeVar("E", bound=LabelledEnum)

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HISTORY_FIELD = re.compile(r"history\[([0-9]+)\]\.(\w+)")


def _renamed(error: InvalidInputError, field: str) -> InvalidInputError:
    """``error`` (same class, same problem) with its field replaced by ``field``."""
    return type(error)(field, error.problem)


def _parse_date(value: object, field: str) -> _dt.date:
    if not isinstance(value, str):
        raise InvalidInputError(field, f"must be a date as text YYYY-MM-DD, got {type_name(value)}")
    if not _ISO_DATE.fullmatch(value):
        raise InvalidInputError(field, f"must be a date YYYY-MM-DD, got {value!r}")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(field, f"{value!r} is not a calendar date") from None


def _parse_member(enum_type: type[E], value: object, field: str) -> E:
    if isinstance(value, str) and value in enum_type.__members__:
        return enum_type[value]
    names = ", ".join(enum_type.__members__)
    raise InvalidInputError(field, f"must be a {enum_type.__name__} name ({names}), got {value!r}")


def _parse_place(value: object, field: str) -> Place:
    if not isinstance(value, str):
        raise InvalidInputError(field, f"must be a place code or name (str), got {type_name(value)}")
    if not value.strip():
        raise InvalidInputError(field, "must not be blank")
    try:
        return place(value)
    except InvalidInputError as error:
        raise _renamed(error, field) from None


def _parse_services(items: list[object], path: str, *, indexed: bool) -> frozenset[ServiceKind]:
    services: list[ServiceKind] = []
    for index, item in enumerate(items):
        field = f"{path}[{index}]" if indexed else path
        service = _parse_member(ServiceKind, item, field)
        if service in services:
            raise InvalidInputError(field, f"{service.name} is listed twice")
        services.append(service)
    return frozenset(services)


def _change(on: _dt.date, status: InstitutionStatus, note: Any, note_field: str) -> StatusChange:
    try:
        return StatusChange(on=on, status=status, note=note)
    except InvalidInputError as error:  # only the note can still be wrong here
        raise _renamed(error, note_field) from None


def _build(fields: dict[str, Any], rename: Callable[[str], str]) -> Institution:
    """An :class:`Institution` from parsed ``fields``; its errors renamed to where the input said it."""
    try:
        return Institution(**fields)
    except InvalidInputError as error:
        raise _renamed(error, rename(error.field)) from None


# --- CSV ---


@attrs.frozen
class _Row:
    line: int
    cells: Mapping[str, str]

    def field(self, column: str) -> str:
        return f"line {self.line}.{column}"

    def empty(self, *columns: str, why: str) -> None:
        for column in columns:
            if self.cells.get(column, ""):
                raise InvalidInputError(self.field(column), f"must be empty {why}")


def _csv_rows(text: str) -> list[_Row]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[_Row] = []
    try:
        header = next(reader, None)
        if header is None:
            raise InvalidInputError("line 1", f"no header: expected the columns {', '.join(CSV_COLUMNS)}")
        repeated = sorted({c for c in header if header.count(c) > 1})
        if repeated:
            raise InvalidInputError("line 1", f"column(s) named twice: {', '.join(repeated)}")
        unknown = [c for c in header if c not in CSV_COLUMNS]
        if unknown:
            raise InvalidInputError(
                "line 1",
                f"unknown column(s) {', '.join(map(repr, unknown))}; the columns are {', '.join(CSV_COLUMNS)}",
            )
        missing = sorted(_CSV_REQUIRED - set(header))
        if missing:
            raise InvalidInputError("line 1", f"lacks the column(s) {', '.join(missing)}")
        for values in reader:
            if not values:
                continue
            if len(values) != len(header):
                raise InvalidInputError(
                    f"line {reader.line_num}", f"has {len(values)} fields, the header {len(header)}"
                )
            rows.append(_Row(line=reader.line_num, cells=dict(zip(header, values, strict=True))))
    except csv.Error as error:
        raise InvalidInputError(f"line {reader.line_num}", f"not valid CSV: {error}") from None
    return rows


def _read_csv(text: str) -> InstitutionRegistry:
    institution_rows: dict[str, _Row] = {}
    status_rows: dict[str, list[tuple[_Row, StatusChange]]] = {}
    for row in _csv_rows(text):
        record, code = row.cells["record"], row.cells["code"]
        note = row.cells.get("note") or None
        if record == "institution":
            row.empty("on", "status", why="on an institution row (dates go on status rows)")
            if code in institution_rows:
                raise InvalidInputError(
                    row.field("code"),
                    f"duplicate institution {code!r}, first on line {institution_rows[code].line}",
                )
            institution_rows[code] = row
        elif record == "status":
            row.empty("name", "place", "services", why="on a status row (they go on the institution row)")
            if not code:
                raise InvalidInputError(row.field("code"), "must not be blank")
            change = _change(
                _parse_date(row.cells["on"], row.field("on")),
                _parse_member(InstitutionStatus, row.cells["status"], row.field("status")),
                note,
                row.field("note"),
            )
            status_rows.setdefault(code, []).append((row, change))
        else:
            raise InvalidInputError(row.field("record"), f"must be 'institution' or 'status', got {record!r}")
    for code, changes in status_rows.items():
        if code not in institution_rows:
            raise InvalidInputError(changes[0][0].field("code"), f"no institution row has the code {code!r}")
    institutions: list[Institution] = []
    for code, row in institution_rows.items():
        changes = status_rows.get(code, [])
        if not changes:
            raise InvalidInputError(
                row.field("code"),
                f"institution {code!r} has no status rows; its history must begin with ADDED",
            )
        lines = [status_row.line for status_row, _change in changes]
        services = row.cells["services"]
        items: list[object] = [item.strip() for item in services.split(";")] if services else []
        fields = {
            "code": code,
            "name": row.cells["name"],
            "place": _parse_place(row.cells["place"], row.field("place")),
            "services": _parse_services(items, row.field("services"), indexed=False),
            "history": tuple(change for _row, change in changes),
            "note": row.cells.get("note") or None,
        }

        def rename(field: str, row: _Row = row, lines: list[int] = lines) -> str:
            history = _HISTORY_FIELD.fullmatch(field)
            if history is not None:
                return f"line {lines[int(history.group(1))]}.{history.group(2)}"
            return row.field(field)

        institutions.append(_build(fields, rename))
    return InstitutionRegistry(institutions=tuple(institutions))


# --- JSON ---


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InvalidInputError("text", f"the key {key!r} appears twice in one JSON object")
        result[key] = value
    return result


def _object(value: object, path: str, required: frozenset[str], optional: frozenset[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidInputError(path, f"must be a JSON object, got {_json_type(value)}")
    unknown = sorted(set(value) - required - optional)
    if unknown:
        allowed = ", ".join(sorted(required | optional))
        raise InvalidInputError(f"{path}.{unknown[0]}", f"unknown key; the keys are {allowed}")
    missing = sorted(required - set(value))
    if missing:
        raise InvalidInputError(path, f"lacks the key(s) {', '.join(missing)}")
    return value


def _list(value: object, path: str) -> list[object]:
    if not isinstance(value, list):
        raise InvalidInputError(path, f"must be a JSON list, got {_json_type(value)}")
    return value


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


_INSTITUTION_KEYS = frozenset({"code", "name", "place", "services", "history"})
_CHANGE_KEYS = frozenset({"on", "status"})
_NOTE = frozenset({"note"})


def _json_institution(value: object, path: str) -> Institution:
    obj = _object(value, path, _INSTITUTION_KEYS, _NOTE)
    changes: list[StatusChange] = []
    for index, item in enumerate(_list(obj["history"], f"{path}.history")):
        at = f"{path}.history[{index}]"
        change = _object(item, at, _CHANGE_KEYS, _NOTE)
        changes.append(
            _change(
                _parse_date(change["on"], f"{at}.on"),
                _parse_member(InstitutionStatus, change["status"], f"{at}.status"),
                change.get("note"),
                f"{at}.note",
            )
        )
    fields = {
        "code": obj["code"],
        "name": obj["name"],
        "place": _parse_place(obj["place"], f"{path}.place"),
        "services": _parse_services(
            _list(obj["services"], f"{path}.services"), f"{path}.services", indexed=True
        ),
        "history": tuple(changes),
        "note": obj.get("note"),
    }
    return _build(fields, lambda field: f"{path}.{field}")


def _read_json(text: str) -> InstitutionRegistry:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise InvalidInputError(
            "text", f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise InvalidInputError("text", "JSON nested too deeply") from None
    about: Any = None
    if isinstance(data, list):
        items, path = data, "$"
    elif isinstance(data, dict):
        obj = _object(data, "$", frozenset({"institutions"}), frozenset({"about"}))
        items, path, about = _list(obj["institutions"], "$.institutions"), "$.institutions", obj.get("about")
    else:
        raise InvalidInputError(
            "$", f"must be a list of institutions or an object with 'institutions', got {_json_type(data)}"
        )
    institutions = tuple(_json_institution(item, f"{path}[{index}]") for index, item in enumerate(items))
    first: dict[str, int] = {}
    for index, institution in enumerate(institutions):
        if institution.code in first:
            raise InvalidInputError(
                f"{path}[{index}].code",
                f"duplicate code {institution.code!r}, also at {path}[{first[institution.code]}]",
            )
        first[institution.code] = index
    try:
        return InstitutionRegistry(institutions=institutions, about=about)
    except InvalidInputError as error:  # only ``about`` can still be wrong here
        raise _renamed(error, f"$.{error.field}") from None


@functools.cache
def example_registry() -> InstitutionRegistry:
    """The bundled EXAMPLE registry (article 14 ¶1), ``data/institutions-example.json``. Not real data.

    Its codes (``EX-0001`` ...) are invented. ``EX-0001`` is 湖南省职业病防治院 in 长沙市, which the 2025-09-17 report
    says settled Hunan's first cross-province case; its ADDED date (2025-04-01) and services are assumed (see the
    notes). The other institutions are fictitious, to show suspension, resumption, termination and closure.

    >>> registry = example_registry()
    >>> registry.about.startswith("EXAMPLE")
    True
    >>> registry.get("EX-0001").history[0].note
    'assumed: ...
    """
    text = (
        importlib.resources.files("gongshang_rules")
        .joinpath("data", EXAMPLE_REGISTRY_FILE)
        .read_text(encoding="utf-8")
    )
    return InstitutionRegistry.from_json(text)
