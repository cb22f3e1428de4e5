"""The schema's history. `PRAGMA user_version` holds the number of migrations applied.

A migration is never edited once released: a schema change is a new function appended
to `MIGRATIONS`. v1 is frozen as the SQL the first release created, so an old file can
always be brought forward however the models change later.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

import peewee as pw

from reader.errors import ReaderError
from reader.store.models import author_names_text

#: The tables of the first release (v1), exactly as it created them.
V1_SCHEMA = (
    'CREATE TABLE "source" ("id" INTEGER NOT NULL PRIMARY KEY, "path" TEXT NOT NULL, '
    '"sha256" VARCHAR(64) NOT NULL, "encoding" VARCHAR(32) NOT NULL, '
    '"raw_text" TEXT NOT NULL, "imported_at" DATETIME NOT NULL)',
    'CREATE UNIQUE INDEX "source_sha256" ON "source" ("sha256")',
    'CREATE INDEX "source_imported_at" ON "source" ("imported_at")',
    'CREATE TABLE "article" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"source_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "section" TEXT, '
    '"title" TEXT NOT NULL, "headlines" TEXT NOT NULL, "byline" TEXT, '
    '"authors" TEXT NOT NULL, "paragraphs" TEXT NOT NULL, "captions" TEXT NOT NULL, '
    '"text" TEXT NOT NULL, "created_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "article_source_id" ON "article" ("source_id")',
    'CREATE UNIQUE INDEX "article_source_id_position" ON "article" ("source_id", "position")',
    'CREATE TABLE "highlight" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"article_id" INTEGER NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, '
    '"exact" TEXT NOT NULL, "prefix" TEXT NOT NULL, "suffix" TEXT NOT NULL, '
    '"color" VARCHAR(16) NOT NULL, "orphaned" INTEGER NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "highlight_article_id" ON "highlight" ("article_id")',
    'CREATE INDEX "highlight_created_at" ON "highlight" ("created_at")',
    'CREATE INDEX "highlight_article_id_start" ON "highlight" ("article_id", "start")',
    'CREATE TABLE "note" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"highlight_id" INTEGER NOT NULL, "body" TEXT NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("highlight_id") REFERENCES "highlight" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "note_highlight_id" ON "note" ("highlight_id")',
    'CREATE INDEX "note_updated_at" ON "note" ("updated_at")',
    'CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, '
    '"created_at" DATETIME NOT NULL)',
    'CREATE UNIQUE INDEX "tag_name" ON "tag" ("name")',
    'CREATE TABLE "highlight_tag" ("highlight_id" INTEGER NOT NULL, '
    '"tag_id" INTEGER NOT NULL, PRIMARY KEY ("highlight_id", "tag_id"), '
    'FOREIGN KEY ("highlight_id") REFERENCES "highlight" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "highlight_tag_highlight_id" ON "highlight_tag" ("highlight_id")',
    'CREATE INDEX "highlight_tag_tag_id" ON "highlight_tag" ("tag_id")',
    'CREATE INDEX "highlight_tag_tag_id_highlight_id" '
    'ON "highlight_tag" ("tag_id", "highlight_id")',
    'CREATE TABLE "article_tag" ("article_id" INTEGER NOT NULL, '
    '"tag_id" INTEGER NOT NULL, PRIMARY KEY ("article_id", "tag_id"), '
    'FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "article_tag_article_id" ON "article_tag" ("article_id")',
    'CREATE INDEX "article_tag_tag_id" ON "article_tag" ("tag_id")',
    'CREATE INDEX "article_tag_tag_id_article_id" ON "article_tag" ("tag_id", "article_id")',
)


def v1_first_release(db: pw.SqliteDatabase) -> None:
    """Sources, articles, highlights, notes and tags as the first release had them."""
    for statement in V1_SCHEMA:
        db.execute_sql(statement)


def v2_read_state_and_author_names(db: pw.SqliteDatabase) -> None:
    """Articles remember when they were read, and keep their authors' names as plain
    text so the list filter need not parse JSON for 30,000 rows; sources are indexed by
    path, which a re-import of a changed page looks up."""
    from playhouse.migrate import SqliteMigrator, migrate  # only old libraries need it

    migrator = SqliteMigrator(db)
    migrate(
        migrator.add_column("article", "read_at", pw.DateTimeField(null=True)),
        migrator.add_column("article", "author_names", pw.TextField(default="")),
        migrator.add_index("source", ("path",), False),
    )
    _fill_author_names(db)


def v3_search_index(db: pw.SqliteDatabase) -> None:
    """The full-text index and the triggers that keep it in step with every write."""
    from reader.search.index import create_schema

    create_schema(db)


def v4_author_names_once(db: pw.SqliteDatabase) -> None:
    """A reporter who also took the photo was listed twice in `author_names`."""
    _fill_author_names(db)


#: The tables whose every row change is a change of the library (`v5_change_token`).
#: A migration that adds a table of user data adds the same three triggers to it.
CHANGE_TRACKED_TABLES = (
    "source",
    "article",
    "highlight",
    "note",
    "tag",
    "highlight_tag",
    "article_tag",
)


def v5_change_token(db: pw.SqliteDatabase) -> None:
    """A random token that every insert, update and delete of the library's rows
    replaces: the rolling backup compares it with its newest copy's to know whether a
    new copy is needed, without reading (or opening) the library file itself. Written
    with IF NOT EXISTS: a library whose version number was set back runs it again."""
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "library_change" '
        '("id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1), "state" BLOB NOT NULL)'
    )
    db.execute_sql('INSERT OR IGNORE INTO "library_change" VALUES (1, randomblob(16))')
    for table in CHANGE_TRACKED_TABLES:
        _track_changes(db, table)


def _track_changes(db: pw.SqliteDatabase, table: str) -> None:
    """The three triggers that replace the change token on every row change of `table`."""
    for event in ("INSERT", "UPDATE", "DELETE"):
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{table}_{event.lower()}_changes_library" '
            f'AFTER {event} ON "{table}" '
            'BEGIN UPDATE "library_change" SET "state" = randomblob(16); END'
        )


def v6_page_metadata(db: pw.SqliteDatabase) -> None:
    """The page's paper, date, number and name, and an article's kicker, subtitle and
    dateline, as the newspaper parser reads them; the parser version of each page, so
    pages cut by an older parser are parsed again. Existing pages get version 0: the
    next start parses them again with the current parser."""
    _add_missing_columns(
        db,
        (
            ("source", "paper", "TEXT"),
            ("source", "page_date", "TEXT"),
            ("source", "page_number", "TEXT"),
            ("source", "page_name", "TEXT"),
            ("source", "parser_version", "INTEGER NOT NULL DEFAULT 0"),
            ("article", "kicker", "TEXT"),
            ("article", "subtitle", "TEXT"),
            ("article", "dateline", "TEXT"),
        ),
    )
    db.execute_sql('CREATE INDEX IF NOT EXISTS "source_page_date" ON "source" ("page_date")')


def v7_page_corrections(db: pw.SqliteDatabase) -> None:
    """The user's corrections of how pages were cut into articles (split, merge, a line
    as title or caption …), kept on the page so a re-parse applies them again. Written
    with IF NOT EXISTS: a library whose version number was set back runs it again."""
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "correction" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"source_id" INTEGER NOT NULL, "seq" INTEGER NOT NULL, "kind" TEXT NOT NULL, '
        '"exact" TEXT NOT NULL, "prefix" TEXT NOT NULL, "suffix" TEXT NOT NULL, '
        '"page_start" INTEGER NOT NULL, "page_end" INTEGER NOT NULL, "value" TEXT, '
        '"occurrence" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "misfit" TEXT, '
        'FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE)'
    )
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "correction_source_id" ON "correction" ("source_id")'
    )
    db.execute_sql(
        'CREATE UNIQUE INDEX IF NOT EXISTS "correction_source_id_seq" '
        'ON "correction" ("source_id", "seq")'
    )
    _track_changes(db, "correction")


def v8_source_kinds(db: pw.SqliteDatabase) -> None:
    """Sources other than text pages (web pages, PDFs, Markdown, URLs, pastes): what a
    source was read as, its raw bytes, and what it says about itself (site, URL, title,
    date). Existing sources are text pages. Idempotent like v6: a library whose version
    number was set back runs it again."""
    _add_missing_columns(
        db,
        (
            ("source", "kind", "TEXT NOT NULL DEFAULT 'text'"),
            ("source", "raw_bytes", "BLOB"),
            ("source", "site", "TEXT"),
            ("source", "url", "TEXT"),
            ("source", "title", "TEXT"),
            ("source", "published", "TEXT"),
        ),
    )


def v9_texts_stored_once(db: pw.SqliteDatabase) -> None:
    """Each text stored once (`reader.store.packing`): rows written from now on keep raw
    pages compressed and paragraphs derived from the article's text. The rows already
    there are shrunk after opening, in batches (`reader.store.shrink`): this records
    that work as pending (when a page is stored the old way), with the last source id
    done. Idempotent: IF NOT EXISTS; a pending shrink is not started over, a finished
    one not started again."""
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "library_upkeep" '
        '("task" TEXT NOT NULL PRIMARY KEY, "after_id" INTEGER NOT NULL)'
    )
    db.execute_sql(
        "INSERT OR IGNORE INTO \"library_upkeep\" SELECT 'shrink', 0 "
        'WHERE EXISTS (SELECT 1 FROM "source" WHERE typeof("raw_text") = \'text\')'
    )


def v10_paired_search_index(db: pw.SqliteDatabase) -> None:
    """The search index stores runs of Chinese characters as overlapping pairs (and
    indexes first characters), so a search stays fast in a library of hundreds of
    thousands of articles: the index is made again in that form. Running it again
    makes it again, changing nothing else."""
    from reader.search.index import recreate

    recreate(db)


def v11_article_list_order(db: pw.SqliteDatabase) -> None:
    """What keeps the article list fast at 300,000 articles: each article's number of
    highlights in a column kept by triggers (sorting by it was a COUNT over every
    article), and indexes that deliver each sort order of the list, so a page, the
    last one too, is read in index order instead of sorting the whole table. The
    title index also carries the author names, so the list filter scans it instead
    of the wide article rows. Idempotent: a library whose version number was set
    back runs it again and ends the same."""
    _add_missing_columns(db, (("article", "highlight_count", "INTEGER NOT NULL DEFAULT 0"),))
    counted = '(SELECT count(*) FROM "highlight" h WHERE h."article_id" = "article"."id")'
    db.execute_sql(
        f'UPDATE "article" SET "highlight_count" = {counted} WHERE "highlight_count" != {counted}'
    )
    for name, event, body in (
        ("insert", "INSERT", '+ 1 WHERE "id" = new."article_id"'),
        ("delete", "DELETE", '- 1 WHERE "id" = old."article_id"'),
    ):
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "highlight_{name}_counts" AFTER {event} ON '
            f'"highlight" BEGIN UPDATE "article" SET "highlight_count" = "highlight_count" '
            f"{body}; END"
        )
    db.execute_sql(
        'CREATE TRIGGER IF NOT EXISTS "highlight_move_counts" AFTER UPDATE OF "article_id" '
        'ON "highlight" WHEN old."article_id" != new."article_id" BEGIN '
        'UPDATE "article" SET "highlight_count" = "highlight_count" - 1 '
        'WHERE "id" = old."article_id"; '
        'UPDATE "article" SET "highlight_count" = "highlight_count" + 1 '
        'WHERE "id" = new."article_id"; END'
    )
    for statement in LIST_INDEXES:
        db.execute_sql(statement)


def v12_tagged_articles_by_date(db: pw.SqliteDatabase) -> None:
    """An index of the articles newest first: a search whose word names a tag that
    thousands of articles carry lists the newest of them by walking it, instead of
    reading every tagged article to sort them (20 ms for 10,000 at 300,000 articles).
    Idempotent."""
    db.execute_sql(NEWEST_ARTICLES)


#: The articles by when they came in, newest first (v12; `reader.search.engine`).
NEWEST_ARTICLES = (
    'CREATE INDEX IF NOT EXISTS "article_newest" ON "article" ("created_at" DESC, "id")'
)


def v13_search_index_buffer(db: pw.SqliteDatabase) -> None:
    """The search index holds a whole import batch of new entries in memory before
    writing them out (FTS5's 'hashsize', `reader.search.index.HASHSIZE`), and the
    article index merges its segments less often (`ARTICLE_AUTOMERGE`), which makes
    importing faster. The settings live in the index tables' own config, so a copy of
    the library keeps them. Setting them again changes nothing."""
    from reader.search.index import WRITE_SETTINGS

    for statement in WRITE_SETTINGS:
        db.execute_sql(statement)


#: The indexes of the article list's sort orders (v11); see `reader.store.domains.articles`.
LIST_INDEXES = (
    'CREATE INDEX IF NOT EXISTS "article_list_title" ON "article" ("title", "author_names")',
    'CREATE INDEX IF NOT EXISTS "article_list_highlights" '
    'ON "article" ("highlight_count" DESC, "source_id" DESC, "position")',
    # Read backwards: kind and site ascending, newest first within (the id, which
    # every index ends in, then descending too).
    'CREATE INDEX IF NOT EXISTS "source_list_kind" '
    'ON "source" ("kind" DESC, coalesce("site", \'\') DESC, "imported_at")',
)

#: Columns the triggers keep (v11): never written from Python nor copied row to row (an
#: undo restoring a whole article row, a salvage), or a highlight is counted twice.
KEPT_BY_TRIGGERS = frozenset({"highlight_count"})
#: Columns and indexes kept by SQL and not declared in the models.
NOT_IN_MODELS = KEPT_BY_TRIGGERS | {
    "article_list_title",
    "article_list_highlights",
    "source_list_kind",
    "article_newest",
}


def _add_missing_columns(db: pw.SqliteDatabase, columns: Iterable[tuple[str, str, str]]) -> None:
    """Add each (table, column, type) a table lacks. Plain ALTER TABLE: adding a column
    never rebuilds the table, so its triggers (search index, change token) stay; a
    column already there is left alone, so a library whose version number was set back
    runs the migration again and ends the same."""
    existing: dict[str, set[str]] = {}
    for table, column, kind in columns:
        if table not in existing:
            rows = db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
            existing[table] = {row[1] for row in rows}
        if column not in existing[table]:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}')


MIGRATIONS: tuple[Callable[[pw.SqliteDatabase], None], ...] = (
    v1_first_release,
    v2_read_state_and_author_names,
    v3_search_index,
    v4_author_names_once,
    v5_change_token,
    v6_page_metadata,
    v7_page_corrections,
    v8_source_kinds,
    v9_texts_stored_once,
    v10_paired_search_index,
    v11_article_list_order,
    v12_tagged_articles_by_date,
    v13_search_index_buffer,
)
LATEST_VERSION = len(MIGRATIONS)


def _fill_author_names(db: pw.SqliteDatabase) -> None:
    """Recompute `author_names` from the `authors` JSON, writing only rows that change
    (each write re-indexes the article for search)."""
    rows = db.execute_sql('SELECT "id", "authors", "author_names" FROM "article"').fetchall()
    for article_id, authors_json, old_names in rows:
        names = author_names_from_json(authors_json)
        if names != old_names:
            db.execute_sql(
                'UPDATE "article" SET "author_names" = ? WHERE "id" = ?', (names, article_id)
            )


def author_names_from_json(authors_json: str | None) -> str:
    """`author_names_text` of an `authors` JSON list (tolerant of old, odd rows)."""
    try:
        authors = json.loads(authors_json or "[]")
    except ValueError:
        return ""
    return author_names_text(a.get("name", "") for a in authors if isinstance(a, dict))


def schema_version(db: pw.SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate_to_latest(db: pw.SqliteDatabase) -> int:
    """Apply the missing migrations, each in its own transaction; returns the version.

    Foreign keys are switched off while migrating (SQLite's recommended procedure):
    playhouse rebuilds a table to change a column, and dropping the old copy with
    foreign keys on would cascade-delete every highlight. Each migration ends with a
    foreign-key check, so a broken migration rolls back instead of committing orphans.
    """
    current = schema_version(db)
    if current > LATEST_VERSION:
        raise ReaderError(
            f"this library was written by a newer version of reader (schema {current}, "
            f"this program knows {LATEST_VERSION}); update reader to open it"
        )
    if current == LATEST_VERSION:
        return current
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for version in range(current + 1, LATEST_VERSION + 1):
            # IMMEDIATE: wait for another program creating or migrating the same file,
            # then look again; it may have applied this migration meanwhile.
            with db.atomic("IMMEDIATE"):
                if schema_version(db) >= version:
                    continue
                MIGRATIONS[version - 1](db)
                problems = db.execute_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise ReaderError(
                        f"migration to schema {version} would break links between "
                        f"{len(problems)} rows; the library was left unchanged"
                    )
                db.execute_sql(f"PRAGMA user_version = {version}")
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")
    return LATEST_VERSION
