"""Big synthetic libraries for `bench_scale.py`, built once and cached outside the repo.

A library of `n` articles (about 800 CJK characters each) is built through the app's own
import path (`Library.import_paths`, one transaction per page, the real parser and the
real index triggers), so it has whatever schema the code of the day writes; then 3.3
highlights and 1.7 notes per article and some tags are added in bulk through the store's
models in big write transactions (the index triggers keep the search index in step). The
result is cached as `~/.cache/reader-bench/scale/<schema user_version>-<n>.db` with a
`.json` beside it holding the build's figures, so a later run of the same code reuses it.
Code with a new schema migrates a copy of the newest older cache (its table cell says so;
`--rebuild` builds afresh instead).
"""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

CACHE_DIR = Path.home() / ".cache" / "reader-bench" / "scale"
#: Characters of body text an article gets (the issue's "≈800 characters").
ARTICLE_CHARS = 760
HIGHLIGHTS_PER_ARTICLE = 3.3
NOTES_PER_ARTICLE = 1.7
TAG_NAMES = tuple(
    f"{topic}{year}"
    for topic in ("民生", "经济", "科技", "教育", "文旅", "乡村")
    for year in range(10)
)
ARTICLE_TAG_SHARE = 0.2  # articles with one tag
HIGHLIGHT_TAG_SHARE = 0.25  # highlights with one tag
PAGES_PER_IMPORT = 500  # pages written to a folder and imported in one call
ARTICLES_PER_WRITE = 20_000  # articles whose annotations go in one transaction


@dataclass
class BuildInfo:
    """What a build did, kept beside the cached library."""

    articles: int
    pages: int
    highlights: int
    notes: int
    schema: int
    import_seconds: float
    annotate_seconds: float
    build_seconds: float
    #: What the check after the build found amiss (see `check_library`).
    warnings: list[str] = field(default_factory=list)

    @property
    def import_rate(self) -> float:
        """Pages per second through `import_paths` while the library grew to its size."""
        return self.pages / self.import_seconds if self.import_seconds else 0.0


def _article_blocks(rng: random.Random) -> list[str]:
    """One news item of about ARTICLE_CHARS characters, laid out like a printed page:
    headlines, a lead or a byline, paragraphs (some cut by a column break)."""
    blocks = list(synthetic._headlines(rng))
    prefix, byline = synthetic._lead(rng)
    if byline:
        blocks.append(byline)
    size = 0
    while size < ARTICLE_CHARS:
        paragraph = synthetic._paragraph(rng, rng.randint(2, 5))
        if size == 0:
            paragraph = prefix + paragraph
        blocks.extend(synthetic._column_break(rng, paragraph))
        size += len(paragraph)
    return blocks


def make_page(rng: random.Random, n_articles: int) -> str:
    """A page of `n_articles` long news items."""
    blocks: list[str] = []
    for _ in range(n_articles):
        blocks.extend(_article_blocks(rng))
    return "\n\n".join(blocks) + "\n"


def make_pages(count: int, seed: int) -> list[str]:
    """`count` pages of 3-6 items, always the same for the same seed."""
    rng = random.Random(seed)
    return [make_page(rng, rng.randint(3, 6)) for _ in range(count)]


def schema_version() -> int:
    """The schema the code of the day writes: the user_version of a new empty library."""
    from reader.store.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "probe.db")
        (version,) = library.database.execute_sql("PRAGMA user_version").fetchone()
        library.close()
    return int(version)


def cached_path(n_articles: int, schema: int | None = None) -> Path:
    return CACHE_DIR / f"{schema if schema is not None else schema_version()}-{n_articles}.db"


def _side_files(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))]


def remove_library(path: Path) -> None:
    for file in _side_files(path):
        file.unlink(missing_ok=True)


def checkpoint(path: Path) -> None:
    """Fold the WAL into the database file so its size is the library's size."""
    connection = sqlite3.connect(path, timeout=30)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _read_info(path: Path) -> BuildInfo:
    return BuildInfo(**json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))


def _older_cache(n_articles: int, schema: int) -> Path | None:
    """The newest cached library of `n_articles` of an older schema, if any."""
    found = [
        (version, cached_path(n_articles, version))
        for version in range(schema - 1, 0, -1)
        if cached_path(n_articles, version).with_suffix(".json").is_file()
    ]
    return found[0][1] if found else None


