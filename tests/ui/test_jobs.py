"""Issue 11: everything off the GUI thread runs through one job runner. Closing the window
cancels running jobs and waits for them — no traceback, no thread left running, an intact
library — and a search that fails is shown as an error by kind, never as "No results"."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from reader.errors import LibraryCorruptError
from reader.resources import sample_pages
from reader.store.records import ImportProgress, ImportResult, ReanchorOutcome
from reader.ui import search_panel
from reader.ui.dialogs import reparse_summary
from reader.ui.jobs import JobHandle, JobRunner
from tests.ui.keyboard import type_text


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def no_job_thread_left(window) -> bool:
    pools = [*window.jobs._pools.values(), QThreadPool.globalInstance()]
    return not window.jobs.running() and all(p.activeThreadCount() == 0 for p in pools)


def many_pages(folder: Path, count: int) -> Path:
    """`count` distinct pages (each a sample page with its own last line)."""
    folder.mkdir()
    samples = [p.read_text(encoding="utf-8") for p in sample_pages()]
    for n in range(count):
        text = samples[n % len(samples)] + f"\n\n第{n}版 编辑 测试{n}\n"
        (folder / f"page-{n:04}.txt").write_text(text, encoding="utf-8")
    return folder


def test_closing_the_window_during_an_import_cancels_it_and_waits(
    qtbot, sample_library, make_window, tmp_path
):
    library = sample_library
    before = library.count_articles()
    window = make_window(library)
    window.article_list.select_first()
    window.reading_pane.select_span(0, 4)
    highlight = window.apply_highlight("yellow")
    window.sidebar.note_editor.setFocus()
    type_text(window.sidebar.note_editor, "关窗前写的")  # not saved yet when closing
    assert window.import_paths([many_pages(tmp_path / "pages", 300)])
    job = window.importer.job
    with qtbot.waitSignal(job.progress, timeout=10_000):
        pass  # the import is running
    with qtbot.captureExceptions() as exceptions:
        window.close()
        qtbot.wait(50)  # let the queued end-of-job signals arrive
    assert exceptions == []
    assert no_job_thread_left(window)
    assert job.is_cancelled() and job.is_done()
    assert library.count_articles() < before + 300 * 3  # it stopped early
    assert library.get_highlight(highlight.id).note == "关窗前写的"
    assert window.findChild(QMessageBox, "importSummary") is None  # no summary after close
    library.close()
    assert integrity(library.path) == "ok"


def test_closing_the_window_during_a_search_waits_for_it(
    qtbot, sample_library, make_window, monkeypatch
):
    running, release = threading.Event(), threading.Event()
    real_search = search_panel.search

    def slow_search(library, text, **kwargs):
        running.set()
        release.wait(10)  # until the window asks the job to stop
        return real_search(library, text, **kwargs)

    real_cancel = JobHandle.cancel

    def cancel(handle):
        real_cancel(handle)
        release.set()

    monkeypatch.setattr(search_panel, "search", slow_search)
    monkeypatch.setattr(JobHandle, "cancel", cancel)
    window = make_window(sample_library)
    type_text(window.search.search_box, "常州")
    qtbot.waitUntil(running.is_set, timeout=5000)
    assert window.jobs.running()
    with qtbot.captureExceptions() as exceptions:
        window.close()
        qtbot.wait(50)
    assert exceptions == []
    assert no_job_thread_left(window)
    sample_library.close()
    assert integrity(sample_library.path) == "ok"


def search_status(qtbot, window, text: str) -> str:
    window.show()
    with qtbot.waitSignal(window.search.resultsShown, timeout=5000):
        type_text(window.search.search_box, text)
    return window.search.status_label.text()


def test_a_damaged_search_index_is_shown_as_an_error(qtbot, sample_library, make_window):
    """The rows of the article index's shadow table are gone (really damaged)."""
    sample_library.database.execute_sql("DELETE FROM article_fts_data")
    window = make_window(sample_library)
    with qtbot.waitSignal(window.search.searchFailed, timeout=5000):
        type_text(window.search.search_box, "常州")
    status = window.search.status_label.text()
    assert "Search failed" in status and "No results" not in status
    assert window.search.model.rowCount() == 0


def test_a_missing_search_index_table_is_shown_as_an_error(qtbot, sample_library, make_window):
    sample_library.database.execute_sql("DROP TABLE article_fts")
    window = make_window(sample_library)
    with qtbot.waitSignal(window.search.resultsShown, timeout=5000):
        type_text(window.search.search_box, "常州")
    status = window.search.status_label.text()
    assert "Search failed" in status and "No results" not in status


