"""Bringing a JSON archive (`web_annotation`) into a library, possibly not empty.

Promises:
- one transaction per archive: a bad archive changes nothing;
- idempotent: a page is known by its sha256 (else by its path: a changed version of the
  same file), an article by its place and title on that page, an annotation by its
  article, creation time and quote; importing the same archive twice adds nothing;
- where the library's article text differs from the archived one, each annotation is
  re-anchored (`reader.store.anchoring`) like on any re-import; one that cannot be
  placed is kept as an orphan with its quote, never as a wrong highlight.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.parse.model import Author, ParsedArticle
from reader.store import anchoring
from reader.store.database import bind, write_transaction
from reader.store.importer import article_row, match_articles
from reader.store.library import Library, normalize_tag
from reader.store.models import (
    Article,
    ArticleTag,
    Highlight,
    HighlightTag,
    Note,
    Source,
    Tag,
    parse_time,
)
from reader.store.records import ReanchorOutcome

from .archive_schema import SHOWN_PROBLEMS, archive_problems
from .web_annotation import FORMAT_NAME, FORMAT_VERSION

#: How deeply an archive nests: {"annotations": [{"target": {"selector": [{…}]}}]}.
ARCHIVE_NESTING = 5
#: Refused before parsing: room for unknown extra fields, far from exhausting recursion.
MAX_NESTING = 64
#: A JSON string (its brackets are text), and anything that is not a bracket.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class ArchiveError(ReaderError):
    """The file is not a reader archive this version can read."""


@dataclass(frozen=True)
class RestoreResult:
    sources_created: int = 0
    articles_created: int = 0
    articles_matched: int = 0
    highlights_created: int = 0
    highlights_present: int = 0  # already in the library: skipped
    reanchored: tuple[ReanchorOutcome, ...] = ()


@dataclass
class _Placed:
    """An archived article's place in the target library."""

    article_id: int
    text: str  # the library's text, which highlights must index into
    archived_text: str


def load_archive(path: Path | str) -> dict[str, Any]:
    """Read and check an archive file: ArchiveError when it is unreadable, not JSON, not
    ours, a newer version, or not valid against ARCHIVE.md (the first problems named)."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ArchiveError(f"cannot read {shown}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise ArchiveError(f"{shown} is not a reader archive (not UTF-8 text)") from error
    data = parse_archive_json(text, shown)
    check_archive(data, shown)
    return data


def parse_archive_json(text: str, shown: str = "the file") -> Any:
    """JSON as the archive format allows it: no NaN or Infinity (Python's json reads
    them, SQLite cannot store them), no number too large for a float, and no nesting
    deeper than the format's own, checked before parsing (a deeply nested file would
    exhaust the parser's recursion)."""
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise ArchiveError(
            f"{shown} is not a reader archive (its JSON is nested {depth} levels deep; "
            f"an archive needs {ARCHIVE_NESTING})"
        )
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        raise ArchiveError(f"{shown} is not a reader archive (not JSON text: {error})") from error
    except ValueError as error:  # a refused number, or an integer of thousands of digits
        raise ArchiveError(
            f"{shown} is not a valid reader archive ({error}); nothing was imported"
        ) from error


def nesting_depth(text: str) -> int:
    """How deeply the JSON text's arrays and objects nest (brackets inside strings do
    not count), without parsing it: regular expressions and `accumulate` run in C."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(itertools.accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)


def check_archive(data: Any, shown: str = "the file") -> None:
    """ArchiveError unless `data` is a reader archive of a version this program reads
    that is valid against ARCHIVE.md; names the first few problems."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ArchiveError(f'{shown} is not a reader archive (no "format": "{FORMAT_NAME}")')
    version = data.get("version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise ArchiveError(
            f"{shown} is archive version {version}; this reader reads up to version "
            f"{FORMAT_VERSION}: update the program"
        )
    problems = archive_problems(data)
    if problems:
        listed = problems[:SHOWN_PROBLEMS]
        if len(problems) > len(listed):
            listed.append("… and more")
        raise ArchiveError(
            f"{shown} is not a valid reader archive; nothing was imported:\n  "
            + "\n  ".join(listed)
        )


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number an archive may hold")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:40]} is too large a number")
    return value


def restore_archive(library: Library, archive: dict[str, Any] | Path | str) -> RestoreResult:
    """Import the archive (a loaded dict or a file path) into `library`."""
    if not isinstance(archive, dict):
        archive = load_archive(archive)
    else:
        check_archive(archive)
    try:
        with write_transaction(library.database):
            bind(library.database)
            return _Restore().run(archive)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ArchiveError(f"the archive is damaged or incomplete: {error!r}") from error


