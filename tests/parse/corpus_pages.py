"""Pages built from ../shared/corpus/rmrb-2019-10 in the five layouts real exports use,
with the labels the raw files give for free, and a scorer for the parser on them.

`python -m tests.parse.corpus_pages [--from YYYYMMDD] [--to YYYYMMDD]` prints the scores
per layout (days before 20191020 were used while tuning; later days are held out).
The raw files are read from ../shared at run time, never copied into the repository.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reader.parse.furniture import is_furniture
from reader.parse.page import parse_text
from reader.parse.punctuation import fold_punctuation

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "rmrb-2019-10"
LAYOUTS = ("crawler", "blank", "blank-ascii", "blank-single", "listing", "header", "archive")
HELD_OUT_FROM = "20191020"
_COLUMN_NAME = re.compile(r"（([^（）]{2,12})）$")
_INDENT = "\u3000\u3000"
_TO_ASCII = str.maketrans({"，": ", ", "；": "; ", "：": ": ", "（": "(", "）": ")"})


@dataclass
class Story:
    """One raw article: its headline lines, its title (the 2nd crawler line), its body."""

    headlines: list[str]
    title: str
    paragraphs: list[str]
    #: A column label printed on its own line above the headlines (layout d).
    section: str | None = None


@dataclass
class Page:
    text: str
    stories: list[Story]
    #: Substrings across each column break (layout b), each expected inside one paragraph.
    joins: list[str]


def read_story(path: Path) -> Story | None:
    lines = path.read_bytes().decode("utf-8").replace("\u00a0", " ").split("\r\n")
    body_start = next((i for i, line in enumerate(lines) if line.startswith(_INDENT)), None)
    if body_start is None or body_start > 4:
        return None  # 广告 pages and speeches with unindented salutations
    heads = [line.strip() for line in lines[:body_start]]
    paragraphs = [line.strip() for line in lines[body_start:] if line.strip()]
    title = heads[1] if len(heads) > 1 else ""
    if not title or not paragraphs or len(heads) > 3:
        return None
    return Story([h for h in heads if h], title, paragraphs)


def page_groups(first_day: str = "", last_day: str = "99999999") -> list[list[Story]]:
    """The corpus's printed pages (day, page number) with at least two readable stories."""
    groups: dict[str, list[Story]] = {}
    for path in sorted(CORPUS.glob("*/*.txt")):
        day, page, _ = path.stem.split("-")
        if not first_day <= day <= last_day:
            continue
        story = read_story(path)
        if story is not None:
            groups.setdefault(f"{day}-{page}", []).append(story)
    return [stories for stories in groups.values() if len(stories) >= 2]


def _column_label_on_top(story: Story) -> Story:
    """Layout d: a column name in brackets after the title (`…（人民时评）`) is printed as
    its own line above the headlines, and the title loses it."""
    match = _COLUMN_NAME.search(story.title)
    if match is None:
        return story
    title = story.title[: match.start()]
    headlines = [title if line == story.title else line for line in story.headlines]
    return Story(headlines, title, story.paragraphs, section=match.group(1))


