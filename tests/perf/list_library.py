"""A synthetic library of N articles for the article-list benchmark, built fast.

Rows go in by plain SQL in big transactions through the store's own schema (the library
is created by `Library.open`, so every migration and trigger is there). Only the columns
the table has are written (`_only_existing`), so a change of the article table's text
columns (stored once, derived forms dropped) needs at most a change of `article_values`.

Shape (issue 15): about 800 characters per article, four articles per page, 3.3
highlights and 1.7 notes per article, a few tags on articles and highlights. The
article search index is filled by the triggers like any import's.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from synthetic import (
    NOUNS,
    ORGS,
    PLACES,
    VERBS,
    _name,
    make_article_text,
)

ARTICLES_PER_PAGE = 4
HIGHLIGHTS_PER_ARTICLE = 3.3
NOTES_PER_ARTICLE = 1.7
TAGS = ("政策", "民生", "经济", "教育", "科技", "文化", "乡村", "交通", "环境", "人物")
BATCH = 20_000


def article_values(rng: random.Random, source_id: int, position: int, body: str) -> dict:
    """One article row (adapt here when the article table's columns change)."""
    names = [_name(rng) for _ in range(rng.choice((0, 1, 2, 2, 3)))]
    title = (
        f"{rng.choice(PLACES)}{rng.choice(VERBS)}{rng.choice(NOUNS)}"
        f"{rng.choice(('', '工作', '项目', '会议'))}{rng.randrange(1000)}"
    )
    paragraphs = [body[i : i + 200] for i in range(0, len(body), 200)]
    return {
        "source_id": source_id,
        "position": position,
        "title": title,
        "headlines": json.dumps([title], ensure_ascii=False),
        "byline": f"本报记者 {' '.join(names)}" if names else None,
        "authors": json.dumps([{"name": n, "role": "记者"} for n in names], ensure_ascii=False),
        "author_names": " ".join(names),
        "paragraphs": json.dumps(paragraphs, ensure_ascii=False),
        "captions": "[]",
        "text": "\n".join(paragraphs),
        "created_at": "2024-01-01 00:00:00",
        "read_at": "2024-01-02 00:00:00" if rng.random() < 0.3 else None,
    }


def build(path: Path, n_articles: int, seed: int = 15) -> None:
    """Create the library at `path` (must not exist) with `n_articles` articles."""
    from reader.store.library import Library

    began = time.perf_counter()
    Library.open(path).close()  # the schema, migrated to this code's latest version
    connection = sqlite3.connect(path, isolation_level=None)
    from reader.search.index import register_functions

    _register_search_functions(connection, register_functions)
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA journal_mode = WAL")
    rng = random.Random(seed)
    bodies = [make_article_text(rng, 800) for _ in range(500)]
    columns = {
        table: {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        for table in ("source", "article", "highlight", "note")
    }
    pages = (n_articles + ARTICLES_PER_PAGE - 1) // ARTICLES_PER_PAGE
    article_id = 0
    connection.execute("BEGIN")
    for page in range(pages):
        texts = [bodies[(page * 7 + p) % len(bodies)] for p in range(ARTICLES_PER_PAGE)]
        day = f"20{15 + page // 30000:02d}-{1 + page // 2500 % 12:02d}-{1 + page % 28:02d}"
        _insert(
            connection,
            "source",
            columns["source"],
            {
                "id": page + 1,
                "path": f"/synthetic/page-{page:06d}.txt",
                "sha256": f"{page:064x}",
                "encoding": "utf-8",
                "raw_text": "\n\n".join(texts),
                "imported_at": f"{day} 08:{page % 60:02d}:00.000000",
                "paper": "武进日报",
                "page_date": day,
                "page_number": str(1 + page % 8),
                "parser_version": 10**6,
                "kind": "text",
            },
        )
        for position in range(ARTICLES_PER_PAGE):
            if article_id >= n_articles:
                break
            article_id += 1
            row = article_values(rng, page + 1, position, texts[position])
            _insert(connection, "article", columns["article"], {"id": article_id, **row})
        if page % (BATCH // ARTICLES_PER_PAGE) == 0:
            connection.execute("COMMIT")
            connection.execute("BEGIN")
    connection.execute("COMMIT")
    _annotate(connection, rng, n_articles, bodies, columns)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    print(f"built {n_articles:,} articles in {time.perf_counter() - began:.0f} s: {path}")


def _annotate(
    connection: sqlite3.Connection,
    rng: random.Random,
    n_articles: int,
    bodies: list[str],
    columns: dict[str, set[str]],
) -> None:
    for tag_id, name in enumerate(TAGS, 1):
        connection.execute(
            "INSERT INTO tag (id, name, created_at) VALUES (?, ?, '2024-01-01 00:00:00')",
            (tag_id, name),
        )
    highlight_id = 0
    note_id = 0
    connection.execute("BEGIN")
    for article_id in range(1, n_articles + 1):
        count = int(HIGHLIGHTS_PER_ARTICLE) + (rng.random() < HIGHLIGHTS_PER_ARTICLE % 1)
        for _ in range(count):
            highlight_id += 1
            start = rng.randrange(700)
            end = start + rng.randint(2, 40)
            _insert(
                connection,
                "highlight",
                columns["highlight"],
                {
                    "id": highlight_id,
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "exact": "划线" * ((end - start) // 2),
                    "prefix": "",
                    "suffix": "",
                    "color": "yellow",
                    "orphaned": 0,
                    "created_at": "2024-01-01 00:00:00",
                    "updated_at": "2024-01-01 00:00:00",
                },
            )
            if rng.random() < NOTES_PER_ARTICLE / HIGHLIGHTS_PER_ARTICLE:
                note_id += 1
                _insert(
                    connection,
                    "note",
                    columns["note"],
                    {
                        "id": note_id,
                        "highlight_id": highlight_id,
                        "body": f"笔记：{rng.choice(ORGS)}{rng.choice(NOUNS)}",
                        "created_at": "2024-01-01 00:00:00",
                        "updated_at": "2024-01-01 00:00:00",
                    },
                )
            if rng.random() < 0.03:
                connection.execute(
                    "INSERT INTO highlight_tag VALUES (?, ?)",
                    (highlight_id, rng.randrange(len(TAGS)) + 1),
                )
        if rng.random() < 0.05:
            connection.execute(
                "INSERT INTO article_tag VALUES (?, ?)", (article_id, rng.randrange(len(TAGS)) + 1)
            )
        if article_id % BATCH == 0:
            connection.execute("COMMIT")
            connection.execute("BEGIN")
    connection.execute("COMMIT")


def _insert(connection: sqlite3.Connection, table: str, existing: set[str], row: dict) -> None:
    names, values = zip(*_only_existing(row, existing), strict=True)
    marks = ", ".join("?" for _ in names)
    quoted = ", ".join(f'"{name}"' for name in names)
    connection.execute(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', values)


def _only_existing(row: dict, existing: set[str]) -> Iterator[tuple[str, object]]:
    return ((name, value) for name, value in row.items() if name in existing)


def _register_search_functions(connection: sqlite3.Connection, register_functions) -> None:
    """The triggers call the search index's SQL functions; register them on this raw
    connection the way the store registers them on its peewee database."""

    class Recorder:
        def __init__(self) -> None:
            self.functions: list[tuple] = []

        def func(self, name=None, num_params=-1, deterministic=None):
            def decorator(fn):
                self.functions.append((name or fn.__name__, num_params, fn))
                return fn

            return decorator

        def register_function(self, fn, name=None, num_params=-1, deterministic=None):
            self.functions.append((name or fn.__name__, num_params, fn))

    recorder = Recorder()
    register_functions(recorder)
    for name, num_params, fn in recorder.functions:
        connection.create_function(name, num_params, fn)
