"""`reader parse | import | list | show | highlight | tag | check | recover`: the library
from a terminal.

Argument parsing and printing only; the work is done by `reader.parse` and `Library`.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from reader.article_lines import shown_byline, shown_caption
from reader.cli import (
    EXIT_FAILURES,
    EXIT_OK,
    opened_library,
    positive_int,
    print_json,
    reanchored_summary,
)
from reader.cli.page_commands import misfit_lines
from reader.errors import InputFileError, ReaderError
from reader.store.colors import HIGHLIGHT_COLORS
from reader.store.library import Library
from reader.store.records import (
    ArticleRecord,
    HighlightRecord,
    ImportProgress,
    ImportResult,
    ImportSummary,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the library commands to the `reader` parser."""
    parse = subparsers.add_parser("parse", help="parse a page and print its articles (no database)")
    parse.add_argument("file", metavar="FILE")
    parse.add_argument("--json", action="store_true", help="print the JSON contract")
    parse.set_defaults(run=run_parse)

    import_ = subparsers.add_parser(
        "import",
        help="import pages, web pages (.html, .mhtml), PDF pages, Markdown, folders of "
        "them, and web addresses (http:// or https://, fetched once and kept)",
    )
    import_.add_argument("paths", metavar="PATH|URL", nargs="+")
    import_.set_defaults(run=run_import)

    list_ = subparsers.add_parser("list", help="list the articles in the library")
    list_.add_argument("--json", action="store_true")
    list_.add_argument("--tag", metavar="T", help="only articles with this tag")
    list_.add_argument("--filter", metavar="TEXT", default="", help="title or author contains")
    list_.add_argument("--limit", metavar="N", type=positive_int)
    list_.set_defaults(run=run_list)

    show = subparsers.add_parser("show", help="print an article with its highlights")
    show.add_argument("article", metavar="ARTICLE", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=run_show)

    highlight = subparsers.add_parser("highlight", help="highlight a passage by quoting it")
    highlight.add_argument("article", metavar="ARTICLE", type=int)
    highlight.add_argument("--quote", required=True, metavar="TEXT")
    highlight.add_argument("--occurrence", type=positive_int, default=1, metavar="N")
    highlight.add_argument("--color", default="yellow", choices=HIGHLIGHT_COLORS)
    highlight.add_argument("--note", default="", metavar="TEXT")
    highlight.add_argument("--tag", action="append", default=[], metavar="T", dest="tags")
    highlight.add_argument("--json", action="store_true")
    highlight.set_defaults(run=run_highlight)

    reparse = subparsers.add_parser(
        "reparse",
        help="parse every stored page again with this version's parser, keeping highlights",
    )
    reparse.add_argument(
        "--outdated",
        action="store_true",
        help="only the pages an older version of the parser cut (what an upgrade needs)",
    )
    reparse.set_defaults(run=run_reparse)

    _register_tag(subparsers)
    _register_health(subparsers)


def _register_health(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser(
        "check", help="check the library for damage (read only; exit 1 when damaged)"
    )
    check.set_defaults(run=run_check)
    recover = subparsers.add_parser(
        "recover", help="rescue a damaged library (the damaged file is never written)"
    )
    how = recover.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--from-backup",
        action="store_true",
        help="put the newest healthy rolling backup (backups/ beside the library, "
        "compressed or not) in its place; the damaged file is kept, renamed",
    )
    how.add_argument(
        "--salvage",
        metavar="NEW.db",
        help="copy every readable row into a new library NEW.db",
    )
    recover.set_defaults(run=run_recover)


