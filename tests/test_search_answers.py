"""What the search decides for the messages issue 10 lists, and the rules of the retrieval model."""

import pytest

from bot.content import load_catalog
from bot.normalize import normalize
from bot.search import LIST, NONE, OPEN, Searcher
from bot.search.searcher import _most, _reads, _words_read


def answer(engine, lang, query):
    return engine.searcher.answer(query, lang)


def top3(found):
    return [h.card_id for h in found.hits[:3]]


@pytest.mark.parametrize("query", ["x", "X", "5", "123", "no", "yes", "ok", "what is the weather", "thank you so much",
                                   "hi how are you", "i love you", "🙂", "?!"])
def test_junk_finds_nothing(engine, query):
    found = answer(engine, "en", query)
    assert found.decision == NONE and found.lang == "en", (query, found)


@pytest.mark.parametrize("lang, query", [("es", "hola buenas noches"), ("fr", "merci beaucoup"), ("ru", "спасибо большое"),
                                         ("uk", "як справи"), ("tr", "iyi geceler"), ("ar", "كيفك"), ("fa", "خوبی")])
def test_small_talk_never_opens_a_card(engine, lang, query):
    assert answer(engine, lang, query).decision != OPEN


@pytest.mark.parametrize("lang, word", [("en", "lawyer"), ("en", "papers"), ("fr", "avocat"), ("es", "abogado")])
def test_one_common_word_of_the_cards_offers_them(engine, lang, word):
    """A word so common in the cards that it scores low is still offered, never "not found"."""
    found = answer(engine, lang, word)
    assert found.hits and found.decision == LIST, found


def test_english_small_talk_stays_english(engine):
    reply = engine.text("en", "thank you so much")
    assert reply.lang == "en" and reply.card_id is None


def test_question_mark_reaches_help(engine):
    assert engine.text("en", "?").text == engine.help("en").text


def test_a_lone_letter_never_matches_but_a_keyword_phrase_with_it_does(engine):
    assert answer(engine, "en", "x").hits == ()
    assert "children-age" in top3(answer(engine, "en", "they want an x-ray of my hand"))


@pytest.mark.parametrize("lang, query, card", [
    ("en", "I want to apply for asylum", "border-asylum"),
    ("en", "can I work while my asylum claim is pending", "work-right"),
    ("es", "necesito un medico", "health-doctor"),
    ("uk", "я біженка з україни живу в польщі чи можна мені вчитися в університеті", "edu-higher"),
    ("tr", "merhaba ben suriyeliyim eşim ve çocuklarım suriyede, onları buraya getirebilir miyim", "family-reunite"),
    ("tr", "kimligim yok hastaneye gidebilirmiyim", "health-doctor"),
    ("ru", "можно к врачу если нет патента", "health-doctor"),
])
def test_the_issues_examples_find_their_card(engine, lang, query, card):
    found = answer(engine, lang, query)
    assert found.decision != NONE and card in top3(found), (query, found)


@pytest.mark.parametrize("lang, query, wrong", [
    ("ru", "можно к врачу если нет патента", "det-basics"),
    ("tr", "kimligim yok hastaneye gidebilirmiyim", "status-stateless"),
    ("tr", "geri gonderme merkezine koydular ne yapabilirim", "returns-danger"),
    ("en", "x", "children-age"),
])
def test_the_issues_wrong_cards_do_not_open(engine, lang, query, wrong):
    found = answer(engine, lang, query)
    assert not (found.decision == OPEN and found.hits[0].card_id == wrong), found


def test_a_spanish_question_with_english_chosen_answers_in_spanish(engine):
    found = answer(engine, "en", "necesito un medico sin papeles")
    assert found.lang == "es" and found.hits[0].card_id == "health-doctor"


