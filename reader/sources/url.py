"""Fetch a web page the user asked for: the only code in `reader` that uses the network.

Reading a page never fetches anything (not its images, not its links); only an explicit
"import this URL" downloads, once, and keeps the bytes so the article can be parsed
again later without the network.
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader import __version__
from reader.errors import InputFileError
from reader.parse.decode import MAX_PAGE_BYTES
from reader.sources.document import SourceDocument, SourceKind

#: Long enough for a slow news site, short enough that a dead one does not hang an import.
DEFAULT_TIMEOUT_SECONDS = 20.0
_CHUNK = 65536


@dataclass(frozen=True)
class Download:
    """What a server sent: the body as it came, the URL after redirects, its type."""

    body: bytes
    final_url: str
    content_type: str


def fetch_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    max_bytes: int = MAX_PAGE_BYTES,
) -> Download:
    """Download `url` (http or https only). InputFileError with a plain reason when it
    cannot be had: offline, no such host, refused, timed out, an HTTP error, too large."""
    not_an_address = InputFileError(
        f"not a web address: {url!r} (it must start with http:// or https://)"
    )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port that is not a number raises ValueError here
        request = urllib.request.Request(
            url, headers={"User-Agent": f"reader/{__version__}", "Accept": "text/html,*/*"}
        )
    except ValueError:
        raise not_an_address from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise not_an_address
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(int(declared), max_bytes)
            body = bytearray()
            while chunk := response.read(_CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise _too_large(len(body), max_bytes)
            if declared and declared.isdigit() and len(body) < int(declared):
                raise InputFileError(
                    f"the download of {url} was cut off ({len(body):,} of {int(declared):,} "
                    "bytes); nothing was imported, try again"
                )
            return Download(bytes(body), response.geturl(), response.headers.get_content_type())
    except urllib.error.HTTPError as error:
        raise InputFileError(f"the server answered {error.code} {error.reason} for {url}") from None
    except urllib.error.URLError as error:
        raise InputFileError(_network_reason(error.reason, url)) from None
    except TimeoutError:
        raise InputFileError(f"timed out after {timeout:g} s waiting for {url}") from None
    except (http.client.HTTPException, ValueError) as error:
        # Not HTTP at all (another service on that port), or an address urllib cannot use.
        raise InputFileError(f"could not download {url}: {error or type(error).__name__}") from None
    except OSError as error:
        raise InputFileError(f"could not download {url}: {error.strerror or error}") from None


def read_url(url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> SourceDocument:
    """Fetch a page and read it as a web page (or a PDF, when the URL serves one); the
    document's kind is URL, its raw bytes the download, its metadata's url the final one."""
    from reader.sources.read import read_source  # read imports every reader; so does this

    download = fetch_url(url, timeout=timeout)
    document = read_source(download.body, download.final_url)
    document.kind = SourceKind.URL
    document.metadata.setdefault("url", download.final_url)
    return document


def _too_large(size: int, limit: int) -> InputFileError:
    return InputFileError(
        f"too large: the page is over {size / 1048576:.1f} MiB "
        f"(a page may be at most {limit // 1048576} MiB)"
    )


def _network_reason(reason: object, url: str) -> str:
    host = urlsplit(url).hostname or url
    if isinstance(reason, socket.gaierror):
        return f"cannot reach {host}: no such host, or this computer is offline"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"timed out waiting for {host}"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    return f"cannot reach {host}: {getattr(reason, 'strerror', None) or reason}"
