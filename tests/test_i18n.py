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
    assert set(ALIASES.values()) <= set(SUPPORTED)


def test_numbers_and_lists_in_the_languages_own_words(catalog):
    translators = load_translators(catalog.codes)
    assert translators["en"].join(["79", "80", "81"]) == "79, 80, and 81"
    assert translators["fr"].join(["79", "80"]) == "79 et 80"
    assert translators["ar"].join(["1", "2", "3"]) == "1 و2 و3"
    assert translators["en"].number(1234) == "1,234"
    assert translators["ru"].number(1234) == "1\xa0234"
    assert translators["fr"].number(1234.5) == "1\u202f234,5"
    assert [lang for lang, tr in translators.items() if tr.rtl] == ["ar", "fa"]


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
