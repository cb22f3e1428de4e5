"""Issue 10 in the window: correcting how a page was cut (split, merge, relabel, retitle)
from the reading pane and the page view, undoable, kept over a restart, a re-import and
a re-parse, with every highlight on its text."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QTableWidget

from reader.resources import TRANSLATIONS_DIR, sample_pages
from reader.store.operations.base import Label
from reader.ui.actions import create_article_actions
from reader.ui.correction_dialogs import SplitDialog
from reader.ui.i18n import label_text
from reader.ui.import_worker import summary_text
from reader.ui.page_view import article_starts, raw_lines

#: A page of three articles; the first runs two reports under subheadings.
PAGE = "2024-10-25-wujin-daily-p2.txt"
CUT = "■ 精细施工"  # where the first article should have been cut
BEFORE, AFTER = "曹秀英笑着说", "智能充电桩860个"


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    """The page copied where a test may change it and import it again."""
    source = next(p for p in sample_pages() if p.name == PAGE)
    return Path(shutil.copy(source, tmp_path / PAGE))


@pytest.fixture
def page_library(library, page_file: Path):
    assert library.import_file(page_file).status == "imported"
    return library


def page_ids(library) -> list[int]:
    return [s.id for s in library.list_articles(sort="oldest")]


def highlight(window, quote: str, color: str = "yellow") -> int:
    """Highlight `quote` in the article shown, as a user selecting it does."""
    article = window.current_article
    start = article.text.index(quote)
    window.reading_pane.select_span(start, start + len(quote))
    return window.apply_highlight(color).id


def where(library, highlight_id: int) -> tuple[int, str, bool]:
    """(article, the text the highlight covers there, orphaned)."""
    record = library.get_highlight(highlight_id)
    text = library.get_article(record.article_id).text
    return record.article_id, text[record.start : record.end], record.orphaned


def put_cursor(window, position: int) -> None:
    window.reading_pane.select_span(position, position)


def list_titles(qtbot, window) -> list[str]:
    qtbot.waitUntil(window.article_list.is_settled)  # the list is read again off the GUI thread
    model = window.article_list.model
    return [model.index(row).data() for row in range(model.rowCount())]


def split_first_article(qtbot, window, title: str | None = "精细施工"):
    """Open the first article, highlight on both sides of CUT, split there through
    Article → Split Article Here… and its dialog."""
    first = page_ids(window.library)[0]
    window.open_article(first)
    ids = {"before": highlight(window, BEFORE), "after": highlight(window, AFTER, "green")}
    put_cursor(window, window.current_article.text.index(CUT))
    window.corrections.actions.split_here.trigger()
    dialog = window.findChild(SplitDialog, "splitDialog")
    assert dialog.title_edit.text().startswith(CUT)  # the start of the new article's text
    if title is not None:
        dialog.title_edit.setText(title)
    dialog.accept()
    return first, ids


def test_split_with_highlights_on_both_sides_then_undo_and_redo(qtbot, page_library, make_window):
    window = make_window(page_library)
    first, ids = split_first_article(qtbot, window)

    new = page_ids(page_library)[1]
    assert page_library.get_article(new).title == "精细施工"
    assert where(page_library, ids["before"]) == (first, BEFORE, False)
    assert where(page_library, ids["after"]) == (new, AFTER, False)
    # the list, the pane and the sidebar follow at once
    assert "精细施工" in list_titles(qtbot, window)
    assert CUT not in window.reading_pane.toPlainText()
    assert [h.id for h in window.sidebar.highlights()] == [ids["before"]]
    assert window.actions.undo.text() == "&Undo Split article"

    assert window.writes.undo()
    assert page_ids(page_library) == [first, *page_ids(page_library)[1:]]
    assert len(page_ids(page_library)) == 3
    assert where(page_library, ids["after"]) == (first, AFTER, False)
    assert CUT in window.reading_pane.toPlainText()
    assert "精细施工" not in list_titles(qtbot, window)
    assert sorted(h.id for h in window.sidebar.highlights()) == sorted(ids.values())

    assert window.writes.redo()
    assert page_ids(page_library)[1] == new
    assert where(page_library, ids["after"]) == (new, AFTER, False)
    assert CUT not in window.reading_pane.toPlainText()


def test_a_split_can_open_the_new_article(qtbot, page_library, make_window):
    window = make_window(page_library)
    window.open_article(page_ids(page_library)[0])
    put_cursor(window, window.current_article.text.index(CUT))
    dialog = window.corrections.split_here()
    dialog.open_new_box.setChecked(True)
    dialog.accept()
    new = page_ids(page_library)[1]
    assert window.current_article.id == new
    assert window.current_article.text.startswith(CUT)


def test_a_split_outside_the_text_is_explained_and_changes_nothing(
    qtbot, page_library, make_window
):
    window = make_window(page_library)
    window.open_article(page_ids(page_library)[0])
    put_cursor(window, 0)  # the very start: nothing before the cut
    assert window.corrections.split_here() is None
    assert "cursor" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_a_split_through_a_highlight_is_refused_with_a_message(qtbot, page_library, make_window):
    window = make_window(page_library)
    first = page_ids(page_library)[0]
    window.open_article(first)
    text = window.current_article.text
    across = text.index(CUT) - 4
    window.reading_pane.select_span(across, across + 10)  # over the cut
    window.apply_highlight("pink")
    put_cursor(window, text.index(CUT))
    dialog = window.corrections.split_here()
    dialog.accept()
    assert "would lose their text" in window.statusBar().currentMessage()
    assert page_ids(page_library)[0] == first and len(page_ids(page_library)) == 3
    assert window.undo_stack.count() == 1  # the highlight only
    assert not window.writes.has_pending()  # a refusal is not retried


def test_merge_two_articles_keeps_both_highlights(qtbot, page_library, make_window):
    window = make_window(page_library)
    _first, second, third = page_ids(page_library)
    window.open_article(third)
    in_third = highlight(window, "储备融雪剂600余吨")
    window.open_article(second)
    in_second = highlight(window, "长者食堂98家")
    window.sidebar.tag_article("民生")

    window.corrections.actions.merge_next.trigger()

    assert page_ids(page_library) == [_first, second]
    assert where(page_library, in_second) == (second, "长者食堂98家", False)
    assert where(page_library, in_third) == (second, "储备融雪剂600余吨", False)
    assert window.current_article.id == second
    assert "储备融雪剂" in window.reading_pane.toPlainText()
    assert sorted(h.id for h in window.sidebar.highlights()) == sorted([in_second, in_third])
    assert len(list_titles(qtbot, window)) == 2
    assert window.actions.undo.text() == "&Undo Merge articles"
    assert window.writes.undo()
    assert page_ids(page_library) == [_first, second, third]
    assert where(page_library, in_third) == (third, "储备融雪剂600余吨", False)


def test_merge_with_previous_shows_the_merged_article(qtbot, page_library, make_window):
    window = make_window(page_library)
    first, second, _third = page_ids(page_library)
    window.open_article(first)
    assert not window.corrections.actions.merge_previous.isEnabled()  # first of its page
    window.open_article(_third)
    assert not window.corrections.actions.merge_next.isEnabled()  # and the last
    window.open_article(second)
    window.corrections.actions.merge_previous.trigger()
    assert page_ids(page_library) == [first, _third]
    assert window.current_article.id == first
    assert "长者食堂98家" in window.current_article.text


def test_retitle_and_authors_are_two_undo_steps(qtbot, page_library, make_window):
    window = make_window(page_library)
    second = page_ids(page_library)[1]
    window.open_article(second)
    dialog = window.corrections.edit_title_and_authors()
    assert dialog.title_edit.text() == "区政协开展民主监督专项视察"
    assert [a.name for a in dialog.authors()] == ["孔令仪"]
    dialog.title_edit.setText("政协视察养老服务")
    dialog.add_author("王小明", "通讯员")
    dialog.accept()

    article = page_library.get_article(second)
    assert article.title == "政协视察养老服务"
    assert [(a.name, a.role) for a in article.authors] == [("孔令仪", "记者"), ("王小明", "通讯员")]
    assert "政协视察养老服务" in list_titles(qtbot, window)
    assert "政协视察养老服务" in window.reading_pane.toPlainText()
    texts = [window.undo_stack.text(i) for i in range(window.undo_stack.count())]
    assert texts == ["Retitle article", "Set authors"]
    assert window.writes.undo()
    assert [a.name for a in page_library.get_article(second).authors] == ["孔令仪"]
    assert window.writes.undo()
    assert page_library.get_article(second).title == "区政协开展民主监督专项视察"


def test_a_line_becomes_the_title_by_its_shortcut(qtbot, page_library, make_window):
    window = make_window(page_library)
    first = page_ids(page_library)[0]
    window.open_article(first)
    pane = window.reading_pane
    subtitle = "——我区今年老旧小区改造工程全面完工"
    block = pane.document().begin()
    while block.isValid() and block.text() != subtitle:
        block = block.next()
    cursor = pane.textCursor()
    cursor.setPosition(block.position() + 2)
    pane.setTextCursor(cursor)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    pane.setFocus()
    qtbot.keyClick(
        pane, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert page_library.get_article(first).title == subtitle
    assert window.undo_stack.text(0) == "Use line as title"


def test_caption_line_leaves_the_text_and_comes_back_on_undo(qtbot, page_library, make_window):
    window = make_window(page_library)
    first = page_ids(page_library)[0]
    window.open_article(first)
    line = "下一步，我区将总结今年改造经验"
    put_cursor(window, window.current_article.text.index(line) + 3)
    window.corrections.actions.mark_caption.trigger()
    article = page_library.get_article(first)
    assert line not in article.text and any(c.startswith(line) for c in article.captions)
    assert window.writes.undo()
    assert line in page_library.get_article(first).text


def test_restart_finds_the_corrections_and_every_highlight(qtbot, page_library, make_window):
    window = make_window(page_library)
    first, ids = split_first_article(qtbot, window)
    new = page_ids(page_library)[1]
    window.open_article(new)
    dialog = window.corrections.edit_title_and_authors()
    dialog.title_edit.setText("精细施工 改出安全感")
    dialog.accept()
    window.close()

    again = make_window(page_library)
    source = page_library.pages.of_article(first)
    kinds = [c.kind for c in page_library.pages.corrections(source)]
    assert kinds == ["split", "set_title"]
    assert "精细施工 改出安全感" in list_titles(qtbot, again)
    assert again.current_article.id == new  # the last article read opens again
    assert [h.id for h in again.sidebar.highlights()] == [ids["after"]]
    assert where(page_library, ids["before"]) == (first, BEFORE, False)
    assert where(page_library, ids["after"]) == (new, AFTER, False)


def finish_import(qtbot, window, path: Path):
    """Import `path` through the window; the import's summary."""
    with qtbot.waitSignal(window.importer.finished, timeout=10000) as finished:
        assert window.import_paths([path])
    box = window.findChild(QMessageBox)
    if box is not None:
        box.close()
    return finished.args[0]


