"""Bytes → text: encoding detection and the checks that reject files we cannot read.

Order matters for speed and certainty: byte-order marks first, then strict UTF-8 (fast
and, when it succeeds on non-ASCII text, practically never wrong), then charset-normalizer.
Short GBK texts are ambiguous for any detector (a few bytes decode as Korean, Japanese or
Big5 too); the pages are mainland Chinese papers, so a GB reading that the detector
considered plausible wins over its other guesses.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from reader.errors import InputFileError

#: Larger files are not newspaper pages; refusing them keeps the app responsive.
MAX_PAGE_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB_FAMILY = {"gb18030", "gbk", "gb2312", "hz"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.05


def check_size(size: int) -> None:
    """Raise InputFileError when a file of `size` bytes is too large to be a page."""
    if size > MAX_PAGE_BYTES:
        raise InputFileError(
            f"too large: {size / 1048576:.1f} MiB (a page may be at most "
            f"{MAX_PAGE_BYTES // 1048576} MiB)"
        )


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a page file. Returns (text, encoding name); the text keeps its line ends.

    Raises InputFileError (empty, binary, undecodable, too large) with a reason a person
    can act on.
    """
    check_size(len(data))
    text, encoding = _decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputFileError("empty: the file contains no text")
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > _MAX_CONTROL_SHARE * min(len(text), 65536):
        raise InputFileError("binary: the file is not plain text")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputFileError(f"undecodable: invalid {encoding} ({error.reason})") from None
    if not data.strip():
        raise InputFileError("empty: the file contains no text")
    if b"\x00" in data:
        raise InputFileError("binary: the file contains NUL bytes (not plain text)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputFileError("undecodable: no known text encoding fits (binary file?)")
    names = [_codec_name(m.encoding) for m in matches]
    chosen = _codec_name(best.encoding)
    if any(name in _GB_FAMILY for name in names):
        chosen = "gb18030"
    if chosen in _GB_FAMILY:
        chosen = "gb18030"  # the superset: decodes every GBK/GB2312 file and more
    try:
        return data.decode(chosen), chosen
    except (UnicodeDecodeError, LookupError):
        return str(best), _codec_name(best.encoding)


def _codec_name(name: str) -> str:
    return codecs.lookup(name).name.replace("_", "-")
