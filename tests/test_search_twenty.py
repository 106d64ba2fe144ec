"""Search with twenty languages: a language answers only on evidence, so the new Latin-script languages
(Portuguese, Somali, Kurmanji, Uzbek) never take English, French or Spanish queries, and Tajik and Kyrgyz,
full of Russian loan words, never take Russian ones. The catalog is tests/twenty.py's: every new language
offered, with its real cards where they have landed and stub cards where not."""

import pytest

from bot.quality import tuned_sets

CHOSEN = ("en", "fr", "es", "ru", "uk", "tr", "ar", "fa")


@pytest.fixture(scope="module")
def tuned(catalog):
    return tuned_sets(catalog)


@pytest.mark.parametrize("lang", CHOSEN)
def test_every_tuned_query_gets_the_same_answer_with_twenty_languages(engine, twenty, tuned, lang):
    changed = []
    for row in tuned[lang]:
        before, after = engine.searcher.answer(row.query, lang), twenty.searcher.answer(row.query, lang)
        if after != before:
            changed.append((row.query, before.lang, after.lang, [h.card_id for h in after.hits[:2]]))
    assert len(tuned[lang]) >= 70
    assert changed == []


@pytest.mark.parametrize("lang, queries", [
    ("en", ["hello", "hi", "thanks", "thank you", "ok", "help", "menu", "doctor", "police", "no papers", "boss wont pay",
            "i need a doctor", "my boss did not pay my salary", "police stopped me", "can my son go to school"]),
    ("fr", ["bonjour", "merci", "aide", "medecin sans papiers", "mon patron ne me paie pas", "la police m'a arrete",
            "mon fils peut aller a l'ecole", "hopital", "salaire", "documents"]),
    ("es", ["hola", "gracias", "ayuda", "medico sin papeles", "mi jefe no me paga", "la policia me paro",
            "mi hijo puede ir a la escuela", "hospital", "salario", "documentos", "trabajo sin papeles"]),
    ("ru", ["привет", "спасибо", "помощь", "врач без документов", "начальник не платит зарплату", "полиция остановила",
            "патент", "регистрация", "прописка", "больница", "депортация", "миграция", "документ", "скорая помощь"]),
])
def test_small_talk_and_questions_stay_in_the_chosen_language(engine, twenty, lang, queries):
    for query in queries:
        reply = twenty.text(lang, query)
        assert reply.lang == lang, (query, reply.lang)
        assert (reply.event, reply.card_id) == (engine.text(lang, query).event, engine.text(lang, query).card_id), query


def test_stub_words_are_really_searchable_so_the_tests_above_could_fail(twenty):
    # Each new language's own words find its cards when it is chosen: the catalog is not empty for them.
    for lang, query, card in [("pt", "médico sem documentos", "health-doctor"), ("so", "dhakhtar", "health-doctor"),
                              ("ku", "bijîşk bê belge", "health-doctor"), ("uz", "shifokor hujjatsiz", "health-doctor"),
                              ("tg", "духтур бе ҳуҷҷат", "health-doctor"), ("ky", "доктур документсиз", "health-doctor")]:
        answer = twenty.searcher.answer(query, lang)
        assert answer.lang == lang and card in [h.card_id for h in answer.hits], (lang, query)
    # ... and they answer in their own language when typed with another one chosen, where the chosen has nothing
    assert twenty.searcher.answer("dhakhtar isbitaal", "en").lang == "so"
    assert twenty.searcher.answer("музд маош хоҷаин", "ru").lang == "tg"
    assert twenty.searcher.answer("кожоюнум айлык бербей жатат", "ru").lang == "ky"
