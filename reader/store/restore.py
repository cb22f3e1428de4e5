"""Archive restore's database half: the rows of a checked archive into the library.

`reader.export.restore` reads and validates the archive file; `library.archive.restore`
runs `write_archive` in one write transaction. Promises:
- one transaction per archive: a bad archive changes nothing;
- idempotent: a page is known by its sha256 (else by its path: a changed version of the
  same file), an article by its place and title on that page, an annotation by its
  article, creation time and quote; importing the same archive twice adds nothing;
- where the library's article text differs from the archived one, each annotation is
  re-anchored (`reader.store.anchoring`) like on any re-import; one that cannot be
  placed is kept as an orphan with its quote, never as a wrong highlight.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from peewee import fn

from reader.parse.model import Author, ParsedArticle
from reader.store import anchoring
from reader.store.importer import article_row, match_articles
from reader.store.models import (
    Article,
    ArticleTag,
    Correction,
    Highlight,
    HighlightTag,
    Note,
    Source,
    Tag,
)
from reader.store.operations import normalize_tag
from reader.store.operations.corrections import recut
from reader.store.page_layout import correction_record
from reader.store.records import CorrectionRecord, ReanchorOutcome
from reader.times import parse_time


@dataclass(frozen=True)
class RestoreResult:
    sources_created: int = 0
    articles_created: int = 0
    articles_matched: int = 0
    highlights_created: int = 0
    highlights_present: int = 0  # already in the library: skipped
    reanchored: tuple[ReanchorOutcome, ...] = ()
    corrections_created: int = 0
    #: Archived corrections that do not fit the library's version of their page.
    corrections_not_applied: tuple[CorrectionRecord, ...] = ()


@dataclass
class _Placed:
    """An archived article's place in the target library."""

    article_id: int
    text: str  # the library's text, which highlights must index into
    archived_text: str


def write_archive(archive: Mapping[str, Any]) -> RestoreResult:
    """Write a checked archive's rows (models bound, inside the caller's write
    transaction). A KeyError, TypeError or ValueError means the archive is incomplete
    in a way its check did not catch; the caller rolls back and says so."""
    return _Restore().run(archive)


class _Restore:
    def __init__(self) -> None:
        self.sources_created = 0
        self.articles_created = 0
        self.articles_matched = 0
        self.highlights_created = 0
        self.highlights_present = 0
        self.outcomes: list[ReanchorOutcome] = []
        self.corrections_created = 0
        self.misfits: list[CorrectionRecord] = []
        self.tag_ids: dict[str, int] = {}
        #: Per article: (creation time, quote) of the highlights it has, loaded once.
        self.present: dict[int, set[tuple[dt.datetime, str]]] = {}

    def run(self, archive: Mapping[str, Any]) -> RestoreResult:
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
        for data in archive["sources"]:
            source, created = sources[data["sha256"]]
            if self._corrections(source, data.get("corrections", ())) and not created:
                # The library's page was cut without them: cut it again with them (a
                # new page's articles come from the archive, already corrected).
                update, misfits = recut(source)
                self.outcomes.extend(update.reanchored)
                self.misfits.extend(correction_record(m) for m in misfits)
        return RestoreResult(
            self.sources_created,
            self.articles_created,
            self.articles_matched,
            self.highlights_created,
            self.highlights_present,
            tuple(self.outcomes),
            self.corrections_created,
            tuple(self.misfits),
        )

    def _corrections(self, source: Source, archived: Iterable[dict[str, Any]]) -> bool:
        """Add the archived corrections the page does not have yet (known by kind,
        quote, value and time), after its own; whether any was added."""
        present = {
            (c.kind, c.exact, c.value, c.created_at)
            for c in Correction.select().where(Correction.source == source.id)
        }
        seq = (
            Correction.select(fn.MAX(Correction.seq)).where(Correction.source == source.id).scalar()
            or 0
        )
        added = False
        for data in archived:
            created = _required_time(data["created"])
            key = (data["kind"], data["exact"], data.get("value"), created)
            if key in present:
                continue
            present.add(key)
            seq += 1
            Correction.insert(
                source=source.id,
                seq=seq,
                kind=data["kind"],
                exact=data["exact"],
                prefix=data.get("prefix", ""),
                suffix=data.get("suffix", ""),
                page_start=data.get("page_start", -1),
                page_end=data.get("page_end", -1),
                value=data.get("value"),
                occurrence=data.get("occurrence", 1),
                created_at=created,
            ).execute()
            self.corrections_created += 1
            added = True
        return added

    def _source(self, data: dict[str, Any]) -> tuple[Source, bool]:
        """The library's page for `data`: same content, else the same file changed."""
        same = Source.get_or_none(Source.sha256 == data["sha256"])
        if same is None and data.get("kind") != "paste":  # pastes share the path "pasted"
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
            **_origin_columns(data),
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
        # The text is what the archived highlights index into, as archived.
        row = article_row(source_id, position, article, text=data["text"])
        row.update(
            created_at=parse_time(data["created"]),
            read_at=parse_time(data.get("read")),
        )
        self.articles_created += 1
        return int(Article.insert(**row).execute())

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
        created = _required_time(data["created"])
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


def _required_time(value: str) -> dt.datetime:
    """A time the archive must hold (its check makes sure it is there)."""
    parsed = parse_time(value)
    if parsed is None:
        raise ValueError(f"a required time is missing: {value!r}")
    return parsed


def _origin_columns(data: Mapping[str, Any]) -> dict[str, object]:
    """A source's kind, raw bytes and metadata as the archive carries them (an archive
    from before sources had kinds carries none: a text page)."""
    encoded = data.get("raw_base64")
    return {
        "kind": data.get("kind") or "text",
        "raw_bytes": base64.b64decode(encoded) if encoded else None,
        **{key: data.get(key) for key in ("site", "url", "title", "published")},
    }
