"""Issue 12 item 13: a very long article shows its first screen at once and loads the
rest without freezing the window; highlights, find and jumping to a passage stay right
(the test's article is a few thousand paragraphs, the benchmark's 125,000)."""

from __future__ import annotations

from dataclasses import replace

from reader.store.records import HighlightRecord
from reader.ui.reading_pane import HIGHLIGHT_MARK, ReadingPane
from tests.perf.bench_open_article import make_record

PARAGRAPHS = 4000


def drawn_highlights(pane: ReadingPane) -> dict[int, str]:
    return {
        s.format.property(HIGHLIGHT_MARK): s.cursor.selectedText()
        for s in pane.extraSelections()
        if s.format.hasProperty(HIGHLIGHT_MARK)
    }


def test_first_paragraphs_show_before_the_rest_is_loaded(qtbot):
    record = make_record(PARAGRAPHS)
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    pane.show_article(record)
    assert pane.is_loading  # returned before laying out 4,000 paragraphs
    assert pane.loaded_length() < len(record.text) // 4
    shown = pane.cursorForPosition(pane.viewport().rect().center()).block().text()
    assert shown in record.paragraphs[:60]
    with qtbot.waitSignal(pane.loadingFinished, timeout=30_000):
        pass
    assert pane.document().toPlainText().endswith(record.paragraphs[-1])


def highlight(record, highlight_id: int, start: int, end: int) -> HighlightRecord:
    return HighlightRecord(
        id=highlight_id,
        article_id=record.id,
        start=start,
        end=end,
        exact=record.text[start:end],
        prefix="",
        suffix="",
        color="blue",
        orphaned=False,
        note="",
        tags=(),
        created_at=record.imported_at,
        updated_at=record.imported_at,
    )


def test_highlight_near_the_end_lands_right_once_loading_completes(qtbot):
    record = make_record(PARAGRAPHS)
    start = record.text.rindex(record.paragraphs[-2]) + 3
    end = start + 5
    early, late = highlight(record, 1, 0, 4), highlight(record, 2, start, end)
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    pane.show_article(replace(record, highlights=(early, late)))
    assert pane.is_loading
    assert drawn_highlights(pane) == {1: record.text[:4]}  # the late one has no text yet
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=30_000)
    assert drawn_highlights(pane) == {1: record.text[:4], 2: record.text[start:end]}
    pane.click_at(pane.to_document(start + 1))  # and it answers a click where it is drawn


def test_jumping_to_a_passage_at_the_end_loads_up_to_it(qtbot):
    record = make_record(PARAGRAPHS)
    start = record.text.rindex(record.paragraphs[-1]) + 2
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    pane.show_article(record)
    assert pane.is_loading
    pane.select_span(start, start + 6)
    pane.scroll_to_span(start, start + 6)
    assert pane.textCursor().selectedText() == record.text[start : start + 6]
    visible = pane.cursorForPosition(pane.viewport().rect().center()).block().text()
    assert visible in record.paragraphs[-40:]


def test_find_in_a_long_article_finds_matches_at_its_end(qtbot, library, make_window):
    window = make_window(library)
    record = make_record(PARAGRAPHS)
    record = replace(record, paragraphs=(*record.paragraphs, "结尾独有的词语"))
    record = replace(record, text="\n".join(record.paragraphs))
    window.reading_pane.show_article(record)
    window.show_find_bar()
    window.find_bar.line_edit.setText("结尾独有")
    qtbot.waitUntil(lambda: window.find_bar.match_count() == 1, timeout=30_000)


def test_zooming_a_long_article_keeps_the_passage_being_read(qtbot):
    record = make_record(PARAGRAPHS)
    target = len(record.paragraphs) - 30
    start = record.text.index(record.paragraphs[target])
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    pane.show_article(record)
    pane.scroll_to_span(start, start + 4)
    before = pane.cursorForPosition(pane.viewport().rect().topLeft()).block().blockNumber()
    pane.zoom(3)
    after = pane.cursorForPosition(pane.viewport().rect().topLeft()).block().blockNumber()
    assert abs(after - before) <= 1
    qtbot.waitUntil(lambda: not pane.is_loading, timeout=30_000)
