"""The readers are core code: no Qt, and the source model loads without the HTML and PDF
libraries (the store imports it at start-up)."""

from __future__ import annotations

import subprocess
import sys

_CHECK = """
import sys
import reader.sources.document
assert "trafilatura" not in sys.modules and "pypdfium2" not in sys.modules, "model loads readers"
from reader.sources import read_source, read_url, read_pasted
assert not any(name.startswith("PySide6") for name in sys.modules), "a reader imports Qt"
"""


def test_source_model_is_light_and_readers_are_qt_free() -> None:
    result = subprocess.run([sys.executable, "-c", _CHECK], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