def test_one_shared_word_in_a_long_message_does_not_switch_the_language(engine):
    # A Somali word alone with English chosen answers in Somali; the same word among many words
    # neither English nor Somali cards use is chance (a question typed in another language's letters).
    assert answer(engine, "en", "dhakhtar").lang == "so"
    found = answer(engine, "en", "blorvik zantuqe merropil vashkanti dhakhtar")
    assert found.lang == "en", found


def test_a_word_many_languages_share_is_no_evidence_when_the_chosen_language_understood(engine):
    # Many languages' cards keep "doktor", "police", "lawyer" in Latin letters. Kyrgyz typed in Latin
    # letters answered in Amharic (its cards have "doktor"), and English with Arabic chosen in Bengali.
    searcher = engine.searcher
    assert searcher._shared("doktor") and not searcher._shared("medico")
    found = answer(engine, "ky", "doktor kerek")
    assert found.lang == "ky" and found.hits[0].card_id == "health-doctor", found
    for chosen in ("ar", "es", "ru"):
        found = answer(engine, chosen, "i need a lawyer")
        assert found.lang == "en" and found.hits[0].card_id == "justice-lawyer", (chosen, found)


def test_a_word_two_languages_share_answers_in_the_one_whose_cards_use_it_most(engine):
    # Scores are no measure across languages: "abogado" (a word of the Spanish and the Somali cards) answered
    # in Somali, where it is rarer and so scored higher; "hastane" (Turkish, and a Kurmanji keyword) in Kurmanji.
    assert answer(engine, "en", "abogado").lang == "es"
    assert answer(engine, "en", "hastane").lang == "tr"
    # With Russian or Arabic chosen: Kurmanji's cards hold both "avukat" and "lazim" as keywords; in Turkish
    # "lazim" is a stop word, and counts as a Turkish word all the same.
    assert answer(engine, "ru", "avukat lazim").lang == answer(engine, "ar", "avukat lazim").lang == "tr"


def test_a_typo_of_the_chosen_languages_word_is_no_evidence_of_the_language_it_happens_to_spell(engine):
    # "astma" (asthma) with English chosen answered in Uzbek, whose cards have the word; "buling" in Spanish.
    for chosen, typo in (("en", "astma"), ("en", "buling"), ("am", "lawer"), ("ru", "sirta")):
        found = answer(engine, chosen, typo)
        assert found.lang == chosen, (chosen, typo, found)


def test_a_word_two_languages_share_alike_answers_in_the_chosen_language(engine):
    # "astma", a word of one Pashto and one Uzbek card, with Persian, French, Kyrgyz or Russian chosen answered
    # in Pashto, first of the two in the catalog's order: a coin toss. Such words lend their cards instead.
    searcher = engine.searcher
    shared_alike = {}  # word -> the two languages whose cards use it, as often
    for word in sorted(searcher.indexes["uz"].surface):
        if len(word) >= 5 and word.isalpha():
            users = [lang for lang, index in searcher.indexes.items() if word in index.surface]
            if len(users) == 2 and len({searcher.indexes[lang].card_count(word) for lang in users}) == 1:
                shared_alike[word] = users
    for chosen in ("fa", "fr", "ru"):
        tied = [word for word, users in shared_alike.items() if chosen not in users]
        assert len(tied) >= 5, (chosen, tied)
        for word in tied:
            found = answer(engine, chosen, word)
            assert found.lang == chosen and all(hit.lang == chosen for hit in found.hits), (chosen, word, found)


def test_a_language_that_reads_less_of_an_understood_message_does_not_take_it(engine):
    # Kyrgyz in Latin letters, "the police beat me, where can I write a complaint", with Kyrgyz chosen: the
    # Kyrgyz cards read five of its seven words; "ariza", a word of the Uzbek cards (Kyrgyz "aryz"), made it
    # answer in Uzbek, which reads three.
    found = answer(engine, "ky", "militsiya urdu meni kaida ariza jazsam bolot")
    assert found.lang == "ky" and found.decision != NONE, found
    # A message another language reads more of still switches: Spanish with English chosen.
    assert answer(engine, "en", "necesito un medico sin papeles").lang == "es"


