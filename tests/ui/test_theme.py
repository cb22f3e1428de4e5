"""Themes (issue 13): a switch in any order leaves nothing in the other theme's colours,
open combo boxes show their current item's text, captions are not slanted and the
marker of the current passage is a frame no highlight colour can be taken for.

The window is checked as it is drawn: `grab()` renders every widget through the style
and stylesheet, and each theme's background colours must not appear in a strip of
pixels while another theme is in force."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from reader.ui import reading_pane as reading_pane_module
from reader.ui.actions import COLOR_SWATCHES
from reader.ui.reading_pane import FLASH_MARK, KAI_FAMILIES, ReadingPane
from reader.ui.theme import THEMES, current_theme

#: More pixels than this of one exact colour is a painted strip, not an antialiased edge.
STRIP_PIXELS = 40
#: The same for a colour the theme in force draws text or marks with (white is the
#: light theme's list background and the dark theme's selected text): an area.
AREA_PIXELS = 3000


def backgrounds(name: str) -> set[str]:
    """What a theme paints areas with (panels, lists, paper, page tints)."""
    t = THEMES[name]
    return {t.window, t.base, t.alternate_base, t.button, t.paper, t.outside_tint, *t.tints}


def others(name: str) -> set[str]:
    return set().union(*(backgrounds(n) for n in THEMES if n != name)) - backgrounds(name)


def used_by(name: str) -> set[str]:
    """Every colour the theme paints anything with."""
    values = vars(THEMES[name]).values()
    return {v for v in values if isinstance(v, str) and v.startswith("#")} | backgrounds(name)


def color_counts(image: QImage) -> Counter[str]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(image.constBits()).cast("I")  # 0xffRRGGBB per pixel
    return Counter({f"#{v & 0xFFFFFF:06x}": n for v, n in Counter(pixels).items()})


def foreign_strips(widget: QWidget, theme: str) -> dict[str, int]:
    """Colours of the other themes' backgrounds painted in `widget`, with pixel counts."""
    counts = color_counts(widget.grab().toImage())
    return {
        c: counts[c]
        for c in others(theme)
        if counts[c] > (AREA_PIXELS if c in used_by(theme) else STRIP_PIXELS)
    }


def where(widget: QWidget, color: str) -> list[str]:
    """The widgets under the first pixels of `color`, to name a failure."""
    image = widget.grab().toImage()
    names = []
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            if image.pixelColor(x, y).name() == color:
                child = widget.childAt(QPoint(x, y)) or widget
                while child.objectName().startswith("qt_") and child.parentWidget():
                    child = child.parentWidget()  # Qt's own parts: name their owner
                names.append(f"{type(child).__name__}#{child.objectName()} at {x},{y}")
                if len(names) > 5:
                    return names
    return names


def palette_leftovers(widget: QWidget, theme: str) -> list[str]:
    """Visible widgets whose palette still paints with another theme's background."""
    foreign = others(theme)
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            color = child.palette().color(role).name()
            if color in foreign:
                found.append(f"{type(child).__name__}#{child.objectName()} {role.name} {color}")
    return found


@pytest.fixture
def themed_window(qtbot, sample_library, make_window):
    """A window with everything a theme must reach shown: an article with highlights,
    a note and tags in the sidebar, the search dock, the page view."""
    for summary in sample_library.list_articles():
        sample_library.tag_article(summary.id, "政策")
        sample_library.add_highlight(summary.id, 0, 6, color="orange", tags=["要闻"])
        sample_library.add_highlight(summary.id, 8, 14, note="一条笔记")
    window = make_window(sample_library)
    window.resize(1100, 700)
    assert window.current_article is not None
    qtbot.waitUntil(lambda: window.sidebar.highlight_count() == 2)
    window.sidebar.select_highlight(window.sidebar.highlights()[0].id)
    window.search_dock.show()
    page_view = window.corrections.show_page()
    assert page_view is not None
    qtbot.waitExposed(page_view)
    return window


def check_theme(window, theme: str) -> None:
    assert current_theme().name == theme
    page_view = window.corrections.page_view
    for tab in range(window.sidebar.tabs.count()):  # the Tags panel as well
        window.sidebar.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        for widget in (window, page_view):
            strips = foreign_strips(widget, theme)
            assert not strips, {c: where(widget, c) for c in strips}
            assert not palette_leftovers(widget, theme)
    window.sidebar.tabs.setCurrentIndex(0)


@pytest.mark.parametrize(
    "sequence",
    [
        ("dark", "light", "dark"),
        ("light", "sepia", "dark"),
        ("sepia", "dark", "light", "sepia"),
    ],
)
def test_a_theme_switch_leaves_nothing_of_the_theme_before(qtbot, themed_window, sequence):
    for theme in sequence:
        themed_window.set_theme(theme)
        check_theme(themed_window, theme)


