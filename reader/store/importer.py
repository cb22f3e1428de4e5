"""Pages into the database: new pages inserted in bulk, changed pages updated in place
with their highlights re-anchored. Called by `Library` inside one transaction per file."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import peewee as pw

from reader.parse import PARSER_VERSION
from reader.parse.model import ParsedArticle, ParsedPage
from reader.store import anchoring
from reader.store.models import (
    Article,
    ArticleTag,
    BaseModel,
    Highlight,
    Source,
    author_names_text,
)
from reader.store.packing import pack_text, paragraphs_column
from reader.store.records import ReanchorOutcome
from reader.times import utcnow

#: Files a folder import picks up: pages are `.txt`, or have no suffix at all; web pages,
#: single-file saves, PDF pages and Markdown articles by their usual suffixes. A file
#: named on its own is read whatever its name (by its content).
PAGE_SUFFIXES = (".txt", "")
SOURCE_SUFFIXES = (
    *PAGE_SUFFIXES,
    ".html",
    ".htm",
    ".xhtml",
    ".mhtml",
    ".mht",
    ".pdf",
    ".md",
    ".markdown",
)


def article_row(
    source_id: int, position: int, article: ParsedArticle, text: str | None = None
) -> dict[str, object]:
    """The column values of one parsed article at `position` on its page; `text`: what
    its highlights index into when that is not its paragraphs joined (an archive's)."""
    return {"source": source_id, **article_columns(position, article, text)}


def article_columns(
    position: int, article: ParsedArticle, text: str | None = None
) -> dict[str, object]:
    """`article_row` without the page it is on (made before the page is written)."""
    text = article.text if text is None else text
    return {
        "position": position,
        "section": article.section,
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "dateline": (
            json.dumps(article.dateline.to_json(), ensure_ascii=False) if article.dateline else None
        ),
        "headlines": json.dumps(article.headlines, ensure_ascii=False),
        "byline": article.byline,
        "authors": json.dumps([a.to_json() for a in article.authors], ensure_ascii=False),
        "author_names": author_names_text(a.name for a in article.authors),
        "paragraphs": paragraphs_column(article.paragraphs, text),
        "captions": json.dumps(article.captions, ensure_ascii=False),
        "text": text,
    }


def article_ids(source_id: int) -> tuple[int, ...]:
    """The page's articles in page order (plain SQL: a folder import asks for each
    known page)."""
    rows = Article._meta.database.execute_sql(
        'SELECT "id" FROM "article" WHERE "source_id" = ? ORDER BY "position"', (source_id,)
    )
    return tuple(int(article_id) for (article_id,) in rows)


def page_columns(page: ParsedPage) -> dict[str, object]:
    """The Source column values that come from parsing: what the page's furniture says,
    and which parser version cut it."""
    return {
        "paper": page.page.paper,
        "page_date": page.page.date,
        "page_number": page.page.number,
        "page_name": page.page.name,
        "parser_version": PARSER_VERSION,
    }


class Packed(NamedTuple):
    """A packed column's value packed already (`reader.store.packing`), written as is."""

    data: bytes


class PageRows(NamedTuple):
    """What a new page writes besides what only the write knows (its id, the time): its
    raw text packed and its articles' columns. Made from the parsed page, by the worker
    that parsed it in a large import (`reader.store.page_reading`), which takes the
    compression and JSON off the writer."""

    raw_text: Packed
    articles: tuple[dict[str, object], ...]


def page_rows(page: ParsedPage) -> PageRows:
    return PageRows(
        Packed(pack_text(page.raw_text)),
        tuple(article_columns(i, a) for i, a in enumerate(page.articles)),
    )


class PreparedInsert:
    """One model's INSERT as a fixed SQL string run on the raw connection: an import
    writes thousands of rows, and building each statement through peewee cost more than
    SQLite's work. Values go through each field's `db_value` and missing ones take the
    field's default, exactly as peewee's own insert does."""

    def __init__(self, model: type[BaseModel]) -> None:
        self._database = model._meta.database
        self._fields = [f for f in model._meta.sorted_fields if not isinstance(f, pw.AutoField)]
        columns = ", ".join(f'"{f.column_name}"' for f in self._fields)
        marks = ", ".join("?" for _ in self._fields)
        self._sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'

    def __call__(self, row: Mapping[str, object]) -> int:
        """Insert `row` (field name → value); returns the new row's id."""
        values = []
        for field in self._fields:
            if field.name in row:
                value = row[field.name]
            else:
                value = field.default() if callable(field.default) else field.default
            values.append(value.data if isinstance(value, Packed) else field.db_value(value))
        cursor = self._database.connection().execute(self._sql, values)
        return int(cursor.lastrowid)


insert_source_row = PreparedInsert(Source)
insert_article_row = PreparedInsert(Article)


def insert_page(
    path: str, page: ParsedPage, source_columns: Mapping[str, object] | None = None
) -> int:
    """Insert a new source and all its articles; returns the source id. `source_columns`:
    what a source other than a text page adds (`reader.store.source_rows`)."""
    return add_page(path, page, source_columns)[0]


def add_page(
    path: str,
    page: ParsedPage,
    source_columns: Mapping[str, object] | None = None,
    rows: PageRows | None = None,
) -> tuple[int, tuple[int, ...]]:
    """`insert_page`, returning the source id and its articles' ids in page order;
    `rows`: the page's `page_rows` when they were made beforehand."""
    rows = page_rows(page) if rows is None else rows
    source_id = insert_source_row(
        {
            "path": path,
            "sha256": page.source.sha256,
            "encoding": page.source.encoding,
            "raw_text": rows.raw_text,
            **page_columns(page),
            **(source_columns or {}),
        }
    )
    ids = tuple(insert_article_row({"source": source_id, **row}) for row in rows.articles)
    return source_id, ids


class PageUpdate(NamedTuple):
    changed: bool  # any article row written, added, moved or deleted
    reanchored: tuple[ReanchorOutcome, ...]


def update_page(
    source: Source,
    page: ParsedPage,
    *,
    touch: bool = True,
    source_columns: Mapping[str, object] | None = None,
) -> PageUpdate:
    """Bring a stored page's articles in line with `page`, keeping article ids (and so
    highlights and tags) wherever an old article matches a new one. Rows that did not
    change are not written, so the search index is not churned. `touch` marks the page
    as imported now (a corrected file), which a mere re-parse does not.

    Matching: same position and title, then same title anywhere, then same position. An
    old article without a match is deleted, unless it carries highlights or tags: the
    reader's work is kept, with its text, after the page's new articles.
    """
    old_articles = list(Article.select().where(Article.source == source.id))
    new_articles = page.articles
    matches = match_articles(old_articles, [(i, a.title) for i, a in enumerate(new_articles)])
    matched_ids = {a.id for a in matches.values()}

    final_position = {old.id: position for position, old in matches.items()}
    next_position = len(new_articles)
    deleted = 0
    kept: list[Article] = []  # unmatched, but carrying the reader's work
    for old in old_articles:
        if old.id in matched_ids:
            continue
        if _has_annotations(old.id):
            final_position[old.id] = next_position
            next_position += 1
            kept.append(old)
        else:
            old.delete_instance()
            deleted += 1
    # Park the rows that move on negative positions first, so the (source, position)
    # unique index never sees two rows on one spot while they move.
    old_position = {a.id: a.position for a in old_articles}
    moving = [i for i, p in final_position.items() if p != old_position[i]]
    if moving:
        Article.update(position=-1 - Article.id).where(Article.id.in_(moving)).execute()

    # New articles are inserted one by one: a highlight may move into one of them.
    texts: dict[int, str] = {}  # article id → its new text, every article of the new page
    changed_texts: list[tuple[int, str, str]] = []  # (article id, old text, new text)
    rewritten = inserted = 0
    for position, article in enumerate(new_articles):
        row = article_row(source.id, position, article)
        old = matches.get(position)
        if old is None:
            texts[Article.insert(row).execute()] = article.text
            inserted += 1
            continue
        texts[old.id] = article.text
        del row["source"]
        columns = {k: v for k, v in row.items() if getattr(old, k) != v}
        if columns:
            Article.update(**columns).where(Article.id == old.id).execute()
            rewritten += 1
        if old.text != article.text:
            changed_texts.append((old.id, old.text, article.text))
    for article_id in moving:
        if article_id not in matched_ids:  # kept for its annotations, after the new ones
            Article.update(position=final_position[article_id]).where(
                Article.id == article_id
            ).execute()

    outcomes: list[ReanchorOutcome] = []
    for article_id, old_text, new_text in changed_texts:
        others = {i: t for i, t in texts.items() if i != article_id}
        outcomes.extend(reanchor_article(article_id, old_text, new_text, others))
    for old in kept:
        moved = move_highlights_out(old.id, texts)
        outcomes.extend(moved)
        if moved and not Highlight.select().where(Highlight.article == old.id).exists():
            # All its highlights went with their text: its own tags follow them, and
            # nothing is left to keep the old article for.
            targets = {Highlight.get_by_id(o.highlight_id).article_id for o in moved}
            tag_ids = ArticleTag.select(ArticleTag.tag).where(ArticleTag.article == old.id)
            for tag_id in [link.tag_id for link in tag_ids]:
                for target in targets:
                    ArticleTag.insert(article=target, tag=tag_id).on_conflict_ignore().execute()
            old.delete_instance()
            deleted += 1
    changes: dict[str, object] = {
        "sha256": page.source.sha256,
        "encoding": page.source.encoding,
        "raw_text": page.raw_text,
        **page_columns(page),
        **(source_columns or {}),
    }
    changes = {k: v for k, v in changes.items() if getattr(source, k) != v}
    if touch:
        changes["imported_at"] = utcnow()
    if changes:
        Source.update(**changes).where(Source.id == source.id).execute()
    changed = bool(deleted or moving or rewritten or inserted)
    return PageUpdate(changed, tuple(outcomes))


def reanchor_article(
    article_id: int, old_text: str, new_text: str, others: dict[int, str] | None = None
) -> list[ReanchorOutcome]:
    """Re-anchor every highlight of an article whose text changed from `old_text`. A
    passage no longer in the article is looked for in `others` (article id → text, the
    other articles of the page) and moves there with its note and tags when found, so
    a page cut differently keeps every highlight on its text."""
    outcomes = []
    now = utcnow()
    for highlight in Highlight.select().where(Highlight.article == article_id):
        saved = _selector(highlight)
        target = article_id
        # The quote verbatim anywhere on the page beats a lookalike in its own article.
        anchor, selector = anchoring.relocate(saved, new_text, old_text, fuzzy=False)
        found = _find_elsewhere(saved, others, fuzzy=False) if anchor.orphaned else None
        if anchor.orphaned and found is None:
            anchor, selector = anchoring.relocate(saved, new_text, old_text)
            found = _find_elsewhere(saved, others) if anchor.orphaned else None
        if found is not None:
            target, anchor, selector = found
        # An orphan keeps its saved quote and old span: it shows what was highlighted.
        Highlight.update(
            **selector.columns(), article=target, orphaned=anchor.orphaned, updated_at=now
        ).where(Highlight.id == highlight.id).execute()
        outcomes.append(_outcome(highlight, anchor))
    return outcomes


def move_highlights_out(article_id: int, texts: dict[int, str]) -> list[ReanchorOutcome]:
    """Move the highlights of an article the new page no longer has into the articles
    that now hold their text; those not found stay where they are (the old article is
    kept, with its text, for them)."""
    outcomes = []
    now = utcnow()
    for highlight in Highlight.select().where(Highlight.article == article_id):
        found = _find_elsewhere(_selector(highlight), texts)
        if found is None:
            continue
        target, anchor, selector = found
        Highlight.update(
            **selector.columns(), article=target, orphaned=False, updated_at=now
        ).where(Highlight.id == highlight.id).execute()
        outcomes.append(_outcome(highlight, anchor))
    return outcomes


def _selector(highlight: Highlight) -> anchoring.Selector:
    return anchoring.Selector(
        highlight.exact, highlight.prefix, highlight.suffix, highlight.start, highlight.end
    )


def _find_elsewhere(
    saved: anchoring.Selector, texts: dict[int, str] | None, *, fuzzy: bool = True
) -> tuple[int, anchoring.Anchor, anchoring.Selector] | None:
    if not texts:
        return None
    ids = list(texts)
    found = anchoring.find_in_other_texts(saved, [texts[i] for i in ids], fuzzy=fuzzy)
    if found is None:
        return None
    index, anchor = found
    text = texts[ids[index]]
    assert anchor.start is not None and anchor.end is not None
    return ids[index], anchor, anchoring.make_selector(text, anchor.start, anchor.end)


def _outcome(highlight: Highlight, anchor: anchoring.Anchor) -> ReanchorOutcome:
    return ReanchorOutcome(
        highlight_id=highlight.id,
        method=anchor.method,
        old_start=highlight.start,
        old_end=highlight.end,
        new_start=anchor.start,
        new_end=anchor.end,
    )


def match_articles(
    old_articles: Sequence[Article], new_places: Sequence[tuple[int, str]]
) -> dict[int, Article]:
    """New position → the old article it continues, for new articles given as
    (position, title): same position and title, then same title anywhere, then same
    position. Each old article continues at most one new one."""
    matches: dict[int, Article] = {}
    free = {a.id: a for a in old_articles}
    by_position = {a.position: a for a in old_articles}

    def claim(position: int, old: Article | None) -> None:
        if old is not None and old.id in free and position not in matches:
            matches[position] = free.pop(old.id)

    for position, title in new_places:
        old = by_position.get(position)
        if old is not None and old.title == title:
            claim(position, old)
    for position, title in new_places:
        if position not in matches:
            claim(position, next((a for a in free.values() if a.title == title), None))
    for position, _title in new_places:
        if position not in matches:
            claim(position, by_position.get(position))
    return matches


def _has_annotations(article_id: int) -> bool:
    return bool(
        Highlight.select().where(Highlight.article == article_id).exists()
        or ArticleTag.select().where(ArticleTag.article == article_id).exists()
    )


class Entry(NamedTuple):
    """A file to import, or a path that cannot be (with the reason, for the summary), or
    a file in a folder that no reader takes (`skipped`: why, for the summary)."""

    path: Path
    problem: str | None = None
    skipped: str | None = None


def collect_files(paths: Iterable[Path | str]) -> list[Entry]:
    """The files named, plus the page files inside named folders (recursively, sorted),
    and every path that cannot be imported with its reason: a symlink loop, a folder
    that cannot be read. A symlinked folder is followed once. A file that does not exist
    is kept, so importing it reports why it failed."""
    entries: list[Entry] = []
    walked: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            entries.append(Entry(path))
            continue
        except OSError as error:
            entries.append(Entry(path, _os_problem(error)))
            continue
        except RuntimeError:  # pathlib's own word for a symlink loop on some versions
            entries.append(Entry(path, "is a symlink loop; skipped"))
            continue
        if stat.S_ISDIR(info.st_mode):
            found: list[Path] = []
            problems: list[Entry] = []
            _walk(path, (_identity(info),), walked, found, problems)
            entries.extend(Entry(p) for p in sorted(found))
            entries.extend(problems)
        else:
            entries.append(Entry(path))
    return entries


def _walk(
    folder: Path,
    ancestors: tuple[tuple[int, int], ...],
    walked: set[tuple[int, int]],
    found: list[Path],
    problems: list[Entry],
) -> None:
    """Collect page files under `folder`. `ancestors` are the folders above (by
    identity), to tell a symlink loop from a folder reached twice by two links."""
    walked.add(ancestors[-1])
    try:
        with os.scandir(folder) as listing:
            children = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        problems.append(Entry(folder, f"cannot read the folder: {_os_problem(error)}"))
        return
    for child in children:
        if child.name.startswith("."):
            continue
        path = Path(child.path)
        try:
            info = os.stat(child.path)  # follows links
        except FileNotFoundError:
            continue  # a dangling link: nothing to import
        except OSError as error:
            problems.append(Entry(path, _os_problem(error)))
            continue
        if stat.S_ISDIR(info.st_mode):
            identity = _identity(info)
            if identity in ancestors:
                problems.append(Entry(path, "is a symlink loop (leads back to a folder above)"))
            elif identity not in walked:
                _walk(path, (*ancestors, identity), walked, found, problems)
        elif stat.S_ISREG(info.st_mode) and path.suffix.lower() in SOURCE_SUFFIXES:
            found.append(path)
        elif stat.S_ISREG(info.st_mode):
            problems.append(Entry(path, skipped=_not_read(path)))


def _not_read(path: Path) -> str:
    """Why a folder import leaves a file alone, named by what it most likely is."""
    what = _SKIPPED_KINDS.get(path.suffix.lower(), f"{path.suffix} files")
    return f"not read: {what} are not pages or articles (import a file by name to try it)"


_SKIPPED_KINDS = {
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg"), "pictures"),
    ".json": "JSON files (a reader archive is restored with `reader import-archive`)",
    ".zip": "ZIP archives",
    ".docx": "Word documents",
    ".css": "style sheets",
    ".js": "scripts",
}


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _os_problem(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is a symlink loop; skipped"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return error.strerror or str(error)


class LibraryFiles:
    """The library's own files: the database, its -wal/-shm/-journal and the rolling
    backups beside it. An import is refused for them BEFORE anything opens them: in the
    process that has the library open, closing any descriptor on the database file
    drops all of its SQLite locks (STYLE.md). Told apart by path and by identity
    (st_dev, st_ino, from stat() which opens nothing), so a link or another name for
    one of them is refused too."""

    def __init__(self, db_path: Path) -> None:
        # Where rolling backups go is the backup module's decision (export).
        from reader.export.backup import default_backup_dir

        self._db_path = db_path
        self._backups = default_backup_dir(db_path)
        self._paths = {db_path, *(db_path.with_name(db_path.name + s) for s in _COMPANIONS)}
        self._identities_seen: tuple[float, set[tuple[int, int]]] | None = None

    def owns(self, path: Path, resolved: Path | None = None) -> bool:
        """Whether `path` is (or names) one of the library's files; `resolved`: the
        path resolved already (an import resolves it anyway)."""
        candidates = {path.absolute()}
        if resolved is not None:
            candidates.add(resolved)
        else:
            with contextlib.suppress(OSError, RuntimeError):
                candidates.add(path.resolve())
        for candidate in candidates:
            if candidate in self._paths or self._backups in candidate.parents:
                return True
        try:
            info = path.stat()
        except (OSError, RuntimeError):
            return False
        return _identity(info) in self._identities()

    def _identities(self) -> set[tuple[int, int]]:
        """Identities now: -wal and -shm come and go, backups are added. Looked at again
        after `IDENTITIES_FRESH_FOR` seconds: an import asks for each of its files."""
        now = time.monotonic()
        if self._identities_seen is not None and now - self._identities_seen[0] < (
            IDENTITIES_FRESH_FOR
        ):
            return self._identities_seen[1]
        found = set()
        names = list(self._paths)
        with contextlib.suppress(OSError):
            names.extend(Path(e.path) for e in os.scandir(self._backups))
        for name in names:
            try:
                found.add(_identity(name.stat()))
            except OSError:
                continue
        self._identities_seen = (now, found)
        return found


#: Seconds the identities of the library's files are taken as known (`LibraryFiles`).
IDENTITIES_FRESH_FOR = 1.0
_COMPANIONS = ("-wal", "-shm", "-journal")
