"""`reader split | merge | retitle | authors | relabel`, and `reader show … --page`:
correcting how a page was cut into articles, from a terminal.

Each command is one correction (`reader.store.operations.corrections`): stored on the
page, so a re-import, a re-parse or an archive restore makes it again.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.cli import EXIT_OK, opened_library, positive_int, print_json
from reader.errors import ReaderError
from reader.parse.model import Author
from reader.store import corrections
from reader.store.library import Library
from reader.store.operations import (
    MergeArticles,
    SetAuthors,
    SetTitle,
    SplitArticle,
    UseLineAs,
)
from reader.store.page_layout import PageLayout
from reader.store.records import ImportResult


@dataclass(frozen=True)
class PageRef:
    """`reader show page:3 --page`: a page named by its id rather than by an article."""

    source_id: int


def article_or_page(value: str) -> int | PageRef:
    """An argparse type: an article id (`12`), or a page id (`page:3`)."""
    text = value.strip()
    is_page = text.lower().startswith("page:")
    number = text[5:] if is_page else text
    if not number.isdigit():
        raise argparse.ArgumentTypeError("must be an article id (12) or a page id (page:3)")
    return PageRef(int(number)) if is_page else int(number)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the page-correction commands, and `--page` to `reader show`."""
    split = subparsers.add_parser("split", help="split an article where a quote starts")
    split.add_argument("article", metavar="ARTICLE", type=int)
    split.add_argument("--at", required=True, metavar="QUOTE", help="the new article starts here")
    split.add_argument("--occurrence", type=positive_int, default=1, metavar="N")
    split.add_argument("--title", metavar="T", help="the new article's title")
    split.set_defaults(run=run_split)

    merge = subparsers.add_parser("merge", help="merge two neighbouring articles of a page")
    merge.add_argument("article", metavar="ARTICLE", type=int)
    merge.add_argument("other", metavar="OTHER", type=int)
    merge.set_defaults(run=run_merge)

    retitle = subparsers.add_parser("retitle", help="give an article another title")
    retitle.add_argument("article", metavar="ARTICLE", type=int)
    retitle.add_argument("--title", required=True, metavar="TEXT")
    retitle.set_defaults(run=run_retitle)

    authors = subparsers.add_parser("authors", help="set an article's authors")
    authors.add_argument("article", metavar="ARTICLE", type=int)
    authors.add_argument(
        "--set",
        required=True,
        nargs="*",
        metavar="NAME:ROLE",
        dest="authors",
        help="each author as name:role (role 记者 when left out); none clears them",
    )
    authors.set_defaults(run=run_authors)

    relabel = subparsers.add_parser(
        "relabel", help="use one of an article's lines as its title, kicker, subtitle …"
    )
    relabel.add_argument("article", metavar="ARTICLE", type=int)
    relabel.add_argument("--line", required=True, metavar="TEXT", help="the whole line")
    relabel.add_argument("--as", required=True, dest="role", choices=corrections.LINE_KINDS)
    relabel.set_defaults(run=run_relabel)

    show = subparsers.choices["show"]
    for action in show._actions:  # `reader show` is library_commands'; --page adds to it
        if action.dest == "article":
            action.type = article_or_page
            action.metavar = "ARTICLE"
    show.add_argument(
        "--page", action="store_true", help="print the article's whole page, cut into articles"
    )
    show.set_defaults(run=_show_with_page(show.get_default("run")))


def misfit_lines(results: Sequence[ImportResult]) -> list[str]:
    """One line per correction a re-import or re-parse could not make again (its text is
    no longer on the page): it was not applied anywhere, and is kept."""
    return [
        f"{result.path}: correction {c.seq} ({c.kind} at “{_short(c.quote)}”) no longer "
        f"fits and was not applied: {c.misfit}"
        for result in results
        for c in result.corrections_not_applied
    ]


