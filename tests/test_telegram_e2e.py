"""The real python-telegram-bot Application, over HTTP, against the local fake Bot API server."""

import asyncio
import json

from bot.bench.fake_bot_api import FakeBotApi
from bot.telegram_app import build_application, command_descriptions, profile_languages
from conftest import run_bot

USER = {"id": 777001, "is_bot": False, "first_name": "Marker", "language_code": "en-GB"}
CHAT = {"id": 777001, "type": "private"}


def message(text, **extra):
    return {"message": {"message_id": 1, "date": 0, "chat": CHAT, "from": USER, "text": text, **extra}}




def test_start_menu_card_search_sticker_and_forged_button(engine):
    with FakeBotApi() as api:
        def scenario():
            api.push({**message("/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}])})
            [welcome] = api.wait_for("sendMessage", 1)
            assert "plain words" in welcome["text"] and len(welcome["reply_markup"]["inline_keyboard"]) <= 8
            api.push({"callback_query": {"id": "cq1", "from": USER, "chat_instance": "1", "data": "t|en|health",
                                         "message": {"message_id": 5, "date": 0, "chat": CHAT, "text": "x"}}})
            [edit] = api.wait_for("editMessageText", 1)
            assert "Health care" in edit["text"]
            api.wait_for("answerCallbackQuery", 1)
            api.push(message("doctr no papers"))
            sent = api.wait_for("sendMessage", 2)
            assert "without papers" in json.dumps(sent[1], ensure_ascii=False)  # the card, or a list that offers it
            api.push({"message": {"message_id": 2, "date": 0, "chat": CHAT, "from": USER,
                                  "sticker": {"file_id": "s", "file_unique_id": "s", "width": 1, "height": 1,
                                              "is_animated": False, "is_video": False, "type": "regular"}}})
            sent = api.wait_for("sendMessage", 3)
            assert "only read text" in sent[2]["text"]
            api.push({"callback_query": {"id": "cq2", "from": USER, "chat_instance": "1", "data": "c|en|<forged>",
                                         "message": {"message_id": 5, "date": 0, "chat": CHAT, "text": "x"}}})
            edits = api.wait_for("editMessageText", 2)
            assert "Choose a topic" in edits[1]["text"]
            api.push(message("/start en_det-basics", entities=[{"type": "bot_command", "offset": 0, "length": 6}]))
            sent = api.wait_for("sendMessage", 4)
            assert "principle 8" in sent[3]["text"]

        run_bot(engine, api, scenario)
        assert not any(m == "getFile" for m, _ in api.calls)


def test_inline_query_lists_cards_and_a_chosen_result_is_counted(engine, tmp_path):
    from bot.stats import UsageCounter, summary

    counter = UsageCounter(tmp_path / "u.sqlite")
    with FakeBotApi() as api:
        def scenario():
            api.push({"inline_query": {"id": "iq1", "from": USER, "query": "en detention", "offset": ""}})
            [answer] = api.wait_for("answerInlineQuery", 1)
            results = answer["results"]
            assert 0 < len(results) <= 50
            assert any(r["id"] == "en:det-basics" for r in results)
            assert all(len(r["id"].encode()) <= 64 for r in results)
            api.push({"chosen_inline_result": {"result_id": "en:det-basics", "from": USER, "query": "en detention"}})
            import time
            for _ in range(100):
                counter.flush()
                if summary(tmp_path / "u.sqlite").get("en"):
                    break
                time.sleep(0.05)

        run_bot(engine, api, scenario, counter)
        counter.close()
        assert summary(tmp_path / "u.sqlite")["en"]["top_cards"] == []  # shares are not views
        assert counter.db.execute("select n from counts where event='inline_shared'").fetchone() == (1,)


def test_group_chat_answers_only_mentions(engine):
    group = {"id": -100, "type": "group", "title": "G"}
    with FakeBotApi() as api:
        def scenario():
            api.push({"message": {"message_id": 3, "date": 0, "chat": group, "from": USER, "text": "unpaid wages"}})
            text = "@rights_test_bot unpaid wages"
            api.push({"message": {"message_id": 4, "date": 0, "chat": group, "from": USER, "text": text,
                                  "entities": [{"type": "mention", "offset": 0, "length": 16}]}})
            [reply] = api.wait_for("sendMessage", 1)
            assert "private chat" in reply["text"] and "pay" in json.dumps(reply, ensure_ascii=False)
            import time
            time.sleep(0.5)
            assert len(api.wait_for("sendMessage", 1)) == 1

        run_bot(engine, api, scenario)


def test_a_429_with_retry_after_is_waited_out_and_the_reply_arrives(engine):
    with FakeBotApi() as api:
        api.too_many = 1
        def scenario():
            api.push(message("unpaid wages"))
            [reply] = api.wait_for("sendMessage", 1)
            assert "pay" in json.dumps(reply, ensure_ascii=False)  # the card, or a list that offers it
            assert api.refused == 1

        run_bot(engine, api, scenario)


def test_clear_this_chat_deletes_the_bots_messages(engine):
    with FakeBotApi() as api:
        def scenario():
            api.push(message("/privacy", entities=[{"type": "bot_command", "offset": 0, "length": 8}]))
            [privacy] = api.wait_for("sendMessage", 1)
            clear = privacy["reply_markup"]["inline_keyboard"][0][0]
            assert clear["callback_data"] == "x|en|"
            api.push({"callback_query": {"id": "c", "from": USER, "chat_instance": "1", "data": clear["callback_data"],
                                         "message": {"message_id": 101, "date": 0, "chat": CHAT, "text": "x"}}})
            [deleted] = api.wait_for("deleteMessages", 1)
            assert 101 in deleted["message_ids"]
            sent = api.wait_for("sendMessage", 2)
            assert "deleted" in sent[1]["text"]

        run_bot(engine, api, scenario)


def _profile_is_set_for_every_language(engine):
    codes = profile_languages(engine.catalog.codes)
    with FakeBotApi() as api:
        def scenario():
            calls = api.wait_for("setMyShortDescription", len(codes))
            assert {c.get("language_code") for c in calls} == {None if c == "en" else c for c in codes}
            commands = api.wait_for("setMyCommands", len(codes))
            assert {c.get("language_code") for c in commands} == {None if c == "en" else c for c in codes}
            for call in commands:
                lang = call.get("language_code") or "en"
                assert {c["command"] for c in call["commands"]} >= {"start", "menu", "language", "help", "privacy"}
                assert [c["description"] for c in call["commands"]] == [d for _, d in command_descriptions(engine, lang)]

        run_bot(engine, api, scenario)
    return codes


def test_profile_is_set_for_every_language(engine, catalog):
    # Every offered language Telegram takes a profile in: the two-letter codes (not Sorani, `ckb`).
    assert _profile_is_set_for_every_language(engine) == [c for c in catalog.codes if len(c) == 2]


def test_profile_is_set_for_every_one_of_twenty_languages_telegram_takes(twenty):
    # Telegram refuses a profile in `ckb` (the fake server too): the bot must still start, with 19 profiles.
    assert FakeBotApi()._act("setMyCommands", {"language_code": "ckb"})[0] == 400
    assert len(_profile_is_set_for_every_language(twenty)) == 19


# What a Telegram app sends as `language_code` for a language where it is not the bare code.
TELEGRAM_CODES = {"pt": "pt-br", "en": "en-GB"}


def _start_in_every_language(engine):
    """/start from one person per offered language, each with that language's Telegram code."""
    codes = engine.catalog.codes
    with FakeBotApi() as api:
        def scenario():
            for n, lang in enumerate(codes):
                user = {**USER, "id": 900 + n, "language_code": TELEGRAM_CODES.get(lang, lang)}
                chat = {"id": 900 + n, "type": "private"}
                api.push({"message": {"message_id": 1, "date": 0, "chat": chat, "from": user, "text": "/start",
                                      "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}})
            sent = api.wait_for("sendMessage", len(codes))
            by_chat = {int(m["chat_id"]): m for m in sent}
            for n, lang in enumerate(codes):
                welcome = by_chat[900 + n]
                assert welcome["text"] == engine.welcome(lang).text, lang
                data = [b["callback_data"] for row in welcome["reply_markup"]["inline_keyboard"] for b in row]
                assert data and all(f"|{lang}|" in d for d in data), (lang, data)

        run_bot(engine, api, scenario, set_profile=False)


def test_start_answers_in_every_offered_language_from_its_telegram_code(engine):
    _start_in_every_language(engine)  # the new languages join this test as they are offered


def test_start_answers_in_each_of_twenty_languages_from_its_telegram_code(twenty):
    assert len(twenty.catalog.codes) == 20
    _start_in_every_language(twenty)


def test_webhook_refuses_a_wrong_secret_and_accepts_the_right_one(engine):
    import socket
    import urllib.error
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    body = json.dumps({"update_id": 1, **message("unpaid wages")}).encode()

    def post(secret):
        request = urllib.request.Request(f"http://127.0.0.1:{port}/hook", data=body, method="POST",
                                         headers={"Content-Type": "application/json",
                                                  "X-Telegram-Bot-Api-Secret-Token": secret})
        try:
            return urllib.request.urlopen(request, timeout=5).status
        except urllib.error.HTTPError as error:
            return error.code

    with FakeBotApi() as api:
        async def main():
            app = build_application(engine, "123:TEST", api.base_url)
            async with app:
                await app.start()
                await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="hook",
                                                secret_token="right-secret", webhook_url="https://example.org/hook")
                loop = asyncio.get_running_loop()
                assert await loop.run_in_executor(None, post, "wrong") == 403
                assert await loop.run_in_executor(None, post, "right-secret") == 200
                await loop.run_in_executor(None, api.wait_for, "sendMessage", 1)
                await app.updater.stop()
                await app.stop()

        asyncio.run(main())
        assert len(api.wait_for("sendMessage", 1)) == 1
        [hook] = api.wait_for("setWebhook", 1)
        assert hook["secret_token"] == "right-secret"


def test_no_match_card_back_and_an_expired_button(engine):
    with FakeBotApi() as api:
        def scenario():
            api.push(message("qwxz plmbrt <b>"))
            [reply] = api.wait_for("sendMessage", 1)
            assert "did not find" in reply["text"]
            api.push({"callback_query": {"id": "expired", "from": USER, "chat_instance": "1", "data": "c|en|det-basics",
                                         "message": {"message_id": 5, "date": 0, "chat": CHAT, "text": "x"}}})
            [card] = api.wait_for("editMessageText", 1)
            back = next(b for row in card["reply_markup"]["inline_keyboard"] for b in row if b.get("callback_data") == "t|en|detention")
            api.push({"callback_query": {"id": "b", "from": USER, "chat_instance": "1", "data": back["callback_data"],
                                         "message": {"message_id": 5, "date": 0, "chat": CHAT, "text": "x"}}})
            edits = api.wait_for("editMessageText", 2)
            assert "Detention" in edits[1]["text"]
            assert len(api.wait_for("sendMessage", 1)) == 1  # no "something went wrong" for the expired query

        run_bot(engine, api, scenario)


def test_fake_server_refuses_what_telegram_refuses():
    api = FakeBotApi()
    assert api._answer("sendMessage", {"text": "x" * 4097})[0] == 400
    assert api._answer("sendMessage", {"text": "<b>x", "parse_mode": "HTML"})[0] == 400
    assert api._answer("answerInlineQuery", {"results": [{}] * 51})[0] == 400
    assert api._answer("sendMessage", {"text": "ok", "reply_markup": {"inline_keyboard": [[{"callback_data": "x" * 65}]]}})[0] == 400
    api.server.server_close()


def test_an_edited_message_is_answered_like_a_new_one(engine):
    with FakeBotApi() as api:
        def scenario():
            edited = message("boss wont pay")["message"]
            api.push({"edited_message": {**edited, "edit_date": 1}})
            [reply] = api.wait_for("sendMessage", 1)
            assert "pay" in json.dumps(reply, ensure_ascii=False)  # the card, or a list that offers it

        run_bot(engine, api, scenario)
