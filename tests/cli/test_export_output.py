"""`reader export -o` and `reader backup` never write over the library, its side files or
a database in use; an existing file needs --force; a symlink's target is replaced, never
the link; a folder, device or pipe is refused with one clear line."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.export.backup import default_backup_dir, rolling_backup
from reader.store.library import Library
from tests.export.annotated import annotate


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def highlight_count(path: Path) -> int:
    library = Library.open(path)
    try:
        return sum(len(library.get_article(a.id).highlights) for a in library.list_articles())
    finally:
        library.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A closed library with two annotated articles (four highlights)."""
    library = Library.open(tmp_path / "library.db")
    try:
        annotate(library, tmp_path / "pages")
    finally:
        library.close()
    return library.path


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader: "), err
    return err


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name)


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
@pytest.mark.parametrize("command", ["export", "backup"])
def test_the_library_and_its_side_files_are_never_written_over(db, capsys, command, suffix) -> None:
    dest = db.with_name(db.name + suffix)
    argv = ["export", "--format", "json", "-o"] if command == "export" else ["backup"]
    # The library is open in another program (the app): its -wal and -shm exist.
    app = Library.open(db)
    try:
        assert run(db, *argv, str(dest), "--force") == 2
    finally:
        app.close()
    assert "library" in one_error_line(capsys)
    assert integrity(db) == "ok"
    assert highlight_count(db) == 4
    assert leftovers(db.parent) == []


def test_a_link_to_the_library_is_refused_too(db, tmp_path, capsys) -> None:
    symlink = tmp_path / "notes.json"
    symlink.symlink_to(db)
    hard_link = tmp_path / "hard.db"
    os.link(db, hard_link)
    for dest in (symlink, hard_link):
        assert run(db, "export", "--format", "json", "-o", str(dest), "--force") == 2
        assert "open library" in one_error_line(capsys)
        assert run(db, "backup", str(dest), "--force") == 2
        assert "open library" in one_error_line(capsys)
    assert symlink.is_symlink()
    assert highlight_count(db) == 4


def test_a_backup_in_use_or_a_rolling_backup_is_never_written_over(db, tmp_path, capsys) -> None:
    in_use = tmp_path / "copy.db"
    assert run(db, "backup", str(in_use)) == 0
    reading_it = Library.open(in_use)  # someone works on the copy: its -wal exists
    try:
        assert run(db, "export", "-o", str(in_use), "--force") == 2
        assert "in use" in one_error_line(capsys)
        assert run(db, "backup", str(in_use), "--force") == 2
        assert "in use" in one_error_line(capsys)
    finally:
        reading_it.close()
    assert integrity(in_use) == "ok"

    rolling = rolling_backup(db, default_backup_dir(db))
    assert rolling is not None
    kept = rolling.read_bytes()
    assert run(db, "export", "-o", str(rolling), "--force") == 2
    assert "backup of the library" in one_error_line(capsys)
    assert rolling.read_bytes() == kept


def test_an_existing_file_is_replaced_only_with_force(db, tmp_path, capsys) -> None:
    mine = tmp_path / "notes.md"
    mine.write_text("my own notes", encoding="utf-8")

    assert run(db, "export", "-o", str(mine)) == 2
    err = one_error_line(capsys)
    assert "already exists" in err and "--force" in err
    assert mine.read_text(encoding="utf-8") == "my own notes"

    assert run(db, "export", "-o", str(mine), "--force") == 0
    assert "深化常深合作" in mine.read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


def test_backup_replaces_an_existing_file_only_with_force(db, tmp_path, capsys) -> None:
    old = tmp_path / "old-backup.db"
    assert run(db, "backup", str(old)) == 0
    capsys.readouterr()
    keep = old.read_bytes()

    assert run(db, "backup", str(old)) == 2
    err = one_error_line(capsys)
    assert "already exists" in err and "--force" in err
    assert old.read_bytes() == keep

    assert run(db, "backup", str(old), "--force") == 0
    assert integrity(old) == "ok" and highlight_count(old) == 4
    assert leftovers(tmp_path) == []


def test_an_export_through_a_symlink_replaces_its_target_not_the_link(db, tmp_path, capsys) -> None:
    target = tmp_path / "real" / "notes.md"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "notes-link.md"
    link.symlink_to(target)

    assert run(db, "export", "-o", str(link), "--force") == 0

    assert link.is_symlink() and link.resolve() == target
    assert "深化常深合作" in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o777 == 0o600  # the file keeps its permissions
    assert leftovers(target.parent) == [] and leftovers(tmp_path) == []

    dangling = tmp_path / "later.md"
    dangling.symlink_to(tmp_path / "real" / "later-target.md")
    assert run(db, "export", "-o", str(dangling)) == 0  # nothing exists yet: no --force
    assert dangling.is_symlink()
    assert "深化常深合作" in (tmp_path / "real" / "later-target.md").read_text(encoding="utf-8")


def test_a_folder_a_device_a_pipe_or_a_link_loop_is_refused(db, tmp_path, capsys) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    for dest, why in (
        (tmp_path, "folder"),
        (Path(os.devnull), "device"),
        (fifo, "pipe"),  # opening it would hang: only stat is used
        (loop, "link loop"),
    ):
        for argv in (["export", "-o", str(dest)], ["backup", str(dest)]):
            assert run(db, *argv, "--force") == 2
            assert why in one_error_line(capsys)
    assert leftovers(tmp_path) == []


def test_import_archive_refuses_the_librarys_own_file_without_reading_it(tmp_path, capsys) -> None:
    db = tmp_path / "library.db"
    assert main(["--db", str(db), "list"]) == 0
    capsys.readouterr()

    assert main(["--db", str(db), "import-archive", str(db)]) == 2
    assert "one of this library's own files" in capsys.readouterr().err
