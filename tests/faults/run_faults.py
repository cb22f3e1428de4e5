"""Fault injection: the library against kills, other programs' locks and a full disk.

    python -m tests.faults.run_faults [--runs N] [--pages N] [--seed S]

Not part of the test run (it takes a while and uses real processes and timing). Each
scenario runs N times on a fresh library, with a worker process (`tests.faults.worker`)
that imports synthetic pages one by one and adds highlights with notes, acknowledging
each committed write:

- kill: the worker is SIGKILLed at a random instant (the run counts as killed mid-work
  only when it had not finished);
- lock: another process takes the write lock again and again (for 0.05–1.5 s, under the
  5 s busy timeout) while the worker writes;
- full: the worker's library may grow by only a few dozen pages (SQLite's
  max_page_count, which fails exactly like a full disk), then space is "freed" and the
  rest is imported.

After each run the library is checked: integrity (`PRAGMA integrity_check` and foreign
keys), partial pages (a page stored with fewer or more articles than it has), lost writes
(an acknowledged import or note that is not there). Printed per scenario: runs,
integrity failures, partial pages, lost writes (all must be 0), failed writes (writes a
user was told failed: must be 0 for kill and lock, and for full only the disk-full
refusals, each saying so), and the longest wait a user saw for one write.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from reader.parse.page import read_page  # noqa: E402
from reader.store.library import Library  # noqa: E402
from tests.faults.other_process import OtherProcess  # noqa: E402
from tests.perf.synthetic import make_pages  # noqa: E402


@dataclass
class Tally:
    runs: int = 0
    integrity_failures: int = 0
    partial_pages: int = 0
    lost_writes: int = 0
    failed_writes: int = 0
    unclear_errors: int = 0  # a failure whose message does not name its cause
    acknowledged: int = 0
    killed_mid_work: int = 0
    longest_wait: float = 0.0
    notes: list[str] = field(default_factory=list)


class Worker:
    """The worker process and the lines it printed, read as they come."""

    def __init__(self, db: Path, pages: Path, *extra: str) -> None:
        self.lines: list[dict] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.worker", str(db), str(pages), *extra],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            self.lines.append(message)
            if message.get("ready"):
                self.ready.set()
        self.ready.set()

    def finish(self) -> str:
        self.process.wait(timeout=300)
        self._reader.join(timeout=30)
        assert self.process.stderr is not None
        return self.process.stderr.read()

    def acks(self) -> list[dict]:
        return [line for line in self.lines if "ack" in line]

    def errors(self) -> list[dict]:
        return [line for line in self.lines if "error" in line]


def write_pages(folder: Path, count: int, seed: int) -> dict[str, int]:
    """Synthetic pages in `folder`; returns path → number of articles it parses into."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for number, text in enumerate(make_pages(count, seed=seed)):
        path = folder / f"{number:03d}.txt"
        path.write_text(text, encoding="utf-8")
        expected[str(path.resolve())] = len(read_page(path).articles)
    return expected


def verify(db: Path, expected: dict[str, int], worker: Worker, tally: Tally) -> None:
    """Integrity, partial pages and lost writes of the library after a run."""
    connection = sqlite3.connect(db, timeout=30)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
        if integrity != [("ok",)] or orphans:
            tally.integrity_failures += 1
            tally.notes.append(f"integrity: {integrity[:3]} {orphans[:3]}")
        stored = dict(
            connection.execute(
                "SELECT s.path, count(a.id) FROM source s LEFT JOIN article a "
                "ON a.source_id = s.id GROUP BY s.id"
            ).fetchall()
        )
        for path, articles in stored.items():
            if expected.get(path) != articles:
                tally.partial_pages += 1
                tally.notes.append(f"partial: {path} has {articles} of {expected.get(path)}")
        for ack in worker.acks():
            tally.acknowledged += 1
            tally.longest_wait = max(tally.longest_wait, ack["seconds"])
            if ack["ack"] == "import":
                there = stored.get(str(Path(ack["path"]).resolve())) == ack["articles"]
            else:
                row = connection.execute(
                    "SELECT n.body FROM highlight h JOIN note n ON n.highlight_id = h.id "
                    "WHERE h.id = ?",
                    (ack["id"],),
                ).fetchone()
                there = row == (ack["note"],)
            if not there:
                tally.lost_writes += 1
                tally.notes.append(f"lost: {ack}")
    finally:
        connection.close()


