"""Rolling backups stored compressed: a gzip file that also says which library state it holds.

A rolling backup is an SQLite copy of the library (made with SQLite's online backup API,
never by reading the library file) compressed into `<name>.db.gz`. It is an ordinary gzip
file: `gunzip -k` gives back the library file, byte for byte the copy SQLite made. Its
header carries, in a gzip extra field (RFC 1952 2.3.1.1, subfield `RB`) that gzip tools
skip, the copy's schema version and change token (`backup.library_state`), so the next
start knows whether the library changed since without decompressing anything.

Compression streams in chunks and asks `stop()` between them, so quitting the app never
waits for a large library to be compressed: the half-written file is left as a
`.partial` and removed at the next start.
"""

from __future__ import annotations

import gzip
import struct
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from reader.errors import ReaderError

COMPRESSED_SUFFIX = ".gz"
#: zlib level 1: about 3× smaller than the library at over 100 MB/s on one core; level 6
#: saves a few percent more at several times the time (tests/perf/bench_backup.py).
COMPRESS_LEVEL = 1
CHUNK_BYTES = 1 << 20
_SUBFIELD_ID = b"RB"
_STATE_FORMAT = ">I16s"  # schema version, change token
_GZIP_MAGIC = b"\x1f\x8b"
_FLAG_EXTRA = 0x04
_OS_UNKNOWN = 255


class BackupStopped(ReaderError):
    """The app is quitting: the copy was abandoned (its temporary file is removed, or left
    as a `.partial` for the next start to remove)."""


LibraryState = tuple[int, bytes]


def compress_copy(
    copy: Path, dest: Path, state: LibraryState | None, stop: Callable[[], bool] = lambda: False
) -> None:
    """Write `copy` (an SQLite copy of the library, never the library itself) gzip-
    compressed to `dest`, recording `state` in the header. BackupStopped when `stop()`
    turns true between two chunks."""
    compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    crc = 0
    size = 0
    with open(copy, "rb") as source, open(dest, "wb") as out:
        out.write(_header(state))
        while chunk := source.read(CHUNK_BYTES):
            if stop():
                raise BackupStopped("the backup was stopped")
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
            out.write(compressor.compress(chunk))
        out.write(compressor.flush())
        out.write(struct.pack("<II", crc, size & 0xFFFFFFFF))


def _header(state: LibraryState | None) -> bytes:
    """A gzip member header with the library state in an extra field (empty when the
    copy cannot tell its state: the next start then makes a new copy)."""
    data = b"" if state is None else struct.pack(_STATE_FORMAT, state[0], state[1][:16])
    subfield = _SUBFIELD_ID + struct.pack("<H", len(data)) + data
    return (
        _GZIP_MAGIC
        + bytes([zlib.DEFLATED, _FLAG_EXTRA])
        + struct.pack("<I", int(time.time()))
        + bytes([0, _OS_UNKNOWN])
        + struct.pack("<H", len(subfield))
        + subfield
    )


def stored_state(path: Path) -> LibraryState | None:
    """The library state a compressed backup holds, read from its header only; None when
    the file is not one (or is damaged there)."""
    try:
        with open(path, "rb") as file:
            head = file.read(12)
            if len(head) < 12 or head[:2] != _GZIP_MAGIC or not head[3] & _FLAG_EXTRA:
                return None
            (extra_length,) = struct.unpack("<H", head[10:12])
            extra = file.read(extra_length)
    except OSError:
        return None
    while len(extra) >= 4:
        length = struct.unpack("<H", extra[2:4])[0]
        data = extra[4 : 4 + length]
        if extra[:2] == _SUBFIELD_ID and len(data) == struct.calcsize(_STATE_FORMAT):
            version, token = struct.unpack(_STATE_FORMAT, data)
            return int(version), bytes(token)
        extra = extra[4 + length :]
    return None


def expand(path: Path, dest: Path) -> None:
    """Decompress a compressed backup into `dest` (a new file: the restored library).
    ReaderError when the file is damaged or cut short."""
    try:
        with gzip.open(path, "rb") as source, open(dest, "wb") as out:
            while chunk := source.read(CHUNK_BYTES):
                out.write(chunk)
    except (OSError, EOFError, zlib.error) as error:
        dest.unlink(missing_ok=True)
        raise ReaderError(f"the backup {path.name} cannot be read: {error}") from error
