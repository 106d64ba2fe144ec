"""A query against one language's index: each card's BM25F score.

Each query word counts once, as the index term it is (after stemming). Words that look like it count
too, for less: cards' words that begin the same way ("kimligim" and "kimlik"), and, only for a word
the cards do not use, rapidfuzz look-alikes ("docter"). A look-alike gives a card at most FUZZY of what
the word itself gives its best card, so an exact word always outranks a look-alike ("medico" is never
beaten by "mexico"). Stop words count STOP_SHARE of a term, and fully inside keyword phrases, which
count PHRASE of a term of their own. Every word of the message is read; only the first MAX_FUZZY
unknown words are compared by similarity (MAX_STEMMED stemmed), so a long message costs little more
than a short one.
"""

from __future__ import annotations

from .index import LanguageIndex
from .language import searchable

MAX_QUERY_CHARS = 4096  # Telegram's longest message
MAX_FUZZY = 12  # unknown words compared by similarity, per query
MAX_STEMMED = 24  # unknown words stemmed or lemmatised, per query; the rest count as typed
FUZZY = 0.7  # a look-alike's share of what the word itself would give, at most
SAME_START = 0.85  # similarity of a word that begins like the query word ("безплатного", "безплатний")
STOP_SHARE = 0.2  # a stop word ("I am an asylum seeker") that cards also use
PHRASE = 0.5  # a whole keyword phrase found in the query, as a share of a term's weight


def _cutoff(word: str) -> float:
    return 80.0 if len(word) == 4 else 78.0


def _same_start(index: LanguageIndex, word: str) -> dict[str, float]:
    """Terms of cards' words that share a long beginning with `word` (an ending the stemmer missed)."""
    found: dict[str, float] = {}
    if len(word) >= 5:
        shortest = max(5, round(0.7 * len(word)))
        for cut in range(len(word), shortest - 1, -1):
            for match in index.with_prefix(word[:cut], 4):
                found.setdefault(index.surface[match], FUZZY * SAME_START**2)
            if found:
                break
    return found


def _look_alikes(index: LanguageIndex, word: str) -> dict[str, float]:
    """Terms of cards' words within a typo or two of `word`."""
    found: dict[str, float] = {}
    cutoff = _cutoff(word)
    for match, score in index.similar(word, cutoff, 3):
        term = index.surface[match]
        found[term] = max(found.get(term, 0.0), FUZZY * (score / 100) ** 2)
    for term, share in _same_start(index, word).items():
        found[term] = max(found.get(term, 0.0), share)
    return found


TYPO = 90.0  # rapidfuzz ratio of a word and one of the cards' words it is a typo of: one letter in six or more


def reads_as_its_own(index: LanguageIndex, word: str) -> bool:
    """Is `word` a typo of one of the cards' words: one letter off in a word of six letters or more?"""
    return bool(index.similar(word, TYPO, 1))


def _unglue(index: LanguageIndex, words: list[str]) -> list[str]:
    """A word the cards do not use, made of a glued prefix (content/<lang>/search.toml) and a word they
    do, as two words: Persian "آیااجازه" -> "آیا", "اجازه". The cards' own words and the stop words are
    never split (Sorani "بەڵام", "but", is not "بە" + "لام", "to me"). Words are compared as search.toml's
    [folds] read them: Tajik "бехучат" is "бе" and the cards' "ҳуҷҷат" typed with one "ҷ"."""
    analyzer = index.analyzer
    if not analyzer.glued_prefixes:
        return words
    out: list[str] = []
    for word in words:
        folded = analyzer.fold(word)
        prefix = None if word in index.terms or folded in index.terms or analyzer.is_stop(word) else next(
            (p for p in analyzer.glued_prefixes
             if folded.startswith(p) and len(folded) - len(p) >= 3 and folded[len(p):] in index.terms), None)
        if prefix:
            out += [prefix, folded[len(prefix):]]
        else:
            out.append(word)
    return out


