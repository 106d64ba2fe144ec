"""Command line of the rights bot: run, chat, search, export, check. `python main.py --help`."""

from bot.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
