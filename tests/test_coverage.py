import shutil

from bot.content import load_catalog
from bot.coverage import coverage, warnings

CARD = """[health-doctor]
title = "Puis-je voir un médecin sans papiers ?"
body = "Texte."
actions = ["Allez dans un centre de santé."]
keywords = ["medecin", "docteur"]
source_hash = "{hash}"
"""


def add_french(root, fingerprint):
    shutil.rmtree(root / "fr", ignore_errors=True)  # a fresh French with one card
    (root / "fr" / "cards").mkdir(parents=True)
    shutil.copy(root / "en" / "language.toml", root / "fr" / "language.toml")
    (root / "fr" / "language.toml").write_text("reviewed = false\n", encoding="utf-8")
    shutil.copy(root / "en" / "topics.toml", root / "fr" / "topics.toml")
    (root / "fr" / "cards" / "health.toml").write_text(CARD.format(hash=fingerprint), encoding="utf-8")


def by_lang(catalog):
    return {c.lang: c for c in coverage(catalog)}


def test_translated_then_stale_after_the_english_changes(content_copy):
    add_french(content_copy, load_catalog(content_copy).cards["health-doctor"].fingerprint)
    fr = by_lang(load_catalog(content_copy))["fr"]
    assert (fr.translated, fr.stale, fr.reviewed) == (1, (), False)
    assert len(fr.missing) == fr.total - 1
    path = content_copy / "en" / "cards" / "health.toml"
    english = path.read_text(encoding="utf-8")
    changed = english.replace("Care may be free.", "Care may be free of charge.")
    assert changed != english, "the sentence this test edits is gone from health-doctor; pick another"
    path.write_text(changed, encoding="utf-8")
    catalog = load_catalog(content_copy)
    assert by_lang(catalog)["fr"].stale == ("health-doctor",)
    assert any("fr/cards/health.toml [health-doctor]: stale" in w and catalog.cards["health-doctor"].fingerprint in w for w in warnings(catalog))
    text, used = catalog.card_text("health-doctor", "fr")
    assert used == "fr" and text.title.startswith("Puis-je")  # stale translations are still served
    assert catalog.card_text("det-basics", "fr")[1] == "en"  # missing ones fall back to English


def test_english_is_complete(catalog):
    en = by_lang(catalog)["en"]
    assert en.percent == 100 and en.missing == () and en.stale == ()


def test_a_change_to_any_translated_field_of_the_english_card_changes_its_fingerprint(catalog):
    from dataclasses import replace

    from bot.content import fingerprint

    card = catalog.cards["health-doctor"]
    english = card.texts["en"]
    before = fingerprint(english)
    changed = [replace(english, title=english.title + "!"), replace(english, body=english.body + " More.")]
    changed += [replace(english, actions=english.actions[:i] + (a + "!",) + english.actions[i + 1:])
                for i, a in enumerate(english.actions)]
    changed += [replace(english, actions=english.actions + ("One more thing to do.",)),
                replace(english, actions=english.actions[:-1])]
    assert all(fingerprint(text) != before for text in changed)
    # what is not translated word for word leaves translations up to date
    kept = [replace(english, keywords=english.keywords + ("extra",)), replace(english, label="Doctor"),
            replace(english, questions=english.questions + ("Can I see a nurse?",)),
            replace(english, source_hash="abc"), replace(english, body=english.body + "\n\n")]
    assert all(fingerprint(text) == before for text in kept)


def test_an_action_changed_in_the_english_file_makes_its_translations_stale(content_copy):
    catalog = load_catalog(content_copy)
    card = catalog.cards["health-doctor"]
    translated = [lang for lang, text in card.texts.items() if lang != "en" and not catalog.is_stale(card.id, lang)]
    assert translated
    path = content_copy / "en" / "cards" / card.file
    action = card.texts["en"].actions[0]
    path.write_text(path.read_text(encoding="utf-8").replace(action, action + " Today."), encoding="utf-8")
    changed = load_catalog(content_copy)
    assert all(changed.is_stale(card.id, lang) for lang in translated)


def test_the_coverage_table(catalog):
    from bot.coverage import table

    lines = table(catalog).split("\n")
    assert lines[0] == "lang  translated  stale  missing  coverage  review"
    by_lang = {line.split()[0]: line for line in lines[1 : 1 + len(catalog.codes)]}
    assert set(by_lang) == set(catalog.codes)
    assert by_lang["en"].endswith("100%  source")
    for item in coverage(catalog):
        review = "source" if item.lang == "en" else "reviewed" if item.reviewed else "not yet reviewed"
        assert by_lang[item.lang].split() == [item.lang, str(item.translated), str(len(item.stale)), str(len(item.missing)),
                                              f"{item.percent:.0f}%", *review.split()]
    after = lines[1 + len(catalog.codes):]
    assert after[0] == "" and after[1] == "English fingerprints (paste into source_hash after updating a translation):"
    assert len(after) == 2 + len(catalog.cards)
    card = catalog.cards["health-doctor"]
    assert f"  {card.file:<20} {card.id:<24} {card.fingerprint}" in after


def test_missing_translations_are_one_warning_per_language_naming_the_files(content_copy):
    add_french(content_copy, load_catalog(content_copy).cards["health-doctor"].fingerprint)
    catalog = load_catalog(content_copy)
    [missing] = [w for w in warnings(catalog) if w.startswith("fr/cards:")]
    files = sorted({c.file for c in catalog.cards.values() if "fr" not in c.texts})
    assert missing == (f"fr/cards: {by_lang(catalog)['fr'].total - 1} card(s) not translated yet, in {', '.join(files)}; "
                       "the bot shows them in English")


def test_a_reviewed_language_says_so(content_copy):
    from bot.coverage import table

    add_french(content_copy, load_catalog(content_copy).cards["health-doctor"].fingerprint)
    (content_copy / "fr" / "language.toml").write_text("reviewed = true\n", encoding="utf-8")
    [french] = [line for line in table(load_catalog(content_copy)).split("\n") if line.startswith("fr ")]
    assert french.endswith("%  reviewed")


def test_shipped_translations_are_complete_and_not_stale(catalog):
    """Every shipped language says what the English says now: no card stale, none missing."""
    behind = {c.lang: (c.stale, c.missing) for c in coverage(catalog) if c.stale or c.missing}
    assert behind == {}, f"translations behind the English (stale, missing): {behind}; see `python main.py check`"
