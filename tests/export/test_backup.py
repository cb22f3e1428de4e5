"""Backups and exports taken while another connection writes are consistent copies."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import ReaderError
from reader.export.backup import (
    backup_database,
    default_backup_dir,
    restore_rolling_backup,
    rolling_backup,
    rolling_backups,
)
from reader.export.formats import render
from reader.export.restore import restore_archive
from reader.export.scope import ExportScope
from reader.search.folding import search_tokens
from reader.store.library import Library

from .annotated import synthetic_archive, write_page


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def held(backup: Path) -> Path:
    """The library a (compressed) rolling backup holds, restored outside its folder."""
    out = backup.parent.parent / f"{backup.name}.restored.db"
    restore_rolling_backup(backup, out)
    return out


def test_backup_taken_during_an_import_is_all_or_nothing(library, tmp_path) -> None:
    archive = synthetic_archive(pages=150, highlights_per_article=10)
    total = len(archive["annotations"])
    failures: list[BaseException] = []

    def import_archive() -> None:
        worker = Library.open(library.path)
        try:
            restore_archive(worker, archive)
        except BaseException as error:  # reported to the test thread
            failures.append(error)
        finally:
            worker.close()

    thread = threading.Thread(target=import_archive)
    thread.start()
    backups = []
    while thread.is_alive() or not backups:
        backups.append(backup_database(library.path, tmp_path / f"b{len(backups)}.db"))
    thread.join()

    assert not failures
    assert count(library.path, "highlight") == total
    for backup in backups:
        assert integrity(backup) == "ok"
        # One transaction per archive: a copy holds none of it or all of it.
        assert count(backup, "highlight") in (0, total)
        assert count(backup, "note") == count(backup, "highlight")
    final = backup_database(library, tmp_path / "final.db")
    assert count(final, "highlight") == total
    # A backup is a normal library.
    copy = Library.open(final)
    try:
        assert len(copy.list_articles()) == 150
    finally:
        copy.close()


def test_export_while_another_connection_writes_is_consistent(annotated, tmp_path) -> None:
    article_id = annotated.list_articles(sort="oldest")[0].id
    stop = threading.Event()
    written = []

    def write_pairs() -> None:
        """Add highlights two at a time, each pair in one transaction."""
        connection = sqlite3.connect(annotated.path, timeout=30)
        # The index triggers call this function; any program writing the file needs it.
        connection.create_function("search_tokens", 1, search_tokens, deterministic=True)
        try:
            pair = 0
            while not stop.is_set() and pair < 400:
                with connection:
                    for half in range(2):
                        created = f"2026-01-01 00:00:00.{half}{pair:05d}"
                        connection.execute(
                            "INSERT INTO highlight (article_id, start, end, exact, prefix, "
                            "suffix, color, orphaned, created_at, updated_at) VALUES "
                            "(?, 0, 2, '常州', '', '将进一步', 'yellow', 0, ?, ?)",
                            (article_id, created, created),
                        )
                pair += 1
                written.append(pair)
        finally:
            connection.close()

    writer = threading.Thread(target=write_pairs)
    writer.start()
    exports = []
    try:
        while writer.is_alive() and len(exports) < 30:
            exports.append(render(annotated, ExportScope.everything(), "json"))
    finally:
        stop.set()
        writer.join()

    assert written and exports
    for text in exports:
        archive = json.loads(text)
        added = [a for a in archive["annotations"] if a["target"]["selector"][0]["exact"] == "常州"]
        assert len(added) % 2 == 0  # never half a transaction
    # An export taken under writes is a complete archive: it rebuilds a library.
    fresh = Library.open(tmp_path / "from-export.db")
    try:
        restored = restore_archive(fresh, json.loads(exports[-1]))
        assert restored.highlights_created == len(json.loads(exports[-1])["annotations"])
    finally:
        fresh.close()
    assert integrity(annotated.path) == "ok"


def test_rolling_backups_keep_the_newest_and_skip_unchanged(annotated, tmp_path) -> None:
    folder = default_backup_dir(annotated.path)
    assert folder == annotated.path.parent / "backups"
    article_id = annotated.list_articles()[0].id
    made = []
    for i in range(7):
        annotated.add_highlight(article_id, i, i + 1, note=f"第{i}条")
        made.append(rolling_backup(annotated.path, folder, keep=5))

    assert None not in made
    kept = rolling_backups(folder)
    assert kept == made[-5:]
    assert rolling_backup(annotated.path, folder, keep=5) is None  # nothing changed
    assert rolling_backups(folder) == kept
    assert all(integrity(held(p)) == "ok" for p in kept)
    assert count(held(kept[-1]), "note") == count(annotated.path, "note")
    with pytest.raises(ReaderError):
        rolling_backup(annotated.path, folder, keep=0)


def test_cli_backup(annotated, tmp_path, capsys) -> None:
    dest = tmp_path / "copy" / "backup.db"
    assert main(["--db", str(annotated.path), "backup", str(dest)]) == 0
    assert integrity(dest) == "ok"
    assert count(dest, "highlight") == 4
    assert main(["--db", str(dest), "export", "--format", "csv"]) == 0
    assert main(["--db", str(annotated.path), "backup", str(annotated.path)]) == 2
    assert "another file" in capsys.readouterr().err


def test_a_rolling_backup_is_made_after_any_change_and_only_then(
    annotated, tmp_path, monkeypatch
) -> None:
    from reader.export import backup

    folder = tmp_path / "backups"
    first = rolling_backup(annotated.path, folder)
    assert first is not None
    copies = []
    real_copy = backup._sqlite_copy

    def counted_copy(*args, **kwargs):
        copies.append(args)
        return real_copy(*args, **kwargs)

    monkeypatch.setattr(backup, "_sqlite_copy", counted_copy)
    assert rolling_backup(annotated.path, folder) is None  # nothing changed:
    assert copies == []  # not even a copy made and thrown away
    article = annotated.list_articles(sort="oldest")[0]
    highlight = annotated.get_article(article.id).highlights[0]
    changes = [
        lambda: annotated.add_highlight(article.id, 0, 2),
        lambda: annotated.set_note(highlight.id, "改过的笔记"),
        lambda: annotated.rename_tag("常州", "常州市"),
        lambda: annotated.set_read(article.id, False),
        lambda: annotated.delete_highlight(highlight.id),
    ]
    for change in changes:
        change()
        made = rolling_backup(annotated.path, folder, keep=10)
        assert made is not None
        assert rolling_backup(annotated.path, folder, keep=10) is None
    assert len(copies) == len(changes)
    newest = held(rolling_backups(folder)[-1])
    assert count(newest, "highlight") == count(annotated.path, "highlight")
    assert len(rolling_backups(folder)) == 1 + len(changes)


def test_a_backup_from_before_the_change_token_counts_as_changed(annotated, tmp_path) -> None:
    folder = tmp_path / "backups"
    old = backup_database(annotated.path, folder / "library-20260101T000000000000Z.db")
    with sqlite3.connect(old) as connection:  # as an older version of reader wrote it
        connection.execute('DROP TABLE "library_change"')
    connection.close()
    made = rolling_backup(annotated.path, folder)
    assert made is not None and made.name.endswith(".db.gz")
    assert rolling_backups(folder) == [old, made]  # the old plain one counts as a backup
    assert rolling_backup(annotated.path, folder) is None


def test_stale_partial_copies_are_removed(annotated, tmp_path) -> None:
    folder = default_backup_dir(annotated.path)
    folder.mkdir()
    stale = [
        folder / "library-20260101T000000000000Z.db.x1y2z3.partial",
        folder / "library-20260101T000000000000Z.db.x1y2z3.partial-journal",
    ]
    others = [
        folder / "sample-library-20260101T000000000000Z.db.a1.partial",  # another library's
        folder / "notes.md.partial",
    ]
    for path in stale + others:
        path.write_bytes(b"\0" * 4096)  # half a copy, left by a killed app

    assert rolling_backup(annotated.path, folder) is not None

    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in others)
    assert not [
        p for p in folder.iterdir() if p.name.startswith("library-") and "partial" in p.name
    ]


def test_two_libraries_in_one_folder_keep_their_own_rolling_backups(tmp_path) -> None:
    folder = tmp_path / "backups"
    libraries = [
        Library.open(tmp_path / "library.db"),
        Library.open(tmp_path / "sample-library.db"),
    ]
    try:
        for round_ in range(3):
            page = write_page(tmp_path / "pages", f"{round_}.txt", f"第{round_}版", "正文。")
            for library in libraries:
                library.import_file(page)  # a change, so a copy is due
                assert rolling_backup(library.path, folder, keep=2) is not None
        for library in libraries:
            kept = rolling_backups(folder, library.path.stem)
            assert len(kept) == 2
            assert count(held(kept[-1]), "article") == 3
    finally:
        for library in libraries:
            library.close()


def test_the_rolling_backup_opens_the_library_only_through_sqlite(
    annotated, tmp_path, monkeypatch
) -> None:
    """Closing any descriptor on the library in the app's process would drop the app's
    SQLite locks; the backup runs in the app's process."""
    import builtins
    import io

    opened: list[Path] = []

    def recording(real):
        def open_(file, *args, **kwargs):
            if isinstance(file, str | bytes | os.PathLike):
                opened.append(Path(os.fsdecode(file)).resolve())
            return real(file, *args, **kwargs)

        return open_

    for module, name in ((builtins, "open"), (io, "open"), (os, "open")):
        monkeypatch.setattr(module, name, recording(getattr(module, name)))
    folder = tmp_path / "backups"
    annotated.tag_article(annotated.list_articles()[0].id, "新")

    assert rolling_backup(annotated.path, folder) is not None  # a copy
    assert rolling_backup(annotated.path, folder) is None  # and a check without one

    library_files = {
        annotated.path.resolve(),
        *(Path(f"{annotated.path.resolve()}{s}") for s in ("-wal", "-shm", "-journal")),
    }
    assert opened, "the recording sees the backup's own files (its fsync)"
    assert not library_files & set(opened)