def _show_with_page(run_show: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    def run(args: argparse.Namespace) -> int:
        if args.page or isinstance(args.article, PageRef):
            return run_show_page(args)
        return run_show(args)

    return run


def run_split(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        start, _end = library.find_quote(args.article, args.at, args.occurrence)
        new_id = library.apply(SplitArticle(args.article, start, args.title)).value
        new = library.article_summary(new_id)
        print(f"split article {args.article}: new article {new_id} “{new.title}”")
    return EXIT_OK


def run_merge(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        first, second = library.get_article(args.article), library.get_article(args.other)
        if first.source_id != second.source_id or abs(first.position - second.position) != 1:
            raise ReaderError(
                f"articles {args.article} and {args.other} are not next to each other on "
                "one page; `reader show ARTICLE --page` shows a page's articles"
            )
        earlier = first if first.position < second.position else second
        merged = library.apply(MergeArticles(earlier.id, with_next=True)).value
        print(f"merged articles {args.article} and {args.other} into article {merged}")
    return EXIT_OK


def run_retitle(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        library.apply(SetTitle(args.article, args.title))
        print(f"article {args.article} is now titled “{args.title.strip()}”")
    return EXIT_OK


def run_authors(args: argparse.Namespace) -> int:
    try:
        authors = tuple(corrections.parse_authors(args.authors))
    except corrections.NoFit as error:
        raise ReaderError(str(error)) from None
    with opened_library(args) as library:
        library.apply(SetAuthors(args.article, authors))
        print(f"article {args.article}: {_authors_text(authors) or 'no authors'}")
    return EXIT_OK


def run_relabel(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        library.apply(UseLineAs(args.article, args.line, args.role))
        print(f"article {args.article}: “{args.line}” is now its {args.role}")
    return EXIT_OK


def run_show_page(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        layout = _layout(library, args.article)
    if args.json:
        print_json(_layout_json(layout))
    else:
        print(page_text(layout), end="")
    return EXIT_OK


def _layout(library: Library, target: int | PageRef) -> PageLayout:
    if isinstance(target, PageRef):
        return library.pages.layout(target.source_id)
    return library.pages.layout(library.pages.of_article(target))


def page_text(layout: PageLayout) -> str:
    """The page as the articles it was cut into: a rule before each article, each line
    labelled with its role, then the page's corrections."""
    lines = [f"page {layout.source_id}  {layout.path}  ({len(layout.articles)} articles)"]
    for span in layout.articles:
        where = f"raw {span.raw_start}–{span.raw_end}" if span.raw_start >= 0 else "raw ?"
        lines.append(f"──── article {span.article_id} · #{span.position + 1} · {where} ────")
        for headline in span.headlines:
            role = (
                "title"
                if headline == span.title
                else "kicker"
                if headline == span.kicker
                else "subtitle"
                if headline == span.subtitle
                else "headline"
            )
            lines.append(f"  [{role}] {headline}")
        if span.title not in span.headlines:
            lines.append(f"  [title] {span.title}")
        if span.byline:
            lines.append(f"  [byline] {span.byline}")
        if span.authors:
            lines.append(f"  [authors] {_authors_text(span.authors)}")
        lines.extend(f"  | {paragraph}" for paragraph in span.paragraphs)
        lines.extend(f"  [caption] {caption}" for caption in span.captions)
    if layout.corrections:
        lines.append("──── corrections ────")
        for c in layout.corrections:
            state = f"  NOT APPLIED: {c.misfit}" if c.misfit else ""
            value = f" → {c.value}" if c.value else ""
            lines.append(f"  {c.seq}. {c.kind} at “{_short(c.quote)}”{value}{state}")
    return "\n".join(lines) + "\n"


def _layout_json(layout: PageLayout) -> dict[str, Any]:
    return {
        "page": layout.source_id,
        "path": layout.path,
        "articles": [
            {
                "id": s.article_id,
                "position": s.position,
                "title": s.title,
                "kicker": s.kicker,
                "subtitle": s.subtitle,
                "headlines": list(s.headlines),
                "byline": s.byline,
                "authors": [a.to_json() for a in s.authors],
                "paragraphs": list(s.paragraphs),
                "captions": list(s.captions),
                "raw_start": s.raw_start,
                "raw_end": s.raw_end,
            }
            for s in layout.articles
        ],
        "corrections": [
            {"seq": c.seq, "kind": c.kind, "quote": c.quote, "value": c.value, "misfit": c.misfit}
            for c in layout.corrections
        ],
    }


def _short(text: str, limit: int = 20) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _authors_text(authors: tuple[Author, ...]) -> str:
    return "、".join(f"{a.name}（{a.role}）" for a in authors)
