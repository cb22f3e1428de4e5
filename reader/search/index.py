"""The full-text index: three FTS5 tables kept in step with the library by triggers.

The tables hold token strings made by `search_tokens` (see `reader.search.folding`: runs
of CJK characters as overlapping pairs), so whatever writes a row (the Library, an
import, a restore, a migration) is indexed in the same transaction. `article_fts` is
contentless (bodies are large; its triggers delete with the old values); `highlight_fts`
and `note_fts` are small and keep their content, so a tag change can rewrite them by rowid.

rowids: article_fts = article.id, highlight_fts = highlight.id, note_fts = note.id.
"""

from __future__ import annotations

import re

import peewee as pw

from reader.search.folding import BARRIER, search_tokens
from reader.search.schema import (
    ARTICLE,
    ARTICLE_FTS,
    HIGHLIGHT,
    HIGHLIGHT_FTS,
    HIGHLIGHT_TAG,
    NOTE,
    NOTE_FTS,
    TAG,
)

TOKENIZE = f"unicode61 remove_diacritics 0 tokenchars ''{BARRIER}''"
#: The tables' options: the token strings above, and an index of every token's first
#: character, which answers a one-character search (`常*`, see `reader.search.folding`)
#: from one posting list. FTS5 counts prefix lengths in characters, not bytes (measured:
#: `prefix='3'` adds nothing for two-character pairs, `prefix='1'` adds one list each).
OPTIONS = f"tokenize='{TOKENIZE}', prefix='1'"

#: FTS5's buffer of new index entries, kept in memory until a commit (its 'hashsize',
#: 1 MB by default, stored in each table's config): an import batch of 100 pages then
#: reaches the index at once, about 10% less index work (tests/perf/bench_import.py).
HASHSIZE = 16 * 1024 * 1024
#: The article index merges its segments only when 16 lie on one level (FTS5's
#: 'crisismerge'), not 4 ('automerge', off): each entry is rewritten about half as
#: often. Into a 300,000-article library an import went from 185–275 to 354–369
#: pages/s, search p95 unchanged within 2 ms (at most ~15 segments a level).
ARTICLE_AUTOMERGE = 0
WRITE_SETTINGS = (
    *(
        f"INSERT INTO {t}({t}, rank) VALUES ('hashsize', {HASHSIZE})"
        for t in (ARTICLE_FTS, HIGHLIGHT_FTS, NOTE_FTS)
    ),
    f"INSERT INTO {ARTICLE_FTS}({ARTICLE_FTS}, rank) VALUES ('automerge', {ARTICLE_AUTOMERGE})",
)

#: The tag names of highlight `{hid}` as one string (for the tags column).
_TAGS_OF = (
    f"(SELECT group_concat(t.name, ' ') FROM {HIGHLIGHT_TAG} ht JOIN {TAG} t ON t.id = ht.tag_id"
    " WHERE ht.highlight_id = {hid})"
)


def _tags_of(hid: str) -> str:
    return _TAGS_OF.format(hid=hid)


def _refresh_tags(hid: str) -> str:
    tags = _tags_of(hid)
    return (
        f"UPDATE {HIGHLIGHT_FTS} SET tags = search_tokens({tags}) WHERE rowid = {hid};\n"
        f"UPDATE {NOTE_FTS} SET tags = search_tokens({tags})"
        f" WHERE rowid IN (SELECT id FROM {NOTE} WHERE highlight_id = {hid});"
    )


#: The text of an article's `head` column, for the row alias `{r}` (search ranks it
#: from this text too, `reader.search.ranking`).
ARTICLE_HEAD = (
    "{r}.title || ' ' || {r}.headlines || ' ' || coalesce({r}.byline, '')"
    " || ' ' || {r}.author_names"
)
_ARTICLE_HEAD = "search_tokens(" + ARTICLE_HEAD + ")"

