"""A typo in a word that is not a keyword still finds the card: fuzzy matching covers the card text.

The queries are made from the content itself, so they follow it as it changes: for each card, the
two rarest long words of its title and body that are no keyword, each with a letter dropped (from
its middle, or its first letter), and only when neither misspelling is a word of any card (an exact
match cannot explain a hit).
"""

import re

import pytest

from bot.normalize import normalize

MIN_FOUND = 0.75  # share of these queries whose card is in the top 3, per language (0 without fuzzy matching)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", normalize(text))


def drop_middle(word: str) -> str:
    return word[: len(word) // 2] + word[len(word) // 2 + 1 :]


def drop_first(word: str) -> str:
    return word[1:]


def typo_queries(catalog, lang: str, typo=drop_middle) -> list[tuple[str, str]]:
    """(query, card id) pairs."""
    texts = {card.id: card.texts[lang] for card in catalog.cards.values() if lang in card.texts}
    keywords = {w for text in texts.values() for k in text.keywords for w in words(k)}
    cards_with: dict[str, int] = {}
    for text in texts.values():
        every = " ".join([text.title, text.body, *text.actions, *text.keywords, *text.questions])
        for word in set(words(every)):
            cards_with[word] = cards_with.get(word, 0) + 1
    queries = []
    for card_id, text in texts.items():
        rare = {w for w in words(f"{text.title} {text.body}") if len(w) >= 6 and w not in keywords and cards_with[w] <= 2}
        chosen = sorted(rare, key=lambda w: (cards_with[w], -len(w), w))[:2]
        typos = [typo(w) for w in chosen]
        if len(typos) == 2 and not any(t in cards_with for t in typos):
            queries.append((" ".join(typos), card_id))
    return queries


@pytest.mark.parametrize("typo", [drop_middle, drop_first], ids=["letter lost in the middle", "first letter lost"])
@pytest.mark.parametrize("lang", ["en", "ar", "es", "fa", "fr", "ru", "tr", "uk"])
def test_misspelt_words_of_the_card_text_find_the_card(engine, lang, typo):
    queries = typo_queries(engine.catalog, lang, typo)
    assert len(queries) >= 30, f"only {len(queries)} queries could be made"
    found = [card_id in [h.card_id for h in engine.searcher.search_any(query, lang, limit=3)] for query, card_id in queries]
    missed = [q for q, ok in zip(queries, found) if not ok]
    assert sum(found) / len(found) >= MIN_FOUND, f"{sum(found)}/{len(found)} found; missed e.g. {missed[:5]}"


def test_a_glued_prefix_is_read_as_its_own_word(engine, catalog):
    """Persian "آیا" typed stuck to a card's word finds what the two words with a space find."""
    index = engine.searcher.indexes["fa"]
    prefix = normalize("آیا")
    assert prefix in index.analyzer.glued_prefixes
    checked = 0
    for card in catalog.cards.values():
        title = words(card.texts["fa"].title)
        word = max((w for w in title if w in index.terms and len(w) >= 5), key=len, default=None)
        if word is None or prefix + word in index.terms:
            continue
        rest = " ".join(w for w in title if w != word)
        spaced = engine.searcher.search(f"{prefix} {word} {rest}", "fa", 3)
        assert engine.searcher.search(f"{prefix}{word} {rest}", "fa", 3) == spaced, card.id
        checked += 1
    assert checked > 50


def test_a_cards_own_word_is_never_split(engine):
    from bot.search.scoring import _unglue

    index = engine.searcher.indexes["fa"]
    prefix = normalize("می")
    own = [w for w in index.terms if w.startswith(prefix) and w[len(prefix):] in index.terms]
    assert own, "the Persian cards have words that begin with a glued prefix"
    assert _unglue(index, own) == own
    assert _unglue(index, [prefix + own[0][len(prefix):] + "x"]) == [prefix + own[0][len(prefix):] + "x"]
    assert _unglue(engine.searcher.indexes["en"], ["bonjour"]) == ["bonjour"]  # no glued prefixes in English


def test_a_stop_word_is_never_split_at_a_glued_prefix(engine, catalog):
    # Sorani "بەڵام" ("but") once became "بە" + "لام" ("to me") and found the family card.
    from bot.search.scoring import _unglue

    checked = 0
    for lang in catalog.codes:
        index = engine.searcher.indexes[lang]
        if index.analyzer.glued_prefixes:
            for word in index.analyzer.stop_words:
                assert _unglue(index, [word]) == [word], (lang, word)
                checked += 1
    assert checked > 100


def test_a_glued_prefix_is_split_off_a_word_typed_in_a_spelling_search_reads_as_the_cards(engine, catalog):
    """Tajik "бехучат" (without documents) is "бе" and "хучат", the cards' "ҳуҷҷат" typed with one "ҷ"
    (search.toml [folds]): glued, it finds what the two words with a space find."""
    checked = 0
    for lang in catalog.codes:
        index = engine.searcher.indexes[lang]
        analyzer = index.analyzer
        for prefix in analyzer.glued_prefixes:
            for spelling in analyzer._folds:
                if spelling in index.terms or analyzer.fold(spelling) not in index.terms or len(spelling) < 3:
                    continue
                spaced = engine.searcher.search(f"{prefix} {spelling}", lang, 3)
                assert spaced, (lang, spelling)
                assert engine.searcher.search(prefix + spelling, lang, 3) == spaced, (lang, prefix + spelling)
                checked += 1
    assert checked >= 1
