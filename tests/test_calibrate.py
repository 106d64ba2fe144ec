"""Calibration material: each example question's fold comes from its own text."""

import dataclasses
from types import MappingProxyType

from bot.calibrate import FOLDS, _without, fold_of


def test_a_new_question_moves_no_other_question_to_another_fold(catalog):
    card = catalog.cards["health-doctor"]
    text = card.texts["en"]
    added = dataclasses.replace(text, questions=("a new question written before the others", *text.questions))
    changed = dataclasses.replace(catalog, cards=MappingProxyType(
        {**catalog.cards, card.id: dataclasses.replace(card, texts=MappingProxyType({**card.texts, "en": added}))}))
    for fold in range(FOLDS):
        before = {row.query for row in _without(catalog, "en", fold)[1]}
        after = {row.query for row in _without(changed, "en", fold)[1]}
        assert after - before <= {"a new question written before the others"} and before <= after
    assert {fold_of(q) for c in catalog.cards.values() for q in c.texts["en"].questions} == set(range(FOLDS))
