"""The article registry of 湘人社规〔2025〕24号, and how rules cite it.

The procedure has 36 articles in 6 chapters and two annexes (the filing forms). Every article is listed here with
its chapter, a short title in our own words, and whether it states a computable rule; the non-computable ones say
why not, so that every article is accounted for. Rules cite articles with :class:`ArticleRef` (article, paragraph,
item) or :class:`AnnexRef` (annex, note).

The law sits beside the code: every article carries its published text, split into paragraphs (款) and items (项)
as the citations count them (``data/procedure-text.json``, written by ``tools/make_text.py`` from the published
text), and every citation gives its sentence.

>>> ARTICLES[13].title_en
'Validity of a filing'
>>> ArticleRef(13, paragraph=1).text.split("。")[0]
'异地转诊转院备案有效期为3个月'
>>> ArticleRef(4, item=1).text.split("：")[0]
'（一）异地长期居住（工作）工伤职工'
>>> AnnexRef(2, note=5).text.split("，")[0]
'常驻异地工作工伤职工'
>>> str(ArticleRef(13, paragraph=2))
'art. 13(2)'
>>> ArticleRef(13, paragraph=2).zh
'第十三条第二款'
>>> ArticleRef(4, item=1).zh
'第四条第（一）项'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from . import _data
from .errors import InvalidInputError

__all__ = [
    "ANNEXES",
    "ARTICLES",
    "CHAPTERS",
    "Annex",
    "AnnexRef",
    "Article",
    "ArticleRef",
    "Chapter",
    "Citation",
]

ARTICLE_COUNT = 36


def chinese_numeral(n: int) -> str:
    """The Chinese numeral for 1 to 99, as used in article numbers.

    >>> [chinese_numeral(n) for n in (1, 10, 13, 20, 36)]
    ['一', '十', '十三', '二十', '三十六']
    """
    digits = "零一二三四五六七八九"
    if not 1 <= n <= 99:
        raise InvalidInputError("n", f"must be between 1 and 99, got {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens] + "十")
    return head + (digits[ones] if ones else "")


def _check_article(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= ARTICLE_COUNT:
        raise InvalidInputError(
            attribute.name, f"must be an article number 1 to {ARTICLE_COUNT}, got {value!r}"
        )


def _none_first(value: int | None) -> int:
    """Sort key: a citation of a whole article (or annex) comes before its paragraphs (or notes)."""
    return 0 if value is None else value


def _check_annex(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value not in (1, 2):
        raise InvalidInputError(attribute.name, f"must be annex 1 or 2, got {value!r}")


def _check_optional_small(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9):
        raise InvalidInputError(attribute.name, f"must be a number 1 to 9 or None, got {value!r}")


@attrs.frozen(order=True)
class ArticleRef:
    """A citation of an article of this procedure, optionally narrowed to a paragraph (款) and an item (项)."""

    article: int = attrs.field(validator=_check_article)
    paragraph: int | None = attrs.field(
        default=None, kw_only=True, validator=_check_optional_small, order=_none_first
    )
    item: int | None = attrs.field(
        default=None, kw_only=True, validator=_check_optional_small, order=_none_first
    )

    def __str__(self) -> str:
        text = f"art. {self.article}"
        if self.paragraph is not None:
            text += f"({self.paragraph})"
        if self.item is not None:
            text += f" item {self.item}"
        return text

    @property
    def zh(self) -> str:
        """The citation in Chinese: 第十三条第二款第（一）项."""
        text = f"第{chinese_numeral(self.article)}条"
        if self.paragraph is not None:
            text += f"第{chinese_numeral(self.paragraph)}款"
        if self.item is not None:
            text += f"第（{chinese_numeral(self.item)}）项"
        return text

    @property
    def text(self) -> str:
        """The cited text: the whole article, one paragraph (with its items), or one item.

        An item cited without a paragraph is an item of the article's only list (article 4's). A paragraph or an
        item the article does not have raises :class:`InvalidInputError` naming it.
        """
        article = ARTICLES[self.article]
        if self.paragraph is None and self.item is None:
            return article.text
        if self.paragraph is not None:
            if self.paragraph > len(article.paragraphs):
                raise InvalidInputError(
                    "paragraph", f"article {self.article} has {len(article.paragraphs)} paragraph(s)"
                )
            paragraph = article.paragraphs[self.paragraph - 1]
        else:
            paragraph = next((p for p in article.paragraphs if p.items), article.paragraphs[0])
        if self.item is None:
            return paragraph.full_text
        if self.item > len(paragraph.items):
            raise InvalidInputError("item", f"{paragraph.ref} has {len(paragraph.items)} item(s)")
        return paragraph.items[self.item - 1]


@attrs.frozen(order=True)
class AnnexRef:
    """A citation of annex 1 or 2 (the filing forms), optionally of one of its notes (备注)."""

    annex: int = attrs.field(validator=_check_annex)
    note: int | None = attrs.field(
        default=None, kw_only=True, validator=_check_optional_small, order=_none_first
    )

    def __str__(self) -> str:
        return f"annex {self.annex}" + (f" note {self.note}" if self.note is not None else "")

    @property
    def zh(self) -> str:
        """The citation in Chinese: 附件2备注5."""
        return f"附件{self.annex}" + (f"备注{self.note}" if self.note is not None else "")

    @property
    def text(self) -> str:
        """The cited text: the annex form's text, or one of its notes (备注)."""
        annex = ANNEXES[self.annex]
        if self.note is None:
            return annex.text
        if self.note > len(annex.notes):
            raise InvalidInputError("note", f"annex {self.annex} has {len(annex.notes)} note(s)")
        return annex.notes[self.note - 1]


