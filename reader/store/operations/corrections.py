"""Page corrections as operations: split, merge, a line as title/kicker/subtitle/caption/
byline, a title or authors set by hand.

Each one stores the correction on the page (`models.Correction`, the quote and context
of `reader.store.corrections`) and makes it on the page's article rows at once: the
articles the page has now (the parser's, with earlier corrections) are cut again, rows
are updated in place (ids kept), a new article is inserted, a merged one deleted, and
highlights move with their text by the exact offsets the cut gives: same ids, notes and
tags. A correction that would leave a highlight without its text (a highlighted line
made the title, a highlight across the cut) is refused with the highlights named.

Undo is `RestorePage` with a snapshot of the page taken before (article rows, the
highlights on them, their article tags, the page's corrections), so the tables are
exactly as they were; its own inverse is a snapshot of the state it replaced, so a redo
is exact too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from reader.errors import ReaderError
from reader.parse.model import Author, Dateline, ParsedArticle, ParsedPage
from reader.store import anchoring
from reader.store import corrections as model
from reader.store.change import Change
from reader.store.importer import PageUpdate, article_row, update_page
from reader.store.models import Article, ArticleTag, Correction, Highlight, Source
from reader.store.operations.base import Label, Operation, OpResult, unchanged
from reader.store.operations.rows import get_article
from reader.times import utcnow

#: Article columns a snapshot keeps (all of them: an undo must leave the row as it was).
_ARTICLE_COLUMNS = tuple(Article._meta.sorted_field_names)
_HIGHLIGHT_COLUMNS = ("id", "article", "start", "end", "exact", "prefix", "suffix", "orphaned")
_CORRECTION_COLUMNS = tuple(Correction._meta.sorted_field_names)
_CORRECT_PAGE = Label("Correct page")
_LINE_LABELS = {
    model.TITLE: Label("Use line as title"),
    model.KICKER: Label("Use line as kicker"),
    model.SUBTITLE: Label("Use line as subtitle"),
    model.CAPTION: Label("Mark as caption"),
    model.BYLINE: Label("Mark as byline"),
}


def parsed_of(row: Article) -> ParsedArticle:
    """A stored article as the parser's model, to cut it again."""
    dateline = json.loads(row.dateline) if row.dateline else None
    return ParsedArticle(
        section=row.section,
        headlines=list(json.loads(row.headlines or "[]")),
        title=row.title,
        byline=row.byline,
        authors=[Author(a["name"], a["role"]) for a in json.loads(row.authors or "[]")],
        paragraphs=row.paragraph_list(),
        captions=list(json.loads(row.captions or "[]")),
        kicker=row.kicker,
        subtitle=row.subtitle,
        dateline=Dateline(**dateline) if isinstance(dateline, dict) else None,
    )


def page_articles(source_id: int) -> list[Article]:
    query = Article.select().where(Article.source == source_id).order_by(Article.position)
    return list(query)


def stored_corrections(source_id: int) -> list[Correction]:
    query = Correction.select().where(Correction.source == source_id).order_by(Correction.seq)
    return list(query)


def correction_of(row: Correction) -> model.Correction:
    return model.Correction(
        row.kind,
        row.exact,
        row.prefix,
        row.suffix,
        row.page_start,
        row.page_end,
        row.value,
        row.occurrence,
    )


def reapply(source_id: int, page: ParsedPage) -> tuple[ParsedPage, list[Correction]]:
    """`page` (just parsed) with the page's stored corrections made again, in order;
    and the corrections that no longer fit, each with its `misfit` reason stored (and
    cleared on those that fit again). A correction that does not fit is skipped: the
    ones after it still apply where they fit."""
    articles = list(page.articles)
    misfits = []
    for row in stored_corrections(source_id):
        reason = None
        try:
            articles = model.apply(correction_of(row), articles, page.raw_text).articles
        except model.NoFit as error:
            reason = str(error)
            misfits.append(row)
        if row.misfit != reason:
            Correction.update(misfit=reason).where(Correction.id == row.id).execute()
            row.misfit = reason
    return replace(page, articles=articles), misfits