def test_reimport_and_reparse_apply_the_corrections_again(
    qtbot, page_library, page_file, make_window
):
    window = make_window(page_library)
    window.importer.show_summary = False
    first, ids = split_first_article(qtbot, window)
    new = page_ids(page_library)[1]

    finish_import(qtbot, window, page_file)  # the same page again: nothing changes
    assert page_ids(page_library)[:2] == [first, new]
    assert where(page_library, ids["after"]) == (new, AFTER, False)

    # the paper fixed a typo in the third article: the page is parsed again
    page_file.write_text(
        page_file.read_text(encoding="utf-8").replace("600余吨", "六百余吨"), encoding="utf-8"
    )
    finish_import(qtbot, window, page_file)
    assert page_library.get_article(new).title == "精细施工"
    assert len(page_ids(page_library)) == 4
    assert where(page_library, ids["before"]) == (first, BEFORE, False)
    assert where(page_library, ids["after"]) == (new, AFTER, False)
    assert "精细施工" in list_titles(qtbot, window)

    job = window.reparse_all()
    qtbot.waitUntil(job.is_done, timeout=10000)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "jobResult") is not None)
    window.findChild(QMessageBox, "jobResult").close()
    assert page_library.get_article(new).title == "精细施工"
    assert where(page_library, ids["before"]) == (first, BEFORE, False)
    assert where(page_library, ids["after"]) == (new, AFTER, False)
    assert page_library.pages.misfit_corrections() == []


