"""Search quality on ../shared/queries/dev.tsv (English rows) and our own realistic queries."""

import csv
from pathlib import Path

import pytest

from conftest import SHARED

OWN = Path(__file__).with_name("queries_en.tsv")


def rows(path):
    with path.open(encoding="utf-8") as handle:
        return [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]


def top_ranks(engine, lang, query, accept):
    hits = engine.searcher.search_any(query, lang, limit=3)
    return [i for i, h in enumerate(hits) if accept(h.card_id)]


def report(name, results):
    top1 = sum(1 for r in results if r and r[0] == 0) / len(results)
    top3 = sum(1 for r in results if r) / len(results)
    print(f"\n{name}: {len(results)} queries, top-1 {top1:.0%}, top-3 {top3:.0%}")
    return top1, top3


def test_dev_set_english_rows_top3(engine, catalog):
    results = []
    for lang, query, principles, guidelines in rows(SHARED / "queries" / "dev.tsv"):
        if lang != "en":
            continue
        wanted_p = {int(p) for p in principles.split(",")}
        wanted_g = {int(g) for g in guidelines.split(",")}

        def accept(card_id):
            return any(s.principle in wanted_p and wanted_g & set(s.guidelines) for s in catalog.cards[card_id].sources)

        results.append(top_ranks(engine, "en", query, accept))
    _, top3 = report("dev.tsv en", results)
    assert top3 >= 0.9


def test_own_english_queries_top3(engine):
    results = []
    misses = []
    for query, ids in rows(OWN):
        accepted = set(ids.split(","))
        ranks = top_ranks(engine, "en", query, accepted.__contains__)
        results.append(ranks)
        if not ranks:
            misses.append(query)
    assert len(results) >= 60
    _, top3 = report("own en", results)
    assert top3 >= 0.9, f"missed: {misses}"


TUNING = sorted(Path(__file__).with_name("tuning").glob("*.tsv"))


@pytest.mark.parametrize("path", TUNING, ids=[p.stem for p in TUNING])
def test_tuning_sets_name_real_cards_and_their_pages(catalog, path):
    """tests/tuning/<lang>.tsv: query, card ids (or "-": no card answers), source URL or "written"."""
    table = [r for r in rows(path) if r[0] != "query"]
    assert len(table) >= 30, f"{path.name}: a tuning set needs at least 30 questions"
    for row in table:
        assert len(row) >= 3, f"{path.name}: {row!r} needs query, cards and source"
        ids = [] if row[1].strip() == "-" else row[1].split(",")
        unknown = [i for i in ids if i not in catalog.cards]
        assert not unknown, f"{path.name}: {row[0]!r} names unknown card(s) {unknown}"
        assert row[2].startswith(("http://", "https://")) or row[2].startswith("written"), f"{path.name}: {row!r}"
    written = sum(r[2].startswith("written") for r in table)
    assert written <= len(table) // 3, f"{path.name}: {written} of {len(table)} rows are written, not from real pages"


def test_a_row_no_card_answers_is_right_only_when_nothing_is_offered():
    from bot.quality import Labelled, measure

    rows = [Labelled("visa fee", frozenset()), Labelled("driving test", frozenset()), Labelled("doctor", frozenset({"a"}))]
    offered = {"visa fee": ["b"], "driving test": [], "doctor": ["c", "a"]}
    score = measure(lambda q: (offered[q], None), rows)
    assert (score.no_card, score.no_card_right) == (2, 1)
    assert score.top1 == 1 / 3 and score.top3 == 2 / 3
