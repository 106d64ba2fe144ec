"""Search every language of a catalog, and choose the language and the decision of the answer.

The chosen language is searched first. Another language answers only on evidence: the query holds
content words that its cards use and the chosen language's cards do not (its stop words count too),
and it answers better: a better decision, or as good a one with at least SWITCH_RATIO times the score,
or with any score when the query is written in it (it reads most of the words, the chosen language
under a third). So English small talk never answers in Spanish, while "necesito un medico" with
English chosen answers in Spanish. The language is judged on the first EVIDENCE_WORDS distinct words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from itertools import islice

from ..content import Catalog
from ..normalize import normalize
from .decision import LIST, LIST_SCORE, NONE, OPEN, OPEN_SCORE, PARTLY_SCORE, decide
from .index import NOT_COVERED, LanguageIndex, Params, outside_latin
from .language import Analyzer
from .scoring import MAX_FUZZY, MAX_QUERY_CHARS, card_scores, in_own_letters, reads_as_its_own

SWITCH_RATIO = 1.5
SHARED = 4  # a word the cards of more languages use is, alone, weak evidence of any one of them
# Distinct words weighed as evidence of the message's language: enough to tell any language, while a
# 4,096-character message (about 600 distinct words) would cost twenty languages' look-ups of each.
EVIDENCE_WORDS = 64
_RANK = {NONE: 0, LIST: 1, OPEN: 2}


@dataclass(frozen=True)
class Hit:
    card_id: str
    lang: str
    score: float  # BM25F, 0 and up


@dataclass(frozen=True)
class Answer:
    hits: tuple[Hit, ...]  # best first
    lang: str  # the language of the answer
    decision: str  # OPEN, LIST or NONE: what the bot does
    # This topic no card answers matched best (search.toml): NONE, or LIST when the rest of the question
    # finds cards ("i lost my passport, can i see a doctor": the bot says it cannot answer all of it).
    not_covered: str | None = None


class Searcher:
    """Search every language of a catalog; built once at start."""

    def __init__(self, catalog: Catalog, params: Params = Params(), stem: frozenset[str] | None = None,
                 langs: tuple[str, ...] | None = None):
        self.catalog = catalog
        self.indexes: dict[str, LanguageIndex] = {}
        strings: dict[str, str] = {}  # words and terms, one copy each across languages
        for lang in langs or catalog.codes:
            texts = {cid: c.texts[lang] for cid, c in catalog.cards.items() if lang in c.texts}
            language = catalog.languages[lang]
            analyzer = Analyzer(lang, language.stop_words, stem is None or lang in stem, language.glued_prefixes,
                                language.suffixes, language.folds, language.read_as, language.latin)
            self.indexes[lang] = LanguageIndex(lang, texts, analyzer, params, language.not_covered, strings)

    def search(self, query: str, lang: str, limit: int = 5) -> list[Hit]:
        """Best cards for `query` among the cards of `lang`, best first."""
        return list(self._answer(normalize(query[:MAX_QUERY_CHARS]).split(), lang, limit).hits)

    def is_word(self, word: str, lang: str) -> bool:
        """Do `lang`'s cards or stop words use `word` (folded)?"""
        index = self.indexes.get(lang)
        return index is not None and _reads(index, word)

    def search_any(self, query: str, lang: str, limit: int = 5) -> list[Hit]:
        return list(self.answer(query, lang, limit).hits)

    def answer(self, query: str, lang: str, limit: int = 5) -> Answer:
        """The cards for `query`, in `lang` or, on evidence, in the language the query is written in."""
        words = normalize(query[:MAX_QUERY_CHARS]).split()
        best = self._answer(words, lang, limit)
        if lang not in self.indexes:
            return best
        unique = list(dict.fromkeys(words))[:EVIDENCE_WORDS]
        tried: dict[str, Answer] = {lang: best}

        def answer_in(other: str) -> Answer:
            if other not in tried:
                tried[other] = self._answer(words, other, limit)
            return tried[other]

        written = self._in_its_letters(query[:MAX_QUERY_CHARS], lang, words, unique, best, answer_in)
        if written is not None:
            return written
        own_read = _words_read(self.indexes[lang], unique)
        # Understood in `lang` (a card opens or matches strongly, or a topic no card answers matches): no
        # other language answers; a Tajik keyword borrowing "взял" does not take a Russian question. Unless
        # `lang` reads under a third of its words: "ca se passe comment quand on arrive au poste frontiere"
        # matched an English card strongly through "arrive" and "frontier", and "jai pas d acte de naissance"
        # an English topic through "act".
        sure = best.decision == OPEN or _strong(best.hits) or best.not_covered
        if sure and 3 * own_read >= len(unique):
            return best
        # Another language must read as much of the message as `lang` does, typed in Latin letters too where
        # `lang`'s [latin] table reads most of it: Ukrainian "chi mayu pravo na svobodu slova yak migrant" is
        # not Kyrgyz, whose cards keep "pravo" in Latin letters. Not for `sure` above: the Tajik table reads the
        # Russian words the Tajik cards borrow, and "ne dayut zarplatu za rabotu" is Russian, not a Tajik topic.
        read = in_own_letters(self.indexes[lang], unique)
        in_letters = own_read if read is unique else _words_read(self.indexes[lang], read)
        chosen = best
        evidence = self._evidence(unique, lang, in_letters, understood=best.decision != NONE)
        for rank, (other, borrowed, reads_most) in enumerate(evidence):
            found = answer_in(other)
            if borrowed:  # "doktor" with French chosen: the cards it finds, in French
                found = self._in_language(found, lang)
            # The language with the most evidence, if it answers better than the chosen one; another only
            # if it decides better still. A score is no measure across languages: "abogado", a word of the
            # Spanish and the Somali cards, scored higher in Somali, where it is rarer. As sure as the chosen
            # language is enough when the query is written in it: it reads most of the words, the chosen one
            # under a third ("ils m ont enfermé sans me donner de papier" with English chosen: discrim-words,
            # whose English keywords hold "sans papiers").
            written_in = not borrowed and reads_most and 3 * own_read < len(unique)
            if _better(found, chosen, 0.0 if written_in else SWITCH_RATIO) and (
                    rank == 0 or _RANK[found.decision] > _RANK[best.decision]):
                best = found
        return best

    def _in_its_letters(self, query: str, lang: str, words: list[str], unique: list[str], chosen: Answer,
                        answer_in) -> Answer | None:
        """The answer of a language whose alphabet the query is written in, when the chosen one's is not: a
        third of its words hold letters that `lang`'s cards never write and that language's cards do. An
        Uzbek question typed in Cyrillic with Russian chosen ("маҳкумлар қандай шароитда сақланади") has few
        words that the Uzbek cards hold as written, and the word evidence below missed it; "қ" and "ҳ" do not.
        None when there is no such language, or none of them answers as well as `lang`."""
        text = query.lower()
        letters = {letter for letter in set(text) if outside_latin(letter)}
        foreign = letters - self.indexes[lang].typed_letters
        if not foreign or 3 * sum(not foreign.isdisjoint(word) for word in text.split()) < len(words):
            return None
        others = [other for other, index in self.indexes.items() if other != lang and letters <= index.letters]
        same_script = [other for other, index in self.indexes.items() if other != lang and letters & index.letters]
        if not others or len(others) == len(same_script):  # the letters name no language, or only a script
            return None
        # Several alphabets fit ("қ" is Uzbek and Tajik): the one that reads the most of the words, if one
        # does; as many read in two is no evidence of either ("таъкиб", persecution, a word of the Uzbek and
        # the Tajik cards alike, lends their cards to the chosen language below).
        read = sorted(((_words_read(self.indexes[other], unique), other) for other in others), reverse=True)
        if len(read) > 1 and read[0][0] == read[1][0]:
            return None
        found = answer_in(read[0][1])
        return found if _better(found, chosen, 0.0) else None

    def _answer(self, words: list[str], lang: str, limit: int) -> Answer:
        index = self.indexes.get(lang)
        if index is None or not words:
            return Answer((), lang, NONE)
        ranked = _ranked(index, words)
        hits = _hits(index, ranked, limit)
        topic_first = bool(ranked) and ranked[0][0] >= index.covered
        # A topic no card answers matches best: "not found", unless a card matches as strongly as one that
        # opens by itself ("my passport expired and the police took me": the police card, not nothing).
        if topic_first and _beyond_the_cards(index, words) and not _strong(hits):
            topic = index.card_ids[ranked[0][0]].removeprefix(NOT_COVERED)
            rest = _the_rest(index, words, ranked[0][0], limit)
            return Answer(rest, lang, LIST, topic) if rest else Answer(hits, lang, NONE, topic)
        weak = not hits or hits[0].score < LIST_SCORE  # only then can a keyword word change the decision
        # A not-covered topic close behind the best card counts as its runner-up: no card opens by itself.
        scores = [round(s, 2) for _, s in ranked[:2]]
        if topic_first and hits:
            scores = [hits[0].score, scores[0]]
        return Answer(hits, lang, decide(scores, word_found=weak and _word_found(index, words)))

    def _evidence(self, unique: list[str], lang: str, own_read: int,
                  understood: bool = False) -> list[tuple[str, bool, bool]]:
        """Other languages whose cards use at least a third of the query's content words that `lang`'s
        cards lack, most evidence first, each with whether it only lends them (below) and whether it reads
        most of the query's words. `own_read`: how many of them the chosen language reads, Latin-typed words
        as its [latin] table reads them. One shared word
        among many strange ones is chance, not a language (a Tigrinya question typed in Latin letters
        shares a short word with the Kurmanji cards); two Latin letters are no evidence at all.

        A language that knows only words many languages share ("doktor"), or words the chosen language
        reads as typos of its own ("astma" in English, a word of the Uzbek cards), and does not read most
        of the query only lends its cards: they answer in the chosen language. When the chosen language
        understood the query, such a language is no evidence at all, nor is one that reads fewer of the query's
        words than the chosen language. Languages tied with the best on all evidence only lend their cards."""
        own = self.indexes[lang]
        strange = [w for w in unique
                   if w not in own.surface and own.analyzer.is_content(w) and not _latin_pair(w)]
        weak: dict[str, bool] = {}  # a word many languages share, or a typo of one of the chosen language's
        ranked: dict[str, tuple[tuple[int, int, int], bool, bool]] = {}
        for other, index in self.indexes.items():
            known = [w for w in strange if w in index.surface] if other != lang else []
            if not known:
                continue
            # Its stop words count too: "мени отказали в азили что делать" (surzhyk, Ukrainian chosen) is
            # Russian, where "что" and "делать" are stop words, not Tajik, whose cards borrow them.
            stops = sum(index.analyzer.is_stop(w) for w in strange if w not in index.surface)
            if 3 * (len(known) + stops) < len(strange):
                continue
            for word in known:
                if word not in weak:
                    weak[word] = self._shared(word) or len(weak) >= MAX_FUZZY or reads_as_its_own(own, word)
            read = _words_read(index, unique)
            reads_most = _most(read, len(unique))
            lends = all(weak[w] for w in known) and not reads_most
            # Understood in the chosen language, a query is another language's only if that one reads as much of
            # it: "militsiya urdu meni kaida ariza jazsam bolot" is Kyrgyz in Latin letters, whatever "ariza" is.
            if understood and (lends or read < own_read):
                continue
            # Evidence: the strange words a language knows, its stop words among them too ("avukat lazim" is
            # Turkish, where "lazim" is a stop word, though the Kurmanji cards have both words); then the
            # words of the query it reads; then how many of its cards use them ("hastane" is in many Turkish
            # cards and one Kurmanji keyword).
            ranked[other] = ((len(known) + stops, read, sum(map(index.card_count, known))), lends, reads_most)
        order = sorted(ranked, key=lambda other: ranked[other][0], reverse=True)[:3]
        # Only a language with as many words known and read as the best may then answer by deciding better:
        # "скрининг на границе это что такое" is Russian, though the Kyrgyz cards borrow most of its words.
        order = [other for other in order if ranked[other][0][:2] == ranked[order[0]][0][:2]]
        # Languages with the same evidence as the best are no evidence of any one of them: "astma", a word of
        # the Pashto and the Uzbek cards alike, lends their cards to the chosen language.
        tied = len(order) > 1 and ranked[order[0]][0] == ranked[order[1]][0]
        return [(other, ranked[other][1] or tied, ranked[other][2]) for other in order]

    def _in_language(self, found: Answer, lang: str) -> Answer:
        hits = tuple(Hit(h.card_id, lang, h.score) for h in found.hits if lang in self.catalog.cards[h.card_id].texts)
        return Answer(hits, lang, found.decision if hits else NONE, found.not_covered)

    def _shared(self, word: str) -> bool:
        """Do the cards of more than SHARED languages use `word`? Such words ("doktor", "police", "viza",
        kept in Latin letters by many languages) alone are evidence of another language only if it reads
        most of the query's words: "doktor kerek" typed in Kyrgyz is not Amharic because the Amharic cards
        have "doktor", while "i need a lawyer" is English (before 2026-12-07 it was Bengali, whose cards
        have "lawyer")."""
        return sum(word in index.surface for index in self.indexes.values()) > SHARED


