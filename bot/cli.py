"""Sub-commands; each opens the catalog, calls one thing, turns errors into clear messages."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

from .contacts import ContactsError
from .content import ContentError
from .i18n import MissingCatalog


def _engine():
    from .engine import build_engine

    return build_engine()


def cmd_run(args: argparse.Namespace) -> int:
    if os.environ.get("TELEGRAM_BOT_TOKEN"):
        try:
            from .telegram_app import run_telegram
        except ImportError as error:
            print(f"TELEGRAM_BOT_TOKEN is set, but the Telegram front end cannot start: {error}. "
                  "Install the dependencies with `python3 tasks.py run` (or `pip install -e .`).", file=sys.stderr)
            return 1
        return run_telegram(_engine(), args.webhook_url, args.listen, args.port)
    return cmd_chat(args)


def cmd_chat(args: argparse.Namespace) -> int:
    from .console import chat

    engine = _engine()
    lang = args.lang if getattr(args, "lang", None) in engine.catalog.languages else "en"
    chat(engine, lang)
    return 0


def _result(engine, hit) -> dict:
    card = engine.catalog.cards[hit.card_id]
    text, _ = engine.catalog.card_text(hit.card_id, hit.lang)
    return {
        "id": hit.card_id,
        "lang": hit.lang,
        "title": text.title,
        "score": hit.score,
        "sources": [s.as_dict() for s in card.sources],
    }


def cmd_search(args: argparse.Namespace) -> int:
    engine = _engine()
    if args.lang not in engine.catalog.languages:
        print(f"unknown language '{args.lang}'; choose one of {', '.join(engine.catalog.codes)}", file=sys.stderr)
        return 2
    queries = [args.query] if args.query else (line.rstrip("\n") for line in sys.stdin)
    for query in queries:
        answer = engine.searcher.answer(query, args.lang, limit=5)
        results = [_result(engine, h) for h in answer.hits]
        if args.json:
            topic = {"not_covered": answer.not_covered} if answer.not_covered else {}
            print(json.dumps({"query": query, "lang": answer.lang, "decision": answer.decision, **topic,
                              "results": results}, ensure_ascii=False))
        else:
            topic = f", not covered: {answer.not_covered}" if answer.not_covered else ""
            print(f"{query}: {answer.decision} ({answer.lang}{topic})")
            for r in results or [{"id": "-", "title": "(no match)", "score": 0}]:
                print(f"  {r['score']:>5}  {r['id']}  {r['title']}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .console import plain

    engine = _engine()
    catalog = engine.catalog
    langs = [args.lang] if args.lang else list(catalog.codes)
    cards = []
    for lang in langs:
        for card in catalog.cards.values():
            text, used = catalog.card_text(card.id, lang)
            cards.append({
                "id": card.id, "lang": used, "topic": card.topic, "title": text.title,
                "text": plain(engine.card(lang, card.id).text), "html": engine.card(lang, card.id).text,
                "sources": [s.as_dict() for s in card.sources], "keywords": list(text.keywords),
                "questions": list(text.questions),
                "related": list(card.related),
            })
    menu = {"main": list(catalog.main), "more": list(catalog.more), "topics": {t.id: list(t.cards) for t in catalog.topics.values()}}
    json.dump({"languages": langs, "menu": menu, "cards": cards}, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .check import run_check
    from .content import load_catalog
    from .coverage import table, warnings
    from .reviews import review_table
    from .wording import warning_counts, wording_warnings

    problems = run_check()
    for problem in problems:
        print(problem if problem.startswith("translations/") else f"content/{problem}", file=sys.stderr)
    if not problems:
        catalog = load_catalog(drafts=True)
        for warning in warnings(catalog):
            print(f"warning: content/{warning}", file=sys.stderr)
        for kind, found in wording_warnings(catalog).items():
            for warning in found:
                print(f"warning: content/{warning}", file=sys.stderr)
            print(f"{kind} warnings: {len(found)} ({warning_counts(found)})", file=sys.stderr)
        if args.coverage:
            print(table(catalog))
            print()
            print(review_table(catalog))
    if problems:
        print(f"{len(problems)} problem(s) found. Fix them and run `python main.py check` again.", file=sys.stderr)
        return 1
    print("content OK")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .stats import stats_path, summary

    path = args.db or stats_path()
    report = summary(path, args.since) if os.path.exists(path) else {}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    if not report:
        print(f"no usage counts yet in {path}")
    for lang, data in report.items():
        rate = "n/a (<5 searches)" if data["unanswered_rate"] is None else f"{data['unanswered_rate']:.0%}"
        print(f"{lang}: {data['searches']} searches, unanswered {rate}")
        print(f"    {'views':>5}  {'👍':>4}  {'👎':>4}  card")
        for item in data["top_cards"]:
            print(f"    {item['views']:>5}  {item['helpful']:>4}  {item['not_helpful']:>4}  {item['card']}")
        unseen = [item for item in data["feedback"] if item["card"] not in {t["card"] for t in data["top_cards"]}]
        for item in unseen:  # rated, but not among the most viewed
            print(f"    {'':>5}  {item['helpful']:>4}  {item['not_helpful']:>4}  {item['card']}")
        if data["not_covered"]:
            print("    searches about topics no card answers: " + ", ".join(
                f"{item['topic']} {item['searches']}" for item in data["not_covered"]))
    return 0


def cmd_links(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .links import all_links, write_links

    engine = _engine()
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{3,31}", args.bot):
        print(f"'{args.bot}' is not a Telegram bot username (5-32 letters, digits, _)", file=sys.stderr)
        return 2
    langs = [args.lang] if args.lang else list(engine.catalog.codes)
    if any(lang not in engine.catalog.languages for lang in langs):
        print(f"unknown language; choose one of {', '.join(engine.catalog.codes)}", file=sys.stderr)
        return 2
    rows = write_links(engine, args.bot, langs, Path(args.out)) if args.out else all_links(engine, args.bot, langs)
    for lang, target, link in rows:
        print(f"{lang}\t{target or '(start)'}\t{link}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run

    run(_engine(), args.quick)
    return 0


def cmd_mutate(args: argparse.Namespace) -> int:
    from .bench.mutation import run

    return run(rerun=not args.report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="A Telegram bot that explains migrants' human rights in plain language.")
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="run the bot: Telegram if TELEGRAM_BOT_TOKEN is set, else the console chat",
                         description="Example: TELEGRAM_BOT_TOKEN=123:abc python main.py run")
    run.add_argument("--lang", default="en", help="console chat language (default en)")
    run.add_argument("--webhook-url", help="public HTTPS URL for webhook mode (needs TELEGRAM_WEBHOOK_SECRET)")
    run.add_argument("--listen", default="127.0.0.1", help="webhook listen address (default 127.0.0.1)")
    run.add_argument("--port", type=int, default=8443, help="webhook port (default 8443)")
    run.set_defaults(func=cmd_run)
    chat = sub.add_parser("chat", help="chat with the bot in this terminal", description="Example: python main.py chat --lang en")
    chat.add_argument("--lang", default="en", help="language code (default en)")
    chat.set_defaults(func=cmd_chat)
    search = sub.add_parser("search", help="search the cards", description="Example: echo 'doctor no papers' | python main.py search --lang en --json")
    search.add_argument("--lang", required=True, help="language code")
    search.add_argument("--json", action="store_true", help="one JSON object per query")
    search.add_argument("query", nargs="?", help="the query; without it, one query per line from stdin")
    search.set_defaults(func=cmd_search)
    export = sub.add_parser("export", help="the whole catalog as JSON", description="Example: python main.py export --json --lang en")
    export.add_argument("--json", action="store_true", required=True, help="JSON output (the only format)")
    export.add_argument("--lang", help="only this language")
    export.set_defaults(func=cmd_export)
    check = sub.add_parser("check", help="validate the content", description="Example: python main.py check --coverage")
    check.add_argument("--coverage", action="store_true", help="per language: translated, stale, missing cards; review status")
    check.set_defaults(func=cmd_check)
    links = sub.add_parser("links", help="deep links, QR codes and posters", description="Example: python main.py links --bot my_rights_bot --lang ar --out posters/")
    links.add_argument("--bot", required=True, help="the bot's username, without @")
    links.add_argument("--lang", help="only this language")
    links.add_argument("--out", help="folder for QR codes (SVG, PNG) and one HTML poster per language")
    links.set_defaults(func=cmd_links)
    bench = sub.add_parser("bench", help="benchmark: matching quality, latency, cold start, memory", description="Example: python main.py bench --quick")
    bench.add_argument("--quick", action="store_true", help="a short run")
    bench.set_defaults(func=cmd_bench)
    mutate = sub.add_parser("mutate", help="mutation testing of the modules that carry promises (slow; dev extra)",
                            description="Example: python main.py mutate")
    mutate.add_argument("--report", action="store_true", help="only print the scores of the last run")
    mutate.set_defaults(func=cmd_mutate)
    stats = sub.add_parser("stats", help="anonymous usage figures", description="Example: python main.py stats --since 2026-11-01 --json")
    stats.add_argument("--since", help="first day, YYYY-MM-DD")
    stats.add_argument("--json", action="store_true", help="JSON output")
    stats.add_argument("--db", help="database path (default: $RIGHTS_BOT_STATS_DB or data/usage.sqlite)")
    stats.set_defaults(func=cmd_stats)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not getattr(args, "func", None):
        args = build_parser().parse_args(["run", *(argv or [])])
    try:
        code = args.func(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader went away (`| head`): nothing more to say. Point stdout at devnull so that
        # Python's own flush at exit does not print a traceback (Python docs, "Note on SIGPIPE").
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except ContentError as error:
        print(f"content/{error}", file=sys.stderr)
        return 1
    except (ContactsError, MissingCatalog) as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
