"""Text folding and tokenizing shared by the index and the queries.

Both sides go through the same function, so a query finds exactly what was indexed:
NFKC (full-width → half-width, `，` → `,`) then casefold, applied one code point at a
time so every folded character maps back to the original position it came from. Chinese
has no spaces, so `tokens` cuts every CJK character (Han, kana, hangul, astral
ideographs) apart; Latin letters and digits form words. A run of separators holding
punctuation becomes the token `BARRIER`, so a phrase never matches across `，` or `-`
unless the query has the punctuation too (whitespace alone is no barrier: pages break
lines and columns with spaces).

The index does not store those one-character tokens but `paired`: each run of CJK
characters as its overlapping pairs plus its last character alone (`常州市` → `常州 州市
市`). A phrase of two or more characters is then a phrase of pairs, whose posting lists
are short, instead of a walk over each common character's list; one character is the
prefix query `常*` (answered by the index's one-character prefix index), which finds
every occurrence exactly once: each character starts a pair or ends its run. A run of n
characters still gives n tokens, so bm25's document lengths, and with them the ranking,
are what they were with one token per character.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import add

#: The FTS5 tokenizer keeps it as a token (`tokenchars`); `tokens` emits it only for
#: punctuation, never from letters, so no typed word can equal it.
BARRIER = "|"


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """One code point, folded (may become zero, one or several code points)."""
    return unicodedata.normalize("NFKC", char).casefold()


@lru_cache(maxsize=65536)
def is_cjk(char: str) -> bool:
    """Wide letters and numerals: ideographs, kana, hangul (after folding, so never
    full-width Latin)."""
    return char.isalnum() and unicodedata.east_asian_width(char) in ("W", "F")


@dataclass(frozen=True)
class Folded:
    """Folded text plus, for each folded code point, the index of its original one."""

    text: str
    origin: Sequence[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text covering folded[start:end]."""
        if start >= len(self.origin):
            return (self.origin[-1] + 1, self.origin[-1] + 1) if self.origin else (0, 0)
        last = self.origin[max(start, end - 1)]
        return self.origin[start], last + 1


