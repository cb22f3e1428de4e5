"""The README's two commands: `python3 -m reader.dev start` and `python3 -m reader.dev test`.

Each one sets everything up on a fresh machine (a virtual environment in `.venv` with the
project installed in editable mode and its test extras) and then does its job. Standard
library only: it runs before any dependency exists. Re-installing is skipped while
`pyproject.toml` is unchanged, so the second run starts at once.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import venv
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
VENV_DIR = REPO_ROOT / ".venv"
STAMP = VENV_DIR / ".reader-installed"

QT_LINUX_HINT = """\
Qt could not start. On Debian/Ubuntu the libraries Qt needs come from:
  sudo apt-get install libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 \\
      libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \\
      libxcb-shape0 fonts-noto-cjk
"""


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV_DIR / scripts / ("python.exe" if os.name == "nt" else "python")


def ensure_environment() -> Path:
    """Create `.venv` and install the project into it unless it is already current."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before the check pip makes
        sys.exit(f"reader needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print(f"Creating a virtual environment in {VENV_DIR} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV_DIR)
    wanted = hashlib.sha256((REPO_ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return python
    print("Installing reader and its dependencies (first run only) …", flush=True)
    subprocess.run(
        [
            *(str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"),
            *("--editable", f"{REPO_ROOT}[test]"),
        ],
        check=True,
    )
    STAMP.write_text(wanted)
    return python


def app_arguments(extra: list[str]) -> list[str]:
    """The app's arguments for `start EXTRA…`: the sample library unless EXTRA names a
    library with `--db` (the README promises the arguments go to the app)."""
    names_a_library = any(arg == "--db" or arg.startswith("--db=") for arg in extra)
    return extra if names_a_library else ["--sample-library", *extra]


def start(extra: list[str]) -> int:
    """Launch the app on the sample library (created and filled on the first run), or
    on the library `--db PATH` names."""
    python = ensure_environment()
    result = subprocess.run([str(python), "-m", "reader.ui", *app_arguments(extra)])
    # Qt aborts when no platform plugin loads (missing system libraries); any other
    # exit already said what went wrong.
    if result.returncode == -signal.SIGABRT and sys.platform.startswith("linux"):
        print(QT_LINUX_HINT, file=sys.stderr)
    return result.returncode


def test(extra: list[str]) -> int:
    """Lint and type-check, then run the whole test suite headless (Qt's offscreen
    platform). mypy reads what to check, and how strictly, from pyproject.toml."""
    python = ensure_environment()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    checks = (["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"])
    for command in checks:
        if subprocess.run([str(python), "-m", *command], cwd=REPO_ROOT, env=env).returncode:
            return 1
    pytest = [str(python), "-m", "pytest", *extra]
    return subprocess.run(pytest, cwd=REPO_ROOT, env=env).returncode


def main(argv: list[str]) -> int:
    commands = {"start": start, "test": test}
    if not argv or argv[0] not in commands:
        print("usage: python3 -m reader.dev start|test [arguments passed on]", file=sys.stderr)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
