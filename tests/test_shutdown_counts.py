"""SIGTERM loses no usage count: the counts still in memory are written when the bot stops."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.bench.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent


def test_sigterm_writes_every_count_held_in_memory(tmp_path):
    db = tmp_path / "usage.sqlite"
    env = {key: value for key, value in os.environ.items() if not key.startswith("RIGHTS_BOT_")}
    # The writer thread would wait an hour: whatever reaches the disk was written at shutdown.
    env.update(TELEGRAM_BOT_TOKEN="1:SHUTDOWN", RIGHTS_BOT_STATS_DB=str(db), RIGHTS_BOT_STATS_FLUSH_SECONDS="3600",
               RIGHTS_BOT_CACHE_DIR=str(tmp_path / "cache"))
    chat = {"id": 4242, "type": "private"}
    user = {"id": 4242, "is_bot": False, "first_name": "T", "language_code": "en"}
    with FakeBotApi() as api:
        env["TELEGRAM_API_BASE_URL"] = api.base_url
        bot = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "run"], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            for i, text in enumerate(["doctor", "school", "boss wont pay", "detention", "lawyer"] * 4):
                api.push({"message": {"message_id": i + 1, "date": 0, "chat": chat, "from": user, "text": text}})
                api.wait_for("sendMessage", i + 1, timeout=120)
            api.push({"callback_query": {"id": "up", "from": user, "chat_instance": "1", "data": "f|en|+det-basics",
                                         "message": {"message_id": 5, "date": 0, "chat": chat, "text": "x"}}})
            api.wait_for("editMessageText", 1)
            assert not db.exists() or _total(db) == 0  # everything is still in memory
        finally:
            bot.send_signal(signal.SIGTERM)
            logs, _ = bot.communicate(timeout=60)
    assert bot.returncode == 0, logs
    assert _total(db) == 21, logs
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT n FROM counts WHERE event = 'helpful' AND card = 'det-basics'").fetchone() == (1,)
    conn.close()


def _total(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT COALESCE(SUM(n), 0) FROM counts").fetchone()[0]
    finally:
        conn.close()
