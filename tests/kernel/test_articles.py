"""The article registry: 36 articles in 6 chapters and two annexes, every one accounted for.

Chapter boundaries and headings are those of the legal text (第一章 总则 … 第六章 附则). SPEC.md "In force and
non-computable articles": articles 1, 15, 28, 29, 33, 34 and 35 have no computable outcome and say why.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from gongshang_rules import ANNEXES, ARTICLES, CHAPTERS, REASONS, AnnexRef, ArticleRef, InvalidInputError
from gongshang_rules.kernel.articles import chinese_numeral

# (chapter, heading in the text, first article, last article)
CHAPTER_TABLE = [
    (1, "总则", 1, 7),
    (2, "备案管理", 8, 13),
    (3, "就医管理与费用结算", 14, 22),
    (4, "资金管理与费用清算", 23, 27),
    (5, "核查监督", 28, 33),
    (6, "附则", 34, 36),
]
NOT_COMPUTABLE = {1, 15, 28, 29, 33, 34, 35}


class TestRegistry:
    """ARTICLES, CHAPTERS and ANNEXES as the text lays them out."""

    def test_there_are_36_articles_numbered_1_to_36(self) -> None:
        """Every article is listed once, under its own number."""
        assert sorted(ARTICLES) == list(range(1, 37))
        assert all(article.number == number for number, article in ARTICLES.items())
        assert all(article.ref == ArticleRef(number) for number, article in ARTICLES.items())

    @pytest.mark.parametrize(("number", "heading", "first", "last"), CHAPTER_TABLE)
    def test_each_chapter_has_its_heading_and_articles(
        self, number: int, heading: str, first: int, last: int
    ) -> None:
        """Chapter n spans the articles between its heading and the next one in the text."""
        chapter = CHAPTERS[number]
        assert chapter.title_zh == heading
        assert list(chapter.articles) == list(range(first, last + 1))
        assert all(ARTICLES[a].chapter == number for a in range(first, last + 1))

    def test_the_six_chapters_cover_every_article_once(self) -> None:
        """No article is in two chapters or in none."""
        assert sorted(CHAPTERS) == [1, 2, 3, 4, 5, 6]
        covered = [a for chapter in CHAPTERS.values() for a in chapter.articles]
        assert sorted(covered) == list(range(1, 37))

    def test_the_non_computable_articles_are_those_of_the_spec(self) -> None:
        """Articles 1, 15, 28, 29, 33, 34 and 35 are not computable; all others are."""
        assert {n for n, a in ARTICLES.items() if not a.computable} == NOT_COMPUTABLE

    def test_every_non_computable_article_says_why(self) -> None:
        """A non-computable article has a why_not_computable text; a computable one has none."""
        for article in ARTICLES.values():
            if article.computable:
                assert article.why_not_computable is None, article.number
            else:
                assert article.why_not_computable and article.why_not_computable.strip(), article.number

    def test_only_computable_articles_are_pending(self) -> None:
        """Pending names the issue that will encode a computable article; nothing is pending to explain."""
        assert all(a.computable for a in ARTICLES.values() if a.pending is not None)

    def test_every_article_has_titles_in_both_languages(self) -> None:
        """A short Chinese and English title each."""
        assert all(a.title_zh.strip() and a.title_en.strip() for a in ARTICLES.values())

    def test_the_two_annexes_are_the_filing_forms(self) -> None:
        """Annex 1: medical care and rehabilitation; annex 2: assistive devices (article 9)."""
        assert sorted(ANNEXES) == [1, 2]
        assert ANNEXES[1].title_zh == "工伤保险异地就医（康复）直接结算备案表"
        assert ANNEXES[2].title_zh == "工伤保险异地配置辅助器具直接结算备案表"


class TestEveryEncodedArticleIsCited:
    """The strictness test: an article marked computable and not pending must be cited by some reason."""

    def test_every_computable_article_not_pending_is_cited_by_a_reason(self) -> None:
        """Collect ArticleRef.article over every template in REASONS; each encoded article must be among them."""
        cited = {
            c.article for template in REASONS.values() for c in template.articles if isinstance(c, ArticleRef)
        }
        encoded = {n for n, a in ARTICLES.items() if a.computable and a.pending is None}
        assert encoded - cited == set()

    def test_the_check_above_is_not_vacuous(self) -> None:
        """At least the foundation's articles 2, 3, 4 and 36 are encoded, so the check has work to do."""
        encoded = {n for n, a in ARTICLES.items() if a.computable and a.pending is None}
        assert {2, 3, 4, 36} <= encoded

    def test_every_reason_cites_an_existing_article(self) -> None:
        """Reasons cite articles 1 to 36 only (ArticleRef refuses any other) and cite something."""
        for code, template in REASONS.items():
            assert template.articles or template.authorities, code
            assert all(isinstance(c, ArticleRef | AnnexRef) for c in template.articles), code


