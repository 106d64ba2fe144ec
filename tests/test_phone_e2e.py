"""Issue 11, end to end: every language through the real Application and the local Bot API server.

A phone-sized first screen, a card that keeps its place across a language switch, no silence
(unknown command, wrong link, caption, a message that can no longer be edited), groups (only the
bot's own mentions and replies to it, a button to the private chat, a greeting), inline in a chosen
language, 👍 counted, an unreadable update skipped, and one flooding chat that cannot hold up another.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time

from bot import callbacks as cb
from bot.bench.fake_bot_api import BOT_USER, FakeBotApi
from bot.check import visible_length
from bot.console import plain
from bot.stats import UsageCounter, summary
from bot.telegram_app import build_application
from conftest import run_bot

SEARCH = {"en": "doctor", "ar": "طبيب", "fa": "دکتر", "fr": "médecin", "es": "médico", "uk": "лікар",
          "ru": "врач", "tr": "doktor"}


def search_word(engine, lang: str) -> str:
    """A word people search with: for a language added later, the first keyword of its doctor card."""
    return SEARCH.get(lang) or engine.catalog.cards["health-doctor"].texts[lang].keywords[0]




class Person:
    """One person in one language, and the calls the bot made since their last step."""

    def __init__(self, api: FakeBotApi, lang: str, chat_id: int):
        self.api, self.lang = api, lang
        self.user = {"id": chat_id, "is_bot": False, "first_name": "P", "language_code": lang}
        self.chat = {"id": chat_id, "type": "private"}

    def calls(self):
        with self.api.lock:
            return list(self.api.calls)

    def step(self, update: dict, method: str, timeout: float = 15.0) -> dict:
        """Push an update; return the first new call of `method` to this chat."""
        seen = len(self.calls())
        self.api.push(update)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, params in self.calls()[seen:]:
                if name == method and str(params.get("chat_id", self.chat["id"])) == str(self.chat["id"]):
                    return params
            time.sleep(0.01)
        raise AssertionError(f"no {method} for {self.lang}: {self.calls()[seen:]}")

    def message(self, text: str | None = None, **extra) -> dict:
        body = {"message_id": 1, "date": 0, "chat": self.chat, "from": self.user, **extra}
        if text is not None:
            body["text"] = text
            if text.startswith("/"):
                body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return {"message": body}

    def press(self, data: str, message_id: int = 7) -> dict:
        return {"callback_query": {"id": f"{self.lang}-{data}-{message_id}", "from": self.user, "chat_instance": "1",
                                   "data": data, "message": {"message_id": message_id, "date": 0, "chat": self.chat,
                                                             "text": "x"}}}


    def turn_pages_to(self, menu: dict, data: str) -> str:
        """The button with callback `data` in a paged menu, turning pages forward with ▶️ as a person would."""
        for _ in range(10):
            found = [b["callback_data"] for b in buttons(menu) if b.get("callback_data") == data]
            if found:
                return found[0]
            forward = [b["callback_data"] for b in buttons(menu) if b["text"].endswith("▶️")]
            assert forward, f"{data} is on no page of the menu"
            menu = self.step(self.press(forward[0]), "editMessageText")
        raise AssertionError(f"{data}: still not found after 10 pages")


def buttons(params: dict) -> list[dict]:
    return [b for row in params["reply_markup"]["inline_keyboard"] for b in row]


def test_every_language_on_a_phone(engine, catalog, tmp_path):
    counter = UsageCounter(tmp_path / "u.sqlite")
    langs = list(catalog.codes)
    with FakeBotApi() as api:
        def scenario():
            for index, lang in enumerate(langs):
                me = Person(api, lang, 5000 + index)
                other = langs[(index + 1) % len(langs)]
                # /start fits a 360x640 phone
                welcome = me.step(me.message("/start"), "sendMessage")
                rows = welcome["reply_markup"]["inline_keyboard"]
                assert len(rows) <= 8 and len(plain(welcome["text"])) <= 160, lang
                assert all(len(row) == 1 or all(visible_length(b["text"]) <= 18 for b in row) for row in rows), lang
                assert rows[0][0]["callback_data"] == cb.encode(cb.CARD, lang, "urgent-help")
                # a card, 🌐, another language: the same card in that language
                card = me.step(me.press(cb.encode(cb.CARD, lang, "health-doctor")), "editMessageText")
                globe = next(b for b in buttons(card) if b.get("callback_data", "").startswith("l|"))
                menu = me.step(me.press(globe["callback_data"]), "editMessageText")
                choice = me.turn_pages_to(menu, cb.encode(cb.CARD, other, "health-doctor"))
                again = me.step(me.press(choice), "editMessageText")
                assert again["text"] == engine.card(other, "health-doctor").text, lang
                # never silent
                unknown = me.step(me.message("/stop"), "sendMessage")
                assert unknown["text"] == engine.command(lang, "stop").text and len(buttons(unknown)) > 3
                wrong = me.step(me.message(f"/start {lang}_no-such-card"), "sendMessage")
                assert wrong["text"] == engine.start(lang, f"{lang}_no-such-card").text
                assert engine.tr(lang).gettext("Sorry, that link did not work.") in wrong["text"]
                photo = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
                caption = me.step(me.message(photo=photo, caption=search_word(engine, lang)), "sendMessage")
                assert caption["text"] == engine.text(lang, search_word(engine, lang)).text, lang
                api.gone.add(900 + index)  # deleted, or too old to edit: sent as a new message instead
                resent = me.step(me.press(cb.encode(cb.HELP, lang), message_id=900 + index), "sendMessage")
                assert resent["text"] == engine.help(lang).text
                # 👍 answered in place and counted
                card = engine.card(lang, "det-basics")
                thumbs = me.step(me.press(card.buttons[0][0].data), "answerCallbackQuery")
                assert thumbs["text"] == engine.tr(lang).gettext("Thank you. This helps us make the answers better.")
                # inline with a language first: that language, and a button in it
                answer = me.step({"inline_query": {"id": f"iq-{lang}", "from": me.user, "query": f"{lang} detention",
                                                   "offset": ""}}, "answerInlineQuery")
                assert answer["results"] and all(r["id"].startswith(f"{lang}:") for r in answer["results"]), lang
                label = answer["results"][0]["reply_markup"]["inline_keyboard"][0][0]["text"]
                assert label == engine.tr(lang).gettext("🤖 Open in the bot")
                group_steps(api, engine, lang, index)

        run_bot(engine, api, scenario, counter, set_profile=False)
        counter.close()
        assert all(method != "deleteMessages" for method, _ in api.calls)
    report = summary(tmp_path / "u.sqlite")
    for lang in langs:
        assert report[lang]["feedback"] == [{"card": "det-basics", "helpful": "<5", "not_helpful": "<5"}], lang
    assert all(summary(tmp_path / "u.sqlite")[lang]["searches"] for lang in langs)


def group_steps(api: FakeBotApi, engine, lang: str, index: int) -> None:
    group = {"id": -7000 - index, "type": "supergroup", "title": "G"}
    me = Person(api, lang, 6000 + index)
    me.chat = group  # replies go to the group
    greeting = me.step({"my_chat_member": {"chat": group, "from": me.user, "date": 0,
                                           "old_chat_member": {"user": BOT_USER, "status": "left"},
                                           "new_chat_member": {"user": BOT_USER, "status": "member"}}}, "sendMessage")
    assert greeting["reply_markup"]["inline_keyboard"][0][0]["url"] == f"https://t.me/{BOT_USER['username']}?start={lang}"
    seen = len(me.calls())
    other = "@alice_friend can you help me find a doctor"
    api.push(me.message(other, entities=[{"type": "mention", "offset": 0, "length": 13}]))
    mention = f"@{BOT_USER['username']} {search_word(engine, lang)}"
    reply = me.step(me.message(mention, entities=[{"type": "mention", "offset": 0, "length": 16}]), "sendMessage")
    assert not [c for c in me.calls()[seen:] if c[0] == "sendMessage" and c[1] is not reply], "answered a mention of someone else"
    top = reply["reply_markup"]["inline_keyboard"][0][0]
    card_id = engine.text(lang, search_word(engine, lang)).card_id
    assert top["url"] == f"https://t.me/{BOT_USER['username']}?start={cb.payload(lang, card_id)}"
    assert not any(b.get("callback_data", "").startswith("x|") for b in buttons(reply))
    answered = me.step(me.message(search_word(engine, lang), reply_to_message={"message_id": 300, "date": 0, "chat": group,
                                                                  "from": BOT_USER, "text": "x"}), "sendMessage")
    assert engine.text(lang, search_word(engine, lang)).text in answered["text"]
    photo = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
    captioned = me.step(me.message(photo=photo, caption=mention,
                                   caption_entities=[{"type": "mention", "offset": 0, "length": 16}]), "sendMessage")
    assert captioned["reply_markup"]["inline_keyboard"][0][0]["url"].startswith(f"https://t.me/{BOT_USER['username']}?start=")
    privacy = me.step(me.message("/privacy"), "sendMessage")
    assert not any(b.get("callback_data", "").startswith("x|") for b in buttons(privacy))  # no Clear in groups


def test_an_unreadable_update_is_skipped_once_and_logs_nothing_of_the_sender(engine, caplog):
    user = {"id": 987654321, "is_bot": False, "first_name": "Zorvathine", "language_code": "en"}
    chat = {"id": 987654321, "type": "private", "first_name": "Zorvathine"}
    caplog.set_level(logging.INFO)
    with FakeBotApi() as api:
        def scenario():
            api.push({"message": {"message_id": 1, "date": "not a date", "chat": chat, "from": user, "text": "Kwyjibo"}})
            api.push({"message": {"message_id": 2, "date": 0, "chat": chat, "from": user, "text": "doctor"}})
            [reply] = api.wait_for("sendMessage", 1)
            assert "doctor" in json.dumps(reply, ensure_ascii=False).lower()  # the card, or a list of doctor cards
            time.sleep(0.5)

        run_bot(engine, api, scenario, set_profile=False)
        polls = sum(1 for method, _ in api.calls if method == "getUpdates")
    skipped = [r for r in caplog.records if "could not be read" in r.getMessage()]
    assert len(skipped) == 1 and "update id 1" in skipped[0].getMessage()
    text = caplog.text + "".join(str(r.exc_info) for r in caplog.records)
    for marker in ("987654321", "Zorvathine", "Kwyjibo"):
        assert marker not in text, marker
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert polls < 200  # the update was not asked for again and again


def test_a_flooding_chat_gets_one_please_wait_and_never_holds_up_another(engine):
    flooder = Person(None, "en", 8001)
    calm = Person(None, "en", 8002)
    with FakeBotApi() as api:
        flooder.api = calm.api = api
        def scenario():
            for i in range(300):
                api.push(flooder.message(f"doctor {i}"))
            reply = calm.step(calm.message("school"), "sendMessage", timeout=30)
            assert "school" in json.dumps(reply, ensure_ascii=False).lower()  # the card, or a list of school cards
            settled, count = 0, -1
            while settled < 5:  # until the flooder's replies stop coming
                now = sum(1 for m, p in api.calls if m == "sendMessage" and p["chat_id"] == 8001)
                settled, count = (settled + 1, count) if now == count else (0, now)
                time.sleep(0.2)

        run_bot(engine, api, scenario, set_profile=False)
        to_flooder = [p["text"] for m, p in api.calls if m == "sendMessage" and p["chat_id"] == 8001]
    wait = engine.tr("en").gettext("One moment, please: I answer your messages one by one.")
    assert to_flooder.count(wait) == 1
    print(f"\nflooder: 300 messages, {len(to_flooder)} replies")
    assert len(to_flooder) < 300 and len(to_flooder) - 1 <= 10 * 3  # the rest of each burst was dropped


def test_an_unreadable_webhook_update_is_logged_by_its_id_only(engine, caplog):
    import json
    import socket
    import urllib.error
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    chat = {"id": 987654321, "type": "private", "first_name": "Zorvathine"}
    bad = {"update_id": 77, "message": {"message_id": 1, "date": "not a date", "chat": chat, "text": "Kwyjibo"}}
    good = {"update_id": 78, "message": {"message_id": 2, "date": 0, "chat": chat, "text": "doctor",
                                         "from": {"id": 987654321, "is_bot": False, "first_name": "Zorvathine"}}}

    def post(update):
        request = urllib.request.Request(f"http://127.0.0.1:{port}/hook", data=json.dumps(update).encode(), method="POST",
                                         headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s"})
        try:
            return urllib.request.urlopen(request, timeout=5).status
        except urllib.error.HTTPError as error:
            return error.code

    caplog.set_level(logging.INFO)
    with FakeBotApi() as api:
        async def main():
            app = build_application(engine, "123:TEST", api.base_url)
            async with app:
                await app.start()
                await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="hook", secret_token="s",
                                                webhook_url="https://example.org/hook")
                loop = asyncio.get_running_loop()
                await loop.run_in_executor(None, post, bad)
                assert await loop.run_in_executor(None, post, good) == 200
                await loop.run_in_executor(None, api.wait_for, "sendMessage", 1)
                await app.updater.stop()
                await app.stop()

        asyncio.run(main())
    text = caplog.text + "".join(str(r.exc_info) for r in caplog.records)
    for marker in ("987654321", "Zorvathine", "Kwyjibo"):
        assert marker not in text, marker
    assert any("77" in r.getMessage() and "could not be read" in r.getMessage() for r in caplog.records), [(r.name, r.getMessage()[:150]) for r in caplog.records]
