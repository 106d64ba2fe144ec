"""Interface strings and locales: negotiation with the alias table, numbers, lists, direction."""

import pytest

from bot.i18n import ALIASES, MissingCatalog, Translator, language_name, load_translators, negotiate

SUPPORTED = ("en", "ar", "fa", "fr", "es", "uk", "ru", "tr")


@pytest.mark.parametrize("code, expected", [
    ("fa-IR", "fa"), ("fa-AF", "fa"), ("fa_IR", "fa"), ("FA", "fa"), (" ar ", "ar"), ("es-419", "es"),
    ("prs", "fa"), ("pes", "fa"), ("az", "tr"), ("az-Latn-AZ", "tr"), ("az_Latn_AZ", "tr"), ("tk", "tr"), ("be", "ru"), ("BE-by", "ru"),
    ("de", None), ("pt-BR", None), ("", None), (None, None), ("   ", None), ("x" * 300, None),
])
def test_negotiation_and_the_alias_table(code, expected):
    assert negotiate(code, SUPPORTED) == expected


def test_an_alias_only_counts_when_its_target_is_supported():
    assert negotiate("az", ("en", "ru")) is None
    assert set(ALIASES.values()) <= set(SUPPORTED) | {"ps", "uz", "ku", "ckb"}


def test_numbers_and_lists_in_the_languages_own_words(catalog):
    translators = load_translators(catalog.codes)
    assert translators["en"].join(["79", "80", "81"]) == "79, 80, and 81"
    assert translators["fr"].join(["79", "80"]) == "79 et 80"
    assert translators["ar"].join(["1", "2", "3"]) == "1 و2 و3"
    assert translators["en"].number(1234) == "1,234"
    assert translators["ru"].number(1234) == "1\xa0234"
    assert translators["fr"].number(1234.5) == "1\u202f234,5"
    right_to_left = {"ar", "fa", "ps", "ur", "ckb"}  # every offered language joins this test: no fixed list
    assert [lang for lang, tr in translators.items() if tr.rtl] == [c for c in catalog.codes if c in right_to_left]
    assert {"ar", "fa"} <= {lang for lang, tr in translators.items() if tr.rtl}


def test_translated_strings_and_plurals(catalog):
    translators = load_translators(catalog.codes)
    assert translators["en"].gettext("What you can do") == "What you can do"
    assert translators["fr"].gettext("What you can do") != "What you can do"
    singular, plural = "principle %(principle)s, guideline %(numbers)s", "principle %(principle)s, guidelines %(numbers)s"
    assert translators["en"].ngettext(singular, plural, 1) == singular
    assert translators["en"].ngettext(singular, plural, 2) == plural
    assert translators["ru"].ngettext(singular, plural, 1) != translators["ru"].ngettext(singular, plural, 5)


def test_a_language_without_a_compiled_catalog_is_an_error_that_says_how_to_fix_it(tmp_path):
    with pytest.raises(MissingCatalog, match=r"translations/pt/LC_MESSAGES/messages.mo is missing.*pybabel compile"):
        load_translators(("en", "pt"), tmp_path)
    assert isinstance(load_translators(("en",), tmp_path)["en"], Translator)


def test_language_names_start_with_a_capital():
    assert language_name("fr") == "Français"
    assert language_name("es") == "Español"
    assert language_name("en") == "English"


# ---- the twenty languages of issue 13 ------------------------------------------------------------
TWENTY = (*SUPPORTED, "pt", "ps", "ti", "am", "so", "uz", "tg", "ky", "ku", "ckb", "ur", "bn")


@pytest.mark.parametrize("code, expected", [
    ("pt-BR", "pt"), ("pt-PT", "pt"), ("pt-AO", "pt"), ("pt_MZ", "pt"), ("pt", "pt"),
    ("uz", "uz"), ("uz-Cyrl", "uz"), ("uz-Latn", "uz"), ("uz-Latn-UZ", "uz"), ("uzn", "uz"),
    ("ku", "ku"), ("kmr", "ku"), ("ku-Latn", "ku"), ("ku-TR", "ku"), ("KMR-latn-tr", "ku"),
    ("ckb", "ckb"), ("ckb-IQ", "ckb"), ("ckb-IR", "ckb"), ("ku-Arab", "ckb"), ("ku-Arab-IQ", "ckb"), ("ku_arab", "ckb"),
    ("ps", "ps"), ("ps-AF", "ps"), ("ps-PK", "ps"), ("pbt", "ps"), ("pbu", "ps"),
    ("tg", "tg"), ("tg-TJ", "tg"), ("ky", "ky"), ("ky-KG", "ky"), ("so", "so"), ("so-KE", "so"),
    ("am", "am"), ("am-ET", "am"), ("ti", "ti"), ("ti-ER", "ti"), ("ur", "ur"), ("ur-PK", "ur"), ("bn", "bn"), ("bn-BD", "bn"),
    ("fa-AF", "fa"), ("en-GB", "en"), ("de", None), ("sw", None), ("kk", None), ("hi", None),
])
def test_telegram_codes_of_the_new_languages_reach_them(code, expected):
    assert negotiate(code, TWENTY) == expected


def test_a_new_language_not_offered_yet_falls_back_as_before():
    eight = SUPPORTED
    assert [negotiate(c, eight) for c in ("pt-BR", "ps-AF", "uz-Cyrl", "ckb", "ti", "ku-Arab")] == [None] * 6
    assert negotiate("ku-Arab", (*eight, "ku")) == "ku"  # Kurdish in Arabic letters: Kurmanji beats English
    assert negotiate("ckb", (*eight, "ku")) is None  # but Sorani speakers are not sent to Kurmanji
    assert set(ALIASES.values()) <= set(TWENTY)


def test_babel_knows_every_language_and_its_direction():
    from bot.i18n import right_to_left

    assert {c for c in TWENTY if right_to_left(c)} == {"ar", "fa", "ps", "ur", "ckb"}
    assert right_to_left("he") and not right_to_left("ku") and not right_to_left("en")


@pytest.mark.parametrize("code, name", [
    ("pt", "Português"), ("ps", "پښتو"), ("ti", "ትግርኛ"), ("am", "አማርኛ"), ("so", "Soomaali"), ("uz", "O‘zbek"),
    ("tg", "Тоҷикӣ"), ("ky", "Кыргызча"), ("ku", "Kurdî (kurmancî)"), ("ckb", "کوردی (سۆرانی)"), ("ur", "اردو"), ("bn", "বাংলা"),
])
def test_each_new_language_has_its_own_name_in_its_own_script(code, name):
    assert language_name(code) == name


def test_the_two_kurdish_languages_are_told_apart_in_a_list():
    assert language_name("ku") != language_name("ckb")
    assert "سۆرانی" in language_name("ckb")  # Babel's "Central Kurdish" is not what speakers call it


@pytest.mark.parametrize("code", TWENTY)
def test_numbers_and_lists_work_in_every_language(code):
    translator = Translator(code, load_translators(("en",))["en"].translations)
    assert translator.number(1234) and translator.join(["1", "2"])
    assert "1" in translator.join(["1", "2"]) and "2" in translator.join(["1", "2"])


def test_a_card_with_two_principles_parts_them_with_its_scripts_semicolon(engine, catalog):
    card = next(c for c in catalog.cards.values() if len(c.sources) > 1)
    for lang, mark in (("en", "; "), ("ar", "؛ ")):
        if lang in catalog.codes:
            assert mark in engine.card(lang, card.id).text, lang
    assert "؛" not in engine.card("en", card.id).text