def build_page(stories: list[Story], layout: str, seed: int = 0) -> Page:
    """Join stories in one layout (see ../shared/corpus/README.md for the five layouts)."""
    rng = random.Random(seed)
    joins: list[str] = []
    if layout == "header":
        stories = [_column_label_on_top(story) for story in stories]
    if layout in ("crawler", "header", "listing"):
        blocks = []
        for story in stories:
            lines = [*story.headlines, *(_INDENT + p for p in story.paragraphs)]
            if story.section:
                lines.insert(0, story.section)
            blocks.append("\n".join(lines))
        gap = "\n" if layout == "listing" else "\n\n"
        text = gap.join(blocks) + "\n"
        if layout == "crawler":
            text = text.replace("\n", "\r\n")
        if layout == "header":
            text = "2019年10月21日 星期一\n第4版（要闻）\n\n" + text
        return Page(text, stories, joins)
    if layout == "archive":
        blocks = [
            "第4版(要闻)\n专栏:\n\n" + "\n".join([*story.headlines, *story.paragraphs])
            for story in stories
        ]
        return Page("\n\n".join(blocks) + "\n", stories, joins)
    articles = []
    for number, story in enumerate(stories):
        pieces = list(story.paragraphs)
        if number % 2 and pieces:
            longest = max(range(len(pieces)), key=lambda i: len(pieces[i]))
            text = pieces[longest]
            if len(text) > 40:
                cut = int(len(text) * rng.uniform(0.35, 0.7))
                pieces[longest : longest + 1] = [text[:cut], text[cut:]]
                joins.append(text[cut - 8 : cut + 8])
        articles.append("\n\n".join([*story.headlines, *pieces]))
    # `blank-single`: one blank line between articles too, as between every block (nothing
    # but the content tells where a story begins).
    text = ("\n\n" if layout == "blank-single" else "\n\n\n").join(articles) + "\n"
    if layout == "blank-ascii":
        text = text.translate(_TO_ASCII)
    return Page(text, stories, joins)


def _norm(text: str) -> str:
    return "".join(c for c in fold_punctuation(text) if not c.isspace())


@dataclass
class Score:
    articles: int = 0
    titles: int = 0
    headlines: int = 0
    stories: int = 0
    joins: int = 0
    joins_n: int = 0
    chars_lost: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def share(self, name: str) -> float:
        total = self.joins_n if name == "joins" else self.stories
        return getattr(self, name) / total if total else 1.0

    def line(self) -> str:
        n = self.stories
        return (
            f"articles {self.articles}/{n} · titles {self.titles}/{n} · headlines "
            f"{self.headlines}/{n} · joins {self.joins}/{self.joins_n} · "
            f"chars lost {self.chars_lost}"
        )


def _last_text(story: Story) -> str:
    """The story's last paragraph that is not page furniture (`版式设计：…`)."""
    for paragraph in reversed(story.paragraphs):
        if not is_furniture(paragraph):
            return paragraph
    return story.paragraphs[0]


def score_page(page: Page) -> Score:
    """Segmentation (first and last words of a story in one output article that holds
    no other story's), title, headline block, column breaks joined, characters lost."""
    parsed = parse_text(page.text)
    bodies = [_norm("".join(a.printed_texts())) for a in parsed.articles]
    score = Score(stories=len(page.stories))
    owners: list[int | None] = []
    for story in page.stories:
        first, last = _norm(story.paragraphs[0])[-12:], _norm(_last_text(story))[-12:]
        found = [i for i, body in enumerate(bodies) if first in body and last in body]
        owners.append(found[0] if len(found) == 1 else None)
    counts = Counter(owner for owner in owners if owner is not None)
    for story, owner in zip(page.stories, owners, strict=True):
        if owner is None or counts[owner] > 1:
            continue
        score.articles += 1
        article = parsed.articles[owner]
        score.titles += _norm(article.title) == _norm(story.title)
        score.headlines += [_norm(h) for h in article.headlines] == [
            _norm(h) for h in story.headlines
        ] and _norm(article.section or "") == _norm(story.section or "")
    paragraphs = [_norm(p) for a in parsed.articles for p in a.paragraphs]
    for join in page.joins:
        score.joins_n += 1
        score.joins += any(_norm(join) in p for p in paragraphs)
    printed = Counter(_norm("".join(parsed.printed_texts())))
    score.chars_lost = sum((Counter(_norm(page.text)) - printed).values())
    return score


def score_layouts(first_day: str, last_day: str) -> dict[str, Score]:
    groups = page_groups(first_day, last_day)
    scores = {}
    for layout in LAYOUTS:
        total = Score()
        for seed, stories in enumerate(groups):
            total.add(score_page(build_page(stories, layout, seed)))
        scores[layout] = total
    return scores


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--from", dest="first", default=HELD_OUT_FROM)
    options.add_argument("--to", dest="last", default="99999999")
    args = options.parse_args()
    for layout, score in score_layouts(args.first, args.last).items():
        print(f"{layout:12} {score.line()}")


if __name__ == "__main__":
    main()