def run_kill(folder: Path, pages: int, rng: random.Random, tally: Tally) -> None:
    db = folder / "library.db"
    expected = write_pages(folder / "pages", pages, rng.randrange(10**6))
    worker = Worker(db, folder / "pages", "--seed", str(rng.randrange(10**6)))
    worker.ready.wait(timeout=60)
    # A random instant in the middle of the writes: after a random number of them
    # (each page is one import and two highlights), plus a part of one write's time.
    writes_before = rng.randrange(pages * 3)
    deadline = time.monotonic() + 120
    while len(worker.acks()) < writes_before and worker.process.poll() is None:
        if time.monotonic() > deadline:
            break
        time.sleep(0.001)
    time.sleep(rng.uniform(0.0, 0.03))
    if worker.process.poll() is None:
        os.kill(worker.process.pid, signal.SIGKILL)
    worker.finish()
    if not any(line.get("done") for line in worker.lines):
        tally.killed_mid_work += 1
    verify(db, expected, worker, tally)
    Library.open(db, check="always").close()  # the next start opens it cleanly


def run_lock(folder: Path, pages: int, rng: random.Random, tally: Tally) -> None:
    db = folder / "library.db"
    Library.open(db).close()
    expected = write_pages(folder / "pages", pages, rng.randrange(10**6))
    other = OtherProcess(db)
    worker = Worker(db, folder / "pages", "--seed", str(rng.randrange(10**6)))
    try:
        while worker.process.poll() is None:
            other.send(f"hold {rng.uniform(0.05, 1.5):.3f}")
            other.wait_for("released")
            time.sleep(rng.uniform(0.0, 0.2))
    finally:
        other.close()
    worker.finish()
    for error in worker.errors():
        tally.failed_writes += 1
        tally.notes.append(f"failed: {error}")
    verify(db, expected, worker, tally)


def run_full(folder: Path, pages: int, rng: random.Random, tally: Tally) -> None:
    db = folder / "library.db"
    Library.open(db).close()
    connection = sqlite3.connect(db)
    size = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.close()
    expected = write_pages(folder / "pages", pages, rng.randrange(10**6))
    room = size + rng.randint(5, 60)
    worker = Worker(db, folder / "pages", "--max-page-count", str(room))
    stderr = worker.finish()
    for error in worker.errors():
        tally.failed_writes += 1
        if "the disk is full; nothing was lost" not in error["message"]:
            tally.unclear_errors += 1
            tally.notes.append(f"unclear: {error} {stderr[-300:]}")
    verify(db, expected, worker, tally)
    library = Library.open(db, check="always")  # space freed: the rest goes in
    summary = library.import_paths([folder / "pages"])
    library.close()
    if summary.failures or summary.stopped:
        tally.notes.append(f"after freeing space: {summary.failures} {summary.stopped}")
        tally.failed_writes += 1
    stored = sqlite3.connect(db)
    if stored.execute("SELECT count(*) FROM source").fetchone()[0] != len(expected):
        tally.lost_writes += 1
    stored.close()


SCENARIOS = {"kill": run_kill, "lock": run_lock, "full": run_full}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario (default 3)")
    parser.add_argument("--pages", type=int, default=12, help="pages per run (default 12)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=tuple(SCENARIOS), action="append")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    tallies = {}
    for name in args.only or SCENARIOS:
        tally = tallies[name] = Tally()
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory(prefix=f"faults-{name}-") as folder:
                SCENARIOS[name](Path(folder), args.pages, rng, tally)
            tally.runs += 1
    header = (
        f"{'scenario':<9}{'runs':>5}{'integrity failures':>20}{'partial pages':>15}"
        f"{'lost writes':>13}{'failed writes':>15}{'unclear errors':>16}"
        f"{'acknowledged':>14}{'longest wait':>14}"
    )
    print(header)
    for name, t in tallies.items():
        print(
            f"{name:<9}{t.runs:>5}{t.integrity_failures:>20}{t.partial_pages:>15}"
            f"{t.lost_writes:>13}{t.failed_writes:>15}{t.unclear_errors:>16}"
            f"{t.acknowledged:>14}{t.longest_wait:>13.2f}s"
        )
    if "kill" in tallies:
        kill = tallies["kill"]
        print(f"kill: {kill.killed_mid_work} of {kill.runs} runs killed mid-work")
    for name, t in tallies.items():
        for note in t.notes[:10]:
            print(f"{name}: {note}")
    bad = any(
        t.integrity_failures or t.partial_pages or t.lost_writes or t.unclear_errors
        for t in tallies.values()
    )
    for name in ("kill", "lock"):
        bad = bad or bool(tallies.get(name, Tally()).failed_writes)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
