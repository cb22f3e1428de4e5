"""Export, backup and archive import timings on a generated library.

    .venv/bin/python tests/perf/bench_export.py [--quick]

The rolling backup at app start is timed three ways, beside raw baselines of the same
file in the same run (a plain file copy and a SHA-256 of the file):
- the scheme before (copy, then hash the new and the previous copy to drop a duplicate),
  rebuilt here for the comparison;
- today's when nothing changed (SQLite is asked; no copy, no hashing);
- today's after one change (one online-backup copy).

Not collected by pytest (the name does not start with test_).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script, too

from reader.export.backup import backup_database, rolling_backup
from reader.export.formats import render
from reader.export.restore import restore_archive
from reader.export.scope import ExportScope
from reader.store.library import Library
from tests.export.annotated import synthetic_archive


def timed(label: str, action):
    began = time.perf_counter()
    result = action()
    print(f"{label:<42} {time.perf_counter() - began:8.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small run")
    parser.add_argument("--pages", type=int, help="articles to generate (default 3000)")
    parser.add_argument(
        "--extra-mb",
        type=int,
        default=0,
        help="before the rolling backup figures, grow the library by this many MB of pages "
        "(a ten-year library is gigabytes: the old scheme's cost grows with it)",
    )
    args = parser.parse_args()
    pages, per_article = (200, 5) if args.quick else (3000, 10)
    pages = args.pages or pages
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
        validated = Path(folder) / "archive.json"
        validated.write_text(render(library, ExportScope.everything(), "json"), encoding="utf-8")
        timed(
            "import-archive of the file (all present)", lambda: restore_archive(library, validated)
        )
        library.close()
        grow(library.path, args.extra_mb)
        rolling_backup_figures(library.path, Path(folder))


def grow(db: Path, megabytes: int) -> None:
    """Add pages of 1 MB raw text (no articles: only the file's size matters here)."""
    if megabytes <= 0:
        return
    with sqlite3.connect(db) as connection:
        connection.executemany(
            "INSERT INTO source (path, sha256, encoding, raw_text, imported_at) "
            "VALUES (?, ?, 'utf-8', ?, '2026-03-01 08:30:00')",
            (
                # "f…": apart from the generated pages, whose sha256 start with 0
                (f"/pad/{i}.txt", "f" + f"{i:063x}", f"{i:08d}" + "页" * 333_330)
                for i in range(megabytes)
            ),
        )
    connection.close()
    print(f"library grown to {db.stat().st_size / 1e6:.0f} MB")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def rolling_backup_figures(db: Path, folder: Path) -> None:
    """The library is closed here, so the baselines may read its file directly."""
    print("rolling backup at app start")
    timed("  raw: copy the file (shutil.copyfile)", lambda: shutil.copyfile(db, folder / "raw"))
    timed("  raw: SHA-256 of the file", lambda: sha256_of(db))
    previous = backup_database(db, folder / "before-previous.db")

    def scheme_before() -> None:
        new = backup_database(db, folder / "before-new.db")
        if sha256_of(previous) == sha256_of(new):
            new.unlink()

    timed("  before: copy + hash both copies", scheme_before)
    rolling = folder / "rolling"
    timed("  today: first backup (a copy)", lambda: rolling_backup(db, rolling))
    timed("  today: nothing changed (no copy)", lambda: rolling_backup(db, rolling))
    library = Library.open(db)
    library.set_read(library.list_articles()[0].id)
    library.close()
    timed("  today: after one change (a copy)", lambda: rolling_backup(db, rolling))


if __name__ == "__main__":
    main()
