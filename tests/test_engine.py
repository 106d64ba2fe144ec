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


def test_urgent_help_is_the_first_menu_entry_and_back_from_it_is_the_main_menu(engine):
    first = engine.main_menu("en").buttons[0][0]
    assert first.data == cb.encode(cb.CARD, "en", "urgent-help") and first.label.startswith("🆘")
    card = engine.press(first.data)
    assert "emergency" in card.text.lower()
    assert cb.encode(cb.TOPIC, "en", "urgent") not in all_data(card)  # no one-button page nobody saw
    assert cb.encode(cb.MAIN, "en") in all_data(card)


def test_first_screen_fits_a_small_phone_in_every_language(engine, catalog):
    from bot.check import visible_length
    from bot.console import plain

    for lang in catalog.codes:
        welcome = engine.welcome(lang)
        assert len(plain(welcome.text)) <= 160 and plain(welcome.text).count("\n") <= 1, lang
        assert len(welcome.buttons) <= 8, lang
        assert welcome.buttons[0][0].data == cb.encode(cb.CARD, lang, "urgent-help")
        topics = [cb.decode(b.data).arg for row in welcome.buttons for b in row if b.data and b.data.startswith("t|")]
        assert topics[:4] == ["health", "education", "detention", "information"], lang
        assert any(b.data == cb.encode(cb.MORE, lang) for row in welcome.buttons for b in row)
        for row in welcome.buttons:
            assert len(row) == 1 or all(visible_length(b.label) <= 18 for b in row), (lang, row)


def test_every_card_is_at_most_three_taps_from_start(engine, catalog):
    for lang in catalog.codes:
        depth = {data: 1 for data in all_data(engine.start(lang))}
        frontier = list(depth)
        seen_cards = {}
        while frontier:
            data = frontier.pop(0)
            reply = engine.press(data)
            if reply.card_id and reply.event == "card":
                seen_cards.setdefault(reply.card_id, depth[data])
            for nxt in all_data(reply):
                if nxt not in depth:
                    depth[nxt] = depth[data] + 1
                    if depth[nxt] <= 3:
                        frontier.append(nxt)
        assert set(catalog.cards) <= set(seen_cards), set(catalog.cards) - set(seen_cards)
        assert max(seen_cards.values()) <= 3


def test_no_button_leads_to_its_own_screen(engine, catalog):
    for lang in ("en", "ar"):
        screens = {cb.encode(cb.MAIN, lang), cb.encode(cb.MORE, lang), cb.encode(cb.HELP, lang),
                   cb.encode(cb.ABOUT, lang), cb.encode(cb.PRIVACY, lang)}
        screens |= {cb.encode(cb.TOPIC, lang, t) for t in catalog.topics}
        screens |= {cb.encode(cb.CARD, lang, c) for c in catalog.cards}
        for data in screens:
            reply = engine.press(data)
            assert data not in all_data(reply), data
            for row in reply.buttons:  # the language menu is a screen of its own, not this one
                assert len({b.data for b in row if b.data}) == len([b for b in row if b.data])
        for page in range(len(engine.language_pages())):  # only its page buttons, each to another page
            here = cb.encode(cb.LANGUAGES, lang, cb.screen(cb.CARD, "det-basics", page))
            turns = [b.data for row in engine.press(here).buttons for b in row if (b.data or "").startswith(f"{cb.LANGUAGES}|")]
            assert here not in turns and len(turns) == len(set(turns)) <= 2, (lang, page, turns)


def test_the_language_menu_reopens_the_same_screen_in_the_language_chosen(engine, catalog):
    for screen in [(cb.CARD, "health-doctor"), (cb.TOPIC, "detention"), (cb.TOPIC, "family"), (cb.MORE, ""),
                   (cb.MAIN, ""), (cb.HELP, ""), (cb.PRIVACY, "")]:
        here = engine.press(cb.encode(screen[0], "en", screen[1]))
        [globe] = [b for row in here.buttons for b in row if (b.data or "").startswith(f"{cb.LANGUAGES}|")]
        menu = engine.press(globe.data)
        choices = [b for page in menu_pages(engine, menu) for row in page.buttons[:-1] for b in row]
        for lang in catalog.codes:
            [choice] = [b for b in choices if (b.data or "").startswith(f"{screen[0]}|{lang}|{screen[1]}")]
            again = engine.press(choice.data)
            assert again.lang == lang and again.text == engine.press(cb.encode(screen[0], lang, screen[1])).text
        back = [b for row in menu.buttons for b in row if b.label == "⬅️ Back"]
        assert screen[0] == cb.MAIN or back[0].data == cb.encode(screen[0], "en", screen[1])


def menu_pages(engine, menu):
    """Every page of a paged language menu, from its first, turning forward with ▶️."""
    pages = [menu]
    while forward := [b.data for row in pages[-1].buttons for b in row if b.label.endswith("▶️")]:
        pages.append(engine.press(forward[0]))
        assert len(pages) <= 10, "the language menu's pages never end"
    return pages