class TestArticleRef:
    """Citations render in English and in Chinese (第十三条第二款)."""

    @pytest.mark.parametrize(
        ("ref", "en", "zh"),
        [
            (ArticleRef(13), "art. 13", "第十三条"),
            (ArticleRef(13, paragraph=2), "art. 13(2)", "第十三条第二款"),
            (ArticleRef(4, item=1), "art. 4 item 1", "第四条第（一）项"),
            (ArticleRef(9, paragraph=1, item=3), "art. 9(1) item 3", "第九条第一款第（三）项"),
            (ArticleRef(36), "art. 36", "第三十六条"),
            (ArticleRef(20, paragraph=2), "art. 20(2)", "第二十条第二款"),
            (ArticleRef(10), "art. 10", "第十条"),
        ],
    )
    def test_a_citation_renders_in_both_languages(self, ref: ArticleRef, en: str, zh: str) -> None:
        """str() is the English citation; .zh the Chinese one."""
        assert str(ref) == en
        assert ref.zh == zh

    @pytest.mark.parametrize("number", [37, 0, -1, True, "13", 13.0, None])
    def test_an_article_outside_1_to_36_is_refused(self, number: object) -> None:
        """ArticleRef(37) raises InvalidInputError naming 'article'; so do non-ints."""
        with pytest.raises(InvalidInputError) as caught:
            ArticleRef(number)  # type: ignore[arg-type]
        assert caught.value.field == "article"

    @pytest.mark.parametrize(
        ("field", "value"), [("paragraph", 0), ("paragraph", 10), ("item", True), ("item", "1")]
    )
    def test_a_bad_paragraph_or_item_is_refused(self, field: str, value: object) -> None:
        """Paragraphs and items are numbers 1 to 9."""
        with pytest.raises(InvalidInputError) as caught:
            ArticleRef(13, **{field: value})  # type: ignore[arg-type]
        assert caught.value.field == field

    def test_refs_are_values(self) -> None:
        """Equal citations are equal and hash alike."""
        assert ArticleRef(13, paragraph=1) == ArticleRef(13, paragraph=1)
        assert len({ArticleRef(13, paragraph=1), ArticleRef(13, paragraph=1), ArticleRef(13)}) == 2

    # Regression (fixed in 8dcd422): comparing art. 13 with art. 13(1) compared None with an int (TypeError).
    def test_citations_of_one_article_sort_whole_article_first(self) -> None:
        """art. 13 sorts before art. 13(1), which sorts before art. 13(2)."""
        refs = [ArticleRef(13, paragraph=2), ArticleRef(13), ArticleRef(13, paragraph=1)]
        assert sorted(refs) == [ArticleRef(13), ArticleRef(13, paragraph=1), ArticleRef(13, paragraph=2)]


class TestAnnexRef:
    """Annex citations: annex 1 or 2, optionally a note (备注)."""

    @pytest.mark.parametrize(
        ("ref", "en", "zh"),
        [(AnnexRef(1), "annex 1", "附件1"), (AnnexRef(2, note=5), "annex 2 note 5", "附件2备注5")],
    )
    def test_an_annex_citation_renders_in_both_languages(self, ref: AnnexRef, en: str, zh: str) -> None:
        """str() is English, .zh Chinese."""
        assert str(ref) == en
        assert ref.zh == zh

    def test_a_bad_note_is_refused(self) -> None:
        """Notes are numbered 1 to 9."""
        with pytest.raises(InvalidInputError) as caught:
            AnnexRef(2, note=0)
        assert caught.value.field == "note"

    # Regression (fixed in 8dcd422): a bad annex raised attrs' bare ValueError, not InvalidInputError.
    @pytest.mark.parametrize("annex", [3, 0, "1"])
    def test_an_annex_other_than_1_or_2_is_refused_naming_the_field(self, annex: object) -> None:
        """The procedure has annexes 1 and 2 only: InvalidInputError naming 'annex'."""
        with pytest.raises(InvalidInputError) as caught:
            AnnexRef(annex)  # type: ignore[arg-type]
        assert caught.value.field == "annex"


class TestChineseNumeral:
    """Chinese numerals for article, paragraph and item numbers."""

    @pytest.mark.parametrize(
        ("n", "zh"),
        [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (36, "三十六"),
            (99, "九十九"),
        ],
    )
    def test_numbers_render_as_in_article_headings(self, n: int, zh: str) -> None:
        """As in 第十条, 第二十一条, 第三十六条."""
        assert chinese_numeral(n) == zh

    @pytest.mark.parametrize("n", [0, 100])
    def test_numbers_outside_1_to_99_are_refused(self, n: int) -> None:
        """No article, paragraph or item is numbered 0 or 100."""
        with pytest.raises(InvalidInputError):
            chinese_numeral(n)

    def test_every_article_heading_of_the_text_can_be_written(self) -> None:
        """第一条 to 第三十六条: each article's Chinese citation is 第<numeral>条."""
        headings = [ArticleRef(n).zh for n in range(1, 37)]
        assert headings[0] == "第一条" and headings[-1] == "第三十六条"
        assert len(set(headings)) == 36


