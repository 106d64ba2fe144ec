"""Command line of the rights bot: run, chat, search, export, check. `python main.py --help`."""

import sys

try:
    from bot.cli import main
except ModuleNotFoundError as error:  # run with a Python that lacks the project's dependencies
    sys.exit(f"{error.name} is not installed for {sys.executable}. Run `python3 tasks.py run` once "
             "(it creates .venv and installs the project), then use .venv/bin/python main.py ...")

if __name__ == "__main__":
    raise SystemExit(main())
