"""Page corrections as plain data: what a user's fix of a page says, and how it is
applied on top of the parser's articles. Pure functions, no I/O.

A correction is kept on the PAGE, not on the article rows, so it outlives a re-import,
a re-parse with a newer parser and an archive round trip: each time a page is cut into
articles again, its corrections are applied again, in the order they were made. It is
anchored like a highlight: a quote with context in the text of the article it was made
on (`exact`, `prefix`, `suffix`) and the quote's position in the raw page text
(`page_start`, `page_end`; -1 when the parser joined lines so the quote is not verbatim
in the raw text). Where the quote is no longer found the correction does not fit: it is
reported, never applied somewhere else.

What each kind quotes:
- `split`: the text from the cut on (up to `CONTEXT_LENGTH` code points), prefix the
  text before the cut; the article holding it is cut there. `value`: the new
  article's title, or None (then the start of its text).
- `merge`: the start of the SECOND article (its text, or its title when it has none),
  prefix the end of the first; the second article joins the one before it.
- `title`, `kicker`, `subtitle`, `caption`, `byline`: the line (a paragraph, caption,
  headline or byline of an article), prefix and suffix its neighbouring lines; the line
  takes that role (a byline names the article's authors again).
- `set_title`, `set_authors`: the start of the article, as for `merge`; `value` is the
  title, or the authors as JSON [{"name", "role"}].
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from reader.parse.bylines import byline_authors, credit_authors, is_credit
from reader.parse.model import PARAGRAPH_SEPARATOR, Author, ParsedArticle
from reader.store.anchoring import CONTEXT_LENGTH

SPLIT, MERGE = "split", "merge"
TITLE, KICKER, SUBTITLE, CAPTION, BYLINE = "title", "kicker", "subtitle", "caption", "byline"
SET_TITLE, SET_AUTHORS = "set_title", "set_authors"
LINE_KINDS = (TITLE, KICKER, SUBTITLE, CAPTION, BYLINE)
KINDS = (SPLIT, MERGE, *LINE_KINDS, SET_TITLE, SET_AUTHORS)
#: How long a title taken from the text is when a split names none.
FALLBACK_TITLE_CHARS = 24


class NoFit(Exception):
    """A correction that does not fit the articles it is applied to (the reason)."""


@dataclass(frozen=True)
class Correction:
    """One fix of a page, as stored (see the module docstring for what each kind
    quotes)."""

    kind: str
    exact: str
    prefix: str = ""
    suffix: str = ""
    page_start: int = -1
    page_end: int = -1
    value: str | None = None
    #: Which of the best-fitting places the quote names, 1-based, in page order.
    occurrence: int = 1

    def describe(self) -> str:
        """A short phrase for messages and listings."""
        quote = self.exact if len(self.exact) <= 16 else self.exact[:15] + "…"
        return f"{self.kind} at “{quote}”"


@dataclass(frozen=True)
class Piece:
    """Code points [old_start, old_end) of article `old` (an index into the articles the
    correction was applied to) are now at `new_start` of article `new`."""

    old: int
    old_start: int
    old_end: int
    new: int
    new_start: int


@dataclass
class Applied:
    """Articles after one correction. `origins[i]`: the index (before) article i
    continues, None for an article the correction made; `pieces` say where each kept
    stretch of text went, so highlights can follow it."""

    articles: list[ParsedArticle]
    origins: list[int | None]
    pieces: list[Piece] = field(default_factory=list)


# --- making a correction from what the user pointed at ------------------------------
def split_at(
    articles: Sequence[ParsedArticle], index: int, at: int, title: str | None = None
) -> Correction:
    """The correction cutting article `index` at code point `at` of its text."""
    text = articles[index].text
    if 0 <= at < len(text) and text[at] == PARAGRAPH_SEPARATOR:
        at += 1  # a cut at the end of a paragraph starts the next one
    if not 0 < at < len(text):
        raise NoFit("a split needs text on both sides of the cut")
    exact = text[at : at + CONTEXT_LENGTH]
    title = (title or "").strip() or None
    correction = Correction(
        SPLIT,
        exact,
        text[max(0, at - CONTEXT_LENGTH) : at],
        text[at + len(exact) :][:CONTEXT_LENGTH],
        value=title,
    )
    return _settle(correction, articles, (index, at))


def suggested_title(text: str, at: int) -> str:
    """The title a split at `at` gives the new article when the user names none: the
    start of its first paragraph (what a dialog offers to edit)."""
    if 0 <= at < len(text) and text[at] == PARAGRAPH_SEPARATOR:
        at += 1
    return text[at:].split(PARAGRAPH_SEPARATOR, 1)[0][:FALLBACK_TITLE_CHARS]


def merge_with_previous(articles: Sequence[ParsedArticle], index: int) -> Correction:
    """The correction joining article `index` to the one before it."""
    if index < 1:
        raise NoFit("the first article of a page has no previous article to join")
    return _settle(_article_key(MERGE, articles, index), articles, (index,))


def set_title(articles: Sequence[ParsedArticle], index: int, title: str) -> Correction:
    title = title.strip()
    if not title:
        raise NoFit("a title cannot be empty")
    correction = replace(_article_key(SET_TITLE, articles, index), value=title)
    return _settle(correction, articles, (index,))


def set_authors(
    articles: Sequence[ParsedArticle], index: int, authors: Sequence[Author]
) -> Correction:
    value = json.dumps([a.to_json() for a in authors], ensure_ascii=False)
    correction = replace(_article_key(SET_AUTHORS, articles, index), value=value)
    return _settle(correction, articles, (index,))


def line_as(articles: Sequence[ParsedArticle], index: int, line: str, kind: str) -> Correction:
    """The correction giving `line` (one of article `index`'s printed lines) the role
    `kind` (title, kicker, subtitle, caption or byline)."""
    if kind not in LINE_KINDS:
        raise NoFit(f"unknown line role {kind!r}")
    lines = _lines(articles[index])
    for position, (field_name, at, text) in enumerate(lines):
        if text == line:
            before = lines[position - 1][2] if position else ""
            after = lines[position + 1][2] if position + 1 < len(lines) else ""
            correction = Correction(kind, line, before[-CONTEXT_LENGTH:], after[:CONTEXT_LENGTH])
            return _settle(correction, articles, (index, _FIELDS.index(field_name), at))
    raise NoFit("that line is not one of the article's lines")


def with_page_position(correction: Correction, raw_text: str) -> Correction:
    """The correction with the position of its quote's first line in the raw page text
    (-1 when the raw text does not hold it verbatim)."""
    probe = _probe(correction)
    start = raw_text.find(probe) if probe else -1
    if start < 0:
        return replace(correction, page_start=-1, page_end=-1)
    return replace(correction, page_start=start, page_end=start + len(probe))


# --- applying ---------------------------------------------------------------------
def apply(correction: Correction, articles: Sequence[ParsedArticle], raw_text: str) -> Applied:
    """`articles` with `correction` made; raises NoFit when its quote is not where it
    should be (the articles are then used as they are)."""
    probe = _probe(correction)
    if correction.page_start >= 0 and probe not in raw_text:
        raise NoFit(f"the page no longer holds “{probe[:16]}”")
    if correction.kind == SPLIT:
        return _split(correction, articles)
    if correction.kind == MERGE:
        return _merge(correction, articles)
    if correction.kind in (SET_TITLE, SET_AUTHORS):
        return _set(correction, articles)
    if correction.kind in LINE_KINDS:
        return _line(correction, articles)
    raise NoFit(f"unknown correction {correction.kind!r}")


def _split(correction: Correction, articles: Sequence[ParsedArticle]) -> Applied:
    index, at = _find_cut(correction, articles)
    article = articles[index]
    text = article.text
    head_text = text[:at].removesuffix(PARAGRAPH_SEPARATOR)
    rest = text[at:]
    first = replace(article, paragraphs=_paragraphs(head_text))
    title = correction.value or suggested_title(text, at)
    second = ParsedArticle(section=article.section, title=title, paragraphs=_paragraphs(rest))
    result = list(articles)
    result[index : index + 1] = [first, second]
    origins: list[int | None] = list(range(len(articles)))
    origins[index + 1 : index + 1] = [None]
    pieces = _identity_pieces(articles, origins, result)
    pieces = [p for p in pieces if p.old != index]
    pieces.append(Piece(index, 0, len(head_text), index, 0))
    pieces.append(Piece(index, at, len(text), index + 1, 0))
    return Applied(result, origins, pieces)


def _merge(correction: Correction, articles: Sequence[ParsedArticle]) -> Applied:
    index = _find_article(correction, articles, first_allowed=False)
    first, second = articles[index - 1], articles[index]
    # The second article's printed lines stay on the page: its headlines (the parser's
    # mistake, usually) become paragraphs, its byline joins the first article's.
    extra = list(second.headlines)
    byline = first.byline
    if second.byline:
        if byline is None:
            byline = second.byline
        else:
            extra.append(second.byline)
    paragraphs = [*first.paragraphs, *extra, *second.paragraphs]
    merged = replace(
        first,
        paragraphs=paragraphs,
        captions=[*first.captions, *second.captions],
        byline=byline,
        authors=list(dict.fromkeys([*first.authors, *second.authors])),
        dateline=first.dateline or second.dateline,
    )
    offset = len(PARAGRAPH_SEPARATOR.join([*first.paragraphs, *extra]))
    if first.paragraphs or extra:
        offset += len(PARAGRAPH_SEPARATOR)
    result = list(articles)
    result[index - 1 : index + 1] = [merged]
    origins: list[int | None] = [i for i in range(len(articles)) if i != index]
    pieces = _identity_pieces(articles, origins, result)
    pieces.append(Piece(index - 1, 0, len(first.text), index - 1, 0))
    pieces.append(Piece(index, 0, len(second.text), index - 1, offset))
    return Applied(result, origins, pieces)


def _set(correction: Correction, articles: Sequence[ParsedArticle]) -> Applied:
    index = _find_article(correction, articles, first_allowed=True)
    value = correction.value or ""
    if correction.kind == SET_TITLE:
        changed = replace(articles[index], title=value)
    else:
        authors = [Author(str(a["name"]), str(a["role"])) for a in json.loads(value or "[]")]
        changed = replace(articles[index], authors=authors)
    result = list(articles)
    result[index] = changed
    origins: list[int | None] = list(range(len(articles)))
    return Applied(result, origins, _identity_pieces(articles, origins, result))


def _line(correction: Correction, articles: Sequence[ParsedArticle]) -> Applied:
    index, field_name, at = _find_line(correction, articles)
    article = articles[index]
    line = correction.exact
    paragraphs = list(article.paragraphs)
    captions = list(article.captions)
    headlines = list(article.headlines)
    title, kicker, subtitle = article.title, article.kicker, article.subtitle
    byline, authors = article.byline, list(article.authors)
    removed_span: tuple[int, int] | None = None
    if field_name == "paragraphs":
        start = len(PARAGRAPH_SEPARATOR.join(paragraphs[:at])) + (1 if at else 0)
        removed_span = (start, start + len(line))
        del paragraphs[at]
    elif field_name == "captions":
        del captions[at]
    elif field_name == "headlines":
        del headlines[at]
        kicker = None if kicker == line else kicker
        subtitle = None if subtitle == line else subtitle
        if title == line:
            title = (
                headlines[0]
                if headlines
                else (paragraphs[0][:FALLBACK_TITLE_CHARS] if paragraphs else "")
            )
    elif field_name == "byline":
        byline = None
    kind = correction.kind
    if kind == CAPTION:
        captions.append(line)
    elif kind == BYLINE:
        byline = line
        authors = credit_authors(line) if is_credit(line) else byline_authors(line)
    else:
        if kind == KICKER:
            kicker, place = line, 0
        elif kind == TITLE:
            title, place = line, (1 if kicker in headlines else 0)
        else:
            subtitle = line
            place = headlines.index(title) + 1 if title in headlines else len(headlines)
        headlines.insert(place, line)
    changed = replace(
        article,
        paragraphs=paragraphs,
        captions=captions,
        headlines=headlines,
        title=title,
        kicker=kicker,
        subtitle=subtitle,
        byline=byline,
        authors=authors,
    )
    result = list(articles)
    result[index] = changed
    origins: list[int | None] = list(range(len(articles)))
    pieces = _identity_pieces(articles, origins, result)
    if removed_span is not None:
        pieces = [p for p in pieces if p.old != index]
        start, end = removed_span
        old_length = len(article.text)
        if start > 0:
            pieces.append(Piece(index, 0, start - 1, index, 0))
        if end < old_length:
            pieces.append(Piece(index, end + 1, old_length, index, start))
    return Applied(result, origins, pieces)


# --- finding what a correction quotes ----------------------------------------------
# Each finder lists the candidate places in page order with how well their context fits;
# among the best-fitting ones the correction's `occurrence` picks (a page may print the
# same words with the same context twice; the correction counted which one it meant).
Place = tuple[int, ...]


def _choose(found: list[tuple[int, Place]], occurrence: int, missing: str) -> Place:
    if not found:
        raise NoFit(missing)
    best = max(fit for fit, _place in found)
    tied = [place for fit, place in found if fit == best]
    if occurrence > len(tied):
        raise NoFit(f"{missing} (only {len(tied)} place(s) like it are left)")
    return tied[occurrence - 1]


def _settle(correction: Correction, articles: Sequence[ParsedArticle], meant: Place) -> Correction:
    """The correction with the `occurrence` that finds `meant` among its lookalikes."""
    found = _candidates(correction, articles)
    best = max((fit for fit, _place in found), default=0)
    tied = [place for fit, place in found if fit == best]
    occurrence = tied.index(meant) + 1 if meant in tied else 1
    return replace(correction, occurrence=occurrence)


def _candidates(
    correction: Correction, articles: Sequence[ParsedArticle]
) -> list[tuple[int, Place]]:
    if correction.kind == SPLIT:
        return _cut_candidates(correction, articles)
    if correction.kind in LINE_KINDS:
        return _line_candidates(correction, articles)
    return _article_candidates(correction, articles, first_allowed=correction.kind != MERGE)


def _find_cut(correction: Correction, articles: Sequence[ParsedArticle]) -> tuple[int, int]:
    """(article index, cut position): where the text from the cut on starts, preceded
    by its prefix."""
    exact = correction.exact
    found = _cut_candidates(correction, articles)
    if correction.prefix and found and max(fit for fit, _place in found) == 0:
        raise NoFit(f"the text before “{exact[:16]}” changed")
    missing = f"the text “{exact[:16]}” is no longer inside an article of the page"
    index, at = _choose(found, correction.occurrence, missing)
    return index, at


def _cut_candidates(
    correction: Correction, articles: Sequence[ParsedArticle]
) -> list[tuple[int, Place]]:
    exact = correction.exact
    found: list[tuple[int, Place]] = []
    if not exact:
        return found
    for index, article in enumerate(articles):
        text = article.text
        at = text.find(exact)
        while at != -1:
            if at > 0:
                fit = _common_suffix(text[:at], correction.prefix)
                fit += _common_prefix(text[at + len(exact) :], correction.suffix)
                found.append((fit, (index, at)))
            at = text.find(exact, at + 1)
    return found


def _find_article(
    correction: Correction, articles: Sequence[ParsedArticle], *, first_allowed: bool
) -> int:
    found = _article_candidates(correction, articles, first_allowed=first_allowed)
    missing = f"no article of the page starts with “{correction.exact[:16]}” any more"
    return _choose(found, correction.occurrence, missing)[0]


def _article_candidates(
    correction: Correction, articles: Sequence[ParsedArticle], *, first_allowed: bool
) -> list[tuple[int, Place]]:
    found: list[tuple[int, Place]] = []
    for index, article in enumerate(articles):
        if (index == 0 and not first_allowed) or _key_of(article) != correction.exact:
            continue
        previous = articles[index - 1].text if index else ""
        found.append((_common_suffix(previous, correction.prefix), (index,)))
    return found


def _find_line(correction: Correction, articles: Sequence[ParsedArticle]) -> tuple[int, str, int]:
    found = _line_candidates(correction, articles)
    missing = f"the line “{correction.exact[:16]}” is no longer on the page"
    index, field_number, at = _choose(found, correction.occurrence, missing)
    return index, _FIELDS[field_number], at


_FIELDS = ("headlines", "byline", "paragraphs", "captions")


def _line_candidates(
    correction: Correction, articles: Sequence[ParsedArticle]
) -> list[tuple[int, Place]]:
    found: list[tuple[int, Place]] = []
    for index, article in enumerate(articles):
        lines = _lines(article)
        for position, (field_name, at, text) in enumerate(lines):
            if text != correction.exact:
                continue
            before = lines[position - 1][2] if position else ""
            after = lines[position + 1][2] if position + 1 < len(lines) else ""
            fit = _common_suffix(before, correction.prefix)
            fit += _common_prefix(after, correction.suffix)
            found.append((fit, (index, _FIELDS.index(field_name), at)))
    return found


def _lines(article: ParsedArticle) -> list[tuple[str, int, str]]:
    """An article's printed lines in reading order: (field, index in it, text)."""
    lines = [("headlines", i, h) for i, h in enumerate(article.headlines)]
    if article.byline:
        lines.append(("byline", 0, article.byline))
    lines.extend(("paragraphs", i, p) for i, p in enumerate(article.paragraphs))
    lines.extend(("captions", i, c) for i, c in enumerate(article.captions))
    return lines


def _article_key(kind: str, articles: Sequence[ParsedArticle], index: int) -> Correction:
    previous = articles[index - 1].text if index else ""
    article = articles[index]
    return Correction(
        kind,
        _key_of(article),
        previous[-CONTEXT_LENGTH:],
        article.text[CONTEXT_LENGTH : 2 * CONTEXT_LENGTH],
    )


def _key_of(article: ParsedArticle) -> str:
    """What names an article on its page: the start of its text, else its title."""
    return article.text[:CONTEXT_LENGTH] or article.title


def _probe(correction: Correction) -> str:
    return correction.exact.split(PARAGRAPH_SEPARATOR, 1)[0]


def _paragraphs(text: str) -> list[str]:
    return text.split(PARAGRAPH_SEPARATOR) if text else []


def _identity_pieces(
    before: Sequence[ParsedArticle], origins: Sequence[int | None], after: Sequence[ParsedArticle]
) -> list[Piece]:
    """Articles whose text did not change keep it whole, wherever they now stand."""
    pieces = []
    for new, old in enumerate(origins):
        if old is not None and before[old].text == after[new].text:
            pieces.append(Piece(old, 0, len(before[old].text), new, 0))
    return pieces


def _common_suffix(text: str, wanted: str) -> int:
    count = 0
    for a, b in zip(reversed(text), reversed(wanted), strict=False):
        if a != b:
            break
        count += 1
    return count


def _common_prefix(text: str, wanted: str) -> int:
    count = 0
    for a, b in zip(text, wanted, strict=False):
        if a != b:
            break
        count += 1
    return count


def parse_authors(specs: Sequence[str]) -> list[Author]:
    """Authors from "name:role" strings (role 记者 when left out)."""
    authors = []
    for spec in specs:
        name, _colon, role = spec.partition(":")
        name, role = name.strip(), role.strip() or "记者"
        if not name:
            raise NoFit(f"an author needs a name: {spec!r}")
        authors.append(Author(name, role))
    return authors
