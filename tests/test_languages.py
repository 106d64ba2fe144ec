"""Every language: negotiation, right-to-left rendering, search on dev.tsv, cross-language queries."""

import csv

import pytest

from bot.content import load_catalog
from bot.i18n import language_name, negotiate
from bot.render import RLM
from conftest import SHARED

SUPPORTED = ("en", "ar", "fa", "fr", "es", "uk", "ru", "tr")


@pytest.mark.parametrize(
    "code, expected",
    [("fa-IR", "fa"), ("prs", "fa"), ("ar-SY", "ar"), ("uk-UA", "uk"), ("en-GB", "en"), ("tr", "tr"),
     ("pt-BR", None), ("", None), (None, None), ("xx-!!", None), ("zz", None)],
)
def test_language_codes_negotiate_sensibly(code, expected):
    assert negotiate(code, SUPPORTED) == expected


def test_language_names_in_their_own_script():
    assert language_name("ar") == "العربية"
    assert language_name("uk") == "Українська"
    assert language_name("fa") == "فارسی"


def test_language_menu_lists_every_language_in_its_own_name(engine, catalog):
    pages = [engine.language_menu("en", cb.screen(cb.MAIN, "", page)) for page in range(len(engine.language_pages()))]
    labels = [b.label for menu in pages for row in menu.buttons for b in row]
    for code in catalog.codes:
        assert any(label.startswith(language_name(code)) for label in labels)


def test_rtl_lines_start_with_a_right_to_left_mark(engine, catalog):
    rtl = [c for c in catalog.codes if engine.tr(c).rtl]
    for lang in rtl:
        for card_id in catalog.cards:
            for line in engine.card(lang, card_id).text.split("\n"):
                assert not line.strip() or line.startswith(RLM), (lang, card_id, line)
    for card_id in list(catalog.cards)[:5]:
        assert RLM not in engine.card("en", card_id).text


def dev_rows():
    with (SHARED / "queries" / "dev.tsv").open(encoding="utf-8") as handle:
        return [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]


def test_dev_set_top3_in_every_translated_language(engine, catalog):
    by_lang = {}
    for lang, query, principles, guidelines in dev_rows():
        if lang not in catalog.languages or lang == "en":
            continue
        wanted_p = {int(p) for p in principles.split(",")}
        wanted_g = {int(g) for g in guidelines.split(",")}
        hits = engine.searcher.search(query, lang, limit=3)
        ok = any(any(s.principle in wanted_p and wanted_g & set(s.guidelines) for s in catalog.cards[h.card_id].sources) for h in hits)
        by_lang.setdefault(lang, []).append(ok)
    for lang, oks in by_lang.items():
        print(f"\ndev.tsv {lang}: {sum(oks)}/{len(oks)} top-3")
        assert sum(oks) / len(oks) >= 0.9, lang


@pytest.mark.parametrize("lang, query", [
    ("en", "doctr no papers"), ("ar", "طبيب"), ("fa", "دکتر بدون مدرک"), ("fr", "medecin sans papiers"),
    ("es", "medico sin papeles"), ("uk", "лікар без документів"), ("ru", "врач без документов"), ("tr", "belgesiz doktor"),
])
def test_a_doctor_without_papers_is_the_first_answer_in_every_language(engine, lang, query):
    # The guide's own examples: one word or a misspelt phrase must open the right card.
    reply = engine.text(lang, query)
    assert reply.card_id == "health-doctor", (lang, query, reply.event)


# ---- twenty languages (issue 13): a catalog with every new language offered (tests/twenty.py) ------
from html import escape  # noqa: E402

from bot import callbacks as cb  # noqa: E402
from bot.check import MAX_FIRST_ROWS, MAX_PAIRED_LABEL, rendered_problems, visible_length  # noqa: E402


def _language_buttons(reply):
    return [b for row in reply.buttons for b in row if not any(mark in b.label for mark in ("🏠", "⬅️", "▶", "◀"))]


def _turn_buttons(reply):
    return [b for row in reply.buttons for b in row if (b.data or "").startswith("l|")]


@pytest.mark.parametrize("lang, screen", [("en", (cb.MAIN, "")), ("en", (cb.CARD, "health-doctor")),
                                          ("ps", (cb.TOPIC, "detention")), ("ti", (cb.MORE, "")), ("ckb", (cb.CARD, "x" * 30))])
