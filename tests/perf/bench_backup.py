"""Rolling backup figures: `python tests/perf/bench_backup.py [--articles N] [--alternatives]`.

On a synthetic library (default 12,000 articles and 40,000 highlights, about 100 MB;
kept between runs in ~/.cache/reader-bench/ by bench_ui's builder) and, when
../shared/corpus is present, on a library of its 1,951 real People's Daily articles,
prints next to each other in the same run:
- baseline: a plain file copy of the (closed) library file (`shutil.copyfile`);
- SQLite's online backup API into a temporary file (the first half of a rolling backup);
- the rolling backup as the app takes it (online backup + zlib level 1), its size and
  compression ratio; the check when nothing changed (no copy); restoring it (gunzip);
- how long quitting waits when a backup is running (the backup is asked to stop);
- with --alternatives: zlib level 6 and lzma preset 0 on the same copy, for the choice.
The library copy is read from the benchmark's own closed files; the app itself never
opens a library file except through SQLite.
"""

from __future__ import annotations

import argparse
import contextlib
import lzma
import os
import shutil
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "rmrb-2019-10"


def timed(action) -> tuple[float, object]:
    began = time.perf_counter()
    value = action()
    return time.perf_counter() - began, value


def mb(size: int) -> str:
    return f"{size / 2**20:,.1f} MB"


def stream_compress(source: Path, dest: Path, compressor) -> int:
    with open(source, "rb") as src, open(dest, "wb") as out:
        while chunk := src.read(1 << 20):
            out.write(compressor.compress(chunk))
        out.write(compressor.flush())
    return dest.stat().st_size


def figures(label: str, db_path: Path, work: Path, alternatives: bool) -> None:
    from reader.export.backup import (
        _sqlite_copy,
        default_backup_dir,
        restore_rolling_backup,
        rolling_backup,
    )
    from reader.store.library import Library

    Library.open(db_path).close()  # as the app leaves it: the log folded into the file
    size = db_path.stat().st_size
    print(f"\n{label}: {mb(size)}")
    plain, _ = timed(lambda: shutil.copyfile(db_path, work / "plain-copy.db"))
    (work / "plain-copy.db").unlink()
    print(f"  baseline: plain file copy          {plain * 1000:8.0f} ms")
    online, _ = timed(lambda: _sqlite_copy(db_path, work / "online.db", lambda: False))
    print(f"  SQLite online backup (no compr.)   {online * 1000:8.0f} ms")

    folder = work / "backups"
    folder.mkdir()
    # A copy of the library under test's name, in a folder of its own, so the cached
    # library's folder gets no backups.
    library = work / "library.db"
    shutil.copyfile(db_path, library)
    rolling, made = timed(lambda: rolling_backup(library, folder))
    packed = made.stat().st_size
    print(
        f"  rolling backup (online + zlib 1)   {rolling * 1000:8.0f} ms  "
        f"{mb(packed)}, ratio {size / packed:.2f} ({rolling / plain:.1f}x the plain copy)"
    )
    unchanged, again = timed(lambda: rolling_backup(library, folder))
    assert again is None
    print(f"  nothing changed: no copy           {unchanged * 1000:8.1f} ms")
    restore, _ = timed(lambda: restore_rolling_backup(made, work / "restored.db"))
    print(f"  restore (gunzip)                   {restore * 1000:8.0f} ms")
    (work / "restored.db").unlink()

    # Quitting while a backup runs: the change token changes so a copy is due.
    db = Library.open(library)
    db.set_read(db.list_articles(limit=1)[0].id, True)
    db.set_read(db.list_articles(limit=1)[0].id, False)
    db.close()
    stopping = threading.Event()
    worker = threading.Thread(
        target=lambda: _quiet(rolling_backup, library, default_backup_dir(library), stopping)
    )
    worker.start()
    time.sleep(min(0.3, rolling / 3))  # the benchmark lets it get going
    began = time.perf_counter()
    stopping.set()
    worker.join()
    print(
        f"  quit during a backup waits         {(time.perf_counter() - began) * 1000:8.1f} ms"
        f"  (leftovers: {len(list(default_backup_dir(library).glob('*.partial*')))})"
    )

    if alternatives:
        copy = work / "online.db"
        for name, compressor in (
            ("zlib 1", zlib.compressobj(1, zlib.DEFLATED, 31)),
            ("zlib 6", zlib.compressobj(6, zlib.DEFLATED, 31)),
            ("lzma preset 0", lzma.LZMACompressor(preset=0)),
        ):
            seconds, packed_size = timed(
                lambda c=compressor: stream_compress(copy, work / "alt.bin", c)
            )
            print(
                f"  compress only, {name:14}      {seconds * 1000:8.0f} ms  {mb(packed_size)}, "
                f"ratio {size / packed_size:.2f}"
            )


def _quiet(rolling_backup, library: Path, folder: Path, stopping: threading.Event) -> None:
    from reader.export.backup import BackupStopped

    with contextlib.suppress(BackupStopped):
        rolling_backup(library, folder, stop=stopping.is_set)


def corpus_library(path: Path) -> Path | None:
    if not CORPUS.is_dir():
        return None
    from reader.store.library import Library

    library = Library.open(path)
    library.import_paths(sorted(p for p in CORPUS.rglob("*") if p.is_file()))
    library.close()
    return path


def main(argv: list[str] | None = None) -> int:
    from bench_ui import cached_library

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=12_000)
    parser.add_argument("--alternatives", action="store_true")
    args = parser.parse_args(argv)
    db_path, _heavy = cached_library(args.articles, args.articles * 10 // 3)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "synthetic"
        work.mkdir()
        figures(f"synthetic library, {args.articles:,} articles", db_path, work, args.alternatives)
        real = Path(tmp) / "real"
        real.mkdir()
        corpus = corpus_library(real / "corpus.db")
        if corpus is not None:
            (real / "work").mkdir()
            figures("real corpus library, 1,951 articles", corpus, real / "work", args.alternatives)
    return 0


if __name__ == "__main__":
    sys.exit(main())
