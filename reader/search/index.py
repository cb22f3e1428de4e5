"""The full-text index: three FTS5 tables kept in step with the library by triggers.

The tables hold token strings made by `search_tokens` (see `reader.search.folding`), so
whatever writes a row (the Library, an import, a restore, a migration) is indexed in the
same transaction. `article_fts` is contentless (bodies are large; its triggers delete with
the old values); `highlight_fts` and `note_fts` are small and keep their content, so a
tag change can rewrite them by rowid.

rowids: article_fts = article.id, highlight_fts = highlight.id, note_fts = note.id.
"""

from __future__ import annotations

import peewee as pw

from reader.search.folding import BARRIER, search_tokens

TOKENIZE = f"unicode61 remove_diacritics 0 tokenchars ''{BARRIER}''"

#: The tag names of highlight `{hid}` as one string (for the tags column).
_TAGS_OF = (
    "(SELECT group_concat(t.name, ' ') FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id"
    " WHERE ht.highlight_id = {hid})"
)


def _refresh_tags(hid: str) -> str:
    tags = _TAGS_OF.format(hid=hid)
    return (
        f"UPDATE highlight_fts SET tags = search_tokens({tags}) WHERE rowid = {hid};\n"
        f"UPDATE note_fts SET tags = search_tokens({tags})"
        f" WHERE rowid IN (SELECT id FROM note WHERE highlight_id = {hid});"
    )


_ARTICLE_HEAD = (
    "search_tokens({r}.title || ' ' || {r}.headlines || ' ' || coalesce({r}.byline, '')"
    " || ' ' || {r}.author_names)"
)

SCHEMA = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5("
    f"head, body, content='', tokenize='{TOKENIZE}')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS highlight_fts USING fts5("
    f"quote, tags, tokenize='{TOKENIZE}')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS note_fts USING fts5(body, tags, tokenize='{TOKENIZE}')",
    # articles
    f"""CREATE TRIGGER IF NOT EXISTS article_fts_ai AFTER INSERT ON article BEGIN
        INSERT INTO article_fts(rowid, head, body)
        VALUES (new.id, {_ARTICLE_HEAD.format(r="new")}, search_tokens(new.text));
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS article_fts_ad AFTER DELETE ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, head, body)
        VALUES ('delete', old.id, {_ARTICLE_HEAD.format(r="old")}, search_tokens(old.text));
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS article_fts_au
    AFTER UPDATE OF title, headlines, byline, author_names, text ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, head, body)
        VALUES ('delete', old.id, {_ARTICLE_HEAD.format(r="old")}, search_tokens(old.text));
        INSERT INTO article_fts(rowid, head, body)
        VALUES (new.id, {_ARTICLE_HEAD.format(r="new")}, search_tokens(new.text));
    END""",
    # highlights
    f"""CREATE TRIGGER IF NOT EXISTS highlight_fts_ai AFTER INSERT ON highlight BEGIN
        INSERT INTO highlight_fts(rowid, quote, tags)
        VALUES (new.id, search_tokens(new.exact), search_tokens({_TAGS_OF.format(hid="new.id")}));
    END""",
    """CREATE TRIGGER IF NOT EXISTS highlight_fts_ad AFTER DELETE ON highlight BEGIN
        DELETE FROM highlight_fts WHERE rowid = old.id;
    END""",
    """CREATE TRIGGER IF NOT EXISTS highlight_fts_au AFTER UPDATE OF exact ON highlight BEGIN
        UPDATE highlight_fts SET quote = search_tokens(new.exact) WHERE rowid = new.id;
    END""",
    # notes
    f"""CREATE TRIGGER IF NOT EXISTS note_fts_ai AFTER INSERT ON note BEGIN
        INSERT INTO note_fts(rowid, body, tags) VALUES (new.id, search_tokens(new.body),
            search_tokens({_TAGS_OF.format(hid="new.highlight_id")}));
    END""",
    """CREATE TRIGGER IF NOT EXISTS note_fts_ad AFTER DELETE ON note BEGIN
        DELETE FROM note_fts WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS note_fts_au
    AFTER UPDATE OF body, highlight_id ON note BEGIN
        DELETE FROM note_fts WHERE rowid = old.id;
        INSERT INTO note_fts(rowid, body, tags) VALUES (new.id, search_tokens(new.body),
            search_tokens({_TAGS_OF.format(hid="new.highlight_id")}));
    END""",
    # tags
    f"""CREATE TRIGGER IF NOT EXISTS highlight_tag_fts_ai AFTER INSERT ON highlight_tag BEGIN
        {_refresh_tags("new.highlight_id")}
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS highlight_tag_fts_ad AFTER DELETE ON highlight_tag BEGIN
        {_refresh_tags("old.highlight_id")}
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS tag_fts_au AFTER UPDATE OF name ON tag BEGIN
        UPDATE highlight_fts SET tags = search_tokens({_TAGS_OF.format(hid="highlight_fts.rowid")})
        WHERE rowid IN (SELECT highlight_id FROM highlight_tag WHERE tag_id = new.id);
        UPDATE note_fts SET tags = search_tokens({_TAGS_OF.format(hid="note.highlight_id")})
        FROM note WHERE note.id = note_fts.rowid AND note.highlight_id IN
            (SELECT highlight_id FROM highlight_tag WHERE tag_id = new.id);
    END""",
]

_REINDEX = [
    "DELETE FROM highlight_fts",
    "DELETE FROM note_fts",
    "INSERT INTO article_fts(article_fts) VALUES ('delete-all')",
    f"INSERT INTO article_fts(rowid, head, body) SELECT id, {_ARTICLE_HEAD.format(r='article')},"
    " search_tokens(text) FROM article",
    "INSERT INTO highlight_fts(rowid, quote, tags) SELECT id, search_tokens(exact),"
    f" search_tokens({_TAGS_OF.format(hid='highlight.id')}) FROM highlight",
    "INSERT INTO note_fts(rowid, body, tags) SELECT id, search_tokens(body),"
    f" search_tokens({_TAGS_OF.format(hid='note.highlight_id')}) FROM note",
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


def rebuild(db: pw.SqliteDatabase) -> None:
    """Re-index everything from the tables (e.g. after a bulk load without triggers)."""
    from reader.store.database import write_transaction

    with write_transaction(db):
        for statement in _REINDEX:
            db.execute_sql(statement)
