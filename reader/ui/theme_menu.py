"""View → Theme: light, dark or sepia, one checked at a time.

The toolbar's dark-theme toggle stays a quick switch: off returns to the theme chosen
before dark (light or sepia), so both controls show the same choice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from reader.ui.i18n import tr
from reader.ui.theme import THEMES


def theme_titles() -> dict[str, str]:
    return {"light": tr("&Light"), "dark": tr("&Dark"), "sepia": tr("&Sepia")}


class ThemeMenu(QMenu):
    """Calls `choose(name)` when the user picks a theme; `show_theme` checks the one in
    force without calling back."""

    def __init__(self, choose: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(tr("&Theme"), parent)
        self.setObjectName("themeMenu")
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for name, title in theme_titles().items():
            assert name in THEMES
            action = QAction(title, self)
            action.setObjectName(f"theme_{name}")
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, n=name: choose(n))
            self._group.addAction(action)
            self.addAction(action)
            self.theme_actions[name] = action
        self.light_choice = "light"  # what the dark toggle returns to

    def show_theme(self, name: str) -> None:
        self.theme_actions[name].setChecked(True)
        if name != "dark":
            self.light_choice = name
