"""Strength of "should", the glossary of legal terms and the review records."""

import re

from bot.check import run_check
from bot.content import SOURCE_LANG, load_catalog
from bot.glossary import glossary_warnings, load_glossary
from bot.phrases import fold, stem_pattern, word_pattern
from bot.reviews import review_counts
from bot.strength import load_strength, strength_warnings


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def card_block(path, card_id):
    return re.search(rf"\[{card_id}\].*?(?=\n\[|\Z)", path.read_text(encoding="utf-8"), re.S).group(0)


def replace_in_card(path, card_id, old, new):
    block = card_block(path, card_id)
    assert old in block, f"{old!r} not in [{card_id}] of {path}"
    edit(path, block, block.replace(old, new, 1))


def set_card(path, card_id, title, body, actions):
    """Give a translated card known text, keeping its other fields."""
    block = card_block(path, card_id)
    new = re.sub(r'^title = .*$', lambda _: f"title = {title!r}".replace("'", '"'), block, count=1, flags=re.M)
    new = re.sub(r'^body = """.*?"""', lambda _: f'body = """\n{body}\n"""', new, count=1, flags=re.M | re.S)
    new = re.sub(r'^actions = (?:\[[^\n]*\]$|\[\n.*?\n\])', lambda _: "actions = [" + ", ".join(f'"{a}"' for a in actions) + "]",
                 new, count=1, flags=re.M | re.S)
    edit(path, block, new)


def about(warnings, lang, card_id):
    return [w for w in warnings if w.startswith(f"{lang}/") and f"[{card_id}]" in w]


def test_every_language_says_how_strong_should_and_must_are(catalog):
    for lang in catalog.codes:
        strength = load_strength(catalog.root, lang)
        assert strength is not None and strength.should and strength.must, lang


def test_every_language_renders_every_legal_term(catalog):
    glossary = load_glossary(catalog.root, catalog.codes)
    assert {"asylum", "detention", "non-refoulement", "custody", "legal-aid"} <= set(glossary.marks)
    for lang in catalog.codes:
        if lang != SOURCE_LANG:
            assert set(glossary.renderings[lang]) == set(glossary.marks), lang
    assert glossary.renderings["fa"]["interpreter"].dari  # Dari beside Iranian Persian


def test_must_form_where_english_says_should_is_named_with_its_fix(content_copy):
    path = content_copy / "es/cards/health.toml"
    set_card(path, "health-doctor", "¿Puedo ver a un médico?", "Los países deberían ayudarte.", ["Pide ayuda."])
    assert about(strength_warnings(load_catalog(content_copy)), "es", "health-doctor") == []
    replace_in_card(path, "health-doctor", "deberían", "tienen que")
    [warning] = about(strength_warnings(load_catalog(content_copy)), "es", "health-doctor")
    assert "es/cards/health.toml [health-doctor]" in warning and "«tienen que»" in warning and "«deberían»" in warning


def test_must_form_is_fine_where_the_english_card_says_must(content_copy, catalog):
    card_id = "det-children"
    assert re.search(r"\bmust\b", catalog.cards[card_id].texts["en"].body)
    path = content_copy / f"es/cards/{catalog.cards[card_id].file}"
    block = card_block(path, card_id)
    edit(path, block, block.replace('body = """', 'body = """\nLos países deben hacerlo.\n', 1))
    assert about(strength_warnings(load_catalog(content_copy)), "es", card_id) == []


def test_framed_form_is_accepted_only_inside_its_frame(content_copy):
    path = content_copy / "ru/cards/detention.toml"
    body = "По международным стандартам страны должны помогать.\n\nКонсульство может помочь."
    set_card(path, "det-consulate", "Сообщат ли консульству?", body, ["Скажите сотрудникам."])
    assert about(strength_warnings(load_catalog(content_copy)), "ru", "det-consulate") == []
    replace_in_card(path, "det-consulate", "По международным стандартам страны", "Страны")
    [warning] = about(strength_warnings(load_catalog(content_copy)), "ru", "det-consulate")
    assert "«должны»" in warning and "«следует»" in warning


def test_translation_that_avoids_the_glossary_term_is_named(content_copy):
    path = content_copy / "fr/cards/justice.toml"
    set_card(path, "justice-interpreter", "Puis-je avoir un interprète ?", "Les pays devraient vous donner un interprète.",
             ["Demandez un interprète."])
    def interpreter_warnings():
        return [w for w in about(glossary_warnings(load_catalog(content_copy)), "fr", "justice-interpreter") if "'interpreter'" in w]

    assert interpreter_warnings() == []
    set_card(path, "justice-interpreter", "Puis-je avoir un traducteur ?", "Les pays devraient vous donner un traducteur.",
             ["Demandez un traducteur."])
    [warning] = interpreter_warnings()
    assert "fr/cards/justice.toml [justice-interpreter]" in warning and "«interprète»" in warning and "fr/glossary.toml" in warning


