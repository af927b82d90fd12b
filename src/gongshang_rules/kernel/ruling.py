"""Explained rulings: every decision returns its outcome and its reasons.

A :class:`Reason` has a stable machine ``code`` (upper snake case, compared by other implementations), its
``role`` (:class:`Role`: ``DECISIVE``, a condition the outcome rests on or the rule that yields it; ``NOTE``,
information that does not change it), the ``articles`` of this procedure it rests on, any ``authorities`` outside
it (民法典, the national procedure), whether it rests on an ``interpretation`` (a reading, not the letter of the
text), and a message in Chinese and in English. Reasons are made from :class:`ReasonTemplate` objects, which register themselves in :data:`REASONS`: the
catalogue of every code the library can give, and the proof that each computable article is cited by some rule.
Each template says ``when`` it is given: one sentence another implementation can follow.

>>> from gongshang_rules.kernel.articles import ArticleRef
>>> DEMO = ReasonTemplate(
...     code="DEMO_ONLY", role=Role.DECISIVE, when="Never: a documentation example.",
...     articles=(ArticleRef(13),), interpretation=False,
...     zh="示例：{n}个月。", en="Example: {n} months.", register=False,
... )
>>> reason = DEMO.make(n=3)
>>> reason.code, reason.role.name, reason.message_en, reason.message_zh
('DEMO_ONLY', 'DECISIVE', 'Example: 3 months.', '示例：3个月。')
"""

from __future__ import annotations

import enum
import re
import string
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Generic, TypeVar

import attrs

from ._privacy import redact
from ._validate import is_bool, is_member, is_text, is_tuple_of
from .articles import AnnexRef, ArticleRef, Citation
from .errors import InvalidInputError

__all__ = [
    "REASONS",
    "LabelledEnum",
    "Reason",
    "ReasonTemplate",
    "Role",
    "Ruling",
]

_CODE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$")


class LabelledEnum(enum.Enum):
    """An enum whose members carry a Chinese and an English label; the member name is the stable code."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en

    def __str__(self) -> str:
        return self.name


class Role(LabelledEnum):
    """What a reason does for its ruling. The contract compares the decisive codes; notes only under ``--strict``."""

    DECISIVE = (
        "决定性理由：裁定所依据的条件（满足或不满足）或得出结果的规则",
        "decisive: a condition the outcome rests on (met or failed), or the rule that yields the outcome",
    )
    NOTE = ("说明：不改变裁定结果的信息", "note: information that does not change the outcome")


def _check_code(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _CODE.match(value):
        raise InvalidInputError(attribute.name, f"must be an UPPER_SNAKE_CASE code, got {value!r}")


def _cite(citations: Iterable[Citation]) -> str:
    return ", ".join(str(c) for c in citations)


def _cite_zh(citations: Iterable[Citation]) -> str:
    return "、".join(c.zh for c in citations)


@attrs.frozen(kw_only=True)
class Reason:
    """One reason of a ruling: why the outcome is what it is, and on which articles that rests."""

    code: str = attrs.field(validator=_check_code)
    articles: tuple[Citation, ...] = attrs.field(validator=is_tuple_of((ArticleRef, AnnexRef)))
    interpretation: bool = attrs.field(validator=is_bool)
    message_zh: str = attrs.field(validator=is_text)
    message_en: str = attrs.field(validator=is_text)
    authorities: tuple[str, ...] = attrs.field(default=(), validator=is_tuple_of(str))
    role: Role = attrs.field(default=Role.DECISIVE, validator=is_member(Role))

    @property
    def decisive(self) -> bool:
        """True for a reason the outcome rests on (``role`` is :attr:`Role.DECISIVE`)."""
        return self.role is Role.DECISIVE

    @classmethod
    def _trusted(
        cls,
        *,
        code: str,
        articles: tuple[Citation, ...],
        interpretation: bool,
        message_zh: str | _Pending,
        message_en: str | _Pending,
        authorities: tuple[str, ...],
        role: Role,
    ) -> Reason:
        """A reason from fields already checked (by its :class:`ReasonTemplate`): no validators run.

        A message may be :class:`_Pending`: formatted the first time it is read (see :func:`_lazy_message`).
        """
        reason = object.__new__(cls)
        put_code, put_articles, put_interpretation, put_zh, put_en, put_authorities, put_role = _SLOTS
        put_code(reason, code)
        put_articles(reason, articles)
        put_interpretation(reason, interpretation)
        put_zh(reason, message_zh)
        put_en(reason, message_en)
        put_authorities(reason, authorities)
        put_role(reason, role)
        return reason

    def __str__(self) -> str:
        basis = _cite(self.articles) or "no article of this procedure"
        if self.authorities:
            basis += "; " + "; ".join(self.authorities)
        flag = " [interpretation]" if self.interpretation else ""
        note = " [note]" if self.role is Role.NOTE else ""
        return f"{self.code} ({basis}){flag}{note}: {self.message_en} / {self.message_zh}"


class _Pending:
    """A reason's message not formatted yet: its template text and the particulars as they are shown.

    The particulars were checked against the template's placeholders and turned into immutable values when the
    reason was made, so formatting it later cannot fail and gives the text formatting it then would have.
    """

    __slots__ = ("shown", "text")

    def __init__(self, text: str, shown: Mapping[str, object]) -> None:
        self.text = text
        self.shown = shown

    def render(self) -> str:
        """The message's text."""
        return self.text.format_map(self.shown)


