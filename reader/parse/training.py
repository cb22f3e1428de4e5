"""Train the two-line headline model: `python -m reader.parse.training [CORPUS] [--until DAY]`.

A block of two headline lines is either 引题 + 主题 (kicker, title) or 主题 + 副题 (title,
subtitle). Marks decide many blocks (`——`, a column name in brackets, see `headlines`);
for the rest the words decide: subtitles name who attended (`李克强出席`), give a figure
(`1—8月收入增20.9%`) or a date in brackets; kickers name a subject or end in `强调`. This
script learns that from People's Daily files (../shared/corpus/rmrb-2019-10: line 1 is the
kicker, line 2 the title, line 3 the subtitle), days up to `--until` only so that later
days stay held out, and writes a logistic regression's weights to
resources/models/headline_roles.json, which `headline_model` loads (no network, no
third-party code).
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

from reader.parse.headline_model import MODEL_PATH, model_weights, pair_features, second_is_subtitle
from reader.parse.headlines import decided_by_marks

_INDENT = "\u3000\u3000"
_EPOCHS = 40
_LEARNING_RATE = 0.1
_L2 = 1e-4
_MIN_WEIGHT = 1e-3


def training_pairs(corpus: Path, until: str) -> list[tuple[str, str, int]]:
    """(first, second, 1 if the second line is a subtitle) for every two-line block that
    the marks leave undecided, from days up to `until`."""
    pairs = []
    for path in sorted(corpus.glob("*/*.txt")):
        if path.parent.name > until:
            continue
        lines = path.read_bytes().decode("utf-8").replace("\u00a0", " ").split("\r\n")
        if len(lines) < 4 or not lines[3].startswith(_INDENT):
            continue
        kicker, title, subtitle = (line.strip() for line in lines[:3])
        if not title or bool(kicker) == bool(subtitle):
            continue
        first, second = (kicker, title) if kicker else (title, subtitle)
        if decided_by_marks(first, second) is None:
            pairs.append((first, second, 0 if kicker else 1))
    return pairs


def train(pairs: list[tuple[str, str, int]], seed: int = 0) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent with L2 regularisation."""
    weights: dict[str, float] = {}
    rng = random.Random(seed)
    examples = [(pair_features(first, second), label) for first, second, label in pairs]
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


def accuracy(pairs: list[tuple[str, str, int]]) -> float:
    """Share of blocks the shipped model (as `headlines` uses it) reads right."""
    right = sum(second_is_subtitle(first, second) == bool(label) for first, second, label in pairs)
    return right / len(pairs) if pairs else 1.0


def main() -> None:
    default_corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "rmrb-2019-10"
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("corpus", nargs="?", type=Path, default=default_corpus)
    options.add_argument("--until", default="20191019", help="last training day (YYYYMMDD)")
    options.add_argument("--output", type=Path, default=MODEL_PATH)
    args = options.parse_args()
    pairs = training_pairs(args.corpus, args.until)
    held_out = [pair for pair in training_pairs(args.corpus, "99999999") if pair not in set(pairs)]
    weights = train(pairs)
    baseline = sum(label == 0 for *_, label in held_out) / max(1, len(held_out))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps({"trained_until": args.until, "weights": weights}, ensure_ascii=False, indent=0)
        + "\n",
        encoding="utf-8",
    )
    model_weights.cache_clear()
    print(
        f"{len(pairs)} training pairs, accuracy {accuracy(pairs):.3f}; "
        f"{len(held_out)} held-out pairs, accuracy {accuracy(held_out):.3f} "
        f"(always kicker + title: {baseline:.3f}); {len(weights)} weights → {args.output}"
    )


if __name__ == "__main__":
    main()
