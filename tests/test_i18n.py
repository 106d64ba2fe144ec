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


# ---- lists of guideline numbers in every language -----------------------------------------------
# Babel's (CLDR's) patterns, and translations/list_patterns.toml where CLDR has none (ckb, and tg's
# lists of three or more): before it, both read "79, 80, 81", with Latin commas and no "and".
LISTS = {
    "en": ("79 and 80", "79, 80, and 81"), "ar": ("79 و80", "79 و80 و81"), "es": ("79 y 80", "79, 80 y 81"),
    "fa": ("79 و 80", "79،\u200f 80، و 81"), "fr": ("79 et 80", "79, 80 et 81"), "ru": ("79 и 80", "79, 80 и 81"),
    "tr": ("79 ve 80", "79, 80 ve 81"), "uk": ("79 і 80", "79, 80 і 81"), "pt": ("79 e 80", "79, 80 e 81"),
    "ps": ("79 او 80", "79، 80، او 81"), "ti": ("79ን 80ን", "79፣ 80ን 81ን"), "uz": ("79 va 80", "79, 80 va 81"),
    "am": ("79 እና 80", "79፣ 80 እና 81"), "ur": ("79 اور 80", "79، 80، اور 81"), "bn": ("79 এবং 80", "79, 80 এবং 81"),
    "so": ("79 iyo 80", "79, 80 iyo 81"), "tg": ("79 ва 80", "79, 80 ва 81"), "ky": ("79 жана 80", "79, 80 жана 81"),
    "ku": ("79 û 80", "79, 80 û 81"), "ckb": ("79 و 80", "79، 80 و 81"),
}


@pytest.fixture(scope="module")
def all_translators():
    return load_translators(tuple(LISTS))


@pytest.mark.parametrize("code", LISTS)
def test_a_list_of_guidelines_reads_as_the_language_writes_it(all_translators, code):
    two, three = LISTS[code]
    tr = all_translators[code]
    assert (tr.join(["79"]), tr.join(["79", "80"]), tr.join(["79", "80", "81"])) == ("79", two, three)
    assert tr.join(["1", "2", "3", "4"]).count("2") == 1 and tr.join([]) == ""


def test_every_offered_language_is_in_the_list_table(catalog):
    assert set(catalog.codes) <= set(LISTS)


def test_our_patterns_join_as_babel_does(all_translators):
    from babel.lists import format_list

    from bot.i18n import babel_list_pattern, join_with

    for code in LISTS:
        for items in (["1"], ["1", "2"], ["1", "2", "3"], ["1", "2", "3", "4", "5"]):
            assert join_with(babel_list_pattern(code), items) == format_list(items, locale=code), code


def test_a_language_babel_has_no_list_pattern_for_is_found_and_named_by_check(all_translators):
    from types import SimpleNamespace

    from bot.check import list_pattern_problems
    from bot.i18n import without_and

    bare = {code: Translator(code, tr.translations) for code, tr in all_translators.items()}  # no table
    assert {code for code, tr in bare.items() if without_and(tr)} == {"ckb", "tg"}
    assert without_and(bare["ckb"]) == ["2", "end"] and without_and(bare["tg"]) == ["end"]
    assert not any(without_and(tr) for tr in all_translators.values())
    engine = SimpleNamespace(catalog=SimpleNamespace(codes=tuple(bare)), tr=bare.__getitem__)
    problems = list_pattern_problems(engine)
    assert [p.split("'")[1] for p in problems] == ["tg", "ckb"]
    assert problems[1].startswith("translations/list_patterns.toml: Babel has no list pattern for 'ckb'")
    assert "'79, 80, 81'" in problems[1] and "[ckb] with '2', 'end'" in problems[1]


@pytest.mark.parametrize("table, error", [
    ("[ckb]\nend = \"{0} و\"\n", r"\[ckb\] end: must be a string with \{0\} and \{1\}"),
    ("[ckb]\nlast = \"{0} و {1}\"\n", r"\[ckb\]: unknown key 'last'"),
    ("ckb = \"{0} و {1}\"\n", r"'ckb' must be a table"),
    ("[ckb\n", r"is not valid TOML"),
])
def test_a_broken_list_pattern_table_says_what_to_fix(tmp_path, table, error):
    from bot.i18n import BadListPattern, load_list_patterns

    (tmp_path / "list_patterns.toml").write_text(table, encoding="utf-8")
    with pytest.raises(BadListPattern, match=r"translations/list_patterns.toml.*" + error):
        load_list_patterns(tmp_path)


def test_the_locale_facts_kept_in_the_start_up_cache_are_what_babel_says(catalog):
    """The start-up cache keeps Babel's answers (bot/i18n.py LocaleFacts) so that a running bot never
    loads Babel's locale data; they must be Babel's answers, in every offered language."""
    from babel import Locale
    from babel.lists import format_list
    from babel.numbers import format_decimal

    from bot.i18n import join_with, locale_facts

    numbers = {n for card in catalog.cards.values() for s in card.sources for n in (s.principle, *s.guidelines)}
    assert len(numbers) > 50
    for code in catalog.codes:
        facts, locale = locale_facts(code, numbers | {1234, 1234567}), Locale.parse(code)
        assert facts.rtl == (locale.character_order == "right-to-left"), code
        assert facts.name == locale.get_display_name(code), code
        assert facts.numbers == {n: format_decimal(n, locale=code) for n in numbers | {1234, 1234567}}, code
        for count in range(6):
            items = [str(79 + n) for n in range(count)]
            assert join_with(facts.list_pattern, items) == format_list(items, locale=code), (code, count)


def test_a_bot_started_from_the_cache_never_loads_babels_locale_data(tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from bot import startup_cache
    from bot.content import CONTENT_DIR

    startup_cache.load(CONTENT_DIR, tmp_path)  # writes the cache, as a first start does
    code = """
import json, babel.localedata as data
loaded, load = [], data.load
data.load = lambda name, *args, **kwargs: loaded.append(name) or load(name, *args, **kwargs)
from bot.engine import build_engine
engine = build_engine()
for lang in engine.catalog.codes:
    for message in ("doctor", engine.catalog.cards["health-doctor"].texts[lang].title):
        engine.text(lang, message)
    engine.command(lang, "language")
    engine.command(lang, "start")
print(json.dumps(sorted(set(loaded))))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent,
                         env={**os.environ, "RIGHTS_BOT_CACHE_DIR": str(tmp_path)}).stdout
    assert json.loads(out) == []
