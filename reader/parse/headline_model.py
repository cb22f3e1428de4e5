"""The two small trained models the headline reader uses, both logistic regressions over
a few features of short lines (end and start characters, marks, digits, lengths):

- `roles`: of two headline lines, is the second a subtitle (副题) or the title (the first
  being a kicker)? Marks decide many blocks (see `headlines`); this reads the words of
  the rest (`李克强出席闭幕式` is a subtitle, `陈希在青海调研时强调` a kicker).
- `label`: is a short line above a headline a column label (栏目: `人民时评`, `钟声`) or a
  kicker (`胡春华强调`, `全国铁路调图`)? Column names come back in every issue and seldom
  recur in the story; kickers name a subject or an action.
- `start`: on a page where nothing but content marks articles (one blank line between
  every block), does a short line after a finished paragraph start a new article or is
  it a heading inside the story?
- `block`: on a page without indents, does a short line under a headline still belong to
  the headline block, or is it the first line of the story (a summary line, the first
  piece of a paragraph cut by a column)?

Weights come from `python -m reader.parse.training` and are read once from
resources/models/; without those files the parser falls back to its rules (kicker +
title; every short line under a headline is a headline).
"""

from __future__ import annotations

import json
import math
import re
from functools import cache

from reader.resources import RESOURCES_DIR

MODELS_DIR = RESOURCES_DIR / "models"
ROLES = "headline_roles"
BLOCK = "headline_block"
LABEL = "column_label"
START = "article_start"
_DIGIT = re.compile(r"[0-9０-９]")
_CLAUSE = re.compile(r"[，,、；;]")
#: Log-odds of p = 0.8: a model overrides the rule's reading only when fairly sure.
_CONFIDENT = math.log(4)


def line_features(name: str, line: str) -> list[str]:
    """Features of one line, prefixed by its place (`a` first line, `b` second …)."""
    features = [
        f"{name}_end1={line[-1:]}",
        f"{name}_end2={line[-2:]}",
        f"{name}_start1={line[:1]}",
        f"{name}_start2={line[:2]}",
        f"{name}_len={min(len(line) // 4, 12)}",
    ]
    if _DIGIT.search(line):
        features.append(f"{name}_digit")
    if _CLAUSE.search(line):
        features.append(f"{name}_clause")
    if " " in line or "\u3000" in line:
        features.append(f"{name}_space")
    if line.rstrip()[-1:] in ")）":
        features.append(f"{name}_bracket")
    return features


def pair_features(first: str, second: str) -> list[str]:
    """Features of a two-line headline block."""
    difference = max(-3, min(3, (len(second) - len(first)) // 5))
    return ["bias", *line_features("a", first), *line_features("b", second), f"longer={difference}"]


def block_features(above: list[str], line: str, below: str | None) -> list[str]:
    """Features of a short line under headline lines `above`, with the line `below` it."""
    features = ["bias", f"place={len(above)}", *line_features("a", above[-1])]
    features += line_features("b", line)
    if below is None:
        features.append("c_none")
    else:
        features += [f"c_len={min(len(below) // 8, 12)}", f"c_end1={below[-1:]}"]
    return features


def label_features(first: str, second: str, recurs: bool) -> list[str]:
    """Features of a short line above a headline; `recurs`: it appears in the story."""
    features = ["bias", *line_features("a", first), *line_features("b", second)]
    if recurs:
        features.append("recurs")
    return features


def start_features(run: list[str], previous: str, following: str) -> list[str]:
    """Features of a run of short lines after the paragraph `previous`, before the text
    `following`."""
    features = [f"count={len(run)}", *line_features("a", run[0])]
    if len(run) > 1:
        features += line_features("b", run[-1])
    features += [
        f"p_end1={previous[-1:]}",
        f"p_len={min(len(previous) // 20, 10)}",
        f"f_len={min(len(following) // 20, 10)}",
        f"f_start1={following[:1]}",
        f"f_start2={following[:2]}",
    ]
    return ["bias", *features]


@cache
def model_weights(name: str) -> dict[str, float]:
    try:
        return json.loads((MODELS_DIR / f"{name}.json").read_text(encoding="utf-8"))["weights"]
    except (OSError, ValueError, KeyError):
        return {}


def log_odds(name: str, features: list[str]) -> float:
    weights = model_weights(name)
    return sum(weights.get(f, 0.0) for f in features)


def second_is_subtitle(first: str, second: str) -> bool:
    """The roles model's call for a block the marks leave open (default: kicker + title)."""
    return log_odds(ROLES, pair_features(first, second)) >= _CONFIDENT


def still_headline(above: list[str], line: str, below: str | None) -> bool:
    """The block model's call for a short line under headlines (default: a headline)."""
    if not model_weights(BLOCK):
        return True
    return log_odds(BLOCK, block_features(above, line, below)) > -_CONFIDENT


def is_column_label(first: str, second: str, recurs: bool) -> bool:
    """The label model's call (default without the model: a kicker)."""
    if not model_weights(LABEL):
        return False
    return log_odds(LABEL, label_features(first, second, recurs)) >= _CONFIDENT


def starts_article(run: list[str], previous: str, following: str) -> bool:
    """The start model's call (default without the model: a heading inside the story)."""
    if not model_weights(START):
        return False
    return log_odds(START, start_features(run, previous, following)) >= _CONFIDENT
