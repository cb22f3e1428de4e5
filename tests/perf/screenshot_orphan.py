"""Screenshots of the orphan explanation: a small library whose page was imported again
with a highlighted passage reworded (`orphan_library`), the window opened on it with
the orphan selected in the sidebar.

    xvfb-run -a .venv/bin/python tests/perf/screenshot_orphan.py OUT_DIR [--lang zh_CN]

Writes orphan-window-<lang>.png (1440×900) and orphan-sidebar-<lang>.png (the sidebar).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reader.ui.app import install_translations
from reader.ui.main_window import MainWindow
from tests.perf.orphan_library import build


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_translations(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        library, article_id, orphan_id = build(Path(tmp))
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("reading/lastArticle", article_id)
        window = MainWindow(library, settings)
        window.resize(1440, 900)
        window.show()
        window.sidebar.select_highlight(orphan_id)
        for _ in range(20):
            app.processEvents()
        for name, widget in (("window", window), ("sidebar", window.sidebar)):
            path = args.out / f"orphan-{name}-{args.lang}.png"
            widget.grab().save(str(path))
            print(f"saved {path}")
        window.writes.discard_pending()
        window.close()
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
