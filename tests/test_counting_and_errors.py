"""What the Telegram front end counts, remembers and deletes, and what it does on an error.

Counts hold a day, a language, an event and a card: exactly one per thing that happened.
"""

import asyncio
import logging
import time
from types import SimpleNamespace

from telegram.error import BadRequest

from bot import telegram_app
from bot.bench.fake_bot_api import FakeBotApi
from bot.engine import Reply
from bot.sent_messages import SentMessages
from bot.stats import UsageCounter
from conftest import run_bot

FRENCH = {"id": 6001, "is_bot": False, "first_name": "F", "language_code": "fr-FR"}
OTHER = {"id": 6002, "is_bot": False, "first_name": "O", "language_code": "xx"}


def message(user, text, **extra):
    chat = {"id": user["id"], "type": "private"}
    return {"message": {"message_id": 1, "date": 0, "chat": chat, "from": user, "text": text, **extra}}


def rows(counter):
    return sorted(counter.db.execute("select lang, event, card, n from counts").fetchall())


def test_each_reply_is_counted_once_by_language_event_and_card(engine, tmp_path):
    counter = UsageCounter(tmp_path / "u.sqlite")
    search = engine.text("fr", "patron paye pas")
    topic, phrases = next(iter(engine.catalog.languages["fr"].not_covered.items()))
    no_card = engine.text("fr", phrases[0])  # a topic no card answers: its name is counted, not the words
    assert no_card.not_covered == topic
    with FakeBotApi() as api:
        def scenario():
            api.push(message(FRENCH, "/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}]))
            api.wait_for("sendMessage", 1)
            api.push({"callback_query": {"id": "q", "from": FRENCH, "chat_instance": "1", "data": "c|fr|health-doctor",
                                         "message": {"message_id": 5, "date": 0, "text": "x",
                                                     "chat": {"id": FRENCH["id"], "type": "private"}}}})
            api.wait_for("editMessageText", 1)
            api.push(message(FRENCH, "patron paye pas"))
            api.push(message(FRENCH, phrases[0]))
            api.push(message(OTHER, "/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}]))
            api.wait_for("sendMessage", 4)
            for result_id in ("fr:det-basics", "fr:not-a-card", "fr:x:det-basics"):
                api.push({"chosen_inline_result": {"result_id": result_id, "from": FRENCH, "query": "q"}})
            time.sleep(1)  # a shared card has no reply to wait for

        run_bot(engine, api, scenario, counter)
        counter.flush()
        replies = [p for m, p in api.calls if m == "sendMessage"]
    first = {int(p["chat_id"]): p["text"] for p in reversed(replies)}
    assert first[FRENCH["id"]] == engine.start("fr").text  # fr-FR gets French
    assert first[OTHER["id"]] == engine.start("en").text  # an unknown language gets English
    assert rows(counter) == sorted([
        ("fr", "start", "", 1), ("fr", "card", "health-doctor", 1),
        ("fr", search.event, search.card_id or "", 1), ("en", "start", "", 1), ("fr", "inline_shared", "det-basics", 1),
        ("fr", no_card.event, no_card.card_id or "", 1), ("fr", "not_covered", topic, 1),
    ])


def test_an_error_is_logged_with_its_traceback_and_the_person_gets_the_error_reply(engine, monkeypatch, caplog):
    def broken(lang, text):
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "text", broken)
    caplog.set_level(logging.INFO)
    with FakeBotApi() as api:
        def scenario():
            api.push(message(FRENCH, "patron paye pas"))
            [reply] = api.wait_for("sendMessage", 1)
            assert reply["text"] == engine.error("fr").text

        run_bot(engine, api, scenario)
    [record] = [r for r in caplog.records if r.getMessage() == "error while handling an update"]
    assert record.levelno == logging.ERROR and "boom" in str(record.exc_info[1])
    assert "patron" not in caplog.text  # what the person wrote is not logged


def test_when_even_the_error_reply_fails_that_is_logged(engine, monkeypatch, caplog):
    monkeypatch.setattr(engine, "text", lambda lang, text: 1 / 0)
    monkeypatch.setattr(engine, "error", lambda lang: Reply("<b>unclosed", (), lang, "error"))  # Telegram refuses it
    caplog.set_level(logging.INFO)
    with FakeBotApi() as api:
        def scenario():
            api.push(message(FRENCH, "patron paye pas"))
            api.wait_for("sendMessage", 1)
            for _ in range(100):
                if "could not send the error reply" in caplog.text:
                    break
                asyncio.run(asyncio.sleep(0.05))

        run_bot(engine, api, scenario)
    assert "could not send the error reply" in caplog.messages


class FakeBot:
    def __init__(self, refuse=False):
        self.deleted, self.refuse = [], refuse

    async def delete_messages(self, chat_id, message_ids):
        self.deleted.append((chat_id, list(message_ids)))
        if self.refuse:
            raise BadRequest("message can't be deleted")


def clear(bot, sent, chat_id, tapped):
    sent_replies = []

    async def send_message(text, **options):
        sent_replies.append(text)
        return SimpleNamespace(chat_id=chat_id, message_id=999)

    chat = SimpleNamespace(id=chat_id, type="private", send_message=send_message)
    query = SimpleNamespace(message=SimpleNamespace(message_id=tapped) if tapped else None)
    update = SimpleNamespace(effective_chat=chat, callback_query=query)
    context = SimpleNamespace(bot=bot, application=SimpleNamespace(bot_data={"sent": sent, "counter": None}))
    asyncio.run(telegram_app.clear_chat(update, context, Reply("deleted", (), "en", "cleared")))
    return sent_replies


def test_clear_deletes_in_batches_of_at_most_100_and_remembers_its_confirmation():
    bot, sent = FakeBot(), SentMessages()
    for message_id in range(1, 101):
        sent.add(7, message_id)
    sent.add(8, 5000)
    assert clear(bot, sent, 7, tapped=150) == ["deleted"]
    assert [len(ids) for _, ids in bot.deleted] == [100, 1]
    assert sorted(i for _, ids in bot.deleted for i in ids) == [*range(1, 101), 150]
    assert all(chat == 7 for chat, _ in bot.deleted)
    assert sent.take(7) == [999]  # the confirmation itself can be cleared next time
    assert sent.take(8) == [5000]  # another chat is left alone


def test_clear_goes_on_when_telegram_refuses_and_when_the_tapped_message_is_gone(caplog):
    caplog.set_level(logging.INFO)
    bot, sent = FakeBot(refuse=True), SentMessages()
    sent.add(7, 1)
    assert clear(bot, sent, 7, tapped=None) == ["deleted"]
    assert bot.deleted == [(7, [1])]
    assert "some messages could not be deleted" in caplog.messages


def test_an_error_outside_any_update_is_logged_and_nothing_is_sent(caplog):
    caplog.set_level(logging.INFO)
    context = SimpleNamespace(error=RuntimeError("job failed"), application=SimpleNamespace(bot_data={}))
    asyncio.run(telegram_app.on_error(None, context))
    assert "error while handling an update" in caplog.text


def test_an_ordinary_refusal_by_telegram_is_an_info_line_not_an_error(caplog):
    caplog.set_level(logging.INFO)
    context = SimpleNamespace(error=BadRequest("Message is not modified: same content"),
                              application=SimpleNamespace(bot_data={}))
    asyncio.run(telegram_app.on_error(None, context))
    assert caplog.messages == ["Telegram refused a call: BadRequest"]
    assert caplog.records[0].levelno == logging.INFO


def test_in_a_group_the_bot_offers_no_clear_button_and_remembers_nothing(engine):
    sent_markups = []

    async def send_message(text, **options):
        sent_markups.append(options["reply_markup"])
        return SimpleNamespace(chat_id=-100, message_id=77)

    group = SimpleNamespace(id=-100, type="group", send_message=send_message)
    update = SimpleNamespace(effective_chat=group)
    sent = SentMessages()
    context = SimpleNamespace(application=SimpleNamespace(bot_data={"sent": sent, "counter": None}))
    privacy = engine.privacy("en")
    assert any((b.data or "").startswith("x|") for row in privacy.buttons for b in row)  # it has one in private
    asyncio.run(telegram_app.send(update, privacy, context))
    data = [button.callback_data for row in sent_markups[0].inline_keyboard for button in row]
    assert data and not any((d or "").startswith("x|") for d in data)
    assert sent.take(-100) == []


def test_an_update_without_a_sender_gets_english(engine):
    assert telegram_app.lang_of(SimpleNamespace(effective_user=None), engine) == "en"
