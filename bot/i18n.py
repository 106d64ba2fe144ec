"""Interface strings through gettext (catalogs in translations/), locales negotiated with Babel."""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, negotiate_locale
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.support import Translations

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
DOMAIN = "messages"
DEFAULT = "en"
# The semicolon of a script that has its own (Arabic ؛, Ethiopic ፤); others use ";".
SEMICOLONS = {"ar": "؛", "fa": "؛", "ps": "؛", "ur": "؛", "ckb": "؛", "am": "፤", "ti": "፤"}
# Neighbouring languages whose speakers mostly read one of ours (README: Languages); any other
# language gets English. Also the individual languages of a macrolanguage we serve (Northern Kurdish
# is our Kurmanji `ku`; Southern, Northern and Central Pashto are `ps`; Northern Uzbek is `uz`), and
# Kurdish written in Arabic letters, `ku-Arab`: that is Sorani (`ckb`), while our Kurmanji is written
# in Latin letters; where Sorani is not offered, `ku-Arab` still gets Kurmanji rather than English.
ALIASES = {"prs": "fa", "pes": "fa", "tk": "tr", "az": "tr", "be": "ru",
           "kmr": "ku", "ku-arab": "ckb", "pbt": "ps", "pbu": "ps", "pst": "ps", "uzn": "uz"}
# A language's own name where Babel's is not what its speakers call it in a list of languages.
# Babel (CLDR) names Sorani "کوردیی ناوەندی", "Central Kurdish", a linguists' name; speakers say
# کوردی or سۆرانی, and beside Kurmanji ("Kurdî (kurmancî)") the menu must tell the two apart.
OWN_NAMES = {"ckb": "کوردی (سۆرانی)"}


@dataclass(frozen=True)
class Translator:
    """One language's interface strings. Passed to the code that needs it, never global."""

    lang: str
    translations: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def number(self, value: int | float) -> str:
        return format_decimal(value, locale=self.lang)

    def join(self, items: list[str]) -> str:
        """'79, 80 and 81' in this language's words and punctuation."""
        return format_list(items, locale=self.lang)

    def join_groups(self, items: list[str]) -> str:
        """Groups that hold commas themselves, apart with this script's semicolon."""
        return f"{SEMICOLONS.get(self.lang, ';')} ".join(items)

    @property
    def rtl(self) -> bool:
        return right_to_left(self.lang)


@lru_cache(maxsize=None)
def right_to_left(code: str) -> bool:
    """Is the language written right to left? Babel's locale data says, for any language added later."""
    return Locale.parse(code).character_order == "right-to-left"


class MissingCatalog(FileNotFoundError):
    """A language has cards but no compiled interface catalog."""


def load_translators(codes: tuple[str, ...], directory: Path = TRANSLATIONS_DIR) -> dict[str, Translator]:
    """A Translator for each language; a language without a compiled catalog is an error."""
    translators = {}
    for code in codes:
        if code == DEFAULT:
            translators[code] = Translator(code, gettext.NullTranslations())
            continue
        mo = directory / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if not mo.exists():
            raise MissingCatalog(
                f"translations/{code}/LC_MESSAGES/{DOMAIN}.mo is missing: create the catalog with "
                f"`pybabel init -i translations/messages.pot -d translations -l {code}` if there is no .po yet, "
                f"translate it, then `pybabel compile -d translations` (README: Adding a language)"
            )
        translators[code] = Translator(code, Translations.load(str(directory), [code], DOMAIN))
    return translators


def negotiate(language_code: str | None, supported: tuple[str, ...]) -> str | None:
    """The supported language closest to a Telegram `language_code` ('fa-IR', 'prs', 'ar-SY'), or None."""
    if not language_code:
        return None
    code = language_code.strip().replace("_", "-").lower()
    language, *subtags = code.split("-")
    script = next((f"{language}-{tag}" for tag in subtags if len(tag) == 4 and tag.isalpha()), None)
    tags = [code, script, language] if script else [code, language]  # ku-arab-iq, ku-arab, ku
    return negotiate_locale(tags, supported, aliases=ALIASES)


def language_name(code: str) -> str:
    """A language's own name in its own script, from Babel's locale data ('العربية', 'Українська')."""
    name = OWN_NAMES.get(code) or Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]
