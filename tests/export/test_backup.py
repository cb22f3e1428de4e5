"""Backups and exports taken while another connection writes are consistent copies."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import ReaderError
from reader.export.backup import (
    backup_database,
    default_backup_dir,
    rolling_backup,
    rolling_backups,
)
from reader.export.formats import render
from reader.export.restore import restore_archive
from reader.export.scope import ExportScope
from reader.search.folding import search_tokens
from reader.store.library import Library

from .annotated import synthetic_archive


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


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
    assert all(integrity(p) == "ok" for p in kept)
    assert count(kept[-1], "note") == count(annotated.path, "note")
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
