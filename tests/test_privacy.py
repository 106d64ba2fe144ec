"""Nothing that identifies a person is written anywhere: not in a file, a database, or the logs.

The bot runs as the deployer runs it (`python main.py run` with a token), in a fresh HOME, TMPDIR
and working directory, with the data and cache paths at their defaults. After a conversation full
of markers, every file created or changed under those directories and under the repository is
searched for every marker: as UTF-8 and UTF-16 text, the numeric id also as a 4- and 8-byte integer
in both byte orders, and every value of every column of every table of every SQLite file.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.bench.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent
USER_ID = 918273645
LATITUDE = 52.5200066
TEXT_MARKERS = {"user_id": str(USER_ID), "first_name": "Zorvathine", "last_name": "Quillfeather",
                "username": "zorv_user_771", "phone": "+4915112345678", "lat": str(LATITUDE), "text": "Kwyjibo"}
USER = {"id": USER_ID, "is_bot": False, "first_name": TEXT_MARKERS["first_name"],
        "last_name": TEXT_MARKERS["last_name"], "username": TEXT_MARKERS["username"], "language_code": "en"}
CHAT = {"id": USER_ID, "type": "private", "first_name": TEXT_MARKERS["first_name"]}
TOKEN = "123456:PRIVACYTESTTOKEN"


def byte_markers() -> dict[str, list[bytes]]:
    """Every way a marker could sit in a file."""
    found = {name: [value.encode("utf-8"), value.encode("utf-16-le"), value.encode("utf-16-be")]
             for name, value in TEXT_MARKERS.items()}
    found["user_id"] += [struct.pack(f"{order}{size}", USER_ID) for order in "<>" for size in "iq"]
    found["lat"] += [struct.pack(f"{order}d", LATITUDE) for order in "<>"]
    return found


def snapshot(*roots: Path) -> dict[Path, tuple[int, int]]:
    files = {}
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                try:
                    stat = path.lstat()
                except OSError:
                    continue
                files[path] = (stat.st_mtime_ns, stat.st_size)
    return files


def sqlite_values(path: Path) -> list[tuple[str, str, object]]:
    """(table, column, value) for every value in an SQLite file; empty if it is not one."""
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return []
    values = []
    db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            cursor = db.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            for row in cursor:
                values += [(table, column, value) for column, value in zip(columns, row)]
    finally:
        db.close()
    return values


def leaks(paths: list[Path], logs: str) -> list[str]:
    """Where a marker was found; empty when nowhere."""
    found = []
    markers = byte_markers()
    for path in paths:
        try:
            blob = path.read_bytes()
        except OSError:
            continue
        found += [f"{name} in {path}" for name, forms in markers.items() if any(form in blob for form in forms)]
        for table, column, value in sqlite_values(path):
            if value == USER_ID or any(marker in str(value) for marker in TEXT_MARKERS.values()):
                found.append(f"{value!r} in {path}, table {table}, column {column}")
    found += [f"{name} in the logs" for name, marker in TEXT_MARKERS.items() if marker in logs]
    return found + (["the token in the logs"] if TOKEN in logs else [])


def msg(**fields):
    return {"message": {"message_id": 1, "date": 0, "chat": CHAT, "from": USER, **fields}}


def conversation(api: FakeBotApi) -> None:
    """A person who gives away everything a person can give away."""
    text = TEXT_MARKERS["text"]
    api.push(msg(text="/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}]))
    api.wait_for("sendMessage", 1, timeout=120)  # the bot has started
    api.push(msg(text=f"{text} doctor call me {TEXT_MARKERS['phone']}"))
    api.push(msg(text=f"{text} {TEXT_MARKERS['first_name']} {USER_ID}"))
    api.push(msg(location={"latitude": LATITUDE, "longitude": 13.404954}))
    api.push(msg(contact={"phone_number": TEXT_MARKERS["phone"], "first_name": TEXT_MARKERS["first_name"],
                          "user_id": USER_ID}))
    api.push({"callback_query": {"id": "q", "from": USER, "chat_instance": "1", "data": "t|en|health",
                                 "message": {"message_id": 5, "date": 0, "chat": CHAT, "text": "x"}}})
    api.push({"inline_query": {"id": "iq", "from": USER, "query": f"{text} detention", "offset": ""}})
    api.push({"chosen_inline_result": {"result_id": "en:det-basics", "from": USER, "query": f"{text} detention"}})
    api.wait_for("sendMessage", 5)
    api.wait_for("editMessageText", 1)
    api.wait_for("answerInlineQuery", 1)


@pytest.fixture
def fresh(tmp_path):
    """HOME, TMPDIR and the working directory: new and empty."""
    dirs = {name: tmp_path / name for name in ("home", "tmp", "work")}
    for folder in dirs.values():
        folder.mkdir()
    return dirs


def run_bot_process(fresh: dict[str, Path], api: FakeBotApi) -> str:
    """`python main.py run` as a deployer starts it; returns what it logged."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("RIGHTS_BOT_")}
    env.update(HOME=str(fresh["home"]), TMPDIR=str(fresh["tmp"]), TELEGRAM_BOT_TOKEN=TOKEN,
               TELEGRAM_API_BASE_URL=api.base_url)
    bot = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "run"], cwd=fresh["work"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        conversation(api)
        time.sleep(1)  # the chosen inline result has no reply to wait for; stopping also finishes pending updates
    finally:
        bot.send_signal(signal.SIGINT)
        logs, _ = bot.communicate(timeout=60)
    return logs


def test_a_conversation_leaves_no_personal_data(fresh):
    before = snapshot(ROOT, *fresh.values())
    with FakeBotApi() as api:
        logs = run_bot_process(fresh, api)
        answered = [params for method, params in api.calls if method == "sendMessage"]
    after = snapshot(ROOT, *fresh.values())
    written = sorted(path for path, stamp in after.items() if before.get(path) != stamp)
    assert len(answered) >= 5, logs  # the bot really ran the conversation
    assert fresh["work"] / "data" / "usage.sqlite" in written  # it counted: the search looks at real data
    assert not leaks(written, logs), leaks(written, logs)


def test_the_search_finds_a_marker_in_every_form(tmp_path):
    """The search is only as good as what it can see: plant each form and see it found."""
    for name, forms in byte_markers().items():
        for index, form in enumerate(forms):
            path = tmp_path / f"{name}-{index}.bin"
            path.write_bytes(b"padding " + form + b" padding")
            assert leaks([path], ""), (name, form)
    db = tmp_path / "ints.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (a INTEGER)")
        conn.execute("INSERT INTO t VALUES (?)", (USER_ID,))
    conn.close()
    assert any("table t, column a" in leak for leak in leaks([db], ""))
    assert leaks([], f"text: {TEXT_MARKERS['text']}")
