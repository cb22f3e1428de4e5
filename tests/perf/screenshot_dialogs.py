"""Screenshots of the search panel, export and preferences dialogs over sample pages.

    .venv/bin/python tests/perf/screenshot_dialogs.py [--out screenshots] [--quick]

Builds a throwaway library from resources/samples, annotates a few passages in several
colours, runs a real search through the panel and saves `search-panel.png`,
`export-dialog.png` and `preferences-dialog.png` (grab(), offscreen; install a CJK font
such as fonts-noto-cjk).
`--quick` is accepted for symmetry with the benchmarks; the run is already small.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples"
#: (quote, colour, note, tags): passages a reader of the sample pages might keep.
ANNOTATIONS = (
    ("合成生物", "green", "合成生物项目：跟进园区后续招商", ("产业", "合成生物")),
    ("新能源、智能制造、新材料三大产业集群", "yellow", "三大产业集群产值破4000亿", ("产业",)),
    ("生物基新材料", "blue", "年产2000吨，填补省内空白", ("合成生物",)),
    ("秋收进度过半", "orange", "", ("农业",)),
)


def build_library(folder: Path):
    from reader.store.library import Library

    library = Library.open(folder / "library.db")
    for page in sorted(SAMPLES.glob("*.txt")):
        library.import_file(page)
    articles = [s.id for s in library.list_articles(sort="oldest")]
    for quote, colour, note, tags in ANNOTATIONS:
        for article_id in articles:
            if quote in library.get_article(article_id).text:
                start, end = library.find_quote(article_id, quote)
                library.add_highlight(article_id, start, end, color=colour, note=note, tags=tags)
                break
    return library


def wait_for(signal, timeout_ms: int = 10000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def shoot_search(library, out: Path) -> Path:
    from reader.ui.search_panel import SearchController

    search = SearchController(library)
    frame = QWidget()
    frame.setObjectName("searchScreenshot")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.addWidget(search.search_box)
    layout.addWidget(search.results_panel, 1)
    frame.resize(460, 620)
    frame.show()
    search.search_box.setText("合成生物")
    wait_for(search.resultsShown)
    search.focus_search()
    search.results_view.setCurrentIndex(search.model.index(0, 0, search.model.index(0, 0)))
    QApplication.processEvents()
    path = out / "search-panel.png"
    frame.grab().save(str(path))
    search.shutdown()
    return path


def shoot_export(library, out: Path) -> Path:
    from reader.ui.export_dialog import ExportDialog

    article_id = library.list_articles(sort="highlights", limit=1)[0].id
    dialog = ExportDialog(library, article_id=article_id)
    dialog.path_edit.setText(str(Path.home() / "Documents" / "武进日报-合成生物.md"))
    dialog.show()
    dialog.export_button.click()
    wait_for(dialog.exportFinished)
    QApplication.processEvents()
    path = out / "export-dialog.png"
    dialog.grab().save(str(path))
    dialog.close()
    return path


def shoot_preferences(library, out: Path) -> Path:
    from reader.export.backup import default_backup_dir
    from reader.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(QSettings(), str(default_backup_dir(library.path)))
    dialog.show()
    QApplication.processEvents()
    path = out / "preferences-dialog.png"
    dialog.grab().save(str(path))
    dialog.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    parser.add_argument("--quick", action="store_true", help="accepted; the run is small")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setFont(QFont(["Noto Sans CJK SC", "Noto Sans", "sans-serif"], 10))
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        os.environ["HOME"] = folder  # the export dialog writes under ~/Documents
        library = build_library(Path(folder))
        shots = (shoot_search, shoot_export, shoot_preferences)
        for path in (shoot(library, args.out) for shoot in shots):
            print(f"saved {path}")
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