def recut(source: Source) -> tuple[PageUpdate, list[Correction]]:
    """Parse a stored page again and make its corrections on top: its articles
    updated in place, highlights re-anchored (`importer.update_page`); and the
    corrections that did not fit. A source other than a text page is read again from
    its raw bytes (`source_rows.read_again`; InputFileError if today's reader refuses
    them)."""
    from reader.parse.model import SourceInfo
    from reader.parse.page import parse_text
    from reader.store.source_rows import read_again

    again = read_again(source)
    if again is None:
        parsed, columns = parse_text(source.raw_text, path=source.path), None
    else:
        parsed, columns = again
    page = replace(parsed, source=SourceInfo(source.path, source.encoding, source.sha256))
    page, misfits = reapply(int(source.id), page)
    return update_page(source, page, touch=False, source_columns=columns), misfits


# --- snapshots for undo -----------------------------------------------------------
@dataclass(frozen=True)
class PageSnapshot:
    """A page's article rows, the highlights on them, their article tags and the
    page's corrections, as column tuples: what `RestorePage` puts back exactly."""

    source_id: int
    articles: tuple[tuple[Any, ...], ...]
    highlights: tuple[tuple[Any, ...], ...]
    article_tags: tuple[tuple[int, int], ...]
    corrections: tuple[tuple[Any, ...], ...]
    page_sha256: str = ""  # the page's content then: a re-imported page is not put back

    @classmethod
    def take(cls, source_id: int) -> PageSnapshot:
        articles = Article.select().where(Article.source == source_id).order_by(Article.id)
        article_ids = [a.id for a in articles]
        highlights = (
            Highlight.select(*[Highlight._meta.fields[c] for c in _HIGHLIGHT_COLUMNS])
            .where(Highlight.article.in_(article_ids))
            .order_by(Highlight.id)
            .tuples()
        )
        tags = (
            ArticleTag.select(ArticleTag.article, ArticleTag.tag)
            .where(ArticleTag.article.in_(article_ids))
            .tuples()
        )
        return cls(
            source_id,
            tuple(tuple(_raw(a, c) for c in _ARTICLE_COLUMNS) for a in articles),
            tuple(tuple(h) for h in highlights),
            tuple(sorted((int(a), int(t)) for a, t in tags)),
            tuple(
                tuple(_raw(c, name) for name in _CORRECTION_COLUMNS)
                for c in Correction.select().where(Correction.source == source_id)
            ),
            str(Source.get_by_id(source_id).sha256),
        )

    @property
    def article_ids(self) -> frozenset[int]:
        index = _ARTICLE_COLUMNS.index("id")
        return frozenset(int(row[index]) for row in self.articles)


def _raw(row: Any, column: str) -> Any:
    """A column's value as stored (a foreign key as its id)."""
    field = row._meta.fields[column]
    if isinstance(field, type(Article.source)):
        return getattr(row, field.column_name)
    return getattr(row, column)


