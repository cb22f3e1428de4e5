"""Export, backup and archive import timings on a generated library.

    .venv/bin/python tests/perf/bench_export.py [--quick]

Not collected by pytest (the name does not start with test_).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script, too

from reader.export.backup import backup_database
from reader.export.formats import render
from reader.export.restore import restore_archive
from reader.export.scope import ExportScope
from reader.store.library import Library
from tests.export.annotated import synthetic_archive


def timed(label: str, action):
    began = time.perf_counter()
    result = action()
    print(f"{label:<40} {time.perf_counter() - began:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small run")
    args = parser.parse_args()
    pages, per_article = (200, 5) if args.quick else (3000, 10)
    archive = synthetic_archive(pages, per_article)
    print(f"{pages} articles, {pages * per_article} highlights")
    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "library.db")
        timed("import-archive (one transaction)", lambda: restore_archive(library, archive))
        timed("import-archive again (all present)", lambda: restore_archive(library, archive))
        for fmt in ("json", "markdown", "csv"):
            text = timed(
                f"export everything as {fmt}",
                lambda fmt=fmt: render(library, ExportScope.everything(), fmt),
            )
            print(f"{'':<40} {len(text.encode()) / 1e6:8.2f} MB")
        timed(
            "export tag (every highlight has it)",
            lambda: render(library, ExportScope.for_tag("合作 项目"), "markdown"),
        )
        backup = timed("backup", lambda: backup_database(library, Path(folder) / "b.db"))
        print(f"{'':<40} {backup.stat().st_size / 1e6:8.2f} MB")
        library.close()


if __name__ == "__main__":
    main()
