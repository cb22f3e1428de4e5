"""An orphaned highlight (its passage changed when the page was imported again) in the
window: the sidebar counts the article's orphans and says why each lost its place with
its old text, and offers to re-attach it to a selected passage or delete it, both
undoable. An article open while its page is imported again shows the new text and the
orphans at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.perf import orphan_library
from tests.ui.test_annotating import highlight_marks


@pytest.fixture
def orphaned(tmp_path: Path):
    library, article_id, orphan_id = orphan_library.build(tmp_path / "orphan")
    yield library, article_id, orphan_id
    library.close()


def open_orphan(window, article_id: int, orphan_id: int):
    window.open_article(article_id)
    summary = window.sidebar.orphan_summary
    assert summary.isVisible() and summary.orphan_ids() == [orphan_id]
    summary.linkActivated.emit("#orphan")  # the summary's "Show" link
    assert window.sidebar.current_highlight().id == orphan_id
    return window.sidebar.orphan_card


def select(window, quote: str) -> None:
    start = window.current_article.text.index(quote)
    window.reading_pane.select_span(start, start + len(quote))


def test_an_orphan_says_why_and_shows_its_old_text(qtbot, orphaned, make_window):
    library, article_id, orphan_id = orphaned
    window = make_window(library)
    card = open_orphan(window, article_id, orphan_id)

    assert (
        "1 highlight no longer found after the page was imported again"
        in window.sidebar.orphan_summary.text()
    )
    assert card.isVisible()
    explanation = card.explanation.text()
    assert "changed when the page was imported again" in explanation
    assert "Its old text was: “三十个签约项目”" in explanation
    assert card.reattach_button.isVisible() and card.delete_button.isVisible()
    row = window.sidebar.highlight_model.index(window.sidebar.highlight_model.row_of(orphan_id))
    assert "lost its place" in row.data(3)  # the row's tooltip says it too (ToolTipRole)

    kept = next(h for h in window.sidebar.highlights() if not h.orphaned)
    window.sidebar.select_highlight(kept.id)
    assert not card.isVisible()  # a placed highlight has nothing to explain


def test_reattach_places_the_orphan_on_the_selection_and_undo_takes_it_back(
    qtbot, orphaned, make_window
):
    library, article_id, orphan_id = orphaned
    window = make_window(library)
    card = open_orphan(window, article_id, orphan_id)
    select(window, "一批重点项目")

    card.reattach_button.click()

    record = library.get_highlight(orphan_id)
    assert (record.exact, record.orphaned, record.note) == ("一批重点项目", False, "核对签约数量")
    assert orphan_id in highlight_marks(window)  # drawn in the text now
    assert not card.isVisible() and not window.sidebar.orphan_summary.isVisible()
    assert window.sidebar.current_highlight().id == orphan_id

    window.actions.undo.trigger()
    assert library.get_highlight(orphan_id).orphaned
    assert orphan_id not in highlight_marks(window)
    assert card.isVisible() and window.sidebar.orphan_summary.isVisible()
    window.actions.redo.trigger()
    assert not library.get_highlight(orphan_id).orphaned


def test_reattach_without_a_selection_says_what_to_do(qtbot, orphaned, make_window):
    library, article_id, orphan_id = orphaned
    window = make_window(library)
    card = open_orphan(window, article_id, orphan_id)

    card.reattach_button.click()

    assert "Select the passage" in window.statusBar().currentMessage()
    assert library.get_highlight(orphan_id).orphaned
    assert window.undo_stack.count() == 0


def test_an_orphan_deleted_from_its_card_comes_back_with_undo(qtbot, orphaned, make_window):
    library, article_id, orphan_id = orphaned
    window = make_window(library)
    card = open_orphan(window, article_id, orphan_id)

    card.delete_button.click()

    assert orphan_id not in [h.id for h in library.highlights_for_article(article_id)]
    assert not window.sidebar.orphan_summary.isVisible()
    window.actions.undo.trigger()
    restored = library.get_highlight(orphan_id)
    assert (restored.orphaned, restored.note) == (True, "核对签约数量")
    assert window.sidebar.orphan_summary.orphan_ids() == [orphan_id]


def test_the_open_article_shows_a_reimport_at_once(qtbot, library, tmp_path, make_window):
    page = tmp_path / "changsheng.txt"
    page.write_text(orphan_library.page_text(orphan_library.PARAGRAPHS), encoding="utf-8")
    article_id = library.import_file(page).article_ids[0]
    window = make_window(library)
    window.importer.show_summary = False
    window.open_article(article_id)
    select(window, orphan_library.LOST)
    lost = window.apply_highlight("blue")
    assert lost.id in highlight_marks(window)

    reworded = (orphan_library.PARAGRAPHS[0], orphan_library.REWORDED)
    page.write_text(orphan_library.page_text(reworded), encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        assert window.import_paths([page])
    box = window.findChild(QMessageBox)
    if box is not None:
        box.close()

    shown = window.reading_pane.toPlainText()
    assert "一批重点项目现场签约" in shown and "三十个签约项目" not in shown
    assert "与会企业家" not in shown  # the paragraph the new version dropped
    assert lost.id not in highlight_marks(window)
    assert window.sidebar.orphan_summary.orphan_ids() == [lost.id]
    assert [h.orphaned for h in window.sidebar.highlights()] == [True]


def test_the_orphan_card_and_summary_read_in_chinese(qtbot, orphaned, make_window):
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from reader.resources import TRANSLATIONS_DIR

    translator = QTranslator()
    assert translator.load(QLocale("zh_CN"), "reader", "_", str(TRANSLATIONS_DIR))
    QCoreApplication.installTranslator(translator)
    try:
        library, article_id, orphan_id = orphaned
        window = make_window(library)
        card = open_orphan(window, article_id, orphan_id)
        assert "重新导入版面时这段文字已改动" in card.explanation.text()
        assert "原来的文字是：“三十个签约项目”" in card.explanation.text()
        assert card.reattach_button.text() == "挂接到选中文字"
        assert "重新导入版面后有 1 条标注找不到原位" in window.sidebar.orphan_summary.text()
    finally:
        QCoreApplication.removeTranslator(translator)
