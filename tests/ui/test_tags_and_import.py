"""Tag management from the sidebar (rename, merge, delete, all undoable) and imports
through the window (worker thread, summary with failures, cancel)."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QPushButton

from reader.resources import sample_pages
from reader.ui.import_worker import summary_box


def open_first(window):
    window.article_list.view.setCurrentIndex(window.article_list.model.index(0))
    return window.current_article


def tagged_highlight(window, start: int, tags: tuple[str, ...]):
    window.reading_pane.select_span(start, start + 3)
    record = window.apply_highlight("yellow")
    for tag in tags:
        window.sidebar.tag_highlight(tag)
    return record


def tag_names(library) -> dict[str, int]:
    return {t.name: t.highlight_count for t in library.tag_counts()}


def test_rename_tag_and_undo(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    open_first(window)
    record = tagged_highlight(window, 0, ("经济",))
    window.sidebar.rename_tag("经济", "经济发展")
    assert sample_library.get_highlight(record.id).tags == ("经济发展",)
    assert window.sidebar.current_highlight().tags == ("经济发展",)
    assert any(
        "经济发展" in window.sidebar.all_tags.item(i).text()
        for i in range(window.sidebar.all_tags.count())
    )
    window.undo_stack.undo()
    assert sample_library.get_highlight(record.id).tags == ("经济",)


def test_merge_tags_and_unmerge(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    open_first(window)
    a = tagged_highlight(window, 0, ("AI",))
    b = tagged_highlight(window, 10, ("人工智能",))
    both = tagged_highlight(window, 20, ("AI", "人工智能"))
    question = window.sidebar.rename_tag("AI", "人工智能")  # onto an existing tag: asks
    question.findChild(QPushButton, "mergeButton").click()
    assert tag_names(sample_library) == {"人工智能": 3}
    assert sample_library.get_highlight(a.id).tags == ("人工智能",)
    assert sample_library.get_highlight(both.id).tags == ("人工智能",)
    window.undo_stack.undo()
    assert tag_names(sample_library) == {"AI": 2, "人工智能": 2}
    assert sample_library.get_highlight(b.id).tags == ("人工智能",)
    assert set(sample_library.get_highlight(both.id).tags) == {"AI", "人工智能"}


def test_delete_tag_and_restore(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    open_first(window)
    record = tagged_highlight(window, 0, ("待删",))
    window.sidebar.tag_article("待删")
    window.sidebar.delete_tag("待删")
    assert "待删" not in tag_names(sample_library)
    assert window.sidebar.article_tags.count() == 0
    window.undo_stack.undo()
    assert sample_library.get_highlight(record.id).tags == ("待删",)
    assert [
        window.sidebar.article_tags.item(i).text()
        for i in range(window.sidebar.article_tags.count())
    ] == ["待删"]


def test_tag_completion_offers_existing_tags(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    open_first(window)
    tagged_highlight(window, 0, ("新质生产力",))
    completer = window.sidebar.tag_editor.completer()
    completer.setCompletionPrefix("新质")
    assert completer.currentCompletion() == "新质生产力"


def test_article_tag_filters_the_list(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    article = open_first(window)
    window.sidebar.tag_article("头版")
    combo = window.article_list.tag_combo
    combo.setCurrentIndex(combo.findData("头版"))
    qtbot.waitUntil(window.article_list.is_settled)  # answered off the GUI thread
    assert window.article_list.model.rowCount() == 1
    assert window.article_list.model.summary(0).id == article.id


def test_import_folder_with_a_bad_file(qtbot, library, make_window, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sample_pages()[:2]:
        shutil.copy(page, folder / page.name)
    (folder / "scan.txt").write_bytes(b"\x00\x01binary\xff" * 50)
    window = make_window(library)
    window.importer.show_summary = False
    assert window.article_list.model.rowCount() == 0
    with qtbot.waitSignal(window.importer.finished, timeout=10000) as blocker:
        assert window.import_paths([folder])
    summary = blocker.args[0]
    assert [r.path.endswith("scan.txt") for r in summary.failures] == [True]
    qtbot.waitUntil(window.article_list.is_settled)  # the list is read again off the GUI thread
    assert window.article_list.model.rowCount() == library.count_articles() > 0
    box = summary_box(summary, window)
    qtbot.addWidget(box)
    assert "1 failed" in box.text()
    assert "scan.txt" in box.detailedText() and "NUL" in box.detailedText()


def test_import_can_be_cancelled(qtbot, library, make_window):
    window = make_window(library)
    window.importer.show_summary = False
    window.import_paths(sample_pages())
    window.importer.job.cancel()
    with qtbot.waitSignal(window.importer.finished, timeout=10000) as blocker:
        pass
    summary = blocker.args[0]
    assert summary.cancelled or len(summary.results) == len(sample_pages())
    qtbot.waitUntil(window.article_list.is_settled)
    assert library.count_articles() == window.article_list.model.rowCount()


def test_drop_of_files_imports_them(qtbot, library, make_window):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window(library)
    window.importer.show_summary = False
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_pages()[0]))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.dropEvent(event)
    qtbot.waitUntil(window.article_list.is_settled)  # the list is read again off the GUI thread
    assert window.article_list.model.rowCount() > 0


def test_import_summary_says_why_the_import_stopped_and_what_was_not_tried(qtbot):
    from PySide6.QtWidgets import QMessageBox

    from reader.store.records import ImportResult, ImportSummary

    summary = ImportSummary(
        results=[ImportResult("a.txt", "imported", 1, (1,))],
        stopped="the disk is full; nothing was lost",
        not_attempted=12,
    )
    box = summary_box(summary, None)
    qtbot.addWidget(box)
    assert box.windowTitle() == "Import stopped"
    assert box.icon() == QMessageBox.Icon.Warning
    assert "1 page imported" in box.text()
    assert "The import stopped: the disk is full; nothing was lost." in box.text()
    assert "12 files were not imported." in box.text()