def _the_rest(index: LanguageIndex, words: list[str], topic: int, limit: int) -> tuple[Hit, ...]:
    """A question about a topic no card answers may also ask a card's question: "i lost my passport, can i
    see a doctor". The cards the words that do not find the topic find, if the best of them scores as high
    as PARTLY_SCORE; else nothing. As in the whole question's scoring, only the first MAX_FUZZY words the cards
    do not use are compared by likeness, so a long message costs little more."""
    finds_topic: dict[str, bool] = {}
    unknown = 0
    for word in dict.fromkeys(words):
        compared = len(word) >= 4 and not (word in index.terms or index.has(index.analyzer.term(word)))
        unknown += compared
        finds_topic[word] = (not compared or unknown <= MAX_FUZZY) and topic in card_scores(index, [word])
    rest = [w for w in words if not finds_topic[w]]
    ranked = _ranked(index, rest) if len(rest) < len(words) else []
    if not ranked or ranked[0][0] >= index.covered or ranked[0][1] < PARTLY_SCORE:
        return ()
    return _hits(index, ranked, limit)


def _ranked(index: LanguageIndex, words: list[str]) -> list[tuple[int, float]]:
    """(card or topic position, score) for `words`, best first; ties by position."""
    return sorted(card_scores(index, words).items(), key=lambda item: (-item[1], item[0]))


