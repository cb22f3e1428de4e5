"""Save screenshots of the page view (Article → Show Page…) in English and Chinese.

    .venv/bin/python tests/perf/screenshot_page_view.py [--out screenshots]

Builds a temporary library from resources/samples, splits the first article of the
2024-10-25 page where its second report starts (so one correction shows), makes a
second correction that no longer fits (its page text is changed and imported again),
opens the page view on the split-off article and grabs it, with the main window's
Article menu, to page-view-en.png / page-view-zh_CN.png.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reader.resources import sample_pages
from reader.store.library import Library
from reader.store.operations import SetTitle, SplitArticle
from reader.ui.app import install_translations
from reader.ui.main_window import MainWindow

PAGE = "2024-10-25-wujin-daily-p2.txt"


def build_library(folder: Path) -> tuple[Library, int]:
    """The sample page with a split that fits and a retitle that no longer does."""
    page = Path(shutil.copy(next(p for p in sample_pages() if p.name == PAGE), folder / PAGE))
    library = Library.open(folder / "library.db")
    first, _second, third = library.import_file(page).article_ids
    text = library.get_article(first).text
    new = library.apply(SplitArticle(first, text.index("■ 精细施工"), "精细施工")).value
    library.apply(SetTitle(third, "寒潮来袭"))
    page.write_text(
        page.read_text(encoding="utf-8").replace("受强冷空气影响", "受冷空气影响"), encoding="utf-8"
    )
    library.import_file(page)
    start, end = library.find_quote(new, "智能充电桩860个")
    library.add_highlight(new, start, end, color="green")
    return library, new


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    for language in ("en", "zh_CN"):
        translators = install_translations(app, language)
        with tempfile.TemporaryDirectory() as tmp:
            library, article_id = build_library(Path(tmp))
            settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(library, settings)
            window.resize(1400, 900)
            window.show()
            window.open_article(article_id)
            view = window.corrections.show_page()
            assert view is not None
            view.resize(820, 900)
            view.scroll_to_article(article_id)
            for _ in range(3):
                app.processEvents()
            out = args.out / f"page-view-{language}.png"
            view.grab().save(str(out))
            print(f"saved {out}")
            menu = window.corrections.menu()
            menu.adjustSize()
            out = args.out / f"article-menu-{language}.png"
            menu.grab().save(str(out))
            print(f"saved {out}")
            window.writes.discard_pending()
            window.close()
            library.close()
        for translator in translators:
            app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
