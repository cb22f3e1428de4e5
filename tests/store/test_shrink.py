"""Each text stored once: new rows small, and a library from before shrunk in place
(backup first, batches that survive a kill, the file really smaller)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from reader.errors import DiskFullError
from reader.store import shrink
from reader.store.library import Library
from reader.store.packing import paragraphs_column, paragraphs_of

PAGES = 12


def page_text(number: int) -> str:
    body = "".join(
        f"第{number}版第{i}段落的正文内容，常州推进城市更新和乡村振兴。" for i in range(30)
    )
    return (
        f"第{number}篇报道的标题\n\n本报讯 (记者 王梦琪) {body[:300]}\n\n{body[300:]}\n\n"
        f"另一篇报道{number}\n\n{body[::-1]}\n"
    )


def build_old_library(folder: Path) -> tuple[Path, dict[int, tuple]]:
    """A library as schema 8 stored it: raw pages as plain text, paragraphs as JSON;
    with highlights, notes and tags on every page. Returns its path and, per highlight,
    what a person sees of it."""
    path = folder / "old.db"
    pages = folder / "pages"
    pages.mkdir()
    for number in range(PAGES):
        (pages / f"p{number:02d}.txt").write_text(page_text(number), encoding="utf-8")
    library = Library.open(path)
    library.import_paths([pages])
    for summary in library.list_articles():
        text = library.get_article(summary.id).text
        for n, start in enumerate((5, 40, 90)):
            library.add_highlight(
                summary.id,
                start,
                start + 12,
                color="green",
                note=f"笔记{summary.id}-{n}" if n < 2 else "",
                tags=[f"标签{summary.id % 3}"],
            )
        library.tag_article(summary.id, "常州")
        assert text
    seen = visible_state(library)
    library.close()
    with closing(sqlite3.connect(path)) as conn:  # back to how schema 8 stored rows
        for source_id, raw in conn.execute("SELECT id, raw_text FROM source").fetchall():
            plain = shrink_unpack(raw)
            conn.execute("UPDATE source SET raw_text = ? WHERE id = ?", (plain, source_id))
        for article_id, text in conn.execute("SELECT id, text FROM article").fetchall():
            paragraphs = json.dumps(text.split("\n"), ensure_ascii=False)
            conn.execute("UPDATE article SET paragraphs = ? WHERE id = ?", (paragraphs, article_id))
        conn.execute("DROP TABLE library_upkeep")
        conn.execute("PRAGMA user_version = 8")
        conn.commit()
    return path, seen


def shrink_unpack(raw: object) -> str:
    from reader.store.packing import unpack_text

    return unpack_text(raw)  # type: ignore[arg-type]


def visible_state(library: Library) -> dict:
    """Everything a person sees: each article's text, paragraphs, tags; each highlight's
    span, quote, note, tags and color; each page's raw text."""
    state: dict = {}
    for summary in library.list_articles():
        article = library.get_article(summary.id)
        state[("article", article.id)] = (article.text, article.paragraphs, article.tags)
        for h in article.highlights:
            state[("highlight", h.id)] = (h.start, h.end, h.exact, h.note, h.tags, h.color)
        state[("page", article.source_id)] = library.pages.layout(article.source_id).raw_text
    return state


def articles(seen: dict) -> int:
    return sum(1 for kind, _id in seen if kind == "article")


def stored_forms(path: Path) -> tuple[int, int]:
    """(pages whose raw text is stored plain, articles whose paragraphs are JSON)."""
    with closing(sqlite3.connect(path)) as conn:
        plain = conn.execute("SELECT count(*) FROM source WHERE typeof(raw_text) = 'text'")
        json_rows = conn.execute("SELECT count(*) FROM article WHERE paragraphs != ''")
        return plain.fetchone()[0], json_rows.fetchone()[0]


