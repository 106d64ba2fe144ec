"""A message whose letters the chosen language never writes is answered in the language that writes them:
Cyrillic Uzbek with Russian chosen, Urdu with Persian chosen (searcher._in_its_letters)."""

import pytest

from bot.search.index import outside_latin


@pytest.fixture(scope="module")
def searcher(engine):
    return engine.searcher


@pytest.mark.parametrize("chosen, query, lang, card", [
    # "How are prisoners kept?": Uzbek ҳ and қ, which the Russian cards never write. Russian read none of
    # its words as written, nor did the word evidence find Uzbek (its cards hold one of them as typed).
    ("ru", "маҳкумлар қандай шароитда сақланади?", "uz", "det-conditions"),
    # "Which organisation should I trust?": Urdu ھ, ہ, ے; the Persian cards share several of its words.
    ("fa", "مجھے کس تنظیم پر بھروسہ کرنا چاہیے", "ur", "helpers-find"),
    # Sorani ێ, ە with Persian chosen: "my wife is pregnant and we have no papers".
    ("fa", "ژنەکەم دووگیانە و هیچ کاغەزێکمان نییە", "ckb", "health-pregnancy"),
])
def test_the_letters_name_the_language_the_chosen_one_does_not_write(searcher, chosen, query, lang, card):
    answer = searcher.answer(query, chosen, 3)
    assert answer.lang == lang
    assert card in [h.card_id for h in answer.hits]


@pytest.mark.parametrize("chosen, query, lang", [
    ("en", "на границе отобрали деньги", "ru"),  # Cyrillic: the letters name the script, the words the language
    ("ru", "я из Києва, мне нужен врач", "ru"),  # one Ukrainian name among Russian words
    ("am", "ኣሰሪየ ደሞዝ ኣልከፈለኝም", "am"),  # Amharic writers use Tigrinya's ኣ too
    ("fa", "كيف ميتونم دكتر برم", "fa"),  # Persian typed on an Arabic keyboard (ك, ي)
    ("ps", "زه گرفتار شوم", "ps"),  # Pashto on a Persian keyboard: "گ" for "ګ" (it answered in Persian)
])
def test_letters_that_do_not_tell_the_language_change_nothing(searcher, chosen, query, lang):
    assert searcher.answer(query, chosen, 3).lang == lang


def test_only_letters_outside_the_latin_alphabet_and_not_keyboard_twins_count():
    assert outside_latin("қ") and outside_latin("ښ") and outside_latin("ቐ")
    assert not any(map(outside_latin, "aéşoʻ"))  # Latin letters and the Uzbek apostrophe letter
    assert not any(map(outside_latin, "يكیکኣ"))
    assert not outside_latin("5") and not outside_latin("۵")


def test_letters_of_two_scripts_in_one_message_name_no_language(searcher):
    found = searcher.answer("маҳкумлар қандай шароитда مجھے کس تنظیم", "en", 3)
    assert found.lang in {"en", "uz", "ur"}  # no language writes both; the words decide, and nothing breaks
