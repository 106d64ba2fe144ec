"""Ukrainian lemmas: pymorphy3 runs only while the cards are indexed. Each inflected form of the cards'
lemmas is stored then with the lemma pymorphy3 gives it, so a bot started from the start-up cache
reads Ukrainian inflections without loading the dictionary (about 28 MB)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import startup_cache
from bot.content import CONTENT_DIR
from bot.search import lemmas

ROOT = Path(__file__).resolve().parent.parent
# Not words of the cards: only the lemma table can take them to the cards' "зарплата" and "адвокат".
FORMS = {"зарплатою": "work-unpaid", "адвокатами": "justice-lawyer"}
QUERY = """
import json, sys
from bot.engine import build_engine
searcher = build_engine().searcher
found = {form: [h.card_id for h in searcher.answer(form, "uk").hits[:1]] for form in sys.argv[1:]}
searcher.answer("мій роботодавець не виплачує зарплатню зоопарками", "uk")  # words no card uses
print(json.dumps({"found": found, "pymorphy3": "pymorphy3" in sys.modules}))
"""


def test_a_bot_started_from_the_cache_reads_ukrainian_inflections_without_pymorphy3(tmp_path):
    _, searcher = startup_cache.load(CONTENT_DIR, tmp_path)  # writes the cache, as a first start does
    index = searcher.indexes["uk"]
    assert not set(FORMS) & set(index.terms)
    out = subprocess.run([sys.executable, "-c", QUERY, *FORMS], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "RIGHTS_BOT_CACHE_DIR": str(tmp_path)}).stdout
    result = json.loads(out)
    assert result["pymorphy3"] is False
    assert result["found"] == {form: [card] for form, card in FORMS.items()}


def test_the_lemma_table_gives_what_pymorphy3_gives(engine):
    analyzer = engine.searcher.indexes["uk"].analyzer
    table = analyzer.lemmas
    assert len(table) > 10_000  # every form of the cards' lemmas, not a handful
    assert table.get("зарплатою") == lemmas.lemma("зарплатою") == "зарплата"
    assert table.get("безплатного") == lemmas.lemma("безплатного")  # "безплатний", folded as the card's word is
    sample = list(table.items())[:: max(1, len(table) // 300)]
    assert [read for _, read in sample] == [lemmas.lemma(form) for form, _ in sample]
    assert table.get("зоопарками") is None and table.get("") is None and table.get("ꙮꙮ") is None  # none, first, last
    assert analyzer.term("зоопарками") == "зоопарками"  # no card's lemma: kept as typed, matches nothing


WORDS = {"зарплата": "зарплата", "адвокат": "адвокат"}
TEXTS = ["Зарплата і адвокат"]


def test_the_lemma_table_is_kept_on_disk_and_read_back_without_pymorphy3(tmp_path, monkeypatch):
    monkeypatch.setenv("RIGHTS_BOT_CACHE_DIR", str(tmp_path))
    lemmas.build(WORDS, [*TEXTS, "ще"])  # other cards' words: another table, replaced by the next
    first = lemmas.build(WORDS, TEXTS)
    [kept] = tmp_path.glob("uk-lemmas-*.tsv")
    assert kept.stat().st_mode & 0o077 == 0
    for name in ("_dictionary_form", "_inflections", "_morphology"):
        monkeypatch.setattr(lemmas, name, lambda *_: pytest.fail("pymorphy3 was used"))
    again = lemmas.build(WORDS, TEXTS)
    assert list(again.items()) == list(first.items()) and again.get("зарплатою") == "зарплата"


def test_a_damaged_or_writable_by_others_lemma_table_is_built_anew(tmp_path, monkeypatch):
    monkeypatch.setenv("RIGHTS_BOT_CACHE_DIR", str(tmp_path))
    expected = list(lemmas.build(WORDS, TEXTS).items())
    [kept] = tmp_path.glob("uk-lemmas-*.tsv")
    kept.write_text(kept.read_text(encoding="utf-8").replace("\t", " ", 1), encoding="utf-8")  # a broken row
    assert list(lemmas.build(WORDS, TEXTS).items()) == expected
    kept.write_text(kept.read_text(encoding="utf-8") + "зарплатою\tадвокат\n", encoding="utf-8")
    kept.chmod(0o666)  # anyone could have written that row
    assert list(lemmas.build(WORDS, TEXTS).items()) == expected
    assert kept.stat().st_mode & 0o077 == 0