def in_own_letters(index: LanguageIndex, words: list[str]) -> list[str]:
    """A message typed in Latin letters, read in the language's own letters (search.toml [latin]) when most of
    its Latin words are then words of the cards or stop words: Russian "mne ne platyat zarplatu" is read as
    "мне не платят зарплату". Only those words change. A message where few do stays as typed: in "they put my
    kids in detention", "my" and "in" read as Russian "мы" and "ин", but the message is English, and English
    must still be able to answer it."""
    analyzer = index.analyzer
    read: dict[str, str] = {}
    latin = 0
    for word in dict.fromkeys(words):
        own = analyzer.from_latin(word)
        if own is None or own == word:
            continue
        latin += 1
        if own in index.terms or analyzer.is_stop(own) or index.has(analyzer.term(own)):
            read[word] = own
    if 2 * len(read) <= latin:
        return words
    return [read.get(w, w) for w in words]


def _terms(index: LanguageIndex, words: list[str]) -> list[str]:
    """Each word's index term: the cards' own words as indexed, the first MAX_STEMMED others stemmed, the
    rest as typed."""
    terms: list[str] = []
    stemming = MAX_STEMMED
    read_as = index.analyzer.read_as
    for word in words:
        term = index.terms.get(word)  # the cards' own words were stemmed when indexing
        if term is None and read_as:
            # A word read as one of the cards' words gets that word's term: the Ukrainian lemma table leaves
            # out the cards' own forms, so "виселяют" read as the cards' "виселяють" would stay unlemmatised.
            term = index.terms.get(read_as.get(index.analyzer.fold(word), ""))
        if term is None:
            term = index.analyzer.term(word) if stemming > 0 else word
            stemming -= 1
        terms.append(term)
    return terms


def card_scores(index: LanguageIndex, words: list[str]) -> dict[int, float]:
    """card position -> BM25F score of the query's folded `words`."""
    words = in_own_letters(index, _unglue(index, words))
    terms = _terms(index, words)
    stopped = index.analyzer.stopped(words)
    # A term also met outside a stop phrase counts in full wherever it stands: in "i am a refugee. my
    # refugee status was refused" the second "refugee" is a content word, though the first was stopped.
    content = {term for term, stop in zip(terms, stopped) if not stop}
    totals: dict[int, float] = {}
    sequence: list[str] = []  # the query's terms in order, for keyword phrases
    counted: set[str] = set()
    budget = MAX_FUZZY
    for word, term, stop in zip(words, terms, stopped):
        stop = stop and term not in content
        if index.has(term):
            matches = {term: 1.0}
            if not stop and searchable(word) and term not in counted:  # a repeated word counts once
                matches.update((t, s) for t, s in _same_start(index, word).items() if t != term)
        elif not stop and searchable(word) and len(word) >= 4 and budget:
            budget -= 1
            matches = _look_alikes(index, word)
        else:
            matches = {}
        sequence.append(term if index.has(term) or not matches else max(matches, key=matches.__getitem__))
        if not searchable(word) or not matches or term in counted:
            continue
        counted.add(term)
        ceiling = FUZZY * index.top_impact(term) if index.has(term) else float("inf")
        best: dict[int, float] = {}
        for match, share in matches.items():
            for card, impact in index.postings(match):
                value = share * impact if match == term else min(share * impact, ceiling)
                if value > best.get(card, 0.0):
                    best[card] = value
        weight = STOP_SHARE if stop else 1.0
        for card, value in best.items():
            totals[card] = totals.get(card, 0.0) + weight * value
    found: set[tuple[str, ...]] = set()
    for start, term in enumerate(sequence):
        for phrase in index.phrase_starts.get(term, ()):
            if phrase not in found and tuple(sequence[start : start + len(phrase)]) == phrase:
                found.add(phrase)
                for card, impact in index.postings(" ".join(phrase)):
                    totals[card] = totals.get(card, 0.0) + PHRASE * impact
    return totals
