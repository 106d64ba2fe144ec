"""Fuzzy search over the cards of each language: keywords, titles and card text.

Every word of a query is matched, with rapidfuzz, against the normalised words of one language's
cards: typos ("docter"), stems ("detained"/"detention") and Arabic clitics ("المستشفى") still match.
A card's score adds, for each query word, how well it matched times how much the matched word says
about that card (its field: keyword > title > text, and how rare it is across cards).
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .content import Catalog, CardText
from .normalize import normalize

FIELD_WEIGHTS = {"keyword": 3.0, "title": 2.0, "text": 1.0}
MAX_QUERY_WORDS = 12
MAX_QUERY_CHARS = 300
UNKNOWN_WORD_WEIGHT = 0.5  # share of a typical word's weight that an unknown query word costs
ANSWER_THRESHOLD = 30.0  # below this score a search is "unanswered": offer topics instead
_ARABIC_PREFIXES = ("وال", "بال", "فال", "کال", "عال", "لل", "ال", "و", "ب", "ل", "ف")  # عال: Levantine "on the"


@dataclass(frozen=True)
class Hit:
    card_id: str
    lang: str
    score: float  # 0-100


def script_of(text: str) -> str:
    """The dominant writing system of a text: 'arabic', 'cyrillic', 'latin' or '' when none."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            script = name.split(" ", 1)[0].lower()
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else ""


def _variants(word: str) -> set[str]:
    """The word and, for Arabic script, the word without its leading article or particle."""
    found = {word}
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            found.add(word[len(prefix):])
    return found


def _cutoff(word: str) -> float:
    if len(word) <= 3:
        return 100.0
    return 80.0 if len(word) == 4 else 78.0


def _length_buckets(vocab: list[str], position: int) -> dict[str, tuple[list[str], list[int]]]:
    """letter -> (the words with that letter at `position`, by length; their lengths)."""
    buckets: dict[str, list[str]] = {}
    for word in vocab:
        if len(word) > position:
            buckets.setdefault(word[position], []).append(word)
    return {k: (sorted(ws, key=len), sorted(map(len, ws))) for k, ws in buckets.items()}