def test_a_new_page_stores_its_text_once(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(page_text(1), encoding="utf-8")
    library = Library.open(tmp_path / "lib.db")
    article_id = library.import_file(tmp_path / "p.txt").article_ids[0]
    article = library.get_article(article_id)
    assert "\n".join(article.paragraphs) == article.text
    assert len(article.paragraphs) >= 2
    library.close()

    assert stored_forms(tmp_path / "lib.db") == (0, 0)


def test_paragraphs_the_text_cannot_give_back_are_kept_as_written() -> None:
    for paragraphs, text in (
        (["一行\n两行", "第二段"], "一行\n两行\n第二段"),  # a newline inside a paragraph
        ([""], ""),
        (["存档的段落"], "存档时的正文不同"),
    ):
        stored = paragraphs_column(paragraphs, text)
        assert stored != ""
        assert paragraphs_of(stored, text) == paragraphs
    assert paragraphs_of(paragraphs_column([], ""), "") == []


def test_an_old_library_is_shrunk_on_open_with_a_backup_and_everything_kept(
    tmp_path: Path,
) -> None:
    path, seen = build_old_library(tmp_path)
    before = path.stat().st_size
    assert stored_forms(path) == (PAGES, articles(seen))

    library = Library.open(path)
    assert library.upkeep_note == ""
    assert visible_state(library) == seen
    library.close()

    assert stored_forms(path) == (0, 0)
    assert path.stat().st_size < before
    backup = shrink.backup_path(path)
    assert stored_forms(backup) == (PAGES, articles(seen))  # the library as it was
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM library_upkeep").fetchone() == (0,)
        assert conn.execute("PRAGMA page_size").fetchone() == (8192,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


KILLED_MID_WAY = """
import os, sys
from pathlib import Path
from reader.store import shrink
from reader.store.database import open_database
db = open_database(Path(sys.argv[1]))
def stop(done, total):
    if done >= 5:
        os._exit(9)  # killed: no cleanup, no commit of anything after this batch
    return True
shrink.shrink(db, Path(sys.argv[1]), progress=stop, batch=2)
"""


def test_a_shrink_killed_mid_way_goes_on_where_it_stopped(tmp_path: Path) -> None:
    path, seen = build_old_library(tmp_path)
    run = subprocess.run([sys.executable, "-c", textwrap.dedent(KILLED_MID_WAY), str(path)])
    assert run.returncode == 9
    plain, _json_rows = stored_forms(path)
    assert 0 < plain < PAGES  # half done
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT after_id FROM library_upkeep").fetchone()[0] > 0

    library = Library.open(path)
    state = visible_state(library)
    library.close()

    for key, value in seen.items():  # one by one: every article, highlight, page
        assert state[key] == value, key
    assert state.keys() == seen.keys()
    assert stored_forms(path) == (0, 0)


def test_a_shrink_stopped_by_its_caller_reads_right_and_finishes_later(tmp_path: Path) -> None:
    path, seen = build_old_library(tmp_path)
    from reader.store.database import open_database

    db = open_database(path)
    outcome = shrink.shrink(db, path, progress=lambda done, total: done < 4, batch=2)
    db.close()
    assert not outcome.finished and outcome.pages_done == 4

    library = Library.open(path)
    assert visible_state(library) == seen
    library.close()
    assert stored_forms(path) == (0, 0)


def test_a_shrink_without_room_on_the_disk_is_refused_and_the_library_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, seen = build_old_library(tmp_path)
    monkeypatch.setattr(shrink, "_free_bytes", lambda _path: 1000)

    library = Library.open(path)
    assert "needs" in library.upkeep_note and "free" in library.upkeep_note
    assert visible_state(library) == seen
    library.close()
    assert stored_forms(path) == (PAGES, articles(seen))  # nothing written
    assert not shrink.backup_path(path).exists()

    with pytest.raises(DiskFullError, match="free some space"):
        from reader.store.database import open_database

        db = open_database(path)
        try:
            shrink.shrink(db, path, free_bytes=lambda _path: 0)
        finally:
            db.close()


def test_migration_9_run_again_does_not_start_a_finished_shrink_over(tmp_path: Path) -> None:
    path, _seen = build_old_library(tmp_path)
    Library.open(path).close()
    backup_made = shrink.backup_path(path).stat().st_mtime_ns
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 8")
        conn.commit()
    library = Library.open(path)
    library.close()
    assert stored_forms(path) == (0, 0)
    assert shrink.backup_path(path).stat().st_mtime_ns == backup_made  # no second shrink


def test_a_library_that_cannot_be_written_opens_unshrunk_without_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.store import database

    path, seen = build_old_library(tmp_path)
    Library.open(path).close()  # schema 9 …
    with closing(sqlite3.connect(path)) as conn:  # … with its shrink not done yet
        conn.execute("INSERT INTO library_upkeep VALUES ('shrink', 0)")
        for source_id, raw in conn.execute("SELECT id, raw_text FROM source").fetchall():
            conn.execute(
                "UPDATE source SET raw_text = ? WHERE id = ?", (shrink_unpack(raw), source_id)
            )
        conn.commit()
    shrink.backup_path(path).unlink()
    monkeypatch.setattr(
        database, "pragmas", lambda original=database.pragmas: (*original(), ("query_only", 1))
    )

    library = Library.open(path)

    assert "cannot be written" in library.upkeep_note
    assert visible_state(library) == seen
    library.close()
    assert not shrink.backup_path(path).exists()


def test_a_web_pages_bytes_are_kept_compressed_and_given_back_exactly(tmp_path: Path) -> None:
    from reader.store.packing import PACKED_BYTES_MAGIC

    body = "".join(f"<p>第{i}段：常州推进城市更新和乡村振兴，深化常深合作。</p>" for i in range(40))
    html = f"<html><head><title>常深合作</title></head><body><h1>常深合作</h1>{body}</body></html>"
    data = html.encode("utf-8")
    (tmp_path / "page.html").write_bytes(data)
    library = Library.open(tmp_path / "lib.db")
    result = library.import_file(tmp_path / "page.html")
    assert result.status == "imported" and result.kind == "html"

    [source] = library.archive.sources([result.source_id])
    assert source.raw_bytes == data
    assert "常深合作" in source.raw_text
    library.close()
    with closing(sqlite3.connect(tmp_path / "lib.db")) as conn:
        [(stored,)] = conn.execute("SELECT raw_bytes FROM source").fetchall()
    assert stored.startswith(PACKED_BYTES_MAGIC) and len(stored) < len(data) / 2


def test_a_window_can_open_first_and_shrink_later_with_progress(tmp_path: Path) -> None:
    path, seen = build_old_library(tmp_path)

    library = Library.open(path, upkeep=False)
    assert library.upkeep_pending()
    assert visible_state(library) == seen  # readable before the shrink
    steps: list[tuple[int, int]] = []

    def stop_after_one_batch(done: int, total: int) -> bool:
        steps.append((done, total))
        return False

    note = library.upkeep(stop_after_one_batch)
    assert "in part" in note and steps == [(min(shrink.BATCH_PAGES, PAGES), PAGES)]
    assert library.upkeep_pending()
    assert library.upkeep() == "" and not library.upkeep_pending()
    assert visible_state(library) == seen
    library.close()
    assert stored_forms(path) == (0, 0)


def test_a_paragraphs_value_that_is_no_list_does_not_stop_the_shrink(tmp_path: Path) -> None:
    """Valid JSON that is not a list (`null`) is left as it was; the rest is shrunk and
    the library opens (it raised TypeError at every open)."""
    path, _ = build_old_library(tmp_path)
    with closing(sqlite3.connect(path)) as conn:
        odd = conn.execute("SELECT min(id) FROM article").fetchone()[0]
        conn.execute("UPDATE article SET paragraphs = 'null' WHERE id = ?", (odd,))
        conn.commit()
    library = Library.open(path)
    assert not library.upkeep_pending()
    others = [a for a in library.list_articles() if a.id != odd]
    assert others and all(library.get_article(a.id).text for a in others)
    library.close()
    assert stored_forms(path) == (0, 1)  # only the odd row kept as it was
