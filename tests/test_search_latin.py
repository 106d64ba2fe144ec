"""search.toml `[latin]`: a language written in other letters, typed in Latin letters, read in its own."""

import dataclasses
from pathlib import Path

import pytest

from bot.content import ContentError, _latin
from bot.search import Searcher

# How people and phones' transliterating keyboards write Russian in Latin letters (BGN/PCGN-like); not the
# table in content/ru/search.toml, which reads "j" as "й" and "x" as "х" too.
SCHEME = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
          "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
          "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
          "э": "e", "ю": "yu", "я": "ya"}


def in_latin(text: str) -> str:
    return "".join(SCHEME.get(c, c) for c in text.lower())


def test_russian_typed_in_latin_letters_finds_what_it_finds_in_russian(engine, catalog):
    answer = engine.searcher.answer("mne ne platyat zarplatu", "ru")
    assert (answer.lang, answer.hits[0].card_id) == ("ru", "work-unpaid")
    # Each card's Russian example questions, typed in Latin letters, each asked with its fifth of the questions
    # taken out of the cards (before the [latin] table: 60% in the top 3).
    asked = found = 0
    for fold in range(5):
        cards = {}
        for card in catalog.cards.values():
            text = card.texts["ru"]
            kept = tuple(q for n, q in enumerate(text.questions) if n % 5 != fold)
            cards[card.id] = dataclasses.replace(card, texts={**card.texts, "ru": dataclasses.replace(text, questions=kept)})
        searcher = Searcher(dataclasses.replace(catalog, cards=cards), langs=("ru",))
        for card in catalog.cards.values():
            for question in catalog.cards[card.id].texts["ru"].questions[fold::5]:
                asked += 1
                found += card.id in [h.card_id for h in searcher.answer(in_latin(question), "ru", 3).hits]
    assert found >= 0.75 * asked, f"{found} of {asked} example questions typed in Latin letters in the top 3"


@pytest.mark.parametrize("question, lang", [("they put my kids in detention with me", "en"),
                                            ("estou preso no centro e preciso de um medico", "pt"),
                                            ("nao tem porta no banheiro do centro", "pt")])
def test_another_language_in_latin_letters_is_not_read_as_russian(engine, question, lang):
    """English "my" and "in" read as Russian "мы" and "ин", but the message is not Russian."""
    assert engine.searcher.answer(question, "ru").lang == lang


def test_the_chosen_language_typed_in_latin_letters_answers_in_that_language(engine):
    """Its [latin] table reads the message: a language that keeps a few of its words in Latin is no evidence
    (the Kyrgyz cards keep "pravo" and "migrant")."""
    answer = engine.searcher.answer("chi mayu pravo na svobodu slova yak migrant", "uk")
    assert (answer.lang, answer.hits[0].card_id) == ("uk", "info-media")


@pytest.mark.parametrize("question, card", [("ne dayut zarplatu za rabotu", "work-unpaid"),
                                            ("gde perenochevat bez deneg", "living-shelter")])
def test_russian_typed_in_latin_letters_with_tajik_chosen_is_russian(engine, question, card):
    """The Tajik table reads the Russian words the Tajik cards borrow, but the message is Russian, not a Tajik
    topic no card answers (job search, money transfers)."""
    answer = engine.searcher.answer(question, "tg")
    assert (answer.lang, answer.hits[0].card_id) == ("ru", card)


@pytest.mark.parametrize("table", [["zh"], {"ZH": "ж"}, {"ж": "zh"}, {"zh": ""}, {"z h": "ж"}])
def test_a_bad_latin_table_names_the_file_and_the_fix(table):
    with pytest.raises(ContentError) as error:
        _latin(Path("content/ru/search.toml"), table)
    assert "content/ru/search.toml" in str(error.value) and "latin" in str(error.value)
