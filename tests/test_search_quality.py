"""Search quality on ../shared/queries/dev.tsv (English rows) and our own realistic queries."""

import csv
from pathlib import Path

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