def _register_tag(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tag = subparsers.add_parser("tag", help="tag articles and highlights; manage tags")
    actions = tag.add_subparsers(dest="tag_action", metavar="ACTION", required=True)
    for name, run, verb in (("add", run_tag_add, "add"), ("remove", run_tag_remove, "remove")):
        sub = actions.add_parser(name, help=f"{verb} a tag on an article or a highlight")
        sub.add_argument("name", metavar="NAME")
        target = sub.add_mutually_exclusive_group(required=True)
        target.add_argument("--article", type=int, metavar="ID")
        target.add_argument("--highlight", type=int, metavar="ID")
        sub.set_defaults(run=run)
    list_ = actions.add_parser("list", help="all tags with their counts")
    list_.add_argument("--json", action="store_true")
    list_.set_defaults(run=run_tag_list)
    rename = actions.add_parser("rename", help="rename a tag")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    rename.set_defaults(run=run_tag_rename)
    merge = actions.add_parser("merge", help="move every use of SRC to DST and delete SRC")
    merge.add_argument("source", metavar="SRC")
    merge.add_argument("target", metavar="DST")
    merge.set_defaults(run=run_tag_merge)
    delete = actions.add_parser("delete", help="delete a tag everywhere")
    delete.add_argument("name", metavar="NAME")
    delete.set_defaults(run=run_tag_delete)


# --- parse ------------------------------------------------------------------------
def run_parse(args: argparse.Namespace) -> int:
    from reader.sources.read import read_source_file

    path = Path(args.file)
    try:
        document = read_source_file(path)  # by its content: a page, web page, PDF…
    except InputFileError as error:
        raise ReaderError(f"{path}: {error}") from error
    page = document.page
    if args.json:
        print_json(page.to_json())
        return EXIT_OK
    read_as = "" if document.kind.value == "text" else f", read as {document.kind.value}"
    print(f"{page.source.path} ({page.source.encoding}{read_as}): {len(page.articles)} article(s)")
    printed = [v for v in (page.page.paper, page.page.date, page.page.number, page.page.name) if v]
    if printed:
        print("page: " + " · ".join(printed))
    for number, article in enumerate(page.articles, 1):
        print()
        print(f"{number}. {article.title}")
        for headline in article.headlines:
            if headline != article.title:
                print(f"   {headline}")
        if article.section:
            print(f"   section: {article.section}")
        if article.dateline:
            where = " ".join(v for v in article.dateline.to_json().values() if v)
            print(f"   dateline: {where}")
        if article.authors:
            names = "、".join(f"{a.name}({a.role})" for a in article.authors)
            print(f"   authors: {names}")
        chars = sum(len(p) for p in article.paragraphs)
        print(f"   {len(article.paragraphs)} paragraph(s), {chars} characters")
        for caption in article.captions:
            print(f"   caption: {caption}")
    return EXIT_OK


# --- import -----------------------------------------------------------------------
def run_import(args: argparse.Namespace) -> int:
    urls = [p for p in args.paths if is_web_address(p)]
    files = [p for p in args.paths if not is_web_address(p)]
    with opened_library(args) as library:
        bar = _ProgressBar(sys.stderr) if sys.stderr.isatty() else None
        summary = library.import_paths(files, progress=bar) if files else ImportSummary()
        if bar is not None:
            bar.finish()
        for url in urls:
            if summary.stopped:
                break
            summary.results.append(library.pages.import_url(url))
    counts = {status: 0 for status in ("imported", "unchanged", "reparsed", "failed")}
    for result in summary.results:
        counts[result.status] = counts.get(result.status, 0) + 1
    print(
        ", ".join(
            f"{status} {count}" for status, count in counts.items() if count or status != "skipped"
        )
    )
    for result in summary.results:
        line = _read_as(result)
        if line:
            print(line)
        if any(o.method != "position" for o in result.reanchored):
            print(f"{result.path}: {reanchored_summary(result.reanchored)}")
    for line in misfit_lines(summary.results):
        print(line, file=sys.stderr)
    for failure in summary.failures:
        print(f"{failure.path}: {failure.reason}", file=sys.stderr)
    if summary.stopped:
        print(
            f"reader: import stopped, {summary.not_attempted} file(s) not imported: "
            f"{summary.stopped}",
            file=sys.stderr,
        )
    return EXIT_OK if summary.ok else EXIT_FAILURES


def is_web_address(text: str) -> bool:
    """Whether an import argument names a web page rather than a file."""
    return text.lower().startswith(("http://", "https://"))


def _read_as(result: ImportResult) -> str:
    """What one file was read as, for the summary (`page.pdf: pdf, 3 article(s)`)."""
    if result.status == "skipped":
        return f"{result.path}: skipped, {result.reason}"
    if result.kind is None:
        return ""
    return f"{result.path}: {result.kind}, {len(result.article_ids)} article(s), {result.status}"


class _ProgressBar:
    """A one-line bar on a terminal; a callable for `Library.import_paths`."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def __call__(self, progress: ImportProgress) -> bool:
        total = max(progress.total, 1)
        filled = self.WIDTH * progress.done // total
        name = Path(progress.current_path).name[:40]
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self._stream.write(f"\r[{bar}] {progress.done}/{progress.total} {name:<40}")
        self._stream.flush()
        return True

    def finish(self) -> None:
        self._stream.write("\r" + " " * (self.WIDTH + 60) + "\r")
        self._stream.flush()


def run_reparse(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        articles_before = library.count_articles()
        bar = _ProgressBar(sys.stderr) if sys.stderr.isatty() else None
        results = library.reparse_all(bar, outdated_only=args.outdated)
        if bar is not None:
            bar.finish()
        articles_after = library.count_articles()
    changed = sum(r.status == "reparsed" for r in results)
    outcomes = [o for r in results for o in r.reanchored]
    print(
        f"{len(results)} page(s) parsed again, {changed} cut differently; "
        f"articles {articles_before} → {articles_after}; {reanchored_summary(outcomes)}"
    )
    for line in misfit_lines(results):
        print(line, file=sys.stderr)
    return EXIT_OK


# --- list / show ------------------------------------------------------------------
def run_list(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        articles = library.list_articles(text_filter=args.filter, tag=args.tag, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "id": a.id,
                    "title": a.title,
                    "authors": a.author_names,
                    "source": a.source_path,
                    "kind": a.origin.kind,
                    "position": a.position,
                    "highlights": a.highlight_count,
                    "read": a.is_read,
                    "imported_at": a.imported_at.isoformat(),
                }
                for a in articles
            ]
        )
        return EXIT_OK
    for a in articles:
        marks = f" [{a.highlight_count} highlight(s)]" if a.highlight_count else ""
        authors = f" — {a.author_names}" if a.author_names else ""
        print(f"{a.id:>6}  {a.title}{authors}{marks}")
    return EXIT_OK


def _highlight_json(h: HighlightRecord) -> dict[str, object]:
    return {
        "id": h.id,
        "article_id": h.article_id,
        "start": h.start,
        "end": h.end,
        "exact": h.exact,
        "prefix": h.prefix,
        "suffix": h.suffix,
        "color": h.color,
        "orphaned": h.orphaned,
        "note": h.note,
        "tags": list(h.tags),
        "created_at": h.created_at.isoformat(),
        "updated_at": h.updated_at.isoformat(),
    }


def _article_json(a: ArticleRecord) -> dict[str, object]:
    return {
        "id": a.id,
        "source": a.source_path,
        # What the source was read as and says about itself (a web page's site…).
        "origin": dataclasses.asdict(a.origin),
        "position": a.position,
        "section": a.section,
        "headlines": list(a.headlines),
        "title": a.title,
        "byline": a.byline,
        "authors": [author.to_json() for author in a.authors],
        "paragraphs": list(a.paragraphs),
        "captions": list(a.captions),
        "tags": list(a.tags),
        "read": a.is_read,
        "highlights": [_highlight_json(h) for h in a.highlights],
    }


def _describe_highlight(h: HighlightRecord) -> str:
    where = "orphaned" if h.orphaned else f"{h.start}–{h.end}"
    line = f"  #{h.id} [{h.color}, {where}] 「{h.exact}」"
    if h.tags:
        line += "  tags: " + ", ".join(h.tags)
    if h.note:
        line += f"\n      note: {h.note}"
    return line


def run_show(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        article = library.get_article(args.article)
    if args.json:
        print_json(_article_json(article))
        return EXIT_OK
    for headline in article.headlines or (article.title,):
        print(headline)
    if article.byline:
        print(shown_byline(article.byline))
    said = [v for v in (article.origin.site, article.origin.published, article.origin.url) if v]
    if said:
        print(" · ".join(said))
    if article.tags:
        print("tags: " + ", ".join(article.tags))
    print()
    for paragraph in article.paragraphs:
        print(paragraph)
    for caption in article.captions:
        print(f"[{shown_caption(caption)}]")
    if article.highlights:
        print()
        print(f"{len(article.highlights)} highlight(s):")
        for h in article.highlights:
            print(_describe_highlight(h))
    return EXIT_OK


# --- highlight / tag --------------------------------------------------------------
def run_highlight(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        start, end = library.find_quote(args.article, args.quote, args.occurrence)
        record = library.add_highlight(
            args.article, start, end, color=args.color, note=args.note, tags=args.tags
        )
    if args.json:
        print_json(_highlight_json(record))
    else:
        print(f"highlight {record.id} added to article {record.article_id}")
        print(_describe_highlight(record))
    return EXIT_OK


def _tag_change(
    args: argparse.Namespace,
    on_article: Callable[[Library, int, str], tuple[str, ...]],
    on_highlight: Callable[[Library, int, str], HighlightRecord],
) -> int:
    with opened_library(args) as library:
        if args.article is not None:
            tags = on_article(library, args.article, args.name)
            target = f"article {args.article}"
        else:
            tags = on_highlight(library, args.highlight, args.name).tags
            target = f"highlight {args.highlight}"
    print(f"{target}: " + (", ".join(tags) if tags else "(no tags)"))
    return EXIT_OK


def run_tag_add(args: argparse.Namespace) -> int:
    return _tag_change(args, Library.tag_article, Library.tag_highlight)


def run_tag_remove(args: argparse.Namespace) -> int:
    return _tag_change(args, Library.untag_article, Library.untag_highlight)


def run_tag_list(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        counts = library.tag_counts()
    if args.json:
        print_json(
            [
                {"name": t.name, "highlights": t.highlight_count, "articles": t.article_count}
                for t in counts
            ]
        )
        return EXIT_OK
    for t in counts:
        print(f"{t.name}\t{t.highlight_count} highlight(s)\t{t.article_count} article(s)")
    return EXIT_OK


def run_tag_rename(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        library.rename_tag(args.old, args.new)
    print(f"renamed tag {args.old.strip()!r} to {args.new.strip()!r}")
    return EXIT_OK


def run_tag_merge(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        result = library.merge_tags(args.source, args.target)
    moved = len(result.added_highlight_ids) + len(result.added_article_ids)
    print(f"merged tag {result.source.name!r} into {result.target!r} ({moved} link(s) moved)")
    return EXIT_OK


def run_tag_delete(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        snapshot = library.delete_tag(args.name)
    uses = len(snapshot.highlight_ids) + len(snapshot.article_ids)
    print(f"deleted tag {snapshot.name!r} (was on {uses} highlight(s) and article(s))")
    return EXIT_OK


# --- check / recover --------------------------------------------------------------
def run_check(args: argparse.Namespace) -> int:
    from reader.store import health
    from reader.store.paths import library_path

    report = health.integrity_report(library_path(args.db))
    for table, count in report.rows.items():
        print(f"{table}\t{count} row(s)")
    if report.ok:
        print(f"{report.path}: ok")
        return EXIT_OK
    print(f"{report.path}: DAMAGED")
    for problem in report.problems:
        print(f"  {problem}")
    print(
        "rescue your work with `reader recover --from-backup` or `reader recover --salvage NEW.db`"
    )
    return EXIT_FAILURES


def run_recover(args: argparse.Namespace) -> int:
    from reader.store import health
    from reader.store.paths import library_path

    path = library_path(args.db)
    if args.from_backup:
        recovery = health.recover_from_backup(path)
        print(f"restored {path} from the backup {recovery.restored_from}")
        if recovery.damaged_kept_as is not None:
            print(f"the damaged library was kept as {recovery.damaged_kept_as}")
        return EXIT_OK
    result = health.salvage(path, Path(args.salvage).expanduser())
    for table, copied in result.copied.items():
        line = f"{table}\t{copied} row(s) copied"
        if result.unreadable[table]:
            line += f", {result.unreadable[table]} unreadable row id(s)"
        if result.dropped[table]:
            line += f", {result.dropped[table]} dropped (their parent row was lost)"
        print(line)
    for table in result.lost_tables:
        print(f"{table}\tcould not be read at all")
    print(f"salvaged into {result.new_path}; open it with `reader --db {result.new_path} …`")
    lost = sum(result.unreadable.values()) + sum(result.dropped.values()) + len(result.lost_tables)
    return EXIT_FAILURES if lost else EXIT_OK
