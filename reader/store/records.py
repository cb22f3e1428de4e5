"""Plain, immutable values the Library hands out: the UI, search, export and the CLI
never see peewee rows, so they cannot write SQL or hold a row across threads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reader.parse.model import Author, Dateline, PageInfo


@dataclass(frozen=True)
class SourceOrigin:
    """Where an article came from besides its printed page: what its source was read as
    (`reader.sources.SourceKind` value) and what the source says about itself (a web
    page's site, address, title and date); None where it says nothing."""

    kind: str = "text"
    site: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO yyyy-mm-dd


@dataclass(frozen=True)
class SourceSummary:
    id: int
    path: str
    encoding: str
    imported_at: dt.datetime
    article_count: int
    page: PageInfo = field(default_factory=PageInfo)
    origin: SourceOrigin = field(default_factory=SourceOrigin)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list: cheap to load 300,000 of (slots: no dict per row;
    rows of one page share its `PageInfo`, `SourceOrigin`, path and time)."""

    id: int
    source_id: int
    source_path: str
    position: int
    title: str
    author_names: str
    highlight_count: int
    is_read: bool
    imported_at: dt.datetime
    page: PageInfo = field(default_factory=PageInfo)  # the printed page, when its furniture said
    origin: SourceOrigin = field(default_factory=SourceOrigin)


@dataclass(frozen=True)
class HighlightRecord:
    id: int
    article_id: int
    start: int  # code points into ArticleRecord.text
    end: int
    exact: str
    prefix: str
    suffix: str
    color: str
    orphaned: bool
    note: str  # "" when there is none
    tags: tuple[str, ...]
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    source_id: int
    source_path: str
    position: int
    section: str | None
    headlines: tuple[str, ...]
    title: str
    byline: str | None
    authors: tuple[Author, ...]
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    text: str
    tags: tuple[str, ...]
    is_read: bool
    imported_at: dt.datetime
    highlights: tuple[HighlightRecord, ...] = ()  # reading order: start, then end, then id
    kicker: str | None = None
    subtitle: str | None = None
    dateline: Dateline | None = None
    page: PageInfo = field(default_factory=PageInfo)
    origin: SourceOrigin = field(default_factory=SourceOrigin)


@dataclass(frozen=True)
class TagCount:
    id: int
    name: str
    highlight_count: int
    article_count: int


@dataclass(frozen=True)
class TagSnapshot:
    """Everything needed to bring a deleted or merged-away tag back (undo)."""

    name: str
    created_at: dt.datetime
    highlight_ids: tuple[int, ...]
    article_ids: tuple[int, ...]
    id: int | None = None  # given back to the tag when still free, so an undo is exact


@dataclass(frozen=True)
class MergeResult:
    """What `merge_tags` changed, so the UI can undo it exactly."""

    source: TagSnapshot
    target: str
    added_highlight_ids: tuple[int, ...]  # links the target did not have before
    added_article_ids: tuple[int, ...]
    target_created: bool = False  # the merge created `target`; undo removes it again


@dataclass(frozen=True)
class ReanchorOutcome:
    highlight_id: int
    method: str  # "position" | "diff" | "quote" | "fuzzy" | "orphaned"
    old_start: int
    old_end: int
    new_start: int | None
    new_end: int | None


@dataclass(frozen=True)
class CorrectionRecord:
    """A correction stored on a page (`reader.store.corrections`): `misfit` says why
    it did not fit the page when it was last parsed (None: it fit)."""

    id: int
    source_id: int
    seq: int
    kind: str
    quote: str  # `exact`: what the correction quotes (see reader.store.corrections)
    value: str | None
    created_at: dt.datetime
    misfit: str | None = None
    prefix: str = ""
    suffix: str = ""
    page_start: int = -1
    page_end: int = -1
    occurrence: int = 1


@dataclass(frozen=True)
class ImportResult:
    path: str
    status: str  # "imported" | "unchanged" | "reparsed" | "failed" | "skipped"
    source_id: int | None = None
    article_ids: tuple[int, ...] = ()
    reason: str | None = None  # for "failed" and "skipped": a sentence a person understands
    reanchored: tuple[ReanchorOutcome, ...] = ()
    #: What the file was read as (`reader.sources.SourceKind` value: "text", "html",
    #: "pdf"…); None when it was not read.
    kind: str | None = None
    #: The page's corrections that no longer fit its new text: not applied, kept.
    corrections_not_applied: tuple[CorrectionRecord, ...] = ()


@dataclass
class ImportSummary:
    results: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False
    #: Why the import stopped before the end (the disk is full, the library cannot be
    #: written or is damaged: every further page would fail the same way), else "".
    stopped: str = ""
    not_attempted: int = 0  # files left when it stopped

    @property
    def failures(self) -> list[ImportResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def skipped(self) -> list[ImportResult]:
        """Files in an imported folder that no reader takes (pictures…), with why."""
        return [r for r in self.results if r.status == "skipped"]

    @property
    def ok(self) -> bool:
        return not self.failures and not self.cancelled and not self.stopped


@dataclass(frozen=True)
class ImportProgress:
    done: int
    total: int
    current_path: str


@dataclass(frozen=True)
class NoteRecord:
    """A highlight's note with its own times (the archive keeps them)."""

    highlight_id: int
    body: str
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class ArticleTimes:
    created_at: dt.datetime
    read_at: dt.datetime | None  # None: unread


@dataclass(frozen=True)
class SourceRecord:
    """An imported page with its raw text, as the archive stores it."""

    id: int
    path: str
    sha256: str
    encoding: str
    imported_at: dt.datetime
    raw_text: str
    origin: SourceOrigin = field(default_factory=SourceOrigin)
    raw_bytes: bytes | None = None  # every kind but text pages and pasted plain text
