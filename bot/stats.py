"""Anonymous usage counts in SQLite: per day, language, event and card. Never who, never what was typed."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
from collections import Counter
from contextlib import closing
from pathlib import Path

import sqlite_utils

log = logging.getLogger(__name__)
TABLE = "counts"
EVENTS = {"menu", "start", "topic", "card", "search_answered", "search_unanswered", "deep_link",
          "inline_shared", "languages", "help", "about", "privacy", "unsupported", "small_talk", "error",
          "more", "unknown_command", "bad_link", "helpful", "not_helpful",
          "not_covered"}  # a search about a topic no card answers: its name (search.toml) in the card column
SMALL = 5  # counts below this are shown as "<5"
DEFAULT_PATH = "data/usage.sqlite"


def stats_path() -> Path:
    return Path(os.environ.get("RIGHTS_BOT_STATS_DB", DEFAULT_PATH))


class UsageCounter:
    """Adds one to a (day, lang, event, card) count. Works without a database: it then counts nothing.

    Counting is a dictionary update in memory; a thread writes the counts to SQLite every few seconds
    (`flush_every`), so no update waits on a disk write, and `close()` writes what is left (the bot
    calls it on shutdown, SIGTERM included).
    """

    def __init__(self, path: Path | str | None = None, flush_every: float = 5.0):
        self.path: Path | None = None
        self._pending: Counter[tuple[str, str, str, str]] = Counter()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        try:
            path = Path(path or stats_path())
            path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(path)) as conn:
                db = sqlite_utils.Database(conn)
                if TABLE not in db.table_names():
                    db[TABLE].create(
                        {"day": str, "lang": str, "event": str, "card": str, "n": int},
                        pk=("day", "lang", "event", "card"),
                    )
            self.path = path
        except (OSError, sqlite3.Error) as error:
            log.warning("usage counts are off: %s", type(error).__name__)
            return
        self._thread = threading.Thread(target=self._flush_now_and_then, args=(flush_every,), daemon=True,
                                        name="usage-counts")
        self._thread.start()

    @property
    def db(self) -> sqlite_utils.Database | None:
        """The counts on disk, for reading (what is still in memory is not there yet: `flush()` first)."""
        return sqlite_utils.Database(self.path) if self.path else None

    def add(self, lang: str, event: str, card_id: str | None = None, day: dt.date | None = None) -> None:
        if self.path is None or event not in EVENTS:
            return
        key = ((day or dt.date.today()).isoformat(), lang[:3], event, card_id or "")
        with self._lock:
            self._pending[key] += 1

    def flush(self) -> None:
        """Write the counts held in memory, in one transaction."""
        with self._lock:
            batch, self._pending = self._pending, Counter()
        if not batch or self.path is None:
            return
        try:
            with closing(sqlite3.connect(self.path, timeout=10)) as conn, conn:
                conn.executemany(
                    f"INSERT INTO {TABLE} (day, lang, event, card, n) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(day, lang, event, card) DO UPDATE SET n = n + excluded.n",
                    [(*key, n) for key, n in batch.items()],
                )
        except sqlite3.Error as error:  # read-only or locked: the bot goes on answering
            log.warning("could not write %d usage counts: %s", sum(batch.values()), type(error).__name__)

    def close(self) -> None:
        """Stop the writer and write what is left."""
        self._stop.set()
        thread = getattr(self, "_thread", None)
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=30)
        self.flush()

    def _flush_now_and_then(self, every: float) -> None:
        while not self._stop.wait(every):
            self.flush()


def shown(n: int) -> str | int:
    return f"<{SMALL}" if n < SMALL else n


def summary(path: Path | str, since: str | None = None) -> dict:
    """Per language: most viewed cards with their 👍 / 👎 counts, the cards people rated, the
    unanswered-search rate, and the topics no card answers that searches were about (search.toml
    `[not_covered]`: what content to add). Every count under 5 shows as "<5"."""
    db = sqlite_utils.Database(path)
    if TABLE not in db.table_names():
        return {}
    where, params = ("WHERE day >= ?", [since]) if since else ("", [])
    report: dict = {}
    for row in db.query(f"SELECT lang, event, card, SUM(n) AS n FROM {TABLE} {where} GROUP BY lang, event, card", params):
        lang = report.setdefault(row["lang"], {"cards": {}, "answered": 0, "unanswered": 0, "helpful": {}, "not_helpful": {},
                                                 "not_covered": {}})
        if row["event"] in {"card", "deep_link", "search_answered"} and row["card"]:
            lang["cards"][row["card"]] = lang["cards"].get(row["card"], 0) + row["n"]
        if row["event"] in {"helpful", "not_helpful", "not_covered"} and row["card"]:
            lang[row["event"]][row["card"]] = lang[row["event"]].get(row["card"], 0) + row["n"]
        if row["event"] == "search_answered":
            lang["answered"] += row["n"]
        if row["event"] == "search_unanswered":
            lang["unanswered"] += row["n"]
    result = {}
    for code, data in sorted(report.items()):
        searches = data["answered"] + data["unanswered"]
        top = sorted(data["cards"].items(), key=lambda kv: -kv[1])[:10]
        up, down = data["helpful"], data["not_helpful"]
        rated = sorted(set(up) | set(down), key=lambda c: -(up.get(c, 0) + down.get(c, 0)))[:10]
        result[code] = {
            "top_cards": [{"card": c, "views": shown(n), "helpful": shown(up.get(c, 0)),
                           "not_helpful": shown(down.get(c, 0))} for c, n in top],
            "feedback": [{"card": c, "helpful": shown(up.get(c, 0)), "not_helpful": shown(down.get(c, 0))} for c in rated],
            "searches": shown(searches),
            "unanswered_rate": round(data["unanswered"] / searches, 2) if searches >= SMALL else None,
            "not_covered": [{"topic": t, "searches": shown(n)}
                            for t, n in sorted(data["not_covered"].items(), key=lambda kv: (-kv[1], kv[0]))],
        }
    return result
