"""🧹 Clear this chat deletes exactly the messages the bot sent in that chat: all of them, no others."""

import time

from bot.bench.fake_bot_api import FakeBotApi
from conftest import run_bot

ALICE = {"id": 5001, "is_bot": False, "first_name": "A", "language_code": "en"}
BOB = {"id": 5002, "is_bot": False, "first_name": "B", "language_code": "en"}


def message(user, text, message_id):
    chat = {"id": user["id"], "type": "private"}
    extra = {"entities": [{"type": "bot_command", "offset": 0, "length": len(text)}]} if text.startswith("/") else {}
    return {"message": {"message_id": message_id, "date": 0, "chat": chat, "from": user, "text": text, **extra}}


def test_clear_deletes_every_message_the_bot_sent_in_that_chat_and_no_other(engine):
    with FakeBotApi() as api:
        sent = {ALICE["id"]: [], BOB["id"]: []}

        def say(user, text, message_id):
            last = api.next_message
            api.push(message(user, text, message_id))
            deadline = time.monotonic() + 15
            while api.next_message == last and time.monotonic() < deadline:
                time.sleep(0.01)
            assert api.next_message == last + 1
            sent[user["id"]].append(api.next_message)  # the id the server gave that reply

        def scenario():
            say(ALICE, "/start", 1)
            say(BOB, "/start", 1)
            say(ALICE, "boss wont pay", 2)
            say(BOB, "school", 2)
            say(ALICE, "/privacy", 3)
            privacy = sent[ALICE["id"]][-1]
            api.push({"callback_query": {"id": "c", "from": ALICE, "chat_instance": "1", "data": "x|en|",
                                         "message": {"message_id": privacy, "date": 0,
                                                     "chat": {"id": ALICE["id"], "type": "private"}, "text": "x"}}})
            [deleted] = api.wait_for("deleteMessages", 1)
            assert int(deleted["chat_id"]) == ALICE["id"]
            assert sorted(deleted["message_ids"]) == sorted(sent[ALICE["id"]])
            confirmation = api.wait_for("sendMessage", 6)[5]
            assert "deleted" in confirmation["text"] and int(confirmation["chat_id"]) == ALICE["id"]

        run_bot(engine, api, scenario)
    assert len(set(sent[ALICE["id"]]) | set(sent[BOB["id"]])) == 5  # five replies, five different ids
    assert [m for m, _ in api.calls].count("deleteMessages") == 1  # Bob's chat is left alone
