"""Train the headline models: `python -m reader.parse.training [CORPUS] [--until DAY]`.

Reads People's Daily files (../shared/corpus/rmrb-2019-10: line 1 the kicker, line 2 the
title, line 3 the subtitle, then `　　`-indented paragraphs), days up to `--until` only so
that later days stay held out, and writes two logistic regressions (see `headline_model`)
to resources/models/:
- headline_roles.json from every two-line block the marks leave undecided;
- column_label.json from column names (`（人民时评）` after a title, printed above it as
  layout d does) and short kickers;
- headline_block.json from the stories as pages without indents print them (a blank line
  or nothing between blocks, ASCII punctuation or not, the longest paragraph of every
  other story cut by a column break): each short line under a headline, labelled
  headline or story.
Pure Python (stochastic gradient descent with L2); prints accuracies on the held-out days
next to the rules' own.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from collections.abc import Iterator
from pathlib import Path

from reader.parse.headline_model import (
    BLOCK,
    LABEL,
    MODELS_DIR,
    ROLES,
    START,
    block_features,
    is_column_label,
    label_features,
    model_weights,
    pair_features,
    second_is_subtitle,
    start_features,
    starts_article,
    still_headline,
)
from reader.parse.headlines import decided_by_marks
from reader.parse.layout import Kind, could_be_headline, ends_sentence, split_lines

_INDENT = "\u3000\u3000"
_EPOCHS = 40
_LEARNING_RATE = 0.1
_L2 = 1e-4
_MIN_WEIGHT = 1e-3
_COLUMN_NAME = re.compile(r"（([^（）]{2,12})）$")
_TO_ASCII = str.maketrans({"，": ", ", "；": "; ", "：": ": ", "（": "(", "）": ")"})
#: Mirrors `articles._BODY_LABEL_CHARS`: shorter lines end a block by rule.
_BODY_LABEL_CHARS = 4

Example = tuple[list[str], int]


def stories(corpus: Path, first: str, last: str) -> Iterator[tuple[list[str], list[str]]]:
    """(headline lines as in the file: kicker, title, subtitle, "" when absent; paragraphs)."""
    for _, story in paged_stories(corpus, first, last):
        yield story


def paged_stories(
    corpus: Path, first: str, last: str
) -> Iterator[tuple[str, tuple[list[str], list[str]]]]:
    """Each story with its printed page (`YYYYMMDD-PP`)."""
    for path in sorted(corpus.glob("*/*.txt")):
        if not first <= path.parent.name <= last:
            continue
        lines = path.read_bytes().decode("utf-8").replace("\u00a0", " ").split("\r\n")
        if len(lines) < 4 or not lines[3].startswith(_INDENT):
            continue  # 广告 pages, speeches with unindented salutations
        paragraphs = [line.strip() for line in lines[3:] if line.strip()]
        if paragraphs and lines[1].strip():
            yield path.stem[:11], ([line.strip() for line in lines[:3]], paragraphs)


def role_examples(corpus: Path, first: str, last: str) -> list[Example]:
    examples = []
    for (kicker, title, subtitle), _ in stories(corpus, first, last):
        if bool(kicker) == bool(subtitle):
            continue
        top, bottom = (kicker, title) if kicker else (title, subtitle)
        if decided_by_marks(top, bottom) is None:
            examples.append((pair_features(top, bottom), 0 if kicker else 1))
    return examples


LabelCase = tuple[str, str, bool, int]
#: Mirrors `articles._LABEL_MAX_CHARS`: only lines this short may be column labels.
_LABEL_MAX_CHARS = 12


def label_cases(corpus: Path, first: str, last: str) -> list[LabelCase]:
    """(short line, the headline under it, whether it recurs in the story, 1 if it is a
    column label): column names moved above the title as layout d prints them, and short
    kickers as printed."""
    cases = []
    for (kicker, title, _), paragraphs in stories(corpus, first, last):
        body = "".join(paragraphs)
        match = _COLUMN_NAME.search(title)
        if match and len(match.group(1)) <= _LABEL_MAX_CHARS:
            bare = title[: match.start()]
            cases.append((match.group(1), kicker or bare, match.group(1) in body, 1))
        if kicker and len(kicker) <= _LABEL_MAX_CHARS and not kicker.endswith(("——", "：")):
            cases.append((kicker, title, kicker in body, 0))
    return cases


StartCase = tuple[list[str], str, str, int]


def start_cases(corpus: Path, first: str, last: str, seed: int = 0) -> list[StartCase]:
    """Printed pages with one blank line between every block and nothing else marking
    stories: (short lines after a finished paragraph, that paragraph, the text after
    them, 1 if they head a new story) wherever the content rules would have to guess."""
    rng = random.Random(seed)
    pages: dict[str, list[tuple[list[str], list[str]]]] = {}
    for page, story in paged_stories(corpus, first, last):
        pages.setdefault(page, []).append(story)
    cases = []
    for number, page_stories in enumerate(pages.values()):
        texts: list[str] = []
        firsts: set[int] = set()
        for heads, paragraphs in page_stories:
            firsts.add(len(texts))
            texts += [h for h in heads if h]
            texts += _cut(paragraphs, rng) if number % 2 else paragraphs
        lines = split_lines("\n\n".join(texts))
        if len(lines) != len(texts):
            continue  # a block split or taken as furniture: the labels would not line up
        for index in range(1, len(lines) - 1):
            previous, line = lines[index - 1], lines[index]
            if not line.headline_like or (
                previous.kind is Kind.TEXT and not ends_sentence(previous.text)
            ):
                continue
            end = index
            while end < len(lines) and lines[end].headline_like and end - index < 3:
                end += 1
            if end >= len(lines) or lines[end].kind is not Kind.TEXT:
                continue  # datelines, bylines and credits are decided by rule
            run = [lines[i].text for i in range(index, end)]
            cases.append((run, previous.text, lines[end].text, int(index in firsts)))
    return cases


def _cut(paragraphs: list[str], rng: random.Random) -> list[str]:
    """The longest paragraph cut once by a column break, 35-70 % in."""
    pieces = list(paragraphs)
    longest = max(range(len(pieces)), key=lambda i: len(pieces[i]))
    text = pieces[longest]
    if len(text) > 40:
        cut = int(len(text) * rng.uniform(0.35, 0.7))
        pieces[longest : longest + 1] = [text[:cut], text[cut:]]
    return pieces


BlockCase = tuple[list[str], str, str | None, int]


def block_cases(corpus: Path, first: str, last: str, seed: int = 0) -> list[BlockCase]:
    """(headline lines above, a short line, the line below it, 1 if it is a headline)."""
    rng = random.Random(seed)
    examples = []
    for number, (heads, paragraphs) in enumerate(stories(corpus, first, last)):
        heads = [h for h in heads if h]
        pieces = list(paragraphs)
        if number % 2:
            longest = max(range(len(pieces)), key=lambda i: len(pieces[i]))
            text = pieces[longest]
            if len(text) > 40:
                cut = int(len(text) * rng.uniform(0.35, 0.7))
                pieces[longest : longest + 1] = [text[:cut], text[cut:]]
        for ascii_marks in (False, True):
            texts = [*heads, *pieces]
            if ascii_marks:
                texts = [t.translate(_TO_ASCII).strip() for t in texts]
            for index in range(1, min(4, len(texts))):
                line = texts[index]
                if len(line) <= _BODY_LABEL_CHARS or not could_be_headline(line):
                    break
                below = texts[index + 1] if index + 1 < len(texts) else None
                label = int(index < len(heads))
                examples.append((texts[:index], line, below, label))
                if not label:
                    break
    return examples


def train(examples: list[Example], seed: int = 0) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent with L2 regularisation."""
    weights: dict[str, float] = {}
    rng = random.Random(seed)
    examples = list(examples)
    for epoch in range(_EPOCHS):
        rng.shuffle(examples)
        rate = _LEARNING_RATE / (1 + epoch * 0.1)
        for features, label in examples:
            score = sum(weights.get(f, 0.0) for f in features)
            error = label - 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))
            for feature in features:
                old = weights.get(feature, 0.0)
                weights[feature] = old + rate * (error - _L2 * old)
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= _MIN_WEIGHT}