class _Restore:
    def __init__(self) -> None:
        self.sources_created = 0
        self.articles_created = 0
        self.articles_matched = 0
        self.highlights_created = 0
        self.highlights_present = 0
        self.outcomes: list[ReanchorOutcome] = []
        self.tag_ids: dict[str, int] = {}
        #: Per article: (creation time, quote) of the highlights it has, loaded once.
        self.present: dict[int, set[tuple[dt.datetime, str]]] = {}

    def run(self, archive: dict[str, Any]) -> RestoreResult:
        sources = {s["sha256"]: self._source(s) for s in archive["sources"]}
        pages: dict[str, list[dict[str, Any]]] = {}
        for article in archive["articles"]:
            pages.setdefault(article["source"], []).append(article)
        placed: dict[str, _Placed] = {}
        for sha256, articles in pages.items():
            source, created = sources[sha256]
            placed.update(self._page(source, created, articles))
        for annotation in archive["annotations"]:
            self._annotation(placed[annotation["target"]["source"]], annotation)
        return RestoreResult(
            self.sources_created,
            self.articles_created,
            self.articles_matched,
            self.highlights_created,
            self.highlights_present,
            tuple(self.outcomes),
        )

    def _source(self, data: dict[str, Any]) -> tuple[Source, bool]:
        """The library's page for `data`: same content, else the same file changed."""
        same = Source.get_or_none(Source.sha256 == data["sha256"])
        if same is None:
            same = (
                Source.select()
                .where(Source.path == data["path"])
                .order_by(Source.imported_at.desc(), Source.id.desc())
                .first()
            )
        if same is not None:
            return same, False
        self.sources_created += 1
        source = Source.create(
            path=data["path"],
            sha256=data["sha256"],
            encoding=data["encoding"],
            raw_text=data["raw_text"],
            imported_at=parse_time(data["imported"]),
        )
        return source, True

    def _page(
        self, source: Source, source_created: bool, articles: list[dict[str, Any]]
    ) -> dict[str, _Placed]:
        """Place a page's archived articles: on the library's articles they continue
        (matched as a re-import matches them), else as new articles of the page."""
        existing = [] if source_created else list(Article.select().where(Article.source == source))
        matches = match_articles(existing, [(a["position"], a["title"]) for a in articles])
        taken = {a.position for a in existing}
        placed = {}
        for data in articles:
            match = matches.get(data["position"])
            if match is None:
                article_id, text = self._insert_article(source.id, data, taken), data["text"]
            else:
                self.articles_matched += 1
                article_id, text = match.id, match.text
                read_at = parse_time(data.get("read"))
                if read_at is not None and match.read_at is None:
                    Article.update(read_at=read_at).where(Article.id == article_id).execute()
            for name in data.get("tags", ()):
                ArticleTag.insert(
                    article=article_id, tag=self._tag_id(name)
                ).on_conflict_ignore().execute()
            placed[data["id"]] = _Placed(article_id, text, data["text"])
        return placed

    def _insert_article(self, source_id: int, data: dict[str, Any], taken: set[int]) -> int:
        """A new article at its archived place, or after the page's last one when that
        place holds another article."""
        position = data["position"]
        if position in taken:
            position = max(taken) + 1
        taken.add(position)
        article = ParsedArticle(
            section=data["section"],
            headlines=list(data["headlines"]),
            title=data["title"],
            byline=data["byline"],
            authors=[Author(a["name"], a["role"]) for a in data["authors"]],
            paragraphs=list(data["paragraphs"]),
            captions=list(data["captions"]),
        )
        row = article_row(source_id, position, article)
        row.update(
            text=data["text"],  # what the archived highlights index into, as archived
            created_at=parse_time(data["created"]),
            read_at=parse_time(data.get("read")),
        )
        self.articles_created += 1
        return Article.insert(**row).execute()

    def _annotation(self, place: _Placed, data: dict[str, Any]) -> None:
        quote, position = _selectors(data)
        selector = anchoring.Selector(
            quote["exact"], quote.get("prefix", ""), quote.get("suffix", ""), *position
        )
        orphaned = bool(data.get("reader:orphaned", False))
        reanchored = None
        if place.text != place.archived_text:
            reanchored, selector = anchoring.relocate(selector, place.text, place.archived_text)
            orphaned = reanchored.orphaned
        color = data.get("reader:color", "yellow")
        created = parse_time(data["created"])
        present = self._present(place.article_id)
        if (created, selector.exact) in present:
            self.highlights_present += 1
            return
        present.add((created, selector.exact))
        highlight_id = Highlight.insert(
            article=place.article_id,
            **selector.columns(),
            color=color,
            orphaned=orphaned,
            created_at=created,
            updated_at=parse_time(data.get("modified")) or created,
        ).execute()
        self.highlights_created += 1
        for body in data.get("body", ()):
            if body.get("purpose") == "commenting" and body["value"].strip():
                Note.insert(
                    highlight=highlight_id,
                    body=body["value"],
                    created_at=parse_time(body.get("created")) or created,
                    updated_at=parse_time(body.get("modified")) or created,
                ).on_conflict_ignore().execute()
            elif body.get("purpose") == "tagging":
                HighlightTag.insert(
                    highlight=highlight_id, tag=self._tag_id(body["value"])
                ).on_conflict_ignore().execute()
        if reanchored is not None:
            self.outcomes.append(
                ReanchorOutcome(
                    highlight_id,
                    reanchored.method,
                    position[0],
                    position[1],
                    reanchored.start,
                    reanchored.end,
                )
            )

    def _present(self, article_id: int) -> set[tuple[dt.datetime, str]]:
        if article_id not in self.present:
            rows = Highlight.select(Highlight.created_at, Highlight.exact).where(
                Highlight.article == article_id
            )
            self.present[article_id] = {(r.created_at, r.exact) for r in rows}
        return self.present[article_id]

    def _tag_id(self, name: str) -> int:
        name = normalize_tag(name)
        if name not in self.tag_ids:
            tag = Tag.get_or_none(Tag.name == name)
            self.tag_ids[name] = tag.id if tag is not None else Tag.create(name=name).id
        return self.tag_ids[name]


def _selectors(data: dict[str, Any]) -> tuple[dict[str, Any], tuple[int, int]]:
    """The TextQuoteSelector and the (start, end) of the TextPositionSelector."""
    found = {s["type"]: s for s in data["target"]["selector"]}
    quote = found["TextQuoteSelector"]
    position = found["TextPositionSelector"]
    return quote, (int(position["start"]), int(position["end"]))
