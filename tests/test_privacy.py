"""Nothing that identifies a person is written anywhere: files the bot wrote, or its logs."""

import logging

from bot.stats import UsageCounter
from bot.bench.fake_bot_api import FakeBotApi
from test_telegram_e2e import run_bot

MARKERS = {"user_id": "918273645", "first_name": "Zorvathine", "username": "zorv_user_771",
           "phone": "+4915112345678", "lat": "52.5200066", "text": "Kwyjibo"}
USER = {"id": int(MARKERS["user_id"]), "is_bot": False, "first_name": MARKERS["first_name"],
        "username": MARKERS["username"], "language_code": "en"}
CHAT = {"id": int(MARKERS["user_id"]), "type": "private", "first_name": MARKERS["first_name"]}


def msg(**fields):
    return {"message": {"message_id": 1, "date": 0, "chat": CHAT, "from": USER, **fields}}


def test_a_conversation_leaves_no_personal_data(engine, tmp_path, caplog):
    caplog.set_level(logging.INFO)  # the level the README recommends (DEBUG prints whole updates)
    db = tmp_path / "data" / "usage.sqlite"
    with FakeBotApi() as api:
        def scenario():
            api.push(msg(text="/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}]))
            api.push(msg(text=f"{MARKERS['text']} doctor call me {MARKERS['phone']}"))
            api.push(msg(location={"latitude": float(MARKERS["lat"]), "longitude": 13.404954}))
            api.push(msg(contact={"phone_number": MARKERS["phone"], "first_name": MARKERS["first_name"]}))
            api.push({"callback_query": {"id": "q", "from": USER, "chat_instance": "1", "data": "t|en|health",
                                         "message": {"message_id": 5, "date": 0, "chat": CHAT, "text": "x"}}})
            api.wait_for("sendMessage", 4)
            api.wait_for("editMessageText", 1)

        run_bot(engine, api, scenario, UsageCounter(db))
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert db in written  # the counts were written, so the search below looks at real data
    blobs = [p.read_bytes() for p in written]
    logs = "\n".join(r.getMessage() + str(r.exc_info or "") for r in caplog.records)
    for name, marker in MARKERS.items():
        assert all(marker.encode() not in blob for blob in blobs), f"{name} found in a file"
        assert marker not in logs, f"{name} found in the logs"
    assert "123:TEST" not in logs