def _save(path: Path, until: str, weights: dict[str, float]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"trained_until": until, "weights": weights}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def _share(hits: int, total: int) -> str:
    return f"{hits / total:.3f}" if total else "-"


def main() -> None:
    default_corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "rmrb-2019-10"
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("corpus", nargs="?", type=Path, default=default_corpus)
    options.add_argument("--until", default="20191019", help="last training day (YYYYMMDD)")
    options.add_argument("--output", type=Path, default=MODELS_DIR)
    args = options.parse_args()
    after = str(int(args.until) + 1)

    _save(
        args.output / f"{ROLES}.json", args.until, train(role_examples(args.corpus, "", args.until))
    )
    cases = block_cases(args.corpus, "", args.until)
    block = train(
        [(block_features(above, line, below), label) for above, line, below, label in cases]
    )
    _save(args.output / f"{BLOCK}.json", args.until, block)
    starts = start_cases(args.corpus, "", args.until)
    start = train([(start_features(r, p, f), y) for r, p, f, y in starts])
    _save(args.output / f"{START}.json", args.until, start)
    labels = label_cases(args.corpus, "", args.until)
    label = train([(label_features(a, b, recurs), y) for a, b, recurs, y in labels])
    _save(args.output / f"{LABEL}.json", args.until, label)
    model_weights.cache_clear()

    held_roles = [
        (a, b, label)
        for (kicker, title, subtitle), _ in stories(args.corpus, after, "99999999")
        if bool(kicker) != bool(subtitle)
        for a, b, label in [((kicker, title, 0) if kicker else (title, subtitle, 1))]
        if decided_by_marks(a, b) is None
    ]
    right = sum(second_is_subtitle(a, b) == bool(label) for a, b, label in held_roles)
    rule = sum(label == 0 for *_, label in held_roles)
    print(
        f"roles: {len(held_roles)} held-out blocks, model {_share(right, len(held_roles))}, "
        f"rule (kicker + title) {_share(rule, len(held_roles))}"
    )
    held_labels = label_cases(args.corpus, after, "99999999")
    right = sum(is_column_label(a, b, recurs) == bool(y) for a, b, recurs, y in held_labels)
    rule = sum(1 - y for *_, y in held_labels)
    print(
        f"label: {len(held_labels)} held-out short lines, model "
        f"{_share(right, len(held_labels))}, rule (a kicker) {_share(rule, len(held_labels))}"
    )
    held_starts = start_cases(args.corpus, after, "99999999", seed=1)
    right = sum(starts_article(r, p, f) == bool(y) for r, p, f, y in held_starts)
    rule = sum(1 - y for *_, y in held_starts)
    print(
        f"start: {len(held_starts)} held-out short-line runs, model "
        f"{_share(right, len(held_starts))}, rule (an inner heading) "
        f"{_share(rule, len(held_starts))}"
    )
    held_block = block_cases(args.corpus, after, "99999999", seed=1)
    right = sum(
        still_headline(a, line, below) == bool(label) for a, line, below, label in held_block
    )
    rule = sum(label for *_, label in held_block)
    print(
        f"block: {len(held_block)} held-out lines, model {_share(right, len(held_block))}, "
        f"rule (every short line a headline) {_share(rule, len(held_block))}"
    )


if __name__ == "__main__":
    main()
