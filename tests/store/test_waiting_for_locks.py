"""Issue 12 items 5 and 6: a write waits for another program's lock instead of failing,
a folder import goes on past a page that stays locked, and nobody reads an empty or
half-made library while another program writes or creates it."""

from __future__ import annotations

import threading
import time

import pytest

from reader.errors import LibraryLockedError
from reader.store import database
from reader.store.domains import pages as pages_domain
from reader.store.library import Library
from reader.store.records import ImportProgress
from tests.faults.other_process import OtherProcess

BODY = "常州将进一步深化常深合作，以创新协同深化常深合作。"


@pytest.fixture
def other(library: Library):
    process = OtherProcess(library.path)
    yield process
    process.close()


def test_a_highlight_waits_for_another_programs_write_lock(library, write_page, other) -> None:
    [article_id] = library.import_file(write_page("a.txt", "常深合作交流会举行", BODY)).article_ids
    started = other.send("hold 0.5")  # the other program commits on its own after 0.5 s

    record = library.add_highlight(article_id, 0, 4, note="等一等")

    assert time.monotonic() - started >= 0.3  # it did wait for the lock
    assert other.wait_for("released")
    assert [h.note for h in library.highlights_for_article(article_id)] == ["等一等"]
    assert record.note == "等一等"


def test_an_import_and_a_tag_rename_wait_for_the_lock(library, write_page, other) -> None:
    [article_id] = library.import_file(write_page("a.txt", "常深合作交流会举行", BODY)).article_ids
    library.tag_article(article_id, "旧")
    other.send("hold 0.5")
    result = library.import_file(write_page("b.txt", "第二篇", BODY + "第二。"))
    assert result.status == "imported"
    other.wait_for("released")
    other.send("hold 0.3")
    library.rename_tag("旧", "新")
    other.wait_for("released")
    assert library.article_tags(article_id) == ("新",)


def test_a_folder_import_reports_a_page_still_locked_and_goes_on(
    write_page, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)  # give up sooner than 5 s
    monkeypatch.setattr(pages_domain, "IMPORT_BATCH", 1)  # each page its own write
    pages = [write_page(f"{n}.txt", f"第{n}篇", BODY + f"第{n}段。") for n in range(1, 4)]
    library = Library.open(tmp_path / "library.db")
    other = OtherProcess(library.path)

    def progress(step: ImportProgress) -> bool:
        if step.done == 1:  # page 2 finds the library locked for longer than we wait
            other.send("lock")
        if step.done == 2:
            other.send("release", expect="released")
        return True

    try:
        summary = library.import_paths([pages[0].parent], progress=progress)
    finally:
        other.close()
    assert [r.status for r in summary.results] == ["imported", "failed", "imported"]
    assert "busy" in summary.results[1].reason and "try again" in summary.results[1].reason
    assert summary.failures == [summary.results[1]] and not summary.ok
    assert [a.title for a in library.list_articles(sort="oldest")] == ["第1篇", "第3篇"]
    library.close()


def test_reads_see_the_whole_library_while_another_program_is_mid_write(
    library, write_page, other
) -> None:
    ids = [
        library.import_file(write_page(f"{n}.txt", f"第{n}篇", BODY + f"{n}。")).article_ids[0]
        for n in range(3)
    ]
    other.send("wipe")  # deletes every article, not committed yet
    try:
        reader = Library.open(library.path)
        assert [a.id for a in reader.list_articles(sort="oldest")] == ids
        assert reader.get_article(ids[0]).title == "第0篇"
        reader.close()
    finally:
        other.send("release", expect="released")


def test_opening_while_another_program_creates_the_library_waits_for_it(tmp_path) -> None:
    path = tmp_path / "new.db"
    other = OtherProcess(path)
    opened: list[Library | Exception] = []
    try:
        other.send("create 0.5")  # schema v1 written, not committed for 0.5 s

        def open_it() -> None:
            try:
                opened.append(Library.open(path))
            except Exception as error:  # reported below
                opened.append(error)

        worker = threading.Thread(target=open_it)
        worker.start()
        worker.join(timeout=30)
        other.wait_for("released")
    finally:
        other.close()
    [library] = opened
    assert isinstance(library, Library), library
    assert library.count_articles() == 0 and library.list_sources() == []
    library.close()


def test_locked_error_says_what_to_do(library, write_page, other, monkeypatch) -> None:
    [article_id] = library.import_file(write_page("a.txt", "常深合作交流会举行", BODY)).article_ids
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    library.database.execute_sql("PRAGMA busy_timeout = 100")
    other.send("lock")
    try:
        with pytest.raises(LibraryLockedError, match=r"another program.*try again"):
            library.set_note(library.add_highlight(article_id, 0, 2).id, "x")
    finally:
        other.send("release", expect="released")
    assert library.highlights_for_article(article_id) == []
