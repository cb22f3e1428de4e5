"""Which side panels the window shows, so that the text column keeps a readable width.

The main splitter holds the article list, the reading pane and the tagging sidebar. Left
to QSplitter, the reading pane gives up space first (at 1024×640 about 12 characters
were left of it). Here the reading pane gets a minimum width (`ReadingPane.
minimum_column_width`), so the side panels shrink first, and when the window is too
narrow for all three the panels collapse, the sidebar before the list; they come back
when there is room again. In a window narrower than the minimum column itself the pane
takes what there is (a fixed minimum would push the text out of the window).

Each panel is toggled by an action, and what the user chose is kept in the settings
across restarts. A panel may be held open for a while (search results shown in
place of the article list) whatever the user chose.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QSignalBlocker
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QWidget

from reader.ui.reading_pane import ReadingPane

#: Characters a combo box in a side panel still shows when the panel is narrow.
COMBO_MIN_CHARS = 6
#: A label wider than this (a hint of one long line) wraps rather than widen its panel.
LABEL_WRAP_WIDTH = 180


def let_shrink(panel: QWidget) -> None:
    """Let a side panel become narrower than its widest row would make it: combo boxes
    elide their current text and long hint labels wrap. A panel that cannot shrink
    would push the window wider than a laptop screen or take the reading column's room."""
    for combo in panel.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_MIN_CHARS)
    for label in panel.findChildren(QLabel):
        if not label.wordWrap() and label.minimumSizeHint().width() > LABEL_WRAP_WIDTH:
            label.setWordWrap(True)


class SidePanels(QObject):
    """Shows and hides the splitter's side panels; `panels` are named in the order they
    collapse when space runs out (the first goes first)."""

    def __init__(
        self,
        splitter: QSplitter,
        reading: QWidget,
        pane: ReadingPane,
        panels: dict[str, tuple[QWidget, QAction]],
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._splitter = splitter
        self._reading = reading  # the splitter's middle widget, which holds `pane`
        self._pane = pane
        self._panels = panels
        self._settings = settings
        self._collapse_order = list(panels)
        self._held: set[str] = set()
        self._wanted = {name: _as_bool(settings.value(self._key(name), True)) for name in panels}
        for name, (panel, action) in panels.items():
            let_shrink(panel)
            action.setCheckable(True)
            action.setChecked(self._wanted[name])
            action.toggled.connect(lambda on, n=name: self.set_wanted(n, on))
        splitter.installEventFilter(self)

    @staticmethod
    def _key(name: str) -> str:
        return f"window/show_{name}"

    # --- what the user asks for -------------------------------------------------------------
    def is_wanted(self, name: str) -> bool:
        return self._wanted[name]

    def set_wanted(self, name: str, on: bool) -> None:
        """The user showed or hid a panel: remember it; a panel just shown collapses
        last, and stays shown even when the window is too narrow for it just now."""
        self._wanted[name] = on
        self._settings.setValue(self._key(name), on)
        if on:
            self._collapse_order.remove(name)
            self._collapse_order.append(name)
        self.fit(keep=name if on else None)

    def hold(self, name: str, on: bool) -> None:
        """Keep a panel shown (e.g. while it shows search results) whatever the user
        chose, until released."""
        if on:
            self._held.add(name)
        else:
            self._held.discard(name)
        self.fit(keep=name if on else None)

    # --- fitting them in -----------------------------------------------------------------
    def reading_minimum(self) -> int:
        return self._pane.minimum_column_width()

    @staticmethod
    def _panel_minimum(panel: QWidget) -> int:
        return max(panel.minimumSizeHint().width(), panel.minimumWidth())

    def fit(self, width: int | None = None, *, keep: str | None = None) -> None:
        """Show each wanted (or held) panel that fits beside a reading column of its
        minimum width in `width` (the splitter's width by default), collapsing them in
        order when it does not; `keep` stays shown regardless."""
        width = self._splitter.width() if width is None else width
        shown = [n for n in self._collapse_order if self._wanted[n] or n in self._held]
        handle = self._splitter.handleWidth()

        def needed() -> int:
            return self.reading_minimum() + sum(
                self._panel_minimum(self._panels[n][0]) + handle for n in shown
            )

        for name in list(shown):
            if needed() <= width:
                break
            if name != keep and name not in self._held:
                shown.remove(name)
        room = width - sum(self._panel_minimum(self._panels[n][0]) + handle for n in shown)
        self._pane.setMinimumWidth(max(0, min(self.reading_minimum(), room)))
        for name, (panel, action) in self._panels.items():
            visible = name in shown
            if panel.isHidden() == visible:
                panel.setVisible(visible)
                if visible:
                    self._give_room(panel)
            with QSignalBlocker(action):
                action.setChecked(visible)

    def _give_room(self, panel: QWidget) -> None:
        """A panel shown again gets at least its minimum width, taken from the reading
        pane (QSplitter may bring it back at the zero width it had while hidden)."""
        index = self._splitter.indexOf(panel)
        sizes = self._splitter.sizes()
        wanted = self._panel_minimum(panel)
        if index < 0 or sizes[index] >= wanted:
            return
        reading = self._splitter.indexOf(self._reading)
        sizes[reading] = max(0, sizes[reading] - (wanted - sizes[index]))
        sizes[index] = wanted
        self._splitter.setSizes(sizes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before the splitter lays its children out for the new width, so the panels
        # that do not fit are already hidden then.
        if watched is self._splitter and event.type() == QEvent.Type.Resize:
            self.fit(event.size().width())
        return False


def _as_bool(value: object) -> bool:
    """QSettings' INI format gives booleans back as the strings "true"/"false"."""
    if isinstance(value, str):
        return value.lower() in ("true", "1")
    return bool(value)
