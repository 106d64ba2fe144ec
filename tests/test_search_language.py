"""A language's search data beyond stop words (content/<lang>/search.toml): `suffixes`, a light
stemmer written as data for languages Snowball has none for, and `[folds]`, spellings one language
reads as one word."""

from pathlib import Path

import pytest

from bot.content import ContentError, _folds
from bot.normalize import normalize
from bot.search.language import MIN_STEM, Analyzer


def test_endings_come_off_longest_first_at_most_two_and_leave_a_stem():
    uz = Analyzer("uz", suffixes=("ni", "im", "imni", "lar", "ga"))
    assert uz.term("pasportimni") == "pasport"  # "imni" as one ending, longer than "ni"
    assert uz.term("pasportlarga") == "pasport"  # two stacked endings
    assert uz.term("bolalarimga") == "bolalar"  # a third is left on
    assert uz.term("ona") == "ona" and len("ona") == MIN_STEM  # nothing left to take
    assert uz.term("onaga") == "ona"


def test_a_language_with_a_stemmer_or_stemming_off_ignores_suffixes():
    assert Analyzer("en", suffixes=("ing",)).term("running") == "run"  # Snowball, not the list
    assert Analyzer("uz", suffixes=("ni",), stem=False).term("pasportni") == "pasportni"


def test_folds_apply_longest_first_and_before_endings():
    so = Analyzer("so", suffixes=("ka",), folds={"aaa": "a", "aa": "a", "kh": "k"})
    assert so.term("dhakhtar") == so.term("dhaktar") == so.term("dhaktarka") == "dhaktar"
    assert so.term("laaan") == so.term("laan") == "lan"  # "la'aan" loses its apostrophe first
    assert Analyzer("ti").term("ኣመት") != Analyzer("ti").term("አመት")  # only where a language says so


def test_a_stop_word_typed_in_a_folded_spelling_is_still_a_stop_word():
    # Tajik typed on an old keyboard: "кї" for "кӣ" ("who"); the fold must reach the stop words too.
    tg = Analyzer("tg", stop_words=("кӣ", "чӣ тавр"), folds={"ї": "ӣ"})
    assert tg.is_stop(normalize("кї")) and not tg.is_content(normalize("кї"))
    assert tg.stopped(normalize("чї тавр духтур").split()) == [True, True, False]
    assert tg.is_content(normalize("духтур"))


def test_amharic_letters_said_alike_are_one_letter(engine, catalog):
    if "am" not in catalog.codes:
        pytest.fail("Amharic is offered on main; this test needs it")
    amharic = engine.searcher.indexes["am"].analyzer
    assert amharic.term(normalize("ዓመት")) == amharic.term(normalize("አመት")) == amharic.term(normalize("ኣመት"))
    # Tigrinya's own [folds] read Tigray writers' አ as the Eritrean ኣ, one sound written two ways
    # (content/ti/search.toml), so Tigray's "አብ" is the stop word "ኣብ"; other vowels (ኡ) stay their own.
    tigrinya = engine.searcher.indexes["ti"].analyzer
    assert tigrinya.term(normalize("አብ")) == tigrinya.term(normalize("ኣብ")) != tigrinya.term(normalize("ኡብ"))


def test_amharic_and_somali_read_their_variants_as_one_word(engine, catalog):
    for lang, (one, other) in {"am": ("ሃገር", "ሀገር"), "so": ("dhakhtar", "dhaktar")}.items():
        if lang not in catalog.codes:
            pytest.fail(f"{lang} is not offered: this test needs its cards")
        index = engine.searcher.indexes[lang]
        assert index.analyzer.term(one) == index.analyzer.term(other)
        assert engine.searcher.search(one, lang) == engine.searcher.search(other, lang)


@pytest.mark.parametrize("table", [{"aa": 1}, ["aa", "a"], {"": "a"}])
def test_a_bad_folds_table_names_the_file_and_the_fix(table):
    with pytest.raises(ContentError) as error:
        _folds(Path("content/so/search.toml"), table)
    message = str(error.value)
    assert "content/so/search.toml" in message and "folds" in message and '"aa" = "a"' in message


def test_a_word_also_met_outside_a_stop_phrase_counts_in_full_wherever_it_stands(engine):
    # "i am a refugee" is an English stop phrase (content/en/search.toml). Each term counts once; the
    # "refugee" of "my refugee status was refused" is a content word whether it comes first or second.
    from bot.search.scoring import card_scores

    index = engine.searcher.indexes["en"]
    first = card_scores(index, normalize("i am a refugee. my refugee status was refused").split())
    second = card_scores(index, normalize("my refugee status was refused. i am a refugee").split())
    assert first.keys() == second.keys()
    assert all(first[card] == pytest.approx(second[card]) for card in first)
    stopped_only = card_scores(index, normalize("i am a refugee").split())
    refugee = engine.searcher.search("refugee", "en")[0].card_id
    position = index.card_ids.index(refugee)
    assert first[position] > stopped_only.get(position, 0.0)
    # ...and inside the stop phrase alone it counts for less than the word alone.
    assert stopped_only.get(position, 0.0) < card_scores(index, ["refugee"])[position]