@dataclass(frozen=True)
class RestorePage(Operation[None]):
    """Put a page's articles, their highlights' places, article tags and the page's
    corrections back as `snapshot` has them: the undo (and redo) of a correction."""

    snapshot: PageSnapshot
    label_text: Label = _CORRECT_PAGE

    @property
    def label(self) -> Label:
        return self.label_text

    def apply(self) -> OpResult[None]:
        snap = self.snapshot
        before = PageSnapshot.take(snap.source_id)
        if before == snap:
            return unchanged(None)
        wanted = {row[_ARTICLE_COLUMNS.index("id")]: row for row in snap.articles}
        current = {a.id: a for a in page_articles(snap.source_id)}
        _check_still_restorable(snap, before, wanted, current)
        if current:
            Article.update(position=-1 - Article.id).where(Article.id.in_(list(current))).execute()
        for article_id, row in wanted.items():
            columns = dict(zip(_ARTICLE_COLUMNS, row, strict=True))
            columns["source"] = columns.pop("source")
            old = current.get(article_id)
            if old is None:
                Article.insert(**columns).execute()
                continue
            del columns["id"]
            changed = {k: v for k, v in columns.items() if _raw(old, k) != v or k == "position"}
            Article.update(**changed).where(Article.id == article_id).execute()
        for row in snap.highlights:
            columns = dict(zip(_HIGHLIGHT_COLUMNS, row, strict=True))
            highlight_id = columns.pop("id")
            Highlight.update(**columns).where(Highlight.id == highlight_id).execute()
        ArticleTag.delete().where(ArticleTag.article.in_(list(wanted) + list(current))).execute()
        if snap.article_tags:
            ArticleTag.insert_many(
                list(snap.article_tags), fields=[ArticleTag.article, ArticleTag.tag]
            ).execute()
        gone = [i for i in current if i not in wanted]
        if gone:
            Article.delete().where(Article.id.in_(gone)).execute()
        Correction.delete().where(Correction.source == snap.source_id).execute()
        for row in snap.corrections:
            columns = dict(zip(_CORRECTION_COLUMNS, row, strict=True))
            Correction.insert(**columns).execute()
        moved = _moved_highlights(before, snap)
        change = Change(
            article_ids=before.article_ids | snap.article_ids,
            highlight_ids=moved,
            article_list_changed=True,
        )
        return OpResult(change, RestorePage(before, self.label_text), None)


_NO_LONGER = (
    "this page was imported or re-parsed again since the correction, so it cannot be "
    "put back as it was; correct the page again instead"
)


def _check_still_restorable(
    snap: PageSnapshot, before: PageSnapshot, wanted: dict[Any, Any], current: dict[int, Any]
) -> None:
    """Refuse (changing nothing) to put a page back when something other than its
    corrections changed it since: its text (a re-import), a highlight the snapshot does
    not know on an article that would go (it would be deleted with it), or an article
    id that another page's new article now uses (SQLite hands out deleted rows' ids
    again)."""
    if snap.page_sha256 != before.page_sha256:
        raise ReaderError(_NO_LONGER)
    known = {row[0] for row in snap.highlights}
    gone = {i for i in current if i not in wanted}
    if any(row[0] not in known and row[1] in gone for row in before.highlights):
        raise ReaderError(_NO_LONGER)
    missing = [i for i in wanted if i not in current]
    if missing and Article.select().where(Article.id.in_(missing)).exists():
        raise ReaderError(_NO_LONGER)


def _moved_highlights(before: PageSnapshot, after: PageSnapshot) -> frozenset[int]:
    old = {row[0]: row for row in before.highlights}
    return frozenset(row[0] for row in after.highlights if old.get(row[0]) != row)


# --- the corrections ----------------------------------------------------------------
class _Correct(Operation[int]):
    """What every correction does; subclasses say which correction the user's request
    is on the page's current articles. The value is the id of the article the user
    acts on afterwards (the new one of a split, the merged one of a merge)."""

    article_id: int

    def correction(self, articles: Sequence[ParsedArticle], index: int) -> model.Correction:
        raise NotImplementedError

    def apply(self) -> OpResult[int]:
        target = get_article(self.article_id)
        source_id = int(target.source_id)
        rows = page_articles(source_id)
        index = next(i for i, row in enumerate(rows) if row.id == target.id)
        articles = [parsed_of(row) for row in rows]
        raw_text = str(Source.get_by_id(source_id).raw_text)
        try:
            correction = model.with_page_position(self.correction(articles, index), raw_text)
            applied = model.apply(correction, articles, raw_text)
        except model.NoFit as error:
            raise ReaderError(str(error)) from None
        snapshot = PageSnapshot.take(source_id)
        ids = _write(source_id, rows, applied)
        seq = max((c.seq for c in stored_corrections(source_id)), default=0) + 1
        Correction.insert(
            source=source_id,
            seq=seq,
            kind=correction.kind,
            exact=correction.exact,
            prefix=correction.prefix,
            suffix=correction.suffix,
            page_start=correction.page_start,
            page_end=correction.page_end,
            value=correction.value,
            occurrence=correction.occurrence,
        ).execute()
        after = PageSnapshot.take(source_id)
        change = Change(
            article_ids=snapshot.article_ids | after.article_ids,
            highlight_ids=_moved_highlights(snapshot, after),
            article_list_changed=True,
        )
        return OpResult(change, RestorePage(snapshot, self.label), ids[self.result_index(index)])

    def result_index(self, index: int) -> int:
        return index