def test_page_view_marks_one_block_per_article_and_scrolls_to_it(
    qtbot, sample_library, make_window
):
    window = make_window(sample_library)
    longest = max(
        (sample_library.pages.layout(s.id) for s in sample_library.list_sources()),
        key=lambda layout: len(layout.articles),
    )
    second = longest.articles[1].article_id
    window.open_article(second)
    window.corrections.actions.show_page.trigger()
    view = window.corrections.page_view
    qtbot.waitExposed(view)

    marked = view.marked_articles()
    assert [m[0] for m in marked] == [a.article_id for a in longest.articles]
    assert all(count > 0 for _id, _tint, count in marked)
    tints = [tint for _id, tint, _count in marked]
    assert all(a != b for a, b in itertools.pairwise(tints))  # neighbours differ
    assert view.article_at_top() == second
    last = longest.articles[-1].article_id  # too near the end to reach the top: in view
    window.open_article(last)
    window.corrections.actions.show_page.trigger()
    assert view.article_at_cursor() == last
    assert view.text.viewport().rect().contains(view.text.cursorRect())
    assert any("title" in text for _id, text in view.tagged_lines())
    assert any("byline" in text for _id, text in view.tagged_lines())


def test_split_and_merge_from_the_page_view(qtbot, page_library, make_window):
    window = make_window(page_library)
    first = page_ids(page_library)[0]
    window.open_article(first)
    view = window.corrections.show_page()
    assert len(view.marked_articles()) == 3

    assert view.place_cursor(first, "■ 精细施工")
    dialog = view.split_here()
    dialog.accept()
    new = page_ids(page_library)[1]
    assert page_library.get_article(new).text.startswith(CUT)
    assert [m[0] for m in view.marked_articles()] == page_ids(page_library)

    assert view.place_cursor(first, "“以前一下雨")
    assert view.merge_next_button.isEnabled() and not view.merge_previous_button.isEnabled()
    view.merge_next_button.click()
    assert len(page_ids(page_library)) == 3
    assert [m[0] for m in view.marked_articles()] == page_ids(page_library)
    assert CUT in page_library.get_article(first).text

    with qtbot.waitSignal(view.articleRequested):
        view.open_button.click()
    assert window.current_article.id == first


