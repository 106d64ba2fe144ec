from bot import callbacks as cb
from bot.check import MAX_MESSAGE
from bot.telegram_html import html_problems


def all_data(reply):
    return [b.data for row in reply.buttons for b in row if b.data]


def test_every_card_is_reachable_by_pressing_buttons_from_the_main_menu(engine, catalog):
    seen_cards, seen_data = set(), set()
    queue = all_data(engine.main_menu("en"))
    while queue:
        data = queue.pop()
        if data in seen_data:
            continue
        seen_data.add(data)
        reply = engine.press(data)
        if reply.card_id:
            seen_cards.add(reply.card_id)
        queue += all_data(reply)
    assert seen_cards == set(catalog.cards)


def test_card_has_back_to_its_topic_main_menu_and_related(engine, catalog):
    card = catalog.cards["health-doctor"]
    reply = engine.card("en", card.id)
    data = all_data(reply)
    assert cb.encode(cb.TOPIC, "en", card.topic) in data
    assert cb.encode(cb.MAIN, "en") in data
    for related in card.related:
        assert cb.encode(cb.CARD, "en", related) in data
    back = engine.press(cb.encode(cb.TOPIC, "en", card.topic))
    assert cb.encode(cb.CARD, "en", card.id) in all_data(back)


def test_rows_hold_at_most_two_buttons(engine, catalog):
    replies = [engine.main_menu("en"), engine.language_menu("en")]
    replies += [engine.card("en", c) for c in catalog.cards] + [engine.topic("en", t) for t in catalog.topics]
    for reply in replies:
        assert all(len(row) <= 2 for row in reply.buttons)
        assert len(reply.text) <= MAX_MESSAGE and not html_problems(reply.text)


def test_forged_or_stale_callback_data_gives_the_main_menu(engine):
    menu = engine.main_menu("en")
    for forged in ["", "x" * 500, "c|en|no-such-card", "t|zz|health", "c|en", "<b>|en|x", None, "m|en|a|b"]:
        reply = engine.press(forged)
        assert reply.text == menu.text and reply.event == "menu"


def test_urgent_help_is_the_first_menu_entry(engine):
    first = engine.main_menu("en").buttons[0][0]
    assert first.data == cb.encode(cb.CARD, "en", "urgent-help")
    assert "emergency" in engine.press(first.data).text.lower()


def test_deep_links_open_cards_and_topics_and_unknown_ones_the_welcome(engine):
    assert engine.start("en", "en_health-doctor").card_id == "health-doctor"
    assert engine.start("en", "en_detention").event == "deep_link"
    assert engine.start("en", "health-doctor").card_id == "health-doctor"
    for bad in ["nope", "en_nope", "../../etc", "x" * 80, "ar_!!"]:
        reply = engine.start("en", bad)
        assert reply.event == "start"


def test_small_talk_gets_sensible_replies(engine):
    assert engine.text("en", "hi").event == "start"
    assert engine.text("en", "Thanks!").event == "small_talk"
    assert "How to use" in engine.text("en", "help").text
    assert engine.text("en", "menu").event == "menu"


def test_no_match_is_kind_and_offers_the_menu(engine):
    reply = engine.text("en", "qwxz plmbrt")
    assert reply.event == "search_unanswered"
    assert "did not find" in reply.text and reply.buttons


def test_any_text_gets_a_reply_within_limits(engine):
    for text in ["", " ", "🙂" * 5000, "a" * 100000, "<script>alert(1)</script>", "\x00\u202e", "طبيب", "доктор"]:
        reply = engine.text("en", text)
        assert reply.text and len(reply.text) <= MAX_MESSAGE and not html_problems(reply.text)


def test_card_text_is_escaped_and_cites_its_sources(engine):
    reply = engine.card("en", "det-basics")
    assert "principle 8" in reply.text and "not legal advice" in reply.text


def test_callback_data_and_payloads_fit(catalog):
    for item in (*catalog.cards, *catalog.topics):
        assert len(cb.encode(cb.CARD, "en", item).encode()) <= 64
        assert cb.parse_payload(cb.payload("en", item)) == ("en", item)
