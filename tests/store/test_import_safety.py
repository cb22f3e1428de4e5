"""Issue 12 items 8 and 1 (the store's part): an import reports each path it cannot
take (symlink loops, unreadable folders) and goes on; it refuses the library's own
files before anything opens them, since closing any descriptor on the database file
drops the process's SQLite locks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reader.export.backup import default_backup_dir, rolling_backup
from reader.store.library import Library

BODY = "常州将进一步深化常深合作，以创新协同深化常深合作。"


def unreadable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot list: chmod 000, or for root (who lists anything)
    /proc/1/map_files where the kernel refuses it; skipped where neither holds."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        os.listdir(folder)
    except PermissionError:
        return folder
    folder.chmod(0o755)
    fallback = Path("/proc/1/map_files")
    try:
        os.listdir(fallback)
    except OSError:
        return fallback
    pytest.skip("no folder here is unreadable to this user")


def test_a_symlink_loop_given_to_import_is_reported_and_the_rest_goes_on(
    library, write_page, tmp_path
) -> None:
    good = write_page("good.txt", "常深合作交流会举行", BODY)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    summary = library.import_paths([loop, good])
    assert [r.status for r in summary.results] == ["failed", "imported"]
    assert "symlink loop" in summary.results[0].reason


def test_a_symlink_loop_inside_a_folder_is_reported_and_counted(library, write_page) -> None:
    good = write_page("good.txt", "常深合作交流会举行", BODY)
    (good.parent / "sub").mkdir()
    (good.parent / "sub" / "back").symlink_to(good.parent)  # pages/sub/back -> pages
    (good.parent / "self").symlink_to(good.parent / "self")
    summary = library.import_paths([good.parent])
    statuses = {Path(r.path).name: (r.status, r.reason) for r in summary.results}
    assert statuses["good.txt"] == ("imported", None)
    assert statuses["back"][0] == "failed" and "symlink loop" in statuses["back"][1]
    assert statuses["self"][0] == "failed" and "symlink loop" in statuses["self"][1]
    assert len(summary.failures) == 2


def test_an_unreadable_folder_is_reported_and_counted(library, write_page, tmp_path) -> None:
    good = write_page("good.txt", "常深合作交流会举行", BODY)
    locked = unreadable_folder(tmp_path)
    (good.parent / "linked").symlink_to(locked)
    named = library.import_paths([locked, good])
    inside = library.import_paths([good.parent])  # reached through a link in a folder
    assert [r.status for r in named.results] == ["failed", "imported"]
    assert [r.status for r in inside.results] == ["unchanged", "failed"]
    for failure in (named.results[0], inside.results[1]):
        assert "cannot read the folder" in failure.reason and not named.ok


@pytest.fixture
def opened_files():
    """Paths this process opens (builtins.open, os.open, …) while the fixture is live,
    seen through Python's audit hooks; SQLite's own opens are not Python's and do not
    appear."""
    seen: list[str] = []
    live = [True]

    def hook(event: str, args: tuple) -> None:
        if live[0] and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
            seen.append(os.fsdecode(args[0]))

    sys.addaudithook(hook)  # hooks cannot be removed; this one goes quiet instead
    yield seen
    live[0] = False


def test_the_librarys_own_files_are_refused_without_being_opened(
    library: Library, write_page, tmp_path, opened_files
) -> None:
    [article_id] = library.import_file(write_page("a.txt", "常深合作交流会举行", BODY)).article_ids
    library.add_highlight(article_id, 0, 4, note="别丢")
    backup = rolling_backup(library.path, default_backup_dir(library.path))
    db = library.path
    wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
    assert wal.exists() and shm.exists()
    link = tmp_path / "innocent.txt"
    link.symlink_to(db)
    hard = tmp_path / "copy-by-link"
    os.link(db, hard)
    renamed_dot = Path(f"{db.parent}/./{db.name}")
    own = [db, wal, shm, backup, link, hard, renamed_dot]
    opened_files.clear()

    summary = library.import_paths(own)
    folder = library.import_paths([tmp_path])  # the folder holding the library

    assert [r.status for r in summary.results] == ["failed"] * len(own)
    assert all("library's own files" in r.reason for r in summary.results)
    # The library's files in the folder are listed as skipped (by their names alone).
    by_name = {Path(r.path).name: r.status for r in folder.results if r.status != "skipped"}
    assert by_name == {"a.txt": "unchanged", "innocent.txt": "failed", "copy-by-link": "failed"}
    library_names = {str(p) for p in own} | {str(p.resolve()) for p in own}
    assert not [p for p in opened_files if p in library_names or "/backups/" in p]
    assert wal.exists() and library.get_article(article_id).highlights[0].note == "别丢"
