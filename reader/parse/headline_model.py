"""The trained two-line headline model: is the second line a subtitle (副题) or the title?

Weights come from `python -m reader.parse.training` (a logistic regression over a few
words at the lines' ends and starts, their lengths and marks) and are read once from
resources/models/headline_roles.json. Without that file every block falls back to the
most common reading, kicker + title.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache

from reader.resources import RESOURCES_DIR

MODEL_PATH = RESOURCES_DIR / "models" / "headline_roles.json"
_DIGIT = re.compile(r"[0-9０-９]")
_CLAUSE = re.compile(r"[，,、；;]")
#: Log-odds of p = 0.8.
_CONFIDENT = math.log(4)


def pair_features(first: str, second: str) -> list[str]:
    """Features of a two-line block: end and start characters of each line, marks,
    digits, lengths (bucketed) and which line is longer."""
    features = ["bias"]
    for name, line in (("a", first), ("b", second)):
        features += [
            f"{name}_end1={line[-1:]}",
            f"{name}_end2={line[-2:]}",
            f"{name}_start1={line[:1]}",
            f"{name}_start2={line[:2]}",
            f"{name}_len={min(len(line) // 4, 8)}",
        ]
        if _DIGIT.search(line):
            features.append(f"{name}_digit")
        if _CLAUSE.search(line):
            features.append(f"{name}_clause")
        if " " in line or "\u3000" in line:
            features.append(f"{name}_space")
    difference = max(-3, min(3, (len(second) - len(first)) // 5))
    features.append(f"longer={difference}")
    return features


@cache
def model_weights() -> dict[str, float]:
    try:
        return json.loads(MODEL_PATH.read_text(encoding="utf-8"))["weights"]
    except (OSError, ValueError, KeyError):
        return {}


def subtitle_log_odds(first: str, second: str) -> float:
    """The model's log-odds that the second line is a subtitle."""
    weights = model_weights()
    return sum(weights.get(f, 0.0) for f in pair_features(first, second))


def second_is_subtitle(first: str, second: str) -> bool:
    """The model's call for a block the marks leave open: it overrides the common
    reading (kicker + title) only when it is fairly sure (p >= 0.8)."""
    return subtitle_log_odds(first, second) >= _CONFIDENT
