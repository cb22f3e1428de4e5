"""Issue 12 from the command line: locks, full disks, read-only and damaged libraries,
another program's database, bad paths to import, `check` and `recover` — each a clear
line on stderr and the right exit code, never a traceback."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.export.backup import default_backup_dir, rolling_backup
from reader.store import database
from tests.faults.damage import digest, overwrite_page, root_page
from tests.faults.other_process import OtherProcess

BODY = "常州将进一步深化常深合作，以创新协同深化常深合作。"


def write_page(folder: Path, name: str, title: str, body: str = BODY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path, capsys) -> Path:
    """A library of three pages, the first article highlighted and tagged."""
    path = tmp_path / "lib" / "library.db"
    pages = [write_page(tmp_path / "pages", f"{n}.txt", f"第{n}篇") for n in range(3)]
    assert main(["--db", str(path), "import", *map(str, pages)]) == 0
    assert main(["--db", str(path), "highlight", "1", "--quote", "常州", "--tag", "合作"]) == 0
    capsys.readouterr()
    return path


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.startswith("reader: ")
    return err


def with_pragma(monkeypatch, name: str, value: object) -> None:
    """Every connection the command opens gets this pragma too."""
    original = database.pragmas
    monkeypatch.setattr(database, "pragmas", lambda: (*original(), (name, value)))


def test_a_new_db_path_is_created_and_said(tmp_path, capsys) -> None:
    path = tmp_path / "typo" / "libary.db"
    assert main(["--db", str(path), "list"]) == 0
    err = capsys.readouterr().err
    assert f"created a new, empty library at {path}" in err
    assert main(["--db", str(path), "list"]) == 0
    assert "created" not in capsys.readouterr().err  # only the first time


def test_another_programs_database_is_refused(tmp_path, capsys) -> None:
    path = tmp_path / "places.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE moz_places (url TEXT)")
    connection.commit()
    connection.close()
    before = digest(path)
    page = write_page(tmp_path / "pages", "a.txt", "标题")
    assert main(["--db", str(path), "import", str(page)]) == 2
    assert "another program's database" in one_line_error(capsys)
    assert digest(path) == before


def test_a_full_disk_on_import_highlight_and_tag_rename(db, tmp_path, capsys, monkeypatch) -> None:
    big = write_page(tmp_path / "pages", "big.txt", "大文章", "交流会上共有三十个签约项目。" * 3000)
    before = digest(db)
    with_pragma(monkeypatch, "max_page_count", 1)  # clamped to the file's size: full
    assert main(["--db", str(db), "import", str(big)]) == 1
    err = capsys.readouterr().err
    assert "the disk is full; nothing was lost" in err and "Traceback" not in err
    assert "rollback" not in err
    for command in (
        ["highlight", "1", "--quote", "深化", "--note", "长" * 100_000],
        ["tag", "rename", "合作", "新" * 100_000],
    ):
        assert main(["--db", str(db), *command]) == 2
        assert "the disk is full; nothing was lost" in one_line_error(capsys)
    monkeypatch.undo()
    assert main(["--db", str(db), "tag", "list", "--json"]) == 0
    assert [t["name"] for t in json.loads(capsys.readouterr().out)] == ["合作"]
    assert digest(db) == before or main(["--db", str(db), "check"]) == 0


def test_a_read_only_library_says_so(db, capsys, monkeypatch) -> None:
    with_pragma(monkeypatch, "query_only", 1)  # as a read-only file or disk does
    assert main(["--db", str(db), "tag", "add", "新", "--article", "1"]) == 2
    assert "cannot be written" in one_line_error(capsys)
    assert main(["--db", str(db), "list"]) == 0  # reading still works


def test_import_reports_loops_and_unreadable_paths_and_exits_1(db, tmp_path, capsys) -> None:
    pages = tmp_path / "more"
    write_page(pages, "good.txt", "新的一篇")
    (pages / "loop").symlink_to(pages / "loop")
    (pages / "up").symlink_to(pages)
    assert main(["--db", str(db), "import", str(pages), str(tmp_path / "loop2")]) == 1
    captured = capsys.readouterr()
    assert "imported 1, unchanged 0, reparsed 0, failed 3" in captured.out
    assert captured.err.count("symlink loop") == 2 and "no such file" in captured.err


def test_import_of_the_librarys_own_file_is_refused(db, capsys) -> None:
    assert main(["--db", str(db), "import", str(db), f"{db}-wal"]) == 1
    captured = capsys.readouterr()
    assert "failed 2" in captured.out and "library's own files" in captured.err


def test_a_list_while_another_program_writes_sees_everything(db, capsys) -> None:
    other = OtherProcess(db)
    try:
        other.send("wipe")
        assert main(["--db", str(db), "list", "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == 3
        assert main(["--db", str(db), "show", "1"]) == 0
    finally:
        other.send("release", expect="released")
        other.close()


def test_check_recover_and_salvage(db, tmp_path, capsys) -> None:
    assert main(["--db", str(db), "check"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(": ok")
    rolling_backup(db, default_backup_dir(db))
    overwrite_page(db, root_page(db, "article_fts_data"))
    damaged = digest(db)
    for command in (["search", "常州"], ["list"], ["import", str(tmp_path / "pages")]):
        assert main(["--db", str(db), *command]) == 2
        err = one_line_error(capsys)
        assert "is damaged" in err and "reader recover" in err
    assert main(["--db", str(db), "check"]) == 1
    assert "DAMAGED" in capsys.readouterr().out

    saved = tmp_path / "saved.db"
    assert main(["--db", str(db), "recover", "--salvage", str(saved)]) == 0
    assert "article\t3 row(s) copied" in capsys.readouterr().out
    assert main(["--db", str(saved), "search", "常州", "--json"]) == 0
    assert digest(db) == damaged

    assert main(["--db", str(db), "recover", "--from-backup"]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "damaged library was kept as" in out
    assert main(["--db", str(db), "check"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "show", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["highlights"][0]["tags"] == ["合作"]


def test_a_broken_search_index_is_named_not_a_traceback(db, tmp_path, capsys, monkeypatch) -> None:
    from reader.store import health

    monkeypatch.setattr(health, "ALWAYS_CHECK_BYTES", 0)  # as for a large library,
    monkeypatch.setattr(health, "SAMPLE_EVERY", 10**9)  # which most opens do not check
    connection = sqlite3.connect(db)
    connection.execute("DROP TABLE article_fts_config")  # FTS5: "vtable constructor failed"
    connection.commit()
    connection.close()
    page = write_page(tmp_path / "pages", "new.txt", "新的一篇")
    assert main(["--db", str(db), "import", str(page)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "is damaged" in err and "import stopped" in err
    assert main(["--db", str(db), "check"]) == 1
    assert "article_fts cannot be read" in capsys.readouterr().out
