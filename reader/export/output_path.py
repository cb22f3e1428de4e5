"""Where an export or a backup may be written, and writing it there without a half-file.

Every command and dialog that writes a file the user named asks `checked_output` first,
before anything is opened: it never allows the open library, its SQLite side files
(`-wal`, `-shm`, `-journal`), one of its rolling backups or any database some program has
open (its side files exist), nor a folder, device or pipe. An existing ordinary file is
replaced only when the caller says the user agreed (`--force`, or a save dialog that
asked). Files are compared by resolved path and by `os.stat` identity, so a symlink or a
hard link to the library is caught too. Only `stat` is used: opening and closing a file
of the library in its own process would drop SQLite's locks (see STYLE.md).

`replace_atomically` then writes through a temporary file in the target's folder, synced
before it is renamed over the target: a symlink keeps pointing at the new content (its
target is replaced, never the link), and a crash leaves the old file whole.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from reader.errors import ReaderError

#: The files SQLite keeps beside a database while it is open or mid-transaction.
SQLITE_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
#: Temporary files are named `<target>.<random>.partial` until they are complete.
PARTIAL_SUFFIX = ".partial"
#: Mode of a new file; an existing one keeps its own.
NEW_FILE_MODE = 0o644


class UnsafeOutputError(ReaderError):
    """The path names something that must never be written over (the library, a
    database in use, a folder or a device)."""


class OutputExistsError(ReaderError):
    """The path names an existing file and the user has not agreed to replace it."""


def library_files(db_path: Path | str) -> list[Path]:
    """The library file and the side files SQLite keeps beside it."""
    db = Path(db_path).expanduser()
    return [db, *(db.with_name(db.name + suffix) for suffix in SQLITE_SIDE_SUFFIXES)]


def checked_output(
    dest: Path | str,
    db_path: Path | str | None,
    *,
    overwrite: bool,
    protected: Iterable[Path] = (),
) -> Path:
    """The file to write for `dest` (symlinks followed), or UnsafeOutputError /
    OutputExistsError saying why not. `db_path` is the open library, `protected` any
    more files that must be kept (e.g. the library's rolling backups)."""
    shown = str(dest)
    target = _resolved(Path(dest).expanduser(), shown)
    kept = [*(library_files(db_path) if db_path is not None else ()), *protected]
    for path in kept:
        if _same_file(target, path):
            raise UnsafeOutputError(f"{shown} is {_describe(path, db_path)}: choose another file")
    _refuse_database_in_use(target, shown)
    if target.parent.exists() and not target.parent.is_dir():
        raise UnsafeOutputError(f"cannot write {shown}: {target.parent} is not a folder")
    try:
        found = os.stat(target)
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise UnsafeOutputError(f"cannot use {shown}: {error.strerror or error}") from error
    if found is not None:
        if stat.S_ISDIR(found.st_mode):
            raise UnsafeOutputError(f"{shown} is a folder: give a file name inside it")
        if not stat.S_ISREG(found.st_mode):
            raise UnsafeOutputError(f"{shown} is a device or pipe, not a file: give a file name")
        if not overwrite:
            raise OutputExistsError(f"{shown} already exists")
    return target


def partial_beside(target: Path) -> Path:
    """A new empty temporary file in `target`'s folder (made if missing), named after
    it with `PARTIAL_SUFFIX`, so a partial file left by a kill is recognised as one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(
        prefix=f"{target.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent
    )
    os.close(descriptor)
    return Path(name)


def replace_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Let `write` fill a temporary file beside `target` (a resolved path from
    `checked_output`), sync it and rename it over `target`. The temporary file is
    removed if anything fails; OSError is passed on."""
    partial = partial_beside(target)
    try:
        write(partial)
        _sync_file(partial)
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = NEW_FILE_MODE
        os.chmod(partial, mode)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return target


def write_text_atomically(target: Path, text: str) -> Path:
    """`replace_atomically` for UTF-8 text, written as is (no newline translation)."""
    return replace_atomically(
        target, lambda partial: partial.write_text(text, encoding="utf-8", newline="")
    )


def _resolved(path: Path, shown: str) -> Path:
    try:
        return path.resolve()
    except (RuntimeError, OSError) as error:  # a symlink loop (RuntimeError before 3.13)
        raise UnsafeOutputError(f"cannot use {shown}: a symbolic link loop") from error


def _same_file(target: Path, other: Path) -> bool:
    """Same resolved path, or the same file reached by another name (hard link)."""
    try:
        if target == other.expanduser().resolve():
            return True
    except (RuntimeError, OSError):
        return False
    try:
        return os.path.samefile(target, other)
    except OSError:  # one of them does not exist
        return False


def _describe(path: Path, db_path: Path | str | None) -> str:
    if db_path is not None:
        db = Path(db_path).expanduser()
        if path == db:
            return "the open library"
        if path.name.startswith(db.name) and path.parent == db.parent:
            return "a file SQLite keeps beside the open library"
    return f"a backup of the library ({path.name})"


_SIDE_FILE = re.compile("(.*)(" + "|".join(SQLITE_SIDE_SUFFIXES) + ")$")


def _refuse_database_in_use(target: Path, shown: str) -> None:
    """A database with side files beside it is open in some program (or was left so by
    a crash): neither it nor its side files may be replaced."""
    side = _SIDE_FILE.match(target.name)
    if side and target.with_name(side.group(1)).exists():
        raise UnsafeOutputError(
            f"{shown} belongs to the database {side.group(1)}, which may be in use: "
            "choose another file"
        )
    for suffix in SQLITE_SIDE_SUFFIXES:
        if target.with_name(target.name + suffix).exists():
            raise UnsafeOutputError(
                f"{shown} is a database in use ({target.name}{suffix} exists beside it): "
                "choose another file"
            )


def _sync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible on every platform."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