SCHEMA = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {ARTICLE_FTS} USING fts5("
    f"head, body, content='', {OPTIONS})",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {HIGHLIGHT_FTS} USING fts5(quote, tags, {OPTIONS})",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {NOTE_FTS} USING fts5(body, tags, {OPTIONS})",
    *WRITE_SETTINGS,
    # articles
    f"""CREATE TRIGGER IF NOT EXISTS {ARTICLE_FTS}_ai AFTER INSERT ON {ARTICLE} BEGIN
        INSERT INTO {ARTICLE_FTS}(rowid, head, body)
        VALUES (new.id, {_ARTICLE_HEAD.format(r="new")}, search_tokens(new.text));
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {ARTICLE_FTS}_ad AFTER DELETE ON {ARTICLE} BEGIN
        INSERT INTO {ARTICLE_FTS}({ARTICLE_FTS}, rowid, head, body)
        VALUES ('delete', old.id, {_ARTICLE_HEAD.format(r="old")}, search_tokens(old.text));
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {ARTICLE_FTS}_au
    AFTER UPDATE OF title, headlines, byline, author_names, text ON {ARTICLE} BEGIN
        INSERT INTO {ARTICLE_FTS}({ARTICLE_FTS}, rowid, head, body)
        VALUES ('delete', old.id, {_ARTICLE_HEAD.format(r="old")}, search_tokens(old.text));
        INSERT INTO {ARTICLE_FTS}(rowid, head, body)
        VALUES (new.id, {_ARTICLE_HEAD.format(r="new")}, search_tokens(new.text));
    END""",
    # highlights
    f"""CREATE TRIGGER IF NOT EXISTS {HIGHLIGHT_FTS}_ai AFTER INSERT ON {HIGHLIGHT} BEGIN
        INSERT INTO {HIGHLIGHT_FTS}(rowid, quote, tags)
        VALUES (new.id, search_tokens(new.exact), search_tokens({_TAGS_OF.format(hid="new.id")}));
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {HIGHLIGHT_FTS}_ad AFTER DELETE ON {HIGHLIGHT} BEGIN
        DELETE FROM {HIGHLIGHT_FTS} WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {HIGHLIGHT_FTS}_au AFTER UPDATE OF exact ON {HIGHLIGHT} BEGIN
        UPDATE {HIGHLIGHT_FTS} SET quote = search_tokens(new.exact) WHERE rowid = new.id;
    END""",
    # notes
    f"""CREATE TRIGGER IF NOT EXISTS {NOTE_FTS}_ai AFTER INSERT ON {NOTE} BEGIN
        INSERT INTO {NOTE_FTS}(rowid, body, tags) VALUES (new.id, search_tokens(new.body),
            search_tokens({_TAGS_OF.format(hid="new.highlight_id")}));
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {NOTE_FTS}_ad AFTER DELETE ON {NOTE} BEGIN
        DELETE FROM {NOTE_FTS} WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {NOTE_FTS}_au
    AFTER UPDATE OF body, highlight_id ON {NOTE} BEGIN
        DELETE FROM {NOTE_FTS} WHERE rowid = old.id;
        INSERT INTO {NOTE_FTS}(rowid, body, tags) VALUES (new.id, search_tokens(new.body),
            search_tokens({_TAGS_OF.format(hid="new.highlight_id")}));
    END""",
    # tags
    f"""CREATE TRIGGER IF NOT EXISTS {HIGHLIGHT_TAG}_fts_ai AFTER INSERT ON {HIGHLIGHT_TAG} BEGIN
        {_refresh_tags("new.highlight_id")}
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {HIGHLIGHT_TAG}_fts_ad AFTER DELETE ON {HIGHLIGHT_TAG} BEGIN
        {_refresh_tags("old.highlight_id")}
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TAG}_fts_au AFTER UPDATE OF name ON {TAG} BEGIN
        UPDATE {HIGHLIGHT_FTS} SET tags = search_tokens({_tags_of(f"{HIGHLIGHT_FTS}.rowid")})
        WHERE rowid IN (SELECT highlight_id FROM {HIGHLIGHT_TAG} WHERE tag_id = new.id);
        UPDATE {NOTE_FTS} SET tags = search_tokens({_tags_of(f"{NOTE}.highlight_id")})
        FROM {NOTE} WHERE {NOTE}.id = {NOTE_FTS}.rowid AND {NOTE}.highlight_id IN
            (SELECT highlight_id FROM {HIGHLIGHT_TAG} WHERE tag_id = new.id);
    END""",
]

#: The names of the triggers above (a migration drops them to make them anew).
TRIGGERS = tuple(re.findall(r"CREATE TRIGGER IF NOT EXISTS (\w+)", "\n".join(SCHEMA)))

_REINDEX = [
    f"DELETE FROM {HIGHLIGHT_FTS}",
    f"DELETE FROM {NOTE_FTS}",
    f"INSERT INTO {ARTICLE_FTS}({ARTICLE_FTS}) VALUES ('delete-all')",
    f"INSERT INTO {ARTICLE_FTS}(rowid, head, body) SELECT id, {_ARTICLE_HEAD.format(r=ARTICLE)},"
    f" search_tokens(text) FROM {ARTICLE}",
    f"INSERT INTO {HIGHLIGHT_FTS}(rowid, quote, tags) SELECT id, search_tokens(exact),"
    f" search_tokens({_TAGS_OF.format(hid=f'{HIGHLIGHT}.id')}) FROM {HIGHLIGHT}",
    f"INSERT INTO {NOTE_FTS}(rowid, body, tags) SELECT id, search_tokens(body),"
    f" search_tokens({_TAGS_OF.format(hid=f'{NOTE}.highlight_id')}) FROM {NOTE}",
]


def register_functions(db: pw.SqliteDatabase) -> None:
    """Make `search_tokens(text)` available on every connection `db` opens (the
    triggers call it, so any writer needs it)."""
    db.register_function(search_tokens, "search_tokens", 1, deterministic=True)


def create_schema(db: pw.SqliteDatabase) -> None:
    """Create the index tables and triggers and index the rows already there
    (runs inside the caller's migration transaction)."""
    for statement in SCHEMA + _REINDEX:
        db.execute_sql(statement)


def recreate(db: pw.SqliteDatabase) -> None:
    """Drop the index tables and their triggers and make them again in the current form,
    indexing every row (a migration to a new token form; runs inside the caller's
    transaction). Triggers are made anew too: a table rebuilt by a migration loses its
    triggers, and an old trigger body would write the old form."""
    for name in TRIGGERS:
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    for table in (ARTICLE_FTS, HIGHLIGHT_FTS, NOTE_FTS):
        db.execute_sql(f'DROP TABLE IF EXISTS "{table}"')
    create_schema(db)


def rebuild(db: pw.SqliteDatabase) -> None:
    """Re-index everything from the tables (e.g. after a bulk load without triggers)."""
    from reader.store.database import write_transaction

    with write_transaction(db):
        for statement in _REINDEX:
            db.execute_sql(statement)