def test_a_shared_word_the_chosen_language_does_not_know_finds_cards_in_the_chosen_language(engine):
    # "doktor" with French chosen: the French cards do not use it, ten languages' cards do. It answered in
    # Amharic; the cards it finds answer in French.
    found = answer(engine, "fr", "doktor")
    assert found.lang == "fr" and found.decision != NONE and found.hits[0].card_id == "health-doctor", found
    assert all(hit.lang == "fr" for hit in found.hits)


def test_two_latin_letters_another_language_knows_never_switch_the_language(engine):
    # "eu", "my", "aj", "tv": abbreviations and particles that other languages' cards hold ("what about eu"
    # with English chosen answered in Tigrinya).
    searcher = engine.searcher
    for chosen in ("en", "ru", "es"):
        pairs = {w for lang, index in searcher.indexes.items() if lang != chosen for w in index.surface
                 if len(w) == 2 and w.isascii() and not w.isdigit() and not searcher.is_word(w, chosen)}
        assert pairs, chosen
        for word in sorted(pairs):
            assert answer(engine, chosen, word).lang == chosen, (chosen, word)
            assert answer(engine, chosen, f"what about {word}").lang == chosen, (chosen, word)


def test_an_inflected_ukrainian_word_meets_its_keyword(engine):
    assert top3(answer(engine, "uk", "безплатного"))[0] == "justice-lawyer"


def test_function_words_of_keyword_phrases_do_not_count_alone(engine):
    for lang, word in [("ar", "فيني"), ("ar", "معي"), ("ar", "حدا"), ("fa", "برم"), ("fa", "نمیکنه"), ("en", "no")]:
        assert answer(engine, lang, word).decision == NONE, (lang, word)


def test_the_end_of_a_long_message_is_read(engine):
    chatter = "hello I hope you are well and I am sorry to write so much " * 40
    found = answer(engine, "en", chatter + "my boss has not paid my wages for three months")
    assert "work-unpaid" in top3(found)


