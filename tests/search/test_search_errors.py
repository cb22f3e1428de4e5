"""Issue 11, errors by kind in search: only a query FTS5 cannot read counts as "no
match"; a damaged index or a locked library is raised as the library's error, so the
search panel can show it instead of "No results"."""

from __future__ import annotations

import pytest

from reader.errors import LibraryCorruptError, LibraryLockedError
from reader.search.engine import search
from reader.store import database
from reader.store.library import Library
from tests.faults.other_process import OtherProcess


@pytest.fixture
def noted(library: Library, add_article) -> Library:
    """A library with an article and a noted highlight, all three findable by 常州."""
    article_id = add_article("常州新闻", "常州将深化合作。")
    library.add_highlight(article_id, 0, 2, note="常州的合作")
    return library


def found(library: Library, text: str = "常州") -> tuple[int, int, int]:
    results = search(library, text)
    return len(results.notes), len(results.highlights), len(results.articles)


@pytest.mark.parametrize("table", ["note_fts", "highlight_fts", "article_fts"])
def test_a_missing_index_table_is_a_damaged_library_not_no_results(noted, table) -> None:
    assert found(noted) == (1, 1, 1)
    noted.database.execute_sql(f"DROP TABLE {table}")
    with pytest.raises(LibraryCorruptError, match=rf"search index.*damaged.*{table}"):
        search(noted, "常州")


@pytest.mark.parametrize(
    "damage",
    ["UPDATE highlight_fts_data SET block = X'FFFFFFFFFFFF'", "DROP TABLE note_fts_config"],
)
def test_a_damaged_index_table_is_a_damaged_library(noted, damage) -> None:
    """FTS5's own storage overwritten or gone: the index cannot be opened."""
    noted.database.execute_sql(damage)
    noted.close()  # the next connection opens the index afresh, as the app's next start
    with pytest.raises(LibraryCorruptError, match=r"damaged.*reader check"):
        search(noted, "常州")


def test_a_query_fts5_refuses_is_still_no_match(noted, monkeypatch) -> None:
    """The one error that is the input's: FTS5 refusing the expression typed."""
    from reader.search import query

    monkeypatch.setattr(query.Query, "fts", lambda self: 'AND "常州"')
    results = search(noted, "常州")
    assert results.total == 0


def test_a_locked_library_says_busy_and_loses_nothing(noted, monkeypatch) -> None:
    """Another program holding the file exclusively keeps even readers out."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)  # give up sooner than 5 s
    patient = Library.open(noted.path)  # opened now: waits 0.1 s for a lock
    noted.close()
    patient.close()  # the next search connects while the other program holds the file
    other = OtherProcess(noted.path)
    try:
        other.send("exclusive")
        with pytest.raises(LibraryLockedError, match=r"busy.*another program.*try again"):
            search(patient, "常州")
        other.send("release", expect="released")
    finally:
        other.close()
    assert found(patient) == (1, 1, 1)  # the same search works once the lock is gone
    assert patient.database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    patient.close()


def test_the_search_command_names_a_damaged_index(tmp_path, capsys) -> None:
    from reader.cli import main

    page = tmp_path / "p.txt"
    page.write_text("常州新闻\n\n常州将深化合作。\n", encoding="utf-8")
    db = tmp_path / "l.db"
    assert main(["--db", str(db), "import", str(page)]) == 0
    library = Library.open(db)
    library.database.execute_sql("DROP TABLE article_fts")
    library.close()
    capsys.readouterr()
    assert main(["--db", str(db), "search", "常州"]) != 0
    captured = capsys.readouterr()
    assert "no results" not in captured.out
    assert "search index" in captured.err and "damaged" in captured.err
