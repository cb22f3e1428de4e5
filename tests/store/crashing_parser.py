"""A parser that kills the worker process parsing a page holding `CRASH` (as a reader
crashing in C, or the system ending a process out of memory, would); any other page is
parsed as usual. Imported by the import's worker processes, by name."""

from __future__ import annotations

import os

from reader.store import page_reading

CRASH = "CRASH"
_parse = page_reading.parse_document


def parse_document(data: bytes, path: str) -> page_reading.ReadPage | str:
    if CRASH.encode() in data:
        os._exit(70)
    return _parse(data, path)


def parse_documents(
    pages: list[tuple[bytes, str]], tokenize: page_reading.Tokenize | None = None
) -> list[page_reading.ReadPage | str]:
    reads = [parse_document(data, path) for data, path in pages]
    return [
        read
        if isinstance(read, str) or tokenize is None
        else page_reading.with_tokens(read, tokenize)
        for read in reads
    ]


def no_worker_starts() -> None:
    """A worker initializer that ends the process, as any worker of a program whose main
    script starts an import unguarded ends."""
    os._exit(71)
