import datetime as dt
import json
import subprocess
import sys

from bot.stats import UsageCounter, summary
from conftest import ROOT


def test_counts_are_anonymous_and_small_counts_hidden(tmp_path):
    db = tmp_path / "u.sqlite"
    counter = UsageCounter(db)
    for _ in range(7):
        counter.add("en", "card", "health-doctor")
    counter.add("en", "card", "det-basics")
    for _ in range(4):
        counter.add("en", "search_answered", "work-unpaid")
    counter.add("en", "search_unanswered")
    counter.add("en", "not-an-event", "x")
    for _ in range(6):
        counter.add("en", "helpful", "health-doctor")
    counter.add("en", "not_helpful", "health-doctor")
    counter.add("en", "helpful", "work-fees")
    counter.flush()
    report = summary(db)
    assert report["en"]["top_cards"][0] == {"card": "health-doctor", "views": 7, "helpful": 6, "not_helpful": "<5"}
    assert {"card": "det-basics", "views": "<5", "helpful": "<5", "not_helpful": "<5"} in report["en"]["top_cards"]
    assert {"card": "work-fees", "helpful": "<5", "not_helpful": "<5"} in report["en"]["feedback"]
    assert report["en"]["unanswered_rate"] == 0.2
    columns = {c.name for c in counter.db["counts"].columns}
    assert columns == {"day", "lang", "event", "card", "n"}


def test_since_filters_days(tmp_path):
    db = tmp_path / "u.sqlite"
    counter = UsageCounter(db)
    counter.add("ar", "card", "health-doctor", day=dt.date(2026, 1, 1))
    counter.add("ar", "card", "det-basics", day=dt.date(2026, 6, 1))
    counter.close()
    cards = [c["card"] for c in summary(db, since="2026-03-01")["ar"]["top_cards"]]
    assert cards == ["det-basics"]


def test_bot_works_without_a_writable_database(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    counter = UsageCounter(blocker / "sub" / "u.sqlite")  # cannot be created, even by root
    assert counter.db is None
    counter.add("en", "card", "health-doctor")  # no exception


def test_stats_cli_json(tmp_path):
    db = tmp_path / "u.sqlite"
    counter = UsageCounter(db)
    counter.add("en", "card", "health-doctor")
    counter.add("en", "helpful", "health-doctor")
    counter.close()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--json", "--db", str(db)],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert json.loads(out.stdout)["en"]["top_cards"] == [{"card": "health-doctor", "views": "<5", "helpful": "<5", "not_helpful": "<5"}]
    text = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--db", str(db)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60).stdout
    assert "👍" in text and "health-doctor" in text


def test_counts_wait_in_memory_and_a_thread_writes_them(tmp_path):
    import threading
    import time

    db = tmp_path / "u.sqlite"
    counter = UsageCounter(db, flush_every=0.1)
    writes = []
    real_flush = counter.flush
    counter.flush = lambda: (writes.append(threading.current_thread().name), real_flush())[1]
    counter.add("fa", "card", "det-basics")
    assert summary(db) == {}  # not on disk at once: adding never waits for the disk
    for _ in range(100):
        if summary(db):
            break
        time.sleep(0.05)
    assert summary(db)["fa"]["top_cards"][0]["card"] == "det-basics"
    assert "usage-counts" in writes and threading.current_thread().name not in writes
    counter.close()
