#!/usr/bin/env python3
"""The two quick-start commands. Each sets itself up: a .venv with the project installed.

    python3 tasks.py run     run the bot (the console chat when TELEGRAM_BOT_TOKEN is unset)
    python3 tasks.py test    run the whole test suite
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".installed"


def ensure_venv() -> None:
    """Create .venv and install the project with its dev extra, again only when pyproject changes."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PYTHON.exists():
        print("Creating .venv ...", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    print("Installing dependencies ...", file=sys.stderr)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "-q", "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(wanted)


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        print(__doc__)
        return 2
    ensure_venv()
    if sys.argv[1] == "run":
        command = [str(PYTHON), str(ROOT / "main.py"), "run", *sys.argv[2:]]
    else:
        command = [str(PYTHON), "-m", "pytest", *sys.argv[2:]]
    return subprocess.call(command, cwd=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
