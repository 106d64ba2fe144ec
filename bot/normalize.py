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


def _digit(char: str) -> str:
    """Eastern Arabic and Persian digits (and any Unicode decimal digit) become 0-9."""
    return str(unicodedata.digit(char)) if char.isdigit() and not char.isascii() else char


def normalize(text: str) -> str:
    """Lowercase, no accents or harakat, one letter form per Arabic/Persian letter, words split by one space."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS)
    text = "".join(
        _digit(c) for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )
    text = _APOSTROPHES.sub("", text)  # "don't" -> "dont", Ukrainian "ім'я" -> "імя"
    return _NOT_WORD.sub(" ", text.replace("_", " ")).strip()


def tokens(text: str) -> list[str]:
    return normalize(text).split()
