"""A query matches however it is typed: each fold the README promises, one by one."""

import pytest

from bot import normalize as n


@pytest.mark.parametrize("typed, folded", [
    ("Doctor", "doctor"), ("MÉDECIN", "medecin"), ("Straße", "strasse"), ("İstanbul", "istanbul"),
    ("ışık", "isik"), ("ёлка", "елка"), ("œuvre", "oeuvre"), ("ærø", "aero"), ("łódź", "lodz"), ("đi", "di"),
    ("أحمد", "احمد"), ("إسلام", "اسلام"), ("آب", "اب"), ("ٱلله", "الله"), ("ٲ ٳ", "ا ا"),
    ("مدرسة", "مدرسه"), ("خانۀ", "خانه"), ("ە", "ه"), ("على", "علي"), ("کی", "کي"), ("ې", "ي"), ("سائل", "سايل"),
    ("مؤمن", "مومن"), ("كتاب", "کتاب"), ("ڪ", "ک"), ("مـــدرسة", "مدرسه"), ("مِدْرَسَة", "مدرسه"),
    ("می\u200cخواهم", "ميخواهم"), ("a\u200db", "ab"), ("\u200eok\u200f", "ok"),
    ("١٢٣", "123"), ("۴۵۶", "456"), ("don't", "dont"), ("ім’я", "імя"), ("ім'я", "імя"), ("rock`n", "rockn"),
    ("dʼor", "dor"), ("hello_world", "hello world"), ("  what?!  is... this ", "what is this"), ("'quoted'", "quoted"),
    ("ﬁle", "file"), ("", ""),
])
def test_each_fold(typed, folded):
    assert n.normalize(typed) == folded


def test_tokens_split_on_any_non_word_character():
    assert n.tokens("Doctor, no-papers!! 24/7") == ["doctor", "no", "papers", "24", "7"]
    assert n.tokens("") == []


def test_the_fold_table_stops_growing_at_its_bound(monkeypatch):
    folds = n._Folds()
    for code in range(0x4E00, 0x4E00 + 60_000):  # forged input: many distinct characters
        folds[code]
    assert len(folds) == 50_000
    assert folds[ord("é")] == "é" and folds[0x0301] is None and folds[ord("٣")] == "3"
    assert folds[ord("3")] == "3"


def test_a_folded_character_is_remembered_as_it_was_folded():
    folds = n._Folds()
    assert folds[ord("é")] == "é" and folds[ord("é")] == "é"
    assert folds[0x0301] is None and folds[0x0301] is None
    assert folds[ord("٣")] == "3" and folds[ord("٣")] == "3"
    assert dict(folds) == {ord("é"): "é", 0x0301: None, ord("٣"): "3"}