def test_themes_are_chosen_in_the_view_menu_and_remembered(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    window.theme_menu.theme_actions["sepia"].trigger()
    assert window.reading_pane.theme == "sepia"
    assert QApplication.palette().color(QPalette.ColorRole.Window) == QColor(THEMES["sepia"].window)
    window.actions.toggle_theme.setChecked(True)  # the toolbar's quick switch
    assert window.reading_pane.theme == "dark"
    assert window.theme_menu.theme_actions["dark"].isChecked()
    window.actions.toggle_theme.setChecked(False)  # back to the reading theme chosen
    assert window.reading_pane.theme == "sepia"
    window.save_settings()
    window.close()
    again = make_window(sample_library)
    assert again.reading_pane.theme == "sepia"
    assert again.theme_menu.theme_actions["sepia"].isChecked()
    assert not again.actions.toggle_theme.isChecked()


def current_item_has_visible_text(qtbot, combo: QComboBox) -> None:
    """Open the popup, make an item current (as hovering does) and look at its pixels:
    the text must stand out from the item's background."""
    assert combo.count() > 1
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    index = view.model().index(1, 0)
    view.setCurrentIndex(index)
    QApplication.processEvents()
    rect: QRect = view.visualRect(index)
    image = view.viewport().grab(rect).toImage()
    counts = color_counts(image)
    background, _area = counts.most_common(1)[0]
    text_pixels = sum(
        n for c, n in counts.items() if _distance(QColor(c), QColor(background)) > 120
    )
    combo.hidePopup()
    assert background == QColor(current_theme().highlight).name(), combo.objectName()
    assert text_pixels > 20, (combo.objectName(), background, counts.most_common(4))


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_an_open_combo_box_shows_its_current_items_text(qtbot, sample_library, make_window, theme):
    window = make_window(sample_library)
    qtbot.waitUntil(lambda: window.first_paint.done)  # the tag filter is filled then
    window.set_theme(theme)
    for name in ("sortCombo", "tagFilter"):
        combo = window.findChild(QComboBox, name)
        if combo.count() < 2:
            combo.addItem("政策")
        current_item_has_visible_text(qtbot, combo)
    window.show_export()
    dialog = window.findChild(QWidget, "exportDialog")
    qtbot.waitExposed(dialog)
    current_item_has_visible_text(qtbot, dialog.findChild(QComboBox, "formatCombo"))
    dialog.close()


@pytest.fixture
def captioned(sample_library):
    summaries = sample_library.list_articles()
    records = [sample_library.get_article(s.id) for s in summaries]
    record = next((r for r in records if r.captions), None)
    if record is None:
        pytest.skip("no sample article has a caption")
    return record


def test_captions_are_upright_in_a_face_of_their_own(qtbot, captioned):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show_article(captioned)
    qtbot.waitUntil(lambda: not pane.is_loading)
    block = pane.document().lastBlock()  # captions follow the body
    assert block.text().strip()
    char = block.begin().fragment().charFormat()
    body = pane.document().findBlock(pane.to_document(0)).begin().fragment().charFormat()
    assert not char.fontItalic()
    assert char.fontFamilies() != body.fontFamilies()  # a Kai or a sans face, not the body's
    assert char.foreground().color() != body.foreground().color()


def test_a_kai_face_sets_captions_when_one_is_installed(monkeypatch):
    installed = [*QFontDatabase.families(), "AR PL UKai CN"]
    monkeypatch.setattr(reading_pane_module.QFontDatabase, "families", lambda *a: installed)
    assert reading_pane_module.caption_families()[0] in KAI_FAMILIES
    monkeypatch.setattr(reading_pane_module.QFontDatabase, "families", lambda *a: ["Noto Sans"])
    assert reading_pane_module.caption_families()[0] not in KAI_FAMILIES


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_current_passage_marker_is_a_frame_no_highlight_colour(
    qtbot, sample_library, make_window, theme
):
    window = make_window(sample_library)
    window.set_theme(theme)
    pane = window.reading_pane
    pane.select_span(0, 8)
    window.apply_highlight("orange")
    qtbot.waitUntil(lambda: window.sidebar.highlight_count() == 1)
    before = color_counts(pane.viewport().grab().toImage())
    window.step_highlight(1)  # what `]` does
    assert pane.is_flashing
    flash = next(s for s in pane.extraSelections() if s.format.hasProperty(FLASH_MARK))
    assert flash.format.background().style() == Qt.BrushStyle.NoBrush  # no colour fill
    pen = pane.marker_pen().color()
    assert pen.hsvSaturation() < 20  # a grey, where every highlight is a colour
    for swatch in COLOR_SWATCHES.values():
        assert QColor(swatch).hsvSaturation() - pen.hsvSaturation() > 60
        assert _distance(pen, QColor(swatch)) > 100
    rects = pane.marker_rects()
    assert rects
    after = color_counts(pane.viewport().grab().toImage())
    drawn = after[pen.name()] - before[pen.name()]
    frame = sum(2 * (r.width() + r.height()) for r in rects)
    assert drawn > frame * 0.5  # the frame is drawn around the passage