def test_a_corrupt_library_found_by_search_says_it_is_damaged_and_what_to_do(
    qtbot, sample_library, make_window, monkeypatch
):
    def damaged(*_args, **_kwargs):
        raise LibraryCorruptError("the library file is damaged (database disk image is malformed)")

    monkeypatch.setattr(search_panel, "search", damaged)
    window = make_window(sample_library)
    with qtbot.waitSignal(window.search.searchFailed, timeout=5000) as failed:
        type_text(window.search.search_box, "常州")
    assert isinstance(failed.args[0], LibraryCorruptError)
    status = window.search.status_label.text()
    assert "The library is damaged" in status and "reader recover" in status
    assert "No results" not in status


def test_a_job_that_fails_reports_the_error_and_closes_its_connection(qtbot, sample_library):
    runner = JobRunner(sample_library)
    connections = []

    def work(context):
        context.library.count_articles()  # opens this thread's connection
        connections.append(context.library.database)
        raise LibraryCorruptError("broken")

    job = runner.start("test", work)
    with qtbot.waitSignal(job.failed, timeout=5000) as failed:
        pass
    runner.shutdown()
    assert isinstance(failed.args[0], LibraryCorruptError)
    assert job.is_done()
    # peewee keeps one connection per thread: the worker's is closed, ours is not.
    assert not sample_library.database.is_closed()


def test_reparse_all_reports_changed_pages_moved_and_orphaned_highlights(
    qtbot, sample_library, make_window, monkeypatch
):
    """Tools → Re-parse all pages… runs `reparse_all(progress)` as a job (the progress
    callback as in `import_paths`) and tells what changed; the views follow."""
    window = make_window(sample_library)
    seen: list[ImportProgress] = []
    article = sample_library.list_articles()[0]
    outcomes = tuple(
        ReanchorOutcome(n, method, 0, 4, None if method == "orphaned" else 0, 4)
        for n, method in enumerate(("position", "diff", "fuzzy", "orphaned"), 1)
    )

    def reparse_all(progress=None, *, outdated_only=False):
        for done in range(3):
            seen.append(ImportProgress(done, 3, f"page-{done}.txt"))
            if progress(seen[-1]) is False:
                break
        return [
            ImportResult("a.txt", "reparsed", 1, (article.id, 99), reanchored=outcomes),
            ImportResult("b.txt", "unchanged", 2, (7,)),
            ImportResult("c.txt", "unchanged", 3, (8,)),
        ]

    monkeypatch.setattr(sample_library, "reparse_all", reparse_all)
    with qtbot.waitSignal(window.events.changed, timeout=5000) as changed:
        job = window.reparse_all()
    assert changed.args[0].article_list_changed
    assert [p.done for p in seen] == [0, 1, 2]
    assert job.is_done() and not window.jobs.running()
    text = reparse_summary(reparse_all(lambda _p: True))
    assert "3 pages re-parsed, 1 changed" in text
    assert "2 articles on the changed pages" in text
    assert "2 highlights moved" in text
    assert "1 highlight could not be found again" in text


def test_a_reparse_the_library_cannot_do_is_shown_by_kind(
    qtbot, sample_library, make_window, monkeypatch
):
    def reparse_all(progress=None, *, outdated_only=False):
        raise LibraryCorruptError("the library file is damaged")

    monkeypatch.setattr(sample_library, "reparse_all", reparse_all)
    window = make_window(sample_library)
    job = window.reparse_all()
    with qtbot.waitSignal(job.failed, timeout=5000):
        pass
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "jobResult") is not None)
    box = window.findChild(QMessageBox, "jobResult")
    assert "The library is damaged" in box.text()
    box.close()


def test_pages_an_older_parser_cut_are_parsed_again_at_start_keeping_highlights(
    qtbot, sample_library, make_window
):
    """After an upgrade the window parses the outdated pages by itself (the real
    `reparse_all`, no stand-in), says so, and every highlight keeps its quote."""
    article = sample_library.list_articles()[0]
    text = sample_library.get_article(article.id).text
    saved = sample_library.add_highlight(article.id, 2, 8, note="注")
    sample_library.database.execute_sql('UPDATE "source" SET "parser_version" = 0')
    outdated = sample_library.count_outdated_pages()
    assert outdated > 0
    window = make_window(sample_library)

    with qtbot.waitSignal(window.events.changed, timeout=10000):
        job = window.reparse_outdated()
    assert job is not None and job.is_done()
    assert sample_library.count_outdated_pages() == 0
    now = sample_library.get_highlight(saved.id)
    assert (now.exact, now.note, now.orphaned) == (text[2:8], "注", False)
    assert window.reparse_outdated() is None  # nothing left: no job, no dialog