def _write(source_id: int, rows: Sequence[Article], applied: model.Applied) -> list[int]:
    """Make the page's rows what `applied` says, highlights following their text;
    returns the article ids in page order."""
    old_ids = [int(row.id) for row in rows]
    lost = _highlights_without_text(old_ids, applied)
    if lost:
        shown = ", ".join(str(i) for i in lost[:5])
        raise ReaderError(
            f"highlight(s) {shown} would lose their text: the correction cuts through them "
            "or takes their line out of the text; shorten or delete them first"
        )
    if old_ids:
        Article.update(position=-1 - Article.id).where(Article.id.in_(old_ids)).execute()
    now = utcnow()
    ids: list[int] = []
    for position, (article, origin) in enumerate(
        zip(applied.articles, applied.origins, strict=True)
    ):
        row = article_row(source_id, position, article)
        if origin is None:
            row["created_at"] = now
            split_from = applied.origins[position - 1] if position else None
            if split_from is not None:  # the new half was read if the article was
                row["read_at"] = rows[split_from].read_at
            ids.append(int(Article.insert(**row).execute()))
            continue
        old = rows[origin]
        del row["source"]
        changed = {k: v for k, v in row.items() if getattr(old, k) != v or k == "position"}
        Article.update(**changed).where(Article.id == old.id).execute()
        ids.append(int(old.id))
    texts = {ids[i]: a.text for i, a in enumerate(applied.articles)}
    _move_highlights(old_ids, ids, applied, texts)
    kept = {old_ids[o] for o in applied.origins if o is not None}
    for new_index, origin in enumerate(applied.origins):
        if origin is None and new_index > 0:  # a split: the new half gets the first's tags
            _copy_tags(ids[new_index - 1], ids[new_index])
    for old_index, old_id in enumerate(old_ids):
        if old_id not in kept:  # merged into the article before it
            into = ids[_merged_into(applied, old_index)]
            _copy_tags(old_id, into)
            # Orphans keep their saved quote and span; they stay with the text's article.
            Highlight.update(article=into).where(Highlight.article == old_id).execute()
            Article.delete().where(Article.id == old_id).execute()
    return ids


def _merged_into(applied: model.Applied, old_index: int) -> int:
    piece = next(p for p in applied.pieces if p.old == old_index)
    return piece.new


def _copy_tags(from_id: int, to_id: int) -> None:
    query = ArticleTag.select(ArticleTag.tag).where(ArticleTag.article == from_id)
    for (tag_id,) in query.tuples():
        ArticleTag.insert(article=to_id, tag=tag_id).on_conflict_ignore().execute()


def _highlights_without_text(old_ids: Sequence[int], applied: model.Applied) -> list[int]:
    lost = []
    for highlight_id, article_id, start, end in _highlights(old_ids):
        if _place(old_ids.index(article_id), start, end, applied.pieces) is None:
            lost.append(highlight_id)
    return lost


def _highlights(article_ids: Sequence[int]) -> list[tuple[int, int, int, int]]:
    query = Highlight.select(Highlight.id, Highlight.article, Highlight.start, Highlight.end)
    rows = query.where(Highlight.article.in_(list(article_ids)), ~Highlight.orphaned).tuples()
    return [(int(h), int(a), int(s), int(e)) for h, a, s, e in rows]


