"""What search knows about a language: how its words become index terms, and which words say little.

A term is a word folded by bot/normalize.py and then stemmed with the language's Snowball stemmer
(PyStemmer), so "detained" and "detention" meet; Ukrainian words are lemmatised with pymorphy3 and
its Ukrainian dictionary ("безплатного" -> "безплатний") while the cards are indexed, and through a table
of the forms of the cards' lemmas after (lemmas.py), so a running bot never loads the dictionary. A
language keeps whole words where stemming did not raise the figures on its tuned sets and example questions (Spanish; Portuguese, README: Search). Stop words are
content (content/<lang>/search.toml): greetings, pronouns, "I am", "please", countries and
nationalities, "I am a refugee". They still count, a little, so a query made only of them finds nothing
that opens a card. Glued prefixes (search.toml) are stop words people type stuck to the next word.
A language Snowball has no stemmer for may list, in search.toml, `suffixes` (endings taken off, at most
two stacked: a light stemmer written as data) and `[folds]` (spellings it reads as one: Somali double
vowels, Amharic ሃ/ሀ), applied alike to the cards' words, to the stop words and to what people type. Any
language may list, in `[read_as]`, whole words its stemmer misreads and the word each one is ("paye" =
"paie": French "payé" stemmed as "pays", country); a word read as itself is not stemmed ("mere" = "mere").
"""

from __future__ import annotations

import re
from typing import Mapping

import Stemmer

from ..normalize import normalize
from .lemmas import LemmaTable, lemma

# Snowball algorithm per language; a language without one keeps whole words.
SNOWBALL = {"en": "english", "ar": "arabic", "fa": "persian", "fr": "french", "ru": "russian", "tr": "turkish"}
LEMMATISED = {"uk"}  # pymorphy3 with pymorphy3-dicts-uk
# bot/normalize.py folds Arabic and Persian letter variants to one form; each stemmer reads its own.
_STEMMER_LETTERS = {"fa": str.maketrans({"ي": "ی"}), "ar": str.maketrans({"ک": "ك", "ی": "ي"})}
MIN_STEM = 3  # letters a word keeps when an ending (search.toml `suffixes`) is taken off
_stemmers: dict[str, Stemmer.Stemmer] = {}  # not pickled with the index; built on first use


def _stemmer(algorithm: str) -> Stemmer.Stemmer:
    if algorithm not in _stemmers:
        # No cache: it would keep words people typed in memory.
        _stemmers[algorithm] = Stemmer.Stemmer(algorithm, 0)
    return _stemmers[algorithm]


def _longest_first(texts) -> tuple[str, ...]:
    return tuple(sorted({normalize(t) for t in texts} - {""}, key=len, reverse=True))


def searchable(word: str) -> bool:
    """One letter or a bare number never matches on its own ("x", "2")."""
    return len(word) > 1 and not word.isdigit()


class Analyzer:
    """Turns one language's text into terms, and knows its stop words."""

    def __init__(self, lang: str, stop_words: tuple[str, ...] = (), stem: bool = True,
                 glued_prefixes: tuple[str, ...] = (), suffixes: tuple[str, ...] = (),
                 folds: Mapping[str, str] | None = None, read_as: Mapping[str, str] | None = None,
                 latin: Mapping[str, str] | None = None):
        self.lang = lang
        self.glued_prefixes = _longest_first(glued_prefixes)
        self.algorithm = SNOWBALL.get(lang) if stem else None
        self.lemmatised = stem and lang in LEMMATISED
        self.lemmas: LemmaTable | None = None  # set by the index: then pymorphy3 is not used
        self.suffixes = _longest_first(suffixes) if stem and not self.algorithm and not self.lemmatised else ()
        folds = {normalize(k): normalize(v) for k, v in (folds or {}).items() if normalize(k)}
        self._fold = re.compile("|".join(map(re.escape, _longest_first(folds)))) if folds else None
        self._folds = folds
        # Whole words the stemmer misreads (search.toml [read_as]): French "payé" is not "pays" (country).
        self.read_as = {self.fold(normalize(k)): self.fold(normalize(v)) for k, v in (read_as or {}).items()}
        # Latin letters -> the language's own, folded as normalize() folds them (Russian "yo" -> "е", not "ё").
        self._latin = {k: normalize(v) for k, v in (latin or {}).items()}
        self._from_latin = re.compile("|".join(map(re.escape, _longest_first(self._latin)))) if latin else None
        phrases = [tuple(map(self.fold, normalize(s).split())) for s in stop_words]
        self.stop_words = frozenset(p[0] for p in phrases if len(p) == 1)
        self.stop_phrases: dict[str, list[tuple[str, ...]]] = {}  # first word -> whole phrases
        for phrase in phrases:
            if len(phrase) > 1:
                self.stop_phrases.setdefault(phrase[0], []).append(phrase)

    def fold(self, word: str) -> str:
        """`word` with the spellings search.toml's [folds] reads as one written alike."""
        return self._fold.sub(lambda m: self._folds[m.group()], word) if self._fold else word

    def from_latin(self, word: str) -> str | None:
        """`word` typed in Latin letters, written in the language's own (search.toml [latin]: Russian "zarplatu"
        -> "зарплату"), or None when the language has no such table or the word is not Latin letters."""
        if self._from_latin is None or not word.isascii() or not word.isalpha():
            return None
        return self._from_latin.sub(lambda m: self._latin[m.group()], word)

    def term(self, word: str) -> str:
        word = self.fold(word)
        word = self.read_as.get(word, word)
        if self.read_as.get(word) == word:
            return word  # kept whole: French "mère" (mother) is not "mer" (sea), nor are "mères"
        if self.suffixes:
            return self._unsuffixed(word)
        if self.lemmatised:
            return lemma(word) if self.lemmas is None else self.lemmas.get(word, word)
        if not self.algorithm:
            return word
        letters = _STEMMER_LETTERS.get(self.lang)
        stem = _stemmer(self.algorithm).stemWord(word.translate(letters) if letters else word)
        return normalize(stem) if letters else stem

    def _unsuffixed(self, word: str) -> str:
        """`word` without its endings, the longest first, at most two stacked ("pasportimni" -> "pasport")."""
        for _ in range(2):
            ending = next((s for s in self.suffixes if word.endswith(s) and len(word) - len(s) >= MIN_STEM), None)
            if ending is None:
                break
            word = word[: -len(ending)]
        return word

    def is_content(self, word: str) -> bool:
        return searchable(word) and not self.is_stop(word)

    def is_stop(self, word: str) -> bool:
        return self.fold(word) in self.stop_words

    def stopped(self, words: list[str]) -> list[bool]:
        """For each word of a folded text: is it a stop word, alone or inside a stop phrase?"""
        words = [self.fold(w) for w in words]
        flags = [w in self.stop_words for w in words]
        for start, word in enumerate(words):
            for phrase in self.stop_phrases.get(word, ()):
                if tuple(words[start : start + len(phrase)]) == phrase:
                    flags[start : start + len(phrase)] = [True] * len(phrase)
        return flags
