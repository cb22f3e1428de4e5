"""Finding a highlight again after its article's text changed. Pure functions, no I/O.

A highlight is kept as a quote with its context and a position (the W3C
TextQuoteSelector and TextPositionSelector). When the text changes, the cheapest sure
method wins: the old position if the quote is still there, then the position carried
through a diff of old and new text, then the quote itself (context picks among repeats),
then a fuzzy match. A match that is not good enough makes an orphan: a wrong highlight
is worse than a missing one. All offsets are code points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import cast

#: Code points of context kept on each side of a quote.
CONTEXT_LENGTH = 32
#: Minimum similarity (0–100) of a fuzzy match to the saved quote.
FUZZY_QUOTE_THRESHOLD = 85.0
#: Minimum similarity of the context around a match to the saved context, for a match
#: that the quote alone does not make certain (fuzzy, or a short quote found elsewhere).
CONTEXT_THRESHOLD = 50.0
#: A quote at least this long found verbatim is trusted without matching context.
SELF_EVIDENT_QUOTE_LENGTH = 24

POSITION, DIFF, QUOTE, FUZZY, ORPHANED = "position", "diff", "quote", "fuzzy", "orphaned"
#: Found in another article of the same page (a re-parse or a correction cut the page
#: differently and the passage went with its text).
MOVED = "moved"


@dataclass(frozen=True)
class Selector:
    """What is saved to find a passage again: the quote, its context, its span."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def columns(self) -> dict[str, object]:
        """The Highlight columns a selector fills."""
        return asdict(self)


@dataclass(frozen=True)
class Anchor:
    """Where a selector landed in the new text; `start`/`end` are None for an orphan."""

    method: str
    start: int | None
    end: int | None

    @property
    def orphaned(self) -> bool:
        return self.method == ORPHANED


def make_selector(text: str, start: int, end: int) -> Selector:
    """The selector for code points [start, end) of `text`."""
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
        start=start,
        end=end,
    )


def reanchor(
    selector: Selector, new_text: str, old_text: str | None = None, *, fuzzy: bool = True
) -> Anchor:
    """Place `selector` in `new_text`; `old_text` (the text it was made on) enables the
    diff step; `fuzzy=False` skips the last, approximate step (a caller that can still
    look for the quote verbatim elsewhere asks for that first). Never returns a span
    whose text is not the quote or close to it."""
    exact = selector.exact
    if not exact:
        return Anchor(ORPHANED, None, None)
    if new_text[selector.start : selector.end] == exact:
        return Anchor(POSITION, selector.start, selector.end)
    if old_text is not None and old_text[selector.start : selector.end] == exact:
        mapped = _map_through_diff(old_text, new_text, selector.start, selector.end)
        if (
            mapped is not None
            and new_text[mapped[0] : mapped[1]] == exact
            and _trusted(selector, new_text, *mapped)
        ):
            return Anchor(DIFF, *mapped)
    found = _find_quote(selector, new_text)
    if found is not None:
        return Anchor(QUOTE, found, found + len(exact))
    approximate = _find_fuzzy(selector, new_text) if fuzzy else None
    if approximate is not None:
        return Anchor(FUZZY, *approximate)
    return Anchor(ORPHANED, None, None)


def relocate(
    selector: Selector, new_text: str, old_text: str, *, fuzzy: bool = True
) -> tuple[Anchor, Selector]:
    """`reanchor`, plus the selector to store: made afresh on `new_text` where the
    passage was found, the saved one (quote and old span) for an orphan."""
    anchor = reanchor(selector, new_text, old_text, fuzzy=fuzzy)
    if anchor.orphaned or anchor.start is None or anchor.end is None:
        return anchor, selector
    return anchor, make_selector(new_text, anchor.start, anchor.end)