Citation = ArticleRef | AnnexRef


@attrs.frozen(kw_only=True)
class Chapter:
    """One of the procedure's six chapters."""

    number: int
    title_zh: str
    title_en: str
    articles: range


@attrs.frozen(kw_only=True)
class Paragraph:
    """One paragraph (款) of an article as published: its own sentences and its items (项), each as printed
    (``（一）…``)."""

    article: int
    number: int
    text: str
    items: tuple[str, ...] = ()

    @property
    def full_text(self) -> str:
        """The paragraph with its items, one per line."""
        return "\n".join((self.text, *self.items))

    @property
    def ref(self) -> ArticleRef:
        return ArticleRef(self.article, paragraph=self.number)


@attrs.frozen(kw_only=True)
class Article:
    """One article: where it stands, what it is about, whether a rule can compute it, and its text.

    ``pending`` names the issue that will encode a computable article not encoded yet; ``None`` once it is.
    ``paragraphs`` is the published text, paragraph by paragraph.
    """

    number: int
    chapter: int
    title_zh: str
    title_en: str
    computable: bool
    why_not_computable: str | None = None
    pending: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()

    @property
    def ref(self) -> ArticleRef:
        return ArticleRef(self.number)

    @property
    def text(self) -> str:
        """The article's text (without its heading 第N条), a paragraph or item per line."""
        return "\n".join(p.full_text for p in self.paragraphs)


@attrs.frozen(kw_only=True)
class Annex:
    """One of the two annex forms."""

    number: int
    title_zh: str
    title_en: str
    used_for: str
    pending: str | None = None
    text: str = ""
    notes: tuple[str, ...] = ()


CHAPTERS: Mapping[int, Chapter] = MappingProxyType(
    {
        1: Chapter(number=1, title_zh="总则", title_en="General provisions", articles=range(1, 8)),
        2: Chapter(number=2, title_zh="备案管理", title_en="Filing", articles=range(8, 14)),
        3: Chapter(
            number=3, title_zh="就医管理与费用结算", title_en="Care and settlement", articles=range(14, 23)
        ),
        4: Chapter(
            number=4, title_zh="资金管理与费用清算", title_en="Funds and clearing", articles=range(23, 28)
        ),
        5: Chapter(number=5, title_zh="核查监督", title_en="Supervision", articles=range(28, 34)),
        6: Chapter(number=6, title_zh="附则", title_en="Supplementary provisions", articles=range(34, 37)),
    }
)

_PURPOSE = "states the procedure's purpose and legal basis; it decides no case"
_DUTY = "states a duty of service or management with no condition or deadline a rule could evaluate"