def _hits(index: LanguageIndex, ranked: list[tuple[int, float]], limit: int) -> tuple[Hit, ...]:
    """The first `limit` cards of `ranked` (topics no card answers are never hits)."""
    cards = ((i, s) for i, s in ranked if i < index.covered)
    return tuple(Hit(index.card_ids[i], index.lang, round(s, 2)) for i, s in islice(cards, limit))


def _beyond_the_cards(index: LanguageIndex, words: list[str]) -> bool:
    """Can the query be about a topic no card answers? Not when its one content word is a word the cards
    use: "passport" alone asks about the passport a boss keeps as much as about renewing one."""
    content = [w for w in dict.fromkeys(words) if index.analyzer.is_content(w)]
    return len(content) != 1 or not index.cards_use(content[0])


def _words_read(index: LanguageIndex, unique: list[str]) -> int:
    """How many of the query's distinct words `index`'s language uses, its stop words included."""
    return sum(map(partial(_reads, index), unique))


def _most(read: int, words: int) -> bool:
    """Are `read` of a query's `words` distinct words most of them (two thirds, of two or more)?"""
    return words > 1 and 3 * read >= 2 * words


def _reads(index: LanguageIndex, word: str) -> bool:
    return word in index.surface or index.analyzer.is_stop(word)


def _latin_pair(word: str) -> bool:
    """Two Latin letters ("eu", "tv", "my", "aj") are abbreviations and particles that many languages'
    cards hold: no evidence of any one language ("what about eu" with English chosen answered in Tigrinya)."""
    return len(word) == 2 and word.isascii()


def _word_found(index: LanguageIndex, words: list[str]) -> bool:
    """Is a content word of the query, as typed, a word of the cards' keywords?"""
    return any(index.analyzer.is_content(w) and index.surface.get(w) in index.keyword_terms for w in words)


def _strong(hits: tuple[Hit, ...]) -> bool:
    """The best card scores as high as a card that opens by itself (whatever the runner-up)."""
    return bool(hits) and hits[0].score >= OPEN_SCORE


def _better(found: Answer, best: Answer, ratio: float = SWITCH_RATIO) -> bool:
    """Does `found` decide better than `best`, or as well with at least `ratio` times its score?"""
    if _RANK[found.decision] != _RANK[best.decision]:
        return _RANK[found.decision] > _RANK[best.decision]
    if found.decision == NONE:
        return False
    return found.hits[0].score >= ratio * best.hits[0].score
