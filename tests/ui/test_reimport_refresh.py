"""An article open while its page is imported again shows what the new version prints
at once, also when only its headlines or byline changed (the body text is the same)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.export.test_markdown_lines import PAGE


def import_through_window(qtbot, window, path) -> None:
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        assert window.import_paths([path])
    box = window.findChild(QMessageBox)
    if box is not None:
        box.close()


def test_a_reimport_changing_only_the_subtitle_and_byline_shows_at_once(
    qtbot, library, tmp_path, make_window
):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    article_id = library.import_file(page).article_ids[0]
    window = make_window(library)
    window.importer.show_summary = False
    window.open_article(article_id)
    assert "——三十个项目集中签约" in window.reading_pane.toPlainText()

    changed = PAGE.replace("三十个项目集中签约", "三十一个项目集中签约").replace(
        "(舒泉清 记者 朱梦琪)", "(舒泉清 记者 朱梦琪 实习生 王一)"
    )
    page.write_text(changed, encoding="utf-8")
    import_through_window(qtbot, window, page)

    assert library.get_article(article_id).text == window.current_article.text
    shown = window.reading_pane.toPlainText()
    assert "——三十一个项目集中签约" in shown and "——三十个项目集中签约" not in shown
    assert "本报讯（舒泉清 记者 朱梦琪 实习生 王一）" in shown
