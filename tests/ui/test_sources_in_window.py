"""Sources in the window: Edit → Paste as New Article from the clipboard, File → Open
URL… against a web server on 127.0.0.1, import dialogs that offer every kind, the list
grouped by source and the reading pane naming where a web article came from."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.ui.import_worker import summary_box
from tests.local_site import serving
from tests.sources.make_html import NEWS_PARAGRAPHS, news_article_html


@pytest.fixture
def site() -> Iterator[str]:
    with serving({"/a.html": news_article_html().encode()}) as address:
        yield address


def _titles(window) -> list[str]:
    model = window.article_list.model
    return [model.summary(row).title for row in range(model.rowCount())]


def test_paste_as_new_article_takes_plain_text_from_the_clipboard(qtbot, library, make_window):
    window = make_window(library)
    window.importer.show_summary = False
    QGuiApplication.clipboard().setText(
        "会议召开\n\n与会代表就合作交流了意见，形成多项共识。\n\n会议还通过了有关决议。"
    )
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.actions.paste_article.trigger()
    qtbot.waitUntil(lambda: window.reading_pane.article is not None)
    record = window.reading_pane.article
    assert record.title == "会议召开"
    assert record.origin.kind == "paste" and record.origin.published
    assert "与会代表就合作交流了意见" in window.reading_pane.toPlainText()
    assert _titles(window) == ["会议召开"]


def test_paste_prefers_the_clipboards_html_and_keeps_its_blocks(qtbot, library, make_window):
    window = make_window(library)
    window.importer.show_summary = False
    mime = QMimeData()
    mime.setText("纯文本版本")
    mime.setHtml(
        "<h1>从网页复制的文章</h1><p>第一段文字，讲述了事情的经过。</p><p>第二段文字。</p>"
    )
    QGuiApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.actions.paste_article.trigger()
    qtbot.waitUntil(lambda: window.reading_pane.article is not None)
    record = window.reading_pane.article
    assert record.title == "从网页复制的文章"
    assert record.paragraphs == ("第一段文字，讲述了事情的经过。", "第二段文字。")


def test_an_empty_clipboard_says_so(qtbot, library, make_window):
    window = make_window(library)
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(window.importer.finished, timeout=10000) as blocker:
        window.actions.paste_article.trigger()
    assert blocker.args[0].failures
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "importSummary") is not None)
    box = window.findChild(QMessageBox, "importSummary")
    assert "clipboard holds no text" in box.informativeText()
    assert library.count_articles() == 0


def test_open_url_fetches_off_the_gui_thread_and_opens_the_article(
    qtbot, library, make_window, site
):
    window = make_window(library)
    window.importer.show_summary = False
    with qtbot.waitSignal(window.importer.finished, timeout=10000) as blocker:
        assert window.open_url(f"{site}/a.html")
    [result] = blocker.args[0].results
    assert (result.status, result.kind) == ("imported", "url")
    qtbot.waitUntil(lambda: window.reading_pane.article is not None)
    record = window.reading_pane.article
    assert record.title == "我国科学家取得量子通信新突破"
    text = window.reading_pane.toPlainText()
    assert NEWS_PARAGRAPHS[1] in text
    assert "新华网 · 2019-10-15" in text  # where it came from, under the headline


def test_open_url_asks_for_the_address_in_a_dialog(qtbot, library, make_window, site):
    window = make_window(library)
    window.importer.show_summary = False
    QGuiApplication.clipboard().setText(f"{site}/a.html")

    def accept_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "openUrlDialog"
        assert dialog.textValue() == f"{site}/a.html"  # offered from the clipboard
        dialog.accept()

    QTimer.singleShot(0, accept_dialog)
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.actions.open_url.trigger()
    assert library.count_articles() == 1


def test_an_address_that_cannot_be_had_is_shown_with_its_reason(qtbot, library, make_window, site):
    window = make_window(library)
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.open_url(f"{site}/gone.html")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "importSummary") is not None)
    box = window.findChild(QMessageBox, "importSummary")
    assert box.icon() == QMessageBox.Icon.Warning
    assert "the server answered 404" in box.informativeText()
    assert library.count_articles() == 0


def test_the_summary_says_what_each_file_was_read_as(qtbot):
    from reader.store.records import ImportResult, ImportSummary

    summary = ImportSummary(
        results=[
            ImportResult("/in/news.html", "imported", 1, (1,), kind="html"),
            ImportResult("/in/page.pdf", "imported", 2, (2, 3, 4), kind="pdf"),
            ImportResult("/in/photo.png", "skipped", reason="not read: pictures are not …"),
        ]
    )
    box = summary_box(summary, None)
    qtbot.addWidget(box)
    assert "2 pages imported" in box.text() and "1 skipped" in box.text()
    details = box.detailedText()
    assert "news.html: web page, 1 article" in details
    assert "page.pdf: PDF page, 3 articles" in details
    assert "photo.png: not read: pictures" in details


def test_import_dialogs_offer_every_kind(qtbot, library, make_window):
    from reader.ui.library_files import ImportDialog

    dialog = ImportDialog(None, library.path, folder=False)
    qtbot.addWidget(dialog)
    offered = dialog.nameFilters()[0]
    for pattern in ("*.txt", "*.html", "*.htm", "*.xhtml", "*.mhtml", "*.mht", "*.pdf", "*.md"):
        assert pattern in offered


def test_a_web_address_dropped_on_the_window_is_imported(qtbot, library, make_window, site):
    from PySide6.QtCore import QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window(library)
    window.importer.show_summary = False
    mime = QMimeData()
    mime.setUrls([QUrl(f"{site}/a.html")])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.dropEvent(event)
    assert library.count_articles() == 1


def test_the_list_groups_by_source_kind_and_site(qtbot, library, make_window, tmp_path):
    from reader.ui.article_list_model import GroupLabelRole

    page = tmp_path / "news.html"
    page.write_text(news_article_html(), encoding="utf-8")
    library.import_file(page)
    library.pages.import_pasted("会议召开\n\n与会代表就合作交流了意见，形成多项共识。")
    window = make_window(library)
    combo = window.article_list.sort_combo
    combo.setCurrentIndex(combo.findData("source"))
    qtbot.waitUntil(window.article_list.is_settled)  # answered off the GUI thread
    model = window.article_list.model
    labels = [model.index(row).data(GroupLabelRole) for row in range(model.rowCount())]
    assert labels == ["web page · 新华网", "pasted"]