class LanguageIndex:
    """The searchable words of one language's cards."""

    def __init__(self, lang: str, texts: dict[str, CardText]):
        self.lang = lang
        self.card_ids = list(texts)
        postings: dict[str, dict[int, float]] = {}
        variants: dict[str, set[str]] = {}  # the cards' own words repeat: fold each once
        self.phrases: dict[str, list[tuple[str, int]]] = {}  # first word -> (keyword phrase, card)
        for index, text in enumerate(texts.values()):
            weights: dict[str, float] = {}  # each word of this card, at its best field's weight
            fields = [("keyword", k) for k in text.keywords]
            fields += [("title", text.title), ("text", " ".join((text.body, *text.actions, *text.questions)))]
            for field, value in fields:
                words = normalize(value).split()
                if field == "keyword" and len(words) > 1:
                    self.phrases.setdefault(words[0], []).append((" ".join(words), index))
                weight = FIELD_WEIGHTS[field]
                for word in words:
                    if weights.get(word, 0.0) < weight:
                        weights[word] = weight
            for word, weight in weights.items():
                if word not in variants:
                    variants[word] = _variants(word)
                for variant in variants[word]:
                    slot = postings.setdefault(variant, {})
                    if slot.get(index, 0.0) < weight:
                        slot[index] = weight
        total = len(self.card_ids)
        self.idf = {w: math.log(1 + total / len(p)) for w, p in postings.items()}
        self.typical_idf = sorted(self.idf.values())[len(self.idf) // 2] if self.idf else 1.0
        # word -> [(card, field weight x idf)]: what a match on the word gives each card
        self.weighted = {w: [(c, f * self.idf[w]) for c, f in p.items()] for w, p in postings.items()}
        self.postings = postings
        self.vocab = sorted(postings)
        self._known: dict[str, dict[str, float]] = {}
        # Typos keep a word's first or second letter in place far more often than not, and
        # fuzz.ratio >= c needs lengths within a factor (2 - c) / c of each other: looking only at
        # words that start like the query word (or one letter off) and are about as long is what
        # keeps search fast. Each bucket is ordered by length, with the lengths beside it.
        self.by_first = _length_buckets(self.vocab, 0)
        self.by_second = _length_buckets(self.vocab, 1)

    def __getstate__(self) -> dict:
        # Saved for the start-up cache: the card index only, never the look-alikes found while running.
        return {**self.__dict__, "_known": {}}

    def _candidates(self, word: str, cutoff: float) -> list[str]:
        """Index words that could be `word` with a typo: same first letter, or one letter added or lost before it."""
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

    def _similar_words(self, word: str) -> dict[str, float]:
        """Index words that look like `word`, with a similarity in 0..1.

        Remembered for the cards' own words only, so the memory holds nothing a person typed that
        the cards do not already say, and is bounded by the vocabulary.
        """
        if word in self._known:
            return self._known[word]
        found = self._look_alikes(word)
        if word in self.postings:
            self._known[word] = found
        return found

    def _look_alikes(self, word: str) -> dict[str, float]:
        found: dict[str, float] = {}
        cutoff = _cutoff(word)
        candidates = self._candidates(word, cutoff) if cutoff < 100 else ([word] if word in self.postings else [])
        for match, score, _ in process.extract(word, candidates, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8):
            found[match] = score / 100
        if len(word) >= 4:  # stems: "detain" finds "detained", "doctors" finds "doctor"
            start = bisect.bisect_left(self.vocab, word)
            for match in self.vocab[start : start + 8]:
                if not match.startswith(word):
                    break
                found[match] = max(found.get(match, 0.0), 0.9)
            for cut in range(len(word) - 1, max(3, len(word) - 4), -1):
                if word[:cut] in self.postings:
                    found[word[:cut]] = max(found.get(word[:cut], 0.0), 0.85)
                    break
        return found

    def scores(self, query: str) -> dict[int, float]:
        words = list(dict.fromkeys(query.split()))[:MAX_QUERY_WORDS]
        totals: dict[int, float] = {}
        possible = 0.0
        for word in words:
            best: dict[int, float] = {}
            weight = 0.0
            for variant in _variants(word):
                typed_exists = variant in self.postings
                for match, similarity in self._similar_words(variant).items():
                    if typed_exists and similarity < 0.85:
                        # The cards use the word as typed: a look-alike that is not a stem of
                        # it ("determinacion" for "detencion") is probably another word.
                        similarity *= similarity
                    weight = max(weight, self.idf[match])
                    factor = similarity * similarity
                    for card, card_weight in self.weighted[match]:
                        value = factor * card_weight
                        if value > best.get(card, 0.0):
                            best[card] = value
            if not best and len(word) >= 3:
                weight = UNKNOWN_WORD_WEIGHT * self.typical_idf  # a word we do not know lowers confidence
            possible += FIELD_WEIGHTS["keyword"] * weight
            for card, value in best.items():
                totals[card] = totals.get(card, 0.0) + value
        if not possible:
            return {}
        padded = f" {query} "
        for word in words:  # a whole keyword phrase in the query is a strong sign
            for phrase, card in self.phrases.get(word, ()):
                if card in totals and f" {phrase} " in padded:
                    totals[card] += 0.25 * possible
        return {card: min(100.0, 100 * value / possible) for card, value in totals.items()}


class Searcher:
    """Search every language of a catalog; built once at start."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.indexes: dict[str, LanguageIndex] = {}
        self.scripts: dict[str, str] = {}
        for lang in catalog.codes:
            texts = {cid: c.texts[lang] for cid, c in catalog.cards.items() if lang in c.texts}
            self.indexes[lang] = LanguageIndex(lang, texts)
            sample = " ".join(t.title for t in list(texts.values())[:5])
            self.scripts[lang] = script_of(sample)

    def search(self, query: str, lang: str, limit: int = 5) -> list[Hit]:
        """Best cards for `query` among the cards of `lang`, best first."""
        return self._search(normalize(query[:MAX_QUERY_CHARS]), lang, limit)

    def _search(self, folded: str, lang: str, limit: int) -> list[Hit]:
        index = self.indexes.get(lang)
        if index is None or not folded:
            return []
        ranked = sorted(index.scores(folded).items(), key=lambda item: (-item[1], item[0]))
        return [Hit(index.card_ids[i], lang, round(s, 1)) for i, s in ranked[:limit]]

    def search_any(self, query: str, lang: str, limit: int = 5) -> list[Hit]:
        """Search in `lang`; if the query is written in another language, answer in that one.

        A query in another script than `lang` (Arabic typed with English chosen) is also searched
        in the languages of its script, and so is a weak match in `lang`; another language wins
        only when clearly better, so Arabizi or Finglish keywords still answer in Arabic or Persian.
        """
        script = script_of(query[:MAX_QUERY_CHARS])
        folded = normalize(query[:MAX_QUERY_CHARS])  # once, for every language tried
        own = self._search(folded, lang, limit)
        own_best = own[0].score if own else 0.0
        same_script = self.scripts.get(lang) == script or not script
        if own_best >= (ANSWER_THRESHOLD if same_script else 2 * ANSWER_THRESHOLD):
            return own  # a good match in the chosen language, even typed in Latin letters (Arabizi)
        best = own
        for other in self._likely_languages(folded.split(), lang, script):
            hits = self._search(folded, other, limit)
            if hits and hits[0].score >= ANSWER_THRESHOLD and hits[0].score > (
                best[0].score + 10 if best else 0.0
            ):
                best = hits
        return best

    def _likely_languages(self, words: list[str], lang: str, script: str, keep: int = 2) -> list[str]:
        """The other languages of `script` whose cards use the most of the query's words as typed."""
        others = [o for o, s in self.scripts.items() if o != lang and s == script]
        known = {o: sum(w in self.indexes[o].postings for w in words) for o in others}
        return sorted(others, key=lambda o: -known[o])[:keep]
