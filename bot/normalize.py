"""Fold text so that a query matches however it is typed: case, accents, scripts' letter variants.

The same fold runs over the cards and over what people type, so a variant only has to be folded
to *some* one form, the same on both sides; that form need not be the correct spelling.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic-script letters people type interchangeably, folded to one form. Arabic and Persian
# variants; then the letters of Pashto, Urdu and Sorani that an Arabic or Persian keyboard lacks,
# folded to the letter such a keyboard's user types instead (ګ -> گ, ټ/ٹ -> ت, ے -> ي).
_ARABIC_SCRIPT = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ك": "ک", "ڪ": "ک",
    "ـ": None,  # tatweel
    # Pashto, Urdu and Sorani yeh forms; Urdu heh forms and Sorani ھ (h), which Arabic keyboards type as ه
    "ۍ": "ي", "ے": "ي", "ۓ": "ي", "ێ": "ي",
    "ہ": "ه", "ۂ": "ه", "ۃ": "ه", "ھ": "ه",
    "ګ": "گ",  # Pashto gaf with a ring
    "ټ": "ت", "ٹ": "ت", "ډ": "د", "ڈ": "د", "ړ": "ر", "ڑ": "ر", "ڕ": "ر",  # retroflex / trilled letters
    "ږ": "ژ", "ښ": "ش", "ڼ": "ن", "ں": "ن",  # Pashto zhe and shin, Pashto and Urdu nasal noon
    "ڵ": "ل", "ۆ": "و", "ڤ": "ف",  # Sorani velarised lam, o, v
}
# Tajik, Kyrgyz and Uzbek Cyrillic letters, folded to the Russian-keyboard letter people type
# instead (ӣ, ӯ and ў lose their accent below, like й).
_CYRILLIC = {"ҷ": "ч", "ҳ": "х", "қ": "к", "ғ": "г", "ң": "н", "ө": "о", "ү": "у"}
_OTHER = {
    "\u200c": None, "\u200d": None, "\u200e": None, "\u200f": None,  # ZWNJ, ZWJ, LRM, RLM
    "ё": "е", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
    # Apostrophes, and the letters and accents typed as one (Uzbek oʻ gʻ as o' o` o‘ o’ o´):
    # between two letters they go (below), so "oʻzbek", "o'zbek" and "ozbek" meet.
    "’": "'", "ʼ": "'", "`": "'", "ʻ": "'", "‘": "'", "ʽ": "'",
}
# Ethiopic: the series Amharic and Tigrinya writers mix (they sound alike in Amharic), each folded
# to one series, every vowel order by its offset from the series' first letter. The eighth letter of
# a series is folded only where Unicode names it the same sound (ሧ SZWA -> ሷ SWA, ኇ XOA -> ሇ HOA).
_ETHIOPIC_SERIES = {"ሠ": "ሰ", "ፀ": "ጸ", "ሐ": "ሀ", "ኀ": "ሀ", "ዐ": "አ"}


def _ethiopic_folds() -> dict[str, str]:
    folds = {}
    for variant, target in _ETHIOPIC_SERIES.items():
        for order in range(8):
            source, folded = chr(ord(variant) + order), chr(ord(target) + order)
            names = [unicodedata.name(c, "ETHIOPIC ?").split()[-1] for c in (source, folded)]
            vowels = [name.lstrip("BCDFGHJKLMNPQRSTVXYZ") for name in names]  # "SZWA" -> "WA"
            if order < 7 or ("?" not in names and vowels[0] == vowels[1]):
                folds[source] = folded
    return folds


_LETTERS = str.maketrans({**_ARABIC_SCRIPT, **_CYRILLIC, **_OTHER, **_ethiopic_folds()})
# In the Indic scripts (Bengali), vowel signs, virama and nukta are part of the letters, not accents:
# kept, and read as parts of words. NFD writes ড় and য় as ড/য + nukta whichever way they were typed.
_INDIC = range(0x0900, 0x0E00)
_INDIC_MARKS = "".join(chr(c) for c in _INDIC if unicodedata.category(chr(c)) in ("Mn", "Mc"))
_KHANDA_TA = ("\u09a4\u09cd\u200d", "\u09ce")  # ত্‍ (old encoding of ৎ) -> ৎ, before ZWJ goes
_APOSTROPHES = re.compile(r"(?<=\w)'(?=\w)")
_NOT_WORD = re.compile(rf"[^\w{_INDIC_MARKS}]+")


# Latin and Cyrillic letters that look alike (lowercase, as casefold leaves them). A word typed with
# both, as a phone switching keyboards or a page built to defeat search writes it, is read in the
# script most of its letters are in: Uzbek "pаsport" with a Cyrillic а, Russian "вpaч" with Latin p, a.
_LOOK_ALIKE = dict(zip("авекмнорстухіјѕһ", "abekmhopctyxijsh"))
_TO_LATIN = str.maketrans(_LOOK_ALIKE)
_TO_CYRILLIC = str.maketrans({latin: cyrillic for cyrillic, latin in _LOOK_ALIKE.items() if cyrillic != "һ"})
_LATIN_LETTER = re.compile(r"[a-z]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"\w+")


def _one_script(match: re.Match) -> str:
    word = match.group()
    latin, cyrillic = len(_LATIN_LETTER.findall(word)), len(_CYRILLIC_LETTER.findall(word))
    if not latin or not cyrillic or latin == cyrillic:
        return word
    table, minority = (_TO_LATIN, _CYRILLIC_LETTER) if latin > cyrillic else (_TO_CYRILLIC, _LATIN_LETTER)
    folded = word.translate(table)
    return word if minority.search(folded) else folded  # a letter with no look-alike: two words' worth, leave it


class _Folds(dict):
    """str.translate table built as characters come: combining marks dropped, any digit to 0-9;
    it starts with the letter folds above.

    Filled lazily so the per-character work runs once per distinct character, not once per use.
    """

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        if unicodedata.category(char) == "Mn" and code not in _INDIC:  # accents, harakat
            folded = None
        elif char.isdigit() and not char.isascii():  # Eastern Arabic, Persian and Bengali digits
            folded = str(unicodedata.digit(char))
        else:
            folded = char
        if len(self) < 50_000:  # forged input cannot grow it without end
            self[code] = folded
        return folded


_FOLDS = _Folds(_LETTERS)


def normalize(text: str) -> str:
    """Lowercase, no accents or harakat, one letter form per variant people mix, words split by one space."""
    if "´" in text:  # NFKC would make the acute accent a space and an accent, splitting "o´zbek"
        text = text.replace("´", "'")
    text = unicodedata.normalize("NFKC", text).casefold()
    if "\u200d" in text:
        text = text.replace(*_KHANDA_TA)
    # Decomposed first, so that a letter with an accent (ӧ, ؤ) folds like the letter without it.
    text = unicodedata.normalize("NFD", text).translate(_FOLDS)
    text = _APOSTROPHES.sub("", text)  # "don't" -> "dont", Ukrainian "ім'я" -> "імя", Uzbek "o'zbek" -> "ozbek"
    if _LATIN_LETTER.search(text) and _CYRILLIC_LETTER.search(text):
        text = _WORD.sub(_one_script, text)  # word by word: one pattern over both scripts backtracks cubically
    return _NOT_WORD.sub(" ", text.replace("_", " ")).strip()


def tokens(text: str) -> list[str]:
    return normalize(text).split()
