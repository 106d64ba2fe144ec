"""tools/search_lab.py: the figures search-data editors compare before and after a change."""

import importlib.util
from pathlib import Path

import pytest

from bot import quality

LAB = Path(__file__).resolve().parent.parent / "tools" / "search_lab.py"
spec = importlib.util.spec_from_file_location("search_lab", LAB)
lab = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lab)


def test_a_row_no_card_answers_is_right_only_when_nothing_is_offered():
    assert quality.right([], frozenset()) == (True, True)
    assert quality.right(["health-doctor"], frozenset()) == (False, False)
    assert quality.right(["a", "b", "c", "d"], frozenset({"c"})) == (False, True)
    assert quality.right(["a", "b", "c", "d"], frozenset({"d"})) == (False, False)
    assert quality.right([], frozenset({"a"})) == (False, False)


def test_a_fold_takes_out_every_fifth_question_and_only_in_its_language(catalog):
    smaller, held = lab._without_fold(catalog, "en", 1)
    questions = {cid: c.texts["en"].questions for cid, c in catalog.cards.items()}
    assert {q for q, _ in held} == {q for qs in questions.values() for i, q in enumerate(qs) if i % 5 == 1}
    for cid, card in smaller.cards.items():
        assert len(card.texts["en"].questions) + sum(c == cid for _, c in held) == len(questions[cid])
        assert card.texts["fr"] == catalog.cards[cid].texts["fr"]


@pytest.mark.parametrize("command, counted", [
    ("tuned", lambda cat: len(quality.tuned_sets(cat)["en"])),
    ("keywords", lambda cat: sum(len(c.texts["en"].keywords) for c in cat.cards.values())),
])
def test_each_figure_counts_every_row_of_the_language(catalog, capsys, command, counted):
    assert lab.main([command, "en"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith("en: ")
    assert str(counted(catalog)) in line.split()


def test_ask_prints_the_decision_and_an_unknown_language_is_named(capsys):
    assert lab.main(["ask", "en", "doctor no papers"]) == 0
    out = capsys.readouterr().out
    assert "'doctor no papers' -> " in out and "health-doctor" in out
    assert lab.main(["tuned", "xx"]) == 2
    assert "unknown language xx" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # a language and no query printed nothing and exited 0
        lab.main(["ask", "en"])
    assert "required: queries" in capsys.readouterr().err
