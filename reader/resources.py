"""Where the project's own files (sample pages, icons, translations) live.

They sit in the repository's top-level `resources/`, beside the package; the app is
installed in editable mode by the bootstrap, so this path is always present.
"""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
SAMPLES_DIR = RESOURCES_DIR / "samples"
ICONS_DIR = RESOURCES_DIR / "icons"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"


def sample_pages() -> list[Path]:
    """The sample newspaper pages shipped with the project, in a stable order."""
    return sorted(SAMPLES_DIR.glob("*.txt"))
