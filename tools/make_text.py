"""Write the procedure's text as data: ``src/gongshang_rules/data/procedure-text.json``.

Reads the published text of 湘人社规〔2025〕24号 (``tests/data/hunan-procedure-xiangrenshegui-2025-24.txt``, as
published) and splits it as the library's citations count it:

* an **article** (条) starts at ``第N条``; its **paragraphs** (款) are its lines, in order, the first being the rest of
  the ``第N条`` line;
* an **item** (项) is a line starting ``（一）``, ``（二）``, ...: it belongs to the paragraph before it (article 4's
  items are ``art. 4 item 1``; article 9's are ``art. 9(1) item 1``, the line after them being ``art. 9(2)``);
* an **annex** (附件) is its text, line by line with the form's blank cells left out, and its **notes** (备注) the
  numbered lines of its 备注.

The chapter headings and the list of annexes after article 36 are not part of any article.

    python tools/make_text.py           # write the data file
    python tools/make_text.py --check   # exit 1 unless the committed data file is what this script writes
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "hunan-procedure-xiangrenshegui-2025-24.txt"
TARGET = ROOT / "src" / "gongshang_rules" / "data" / "procedure-text.json"

_NUMERALS = "一二三四五六七八九"
_CHAPTER = re.compile(r"^第[一二三四五六七八九十]+章")
_ARTICLE = re.compile(r"^第([一二三四五六七八九十]+)条\s*(.*)$")
_ITEM = re.compile(r"^（([一二三四五六七八九十]+)）\s*(.*)$")
_NOTE = re.compile(r"^(?:备注：)?(\d)\.\s*(.*)$")


def numeral(text: str) -> int:
    """一 → 1, 十三 → 13, 三十六 → 36."""
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)
    return _NUMERALS.index(text) + 1


def split(source: str) -> dict[str, Any]:
    lines = [line.strip() for line in source.splitlines()]
    start = next(i for i, line in enumerate(lines) if _CHAPTER.match(line))
    articles: list[dict[str, Any]] = []
    index = start
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line or _CHAPTER.match(line):
            continue
        if line.startswith("附件："):
            break
        article = _ARTICLE.match(line)
        if article:
            number = numeral(article.group(1))
            if number != len(articles) + 1:
                raise SystemExit(f"article {number} out of order")
            articles.append({"number": number, "paragraphs": [{"text": article.group(2), "items": []}]})
            continue
        item = _ITEM.match(line)
        paragraphs = articles[-1]["paragraphs"]
        if item:
            items = paragraphs[-1]["items"]
            if numeral(item.group(1)) != len(items) + 1:
                raise SystemExit(f"article {articles[-1]['number']}: item out of order: {line}")
            items.append(line)
        else:
            paragraphs.append({"text": line, "items": []})
    annexes = []
    heads = [i for i, line in enumerate(lines) if re.fullmatch(r"附件[12]", line)]
    for n, head in enumerate(heads, start=1):
        end = heads[n] if n < len(heads) else len(lines)
        body = [line for line in lines[head + 1 : end] if line]
        notes = []
        in_notes = False
        for line in body:
            note = _NOTE.match(line)
            if line.startswith("备注："):
                in_notes = True
            if in_notes and note:
                if int(note.group(1)) != len(notes) + 1:
                    raise SystemExit(f"annex {n}: note out of order: {line}")
                notes.append(note.group(2))
        annexes.append({"number": n, "title": body[0], "text": "\n".join(body), "notes": notes})
    return {
        "source": "湘人社规〔2025〕24号《湖南省工伤保险异地就医直接结算经办规程（试行）》, as published",
        "articles": articles,
        "annexes": annexes,
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare with the committed file; write nothing")
    args = parser.parse_args(argv)
    text = render(split(SOURCE.read_text(encoding="utf-8")))
    if args.check:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET.relative_to(ROOT)} is not what tools/make_text.py writes", file=sys.stderr)
            return 1
        print("procedure text current")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