def _lazy_message(name: str) -> Any:
    """The attribute ``name`` of :class:`Reason` read through its slot, formatting a :class:`_Pending` message the
    first time it is read (and keeping the text).

    Everything reads a message through the attribute (equality, hashing, ``repr``, pickling, ``attrs.asdict``,
    the JSON writer), so a reason whose messages were never read behaves exactly like one formatted at once; a
    batch run that leaves the messages out (``--no-messages``) never formats them.
    """
    slot = Reason.__dict__[name]

    def read(reason: Reason) -> str:
        value = slot.__get__(reason, Reason)
        if type(value) is _Pending:
            value = value.render()
            slot.__set__(reason, value)
        return value  # type: ignore[no-any-return]

    return property(read, slot.__set__, doc=f"The reason's {name}, formatted when first read.")


#: Each field's slot writer, in the order of :meth:`Reason._trusted`'s arguments (the messages' slots before they
#: are wrapped, so that a pending message is stored as it is).
_SLOTS = tuple(
    Reason.__dict__[name].__set__
    for name in ("code", "articles", "interpretation", "message_zh", "message_en", "authorities", "role")
)
Reason.message_zh = _lazy_message("message_zh")
Reason.message_en = _lazy_message("message_en")


def _shown(value: object) -> object:
    """A particular as its message shows it, fixed when the reason is made: text redacted (an identity number
    masked), an amount to the fen, an ``int`` kept as it is (immutable; ``str.format`` shows it as
    ``format(value, "")`` would), anything else formatted now, as ``str.format`` would format it."""
    kind = type(value)
    if kind is int or kind is bool:
        return value
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, Decimal):
        return format(value, ".2f")
    return format(value, "")


_FORMATTER = string.Formatter()


def _placeholders(code: str, text: str) -> tuple[frozenset[str], bool]:
    """The names ``text`` formats, each a ``{name}`` (anything else is refused when the template is made), and
    whether each is plain: a format spec or a conversion (``{month:02d}``) could fail on the value given, so a
    template with one formats its messages when the reason is made, not when they are read."""
    names = set()
    plain = True
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError as error:
        raise InvalidInputError("zh/en", f"{code}: the message cannot be formatted ({error})") from None
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier():
            raise InvalidInputError("zh/en", f"{code}: a placeholder must be a {{name}}, got {{{field}}}")
        plain = plain and not spec and not conversion
        names.add(field)
    return frozenset(names), plain


_REGISTRY: dict[str, ReasonTemplate] = {}

#: Every reason code the library can give, by code: the catalogue other implementations compare against.
REASONS: Mapping[str, ReasonTemplate] = MappingProxyType(_REGISTRY)