def test_page_view_lists_corrections_that_no_longer_fit(
    qtbot, page_library, page_file, make_window
):
    window = make_window(page_library)
    window.importer.show_summary = False
    first, _ids = split_first_article(qtbot, window)
    page_file.write_text(
        page_file.read_text(encoding="utf-8").replace("■ 精细施工", "■ 用心施工"),
        encoding="utf-8",
    )
    summary = finish_import(qtbot, window, page_file)
    assert "1 correction could not be applied again" in summary_text(summary)
    window.open_article(first)
    view = window.corrections.show_page()
    assert not view.misfits.isHidden()
    assert "Split article" in view.misfits.text() and "精细施工" in view.misfits.text()


def test_the_shortcuts_dialog_lists_the_article_actions(qtbot, page_library, make_window):
    window = make_window(page_library)
    dialog = window.show_shortcuts()
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    for action in window.corrections.actions.all():
        assert action.text().replace("&", "") in names
    own = [k.toString() for a in window.corrections.actions.all() for k in a.shortcuts()]
    others = [k.toString() for a in window.actions.all() for k in a.shortcuts()]
    assert not set(own) & set(others) and len(own) == len(set(own))
    # the reading pane's context menu offers them too
    items = window.reading_pane.context_actions
    assert window.corrections.actions.split_here in items
    submenu = next(i for i in items if isinstance(i, QMenu))
    assert submenu.actions() == list(window.corrections.actions.line_roles().values())
    assert "&Article" in [a.text() for a in window.menuBar().actions()]


def test_the_article_menu_and_its_undo_labels_read_in_chinese(qapp):
    translator = QTranslator()
    assert translator.load(QLocale("zh_CN"), "reader", "_", str(TRANSLATIONS_DIR))
    QCoreApplication.installTranslator(translator)
    try:
        labels = [
            "Split article",
            "Merge articles",
            "Use line as title",
            "Use line as kicker",
            "Use line as subtitle",
            "Mark as caption",
            "Mark as byline",
            "Retitle article",
            "Set authors",
            "Correct page",
        ]
        chinese = [label_text(Label(text)) for text in labels]
        assert chinese[:3] == ["拆分文章", "合并文章", "将行设为标题"]
        assert all(c != e for c, e in zip(chinese, labels, strict=True))
        actions = create_article_actions(None)
        assert actions.split_here.text() == "在此拆分文章(&S)…"
        assert all(not a.text().isascii() for a in actions.all())
    finally:
        QCoreApplication.removeTranslator(translator)


CORPUS_PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pages"


@pytest.mark.parametrize("where_from", ["samples", "corpus"])
def test_the_page_view_finds_every_article_of_real_pages_in_order(library, where_from):
    """Articles whose first line the parser normalised (raw_start -1 in the layout)
    are found by comparing lines modulo punctuation and spaces."""
    if where_from == "corpus":
        if not CORPUS_PAGES.is_dir():
            pytest.skip("../shared/corpus/pages is not present")
        paths = sorted(CORPUS_PAGES.glob("*.txt"))
    else:
        paths = sample_pages()
    library.import_paths(paths)
    unknown = 0
    for source in library.list_sources():
        layout = library.pages.layout(source.id)
        starts = article_starts(layout, raw_lines(layout.raw_text))
        unknown += sum(1 for span in layout.articles if span.raw_start < 0)
        assert all(start >= 0 for start in starts), layout.path
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert unknown > 0  # the layout alone could not place some of them