def test_stems_match_inflections_prefixes_and_spelling_variants():
    assert stem_pattern("торгівл людьми").search(fold("Торгівлею людьми займаються"))
    assert not stem_pattern("торгівл людьми").search(fold("торгівля товарами"))
    assert stem_pattern("وصي", ("ال", "و")).search(fold("ويعيَّن الوصيّ"))
    assert not stem_pattern("وصي", ("ال", "و")).search(fold("الخصوصية"))  # "privacy" is not "guardian"
    assert stem_pattern("deportacion").search(fold("la deportación"))
    assert word_pattern("-meli").search(fold("verilmelidir")) and not word_pattern("-meli").search(fold("meli"))
    assert stem_pattern("بین‌المللی").search(fold("بین المللی".replace(" ", "\u200c")))


def test_bad_review_record_is_a_check_problem_that_names_the_card(content_copy):
    path = content_copy / "fr/reviews.toml"
    path.write_text('[cards]\nhealth-doctor = { method = "checked", on = 2026-12-06, english = "0123456789ab" }\n', encoding="utf-8")
    [problem] = run_check(content_copy)
    assert "fr/reviews.toml [health-doctor]" in problem and "method" in problem


def test_review_counts_and_outdated_after_the_english_changes(content_copy):
    catalog = load_catalog(content_copy)
    fingerprint = catalog.cards["health-doctor"].fingerprint
    (content_copy / "fr/reviews.toml").write_text(
        f'[cards]\nhealth-doctor = {{ method = "back-translation", by = "t", on = 2026-12-06, english = "{fingerprint}" }}\n',
        encoding="utf-8",
    )
    counts = review_counts(load_catalog(content_copy))
    translated = sum(1 for card in catalog.cards.values() if "fr" in card.texts)
    assert counts["fr"]["back-translation"] == 1 and counts["fr"]["none"] == translated - 1
    edit(content_copy / "en/cards/health.toml", "Care may be free.", "Care may be free of charge.")
    assert review_counts(load_catalog(content_copy))["fr"]["outdated"] == 1


def test_a_must_form_right_after_a_should_form_is_soft_and_words_are_shown_as_written():
    from bot.content import CardText
    from bot.strength import Strength, must_words

    arabic = Strength(should=("ينبغي",), must=("إن على", "على الدول أن", "يجب"), framed=(), frame=())
    soft = CardText(title="عنوان", body="وينبغي على الدول أن تساعدك.", actions=("اتصل.",), keywords=("x",))
    hard = CardText(title="عنوان", body="تقول المعايير إن على الدول أن تساعدك. يجب ذلك.", actions=("اتصل.",), keywords=("x",))
    assert must_words(soft, arabic) == []
    assert must_words(hard, arabic) == ["إن على", "على الدول أن", "يجب"]
    turkish = Strength(should=("-meli",), must=("zorunda",), framed=("-meli",), frame=("uluslararası",))
    text = CardText(title="Başlık", body="Ülkeler yardım etmelidir.", actions=("Ara.",), keywords=("x",))
    assert must_words(text, turkish) == ["etmelidir"]


def test_a_must_in_one_english_paragraph_allows_it_in_that_paragraph_only():
    from bot.content import CardText
    from bot.strength import Strength, must_words

    spanish = Strength(should=("deberían",), must=("deben",), framed=(), frame=())
    english = CardText(title="T", body="Any eviction must follow the law.\n\nYou should get information.",
                       actions=("Ask.",), keywords=("x",))
    first = CardText(title="T", body="Todo desalojo deben seguir la ley.\n\nDeberían informarle.", actions=("Pida.",), keywords=("x",))
    second = CardText(title="T", body="Todo desalojo debería seguir la ley.\n\nDeben informarle.", actions=("Pida.",), keywords=("x",))
    assert must_words(first, spanish, english) == []
    assert must_words(second, spanish, english) == ["Deben"]
    unpaired = CardText(title="T", body="Deben informarle.", actions=("Pida.",), keywords=("x",))
    assert must_words(unpaired, spanish, english) == []  # paragraphs do not pair up: the card's "must" allows it


def test_check_warns_about_a_must_in_a_paragraph_whose_english_says_should(content_copy):
    from bot.strength import strength_warnings

    edit(content_copy / "tr/cards/living.toml", "size açık bilgi verilmelidir.", "açık bilgi almanız zorunludur.")
    warnings = strength_warnings(load_catalog(content_copy))
    assert any("[living-eviction]" in w and "tr/cards/living.toml" in w for w in warnings), warnings


def test_apostrophe_variants_of_uzbek_letters_fold_alike():
    assert fold("oʻqish") == fold("o'qish") == fold("o‘qish") == fold("o`qish") == fold("o’qish")
