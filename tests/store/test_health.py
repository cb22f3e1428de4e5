"""Issue 12 item 10: a damaged library is found when it is opened, and the work in it
can be got back from the newest rolling backup or salvaged into a new library, never
writing into the damaged file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import LibraryCorruptError, ReaderError
from reader.export.backup import default_backup_dir, rolling_backup
from reader.store import health
from reader.store.library import Library
from tests.faults.damage import digest, leaf_pages, overwrite_page, root_page

BODY = "常州将进一步深化常深合作，以创新协同深化常深合作。" * 40


def build(path: Path, write_page, pages: int = 30) -> list[int]:
    """A closed library of `pages` one-article pages, each article highlighted with a
    note and a tag; returns the article ids."""
    library = Library.open(path)
    ids = []
    for n in range(pages):
        [article_id] = library.import_file(write_page(f"{n}.txt", f"第{n}篇", BODY)).article_ids
        library.add_highlight(article_id, 0, 4, note=f"笔记{n}", tags=[f"标签{n % 3}"])
        ids.append(article_id)
    library.close()
    return ids


def test_a_damaged_library_is_reported_when_opened(tmp_path, write_page) -> None:
    path = tmp_path / "library.db"
    build(path, write_page)
    overwrite_page(path, root_page(path, "article_fts_data"))
    before = digest(path)

    with pytest.raises(LibraryCorruptError, match=r"damaged.*reader recover"):
        Library.open(path)

    assert digest(path) == before  # not migrated, not written


def test_a_large_library_is_checked_after_an_unclean_shutdown(
    tmp_path, write_page, monkeypatch
) -> None:
    monkeypatch.setattr(health, "ALWAYS_CHECK_BYTES", 0)  # as if it were large
    monkeypatch.setattr(health, "SAMPLE_EVERY", 10**9)  # and the sample never picks it
    path = tmp_path / "library.db"
    build(path, write_page, pages=5)
    overwrite_page(path, root_page(path, "article_fts_data"))
    Library.open(path).close()  # a clean history: not checked, opens
    # A program that writes and dies without closing leaves its write-ahead log.
    crash = (
        "import sqlite3, os, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('UPDATE article SET read_at = 1'); c.commit(); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", crash, str(path)], check=True)
    assert health.left_unclean(path)
    with pytest.raises(LibraryCorruptError):
        Library.open(path)


def test_integrity_report_lists_the_damage(tmp_path, write_page) -> None:
    path = tmp_path / "library.db"
    build(path, write_page, pages=5)
    assert health.integrity_report(path).ok
    overwrite_page(path, root_page(path, "article_fts_data"))
    report = health.integrity_report(path)
    assert not report.ok and report.problems


def test_recover_from_the_newest_rolling_backup(tmp_path, write_page) -> None:
    path = tmp_path / "library.db"
    ids = build(path, write_page, pages=5)
    rolling_backup(path, default_backup_dir(path))
    library = Library.open(path)
    library.tag_article(ids[0], "备份之后")  # later work, which the damage takes with it
    library.close()
    overwrite_page(path, root_page(path, "article_fts_data"))
    damaged = digest(path)

    recovery = health.recover_from_backup(path)

    assert recovery.damaged_kept_as is not None and digest(recovery.damaged_kept_as) == damaged
    restored = Library.open(path)
    assert [a.id for a in restored.list_articles(sort="oldest")] == ids
    assert restored.get_article(ids[2]).highlights[0].note == "笔记2"
    restored.close()


def test_recover_without_a_healthy_backup_says_so(tmp_path, write_page) -> None:
    path = tmp_path / "library.db"
    build(path, write_page, pages=2)
    with pytest.raises(ReaderError, match="no healthy rolling backup"):
        health.recover_from_backup(path)


def test_salvage_copies_every_readable_row_into_a_new_library(tmp_path, write_page) -> None:
    path = tmp_path / "library.db"
    ids = build(path, write_page, pages=30)
    leaves = leaf_pages(path, "article")
    overwrite_page(path, leaves[len(leaves) // 2])  # some articles are lost with it
    damaged = digest(path)

    result = health.salvage(path, tmp_path / "saved.db")

    assert digest(path) == damaged
    saved = Library.open(tmp_path / "saved.db", check="always")
    kept = [a.id for a in saved.list_articles(sort="oldest")]
    assert 0 < len(kept) < len(ids) and set(kept) < set(ids)
    assert result.copied["article"] == len(kept)
    for article_id in kept:  # every surviving article keeps its highlight, note, tag
        [highlight] = saved.get_article(article_id).highlights
        n = ids.index(article_id)
        assert highlight.note == f"笔记{n}" and highlight.tags == (f"标签{n % 3}",)
    assert result.dropped["highlight"] == len(ids) - len(kept)  # theirs had no article
    assert health.integrity_report(saved.path).ok
    saved.close()


def test_salvage_refuses_to_write_over_a_file(tmp_path, write_page) -> None:
    path = tmp_path / "library.db"
    build(path, write_page, pages=1)
    (tmp_path / "taken.db").write_bytes(b"mine")
    with pytest.raises(ReaderError, match="exists already"):
        health.salvage(path, tmp_path / "taken.db")
    with pytest.raises(ReaderError):
        health.salvage(path, path)
    assert (tmp_path / "taken.db").read_bytes() == b"mine"


def test_salvage_goes_past_a_table_whose_root_is_destroyed(tmp_path, write_page) -> None:
    path = tmp_path / "library.db"
    ids = build(path, write_page, pages=5)
    overwrite_page(path, root_page(path, "highlight"))

    result = health.salvage(path, tmp_path / "saved.db")

    saved = Library.open(tmp_path / "saved.db", check="always")
    assert [a.id for a in saved.list_articles(sort="oldest")] == ids  # the articles are whole
    assert result.lost_tables == ["highlight"] and result.dropped["note"] == len(ids)
    assert [t.name for t in saved.tag_counts()] == ["标签0", "标签1", "标签2"]
    saved.close()


def test_recover_passes_over_an_empty_backup_file(tmp_path, write_page) -> None:
    """A backup cut to nothing (a crash right after it was named) reads as an empty
    database that passes SQLite's check; putting it in the library's place would show
    an empty library. The older backup that holds the work is taken instead."""
    path = tmp_path / "library.db"
    ids = build(path, write_page, pages=3)
    good = rolling_backup(path, default_backup_dir(path))
    assert good is not None
    emptied = good.with_name(good.name.replace(good.name[8:16], "99999999"))
    emptied.write_bytes(b"")  # sorts after the good one: the newest
    overwrite_page(path, root_page(path, "article_fts_data"))

    recovery = health.recover_from_backup(path)

    assert recovery.restored_from == good
    restored = Library.open(path)
    assert [a.id for a in restored.list_articles(sort="oldest")] == ids
    restored.close()


def test_salvaged_articles_count_each_highlight_once(tmp_path, write_page) -> None:
    """The list's highlight count is kept by the library itself as highlights go in;
    a salvage must not add the damaged library's counts on top of it."""
    path = tmp_path / "library.db"
    build(path, write_page, pages=3)  # one highlight per article

    health.salvage(path, tmp_path / "saved.db")

    saved = Library.open(tmp_path / "saved.db", check="always")
    assert [a.highlight_count for a in saved.list_articles()] == [1, 1, 1]
    assert [a.highlight_count for a in saved.list_articles(sort="highlights")] == [1, 1, 1]
    saved.close()
