"""A query against one language's index: which terms it holds, and each card's BM25F score.

Each query word becomes the index term it is (after stemming); only a word the cards do not use is
looked up among the cards' words with rapidfuzz, and such a look-alike counts for less than the word
itself would (FUZZY times the squared similarity), so an exact word always outranks a look-alike.
Stop words count only inside keyword phrases (STOP_SHARE of a term otherwise, when they matter to a
card at all). Every word of the message is read; only the first MAX_FUZZY unknown words are
looked up, so a long message costs little more than a short one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .index import LanguageIndex
from .language import searchable

MAX_QUERY_CHARS = 4096  # Telegram's longest message
MAX_FUZZY = 12  # unknown words looked up by similarity, per query
FUZZY = 0.7  # a look-alike's share of what the word itself would give
PREFIX_SIMILARITY = 0.85  # "безплатного" and "безплатний": one stem, an ending the stemmer lacks
STOP_SHARE = 0.2  # a word of a stop phrase ("I am an asylum seeker") that cards also use


@dataclass(frozen=True)
class QueryTerms:
    """The terms a query holds in one language: (term, share) per word, and the terms in order."""

    weighted: dict[str, float]  # term -> share of its weight the query gives it (best of its words)
    sequence: tuple[str, ...]  # the query's terms in order, for keyword phrases
    known: int  # how many content words of the query are the cards' own words (for language choice)


def _cutoff(word: str) -> float:
    return 80.0 if len(word) == 4 else 78.0


def look_alikes(index: LanguageIndex, word: str) -> dict[str, float]:
    """Terms of cards' words that look like `word` (not one of them), with a share in 0..1."""
    found: dict[str, float] = {}
    cutoff = _cutoff(word)
    for match, score, _ in process.extract(word, index.candidates(word, cutoff), scorer=fuzz.ratio,
                                           score_cutoff=cutoff, limit=3):
        term = index.surface[match]
        found[term] = max(found.get(term, 0.0), FUZZY * (score / 100) ** 2)
    if len(word) >= 5:  # inflections a stemmer does not know: a long common beginning
        for cut in range(len(word) - 1, max(4, len(word) - 4), -1):
            for match in index.with_prefix(word[:cut], 3):
                term = index.surface[match]
                found[term] = max(found.get(term, 0.0), FUZZY * PREFIX_SIMILARITY ** 2)
            if found:
                break
    return found


def query_terms(index: LanguageIndex, words: list[str]) -> QueryTerms:
    analyzer = index.analyzer
    stopped = analyzer.stopped(words)
    weighted: dict[str, float] = {}
    sequence: list[str] = []
    budget, known = MAX_FUZZY, 0
    for word, stop in zip(words, stopped):
        term = analyzer.term(word)
        matches: dict[str, float] = {}
        if term in index.impacts or not searchable(word):
            matches = {term: 1.0}
            known += searchable(word) and not stop and word in index.surface
        elif not stop and len(word) >= 4 and budget:
            budget -= 1
            matches = look_alikes(index, word)
        sequence.append(max(matches, key=matches.__getitem__) if matches else term)
        if not searchable(word):
            continue
        for match, share in matches.items():
            share *= STOP_SHARE if stop else 1.0
            if share > weighted.get(match, 0.0):
                weighted[match] = share
    return QueryTerms(weighted, tuple(sequence), known)


def card_scores(index: LanguageIndex, terms: QueryTerms) -> dict[int, float]:
    """card position -> BM25F score of the query."""
    totals: dict[int, float] = {}
    for term, share in terms.weighted.items():
        for card, impact in index.impacts.get(term, ()):
            totals[card] = totals.get(card, 0.0) + share * impact
    sequence = terms.sequence
    found: set[tuple[str, ...]] = set()
    for start, term in enumerate(sequence):
        for phrase in index.phrase_starts.get(term, ()):
            if phrase not in found and sequence[start : start + len(phrase)] == phrase:
                found.add(phrase)
                for card, impact in index.impacts[" ".join(phrase)]:
                    totals[card] = totals.get(card, 0.0) + impact
    return totals
