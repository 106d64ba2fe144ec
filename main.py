"""Command line of the rights bot: run, chat, search, export, check. `python main.py --help`."""

import os
import subprocess
import sys
from pathlib import Path


def _in_project_venv(missing: str) -> None:
    """A Python without the project's dependencies (a system Python): set up .venv once, as the
    quick start does, and run the same command there."""
    from tasks import PYTHON, ensure_venv

    if Path(sys.executable).absolute() == PYTHON.absolute():  # .venv itself lacks them: say so, never loop
        sys.exit(f"{missing} is not installed in {PYTHON}. Run `python3 tasks.py run` once to install it.")
    print(f"{missing} is not installed for {sys.executable}: using .venv ({PYTHON}).", file=sys.stderr)
    try:
        ensure_venv()
    except (OSError, subprocess.CalledProcessError) as failure:
        sys.exit(f"Could not set up .venv ({failure}). Run `python3 tasks.py run` once (it creates .venv and "
                 "installs the project), then use .venv/bin/python main.py ...")
    os.execv(PYTHON, [str(PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]])


try:
    from bot.cli import main
except ModuleNotFoundError as error:  # run with a Python that lacks the project's dependencies
    _in_project_venv(error.name)

if __name__ == "__main__":
    raise SystemExit(main())
