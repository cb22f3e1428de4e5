"""Issue 12 item 11: another program's SQLite file given as the library is refused and
left exactly as it was (no WAL switch, no tables); an empty database becomes a library."""

from __future__ import annotations

import sqlite3

import pytest

from reader.errors import NotALibraryError
from reader.store.library import Library
from tests.faults.damage import digest


def test_another_programs_database_is_refused_untouched(tmp_path) -> None:
    path = tmp_path / "contacts.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contact (name TEXT, phone TEXT)")
    connection.execute("INSERT INTO contact VALUES ('张三', '123')")
    connection.commit()
    connection.close()
    before = digest(path)

    with pytest.raises(NotALibraryError, match=r"another program's database.*contact"):
        Library.open(path)

    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.sqlite"]  # no -wal
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    connection.close()


def test_a_database_with_a_user_version_but_other_tables_is_refused(tmp_path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE source (x)")  # one name in common is not enough
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()
    with pytest.raises(NotALibraryError):
        Library.open(path)


@pytest.mark.parametrize("kind", ["zero bytes", "empty database"])
def test_an_empty_file_or_database_becomes_a_library(tmp_path, kind) -> None:
    path = tmp_path / "new.db"
    if kind == "zero bytes":
        path.touch()
    else:
        sqlite3.connect(path).close()
    library = Library.open(path)
    assert library.count_articles() == 0
    library.close()
    Library.open(path).close()  # and opens again as a library
