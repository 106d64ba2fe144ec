"""Gettext catalogs: the template matches the code, every .mo is compiled from its current .po."""

import io
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from conftest import ROOT

TRANSLATIONS = ROOT / "translations"


def test_template_has_every_string_in_the_code():
    in_code = {m[2] if isinstance(m[2], str) else m[2][0]
               for m in extract_from_dir(str(ROOT / "bot"), method_map=[("**.py", "python")])}
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert in_code == template, "run: pybabel extract -F babel.cfg --no-location -o translations/messages.pot . && pybabel update -i translations/messages.pot -d translations"


def test_every_po_has_its_current_mo():
    pos = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
    assert pos
    for po in pos:
        with po.open("rb") as handle:
            catalog = read_po(handle)
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        mo = po.with_suffix(".mo")
        assert mo.exists() and mo.read_bytes() == compiled.getvalue(), f"{mo}: run pybabel compile -d translations"


def test_catalog_languages_have_interface_catalogs(catalog):
    for code in catalog.codes:
        if code != "en":
            assert (TRANSLATIONS / code / "LC_MESSAGES" / "messages.mo").exists(), code
