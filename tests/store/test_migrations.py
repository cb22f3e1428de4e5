"""Opening databases written by older (and newer) versions of reader."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.search.folding import search_tokens
from reader.store.library import Library
from reader.store.migrations import LATEST_VERSION, V1_SCHEMA


def build_v1_library(path: Path) -> None:
    """A library exactly as the first release left it, with one annotated article."""
    authors = [{"name": "朱梦琪", "role": "记者"}, {"name": "舒泉清", "role": "通讯员"}]
    paragraphs = ["𠮷野家开业了。", "常州将进一步深化常深合作。"]
    text = "\n".join(paragraphs)
    start = text.index("深化常深合作")  # code points: the astral 𠮷 counts once
    with sqlite3.connect(path) as conn:
        for statement in V1_SCHEMA:
            conn.execute(statement)
        conn.execute(
            'INSERT INTO "source" VALUES (1, ?, ?, ?, ?, ?)',
            ("/pages/a.txt", "a" * 64, "gb18030", "原始页面", "2024-10-24 08:00:00"),
        )
        conn.execute(
            'INSERT INTO "article" VALUES (7, 1, 0, NULL, ?, ?, ?, ?, ?, ?, ?, ?)',
            (
                "双向赋能 共创未来",
                json.dumps(["双向赋能 共创未来"], ensure_ascii=False),
                "本报讯 (舒泉清 记者 朱梦琪)",
                json.dumps(authors, ensure_ascii=False),
                json.dumps(paragraphs, ensure_ascii=False),
                "[]",
                text,
                "2024-10-24 08:00:00",
            ),
        )
        conn.execute(
            'INSERT INTO "highlight" VALUES (3, 7, ?, ?, ?, ?, ?, ?, 0, ?, ?)',
            (
                start,
                start + 6,
                "深化常深合作",
                text[:start],
                text[start + 6 :],
                "green",
                "2024-10-25 09:00:00",
                "2024-10-25 09:00:00",
            ),
        )
        conn.execute(
            'INSERT INTO "note" VALUES (1, 3, ?, ?, ?)',
            ("要点", "2024-10-25 09:00:00", "2024-10-25 09:00:00"),
        )
        conn.execute('INSERT INTO "tag" VALUES (1, ?, ?)', ("合作", "2024-10-25 09:00:00"))
        conn.execute('INSERT INTO "highlight_tag" VALUES (3, 1)')
        conn.execute('INSERT INTO "article_tag" VALUES (7, 1)')
        conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_a_first_release_library_opens_with_its_data_and_new_columns(tmp_path) -> None:
    path = tmp_path / "old.db"
    build_v1_library(path)

    library = Library.open(path)
    try:
        article = library.get_article(7)
        assert article.title == "双向赋能 共创未来"
        assert article.tags == ("合作",)
        assert not article.is_read
        [highlight] = article.highlights
        assert (highlight.id, highlight.note, highlight.tags) == (3, "要点", ("合作",))
        assert article.text[highlight.start : highlight.end] == "深化常深合作"

        [summary] = library.list_articles(text_filter="朱梦琪")
        assert summary.author_names == "朱梦琪 舒泉清"
        library.set_read(7)
        assert library.get_article(7).is_read
    finally:
        library.close()

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {row[1] for row in conn.execute("PRAGMA index_list('article')")}
        assert "article_source_id_position" in indexes
    conn.close()


def test_reopening_a_current_library_migrates_nothing(tmp_path) -> None:
    path = tmp_path / "library.db"
    Library.open(path).close()
    library = Library.open(path)
    library.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_library_from_a_newer_version_is_refused_not_downgraded(tmp_path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE future_thing (x)")
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.close()

    with pytest.raises(ReaderError, match="newer version"):
        Library.open(path)

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION + 5
    conn.close()


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path) -> None:
    path = tmp_path / "notes.db"
    content = b"this is a text file, not SQLite " * 100
    path.write_bytes(content)
    with pytest.raises(ReaderError, match="not a reader library"):
        Library.open(path)
    assert path.read_bytes() == content


def _shape(conn: sqlite3.Connection, tables: list[str]) -> dict[str, object]:
    """Columns and indexes of `tables`, but those the store keeps by SQL on purpose
    and not in the models (`migrations.NOT_IN_MODELS`)."""
    from reader.store.migrations import NOT_IN_MODELS

    shape = {}
    for table in tables:
        columns = {
            (r[1], r[2], r[3])
            for r in conn.execute(f'PRAGMA table_info("{table}")')
            if r[1] not in NOT_IN_MODELS
        }
        indexes = {
            r[1] for r in conn.execute(f'PRAGMA index_list("{table}")') if r[1] not in NOT_IN_MODELS
        }
        shape[table] = (columns, indexes)
    return shape


def test_migrating_a_v1_file_gives_the_tables_the_models_declare(tmp_path) -> None:
    import peewee as pw

    from reader.store.models import ALL_MODELS, database_proxy

    build_v1_library(tmp_path / "old.db")
    Library.open(tmp_path / "old.db").close()
    fresh = pw.SqliteDatabase(str(tmp_path / "models.db"))
    database_proxy.initialize(fresh)
    fresh.create_tables(ALL_MODELS)
    fresh.close()

    tables = [m._meta.table_name for m in ALL_MODELS]
    with (
        sqlite3.connect(tmp_path / "old.db") as old,
        sqlite3.connect(tmp_path / "models.db") as new,
    ):
        assert _shape(old, tables) == _shape(new, tables)
    old.close()
    new.close()


def test_a_reporter_who_took_the_photo_is_listed_once_after_migrating(tmp_path) -> None:
    path = tmp_path / "v3.db"
    page = "一家企业的转型之路\n\n□本报记者 曹雨晴 通讯员 罗浩\n\n走进车间。\n\n曹雨晴 摄\n"
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    library = Library.open(path)
    library.import_file(tmp_path / "page.txt")
    assert [s.author_names for s in library.list_articles()] == ["曹雨晴 罗浩"]
    library.close()
    with sqlite3.connect(path) as conn:  # as version 3 stored it: the photographer again
        conn.create_function("search_tokens", 1, search_tokens, deterministic=True)
        conn.execute("UPDATE article SET author_names = '曹雨晴 罗浩 曹雨晴'")
        conn.execute("PRAGMA user_version = 3")
    conn.close()

    library = Library.open(path)
    try:
        [summary] = library.list_articles()
        assert summary.author_names == "曹雨晴 罗浩"
        roles = [(a.name, a.role) for a in library.get_article(summary.id).authors]
        assert ("曹雨晴", "摄影") in roles  # the credit itself is kept
    finally:
        library.close()
