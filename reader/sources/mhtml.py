"""`.mhtml`/`.mht` single-file saves → their HTML part → the web page reader.

A browser's "save as single file" is a MIME message (`multipart/related`): the page is
one part, its pictures others, each labelled with the URL it came from. The standard
library's email parser reads it; pictures are kept as bytes by URL so the page can show
them without fetching anything.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

from reader.errors import InputFileError
from reader.parse.decode import check_size
from reader.sources.document import SourceDocument, SourceKind, source_info
from reader.sources.html import read_html


def read_mhtml(data: bytes, path: str = "") -> SourceDocument:
    """Read a single-file web page save (InputFileError: no HTML part in it)."""
    check_size(len(data))
    message = email.message_from_bytes(data, policy=email.policy.default)
    html_part: bytes | None = None
    location = ""
    images: dict[str, bytes] = {}
    for part in message.walk():
        if part.is_multipart() or not isinstance(part, EmailMessage):
            continue
        content_type = part.get_content_type()
        try:
            payload = part.get_payload(decode=True)
        except (ValueError, LookupError):
            continue  # a damaged part; the page may still be readable
        if not isinstance(payload, bytes):
            continue
        if content_type == "text/html" and html_part is None:
            html_part = _with_declared_charset(payload, part.get_content_charset())
            location = str(part.get("Content-Location", "") or "")
        elif content_type.startswith("image/"):
            images[str(part.get("Content-Location", "") or part.get("Content-ID", ""))] = payload
    if html_part is None:
        raise InputFileError("not a saved web page: the MHTML file holds no HTML part")
    document = read_html(html_part, path, kind=SourceKind.MHTML, url=location, images=images)
    document.raw_bytes = data
    encoding = document.page.source.encoding
    document.page.source = source_info(data, path, encoding)  # the file's, as for any page
    return document


def _with_declared_charset(payload: bytes, charset: str | None) -> bytes:
    """The part's MIME charset wins over guessing: re-encode the HTML as UTF-8 with it."""
    if not charset:
        return payload
    try:
        return payload.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return payload
