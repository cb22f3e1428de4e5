"""`reader search QUERY [--json] [--limit N] [--kind KIND]`: the search box on the shell."""

from __future__ import annotations

import argparse

from reader.cli import opened_library, positive_int, print_json
from reader.search.engine import SearchHit, SearchResults, marked_snippet, search

_KIND_OF = {"notes": "note", "highlights": "highlight", "articles": "article"}
_HEADINGS = (("notes", "Notes"), ("highlights", "Highlights"), ("articles", "Articles"))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search notes, highlights and articles",
        description=(
            'Terms must all match; "a phrase"; -word excludes; filters tag:NAME, '
            "color:COLOR, in:notes|highlights|articles, author:NAME, before:DATE, after:DATE."
        ),
    )
    parser.add_argument("query", metavar="QUERY", nargs="+", help="what to look for")
    parser.add_argument("--json", action="store_true", help="print a JSON list of hits")
    parser.add_argument(
        "--limit", type=positive_int, default=20, metavar="N", help="hits per kind (20)"
    )
    parser.add_argument("--kind", choices=tuple(_KIND_OF), help="only this kind of hit")
    parser.set_defaults(run=run_search)


#: The options of `reader search` that take a value (the next argument, or `=VALUE`).
_VALUED_OPTIONS = ("--limit", "--kind")


def query_terms_last(args: list[str]) -> list[str]:
    """The arguments after `search`, rearranged so that a query term starting with one
    `-` (`-会议`: exclude a word) is read as the query, not refused as an unknown option:
    the options first, then `--`, then every query term in its order. Double-dash
    arguments stay options (argparse names a mistyped one); after a `--` of the user's
    own everything is query already."""
    options: list[str] = []
    terms: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            terms.extend(rest)
            break
        if arg in _VALUED_OPTIONS:
            options.append(arg)
            value = next(rest, None)
            if value is not None:
                options.append(value)
            continue
        if arg.startswith("--") or arg in ("-h",):
            options.append(arg)
        else:
            terms.append(arg)
    return [*options, "--", *terms] if terms else options


def hit_json(hit: SearchHit) -> dict[str, object]:
    """The JSON form of one hit (the --json contract)."""
    data: dict[str, object] = {
        "kind": hit.kind,
        "article_id": hit.article_id,
        "highlight_id": hit.highlight_id,
        "title": hit.title,
        "text": hit.text,
        "snippet": hit.snippet,
        "score": round(hit.score, 6),
        "start": hit.start,
        "end": hit.end,
    }
    if hit.kind == "highlight":
        data["quote"] = hit.text
    elif hit.kind == "note":
        data["note"] = hit.text
    if hit.color is not None:
        data["color"] = hit.color
    return data


def _selected(results: SearchResults, kind: str | None) -> list[tuple[str, tuple[SearchHit, ...]]]:
    groups = [(name, getattr(results, name)) for name, _ in _HEADINGS]
    return [(name, hits) for name, hits in groups if kind is None or name == kind]


def run_search(args: argparse.Namespace) -> int:
    text = " ".join(args.query)
    with opened_library(args) as library:
        results = search(library, text, limit=args.limit)
    groups = _selected(results, args.kind)
    if args.json:
        print_json([hit_json(hit) for _, group in groups for hit in group])
        return 0
    headings = dict(_HEADINGS)
    if not any(group for _, group in groups):
        print(f"no results for {text}")
        return 0
    for name, group in groups:
        if not group:
            continue
        print(f"{headings[name]} ({len(group)})")
        for hit in group:
            where = f"#{hit.article_id}" + (f" h{hit.highlight_id}" if hit.highlight_id else "")
            print(f"  {where} {hit.title}")
            print(f"    {marked_snippet(hit)}")
    return 0