# (number, title_zh, title_en, computable, why_not, pending)
_TABLE: tuple[tuple[int, str, str, bool, str | None, str | None], ...] = (
    (1, "目的和依据", "Purpose and legal basis", False, _PURPOSE, None),
    (2, "适用范围与用语", "Scope and terms (out-of-area, insured place, treatment place)", True, None, None),
    (
        3,
        "市州内与省本级不纳入异地管理",
        "Care within one city, and provincial-level workers",
        True,
        None,
        None,
    ),
    (4, "可申请直接结算的工伤职工", "Who may apply for direct settlement", True, None, None),
    (5, "可直接结算的费用", "Costs that may be settled directly", True, None, None),
    (
        6,
        "依托湖南人社一体化平台",
        "Settlement through the Hunan HR and social security platform",
        True,
        None,
        None,
    ),
    (
        7,
        "统一管理、分级负责",
        "Division of work between provincial, city and county agencies",
        True,
        None,
        None,
    ),
    (8, "备案管理与申请渠道", "Filing, applicants and channels", True, None, None),
    (9, "备案表与申请材料", "Filing forms and materials", True, None, None),
    (10, "备案办理时限", "Review of a filing within 5 working days", True, None, None),
    (11, "备案动态管理与变更", "Changes to a filing", True, None, None),
    (12, "入院前备案与补办备案", "Filing before admission, and back-filing", True, None, None),
    (13, "备案有效期", "Validity of a filing", True, None, None),
    (
        14,
        "异地就医直接结算协议机构库",
        "The registry of direct-settlement institutions",
        True,
        None,
        None,
    ),
    (15, "同等服务", "Equal service for out-of-area workers", False, _DUTY, None),
    (16, "持卡就医结算", "Settling with a social security card", True, None, None),
    (
        17,
        "目录标准与伙食补助、交通食宿费",
        "Catalogs, meal allowance, travel and lodging",
        True,
        None,
        None,
    ),
    (
        18,
        "入院核验与出院结算",
        "Checks at admission and settlement at discharge",
        True,
        None,
        None,
    ),
    (19, "异地配置辅助器具结算", "Settling assistive devices", True, None, None),
    (20, "月度审核对账与拒付", "Monthly audit, reconciliation and refusals", True, None, None),
    (21, "省内异地对账时限", "Reconciliation deadlines within the province", True, None, None),
    (
        22,
        "无法直接结算时手工报销",
        "Manual reimbursement when direct settlement fails",
        True,
        None,
        None,
    ),
    (23, "预付金与清算的定义", "Prepayment and clearing defined", True, None, None),
    (
        24,
        "跨省先预付后清算",
        "Cross-province: prepay, then clear; no bank fees on the fund",
        True,
        None,
        None,
    ),
    (25, "费用列支与垫付", "Whose fund bears the cost, and who advances it", True, None, None),
    (26, "用款计划", "The city's fund-use plan", True, None, None),
    (27, "年终清算", "Annual clearing", True, None, None),
    (28, "就医地管理", "Treatment-place management of care", False, _DUTY, None),
    (29, "投诉举报", "Complaints and reports", False, _DUTY, None),
    (30, "严重违规暂停直接结算", "Suspension for serious violations", True, None, None),
    (
        31,
        "疑点核查与追回的责任",
        "Who leads the recovery of wrongly paid benefits",
        True,
        None,
        None,
    ),
    (32, "联审互查重点", "Joint audits: what they look for", True, None, None),
    (33, "运行监控与风险预警", "Monitoring and risk warning", False, _DUTY, None),
    (
        34,
        "业务档案保管",
        "Keeping the case files",
        False,
        "assigns record keeping to the agency that handled each task; no outcome depends on it",
        None,
    ),
    (35, "政策宣传与就医指引", "Publicity and guidance", False, _DUTY, None),
    (36, "施行日期与有效期", "In force, and national rules prevail", True, None, None),
)


def _chapter_of(number: int) -> int:
    return next(c.number for c in CHAPTERS.values() if number in c.articles)


def _published_text() -> Any:
    """The procedure's text as data (``data/procedure-text.json``)."""
    return json.loads(_data.text("data", "procedure-text.json"))


_TEXT = _published_text()
_PARAGRAPHS: dict[int, tuple[Paragraph, ...]] = {
    entry["number"]: tuple(
        Paragraph(article=entry["number"], number=index, text=p["text"], items=tuple(p["items"]))
        for index, p in enumerate(entry["paragraphs"], start=1)
    )
    for entry in _TEXT["articles"]
}
_ANNEX_TEXT: dict[int, Any] = {entry["number"]: entry for entry in _TEXT["annexes"]}


ARTICLES: Mapping[int, Article] = MappingProxyType(
    {
        number: Article(
            number=number,
            chapter=_chapter_of(number),
            title_zh=zh,
            title_en=en,
            computable=computable,
            why_not_computable=why_not,
            pending=pending,
            paragraphs=_PARAGRAPHS[number],
        )
        for number, zh, en, computable, why_not, pending in _TABLE
    }
)

ANNEXES: Mapping[int, Annex] = MappingProxyType(
    {
        1: Annex(
            number=1,
            title_zh="工伤保险异地就医（康复）直接结算备案表",
            title_en="Filing form for out-of-area medical care and rehabilitation",
            used_for="medical care and rehabilitation (article 9)",
            text=_ANNEX_TEXT[1]["text"],
            notes=tuple(_ANNEX_TEXT[1]["notes"]),
        ),
        2: Annex(
            number=2,
            title_zh="工伤保险异地配置辅助器具直接结算备案表",
            title_en="Filing form for out-of-area assistive devices",
            used_for="assistive devices, including replacement (article 9)",
            text=_ANNEX_TEXT[2]["text"],
            notes=tuple(_ANNEX_TEXT[2]["notes"]),
        ),
    }
)
