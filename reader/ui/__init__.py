"""The desktop app (PySide6). Nothing outside this package imports Qt.

Importing the package guards against a reference-counting fault of PySide6 6.12 on
Python 3.11: its void methods return `None` without taking a reference (harmless on
3.12+, where None is immortal, PEP 683). On 3.11 every such call lowers None's count,
and after a few thousand calls Python aborts with "deallocating None". When the fault
is detected, None's count is raised far out of reach, which is what 3.12 does anyway.
"""

from __future__ import annotations

import ctypes
import sys


def _guard_none_refcount() -> None:
    if sys.version_info >= (3, 12):
        return
    from PySide6.QtGui import QColor

    probe = QColor()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setAlpha(1)
    if sys.getrefcount(None) < before:
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_guard_none_refcount()
