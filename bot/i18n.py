"""Interface strings through gettext (catalogs in translations/), locales negotiated with Babel.

What the bot reads from Babel's locale data (writing direction, a language's own name, its list
pattern, the content's numbers) is read when the start-up cache is built and kept there
(`LocaleFacts`, `remember`): a locale's data costs about half a megabyte once loaded, some 10 MB for
twenty languages. Anything the facts do not hold is read from Babel, as before.
"""

from __future__ import annotations

import gettext
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel import Locale, negotiate_locale
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.support import Translations

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
DOMAIN = "messages"
LIST_PATTERNS = "list_patterns.toml"  # in TRANSLATIONS_DIR: list patterns where Babel has none
LIST_KEYS = ("2", "start", "middle", "end")  # CLDR's parts of a list pattern
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
class LocaleFacts:
    """One language's answers from Babel's locale data."""

    rtl: bool
    name: str  # the language's name in itself, as Babel gives it
    list_pattern: dict[str, str]  # babel_list_pattern
    numbers: dict[int, str]  # the content's principle and guideline numbers, formatted


_FACTS: dict[str, LocaleFacts] = {}  # language code -> Babel's answers, kept (`remember`)


def locale_facts(code: str, numbers: set[int]) -> LocaleFacts:
    """`code`'s facts, read from Babel's locale data, with `numbers` formatted."""
    locale = Locale.parse(code)
    return LocaleFacts(locale.character_order == "right-to-left", locale.get_display_name(code) or "",
                       babel_list_pattern(code), {n: format_decimal(n, locale=code) for n in sorted(numbers)})


def remember(facts: dict[str, LocaleFacts]) -> None:
    """Answer from `facts` from now on instead of loading Babel's locale data (the start-up cache's)."""
    _FACTS.update(facts)


@dataclass(frozen=True)
class Translator:
    """One language's interface strings. Passed to the code that needs it, never global."""

    lang: str
    translations: gettext.NullTranslations
    list_pattern: Mapping[str, str] = field(default_factory=dict)  # ours where Babel has none (LIST_PATTERNS)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def number(self, value: int | float) -> str:
        facts = _FACTS.get(self.lang)
        if facts and type(value) is int and value in facts.numbers:
            return facts.numbers[value]
        return format_decimal(value, locale=self.lang)

    def join(self, items: list[str]) -> str:
        """'79, 80 and 81' in this language's words and punctuation: Babel's list pattern, or ours."""
        if self.list_pattern:
            return join_with(self.list_pattern, items)
        facts = _FACTS.get(self.lang)
        return join_with(facts.list_pattern, items) if facts else format_list(items, locale=self.lang)

    def join_groups(self, items: list[str]) -> str:
        """Groups that hold commas themselves, apart with this script's semicolon."""
        return f"{SEMICOLONS.get(self.lang, ';')} ".join(items)

    @property
    def rtl(self) -> bool:
        return right_to_left(self.lang)


def right_to_left(code: str) -> bool:
    """Is the language written right to left? Babel's locale data says, for any language added later."""
    facts = _FACTS.get(code)
    return facts.rtl if facts else _babel_right_to_left(code)


@lru_cache(maxsize=None)
def _babel_right_to_left(code: str) -> bool:
    return Locale.parse(code).character_order == "right-to-left"


def babel_list_pattern(code: str) -> dict[str, str]:
    """Babel's (CLDR's) 'and' list pattern of a language, inherited parts included."""
    if code in _FACTS:
        return dict(_FACTS[code].list_pattern)
    patterns = Locale.parse(code).list_patterns["standard"]
    return {key: patterns[key] for key in LIST_KEYS}


def join_with(patterns: Mapping[str, str], items: list[str]) -> str:
    """Babel's format_list, with the patterns given instead of a locale's."""
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return patterns["2"].format(*items)
    result = patterns["start"].format(items[0], items[1])
    for item in items[2:-1]:
        result = patterns["middle"].format(result, item)
    return patterns["end"].format(result, items[-1])


def without_and(tr: Translator) -> list[str]:
    """The parts of a language's list pattern that are CLDR root's ("{0}, {1}": no word for 'and')."""
    root = babel_list_pattern("root")
    pattern = tr.list_pattern or babel_list_pattern(tr.lang)
    return [key for key in ("2", "end") if pattern[key] == root[key]]


class MissingCatalog(FileNotFoundError):
    """A language has cards but no compiled interface catalog."""


class BadListPattern(ValueError):
    """translations/list_patterns.toml cannot be used; the message names the language, the key and the fix."""


def load_list_patterns(directory: Path = TRANSLATIONS_DIR) -> dict[str, dict[str, str]]:
    """Language -> the list pattern parts LIST_PATTERNS gives it (no file: none), checked."""
    where = f"translations/{LIST_PATTERNS}"
    try:
        with (directory / LIST_PATTERNS).open("rb") as handle:
            table = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as error:
        raise BadListPattern(f"{where} is not valid TOML ({error}); fix the syntax") from None
    for code, patterns in table.items():
        if not isinstance(patterns, dict):
            raise BadListPattern(f"{where}: '{code}' must be a table, [{code}], of list pattern parts")
        for key, pattern in patterns.items():
            if key not in LIST_KEYS:
                raise BadListPattern(f"{where} [{code}]: unknown key '{key}'; use one of {', '.join(LIST_KEYS)}")
            if not isinstance(pattern, str) or pattern.count("{0}") != 1 or pattern.count("{1}") != 1:
                raise BadListPattern(f"{where} [{code}] {key}: must be a string with {{0}} and {{1}} once each, "
                                     f"like \"{{0}} and {{1}}\"")
    return table


def load_translators(codes: tuple[str, ...], directory: Path = TRANSLATIONS_DIR) -> dict[str, Translator]:
    """A Translator for each language; a language without a compiled catalog is an error."""
    table = load_list_patterns(directory)
    patterns = {code: {**babel_list_pattern(code), **table[code]} for code in codes if code in table}
    translators = {}
    for code in codes:
        if code == DEFAULT:
            translators[code] = Translator(code, gettext.NullTranslations(), patterns.get(code, {}))
            continue
        mo = directory / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if not mo.exists():
            raise MissingCatalog(
                f"translations/{code}/LC_MESSAGES/{DOMAIN}.mo is missing: create the catalog with "
                f"`pybabel init -i translations/messages.pot -d translations -l {code}` if there is no .po yet, "
                f"translate it, then `pybabel compile -d translations` (README: Adding a language)"
            )
        translations = Translations.load(str(directory), [code], DOMAIN)
        translators[code] = Translator(code, translations, patterns.get(code, {}))
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
    facts = _FACTS.get(code)
    name = OWN_NAMES.get(code) or (facts.name if facts else Locale.parse(code).get_display_name(code)) or code
    return name[:1].upper() + name[1:]
