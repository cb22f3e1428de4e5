"""Reader: turns plain-text Chinese newspaper pages into clean articles you can annotate.

This module must stay importable with the standard library alone: the bootstrap
(`python3 -m reader.dev`) imports it before any dependency is installed.
"""

__version__ = "0.1.0"
