"""Look-alike words: the index compares words with their letters renamed to one-byte characters (faster in
rapidfuzz); the words and similarities found must be exactly those of comparing the words as typed."""

import pytest
from rapidfuzz import fuzz, process

from bot.content import CardText
from bot.search.index import LanguageIndex
from bot.search.language import Analyzer


def as_typed(index, word, cutoff, limit):
    """The look-alikes of `word` among the same candidate words, compared without renaming."""
    coded = {w.translate(index._code): w for w in index.vocab}
    candidates = [coded[c] for c in index._candidates(word, cutoff)]
    return [(m, s) for m, s, _ in process.extract(word, candidates, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)]


@pytest.mark.parametrize("lang", ["en", "ru", "ar", "am", "ti", "uz"])
def test_renamed_letters_find_what_the_typed_words_find(engine, lang):
    index = engine.searcher.indexes[lang]
    words = index.vocab[::7]
    typos = [w[:-2] + w[-1] + w[-2] for w in words if len(w) >= 5]  # two last letters swapped
    typos += [w + "ж" for w in words[::5]] + [w[:2] + "ß" + w[3:] for w in words[::5] if len(w) >= 5]  # letters the cards may lack
    checked = 0
    for word in typos:
        for cutoff in (78.0, 90.0):
            found = index.similar(word, cutoff, 3)
            assert found == as_typed(index, word, cutoff, 3), (lang, word, cutoff)
            checked += bool(found)
    assert checked > len(typos) // 2  # most typos do find their word


def test_a_language_of_more_than_255_letters_is_compared_as_typed():
    letters = "".join(chr(0x4E00 + i) for i in range(300))
    words = [letters[i:i + 5] for i in range(0, 300, 5)]
    texts = {f"card-{i}": CardText(title="t", body=" ".join(words[i:i + 10]), actions=(), keywords=())
             for i in range(0, 60, 10)}
    index = LanguageIndex("zz", texts, Analyzer("zz", stem=False))
    assert index._code == {} and len(index.vocab) == 60
    typo = words[7][:4] + "x"
    assert index.similar(typo, 78.0, 3) == as_typed(index, typo, 78.0, 3) == [(words[7], 80.0)]