def find_in_other_texts(
    selector: Selector, texts: Sequence[str], *, fuzzy: bool = True
) -> tuple[int, Anchor] | None:
    """Where a passage lost from its own article went among the other articles of its
    page: (index into `texts`, anchor) for the text holding the quote in the context
    most like its own (verbatim first, then fuzzy unless `fuzzy=False`), or None. The
    same trust rules as `reanchor` apply, so a short quote in a foreign context stays
    an orphan."""
    best: tuple[float, int, int, int] | None = None
    for index, text in enumerate(texts):
        start = _find_quote(selector, text)
        if start is None:
            continue
        score = _context_score(selector, text, start, start + len(selector.exact))
        if best is None or score > best[0]:
            best = (score, index, start, start + len(selector.exact))
    if best is None and fuzzy:
        for index, text in enumerate(texts):
            span = _find_fuzzy(selector, text)
            if span is not None:
                score = _context_score(selector, text, *span)
                if best is None or score > best[0]:
                    best = (score, index, *span)
    if best is None:
        return None
    _score, index, start, end = best
    return index, Anchor(MOVED, start, end)


@lru_cache(maxsize=4)
def _opcodes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """The edit script old → new; cached, since every highlight of a changed article
    is carried through the same one."""
    from rapidfuzz.distance import Indel  # loads on first re-anchoring, not at start

    # rapidfuzz's stubs type the items as `Opcode`; `as_list` gives plain tuples.
    return cast(list[tuple[str, int, int, int, int]], Indel.opcodes(old, new).as_list())


def _map_through_diff(old: str, new: str, start: int, end: int) -> tuple[int, int] | None:
    """Carry [start, end) from `old` to `new` through the edit script; None when either
    end falls inside a changed stretch (the quote itself was edited)."""
    new_start = new_end = None
    for tag, i1, i2, j1, _j2 in _opcodes(old, new):
        if tag != "equal":
            continue
        if new_start is None and i1 <= start < i2:
            new_start = start - i1 + j1
        if new_end is None and i1 < end <= i2:
            new_end = end - i1 + j1
    if new_start is None or new_end is None or new_end <= new_start:
        return None
    return new_start, new_end


def _context_score(selector: Selector, text: str, start: int, end: int) -> float:
    """How well the text around [start, end) matches the saved prefix and suffix (0–100);
    100 when nothing was saved to compare (a quote spanning the whole text)."""
    from rapidfuzz import fuzz

    scores = []
    if selector.prefix:
        before = text[max(0, start - len(selector.prefix)) : start]
        scores.append(fuzz.ratio(selector.prefix, before))
    if selector.suffix:
        after = text[end : end + len(selector.suffix)]
        scores.append(fuzz.ratio(selector.suffix, after))
    return max(scores) if scores else 100.0


def _find_quote(selector: Selector, text: str) -> int | None:
    """Start of the verbatim quote whose context fits best (ties: nearest the old spot).

    A short quote found in a foreign context is rejected: the passage was removed and a
    lookalike elsewhere must not inherit its highlight.
    """
    exact = selector.exact
    candidates = []
    index = text.find(exact)
    while index != -1:
        score = _context_score(selector, text, index, index + len(exact))
        candidates.append((-score, abs(index - selector.start), index))
        index = text.find(exact, index + 1)
    if not candidates:
        return None
    _neg_score, _distance, best = min(candidates)
    return best if _trusted(selector, text, best, best + len(exact)) else None


def _trusted(selector: Selector, text: str, start: int, end: int) -> bool:
    """Whether a verbatim quote at [start, end) is the highlighted passage: a long
    quote speaks for itself; a short one must also sit in a context like its own, or a
    rewritten text that happens to repeat a few words would inherit the highlight."""
    if len(selector.exact) >= SELF_EVIDENT_QUOTE_LENGTH:
        return True
    return _context_score(selector, text, start, end) >= CONTEXT_THRESHOLD


def _find_fuzzy(selector: Selector, text: str) -> tuple[int, int] | None:
    """The best approximate occurrence of the quote, if both it and its context are
    close enough to what was saved."""
    from rapidfuzz import fuzz

    exact = selector.exact
    if len(text) < max(1, len(exact) // 2):
        return None
    alignment = fuzz.partial_ratio_alignment(exact, text, score_cutoff=FUZZY_QUOTE_THRESHOLD)
    if alignment is None:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    if end <= start:
        return None
    if _context_score(selector, text, start, end) < CONTEXT_THRESHOLD:
        return None
    return start, end
