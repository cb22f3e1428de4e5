"""The app's entry point keeps Qt out of an import's worker processes (`reader.ui.launch`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: A program started as the `reader-app` script is (its main module imports the entry
#: point), which then starts an import's parsing worker and asks what it loaded.
PROGRAM = """
from {module} import main
if __name__ == "__main__":
    from reader.store import page_reading
    from tests.ui.spawn_probe import qt_loaded
    pool = page_reading.WorkerParsing._start(1)
    try:
        print("QT" if pool.submit(qt_loaded).result() else "NO QT")
    finally:
        pool.shutdown()
"""


def worker_of(module: str, tmp_path: Path) -> str:
    script = tmp_path / "reader-app.py"
    script.write_text(PROGRAM.format(module=module), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_an_import_worker_of_the_app_does_not_load_qt(tmp_path) -> None:
    assert worker_of("reader.ui.launch", tmp_path) == "NO QT"


def test_a_program_whose_main_module_is_the_window_code_gives_its_workers_qt(tmp_path) -> None:
    """Why the entry point is a module of its own (and that the probe can tell)."""
    assert worker_of("reader.ui.app", tmp_path) == "QT"
