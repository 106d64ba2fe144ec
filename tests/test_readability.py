"""Plain language, measured with textstat 0.7.4 where it has a formula for the language.

English: Flesch-Kincaid grade. Spanish: Fernández-Huerta and Szigriszt-Pazos (INFLESZ scale).
French: Flesch reading ease with Kandel & Moles' constants; Russian: with Oborneva's constants
(textstat's set_lang("fr") / set_lang("ru")). Arabic: Osman. Ukrainian, Persian and Turkish: textstat
has no formula for them, so they are not measured. Higher scores are easier, except for the grade.
"""

import textstat

# lang -> (name, textstat language, formula, lowest average, lowest single card)
EASE = {
    "es": [("Fernández-Huerta", "es", textstat.fernandez_huerta, 70, 55),
           ("Szigriszt-Pazos", "es", textstat.szigriszt_pazos, 65, 50)],
    "fr": [("Flesch (Kandel & Moles)", "fr", textstat.flesch_reading_ease, 75, 60)],
    "ru": [("Flesch (Oborneva)", "ru", textstat.flesch_reading_ease, 50, 30)],
    "ar": [("Osman", "en_US", textstat.osman, 75, 55)],
}


def scores(catalog, lang, formula, textstat_lang):
    textstat.set_lang(textstat_lang)
    try:
        return {cid: formula(c.texts[lang].body) for cid, c in catalog.cards.items() if lang in c.texts}
    finally:
        textstat.set_lang("en_US")


def test_english_card_bodies_are_plain(catalog):
    grades = {cid: textstat.flesch_kincaid_grade(c.texts["en"].body) for cid, c in catalog.cards.items()}
    average = sum(grades.values()) / len(grades)
    print(f"\nFlesch-Kincaid: average {average:.1f}, max {max(grades.values()):.1f}")
    assert average <= 6
    assert {cid: g for cid, g in grades.items() if g > 8} == {}


def test_translated_card_bodies_are_plain(catalog):
    failures = []
    for lang, formulas in EASE.items():
        for name, textstat_lang, formula, lowest_average, lowest_card in formulas:
            found = scores(catalog, lang, formula, textstat_lang)
            average = sum(found.values()) / len(found)
            print(f"\n{lang} {name}: average {average:.1f}, lowest {min(found.values()):.1f} ({len(found)} cards)")
            if average < lowest_average:
                failures.append(f"{lang} {name}: average {average:.1f} < {lowest_average}")
            failures += [f"{lang}/{cid} {name}: {s:.1f} < {lowest_card}" for cid, s in found.items() if s < lowest_card]
    assert failures == []


def test_a_harder_text_scores_lower_in_each_formula():
    easy, hard = "El niño come pan. Va a la escuela.", (
        "La administración competente determinará, mediante procedimientos individualizados, "
        "la procedencia de medidas alternativas a la privación de libertad."
    )
    for name, textstat_lang, formula, _, _ in EASE["es"]:
        textstat.set_lang(textstat_lang)
        try:
            assert formula(easy) > formula(hard), name
        finally:
            textstat.set_lang("en_US")


def test_enough_cards_where_it_matters(catalog):
    assert len(catalog.cards) >= 60
    for topic in ("health", "education", "detention", "information"):
        assert len(catalog.topics[topic].cards) >= 5
