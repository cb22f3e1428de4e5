"""v13: the search index's buffer of new entries is large enough for an import batch, and
the article index merges its segments less often."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.search.index import ARTICLE_AUTOMERGE, HASHSIZE
from reader.store.library import Library
from reader.store.migrations import MIGRATIONS, v13_search_index_buffer

INDEXES = ("article_fts", "highlight_fts", "note_fts")
#: The schema version before this migration (its place in the list, should it move).
BEFORE = MIGRATIONS.index(v13_search_index_buffer)


def hashsizes(path: Path) -> dict[str, int | None]:
    with sqlite3.connect(path) as conn:
        found = {
            table: conn.execute(f"SELECT v FROM {table}_config WHERE k = 'hashsize'").fetchone()
            for table in INDEXES
        }
    conn.close()
    return {table: row[0] if row else None for table, row in found.items()}


def article_automerge(path: Path) -> int | None:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT v FROM article_fts_config WHERE k = 'automerge'").fetchone()
    conn.close()
    return row[0] if row else None


def set_back(path: Path) -> None:
    """The library as the schema before left it: FTS5's defaults (no settings)."""
    with sqlite3.connect(path) as conn:
        for table in INDEXES:
            conn.execute(f"DELETE FROM {table}_config WHERE k IN ('hashsize', 'automerge')")
        conn.execute(f"PRAGMA user_version = {BEFORE}")
    conn.close()


def test_a_new_library_gives_its_search_index_the_large_buffer(tmp_path) -> None:
    path = tmp_path / "library.db"
    Library.open(path).close()
    assert hashsizes(path) == dict.fromkeys(INDEXES, HASHSIZE)
    assert article_automerge(path) == ARTICLE_AUTOMERGE


def test_an_older_library_gets_it_and_keeps_finding_its_articles(tmp_path, write_page) -> None:
    path = tmp_path / "library.db"
    library = Library.open(path)
    library.import_file(write_page("a.txt", "常深合作交流会举行", "常州将进一步深化常深合作。"))
    library.close()
    set_back(path)
    assert hashsizes(path) == dict.fromkeys(INDEXES, None)
    assert article_automerge(path) is None

    for _ in range(2):  # the migration, then the same again (version number set back)
        library = Library.open(path)
        assert [hit.article_id for hit in library.search.find("常深合作").articles] == [1]
        library.close()
        assert hashsizes(path) == dict.fromkeys(INDEXES, HASHSIZE)
        assert article_automerge(path) == ARTICLE_AUTOMERGE
        with sqlite3.connect(path) as conn:
            conn.execute(f"PRAGMA user_version = {BEFORE}")
        conn.close()
