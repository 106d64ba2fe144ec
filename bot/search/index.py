"""One language's cards as a BM25F index: fields, term statistics and what each term gives each card.

Fields: keywords, title, example questions, text (body and actions). A term's weight in a card is
BM25F: its count in each field, times the field's weight, normalised by the field's length against
that field's average; saturated by k1; times the term's idf across the language's cards. Everything
that does not depend on the query is computed here, once, so a search only adds numbers up.

A multi-word keyword is also one term of its own (its words' terms joined by spaces), found only when
the query holds the whole phrase; its words count alone only when they are content words.

Topics no card answers (search.toml `[not_covered]`: driving licences, visa fees) are indexed after the
cards as documents of keywords only, so they compete with the cards under the same scoring; the
searcher says "not found" when one of them matches a question best, unless the question's one content
word is a word the cards use.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping

from rapidfuzz import fuzz, process

from ..content import CardText
from ..normalize import normalize
from . import lemmas
from .language import Analyzer

FIELDS = ("keyword", "title", "question", "text")
NOT_COVERED = "not-covered:"  # the id prefix of a topic no card answers


@dataclass(frozen=True)
class Params:
    """BM25F constants, chosen on the tuned query sets (tests/queries_<lang>.tsv and dev.tsv)."""

    weights: tuple[float, ...] = (3.0, 2.0, 1.5, 1.0)  # per field, in FIELDS order
    b: tuple[float, ...] = (0.3, 0.5, 0.5, 0.75)
    k1: float = 2.0


def _field_texts(text: CardText) -> dict[str, list[str]]:
    return {
        "keyword": list(text.keywords),
        "title": [text.title],
        "question": list(text.questions),
        "text": [text.body, *text.actions],
    }


# Letters typed for one another, which tell no language: the yeh and kaf of an Arabic and of a Persian
# keyboard; Ethiopic ኣ, Tigrinya's glottal a, which Amharic writers also use for አ.
KEYBOARD_TWINS = frozenset("يكىیکኣ")
LETTER_USES = 3  # fewer uses than this in a language's cards is a borrowed name or a slip, not its alphabet


def outside_latin(letter: str) -> bool:
    """A letter of a script other than Latin (Cyrillic, Arabic, Ethiopic...), where the alphabet tells languages apart."""
    return letter.isalpha() and ord(letter) >= 0x370 and letter not in KEYBOARD_TWINS


def _own_letters(fields: list[dict[str, list[str]]]) -> frozenset[str]:
    """The letters outside the Latin alphabet that the cards write, as written (before folding): "қ" and "ў"
    are Uzbek letters that Russian never writes, "ښ" a Pashto one that Persian never writes."""
    counts = Counter(letter for card in fields for values in card.values() for value in values
                     for letter in value.lower() if outside_latin(letter))
    return frozenset(letter for letter, uses in counts.items() if uses >= LETTER_USES)


@dataclass
class _CardTerms:
    counts: dict[str, Counter] = field(default_factory=lambda: {f: Counter() for f in FIELDS})


def _length_buckets(vocab: list[str], coded: list[str], position: int) -> dict[str, tuple[list[str], list[int]]]:
    """letter -> (the `coded` words with that letter at `position` in `vocab`, by length; their lengths)."""
    buckets: dict[str, list[str]] = {}
    for word, code in zip(vocab, coded):
        if len(word) > position:
            buckets.setdefault(word[position], []).append(code)
    return {k: (sorted(ws, key=len), sorted(map(len, ws))) for k, ws in buckets.items()}


class _Letters(dict):
    """A str.translate table that turns the letters the cards use into one-byte characters, 1 and up, and
    any other letter into 0, which no coded word holds. rapidfuzz compares one-byte strings several times
    faster than Cyrillic, Arabic or Ethiopic ones, and renaming letters one to one leaves every
    similarity as it was."""

    def __missing__(self, key: int) -> int:
        return 0


def _letter_codes(vocab: list[str]) -> tuple[dict[int, int], dict[int, int]]:
    """(letter -> code, code -> letter) for str.translate; no renaming (and no second copy of the words)
    where the cards' letters are one-byte already (English, Spanish) or more than 255."""
    letters = sorted({letter for word in vocab for letter in word})
    if len(letters) > 255 or max(map(ord, letters), default=0) < 256:
        return {}, {}
    return (_Letters({ord(letter): code for code, letter in enumerate(letters, 1)}),
            {code: ord(letter) for code, letter in enumerate(letters, 1)})


