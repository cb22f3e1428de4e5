"""Bringing a JSON archive (`web_annotation`) into a library, possibly not empty: this
module reads the file and checks it against ARCHIVE.md; the rows are written by the
store (`library.archive.restore`, see `reader.store.restore` for what it promises), in
one write transaction, so a bad archive changes nothing.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.store.library import Library
from reader.store.restore import RestoreResult as RestoreResult  # its result, for callers

from .archive_schema import SHOWN_PROBLEMS, archive_problems
from .web_annotation import FORMAT_NAME, FORMAT_VERSION

#: How deeply an archive nests: {"annotations": [{"target": {"selector": [{…}]}}]}.
ARCHIVE_NESTING = 5
#: Refused before parsing: room for unknown extra fields, far from exhausting recursion.
MAX_NESTING = 64
#: A JSON string (its brackets are text), and anything that is not a bracket.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class ArchiveError(ReaderError):
    """The file is not a reader archive this version can read."""


def load_archive(path: Path | str) -> dict[str, Any]:
    """Read and check an archive file: ArchiveError when it is unreadable, not JSON, not
    ours, a newer version, or not valid against ARCHIVE.md (the first problems named)."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ArchiveError(f"cannot read {shown}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise ArchiveError(f"{shown} is not a reader archive (not UTF-8 text)") from error
    data: dict[str, Any] = parse_archive_json(text, shown)
    check_archive(data, shown)  # a dict from here on
    return data


def parse_archive_json(text: str, shown: str = "the file") -> Any:
    """JSON as the archive format allows it: no NaN or Infinity (Python's json reads
    them, SQLite cannot store them), no number too large for a float, and no nesting
    deeper than the format's own, checked before parsing (a deeply nested file would
    exhaust the parser's recursion)."""
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise ArchiveError(
            f"{shown} is not a reader archive (its JSON is nested {depth} levels deep; "
            f"an archive needs {ARCHIVE_NESTING})"
        )
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        raise ArchiveError(f"{shown} is not a reader archive (not JSON text: {error})") from error
    except ValueError as error:  # a refused number, or an integer of thousands of digits
        raise ArchiveError(
            f"{shown} is not a valid reader archive ({error}); nothing was imported"
        ) from error


def nesting_depth(text: str) -> int:
    """How deeply the JSON text's arrays and objects nest (brackets inside strings do
    not count), without parsing it: regular expressions and `accumulate` run in C."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(itertools.accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)


def check_archive(data: Any, shown: str = "the file") -> None:
    """ArchiveError unless `data` is a reader archive of a version this program reads
    that is valid against ARCHIVE.md; names the first few problems."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ArchiveError(f'{shown} is not a reader archive (no "format": "{FORMAT_NAME}")')
    version = data.get("version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise ArchiveError(
            f"{shown} is archive version {version}; this reader reads up to version "
            f"{FORMAT_VERSION}: update the program"
        )
    problems = archive_problems(data)
    if problems:
        listed = problems[:SHOWN_PROBLEMS]
        if len(problems) > len(listed):
            listed.append("… and more")
        raise ArchiveError(
            f"{shown} is not a valid reader archive; nothing was imported:\n  "
            + "\n  ".join(listed)
        )


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number an archive may hold")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:40]} is too large a number")
    return value


def restore_archive(library: Library, archive: dict[str, Any] | Path | str) -> RestoreResult:
    """Import the archive (a loaded dict or a file path) into `library`."""
    if not isinstance(archive, dict):
        archive = load_archive(archive)
    else:
        check_archive(archive)
    try:
        return library.archive.restore(archive)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ArchiveError(f"the archive is damaged or incomplete: {error!r}") from error
