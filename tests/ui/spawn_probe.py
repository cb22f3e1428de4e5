"""Run in a spawned worker by `test_launch.py`: what the worker process has loaded."""

import sys


def qt_loaded() -> bool:
    return "PySide6" in sys.modules
