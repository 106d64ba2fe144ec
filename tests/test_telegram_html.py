"""The one Telegram-HTML checker refuses what Telegram refuses, and says why."""

import pytest

from bot.bench.fake_bot_api import FakeBotApi
from bot.telegram_html import html_problems


@pytest.mark.parametrize("text, reason", [
    ("<b>x</i>", "closing </i> does not match"),
    ("<div>x</div>", "tag <div> is not in Telegram's HTML subset"),
    ("<b>bold", "unclosed <b>"),
    ("1 < 2", "bare '<'"),
    ("AT&T", "bare '&'"),
    ("&nbsp;", "bare '&'"),
])
def test_bad_html_is_refused_with_its_reason(text, reason):
    problems = html_problems(text)
    assert any(reason in p for p in problems), problems


@pytest.mark.parametrize("text", ["<b>x</b> &amp; <i>y</i>", "2 > 1 &lt; 3 &#160; &quot;q&quot;",
                                  '<a href="https://example.org">link</a>', "<blockquote><b>a</b></blockquote>"])
def test_telegram_html_is_accepted(text):
    assert html_problems(text) == []


def test_the_fake_server_refuses_bad_html_with_the_same_reason():
    api = FakeBotApi()
    try:
        status, answer = api._answer("sendMessage", {"text": "<b>x", "parse_mode": "HTML", "chat_id": 1})
        assert status == 400 and "unclosed <b>" in answer["description"]
        assert api._answer("sendMessage", {"text": "<b>x</b>", "parse_mode": "HTML", "chat_id": 1})[0] == 200
    finally:
        api.server.server_close()


def test_a_translated_note_reaches_telegram_escaped(engine, monkeypatch):
    """A translator may write '<' or '&': the group-chat note must still be valid HTML."""
    from bot.i18n import Translator
    from test_telegram_e2e import USER, run_bot

    original = Translator.gettext
    monkeypatch.setattr(Translator, "gettext", lambda self, message: "A < B & C" if "private chat with me" in message
                        else original(self, message))
    group = {"id": -100, "type": "group", "title": "G"}
    text = "@rights_test_bot unpaid wages"
    with FakeBotApi() as api:
        def scenario():
            api.push({"message": {"message_id": 4, "date": 0, "chat": group, "from": USER, "text": text,
                                  "entities": [{"type": "mention", "offset": 0, "length": 16}]}})
            [reply] = api.wait_for("sendMessage", 1)
            assert "<i>A &lt; B &amp; C</i>" in reply["text"]
            assert not html_problems(reply["text"])

        run_bot(engine, api, scenario)
