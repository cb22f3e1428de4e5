"""The user's process in a fault-injection run: imports pages one by one and adds
highlights with notes, printing one JSON line per committed write ("ack"), with how long
the user waited for it, so the runner can check afterwards that nothing acknowledged
was lost. Run as `python -m tests.faults.worker DB PAGES_DIR [--max-page-count N]`.

A write that fails prints an "error" line with its kind and message and the worker goes
on (a user would retry); a full disk ends the run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from reader.errors import DiskFullError, LibraryError
from reader.store import database
from reader.store.library import Library


def say(**fields: object) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("pages")
    parser.add_argument("--max-page-count", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.max_page_count:  # a disk with this much room for the library
        original = database.pragmas
        limit = ("max_page_count", args.max_page_count)
        database.pragmas = lambda: (*original(), limit)  # type: ignore[assignment]
    rng = random.Random(args.seed)
    library = Library.open(args.db)
    say(ready=True)
    article_ids: list[int] = []
    for number, page in enumerate(sorted(Path(args.pages).iterdir())):
        try:
            started = time.monotonic()
            result = library.import_file(page)
            waited = time.monotonic() - started
            if result.status == "failed":
                say(error="input", message=result.reason, path=str(page))
                continue
            say(ack="import", path=str(page), articles=len(result.article_ids), seconds=waited)
            article_ids.extend(result.article_ids)
            for _ in range(2):
                article_id = rng.choice(article_ids)
                note = f"笔记 {number} {rng.random():.6f}"
                started = time.monotonic()
                record = library.add_highlight(article_id, 0, 2, note=note)
                waited = time.monotonic() - started
                say(ack="highlight", id=record.id, note=note, seconds=waited)
        except DiskFullError as error:
            say(error=type(error).__name__, message=str(error))
            return 0
        except LibraryError as error:
            say(error=type(error).__name__, message=str(error))
    library.close()
    say(done=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
