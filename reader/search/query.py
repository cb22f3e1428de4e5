"""The search box's little language, parsed without ever raising.

    常州 "新质 生产力" -广告 tag:经济 color:yellow in:notes author:朱梦琪
    before:2024-10-01 after:2024-09-01

Terms separated by spaces must all match; a quoted phrase must match as written;
`-term` excludes; `key:value` filters (unknown keys are searched as plain text). Every
term is turned into quoted FTS5 strings, so no user text is ever FTS5 syntax.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import dropwhile

from reader.search.folding import is_cjk, paired, tokens
from reader.times import parse_time

KINDS = ("notes", "highlights", "articles")
_KIND_ALIASES = {
    "notes": "notes",
    "note": "notes",
    "highlights": "highlights",
    "highlight": "highlights",
    "articles": "articles",
    "article": "articles",
}
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32

_PART = re.compile(r'(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True)
class Term:
    """Its tokens match in order (a phrase); a Latin last token matches as a prefix."""

    tokens: tuple[str, ...]
    prefix: bool

    def fts(self) -> str:
        """This term as FTS5 syntax on the index's tokens (`paired`): a quoted string
        (quotes inside doubled). The term's last run of CJK characters ends in the
        text's run or before more of it, so it is matched by its pairs alone, or, if it
        is one character, as the prefix of a pair or of a lone last character."""
        indexed = paired(self.tokens)
        prefix = self.prefix
        last_run = len(self.tokens) - len(tuple(dropwhile(_is_cjk_char, reversed(self.tokens))))
        if last_run > 1:
            indexed.pop()  # the run's last character alone: the text's run may go on
        elif last_run == 1:
            prefix = True
        body = " ".join(indexed).replace('"', '""')
        return f'"{body}"' + ("*" if prefix else "")


def _is_cjk_char(token: str) -> bool:
    return len(token) == 1 and is_cjk(token)


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...] = ()
    excluded: tuple[Term, ...] = ()
    tags: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = KINDS
    authors: tuple[str, ...] = ()
    before: dt.datetime | None = None
    after: dt.datetime | None = None
    invalid: bool = False  # a filter value that can match nothing (e.g. in:bogus)
    words: tuple[str, ...] = field(default=())  # positive terms as typed, for snippets

    def fts(self) -> str | None:
        """The FTS5 MATCH expression, or None when there is no positive term."""
        if not self.terms:
            return None
        expression = " AND ".join(term.fts() for term in self.terms)
        for term in self.excluded:
            expression += f" NOT {term.fts()}"
        return expression

    @property
    def has_filters(self) -> bool:
        return (
            bool(self.tags or self.colors or self.authors or self.before or self.after)
            or self.kinds != KINDS
        )


def _term(text: str, *, phrase: bool) -> Term | None:
    found = tokens(text)
    if not found:
        return None
    prefix = not phrase and not is_cjk(found[-1][-1])
    return Term(tuple(found), prefix)


def _date(value: str) -> dt.datetime | None:
    try:
        return parse_time(value)
    except ValueError:
        return None


def parse(text: str) -> Query:
    """Parse the search box text. Never raises; nonsense becomes plain words or is dropped."""
    text = (text or "").replace("\x00", " ")[:MAX_QUERY_CHARS]
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\uff02", '"')
    terms: list[Term] = []
    excluded: list[Term] = []
    words: list[str] = []
    values: dict[str, list[str]] = {"tag": [], "color": [], "in": [], "author": []}
    before = after = None
    invalid = False
    for match in _PART.finditer(text):
        negate, key, quoted, bare = match.groups()
        phrase = quoted is not None
        value = quoted if phrase else bare
        key_lower = (key or "").lower()
        if key_lower in values and value:
            values[key_lower].append(value.strip())
            continue
        if key_lower in ("before", "after") and value:
            when = _date(value)
            if when is None:
                invalid = True
            elif key_lower == "before":
                before = when
            else:
                after = when
            continue
        raw = match.group(0).lstrip("-") if negate else match.group(0)
        if negate and not raw.strip('"'):
            continue
        term = _term(raw if key else value, phrase=phrase)
        if term is None:
            continue
        if negate:
            excluded.append(term)
        else:
            terms.append(term)
            words.append(raw if key else value)
    kinds: tuple[str, ...] = KINDS
    if values["in"]:
        chosen = {_KIND_ALIASES.get(value.lower()) for value in values["in"]}
        kinds = tuple(kind for kind in KINDS if kind in chosen)
        invalid = invalid or not kinds
    colors = tuple(value.lower() for value in values["color"])
    return Query(
        terms=tuple(terms[:MAX_TERMS]),
        excluded=tuple(excluded[:MAX_TERMS]),
        tags=tuple(values["tag"]),
        colors=colors,
        kinds=kinds,
        authors=tuple(values["author"]),
        before=before,
        after=after,
        invalid=invalid,
        words=tuple(words[:MAX_TERMS]),
    )
