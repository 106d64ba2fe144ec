"""Anonymous usage counts in SQLite: per day, language, event and card. Never who, never what was typed."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

import sqlite_utils

log = logging.getLogger(__name__)
TABLE = "counts"
EVENTS = {"menu", "start", "topic", "card", "search_answered", "search_unanswered", "deep_link",
          "inline_shared", "languages", "help", "about", "privacy", "unsupported", "small_talk", "error"}
SMALL = 5  # counts below this are shown as "<5"
DEFAULT_PATH = "data/usage.sqlite"


def stats_path() -> Path:
    return Path(os.environ.get("RIGHTS_BOT_STATS_DB", DEFAULT_PATH))


class UsageCounter:
    """Adds one to a (day, lang, event, card) count. Works without a database: it then counts nothing."""

    def __init__(self, path: Path | str | None = None):
        self.db: sqlite_utils.Database | None = None
        try:
            path = Path(path or stats_path())
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite_utils.Database(path)
            if TABLE not in self.db.table_names():
                self.db[TABLE].create(
                    {"day": str, "lang": str, "event": str, "card": str, "n": int},
                    pk=("day", "lang", "event", "card"),
                )
        except (OSError, sqlite3.Error) as error:
            log.warning("usage counts are off: %s", type(error).__name__)
            self.db = None

    def add(self, lang: str, event: str, card_id: str | None = None, day: dt.date | None = None) -> None:
        if self.db is None or event not in EVENTS:
            return
        key = ((day or dt.date.today()).isoformat(), lang[:3], event, card_id or "")
        try:
            self.db.execute(
                f"INSERT INTO {TABLE} (day, lang, event, card, n) VALUES (?, ?, ?, ?, 1) "
                "ON CONFLICT(day, lang, event, card) DO UPDATE SET n = n + 1",
                key,
            )
            self.db.conn.commit()
        except sqlite3.Error as error:  # read-only or locked: the bot goes on answering
            log.warning("could not count usage: %s", type(error).__name__)


def shown(n: int) -> str | int:
    return f"<{SMALL}" if n < SMALL else n


def summary(path: Path | str, since: str | None = None) -> dict:
    """Per language: most viewed cards and the unanswered-search rate."""
    db = sqlite_utils.Database(path)
    if TABLE not in db.table_names():
        return {}
    where, params = ("WHERE day >= ?", [since]) if since else ("", [])
    report: dict = {}
    for row in db.query(f"SELECT lang, event, card, SUM(n) AS n FROM {TABLE} {where} GROUP BY lang, event, card", params):
        lang = report.setdefault(row["lang"], {"cards": {}, "answered": 0, "unanswered": 0})
        if row["event"] in {"card", "deep_link", "search_answered"} and row["card"]:
            lang["cards"][row["card"]] = lang["cards"].get(row["card"], 0) + row["n"]
        if row["event"] == "search_answered":
            lang["answered"] += row["n"]
        if row["event"] == "search_unanswered":
            lang["unanswered"] += row["n"]
    result = {}
    for code, data in sorted(report.items()):
        searches = data["answered"] + data["unanswered"]
        top = sorted(data["cards"].items(), key=lambda kv: -kv[1])[:10]
        result[code] = {
            "top_cards": [{"card": c, "views": shown(n)} for c, n in top],
            "searches": shown(searches),
            "unanswered_rate": round(data["unanswered"] / searches, 2) if searches >= SMALL else None,
        }
    return result