class _FoldTable(dict[int, str]):
    """`str.translate` table filled on first sight of each code point: the folding
    loop then runs in C, which matters when every search result is folded."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> Folded:
    """Fold `text`, remembering where each folded code point came from."""
    folded = text.translate(_FOLD_TABLE)
    # No code point folds to nothing (NFKC and casefold never delete), so equal
    # lengths mean every code point folded to exactly one: the usual case.
    if len(folded) == len(text):
        return Folded(folded, range(len(text)))
    origin: list[int] = []
    for index, char in enumerate(text):
        origin.extend([index] * len(fold_char(char)))
    return Folded(folded, tuple(origin))


def tokens(text: str) -> list[str]:
    """The tokens of `text`: each CJK character alone, Latin/digit runs as words,
    `BARRIER` between tokens where punctuation separates them."""
    result: list[str] = []
    word: list[str] = []
    punctuated = False
    for original in text:
        for char in fold_char(original):
            if char.isalnum():
                if punctuated and result and not word and result[-1] != BARRIER:
                    result.append(BARRIER)
                punctuated = False
                if is_cjk(char):
                    if word:
                        result.append("".join(word))
                        word.clear()
                    result.append(char)
                else:
                    word.append(char)
                continue
            if word:
                result.append("".join(word))
                word.clear()
            if not char.isspace():
                punctuated = True
    if word:
        result.append("".join(word))
    return result


def _pairs_of_run(run: Sequence[str]) -> list[str]:
    """A run of CJK characters as the index stores it: its overlapping pairs, then its
    last character alone."""
    return [*map(add, run, run[1:]), run[-1]]


def paired(found: Sequence[str]) -> list[str]:
    """`tokens` as the index stores them: each run of CJK characters (tokens next to
    each other, no barrier or word between) as `_pairs_of_run`, other tokens as they are."""
    result: list[str] = []
    run: list[str] = []
    for token in found:
        if len(token) == 1 and is_cjk(token):
            run.append(token)
            continue
        if run:
            result.extend(_pairs_of_run(run))
            run.clear()
        result.append(token)
    if run:
        result.extend(_pairs_of_run(run))
    return result


#: Marks a CJK character in the translated text (`_TokenTable`); as input it is
#: whitespace (`str.isspace`), so the table turns any in the text into a space.
_CJK_MARK = "\x1e"


class _TokenTable(dict[int, str]):
    """`str.translate` table that turns each code point into its part of the token
    string: a CJK character marked by `_CJK_MARK` (its runs are paired afterwards),
    other letters and digits stay (so runs of them stay words), whitespace is a space
    and any other character a `BARRIER` between spaces. Filled on first sight of each
    code point, so the loop over the text runs in C: the index triggers call it on
    every article written."""

    def __missing__(self, code: int) -> str:
        parts = []
        for char in fold_char(chr(code)):
            if is_cjk(char):
                parts.append(_CJK_MARK + char)
            elif char.isalnum():
                parts.append(char)
            else:
                parts.append(" " if char.isspace() else f" {BARRIER} ")
        spaced = self[code] = "".join(parts)
        return spaced


_TOKEN_TABLE = _TokenTable()
_BARRIER_RUN = re.compile(rf"{re.escape(BARRIER)}(?: +{re.escape(BARRIER)})+")
#: A run of marked CJK characters, whitespace allowed between them (no barrier); the
#: group makes `split` keep the runs, at the odd places of its list.
_CJK_RUN = re.compile(rf"((?:{_CJK_MARK}. *)+)")
#: Stands between runs while they are paired together (never inside a run, which holds
#: marks, CJK characters and spaces only).
_BETWEEN = "\x00"
#: In the pairs of the joined runs: a run's last character paired with `_BETWEEN`, and
#: `_BETWEEN` paired with the next run's first character (that pair is not a token).
_RUN_END = re.compile(f"{_BETWEEN} {_BETWEEN}.")
#: An array of 4-byte code points (UTF-32) with a space in each place.
_CODE_POINT = "I" if array("I").itemsize == 4 else "L"
_SPACES = array(_CODE_POINT, [ord(" ")])


def _pairs(text: str) -> str:
    """`text` as its overlapping pairs, the last character with `_BETWEEN`
    (`ABC` -> `AB BC C\x00 `): written as code points into an array, three to a
    pair, so no string is made per character."""
    codes = array(_CODE_POINT, text.encode("utf-32-le"))
    pairs = _SPACES * (3 * len(codes))
    pairs[0::3] = codes
    codes.append(ord(_BETWEEN))
    pairs[1::3] = codes[1:]
    return pairs.tobytes().decode("utf-32-le")


def _paired_runs(runs: list[str]) -> list[str]:
    """Each run of marked CJK characters as its overlapping pairs and its last character
    alone (`ABC` -> `AB BC C`). The runs are paired all at once, joined, and cut apart
    again where one ends: C string functions only, no Python code per run or character."""
    if not runs:
        return []
    joined = _BETWEEN.join(runs).replace(_CJK_MARK, "").replace(" ", "")
    paired_runs = _RUN_END.split(_pairs(joined))
    paired_runs[-1] = paired_runs[-1].rstrip(f"{_BETWEEN} ")
    return paired_runs


def search_tokens(text: str | None) -> str:
    """The token string stored in the FTS tables (SQL function): `paired(tokens(text))`
    separated by spaces (sometimes several, which FTS5 reads as one separator). The
    index triggers call it on every article written, so it runs in C-speed string
    operations only, and without a list of millions of tokens for a huge article."""
    if not text:
        return ""
    parts = _CJK_RUN.split(text.translate(_TOKEN_TABLE))
    parts[1::2] = _paired_runs(parts[1::2])
    return _BARRIER_RUN.sub(BARRIER, " ".join(parts)).strip(f" {BARRIER}")
