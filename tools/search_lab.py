"""Quick figures for whoever edits search data (keywords, example questions, stop words, search.toml).

    python tools/search_lab.py ask en "im scared of the police"   what the bot does, and the top 5 with scores
    python tools/search_lab.py tuned en [--fails]                  the tuned sets: top-1, top-3 of n
    python tools/search_lab.py folds en [--rows]                   example questions, 5-fold: do keywords generalise?
    python tools/search_lab.py keywords en [--rows]                each keyword alone: lost, or taken by a topic
    python tools/search_lab.py answers OUT                         every labelled answer to OUT, to diff two versions

Run it before and after a change, in the same checkout, and compare. The tuned sets are what keywords are
written against, so a rise there is no evidence by itself; `folds` removes a fifth of every card's example
questions from the index and searches them, which shows whether the rest of the data generalises. The
held-out sets (tests/heldout/) are only measured: `main.py bench` reports them; `answers` writes them too,
for comparing two versions of the code, never to tune keywords against.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import quality  # noqa: E402
from bot.content import Catalog, load_catalog  # noqa: E402
from bot.search import NONE, Searcher  # noqa: E402

FOLDS = 5


def found(searcher: Searcher, query: str, lang: str) -> list[str]:
    """The card ids the bot offers, best first (none when it says "not found")."""
    return quality.ours(searcher, lang)(query)[0]


def ask(catalog: Catalog, lang: str, queries: list[str]) -> None:
    searcher = Searcher(catalog)
    for query in queries:
        answer = searcher.answer(query, lang, 5)
        topic = f", topic no card answers: {answer.not_covered}" if answer.not_covered else ""
        print(f"{query!r} -> {answer.decision} in {answer.lang}{topic}")
        for hit in answer.hits:
            print(f"    {hit.card_id:28} {hit.score:6.1f}")


def tuned(catalog: Catalog, langs: list[str], fails: bool) -> None:
    searcher = Searcher(catalog)
    sets = quality.tuned_sets(catalog)
    for lang in langs:
        first = top3 = 0
        for row in sets.get(lang, []):
            cards = found(searcher, row.query, lang)
            ok1, ok3 = quality.right(cards, row.accepted)
            first += ok1
            top3 += ok3
            if fails and not ok1:
                want = ",".join(sorted(row.accepted)) or "nothing"
                print(f"  {'3' if ok3 else 'x'} {row.query!r} want {want}, got {cards}")
        print(f"{lang}: tuned top-1 {first}, top-3 {top3} of {len(sets.get(lang, []))}")


def _without_fold(catalog: Catalog, lang: str, fold: int) -> tuple[Catalog, list[tuple[str, str]]]:
    """The catalog with every FOLDS-th example question of `lang` (from `fold` on) taken out, and those."""
    cards, held = {}, []
    for card_id, card in catalog.cards.items():
        text = card.texts.get(lang)
        if text is None:
            cards[card_id] = card
            continue
        held += [(q, card_id) for i, q in enumerate(text.questions) if i % FOLDS == fold]
        kept = tuple(q for i, q in enumerate(text.questions) if i % FOLDS != fold)
        cards[card_id] = dataclasses.replace(card, texts={**card.texts, lang: dataclasses.replace(text, questions=kept)})
    return dataclasses.replace(catalog, cards=cards), held


def folds(catalog: Catalog, langs: list[str], rows: bool) -> None:
    for lang in langs:
        first = top3 = n = 0
        for fold in range(FOLDS):
            smaller, held = _without_fold(catalog, lang, fold)
            searcher = Searcher(smaller, langs=(lang,))
            for query, card_id in held:
                cards = found(searcher, query, lang)
                ok1, ok3 = quality.right(cards, frozenset({card_id}))
                first, top3, n = first + ok1, top3 + ok3, n + 1
                if rows and not ok1:
                    print(f"  {'3' if ok3 else 'x'} {query!r} want {card_id}, got {cards}")
        print(f"{lang}: {FOLDS}-fold top-1 {100 * first / max(n, 1):.1f}%, top-3 {100 * top3 / max(n, 1):.1f}% of {n}")


def keywords(catalog: Catalog, langs: list[str], rows: bool) -> None:
    """A keyword searched alone should find its own card in the top 3, and never a topic no card answers."""
    searcher = Searcher(catalog)
    for lang in langs:
        lost = taken = n = 0
        for card_id, card in catalog.cards.items():
            for keyword in card.texts[lang].keywords if lang in card.texts else ():
                n += 1
                answer = searcher.answer(keyword, lang, 3)
                if answer.not_covered:
                    taken += 1
                    if rows:
                        print(f"  topic {card_id}: {keyword!r} -> {answer.not_covered}")
                elif answer.decision == NONE or card_id not in [h.card_id for h in answer.hits]:
                    lost += 1
                    if rows:
                        print(f"  lost {card_id}: {keyword!r}")
        print(f"{lang}: {n} keywords, {lost} not in their card's top 3, {taken} taken by a topic no card answers")


def answers(catalog: Catalog, out: Path) -> None:
    """One line per labelled query (tuned, held-out, mixed, junk): set, language, query, decision, answer
    language, top 3, and whether a right card is first (1), in the top 3 (3) or not (x)."""
    searcher = Searcher(catalog)
    sets = {"tuned": quality.tuned_sets(catalog), "heldout": quality.heldout_sets(catalog),
            "mixed": quality.mixed_sets(catalog)}
    sets["junk"] = {lang: [quality.Labelled(q, frozenset()) for q in qs] for lang, qs in quality.junk_sets(catalog).items()}
    with out.open("w", encoding="utf-8") as handle:
        for name, by_lang in sets.items():
            for lang, labelled in sorted(by_lang.items()):
                for row in labelled:
                    answer = searcher.answer(row.query, lang, 3)
                    cards = [h.card_id for h in answer.hits]
                    ok1, ok3 = quality.right([] if answer.decision == NONE else cards, row.accepted)
                    mark = "1" if ok1 else "3" if ok3 else "x"
                    handle.write(f"{name}\t{lang}\t{row.query}\t{answer.decision}\t{answer.lang}\t{','.join(cards)}\t{mark}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    command = sub.add_parser("ask")
    command.add_argument("lang", help="the language chosen")
    command.add_argument("queries", nargs="+", help="one or more queries")
    for name in ("tuned", "folds", "keywords"):
        command = sub.add_parser(name)
        command.add_argument("langs", nargs="*", help="language codes (all when none)")
        command.add_argument("--fails" if name == "tuned" else "--rows", action="store_true", dest="detail")
    sub.add_parser("answers").add_argument("out", type=Path)
    args = parser.parse_args(argv)
    catalog = load_catalog()
    if args.command == "answers":
        answers(catalog, args.out)
        return 0
    langs = [args.lang] if args.command == "ask" else args.langs or list(catalog.codes)
    if unknown := [lang for lang in langs if lang not in catalog.languages]:
        print(f"unknown language {', '.join(unknown)}; choose from {', '.join(catalog.codes)}", file=sys.stderr)
        return 2
    if args.command == "ask":
        ask(catalog, args.lang, args.queries)
    else:
        {"tuned": tuned, "folds": folds, "keywords": keywords}[args.command](catalog, langs, args.detail)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
