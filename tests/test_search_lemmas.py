"""Ukrainian lemmas: pymorphy3 runs only while the cards are indexed. Each inflected form of the cards'
lemmas is stored then with the lemma pymorphy3 gives it, so a bot started from the start-up cache
reads Ukrainian inflections without loading the dictionary (about 28 MB)."""

import json
import os
import subprocess
import sys
from pathlib import Path

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
