import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

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
    assert counter.db is None and counter.path is None
    counter.add("en", "card", "health-doctor")  # no exception


def test_stats_cli_json(tmp_path):
    db = tmp_path / "u.sqlite"
    counter = UsageCounter(db)
    counter.add("en", "card", "health-doctor")
    counter.add("en", "helpful", "health-doctor")
    counter.add("en", "not_covered", "passport-services")
    counter.close()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--json", "--db", str(db)],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert json.loads(out.stdout)["en"]["top_cards"] == [{"card": "health-doctor", "views": "<5", "helpful": "<5", "not_helpful": "<5"}]
    text = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--db", str(db)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60).stdout
    assert "👍" in text and "health-doctor" in text
    assert "searches about topics no card answers: passport-services <5" in text


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


def test_where_the_counts_go(monkeypatch, tmp_path):
    from bot.stats import stats_path

    monkeypatch.delenv("RIGHTS_BOT_STATS_DB", raising=False)
    assert stats_path() == Path("data/usage.sqlite")
    monkeypatch.setenv("RIGHTS_BOT_STATS_DB", str(tmp_path / "x.sqlite"))
    assert stats_path() == tmp_path / "x.sqlite"
    counter = UsageCounter()  # the folder is made, however deep
    assert counter.db is not None and (tmp_path / "x.sqlite").exists()
    deep = UsageCounter(tmp_path / "a" / "b" / "u.sqlite")
    assert deep.db is not None


def test_what_a_count_holds(tmp_path):
    counter = UsageCounter(tmp_path / "u.sqlite")
    counter.add("fa-IR", "search_unanswered", day=dt.date(2026, 1, 2))
    counter.flush()
    assert counter.db.execute("select day, lang, event, card, n from counts").fetchall() == [
        ("2026-01-02", "fa-", "search_unanswered", "", 1)]


def test_views_searches_and_the_unanswered_rate(tmp_path):
    db = tmp_path / "u.sqlite"
    counter = UsageCounter(db)
    for index in range(12):
        for _ in range(3 * (index + 1)):
            counter.add("en", "card", f"card-{index:02}")
    for _ in range(4):
        counter.add("en", "deep_link", "card-00")
    counter.add("en", "search_answered", "card-00")
    counter.add("en", "search_answered", "card-01")
    counter.add("en", "search_unanswered")
    counter.add("en", "inline_shared", "card-00")  # a share is not a view
    counter.flush()
    report = summary(db)["en"]
    assert [c["card"] for c in report["top_cards"]] == [f"card-{i:02}" for i in range(11, 1, -1)]  # the top 10
    assert report["top_cards"][-1]["views"] == 9
    assert report["searches"] == "<5"
    counter.add("en", "search_answered", "card-02")
    counter.add("en", "search_answered", "card-03")
    counter.flush()
    report = summary(db)["en"]
    assert report["searches"] == 5 and report["unanswered_rate"] == 0.2
    counter.add("en", "search_unanswered")
    counter.flush()
    assert summary(db)["en"]["unanswered_rate"] == 0.33
    views = {c["card"]: c["views"] for c in summary(db)["en"]["top_cards"]}
    assert views["card-02"] == 10  # 9 views + 1 answered search
    assert "card-00" not in views  # 3 views + 4 deep links + 1 answered search = 8: the 11th


def test_small_counts_are_hidden_from_five_up():
    from bot.stats import shown

    assert (shown(4), shown(5)) == ("<5", 5)


def test_a_failed_count_is_logged_by_kind_only(tmp_path, caplog):
    import logging
    caplog.set_level(logging.WARNING)
    counter = UsageCounter(tmp_path / "u.sqlite")
    counter.path = tmp_path  # a folder: SQLite cannot open it
    counter.add("en", "card", "health-doctor")
    counter.add("en", "card", "health-doctor")
    counter.flush()
    assert caplog.messages == ["could not write 2 usage counts: OperationalError"]
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    UsageCounter(blocker / "u.sqlite")
    assert caplog.messages[-1].startswith("usage counts are off: ") and caplog.messages[-1].endswith("Error")


def test_deep_links_count_as_views_and_ratings_are_shown_from_five(tmp_path):
    db = tmp_path / "u.sqlite"
    counter = UsageCounter(db)
    for _ in range(5):
        counter.add("en", "card", "b")
        counter.add("en", "deep_link", "a")
        counter.add("en", "helpful", "a")
        counter.add("en", "not_helpful", "b")
        counter.add("en", "not_helpful", "b")
    counter.add("en", "card", "a")
    counter.add("en", "made-up-event", "a")  # not an event: never counted
    counter.flush()
    assert counter.db.execute("select count(*) from counts where event = 'made-up-event'").fetchone() == (0,)
    report = summary(db)["en"]
    assert report["top_cards"] == [{"card": "a", "views": 6, "helpful": 5, "not_helpful": "<5"},
                                   {"card": "b", "views": 5, "helpful": "<5", "not_helpful": 10}]
    assert report["feedback"] == [{"card": "b", "helpful": "<5", "not_helpful": 10},
                                  {"card": "a", "helpful": 5, "not_helpful": "<5"}]


def test_the_ten_most_rated_cards_most_first(tmp_path):
    db = tmp_path / "u.sqlite"
    counter = UsageCounter(db)
    for index in range(12):
        for _ in range(index + 1):
            counter.add("en", "helpful" if index % 2 else "not_helpful", f"card-{index:02}")
    counter.add("en", "helpful", "card-00")  # card-00: 1 + 1, still the least rated
    counter.flush()
    assert [f["card"] for f in summary(db)["en"]["feedback"]] == [f"card-{i:02}" for i in range(11, 1, -1)]


def test_close_writes_what_is_left_and_stops_the_writer(tmp_path):
    counter = UsageCounter(tmp_path / "u.sqlite", flush_every=3600)
    counter.add("en", "card", "a")
    counter.close()
    assert not counter._thread.is_alive()
    assert counter.db.execute("select n from counts").fetchall() == [(1,)]


def test_close_waits_for_the_writer_and_a_counter_without_a_database_closes_too(tmp_path, monkeypatch):
    import time

    finished = []

    def slow_writer(self, every):
        self._stop.wait()
        time.sleep(0.2)
        finished.append(True)

    monkeypatch.setattr(UsageCounter, "_flush_now_and_then", slow_writer)
    UsageCounter(tmp_path / "u.sqlite").close()
    assert finished == [True]
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    UsageCounter(blocker / "u.sqlite").close()  # no writer thread: nothing to wait for, no error


def test_a_process_that_never_closes_its_counter_still_exits(tmp_path):
    code = f"from bot.stats import UsageCounter; UsageCounter({str(tmp_path / 'u.sqlite')!r})"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=30, check=True)  # the writer is a daemon


def test_searches_about_topics_no_card_answers_are_counted_by_topic(tmp_path):
    """What people ask that no card answers, by the topic's name in search.toml: what content to add next."""
    db = tmp_path / "u.sqlite"
    counter = UsageCounter(db)
    for _ in range(6):
        counter.add("en", "not_covered", "passport-services")
    counter.add("en", "not_covered", "driving-licence")
    counter.flush()
    assert summary(db)["en"]["not_covered"] == [{"topic": "passport-services", "searches": 6},
                                                {"topic": "driving-licence", "searches": "<5"}]
    assert summary(db)["en"]["top_cards"] == []  # a topic is no card view
