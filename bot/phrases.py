"""Find words and phrases in card text, as the strength and glossary checks need them."""

from __future__ import annotations

import re
import unicodedata

from .content import CardText

# Invisible joiners (Persian writes بین‌المللی with one) vanish; letter variants that writers mix up
# (Arabic and Persian yeh and kaf, alef with hamza, typographic apostrophes) compare as one.
_FOLD = str.maketrans({
    "\u200c": None, "\u200d": None, "\u200e": None, "\u200f": None, "\u00ad": None,
    "ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'",  # Uzbek oʻ is typed o' o‘ o`
})


def fold(text: str) -> str:
    """Lowercase, without accents and marks (é, й, Arabic harakat), joiners or letter variants:
    both the card and the word looked for are folded, so "deportación" matches "deportacion"."""
    text = unicodedata.normalize("NFD", text.translate(_FOLD).casefold())
    return unicodedata.normalize("NFC", "".join(ch for ch in text if unicodedata.category(ch) != "Mn"))


def fold_mapped(text: str) -> tuple[str, list[int]]:
    """fold(text), and for each folded character the index of the original one it came from,
    so that a match can be shown as the reader wrote it."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for folded in fold(char):
            chars.append(folded)
            origin.append(index)
    return "".join(chars), origin


def original(text: str, origin: list[int], start: int, end: int) -> str:
    """The part of `text` that folded characters start..end came from."""
    return text[origin[start]: origin[end - 1] + 1]


def word_pattern(entry: str) -> re.Pattern[str]:
    """A whole word or phrase; "-meli" means a word ending (a suffix inside a longer word)."""
    if entry.startswith("-"):
        return re.compile(r"\w+" + re.escape(fold(entry[1:])) + r"\w*")
    return re.compile(r"(?<!\w)" + re.escape(fold(entry)) + r"(?!\w)")


def stem_pattern(entry: str, prefixes: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Each word of `entry` starts a word, with any ending: "торгівл людьми" finds "торгівлею людьми".
    A word may also start with one of `prefixes` (Arabic و، ب، ال...)."""
    lead = "(?:" + "|".join(re.escape(fold(p)) for p in sorted(prefixes, key=len, reverse=True)) + ")?" if prefixes else ""
    words = [r"(?<!\w)" + lead + re.escape(word) + r"\w*" for word in fold(entry).split()]
    return re.compile(r"\W+".join(words))


def paragraphs(text: CardText) -> list[str]:
    """Title, each body paragraph and each action: the units a frame ("according to...") covers."""
    body = [p for p in re.split(r"\n\s*\n", text.body) if p.strip()]
    return [text.title, *body, *text.actions]