def test_a_look_alike_never_outranks_the_exact_word(content_copy):
    # "mexico" is rarer than "medico" (one card): as a look-alike it once beat the exact word.
    path = content_copy / "es" / "cards" / "journey.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("keywords = [", 'keywords = ["mexico", ', 1), encoding="utf-8")
    searcher = Searcher(load_catalog(content_copy), langs=("es",))
    assert searcher.answer("necesito un medico", "es").hits[0].card_id == "health-doctor"


def test_an_unknown_word_finds_its_look_alike(engine):
    assert "health-doctor" in top3(answer(engine, "en", "docter without paperz"))



def test_a_long_message_stems_and_compares_a_bounded_number_of_words(engine, monkeypatch):
    from bot.search import language, scoring

    calls = {"term": 0, "fuzzy": 0}
    term, look_alikes = language.Analyzer.term, scoring._look_alikes
    monkeypatch.setattr(language.Analyzer, "term", lambda self, w: calls.__setitem__("term", calls["term"] + 1) or term(self, w))
    monkeypatch.setattr(scoring, "_look_alikes", lambda i, w: calls.__setitem__("fuzzy", calls["fuzzy"] + 1) or look_alikes(i, w))
    message = " ".join(f"qzx{n}vbn" for n in range(600))[:4096]
    tried = 1 + len(engine.catalog.codes)  # the chosen language, and at most every other one
    engine.searcher.answer(message, "uk")
    assert 0 < calls["term"] <= scoring.MAX_STEMMED * tried and calls["fuzzy"] <= scoring.MAX_FUZZY * tried, calls


@pytest.mark.parametrize("lang", ["uk", "ru", "en", "ar"])
def test_characters_without_a_unicode_name_do_not_break_search(engine, lang):
    # Found by hypothesis: pymorphy3 raised ValueError on U+17000, which unicodedata cannot name.
    for query in ["\U00017000", "\U00017000 лікар", "лікар\U00017000", "\U000e0001x"]:
        answer(engine, lang, query)


def test_a_language_that_borrows_a_questions_words_does_not_take_it_from_the_language_it_is_written_in(engine):
    # The Tajik and Kyrgyz cards keep Russian questions as migrants type them, so every word of many Russian
    # questions is also a word of theirs. "скрининг на границе это что такое" with English chosen answered in
    # Kyrgyz, whose cards read five of its six words, because its example question opened a card; and
    # "мени отказали в азили что делать" (surzhyk, Ukrainian chosen) in Tajik, because "что" and "делать" are
    # Russian stop words and did not count as Russian. Built from the cards: every example question whose
    # every word its own language reads answers in that language or the chosen one, not in one that reads less.
    searcher = engine.searcher
    asked = 0
    for lang, chosen in (("ru", "en"), ("ru", "ar"), ("tr", "en"), ("en", "ar")):
        own = searcher.indexes[lang]
        for card in engine.catalog.cards.values():
            for question in card.texts[lang].questions:
                words = set(normalize(question).split())
                if not all(_reads(own, w) for w in words):
                    continue
                asked += 1
                found = answer(engine, chosen, question)
                other = searcher.indexes.get(found.lang)
                assert found.lang in (lang, chosen) or all(_reads(other, w) for w in words), (chosen, question, found)
    assert asked >= 1000, asked
    found = answer(engine, "uk", "мени отказали в азили что делать")
    assert found.lang == "ru" and found.hits[0].card_id == "border-assessment", found


def test_a_question_most_of_whose_words_only_its_own_language_reads_answers_in_it(engine):
    # "ils m ont enfermé sans me donner de papier qui explique pourquoi" with English chosen answered in English
    # with discrim-words alone: the English cards hold "sans papiers", and a French answer as sure as the
    # English one (both lists) had to score half again as high. English reads two of its twelve words. And a
    # strong English match or an English topic stopped the search for the question's language: "ca se passe
    # comment quand on arrive au poste frontiere" ("arrive", "frontier"), "jai pas d acte de naissance" ("act").
    searcher = engine.searcher
    asked = 0
    for lang, chosen in (("fr", "en"), ("uk", "ru"), ("fa", "ar"), ("pt", "en")):
        own, other = searcher.indexes[lang], searcher.indexes[chosen]
        for card in engine.catalog.cards.values():
            for question in card.texts[lang].questions:
                words = normalize(question).split()
                unique = set(words)
                if 3 * _words_read(other, unique) >= len(unique) or not _most(_words_read(own, unique), len(unique)):
                    continue
                if not any(w in own.surface and not _reads(other, w) for w in unique):
                    continue  # made of stop words and words no card uses: no evidence of its language
                asked += 1
                found = answer(engine, chosen, question)
                if found.lang != chosen:
                    continue
                in_own = searcher._answer(words, lang, 5)
                assert in_own.decision == NONE or (found.decision, in_own.decision) == (OPEN, LIST), (chosen, question)
    assert asked >= 1000, asked
    found = answer(engine, "en", "ils m ont enfermé sans me donner de papier qui explique pourquoi")
    assert found.lang == "fr" and "det-challenge" in top3(found), found


def test_an_english_question_asked_with_russian_chosen_is_not_sent_to_a_russian_topic(engine):
    # README: English typed with Russian chosen still answers in English. Russian reads "my", "i", "a" of it as its
    # Latin stop words, so an English word among a Russian topic's keywords ("id" of "id карта", "union" of "western
    # union"), or one the [latin] table reads as a topic's term ("in" as "ин", which "инн" was cut to), gave the
    # Russian topic a message Russian reads a third of: "boss holds my ID", "can i join a union" and "police came
    # to my house in a raid" got "not found". Built from the cards' English example questions.
    sent = [question for card in engine.catalog.cards.values() for question in card.texts["en"].questions
            if (found := answer(engine, "ru", question)).decision == NONE and found.not_covered]
    assert not sent, sent