@attrs.frozen(kw_only=True)
class ReasonTemplate:
    """A reason before its particulars: code, role, articles and flag fixed, messages with ``{placeholders}``.

    ``role`` is the template's :class:`Role`, fixed for the code; ``when`` says, in one sentence another
    implementation can follow, exactly when the code is given. Creating one registers it in :data:`REASONS` (pass ``register=False`` for a throwaway example); a code can be
    registered once only, so codes stay unique across the library.
    """

    code: str = attrs.field(validator=_check_code)
    role: Role = attrs.field(validator=is_member(Role))
    when: str = attrs.field(validator=is_text)
    articles: tuple[Citation, ...] = attrs.field(validator=is_tuple_of((ArticleRef, AnnexRef)))
    interpretation: bool = attrs.field(validator=is_bool)
    zh: str = attrs.field(validator=is_text)
    en: str = attrs.field(validator=is_text)
    authorities: tuple[str, ...] = attrs.field(default=(), validator=is_tuple_of(str))
    register: bool = attrs.field(default=True, eq=False, repr=False)
    _plain: Reason | None = attrs.field(init=False, default=None, eq=False, repr=False)
    _needs: frozenset[str] = attrs.field(init=False, factory=frozenset, eq=False, repr=False)
    _lazy: bool = attrs.field(init=False, default=True, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        (zh, zh_plain), (en, en_plain) = _placeholders(self.code, self.zh), _placeholders(self.code, self.en)
        needs = zh | en
        object.__setattr__(self, "_needs", needs)
        object.__setattr__(self, "_lazy", zh_plain and en_plain)
        if not needs:  # no particulars: one immutable reason serves every ruling
            object.__setattr__(self, "_plain", self._build(self.zh.format(), self.en.format()))
        if self.register:
            if self.code in _REGISTRY:
                raise InvalidInputError("code", f"reason code {self.code} is registered twice")
            _REGISTRY[self.code] = self

    def make(self, **particulars: object) -> Reason:
        """The reason with its particulars filled into both messages.

        Text particulars are redacted (an identity number among them is masked) and amounts (``Decimal``) are shown
        to the fen. A particular the messages need and do not get is refused here, when the reason is made; the
        messages themselves are formatted when first read (a run that never reads them never pays for them). The
        template itself was checked when it was created, so the reason is built without checking its fields again.
        """
        if self._plain is not None and not particulars:
            return self._plain
        missing = self._needs.difference(particulars)
        if missing:
            raise InvalidInputError("particulars", f"{self.code} needs {min(missing)!r}")
        shown = {
            name: value if type(value) is int else redact(value) if type(value) is str else _shown(value)
            for name, value in particulars.items()
        }
        if not self._lazy:
            try:
                return self._build(self.zh.format_map(shown), self.en.format_map(shown))
            except (ValueError, TypeError) as error:
                raise InvalidInputError("particulars", f"{self.code}: {error}") from None
        return self._build(_Pending(self.zh, shown), _Pending(self.en, shown))

    def _build(self, message_zh: str | _Pending, message_en: str | _Pending) -> Reason:
        return Reason._trusted(
            code=self.code,
            articles=self.articles,
            interpretation=self.interpretation,
            message_zh=message_zh,
            message_en=message_en,
            authorities=self.authorities,
            role=self.role,
        )


OutcomeT = TypeVar("OutcomeT", bound=LabelledEnum)


def _template(
    code: str,
    role: Role,
    articles: tuple[Citation | int, ...],
    *,
    when: str,
    zh: str,
    en: str,
    reading: bool,
    authorities: tuple[str, ...],
    register: bool,
) -> ReasonTemplate:
    cited = tuple(ArticleRef(a) if isinstance(a, int) and not isinstance(a, bool) else a for a in articles)
    return ReasonTemplate(
        code=code,
        role=role,
        when=when,
        articles=cited,  # type: ignore[arg-type]  # checked by ReasonTemplate: a citation or an article number
        interpretation=reading,
        zh=zh,
        en=en,
        authorities=authorities,
        register=register,
    )


def decisive(
    code: str,
    *articles: Citation | int,
    when: str,
    zh: str,
    en: str,
    reading: bool = False,
    authorities: tuple[str, ...] = (),
    register: bool = True,
) -> ReasonTemplate:
    """The compact form every rule module declares its decisive reasons in: code, articles, when, zh, en.

    An article is a citation or its number (``3`` is ``ArticleRef(3)``); ``reading=True`` marks a reason that rests on
    an interpretation.

    >>> t = decisive("X_EXAMPLE", 3, when="Always.", zh="例。", en="An example.", register=False)
    >>> t.role.name, [str(a) for a in t.articles], t.interpretation
    ('DECISIVE', ['art. 3'], False)
    """
    return _template(
        code,
        Role.DECISIVE,
        articles,
        when=when,
        zh=zh,
        en=en,
        reading=reading,
        authorities=authorities,
        register=register,
    )


def note(
    code: str,
    *articles: Citation | int,
    when: str,
    zh: str,
    en: str,
    reading: bool = False,
    authorities: tuple[str, ...] = (),
    register: bool = True,
) -> ReasonTemplate:
    """The compact form of a note: a reason that informs and does not change the outcome (see :func:`decisive`).

    >>> note("X_EXAMPLE", 13, when="Always.", zh="例。", en="An example.", reading=True, register=False).role.name
    'NOTE'
    """
    return _template(
        code,
        Role.NOTE,
        articles,
        when=when,
        zh=zh,
        en=en,
        reading=reading,
        authorities=authorities,
        register=register,
    )


@attrs.frozen(kw_only=True)
class Ruling(Generic[OutcomeT]):
    """A decision: its ``outcome`` (an enum member) and the ``reasons`` that explain it, in order.

    ``str()`` reads as a short explanation; in a notebook the ruling renders as an HTML table.
    """

    outcome: OutcomeT
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    @property
    def codes(self) -> frozenset[str]:
        """The set of every reason code, decisive and notes (``--strict`` compares all of them)."""
        return frozenset(r.code for r in self.reasons)

    @property
    def decisive(self) -> tuple[Reason, ...]:
        """The reasons the outcome rests on, in order."""
        return tuple(r for r in self.reasons if r.role is Role.DECISIVE)

    @property
    def notes(self) -> tuple[Reason, ...]:
        """The reasons that inform without changing the outcome, in order."""
        return tuple(r for r in self.reasons if r.role is Role.NOTE)

    @property
    def decisive_codes(self) -> frozenset[str]:
        """The set of decisive reason codes: what another implementation's answer is compared on."""
        return frozenset(r.code for r in self.reasons if r.role is Role.DECISIVE)

    @property
    def articles(self) -> tuple[Citation, ...]:
        """Every article and annex cited, once each, sorted."""
        refs = {c for r in self.reasons for c in r.articles}
        return tuple(sorted(c for c in refs if isinstance(c, ArticleRef))) + tuple(
            sorted(c for c in refs if isinstance(c, AnnexRef))
        )

    @property
    def rests_on_interpretation(self) -> bool:
        """True when any reason rests on a reading rather than the letter of the text."""
        return any(r.interpretation for r in self.reasons)

    def reason(self, code: str) -> Reason:
        """The reason with ``code``; :class:`InvalidInputError` when the ruling has none."""
        for r in self.reasons:
            if r.code == code:
                return r
        raise InvalidInputError("code", f"this ruling gives no reason {code}; it gives {sorted(self.codes)}")

    def _headline(self) -> str:
        return f"{type(self).__name__}: {self.outcome.name} ({self.outcome.en} / {self.outcome.zh})"

    def _extra_lines(self) -> list[str]:
        """Figures a subclass adds to ``str()`` below the headline."""
        return []

    def __str__(self) -> str:
        lines = [self._headline(), *self._extra_lines()]
        for title, reasons in (("because", self.decisive), ("notes", self.notes)):
            if not reasons:
                continue
            lines.append(f"  {title}:")
            for r in reasons:
                basis = _cite(r.articles) or "—"
                if r.authorities:
                    basis += "; " + "; ".join(r.authorities)
                flag = " [interpretation]" if r.interpretation else ""
                lines.append(f"  - {r.code} [{basis}]{flag}")
                lines.append(f"      {r.message_en}")
                lines.append(f"      {r.message_zh}")
        return "\n".join(lines)

    def explained(self, *, quote: bool = False) -> str:
        """``str()`` of the ruling; with ``quote``, the text of each article, paragraph or note a reason cites is
        shown under the reason, so the law is read beside the answer."""
        if not quote:
            return str(self)
        lines = [self._headline(), *self._extra_lines()]
        for r in self.reasons:
            basis = _cite(r.articles) or "—"
            if r.authorities:
                basis += "; " + "; ".join(r.authorities)
            flag = " [interpretation]" if r.interpretation else ""
            lines.append(f"  - {r.code} [{basis}]{flag}")
            lines.append(f"      {r.message_en}")
            lines.append(f"      {r.message_zh}")
            for citation in r.articles:
                quoted = citation.text.replace("\n", "\n          ")
                lines.append(f"      > {citation} {citation.zh}: {quoted}")
        return "\n".join(lines)

    # --- display: a short repr, and an HTML table for notebooks (issue 14) -------------------------------------

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # attrs writes a field-by-field __repr__ into every decorated subclass (thousands of characters for a
        # settlement); every ruling keeps the short one below instead.
        super().__init_subclass__(**kwargs)
        cls.__repr__ = Ruling.__repr__  # type: ignore[method-assign]

    def __repr__(self) -> str:
        decisive = [r.code for r in self.reasons if _role_name(r) != "NOTE"]
        notes = len(self.reasons) - len(decisive)
        tail = f"; {notes} note{'s' if notes != 1 else ''}" if notes else ""
        return f"{type(self).__name__}({self.outcome.name}: {', '.join(decisive) or 'no reason'}{tail})"

    def _repr_html_(self) -> str:
        # html is a notebook's only: a decision does not import it (issue 13's cold start)
        from html import escape as esc

        # decisive reasons first (a stable sort: their order within each group is the ruling's own)
        ordered = sorted(self.reasons, key=lambda r: _role_name(r) == "NOTE")
        rows = "".join(_reason_row(r) for r in ordered)
        figures = "".join(
            f'<tr><th style="{_CELL}">{esc(name)}</th><td style="{_CELL}">{esc(redact(text))}</td></tr>'
            for name, text in _figure_rows(self)
        )
        extra = "".join(f"<div>{esc(line.strip())}</div>" for line in self._extra_lines())
        return (
            f'<div style="text-align:left">'
            f"<div><strong>{esc(type(self).__name__)}</strong> "
            f'<span style="{_BADGE}">{esc(self.outcome.name)}</span> '
            f"{esc(self.outcome.en)} / {esc(self.outcome.zh)}</div>{extra}"
            + (f"<table><tbody>{figures}</tbody></table>" if figures else "")
            + "<table><thead><tr>"
            + "".join(f'<th style="{_CELL}">{h}</th>' for h in ("code", "articles", "interpretation", "why"))
            + f"</tr></thead><tbody>{rows}</tbody></table>"
            + ("<div><small>&#9733; decides the outcome</small></div>" if ordered else "")
            + "</div>"
        )


_CELL = "text-align:left;vertical-align:top;padding:2px 8px"
_BADGE = (
    "display:inline-block;padding:1px 8px;border-radius:9px;background:#1f5f99;color:#fff;font-weight:bold"
)


def _role_name(reason: Reason) -> str | None:
    """The reason's role (``DECISIVE``, ``NOTE``) once reasons carry one; ``None`` before (counted decisive)."""
    role = getattr(reason, "role", None)
    return None if role is None else str(getattr(role, "name", role)).upper()


def _reason_row(reason: Reason) -> str:
    """One reason as a table row: a star on a decisive one, a note in grey, each citation with its title."""
    from html import escape as esc

    note = _role_name(reason) == "NOTE"
    cited = "<br>".join(_citation_html(c) for c in reason.articles) or "&mdash;"
    if reason.authorities:
        cited += f"<br><small>{esc('; '.join(reason.authorities))}</small>"
    cells = (
        f"{'' if note else '&#9733; '}<code>{esc(reason.code)}</code>",
        cited,
        "yes" if reason.interpretation else "",
        f"{esc(reason.message_en)}<br>{esc(reason.message_zh)}",
    )
    colour = ' style="color:#666"' if note else ""
    role = "note" if note else "decisive"
    return (
        f'<tr data-role="{role}"{colour}>'
        + "".join(f'<td style="{_CELL}">{cell}</td>' for cell in cells)
        + "</tr>"
    )


def _citation_html(citation: Citation) -> str:
    """A citation with the title of what it cites: ``art. 13(1)`` and the article's title in both languages."""
    from .articles import ANNEXES, ARTICLES

    cited = (
        ARTICLES.get(citation.article) if isinstance(citation, ArticleRef) else ANNEXES.get(citation.annex)
    )
    from html import escape as esc

    title = f" <small>{esc(cited.title_en)} / {esc(cited.title_zh)}</small>" if cited else ""
    return f"{esc(str(citation))} ({esc(citation.zh)}){title}"


def _figure_text(value: object) -> str:
    if isinstance(value, Ruling):
        return str(value.outcome.name)
    if isinstance(value, enum.Enum):
        return str(value.name)
    if isinstance(value, Decimal):
        return format(value, ".2f")
    if isinstance(value, tuple | list | frozenset):
        return (
            ", ".join(sorted(_figure_text(v) for v in value))
            if isinstance(value, frozenset)
            else ", ".join(_figure_text(v) for v in value)
        )
    if value is None:
        return "—"
    return str(value)


def _figure_rows(ruling: Ruling[Any]) -> list[tuple[str, str]]:
    """A subclass's own fields (its figures), each as text."""
    names = [f.name for f in attrs.fields(type(ruling)) if f.name not in ("outcome", "reasons")]
    return [(name, _figure_text(getattr(ruling, name))) for name in names]