SOURCE = Path(__file__).parents[1] / "data" / "hunan-procedure-xiangrenshegui-2025-24.txt"


def squeeze(text: str) -> str:
    """The text with every whitespace character removed: the comparison ignores layout, never a character."""
    return re.sub(r"\s+", "", text)


class TestThePublishedText:
    """The law beside the code: the shipped text is the published one, split as the citations count it."""

    def source(self) -> str:
        return SOURCE.read_text(encoding="utf-8")

    def test_the_articles_are_the_published_text(self) -> None:
        """From 第一章 to the annex list after article 36, the text is the articles' text, headings aside."""
        text = self.source()
        body = text[text.index("第一章") : text.index("附件：1.")]
        body = re.sub(r"第[一二三四五六七八九十]+章\s+\S+(\s+\S+)?\n", "", body)  # 第一章  总  则
        published = re.split(r"第[一二三四五六七八九十]+条", squeeze(body))[1:]
        assert len(published) == 36
        for number, expected in enumerate(published, start=1):
            assert squeeze(ARTICLES[number].text) == expected, number

    def test_the_annexes_are_the_published_forms(self) -> None:
        """Each annex's text is the form as published; its notes are the 备注 numbered 1 to 5 (annex 1) and 6."""
        text = self.source()
        first, second = text.index("附件1\n"), text.index("附件2\n")
        assert squeeze(ANNEXES[1].text) == squeeze(text[first + 3 : second])
        assert squeeze(ANNEXES[2].text) == squeeze(text[second + 3 :])
        assert (len(ANNEXES[1].notes), len(ANNEXES[2].notes)) == (5, 6)
        assert ANNEXES[1].text.startswith(ANNEXES[1].title_zh)

    def test_the_data_file_is_what_the_tool_writes(self) -> None:
        """tools/make_text.py --check: the committed data file comes from the published text."""
        tools = Path(__file__).resolve().parents[2] / "tools"
        sys.path.insert(0, str(tools))
        try:
            import make_text
        finally:
            sys.path.remove(str(tools))
        assert make_text.main(["--check"]) == 0

    @pytest.mark.parametrize(
        ("ref", "start"),
        [
            (ArticleRef(13, paragraph=1), "异地转诊转院备案有效期为3个月。"),
            (ArticleRef(13, paragraph=2), "备案有效期内已办理住院手续的"),
            (ArticleRef(4, item=2), "（二）异地转诊转院工伤职工"),
            (ArticleRef(9, paragraph=1, item=1), "（一）异地转诊转院的"),
            (ArticleRef(9, paragraph=2), "线下申请的"),
            (ArticleRef(36), "本规程自2025年8月1日起实施"),
            (AnnexRef(2, note=5), "常驻异地工作工伤职工"),
            (AnnexRef(1), "工伤保险异地就医（康复）直接结算备案表"),
        ],
    )
    def test_a_citation_gives_its_sentence(self, ref: ArticleRef | AnnexRef, start: str) -> None:
        """Paragraphs (款) are the article's lines; items (项) belong to the paragraph before them."""
        assert ref.text.startswith(start)

    def test_a_paragraph_with_items_includes_them(self) -> None:
        """art. 9(1) is the sentence and its three items."""
        assert ArticleRef(9, paragraph=1).text.count("\n") == 3
        assert ARTICLES[9].paragraphs[0].ref == ArticleRef(9, paragraph=1)

    def test_every_citation_of_the_library_has_text(self) -> None:
        """No reason cites a paragraph, item or note the procedure does not have."""
        for template in REASONS.values():
            for citation in template.articles:
                assert citation.text, (template.code, str(citation))

    @pytest.mark.parametrize(
        ("ref", "field"),
        [
            (ArticleRef(13, paragraph=3), "paragraph"),
            (ArticleRef(4, item=3), "item"),
            (ArticleRef(9, paragraph=2, item=1), "item"),
            (AnnexRef(1, note=6), "note"),
        ],
    )
    def test_a_citation_beyond_the_text_names_what_is_missing(
        self, ref: ArticleRef | AnnexRef, field: str
    ) -> None:
        """Article 13 has two paragraphs, article 4 two items, annex 1 five notes."""
        with pytest.raises(InvalidInputError) as caught:
            _ = ref.text
        assert caught.value.field == field