def _migrated_copy(older: Path, path: Path, schema: int, log: Callable[[str], None]) -> Path:
    """A copy of the `older` cached library opened with today's code, which migrates it:
    minutes instead of a rebuild of hours' worth of pages when a schema change leaves the
    rows as they were (`--rebuild` builds afresh). Kept as the cache of `schema`."""
    from reader.store.library import Library

    log(f"  migrating a copy of the cached library {older} to schema {schema}")
    building = path.with_name(f".{path.stem}.migrating.db")
    remove_library(building)
    began = time.perf_counter()
    source = sqlite3.connect(older)
    target = sqlite3.connect(building)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    Library.open(building).close()
    checkpoint(building)
    remove_library(path)
    building.rename(path)
    for side in _side_files(building)[1:]:
        side.unlink(missing_ok=True)
    info = _read_info(older)
    log(f"  migrated in {time.perf_counter() - began:.0f} s")
    info.schema = schema
    info.warnings = [*info.warnings, f"migrated from the schema {_schema_of(older)} cache"]
    path.with_suffix(".json").write_text(json.dumps(asdict(info)), encoding="utf-8")
    return path


def _schema_of(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def library_for(
    n_articles: int, *, rebuild: bool = False, log: Callable[[str], None] = print
) -> tuple[Path, BuildInfo]:
    """The cached library of `n_articles` (built now when missing or `rebuild`)."""
    schema = schema_version()
    path = cached_path(n_articles, schema)
    info_path = path.with_suffix(".json")
    if not rebuild and path.is_file() and info_path.is_file():
        info = BuildInfo(**json.loads(info_path.read_text(encoding="utf-8")))
        log(f"  using the cached library {path} (built in {info.build_seconds:.0f} s)")
        return path, info
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    older = None if rebuild else _older_cache(n_articles, schema)
    if older is not None:
        return _migrated_copy(older, path, schema, log), _read_info(path)
    building = path.with_name(f".{path.stem}.building.db")
    remove_library(building)
    info = build_library(building, n_articles, schema, log=log)
    remove_library(path)
    checkpoint(building)
    building.rename(path)
    for side in _side_files(building)[1:]:
        side.unlink(missing_ok=True)
    info_path.write_text(json.dumps(asdict(info)), encoding="utf-8")
    return path, info


def write_pages(folder: Path, seed: int, count: int) -> list[Path]:
    """Write batch `seed` of `count` pages as files; returns their paths (in a worker
    process, while the previous batch is imported)."""
    files = []
    for number, text in enumerate(make_pages(count, seed=1000 + seed)):
        file = folder / f"{seed:04d}-{number:03d}.txt"
        file.write_text(text, encoding="utf-8")
        files.append(file)
    return files


#: Most articles a batch of PAGES_PER_IMPORT pages can add (3-6 items a page, and the
#: parser may cut one more): a next batch is written ahead only while it is surely full.
_MOST_PER_BATCH = PAGES_PER_IMPORT * 7


def _batch_size(missing: int) -> int:
    """Pages for the next batch: a page holds 4.5 articles on average, so the last
    batch stops near the target."""
    return max(1, min(PAGES_PER_IMPORT, missing * 2 // 9))


def _import_pages(
    library, n_articles: int, folder_near: Path, log: Callable[[str], None]
) -> tuple[list[int], int, float]:
    """Import pages (written to a folder in `folder_near`) until the library holds
    `n_articles`; returns (article ids, pages, seconds spent importing). A worker
    process writes the next batch of pages while this one imports the last."""
    ids: list[int] = []
    pages = 0
    seconds = 0.0
    seed = 0
    spawn = multiprocessing.get_context("spawn")  # no fork of a process holding SQLite/Qt
    with (
        tempfile.TemporaryDirectory(dir=folder_near) as tmp,
        concurrent.futures.ProcessPoolExecutor(1, mp_context=spawn) as writer,
    ):
        folder = Path(tmp)
        ahead = writer.submit(write_pages, folder, seed, _batch_size(n_articles))
        while ahead is not None:
            files = ahead.result()
            seed += 1
            ahead = None
            if n_articles - len(ids) - _MOST_PER_BATCH >= PAGES_PER_IMPORT * 9 // 2:
                ahead = writer.submit(write_pages, folder, seed, PAGES_PER_IMPORT)
            began = time.perf_counter()
            summary = library.import_paths(files)
            seconds += time.perf_counter() - began
            for result in summary.results:
                if result.status != "imported":
                    raise RuntimeError(f"import of {result.path}: {result.status} {result.reason}")
                ids.extend(result.article_ids)
            pages += len(files)
            for file in files:
                file.unlink()
            log(
                f"  imported {pages:,} pages, {len(ids):,} articles ({pages / seconds:.0f} pages/s)"
            )
            if ahead is None and len(ids) < n_articles:
                ahead = writer.submit(write_pages, folder, seed, _batch_size(n_articles - len(ids)))
    return ids, pages, seconds


def _batches(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _annotate(library, ids: list[int], log: Callable[[str], None]) -> tuple[int, int]:
    """Add highlights, notes and tags in bulk; returns (highlights, notes)."""
    from reader.store.database import write_transaction
    from reader.store.models import HIGHLIGHT_COLORS, ArticleTag, Highlight, HighlightTag, Note, Tag

    rng = random.Random(11)
    db = library.database
    with write_transaction(db):
        Tag.insert_many([{"name": name} for name in TAG_NAMES]).execute()
    tag_ids = [t for (t,) in Tag.select(Tag.id).where(Tag.name.in_(TAG_NAMES)).tuples()]
    next_id = (Highlight.select(Highlight.id).order_by(Highlight.id.desc()).scalar() or 0) + 1
    highlights = notes = 0
    note_share = NOTES_PER_ARTICLE / HIGHLIGHTS_PER_ARTICLE
    extra = HIGHLIGHTS_PER_ARTICLE - int(HIGHLIGHTS_PER_ARTICLE)
    for chunk in _batches(ids, ARTICLES_PER_WRITE):
        rows: list[dict] = []
        note_rows: list[dict] = []
        article_tags: list[dict] = []
        highlight_tags: list[dict] = []
        for group in _batches(chunk, 500):
            for record in library.get_articles(group):
                text = record.text
                if rng.random() < ARTICLE_TAG_SHARE:
                    article_tags.append({"article": record.id, "tag": rng.choice(tag_ids)})
                count = int(HIGHLIGHTS_PER_ARTICLE) + (rng.random() < extra)
                for _ in range(count):
                    start = rng.randrange(max(1, len(text) - 40))
                    end = min(len(text), start + rng.randint(4, 40))
                    rows.append(
                        {
                            "id": next_id,
                            "article": record.id,
                            "start": start,
                            "end": end,
                            "exact": text[start:end],
                            "prefix": text[max(0, start - 32) : start],
                            "suffix": text[end : end + 32],
                            "color": rng.choice(HIGHLIGHT_COLORS),
                        }
                    )
                    if rng.random() < note_share:
                        body = (
                            f"笔记：{text[start:end]}，值得再读一遍。{rng.choice(synthetic.NOUNS)}"
                        )
                        note_rows.append({"highlight": next_id, "body": body})
                    if rng.random() < HIGHLIGHT_TAG_SHARE:
                        highlight_tags.append({"highlight": next_id, "tag": rng.choice(tag_ids)})
                    next_id += 1
        with write_transaction(db):
            for model, batch in (
                (Highlight, rows),
                (Note, note_rows),
                (ArticleTag, article_tags),
                (HighlightTag, highlight_tags),
            ):
                for start in range(0, len(batch), 1000):
                    model.insert_many(batch[start : start + 1000]).execute()
        highlights += len(rows)
        notes += len(note_rows)
        log(f"  annotated {highlights:,} highlights, {notes:,} notes")
    return highlights, notes


def build_library(
    path: Path, n_articles: int, schema: int, *, log: Callable[[str], None] = print
) -> BuildInfo:
    """Build a library of about `n_articles` at `path` (must not exist)."""
    from reader.store.library import Library

    began = time.perf_counter()
    log(f"  building {n_articles:,} articles at {path}")
    library = Library.open(path)
    try:
        ids, pages, import_seconds = _import_pages(library, n_articles, path.parent, log)
        annotating = time.perf_counter()
        highlights, notes = _annotate(library, ids, log)
        warnings = check_library(library, ids, highlights)
        if any("search" in warning for warning in warnings):
            from reader.search.index import rebuild

            log("  the bulk rows are not in the search index: rebuilding it")
            rebuild(library.database)
            warnings = check_library(library, ids, highlights)
        for warning in warnings:
            log(f"  WARNING: {warning}")
        annotate_seconds = time.perf_counter() - annotating
    finally:
        library.close()
    return BuildInfo(
        articles=len(ids),
        pages=pages,
        highlights=highlights,
        notes=notes,
        schema=schema,
        import_seconds=import_seconds,
        annotate_seconds=annotate_seconds,
        build_seconds=time.perf_counter() - began,
        warnings=warnings,
    )


def check_library(library, ids: list[int], highlights: int) -> list[str]:
    """What the public API sees of the bulk rows, in case the store of the day keeps
    something up to date outside its triggers (a highlight count, the search index),
    which the bulk inserts would bypass."""
    warnings = []
    try:
        sample = ids[:: max(1, len(ids) // 50)]
        counted = sum(library.article_summary(i).highlight_count for i in sample)
        made = HIGHLIGHTS_PER_ARTICLE * len(sample)
        if not 0.5 * made < counted < 1.5 * made:
            warnings.append(f"article summaries count {counted} highlights, about {made:.0f} made")
    except Exception as error:
        warnings.append(f"highlight counts not checked ({type(error).__name__}: {error})")
    try:
        # Every note starts with 笔记 (which no article holds); every highlight quotes
        # its article.
        if not library.search.find("笔记", limit=5).notes:
            warnings.append("search finds no notes")
        quote = library.highlights_for_article(ids[-1])[0].exact
        if highlights and not library.search.find(quote, limit=50).highlights:
            warnings.append(f"search finds no highlight of {quote!r}")
    except Exception as error:
        warnings.append(f"search not checked ({type(error).__name__}: {error})")
    return warnings
