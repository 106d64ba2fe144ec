"""Gettext catalogs: the template matches the code, every .mo is compiled from its current .po."""

import io
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from bot.check import compiled_translations
from conftest import ROOT

TRANSLATIONS = ROOT / "translations"


def test_template_has_every_string_in_the_code():
    in_code = {m[2] if isinstance(m[2], str) else m[2][0]
               for m in extract_from_dir(str(ROOT / "bot"), method_map=[("**.py", "python")])}
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert in_code == template, "run: pybabel extract -F babel.cfg --no-location -o translations/messages.pot . && pybabel update -i translations/messages.pot -d translations"


def test_every_po_has_its_current_mo():
    # Compared message by message, not byte by byte: the .mo header names the Babel version.
    pos = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
    assert pos
    for po in pos:
        with po.open("rb") as handle:
            source = read_po(handle)
        mo = po.with_suffix(".mo")
        assert mo.exists(), f"{mo} is missing: run pybabel compile -d translations"
        fresh = io.BytesIO()
        write_mo(fresh, source)
        fresh.seek(0)
        with mo.open("rb") as handle:
            compiled = read_mo(handle)
        assert compiled_translations(compiled) == compiled_translations(read_mo(fresh)), f"{mo} is older than its .po: run pybabel compile -d translations"
        assert compiled.plural_forms == source.plural_forms, f"{mo}: run pybabel compile -d translations"


def test_catalog_languages_have_interface_catalogs(catalog):
    for code in catalog.codes:
        if code != "en":
            assert (TRANSLATIONS / code / "LC_MESSAGES" / "messages.mo").exists(), code


def test_every_message_has_every_plural_form_of_its_language():
    """Babel gives Portuguese three plural forms and Arabic six: an empty one shows the English text."""
    for po in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
            expected = catalog.num_plurals if isinstance(message.id, (list, tuple)) else 1
            assert len(forms) == expected and all(forms), (
                f"{po.relative_to(ROOT)}: '{message.id if isinstance(message.id, str) else message.id[0]}' needs "
                f"{expected} translated form(s); fill every msgstr[...] and run pybabel compile -d translations")


def test_check_finds_no_interface_string_left_untranslated(catalog):
    from bot.check import interface_problems

    assert interface_problems(catalog.codes) == []


def test_check_names_each_untranslated_interface_string_and_the_fix(tmp_path):
    import shutil

    from bot.check import interface_problems

    shutil.copytree(TRANSLATIONS, tmp_path / "translations")
    po = tmp_path / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "Désolé, ce lien ne fonctionne pas."', 'msgstr ""')
    text = text.replace('msgid "Sorry, I do not know that command."', '#, fuzzy\nmsgid "Sorry, I do not know that command."')
    text = text.replace('msgstr[1] "principe %(principle)s, directives %(numbers)s"', 'msgstr[1] ""')
    po.write_text(text, encoding="utf-8")
    problems = "\n".join(interface_problems(("en", "fr"), tmp_path / "translations"))
    where = "translations/fr/LC_MESSAGES/messages.po: "
    assert f"{where}'Sorry, that link did not work.' is not translated" in problems
    assert f"{where}'Sorry, I do not know that command.' is not translated (marked fuzzy)" in problems
    assert f"{where}'principle %(principle)s, guideline %(numbers)s' is not translated; write its msgstr (2 forms)" in problems
    assert "translations/fr/LC_MESSAGES/messages.mo is older than its .po: run pybabel compile -d translations" in problems
    assert "pybabel compile" in problems and len(problems.splitlines()) == 4
