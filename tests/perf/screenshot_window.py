"""Screenshots of the window for issue 13's checks, in one language per run:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/perf/screenshot_window.py \
        OUT_DIR [--lang zh_CN]

Writes window-<size>.png at 1024×640 and 1920×1080, results-<size>.png with search
results open, theme-1-dark.png → theme-2-light.png → theme-3-dark.png (switched in one
session), theme-sepia.png and combo-open.png (the sort order's list open; the whole
screen, as the list is a window of its own). The orphan explanation has its own script
(`screenshot_orphan.py`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader.ui.app import install_translations
from reader.ui.main_window import MainWindow
from tests.perf.screenshot import build_library

SIZES = ((1024, 640), (1920, 1080))


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_translations(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        library, article_id = build_library(Path(tmp) / "library.db")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("reading/lastArticle", article_id)
        window = MainWindow(library, settings)
        window.show()
        for width, height in SIZES:
            window.resize(width, height)
            settle(app)
            window.grab().save(str(args.out / f"window-{width}x{height}.png"))
        window.search.focus_search()
        window.search.search_box.setText("发展")
        settle(app, 1.5)
        for width, height in SIZES:
            window.resize(width, height)
            settle(app)
            window.grab().save(str(args.out / f"results-{width}x{height}.png"))
        window.search.close()
        window.resize(1440, 900)
        for step, theme in enumerate(("dark", "light", "dark"), 1):
            window.set_theme(theme)
            settle(app)
            window.grab().save(str(args.out / f"theme-{step}-{theme}.png"))
        window.set_theme("sepia")
        settle(app)
        window.grab().save(str(args.out / "theme-sepia.png"))
        window.set_theme("light")
        window.article_list.sort_combo.showPopup()
        settle(app)
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(str(args.out / "combo-open.png"))
        window.article_list.sort_combo.hidePopup()
        window.close()
        library.close()
    print(f"saved to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
