"""When a search for CJK characters may read the original text instead of its folded form.

Search matches folded text (`folding.fold`: NFKC, then casefold, code point by code
point), and folding an 800-character article costs ~30 µs, much more than finding a
phrase in it. For a term of CJK characters folding rarely matters: a CJK character folds
to itself, and whitespace stays whitespace. It matters only where the text holds one of
the few characters that fold into a character of the term (a compatibility ideograph,
a Kangxi radical, a squared or halfwidth form, `㈠` → `(一)`), or that fold into or out
of whitespace. A text without such a character holds the term's matches at the same
places folded or not: between two CJK characters that fold to themselves lie only
characters that fold to whitespace, which are exactly the whitespace characters. And a
match's span in the original text is the one `Folded.original_span` maps it back to.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from reader.search.folding import Folded, fold, fold_char, is_cjk

#: Every code point whose folding differs from it and yields a CJK character, or turns
#: whitespace into non-whitespace or back (none in Python 3.11's Unicode), as ranges.
#: Derived from `fold_char` over all code points; `tests/search/test_ranking.py` checks
#: that they still cover every such character.
CHANGED_BY_FOLDING = (
    (0x2E9F, 0x2E9F),
    (0x2EF3, 0x2EF3),
    (0x2F00, 0x2FD5),
    (0x3038, 0x303A),
    (0x309F, 0x309F),
    (0x30FF, 0x30FF),
    (0x3131, 0x319F),
    (0x3200, 0x33FE),
    (0xF900, 0xFAD9),
    (0xFF66, 0xFFBE),
    (0x1F200, 0x1F251),
    (0x2F800, 0x2FA1D),
)


def changes_a_match(char: str) -> bool:
    """Whether folding `char` may make or unmake a match of CJK characters: it folds into
    something else holding a CJK character, or whitespace is not whitespace after it."""
    folded = fold_char(char)
    if char.isspace() != folded.isspace():
        return True
    return folded != char and any(is_cjk(part) for part in folded)


@lru_cache(maxsize=1)
def _folded_into() -> dict[str, frozenset[str]]:
    """For each character some listed character folds into: those listed characters;
    under the key "" the ones that change whitespace."""
    into: dict[str, set[str]] = {}
    for first, last in CHANGED_BY_FOLDING:
        for code in range(first, last + 1):
            char = chr(code)
            if not changes_a_match(char):
                continue
            folded = fold_char(char)
            keys = {""} if char.isspace() != folded.isspace() else set(folded)
            for key in keys:
                into.setdefault(key, set()).add(char)
    return {key: frozenset(chars) for key, chars in into.items()}


@lru_cache(maxsize=256)
def disturbers(chars: str) -> frozenset[str]:
    """The characters whose presence in a text means `chars` must be matched in its
    folded form: those folding into one of `chars`, and those changing whitespace."""
    into = _folded_into()
    found: set[str] = set(into.get("", ()))
    for char in set(chars):
        found |= into.get(char, frozenset())
    return frozenset(found)


def readable_unfolded(text: str, chars: Iterable[str]) -> bool:
    """Whether `text` holds none of `chars` (a `disturbers` set): a few substring scans
    in C, no per-character Python."""
    return not any(char in text for char in chars)


def is_plain_cjk(token: str) -> bool:
    """A query token of one CJK character that folding leaves as it is: terms made only
    of these may be matched in unfolded text."""
    return len(token) == 1 and is_cjk(token) and fold_char(token) == token


def folded_if_needed(text: str, chars: Iterable[str]) -> Folded:
    """`text` as matching sees it: folded, or (when it holds none of `chars`, a
    `disturbers` set) as it is, each code point its own origin."""
    if readable_unfolded(text, chars):
        return Folded(text, range(len(text)))
    return fold(text)
