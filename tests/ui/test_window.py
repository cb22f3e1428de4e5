"""The reading pane's typography and safety, the lazy article list, remembered window
state, dialogs, the second-instance lock and the app entry point."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextBlockFormat
from PySide6.QtWidgets import QLineEdit

from reader.errors import LibraryLockedError
from reader.ui import app as app_module
from reader.ui import article_list_model, instance_lock
from reader.ui.reading_pane import CJK_FAMILIES, ReadingPane

PAGE = """测试<b>标记</b>不会生效

<img src="http://example.com/x.png">这是标题

本报讯 (记者 张三) 第一段<script>alert(1)</script>内容𠮷字在此, 后面还有文字。

■ 小标题

第二段正文, 又一句。
"""


@pytest.fixture
def odd_article(library, tmp_path):
    page = tmp_path / "odd.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = library.import_file(page)
    assert result.status == "imported", result.reason
    return library.get_article(result.article_ids[0])


def test_markup_is_literal_and_nothing_is_fetched(qtbot, odd_article):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show_article(odd_article)
    text = pane.toPlainText()
    assert "<script>alert(1)</script>" in text
    assert '<img src="http://example.com/x.png">' in text
    assert "<b>标记</b>" in text
    assert not any(f.isImageFormat() for f in pane.document().allFormats())
    assert pane.loadResource(2, "http://example.com/x.png") is None


def test_offsets_survive_astral_characters(qtbot, odd_article):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show_article(odd_article)
    text = odd_article.text
    start = text.index("字在此")
    pane.select_span(start, start + 3)
    assert pane.textCursor().selectedText() == "字在此"
    assert pane.selected_span() == (start, start + 3)


def test_chinese_typography(qtbot, library):
    from reader.resources import sample_pages

    library.import_paths(sample_pages()[:1])
    article = library.get_article(library.list_articles()[0].id)
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show_article(article)
    document = pane.document()
    body = document.findBlock(pane.to_document(0))
    fmt = body.blockFormat()
    char_width = pane.fontMetrics().horizontalAdvance("中")
    assert fmt.textIndent() > 1.5 * char_width * pane.font_size / pane.font().pointSizeF() * 0.5
    assert fmt.lineHeightType() == QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    assert fmt.lineHeight() == 165
    title = document.findBlock(0)
    while title.text() != article.title:
        title = title.next()
    title_char = title.charFormat()
    assert title_char.fontWeight() == QFont.Weight.Bold
    assert title_char.fontPointSize() > body.charFormat().fontPointSize()
    assert body.charFormat().fontFamilies()[0] in CJK_FAMILIES or body.charFormat().fontFamilies()
    block = body
    for paragraph in article.paragraphs:  # one block per paragraph, same text
        assert block.text() == paragraph
        block = block.next()


def test_article_list_fetches_lazily_and_groups_by_page(qtbot, sample_library, monkeypatch):
    monkeypatch.setattr(article_list_model, "PAGE_SIZE", 5)
    model = article_list_model.ArticleListModel(sample_library)
    total = sample_library.count_articles()
    assert model.rowCount() == 5 and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    labels = [model.index(r).data(article_list_model.GroupLabelRole) for r in range(total)]
    assert labels[0] is not None
    assert sum(1 for label in labels if label) == len(sample_library.list_sources())
    assert model.index(0).data(article_list_model.ArticleIdRole) == (
        sample_library.list_articles(limit=1)[0].id
    )


def test_filter_box_and_unread_bold(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    panel = window.article_list
    target = sample_library.list_articles()[3]
    panel.filter_box.setText(target.title[:6])
    qtbot.waitUntil(panel.is_settled)  # answered off the GUI thread
    assert any(panel.model.summary(r).id == target.id for r in range(panel.model.rowCount()))
    assert panel.model.rowCount() < sample_library.count_articles()
    panel.filter_box.clear()
    qtbot.waitUntil(panel.is_settled)
    row = panel.model.row_of(target.id)
    assert panel.model.index(row).data(article_list_model.Qt.ItemDataRole.FontRole).bold()
    panel.select_article(target.id)
    assert sample_library.get_article(target.id).is_read
    assert panel.model.index(row).data(article_list_model.Qt.ItemDataRole.FontRole) is None


def test_next_previous_article(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    first = window.current_article.id
    window.actions.next_article.trigger()
    second = window.current_article.id
    assert second != first
    window.actions.previous_article.trigger()
    assert window.current_article.id == first


def test_zoom_theme_and_splitter_are_remembered(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    size = window.reading_pane.font_size
    window.actions.zoom_in.trigger()
    window.actions.zoom_in.trigger()
    window.actions.toggle_theme.setChecked(True)
    window.resize(760, 560)  # inside the offscreen screen, which restoreGeometry respects
    window.splitter.setSizes([200, 360, 200])
    # at 760 px the side panels collapse (issue 13): their sizes settle when laid out
    qtbot.waitUntil(lambda: sum(window.splitter.sizes()) == window.splitter.width())
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(sample_library)
    assert again.reading_pane.font_size == size + 2
    assert again.reading_pane.theme == "dark"
    assert again.size() == window.size()
    assert again.splitter.sizes() == sizes
    again.actions.zoom_reset.trigger()
    assert again.reading_pane.font_size < size + 2


def test_shortcuts_dialog_lists_every_action(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    dialog = window.show_shortcuts()
    table = dialog.findChild(type(dialog.children()[0]).__mro__[0], "shortcutsTable")
    listed = {table.item(r, 0).text() for r in range(table.rowCount())}
    actions = window.actions.all() + window.corrections.actions.all()  # + the Article menu
    with_keys = {a.text().replace("&", "") for a in actions if a.shortcuts()}
    assert listed == with_keys
    assert {"Next Article", "Next Highlight", "Search Library"} <= listed


def test_about_names_version_and_database(qtbot, sample_library, make_window):
    from reader import __version__

    window = make_window(sample_library)
    box = window.show_about()
    assert __version__ in box.text()
    assert str(sample_library.path) in box.informativeText()


def test_object_names(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    for name in ("articleList", "readingPane", "tagSidebar"):
        assert window.findChild(object, name) is not None, name
    assert window.objectName() == "mainWindow"


def test_second_instance_is_refused_with_a_clear_message(tmp_path):
    db = tmp_path / "library.db"
    first = instance_lock.acquire(db)
    with pytest.raises(LibraryLockedError, match=r"already open in another Reader window \(pid"):
        instance_lock.acquire(db)
    first.unlock()
    instance_lock.acquire(db).unlock()  # free again once the first window closes


def test_app_exits_when_the_library_is_open_elsewhere(qapp, tmp_path, monkeypatch):
    db = tmp_path / "library.db"
    held = instance_lock.acquire(db.resolve())
    messages = []
    monkeypatch.setattr(
        app_module.QMessageBox, "critical", lambda _parent, _title, text: messages.append(text)
    )
    assert app_module.main(["--db", str(db)]) == 2
    assert "already open in another Reader window" in messages[0]
    held.unlock()


def test_sample_library_is_filled_once(library):
    assert app_module.fill_with_samples_if_empty(library)
    count = library.count_articles()
    assert count > 0
    assert not app_module.fill_with_samples_if_empty(library)
    assert library.count_articles() == count


def test_sample_library_flag_opens_a_filled_library(qtbot, tmp_path, monkeypatch, settings):
    sample_db = tmp_path / "data" / "sample-library.db"
    monkeypatch.setattr(app_module, "sample_library_path", lambda: sample_db)
    args = app_module.parse_args(["--sample-library"])
    window, lock = app_module.open_window(args, settings)
    qtbot.addWidget(window)
    assert window.article_list.model.rowCount() > 0
    assert window.current_article is not None
    assert window.library.path == sample_db.resolve()
    with pytest.raises(LibraryLockedError):  # a second window on it is refused
        app_module.open_window(args, settings)
    window.close()
    lock.unlock()
    again, lock = app_module.open_window(args, settings)  # not filled twice
    qtbot.addWidget(again)
    assert again.article_list.model.rowCount() == window.article_list.model.rowCount()
    again.close()
    lock.unlock()


def test_open_passage_selects_and_flashes(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    target = sample_library.list_articles()[-1]
    text = sample_library.get_article(target.id).text
    start = len(text) // 2
    window.open_passage(target.id, start, start + 5)
    assert window.current_article.id == target.id
    assert window.reading_pane.textCursor().selectedText() == text[start : start + 5]
    assert window.reading_pane.is_flashing
    qtbot.waitUntil(lambda: not window.reading_pane.is_flashing, timeout=3000)


def test_find_bar_opens_under_the_reading_pane(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    window.actions.find.trigger()
    assert window.find_bar is not None and window.find_bar.isVisible()
    assert window.find_bar.parent() is window.reading_pane.parent()


def test_find_bar_follows_the_pane_to_another_article_and_size(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    window.actions.find.trigger()
    window.find_bar.line_edit.setText("。")
    first = window.current_article
    window.actions.next_article.trigger()
    qtbot.waitUntil(lambda: window.current_article.id != first.id)
    expected = window.current_article.text.count("。")
    assert expected > 1
    assert window.find_bar.match_count() == expected
    window.actions.zoom_in.trigger()  # a new document again
    window.find_bar.find_next()
    assert window.find_bar.match_count() == expected
    assert window.reading_pane.textCursor().selectedText() == "。"
    assert window.reading_pane.textCursor().document() is window.reading_pane.document()


def test_search_box_sits_in_the_toolbar(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    box = window.findChild(QLineEdit, "searchBox")
    assert box is not None and window.toolbar.isAncestorOf(box)
    window.search.passageRequested.emit(window.current_article.id, 0, 3)
    assert window.reading_pane.selected_span() == (0, 3)


def test_sort_by_title(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    combo = window.article_list.sort_combo
    combo.setCurrentIndex(combo.findData("title"))
    qtbot.waitUntil(window.article_list.is_settled)  # answered off the GUI thread
    model = window.article_list.model
    titles = [model.summary(r).title for r in range(model.rowCount())]
    assert titles == [a.title for a in sample_library.list_articles(sort="title")]


def show_page(qtbot, library, tmp_path, page_text: str):
    """Import a one-article page and show it in a reading pane: (article, pane)."""
    page = tmp_path / "page.txt"
    page.write_text(page_text, encoding="utf-8")
    [article_id] = library.import_file(page).article_ids
    article = library.get_article(article_id)
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show_article(article)
    return article, pane


def test_byline_and_credits_are_shown_with_full_width_brackets(qtbot, library, tmp_path):
    article, pane = show_page(
        qtbot,
        library,
        tmp_path,
        "交流会举行\n\n本报讯 (舒泉清 记者 朱梦琪) 昨天,交流会在深圳举行。\n\n(记者 张某 摄)\n",
    )
    assert article.byline == "本报讯 (舒泉清 记者 朱梦琪)"  # stored as the page has it
    shown = pane.document().toPlainText()
    assert "本报讯（舒泉清 记者 朱梦琪）" in shown and "（记者 张某 摄）" in shown
    start, end = 0, 2  # highlights still land on the body text
    cursor = pane.textCursor()
    cursor.setPosition(pane.to_document(start))
    cursor.setPosition(pane.to_document(end), cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == article.text[start:end]


def test_a_photo_item_titled_by_its_column_label_shows_the_label_once(qtbot, library, tmp_path):
    article, pane = show_page(
        qtbot,
        library,
        tmp_path,
        "重点项目 进行时\n\n区重点项目——武进青创港项目总投资1.5亿元。\n\n徐晶玮 摄\n",
    )
    assert article.section == article.title == "重点项目 进行时"
    assert pane.document().toPlainText().count("重点项目 进行时") == 1


def test_a_page_that_prints_its_date_and_number_is_grouped_under_them(qtbot, library, tmp_path):
    page = tmp_path / "scan-0042.txt"
    page.write_text(
        "2019年10月15日 星期二\n\n第5版（评论）\n\n创新的力量\n\n创新是引领发展的第一动力。\n",
        encoding="utf-8",
    )
    library.import_file(page)
    model = article_list_model.ArticleListModel(library)
    label = model.index(0).data(article_list_model.GroupLabelRole)
    assert label == "2019-10-15 · page 5 评论"


def test_the_first_article_is_laid_out_once_at_the_remembered_size(qtbot, sample_library, settings):
    """At start the reading pane lays out one document: the article the list opens, in
    the text size and theme kept from the last run (it used to lay out a placeholder in
    them first, then the article: twice the work before the window could show)."""
    from PySide6.QtGui import QTextDocument

    from reader.ui.main_window import MainWindow

    settings.setValue("reading/fontSize", 21)
    settings.setValue("reading/theme", "dark")
    window = MainWindow(sample_library, settings)
    qtbot.addWidget(window)
    pane = window.reading_pane
    assert window.current_article is not None  # the list's first article, opened
    assert pane.findChildren(QTextDocument) == [pane.document()]  # no other laid out
    assert pane.document().defaultFont().pointSizeF() == 21
    assert pane.theme == "dark"
    assert window.current_article.title in pane.toPlainText()
