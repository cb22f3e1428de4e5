"""Rolling backups (issue 15): compressed, restorable, within their space, stoppable."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest

from reader.export.backup import (
    BackupStopped,
    default_backup_dir,
    library_state,
    prune_rolling_backups,
    restore_rolling_backup,
    rolling_backup,
    rolling_backups,
)
from reader.export.compressed_backup import stored_state

TABLES = ("source", "article", "highlight", "note", "tag", "highlight_tag", "article_tag")


def rows(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in TABLES
        }
    finally:
        connection.close()


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def changed(library) -> None:
    """One more change, so the next rolling backup makes a copy."""
    article_id = library.list_articles()[0].id
    library.add_highlight(article_id, 0, 1, note=f"改动 {library.count_articles()}")


def test_a_compressed_backup_restores_the_library_row_for_row(annotated, tmp_path) -> None:
    folder = default_backup_dir(annotated.path)
    made = rolling_backup(annotated.path, folder)
    assert made is not None and made.name.endswith(".db.gz")

    restored = tmp_path / "restored.db"
    restore_rolling_backup(made, restored)
    assert made.stat().st_size < restored.stat().st_size / 2
    assert integrity(restored) == "ok"
    assert rows(restored) == rows(annotated.path)
    # An ordinary gzip file: gunzip gives the very same library file.
    assert gzip.decompress(made.read_bytes()) == restored.read_bytes()
    # Its header says which state it holds, so the next start need not open it.
    assert stored_state(made) == library_state(annotated.path)


def test_the_newest_backups_that_fit_the_budget_are_kept(tmp_path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    sizes = {"20260101": 10, "20260102": 100, "20260103": 300, "20260104": 400}
    backups = []
    for day, size in sizes.items():
        backups.append(folder / f"library-{day}T000000000000Z.db.gz")
        backups[-1].write_bytes(b"x" * size)

    # 400 + 300 fit in 750, 100 more do not; the oldest 10 would, but a backup older
    # than one dropped is never kept.
    assert prune_rolling_backups(folder, "library", keep=10, budget=750) == backups[:2][::-1]
    assert rolling_backups(folder) == backups[2:]
    assert prune_rolling_backups(folder, "library", keep=1, budget=None) == [backups[2]]
    # A budget smaller than one copy keeps the newest: never no backup at all.
    assert prune_rolling_backups(folder, "library", keep=10, budget=1) == []
    assert rolling_backups(folder) == [backups[3]]


def test_a_rolling_backup_keeps_within_its_budget(annotated) -> None:
    folder = default_backup_dir(annotated.path)
    for _ in range(4):
        changed(annotated)
        rolling_backup(annotated.path, folder, keep=10)
    four = rolling_backups(folder)
    assert len(four) == 4
    budget = sum(p.stat().st_size for p in four[-2:]) * 3 // 2  # room for about three

    changed(annotated)
    newest = rolling_backup(annotated.path, folder, keep=10, budget=budget)
    kept = rolling_backups(folder)
    assert kept[-1] == newest and kept[0] != four[0]  # the oldest went first
    assert sum(p.stat().st_size for p in kept) <= budget
    assert kept == [*four[-len(kept) + 1 :], newest]


def test_a_stopped_backup_leaves_no_file_behind(annotated) -> None:
    folder = default_backup_dir(annotated.path)
    with pytest.raises(BackupStopped):
        rolling_backup(annotated.path, folder, stop=lambda: True)  # while copying
    asked = []

    def stop_while_compressing() -> bool:
        asked.append(1)
        return len(asked) > 1  # the copy's single step goes on; compression stops

    with pytest.raises(BackupStopped):
        rolling_backup(annotated.path, folder, stop=stop_while_compressing)
    assert list(folder.iterdir()) == []
    assert rolling_backup(annotated.path, folder) is not None  # the next start makes one


def test_stale_partials_of_compressed_backups_are_removed(annotated) -> None:
    folder = default_backup_dir(annotated.path)
    folder.mkdir()
    stale = [
        folder / "library-20260101T000000000000Z.db.gz.k3j4.partial",  # half compressed
        folder / "library-20260101T000000000000Z.db.gz.a9b8.partial",  # half copied
        folder / "library-20260101T000000000000Z.db.gz.a9b8.partial-journal",
    ]
    foreign = folder / "sample-library-20260101T000000000000Z.db.gz.k3j4.partial"
    for path in [*stale, foreign]:
        path.write_bytes(b"\0" * 4096)

    made = rolling_backup(annotated.path, folder)

    assert not any(p.exists() for p in stale)
    assert foreign.exists()  # another library's, maybe being written right now
    assert sorted(folder.iterdir()) == sorted([made, foreign])


def test_recovery_skips_a_damaged_compressed_backup_for_an_older_healthy_one(annotated) -> None:
    from reader.store import health

    folder = default_backup_dir(annotated.path)
    older = rolling_backup(annotated.path, folder)
    expected = rows(annotated.path)
    changed(annotated)
    newest = rolling_backup(annotated.path, folder)
    newest.write_bytes(newest.read_bytes()[: newest.stat().st_size // 2])  # cut short
    path = annotated.path
    annotated.close()

    recovery = health.recover_from_backup(path)

    assert recovery.restored_from == older
    assert integrity(path) == "ok"
    assert rows(path) == expected
    assert not path.with_name(path.name + ".recovering").exists()
