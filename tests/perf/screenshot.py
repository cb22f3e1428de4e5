"""Save screenshots of the main window with a filled library (light and dark theme).

    .venv/bin/python tests/perf/screenshot.py [--out screenshots]

Builds a temporary library from resources/samples, highlights passages in several
colours with notes and tags (one pair overlapping), opens the window at 1400×900 and
grabs it to screenshots/main-window.png and screenshots/main-window-dark.png.
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

from reader.resources import sample_pages
from reader.store.library import Library
from reader.ui.main_window import MainWindow

ANNOTATIONS = (
    # (paragraph, first char, length, colour, note, tags)
    (0, 6, 22, "yellow", "开篇点题：老企业的数字化转型。", ("智能制造", "转型")),
    (1, 0, 14, "green", "", ("纺织",)),
    (1, 10, 16, "blue", "与上一处重叠：两层颜色混合显示。", ("重叠",)),
    (3, 12, 26, "pink", "对比去年同期的数据，值得跟进采访。", ("数据", "跟进")),
    (4, 4, 18, "purple", "", ("人才",)),
    (5, 20, 12, "orange", "研发投入占比？", ("创新",)),
)


def build_library(path: Path) -> tuple[Library, int]:
    library = Library.open(path)
    library.import_paths(sample_pages())
    articles = library.list_articles()
    target = max(articles, key=lambda a: len(library.get_article(a.id).paragraphs))
    record = library.get_article(target.id)
    starts = []
    position = 0
    for paragraph in record.paragraphs:
        starts.append(position)
        position += len(paragraph) + 1
    for index, first, length, color, note, tags in ANNOTATIONS:
        index = min(index, len(starts) - 1)
        paragraph = record.paragraphs[index]
        start = starts[index] + min(first, len(paragraph) - 1)
        end = min(start + length, starts[index] + len(paragraph))
        library.add_highlight(target.id, start, end, color=color, note=note, tags=tags)
    library.tag_article(target.id, "深度报道")
    return library, target.id


def grab(window: MainWindow, out: Path) -> None:
    window.grab().save(str(out))
    print(f"saved {out}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        library, article_id = build_library(Path(tmp) / "library.db")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("reading/lastArticle", article_id)
        window = MainWindow(library, settings)
        window.resize(1400, 900)
        window.show()
        window.sidebar.select_highlight(window.sidebar.highlight_model.records()[2].id)
        for _ in range(3):
            app.processEvents()
        grab(window, args.out / "main-window.png")
        window.actions.toggle_theme.setChecked(True)
        app.processEvents()
        grab(window, args.out / "main-window-dark.png")
        window.close()
        window.deleteLater()
        app.processEvents()
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