def _place(old: int, start: int, end: int, pieces: Sequence[model.Piece]) -> model.Piece | None:
    for piece in pieces:
        if piece.old == old and piece.old_start <= start and end <= piece.old_end:
            return piece
    return None


def _move_highlights(
    old_ids: Sequence[int], new_ids: Sequence[int], applied: model.Applied, texts: dict[int, str]
) -> None:
    """Each highlight to where its text went: the span shifted by its piece's offset,
    the context read afresh (the text around a cut changed)."""
    for highlight_id, article_id, start, end in _highlights(old_ids):
        piece = _place(old_ids.index(article_id), start, end, applied.pieces)
        assert piece is not None  # checked before anything was written
        shift = piece.new_start - piece.old_start
        target = new_ids[piece.new]
        if shift == 0 and target == article_id:
            selector = anchoring.make_selector(texts[target], start, end)
        else:
            selector = anchoring.make_selector(texts[target], start + shift, end + shift)
        Highlight.update(article=target, **selector.columns()).where(
            Highlight.id == highlight_id
        ).execute()


@dataclass(frozen=True)
class SplitArticle(_Correct):
    """Cut an article at code point `at` of its text: the text from there on becomes a
    new article after it (titled `title`, else by the start of its text)."""

    article_id: int
    at: int
    title: str | None = None

    @property
    def label(self) -> Label:
        return Label("Split article")

    def correction(self, articles: Sequence[ParsedArticle], index: int) -> model.Correction:
        return model.split_at(articles, index, self.at, self.title)

    def result_index(self, index: int) -> int:
        return index + 1


@dataclass(frozen=True)
class MergeArticles(_Correct):
    """Join an article with the one after it on its page (`with_next`), or with the
    one before it."""

    article_id: int
    with_next: bool = True

    @property
    def label(self) -> Label:
        return Label("Merge articles")

    def correction(self, articles: Sequence[ParsedArticle], index: int) -> model.Correction:
        second = index + 1 if self.with_next else index
        if second >= len(articles):
            raise model.NoFit("the last article of a page has no next article to join")
        return model.merge_with_previous(articles, second)

    def result_index(self, index: int) -> int:
        return index if self.with_next else index - 1


@dataclass(frozen=True)
class UseLineAs(_Correct):
    """Give one printed line of an article (a paragraph, caption, headline or byline,
    by its exact text) the role `role`: title, kicker, subtitle, caption or byline."""

    article_id: int
    line: str
    role: str

    @property
    def label(self) -> Label:
        return _LINE_LABELS.get(self.role, _CORRECT_PAGE)

    def correction(self, articles: Sequence[ParsedArticle], index: int) -> model.Correction:
        return model.line_as(articles, index, self.line, self.role)


@dataclass(frozen=True)
class SetTitle(_Correct):
    article_id: int
    title: str

    @property
    def label(self) -> Label:
        return Label("Retitle article")

    def correction(self, articles: Sequence[ParsedArticle], index: int) -> model.Correction:
        return model.set_title(articles, index, self.title)


@dataclass(frozen=True)
class SetAuthors(_Correct):
    article_id: int
    authors: tuple[Author, ...]

    @property
    def label(self) -> Label:
        return Label("Set authors")

    def correction(self, articles: Sequence[ParsedArticle], index: int) -> model.Correction:
        return model.set_authors(articles, index, self.authors)


def line_of(text: str, at: int) -> str:
    """The paragraph of `text` holding code point `at` (for a UI that has a cursor)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start : end if end >= 0 else len(text)]


__all__ = [
    "MergeArticles",
    "PageSnapshot",
    "RestorePage",
    "SetAuthors",
    "SetTitle",
    "SplitArticle",
    "UseLineAs",
    "line_of",
    "reapply",
    "recut",
]