def test_unknown_commands_get_a_note_and_the_menu(engine):
    for name in ["stop", "settings", "x" * 40]:
        reply = engine.command("en", name)
        assert reply.event == "unknown_command" and "do not know that command" in reply.text
        assert reply.buttons == engine.main_menu("en").buttons
    assert engine.command("fr", "stop").text.startswith("Désolé")


def test_feedback_is_answered_in_place_and_counted_by_card(engine):
    card = engine.card("fa", "det-basics")
    up, down = card.buttons[0]
    assert up.data == cb.encode(cb.FEEDBACK, "fa", "+det-basics") and down.data == "f|fa|-det-basics"
    thanks = engine.press(up.data)
    assert (thanks.event, thanks.card_id, thanks.lang) == ("helpful", "det-basics", "fa")
    assert thanks.text == card.text and thanks.notice and thanks.buttons == card.buttons[1:]
    assert engine.press(down.data).event == "not_helpful"
    assert engine.press("f|en|+no-such-card").event == "menu"


def test_inline_language_prefix_answers_in_that_language(engine):
    found = engine.shareable("en", "fa detention")
    assert found and all(item.lang == "fa" for item in found)
    assert "det-basics" in [item.card_id for item in found[:3]]
    assert found[0].button == engine.tr("fa").gettext("🤖 Open in the bot") != "🤖 Open in the bot"
    assert all(item.lang == "en" for item in engine.shareable("en", "EN detention"))


def test_small_talk_words_are_folded_once(engine, monkeypatch):
    import bot.engine as engine_module

    calls = []
    real = engine_module.normalize
    monkeypatch.setattr(engine_module, "normalize", lambda text: calls.append(text) or real(text))
    assert engine.text("en", "Thanks!").event == "small_talk"
    assert len(calls) == 1  # the message only, never the small-talk lists


def test_deep_links_open_cards_and_topics_and_wrong_ones_say_so(engine):
    assert engine.start("en", "en_health-doctor").card_id == "health-doctor"
    assert engine.start("en", "EN_HEALTH-DOCTOR").card_id == "health-doctor"  # a QR reader that shouts
    assert engine.start("en", "en_detention").event == "deep_link"
    assert engine.start("en", "health-doctor").card_id == "health-doctor"
    assert engine.start("en", "fr").event == "start" and engine.start("en", "fr").lang == "fr"
    assert engine.start("en").event == "start"
    for bad in ["nope", "en_nope", "en_", "../../etc", "x" * 80, "ar_!!"]:
        reply = engine.start("en", bad)
        assert reply.event == "bad_link" and "link did not work" in reply.text, bad
        assert reply.buttons == engine.welcome("en").buttons
    assert "لا يعمل" in engine.start("ar", "ar_nope").text


def test_small_talk_gets_sensible_replies(engine):
    assert engine.text("en", "hi").event == "start"
    assert engine.text("en", "Thanks!").event == "small_talk"
    assert "How to use" in engine.text("en", "help").text
    assert engine.text("en", "menu").event == "menu"


def test_no_match_is_kind_and_offers_the_menu(engine):
    reply = engine.text("en", "qwxz plmbrt")
    assert reply.event == "search_unanswered"
    assert "did not find" in reply.text and reply.buttons


def test_a_question_partly_about_a_topic_no_card_answers_says_so_and_offers_the_cards(engine, catalog):
    reply = engine.text("en", "i lost my passport, can i see a doctor")
    assert reply.event == "search_answered" and reply.text.startswith("I cannot answer all of that.")
    assert reply.not_covered == "passport-services" == engine.text("en", "how do i renew my passport").not_covered
    assert reply.card_id == "health-doctor"
    assert engine.text("en", "can i see a doctor").text.startswith("Here is what I found.")
    # In the person's language: Arabic, a topic's phrase and the doctor card's title as one message.
    questions = [f"{phrases[0]} {catalog.cards['health-doctor'].texts['ar'].title}"
                 for phrases in catalog.languages["ar"].not_covered.values()]
    partly = [q for q in questions if engine.searcher.answer(q, "ar").not_covered]
    assert partly, "a topic no card answers matches best in one of them"
    arabic = engine.text("ar", partly[0])
    assert "لا أستطيع الإجابة عن كل ذلك" in arabic.text and "health-doctor" in str(arabic.buttons)


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


def test_inline_a_code_that_is_also_a_word_names_a_language_only_with_a_colon(twenty):
    # Somali `so`, Amharic `am`, Urdu `ur` are English words (and texting), Tigrinya `ti` a Spanish one.
    for lang, query in [("en", "so my boss wont pay"), ("en", "am i allowed to see a doctor"), ("en", "ur boss must pay"),
                        ("es", "ti te pueden detener")]:
        found = twenty.shareable(lang, query)
        assert found and all(item.lang == lang for item in found), (lang, query)
    assert {item.lang for item in twenty.shareable("en", "so: boss wont pay")} == {"so"}
    assert {item.lang for item in twenty.shareable("en", "am: detention")} == {"am"}
    assert {item.lang for item in twenty.shareable("fr", "so travail")} == {"so"}  # no French word
    assert {item.lang for item in twenty.shareable("en", "fa: detention")} == {"fa"}