class LanguageIndex:
    """The searchable terms of one language's cards."""

    def __init__(self, lang: str, texts: dict[str, CardText], analyzer: Analyzer, params: Params = Params(),
                 not_covered: Mapping[str, tuple[str, ...]] | None = None, strings: dict[str, str] | None = None):
        """`strings`: one copy of each word and term, shared by the indexes of a searcher."""
        self.lang = lang
        # Each equal word or term as one string object: a stemmer returns a new one on every call, and
        # pickling (the start-up cache) keeps objects apart that are not the same object.
        self._strings = {} if strings is None else strings
        self.analyzer = analyzer
        self.covered = len(texts)  # documents from this position on are topics no card answers
        self.card_ids = list(texts) + [NOT_COVERED + topic for topic in not_covered or {}]
        self.surface: dict[str, str] = {}  # a content word of the cards -> its term
        self.terms: dict[str, str] = {}  # every word of the cards -> its term (stemming done once)
        self.keyword_terms: set[str] = set()  # terms of the cards' keywords
        fields = [_field_texts(text) for text in texts.values()]
        self.letters = _own_letters(fields)
        # ...and the letters its writers type for them on another keyboard, which the fold reads as theirs:
        # Pashto "گ" for "ګ" on a Persian keyboard, Urdu "ه" for "ہ"; not the reverse (Russian "х" for Uzbek "ҳ").
        self.typed_letters = self.letters | {normalize(letter) for letter in self.letters}
        cards = [self._card_terms(card) for card in fields]
        cards += [self._card_terms({"keyword": list(words)}, card=False) for words in (not_covered or {}).values()]
        if analyzer.lemmatised:
            # All the indexed words, stop words too: keyword phrases hold them.
            written = [value for card in fields for values in card.values() for value in values]
            written += [value for words in (not_covered or {}).values() for value in words]
            analyzer.lemmas = lemmas.build(self.terms, written)
        self._pack(self._impacts(cards, params))
        self.phrase_starts: dict[str, list[tuple[str, ...]]] = {}
        for term in self.slot:
            if " " in term:
                parts = tuple(self._one(part) for part in term.split(" "))
                self.phrase_starts.setdefault(parts[0], []).append(parts)
        self.vocab = sorted(self.surface)
        # Typos keep a word's first or second letter in place far more often than not: only words that
        # start like the query word (or one letter off) and are about as long are compared.
        self._code, self._letter = _letter_codes(self.vocab)
        coded = [word.translate(self._code) for word in self.vocab] if self._code else self.vocab
        self.by_first = _length_buckets(self.vocab, coded, 0)
        self.by_second = _length_buckets(self.vocab, coded, 1)
        del self._strings

    def _one(self, text: str) -> str:
        return self._strings.setdefault(text, text)

    def _card_terms(self, fields: dict[str, list[str]], card: bool = True) -> _CardTerms:
        """The terms of a document's fields; `card`: its keywords are a card's (not a not-covered topic's)."""
        analyzer = self.analyzer
        found = _CardTerms()
        for name, values in fields.items():
            counts = found.counts[name]
            for value in values:
                words = [self._one(word) for word in normalize(value).split()]
                for word in words:
                    if analyzer.is_content(word):
                        term = self.term(word)
                        self.surface.setdefault(word, term)
                        counts[term] += 1
                        if name == "keyword" and card:
                            self.keyword_terms.add(term)
                if name == "keyword" and len(words) > 1:
                    counts[self._one(" ".join(self.term(w) for w in words))] += 1
        return found

    def _pack(self, impacts: dict[str, tuple[tuple[int, float], ...]]) -> None:
        """Each term's cards and weights, side by side in flat arrays: a fraction of the memory of a
        tuple per (card, weight), which matters with twenty languages loaded."""
        self.slot: dict[str, int] = {}  # term -> its position in `_starts`
        self._starts, self._cards, self._weights, self._top = array("I", [0]), array("H"), array("d"), array("d")
        for term, found in impacts.items():
            self.slot[term] = len(self.slot)
            self._cards.extend(card for card, _ in found)
            self._weights.extend(weight for _, weight in found)
            self._starts.append(len(self._cards))
            self._top.append(max(weight for _, weight in found))

    def has(self, term: str) -> bool:
        return term in self.slot

    def cards_use(self, word: str) -> bool:
        """Is `word`, read as search reads it (search.toml's [folds], endings), a card's content word, not
        only a word of a topic no card answers? Sorani "هاوڵاتیبوون", typed with one و, is the cards' word."""
        term = self.terms.get(word) or self.analyzer.term(word)
        return self.has(term) and any(card < self.covered for card, _ in self.postings(term))

    def postings(self, term: str):
        """(card position, BM25F weight of `term` in that card) for each card that has the term."""
        slot = self.slot[term]
        start, end = self._starts[slot], self._starts[slot + 1]
        return zip(self._cards[start:end], self._weights[start:end])

    def card_count(self, word: str) -> int:
        """How many cards (and topics no card answers) use `word`, one of the cards' words as typed."""
        slot = self.slot[self.surface[word]]
        return self._starts[slot + 1] - self._starts[slot]

    def top_impact(self, term: str) -> float:
        """The term's weight in the card where it weighs most."""
        return self._top[self.slot[term]]

    def term(self, word: str) -> str:
        """While indexing: the term of one of the cards' words, stemmed once."""
        if word not in self.terms:
            self.terms[word] = self._one(self.analyzer.term(word))
        return self.terms[word]

    @staticmethod
    def _impacts(cards: list[_CardTerms], params: Params) -> dict[str, tuple[tuple[int, float], ...]]:
        """term -> ((card, BM25F weight of the term in that card), ...)."""
        total = len(cards)
        average = [max(1.0, sum(sum(c.counts[f].values()) for c in cards) / max(1, total)) for f in FIELDS]
        pseudo: dict[str, dict[int, float]] = {}  # term -> card -> field-weighted, length-normalised count
        for index, card in enumerate(cards):
            for position, name in enumerate(FIELDS):
                counts = card.counts[name]
                length = sum(counts.values())
                norm = 1 - params.b[position] + params.b[position] * length / average[position]
                for term, count in counts.items():
                    slot = pseudo.setdefault(term, {})
                    slot[index] = slot.get(index, 0.0) + params.weights[position] * count / norm
        impacts = {}
        for term, by_card in pseudo.items():
            idf = math.log(1 + (total - len(by_card) + 0.5) / (len(by_card) + 0.5))
            impacts[term] = tuple(
                (card, idf * tf * (params.k1 + 1) / (params.k1 + tf)) for card, tf in by_card.items()
            )
        return impacts

    def similar(self, word: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """(cards' word, rapidfuzz ratio) of up to `limit` of the cards' words at least `cutoff` similar to
        `word`, most similar first."""
        found = process.extract(word.translate(self._code), self._candidates(word, cutoff), scorer=fuzz.ratio,
                                score_cutoff=cutoff, limit=limit)
        return [(match.translate(self._letter), score) for match, score, _ in found]

    def _candidates(self, word: str, cutoff: float) -> list[str]:
        """Index words (coded) that could be `word` with a typo: same first letter, or one letter added or
        lost before it."""
        share = cutoff / 100
        shortest = math.ceil(len(word) * share / (2 - share))
        longest = math.floor(len(word) * (2 - share) / share)
        keys = [(self.by_first, word[0]), (self.by_second, word[0])]
        if len(word) > 1:
            keys.append((self.by_first, word[1]))
        found: list[str] = []
        for buckets, letter in keys:
            words, lengths = buckets.get(letter, ((), ()))
            found += words[bisect.bisect_left(lengths, shortest) : bisect.bisect_right(lengths, longest)]
        return found

    def with_prefix(self, prefix: str, limit: int = 8) -> list[str]:
        start = bisect.bisect_left(self.vocab, prefix)
        found = []
        for word in self.vocab[start : start + limit]:
            if not word.startswith(prefix):
                break
            found.append(word)
        return found
