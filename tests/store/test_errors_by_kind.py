"""Issue 12 items 7 and 8 (read-only), issue 11's errors by kind: SQLite's failures
reach the user as a sentence naming the cause, and the failed write changed nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw
import pytest

from reader.errors import DiskFullError, LibraryReadOnlyError
from reader.store import database
from reader.store.health import SALVAGE_ORDER
from reader.store.library import Library

BODY = "常州将进一步深化常深合作，以创新协同深化常深合作。"


def content(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, read apart from the library's own connection."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall())
            for table in SALVAGE_ORDER
        }
    finally:
        connection.close()


@pytest.fixture
def annotated(library: Library, write_page) -> tuple[Library, int]:
    [article_id] = library.import_file(write_page("a.txt", "常深合作交流会举行", BODY)).article_ids
    library.add_highlight(article_id, 0, 4, note="第一条", tags=["合作"])
    return library, article_id


def fill_the_disk(library: Library) -> None:
    """SQLite's own size limit on this connection: the file cannot grow by one page,
    which SQLite reports exactly like a full disk (SQLITE_FULL)."""
    pages = library.database.execute_sql("PRAGMA page_count").fetchone()[0]
    library.database.execute_sql(f"PRAGMA max_page_count = {pages}")


def big_text(sentence: str, times: int = 3000) -> str:
    return sentence * times


@pytest.mark.parametrize("write", ["import", "highlight", "tag rename"])
def test_a_full_disk_is_named_and_nothing_changes(annotated, write_page, write) -> None:
    library, article_id = annotated
    page = write_page("big.txt", "大文章", big_text("交流会上共有三十个签约项目。"))
    before = content(library.path)
    fill_the_disk(library)
    action = {
        "import": lambda: library.import_file(page),
        "highlight": lambda: library.add_highlight(article_id, 5, 9, note=big_text("笔记")),
        "tag rename": lambda: library.rename_tag("合作", big_text("新名字")),
    }[write]

    with pytest.raises(DiskFullError) as raised:
        action()

    assert "the disk is full; nothing was lost" in str(raised.value)
    assert "rollback" not in str(raised.value)
    assert content(library.path) == before
    assert library.database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)


def test_after_a_full_disk_the_next_write_works(annotated, write_page) -> None:
    library, article_id = annotated
    fill_the_disk(library)
    with pytest.raises(DiskFullError):
        library.set_note(library.get_article(article_id).highlights[0].id, big_text("长"))
    library.database.execute_sql("PRAGMA max_page_count = 1000000")  # space freed
    record = library.set_note(library.get_article(article_id).highlights[0].id, "短")
    assert record.note == "短"


def test_a_folder_import_onto_a_full_disk_stops_and_says_so(annotated, write_page) -> None:
    library, _ = annotated
    pages = [
        write_page(f"big{n}.txt", f"大文章{n}", big_text(f"第{n}个签约项目。")) for n in range(3)
    ]
    before = content(library.path)
    fill_the_disk(library)
    summary = library.import_paths([pages[0].parent])
    assert "the disk is full" in summary.stopped and not summary.ok
    assert summary.not_attempted >= 1
    assert content(library.path) == before


def test_a_read_only_library_says_so_on_write(annotated, monkeypatch) -> None:
    library, article_id = annotated
    path = library.path
    library.close()
    # `query_only` makes SQLite refuse writes as on a read-only file or disk (a chmod
    # does not stop root, who runs CI).
    monkeypatch.setattr(
        database, "pragmas", lambda original=database.pragmas: (*original(), ("query_only", 1))
    )
    read_only = Library.open(path)
    before = content(path)
    with pytest.raises(LibraryReadOnlyError, match=r"cannot be written.*nothing was changed"):
        read_only.add_highlight(article_id, 4, 8)
    with pytest.raises(LibraryReadOnlyError):
        read_only.set_read(article_id)
    assert read_only.get_article(article_id).title == "常深合作交流会举行"  # reading works
    read_only.close()
    assert content(path) == before


def test_a_bug_is_not_disguised_as_an_environment_error(library) -> None:
    with pytest.raises(pw.OperationalError) as raised:
        library.database.execute_sql("SELECT * FROM no_such_table")
    assert database.error_by_kind(raised.value, library.path) is None


def test_a_library_on_a_read_only_disk_can_be_read_but_not_written(annotated, monkeypatch) -> None:
    library, article_id = annotated
    path = library.path
    library.close()
    before = content(path)
    # What os.access says of a read-only file, folder or disk (root is never refused).
    monkeypatch.setattr(database, "_writable", lambda _path: False)
    read_only = Library.open(path)
    assert read_only.get_article(article_id).highlights[0].note == "第一条"
    with pytest.raises(LibraryReadOnlyError, match="cannot be written"):
        read_only.tag_article(article_id, "新")
    read_only.close()
    assert content(path) == before