def test_the_language_menu_pages_twenty_languages_within_a_phone_screen(twenty, lang, screen):
    verb, arg = screen
    first = twenty.press(cb.encode(cb.LANGUAGES, lang, cb.screen(verb, arg)))
    pages, seen = [first], []
    while len(pages) <= 5:  # turn the pages with the ▶️ buttons until there is none
        forward = [b for b in _turn_buttons(pages[-1]) if "▶" in b.label]
        if not forward:
            break
        pages.append(twenty.press(forward[0].data))
    assert len(pages) == 2
    for page in pages:
        assert len(page.buttons) <= MAX_FIRST_ROWS
        assert escape(twenty.tr(lang).gettext("* not yet reviewed by a native speaker")) in page.text
        for button in (b for row in page.buttons for b in row):
            assert len(button.data.encode()) <= cb.MAX_CALLBACK_BYTES
        for row in page.buttons:
            assert len(row) == 1 or all(visible_length(b.label) <= MAX_PAIRED_LABEL for b in row), row
        for button in _language_buttons(page):
            code = button.data.split("|")[1]
            seen.append(code)
            assert button.label in (language_name(code), language_name(code) + " *")
            assert button.data == cb.encode(verb, code, arg)  # it reopens the same screen in that language
    assert sorted(seen) == sorted(twenty.catalog.codes) and len(twenty.catalog.codes) == 20
    [back] = [b for b in _turn_buttons(pages[1]) if "◀" in b.label]
    assert twenty.press(back.data) == first


def test_a_forged_or_stale_page_number_shows_the_last_page(twenty):
    last = twenty.press(cb.encode(cb.LANGUAGES, "en", cb.screen(cb.MAIN, "", 1)))
    assert twenty.press(cb.encode(cb.LANGUAGES, "en", cb.screen(cb.MAIN, "", 99))) == last
    assert twenty.press("l|en|-1m:").text == twenty.press("l|en|m:").text


def test_up_to_fourteen_languages_fit_on_one_page_without_turning(engine, catalog, content_copy):
    from bot.engine import build_engine

    menu = engine.language_menu("en")
    if len(catalog.codes) <= 14:
        assert not _turn_buttons(menu) and len(_language_buttons(menu)) == len(catalog.codes)
    fourteen = load_catalog(content_copy)
    keep = set(list(fourteen.codes)[:14])
    for code in set(fourteen.codes) - keep:  # the same content with only the first 14 languages offered
        path = content_copy / code / "language.toml"
        path.write_text("offered = false\n" + path.read_text(encoding="utf-8").replace("offered = true\n", ""), encoding="utf-8")
    small = build_engine(load_catalog(content_copy))
    assert len(small.catalog.codes) == min(14, len(fourteen.codes))
    menu = small.language_menu("en")
    assert not _turn_buttons(menu) and len(_language_buttons(menu)) == len(small.catalog.codes)


def test_every_screen_in_twenty_languages_fits_telegram_and_the_phone(twenty):
    assert rendered_problems(twenty) == []


@pytest.mark.parametrize("lang", ["ps", "ur", "ckb"])
def test_right_to_left_lines_and_posters_for_pashto_urdu_and_sorani(twenty, lang):
    from bot.links import poster

    assert twenty.tr(lang).rtl
    for card_id in ("health-doctor", "det-basics", "urgent-help"):
        for line in twenty.card(lang, card_id).text.split("\n"):
            assert not line.strip() or line.startswith(RLM), (lang, card_id, line)
    for line in twenty.welcome(lang).text.split("\n"):
        assert line.startswith(RLM)
    assert f'<html lang="{lang}" dir="rtl">' in poster(twenty, "rights_bot", lang, "<svg/>")


@pytest.mark.parametrize("lang", ["pt", "ti", "am", "so", "uz", "tg", "ky", "ku", "bn"])
def test_left_to_right_languages_get_no_right_to_left_marks(twenty, lang):
    from bot.links import poster

    assert RLM not in twenty.card(lang, "health-doctor").text and RLM not in twenty.welcome(lang).text
    assert f'<html lang="{lang}" dir="ltr">' in poster(twenty, "rights_bot", lang, "<svg/>")


NOTO_FOR_SCRIPT = {"LATIN": "Noto Sans", "CYRILLIC": "Noto Sans", "MODIFIER": "Noto Sans",  # MODIFIER: Uzbek ʻ
                   "ARABIC": "Noto Naskh Arabic", "ETHIOPIC": "Noto Sans Ethiopic", "BENGALI": "Noto Sans Bengali"}


def test_every_poster_names_a_font_for_every_script_it_is_written_in(twenty):
    import re
    import unicodedata

    from bot.links import poster

    scripts_seen = set()
    for lang in twenty.catalog.codes:
        html = poster(twenty, "rights_bot", lang, "<svg/>")
        css = re.search(r"font-family:([^;]*);", html).group(1)
        assert css.rstrip().endswith("sans-serif"), lang  # a generic fallback last
        body = re.sub(r"<[^>]+>", " ", html.split("<body>")[1])
        for char in {c for c in body if c.isalpha()}:
            script = unicodedata.name(char).split()[0]
            scripts_seen.add(script)
            assert f'"{NOTO_FOR_SCRIPT[script]}"' in css, (lang, char, script)
    assert scripts_seen >= {"LATIN", "CYRILLIC", "ARABIC", "ETHIOPIC"}  # Tigrinya's topics have landed
    urdu = poster(twenty, "rights_bot", "ur", "<svg/>")
    assert 'font-family:"Noto Nastaliq Urdu", "Noto Sans", "Noto Naskh Arabic"' in urdu  # Nastaliq first, Naskh behind it
