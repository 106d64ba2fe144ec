"""search.toml `[read_as]`: whole words a language's stemmer misreads, and the word each one is."""

from dataclasses import replace
from pathlib import Path

import pytest

from bot.content import ContentError, _read_as
from bot.normalize import normalize
from bot.search import Searcher
from bot.search.scoring import _terms


def test_each_word_is_read_as_the_word_it_is_in_every_language(engine, catalog):
    checked = 0
    for lang in catalog.codes:
        analyzer = engine.searcher.indexes[lang].analyzer
        for word, meant in catalog.languages[lang].read_as.items():
            word, meant = normalize(word), normalize(meant)
            assert analyzer.term(word) == analyzer.term(meant), (lang, word)
            if meant == word:
                assert analyzer.term(word) == word, (lang, word)  # kept whole
            checked += 1
    assert checked >= 5


def test_french_paid_is_not_country_and_mother_is_not_sea(engine):
    """Without accents "payé" is "paye", which Snowball stems as "pays" (country); "mère" as "mer" (sea)."""
    analyzer = engine.searcher.indexes["fr"].analyzer
    assert analyzer.term("paye") != analyzer.term("pays") and analyzer.term("mere") != analyzer.term("mer")
    assert [h.card_id for h in engine.searcher.search("je n'ai pas été payé", "fr", 1)] == ["work-unpaid"]
    assert "journey-rescue" not in [h.card_id for h in engine.searcher.search("ma mère est malade", "fr", 3)]
    assert [h.card_id for h in engine.searcher.search("je suis en mer", "fr", 1)] == ["journey-rescue"]


@pytest.mark.parametrize("table", [["paye"], {"paye": 3}, {"on paye": "paie"}, {"paye": "la paie"}])
def test_a_bad_read_as_table_names_the_file_and_the_fix(table):
    with pytest.raises(ContentError) as error:
        _read_as(Path("content/fr/search.toml"), table)
    assert "content/fr/search.toml" in str(error.value) and "read_as" in str(error.value)


def test_a_word_read_as_a_form_the_cards_use_finds_what_that_form_finds(catalog):
    """Ukrainian is lemmatised through a table that leaves out the cards' own forms, so a `[read_as]` target
    written as the cards write it ("виселяють", they evict) must still reach the cards that form reaches."""
    uk = replace(catalog.languages["uk"], read_as={"виселяют": "виселяють"})
    searcher = Searcher(replace(catalog, languages={**catalog.languages, "uk": uk}), langs=("uk",))
    index = searcher.indexes["uk"]
    assert _terms(index, ["виселяют"]) == _terms(index, ["виселяють"]) == [index.terms["виселяють"]]
    assert [h.card_id for h in searcher.search("мене виселяют з квартири", "uk", 1)] == ["living-eviction"]
