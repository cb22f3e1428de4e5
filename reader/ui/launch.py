"""The app's entry points (`reader-app`, `python -m reader.ui`), kept apart from the app.

A large import parses its pages in spawned worker processes (`reader.store.page_reading`),
and a spawned process first imports the main module of the program that started it. Were
that `reader.ui.app`, every worker would load Qt and the window's code to parse text
(91 MB against 42 MB a worker, measured). A program whose main module is this one, or a
package's `__main__` (which spawned processes never import), loads the app only when it
runs."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    from reader.ui.app import main as run_app

    return run_app(argv)
