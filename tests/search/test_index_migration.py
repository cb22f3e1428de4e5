"""Migration 10: a library indexed one character per token (schema 9) is indexed again
in pairs, and everything it holds is found as before; running it again changes nothing."""

from __future__ import annotations

import contextlib
import sqlite3

from reader.search.engine import search
from reader.search.folding import tokens
from reader.search.index import TOKENIZE, TRIGGERS
from reader.store.library import Library


def old_search_tokens(text: str | None) -> str:
    """The token string schema 9 stored: one token per CJK character."""
    return " ".join(tokens(text or ""))


def index_as_schema_9(path) -> None:
    """Make the library's index what schema 9 had: single characters, no prefix index."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.create_function("search_tokens", 1, old_search_tokens)
        for name in TRIGGERS:
            conn.execute(f'DROP TRIGGER "{name}"')
        for table in ("article_fts", "highlight_fts", "note_fts"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute(
            "CREATE VIRTUAL TABLE article_fts USING fts5(head, body, content='',"
            f" tokenize='{TOKENIZE}')"
        )
        conn.execute(
            f"CREATE VIRTUAL TABLE highlight_fts USING fts5(quote, tags, tokenize='{TOKENIZE}')"
        )
        conn.execute(f"CREATE VIRTUAL TABLE note_fts USING fts5(body, tags, tokenize='{TOKENIZE}')")
        conn.execute(
            "INSERT INTO article_fts(rowid, head, body) SELECT id, search_tokens(title),"
            " search_tokens(text) FROM article"
        )
        conn.execute(
            "INSERT INTO highlight_fts(rowid, quote, tags) SELECT h.id, search_tokens(h.exact),"
            " search_tokens((SELECT group_concat(t.name, ' ') FROM highlight_tag ht JOIN tag t"
            " ON t.id = ht.tag_id WHERE ht.highlight_id = h.id)) FROM highlight h"
        )
        conn.execute(
            "INSERT INTO note_fts(rowid, body, tags) SELECT n.id, search_tokens(n.body),"
            " search_tokens((SELECT group_concat(t.name, ' ') FROM highlight_tag ht JOIN tag t"
            " ON t.id = ht.tag_id WHERE ht.highlight_id = n.highlight_id)) FROM note n"
        )
        conn.execute("PRAGMA user_version = 9")
        conn.commit()


def test_a_library_indexed_by_single_characters_is_found_the_same_after_migration(
    library, add_article
) -> None:
    first = add_article("常州新闻", "常州市举行科技创新大会，常州企业参加。")
    second = add_article("深圳新闻", "深圳举行科技创新大会。")
    highlight = library.add_highlight(first, 5, 9, color="green", note="值得关注的创新")
    library.tag_highlight(highlight.id, "经济")
    other = library.add_highlight(second, 4, 8, color="yellow")
    library.tag_article(second, "城市")
    path = library.path
    library.close()
    index_as_schema_9(path)

    for _ in range(2):  # the migration, then the same again (version number set back)
        migrated = Library.open(path)
        assert {hit.article_id for hit in search(migrated, "科技创新").articles} == {
            first,
            second,
        }
        assert {hit.article_id for hit in search(migrated, "州").articles} == {first}
        assert [hit.article_id for hit in search(migrated, "常州 -深圳").articles] == [first]
        assert [hit.highlight_id for hit in search(migrated, "关注").notes] == [highlight.id]
        assert {hit.highlight_id for hit in search(migrated, "科技").highlights} == {
            highlight.id,
            other.id,
        }
        assert {hit.kind for hit in search(migrated, "经济").all()} == {"note", "highlight"}
        assert [hit.article_id for hit in search(migrated, "城市").articles] == [second]
        migrated.set_note(highlight.id, "新的想法")  # the triggers write the new form
        assert [hit.highlight_id for hit in search(migrated, "想法").notes] == [highlight.id]
        assert search(migrated, "关注").notes == ()
        migrated.set_note(highlight.id, "值得关注的创新")
        migrated.close()
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA user_version = 9")
            conn.commit()
