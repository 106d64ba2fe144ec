"""Topics no card answers (content/<lang>/search.toml `[not_covered]`): when one of them matches a
question best, the bot says it found nothing rather than offering cards that share a word with it."""

import dataclasses
from pathlib import Path
from types import MappingProxyType

import pytest

from bot.check import not_covered_problems
from bot.content import ContentError, _not_covered
from bot.search import NONE, Searcher
from bot.search.index import NOT_COVERED

TOPICS = {"driving-licence": ("driving licence", "driving test"), "passport-services": ("lost my passport",)}


def _with_topics(catalog, topics, lang="en"):
    language = dataclasses.replace(catalog.languages[lang], not_covered=MappingProxyType(topics))
    return dataclasses.replace(catalog, languages=MappingProxyType({**catalog.languages, lang: language}))


@pytest.fixture(scope="module")
def searchers(catalog):
    return Searcher(_with_topics(catalog, {}), langs=("en",)), Searcher(_with_topics(catalog, TOPICS), langs=("en",))


@pytest.mark.parametrize("question", ["can i drive with my licence from home", "i lost my passport what do i do"])
def test_a_question_on_a_topic_no_card_answers_finds_nothing(searchers, question):
    without, with_topics = searchers
    assert without.answer(question, "en").decision != NONE  # cards sharing a word were offered
    answer = with_topics.answer(question, "en")
    assert answer.decision == NONE
    assert not any(h.card_id.startswith(NOT_COVERED) for h in answer.hits)


def test_a_topic_no_card_answers_keeps_the_question_in_its_language(catalog):
    """Understood as a topic no card answers, a question is not handed to another language that shares a word."""
    question = "can i exchange my driving licence medico"
    spanish_plain = _with_topics(catalog, {}, "es")
    assert Searcher(spanish_plain, langs=("es",)).answer(question, "es").decision != NONE  # Spanish cards know "medico"
    answer = Searcher(_with_topics(spanish_plain, TOPICS), langs=("en", "es")).answer(question, "en")
    assert (answer.lang, answer.decision, answer.not_covered) == ("en", NONE, "driving-licence")


def test_a_question_a_card_answers_still_finds_it(searchers):
    without, with_topics = searchers
    for question in ("my boss took my passport", "can i see a doctor without papers"):
        expected = without.answer(question, "en")
        found = with_topics.answer(question, "en")
        assert found.decision == expected.decision != NONE
        assert [h.card_id for h in found.hits] == [h.card_id for h in expected.hits]


def test_a_card_strong_enough_to_open_is_offered_though_a_topic_matches_better(catalog):
    """A question about a topic no card answers AND something a card answers strongly gets the card."""
    question = "my passport expired and the police stopped me and asked for my papers"
    topics = {"passport-services": ("my passport expired", "police stopped me")}
    answer = Searcher(_with_topics(catalog, topics), langs=("en",)).answer(question, "en")
    assert answer.decision == "list" and answer.not_covered is None
    assert answer.hits[0].card_id == "justice-police"


def test_one_word_the_cards_use_is_not_a_topic_no_card_answers(catalog):
    """"loan" alone may be the recruitment debt work-fees answers as much as a bank loan: the cards are
    offered, and the topic, scoring best, keeps any card from opening by itself."""
    topics = {"bank-loans": ("loan appointment", "loan opening hours", "loan fee online")}
    plain = Searcher(_with_topics(catalog, {}), langs=("en",))
    loans = Searcher(_with_topics(catalog, topics), langs=("en",))
    assert "loan" in loans.indexes["en"].surface  # a word of the cards
    answer = loans.answer("loan", "en")
    assert (answer.decision, answer.not_covered) == ("list", None)
    assert [h.card_id for h in answer.hits] == [h.card_id for h in plain.answer("loan", "en").hits]
    assert loans.answer("loan appointment", "en").not_covered == "bank-loans"
    assert loans.answer("when are the loan opening hours", "en").not_covered == "bank-loans"
    # The word as search reads it: another ending, or a spelling search.toml's [folds] read as the cards'.
    assert "loans" not in loans.indexes["en"].surface and loans.answer("loans", "en").not_covered is None
    sorani = Searcher(catalog, langs=("ckb",))  # "هاوڵاتیبوون" (citizenship) with one و, as often typed
    assert sorani.answer("هاوڵاتیبوون", "ckb").not_covered is None and sorani.answer("هاوڵاتیبوون", "ckb").hits
    # One word that only a topic no card answers uses is that topic's: not found.
    mortgages = Searcher(_with_topics(catalog, {"mortgages": ("mortgage",)}), langs=("en",))
    assert not mortgages.indexes["en"].cards_use("mortgage") and "mortgage" in mortgages.indexes["en"].surface
    assert mortgages.answer("mortgage", "en").not_covered == "mortgages"


