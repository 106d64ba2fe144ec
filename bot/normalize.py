"""Fold text so that a query matches however it is typed: case, accents, scripts' letter variants."""

from __future__ import annotations

import re
import unicodedata

# Arabic and Persian letter variants people type interchangeably, folded to one form.
_LETTERS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ة": "ه", "ۀ": "ه", "ە": "ه",
        "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
        "ؤ": "و",
        "ك": "ک", "ڪ": "ک",
        "ـ": None,  # tatweel
        "\u200c": None, "\u200d": None, "\u200e": None, "\u200f": None,  # ZWNJ, ZWJ, LRM, RLM
        "ё": "е", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
        "’": "'", "ʼ": "'", "`": "'",
    }
)
_APOSTROPHES = re.compile(r"(?<=\w)'(?=\w)")
_NOT_WORD = re.compile(r"[^\w]+")


class _Folds(dict):
    """str.translate table built as characters come: combining marks dropped, any digit to 0-9.

    Filled lazily so the per-character work runs once per distinct character, not once per use.
    """

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        if unicodedata.category(char) == "Mn":  # accents, harakat
            folded = None
        elif char.isdigit() and not char.isascii():  # Eastern Arabic and Persian digits
            folded = str(unicodedata.digit(char))
        else:
            folded = char
        if len(self) < 50_000:  # forged input cannot grow it without end
            self[code] = folded
        return folded


_FOLDS = _Folds()


def normalize(text: str) -> str:
    """Lowercase, no accents or harakat, one letter form per Arabic/Persian letter, words split by one space."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS)
    text = unicodedata.normalize("NFD", text).translate(_FOLDS)
    text = _APOSTROPHES.sub("", text)  # "don't" -> "dont", Ukrainian "ім'я" -> "імя"
    return _NOT_WORD.sub(" ", text.replace("_", " ")).strip()


def tokens(text: str) -> list[str]:
    return normalize(text).split()