def test_a_topic_is_never_a_hit(searchers):
    _, with_topics = searchers
    for question in ("driving licence", "driving test lost my passport", "licence"):
        assert not any(h.card_id.startswith(NOT_COVERED) for h in with_topics.search(question, "en", 10))


def test_check_reports_a_topic_word_that_a_card_answers(catalog):
    others = {k for card in catalog.cards.values() if card.id != "work-forced" for k in card.texts["en"].keywords}
    keyword = next(k for k in catalog.cards["work-forced"].texts["en"].keywords if k not in others)
    problems = not_covered_problems(_with_topics(catalog, {"papers": ("driving test", keyword)}))
    assert problems == [f'en/search.toml [not_covered] papers: "{keyword}" is a keyword of card \'work-forced\', '
                        "which answers it; remove it from one of them"]
    assert not_covered_problems(_with_topics(catalog, TOPICS)) == []


@pytest.mark.parametrize("table", [["driving licence"], {"driving": "driving licence"}, {"driving": [""]}])
def test_a_bad_not_covered_table_names_the_file_and_the_fix(table):
    with pytest.raises(ContentError) as error:
        _not_covered(Path("content/en/search.toml"), table)
    assert "content/en/search.toml" in str(error.value) and "not_covered" in str(error.value)


def test_the_rest_of_a_question_about_a_topic_no_card_answers_finds_its_card(engine):
    """"i lost my passport, can i see a doctor": the passport part no card answers, the doctor part one does."""
    answer = engine.searcher.answer("i lost my passport, can i see a doctor", "en")
    assert (answer.decision, answer.not_covered) == ("list", "passport-services")
    assert answer.hits[0].card_id == "health-doctor"
    # The topic's words alone, or with words that find no card strongly, still find nothing.
    for question in ("i lost my passport what do i do", "how do i renew my passport", "driving test tomorrow morning please"):
        answer = engine.searcher.answer(question, "en")
        assert (answer.decision, answer.not_covered is not None) == (NONE, True), question


def test_a_topic_phrase_before_a_cards_title_finds_the_card_in_every_language(engine, catalog):
    """Each language's first phrase of each topic no card answers, followed by a card's title, as one message:
    the card is offered (before 2026-12-07 such a message got "not found" whenever the topic matched best)."""
    asked = shown = 0
    for lang in catalog.codes:
        cards = [card_id for card_id in list(catalog.cards)[::7] if lang in catalog.cards[card_id].texts]
        for phrases in catalog.languages[lang].not_covered.values():
            for card_id in cards:
                answer = engine.searcher.answer(f"{phrases[0]} {catalog.cards[card_id].texts[lang].title}", lang, 3)
                asked += 1
                shown += answer.decision != NONE and card_id in [h.card_id for h in answer.hits]
    assert asked > 1000
    assert shown >= 0.95 * asked, f"{shown} of {asked} offered their card"


def test_a_long_message_about_a_topic_no_card_answers_compares_few_words_by_likeness(engine, monkeypatch):
    """The rest of a question is found word by word; of the words the cards do not use, only the first MAX_FUZZY
    are compared by likeness (rapidfuzz), as when the whole message is scored, so 4,096 characters cost little."""
    from bot.search import searcher as searcher_module
    from bot.search.scoring import MAX_FUZZY

    index = engine.searcher.indexes["en"]
    strange = [f"zqx{n}vbw" for n in range(300)]
    alone: list[str] = []
    real = searcher_module.card_scores

    def counting(index, words):
        if len(words) == 1:
            alone.append(words[0])
        return real(index, words)

    monkeypatch.setattr(searcher_module, "card_scores", counting)
    answer = engine.searcher.answer("how do i renew my passport " + " ".join(strange), "en")
    assert answer.not_covered == "passport-services"
    assert 0 < sum(w in strange for w in alone) <= MAX_FUZZY
    assert all(w not in index.terms for w in strange)
