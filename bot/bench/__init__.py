"""`python main.py bench`: matching quality against baselines, search latency, cold start, memory.

Figures are printed side by side with their baselines, measured in the same run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from rapidfuzz import fuzz, process

from .. import quality
from ..content import Catalog
from ..engine import Engine
from ..normalize import normalize
from ..search import Searcher


def scaled(catalog: Catalog, times: int) -> Catalog:
    """The catalog with every card `times` times (copies named <id>-copy<n>): how search cost grows with content."""
    cards = dict(catalog.cards)
    for n in range(1, times):
        cards.update({f"{c.id}-copy{n}": replace(c, id=f"{c.id}-copy{n}") for c in catalog.cards.values()})
    return replace(catalog, cards=MappingProxyType(cards))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def latency(searcher: Searcher, sets, repeat: int) -> tuple[list[float], list[float]]:
    """Seconds per search (the bot's whole answer: every language it may try), and per raw rapidfuzz
    look-up of every query word in the language's vocabulary."""
    ours, raw = [], []  # run after run, each over every query in the same order
    for _ in range(repeat):
        for lang, queries in sets.items():
            index = searcher.indexes[lang]
            for row in queries:
                start = time.perf_counter()
                searcher.answer(row.query, lang)
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                for word in normalize(row.query).split():
                    process.extract(word, index.vocab, scorer=fuzz.ratio, limit=8)
                raw.append(time.perf_counter() - start)
    return ours, raw


def longest_messages(searcher: Searcher, repeat: int) -> dict[str, float]:
    """Seconds for the longest message Telegram delivers (4,096 characters, made of a language's example
    questions, so every word is one the search weighs): per language, its fastest of `repeat` runs, with that
    language chosen and with another (English; Russian for English) chosen, which makes the search weigh the
    message's language too."""
    found: dict[str, float] = {}
    for lang in searcher.indexes:
        cards = searcher.catalog.cards.values()
        text = " ".join(q for card in cards if lang in card.texts for q in card.texts[lang].questions)[:4096]
        for chosen in (lang, "ru" if lang == "en" else "en"):
            runs = []
            for _ in range(repeat):
                start = time.perf_counter()
                searcher.answer(text, chosen)
                runs.append(time.perf_counter() - start)
            found[f"{lang}/{chosen}"] = min(runs)
    return found


def cold_start(cache: Path) -> tuple[float, float]:
    """Seconds from process start to the first reply, and peak RSS (MB) of that process once it has
    searched in every language as people do: a keyword, and a question with a word no card uses
    (so every stemmer runs, and Ukrainian looks the word up in its lemma table: until 2026-12-06 13:00
    this loaded pymorphy3's Ukrainian dictionary, about 28 MB, as production did after the first such
    Ukrainian message)."""
    # Peak RSS from /proc (VmHWM): getrusage's ru_maxrss would carry over the benchmark's own peak,
    # which Linux passes on to a forked child.
    code = ("import time;t=time.perf_counter();from bot.engine import build_engine;e=build_engine();"
            "e.text('en','doctor');s=time.perf_counter()-t;"
            "[e.text(l,q) for l in e.catalog.codes for q in "
            "('doctor', e.catalog.cards['health-doctor'].texts[l].questions[0] + ' зоопарками')];"
            "print(s, [int(l.split()[1]) / 1024 for l in open('/proc/self/status') if l.startswith('VmHWM')][0])")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2],
                         env={**os.environ, "RIGHTS_BOT_CACHE_DIR": str(cache)}).stdout.split()
    return time.perf_counter() - start, float(out[1])


def run(engine: Engine, quick: bool) -> list[str]:
    summary = quality.report(engine.catalog, engine.searcher)
    sets = {**quality.tuned_sets(engine.catalog)}
    if not quick:
        for lang, rows in quality.heldout_sets(engine.catalog).items():
            sets[lang] = sets.get(lang, []) + rows
    repeat = 2 if quick else 20
    ours, raw = latency(engine.searcher, sets, repeat)
    p50, p99 = percentile(ours, 50) * 1000, percentile(ours, 99) * 1000
    r50, r99 = percentile(raw, 50) * 1000, percentile(raw, 99) * 1000
    fastest = [min(ours[i::len(ours) // repeat]) for i in range(len(ours) // repeat)]
    f99 = percentile(fastest, 99) * 1000
    print(f"\nSearch latency, {len(ours)} searches ({'tuned' if quick else 'tuned and held-out'} queries), all languages loaded; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  ours p50 {p50:.3f} ms p99 {p99:.3f} ms; raw rapidfuzz.process.extract p50 {r50:.3f} ms p99 {r99:.3f} ms")
    print(f"  p99 of each query's fastest of {repeat} runs (what the search costs without the other processes' noise): {f99:.3f} ms")
    big = Searcher(scaled(engine.catalog, 4))
    big_ours, _ = latency(big, sets, max(1, repeat // 2))
    b99 = percentile(big_ours, 99) * 1000
    print(f"  with every card 4 times ({len(big.catalog.cards)} cards a language): p50 {percentile(big_ours, 50) * 1000:.3f} ms "
          f"p99 {b99:.3f} ms, {b99 / p99:.2f}x the p99 above")
    longest = longest_messages(engine.searcher, 3)
    slowest = max(longest, key=longest.__getitem__)
    print(f"  a 4,096-character message (each language's example questions, with it and with English chosen; Russian for English): "
          f"median {percentile(list(longest.values()), 50) * 1000:.1f} ms, slowest {longest[slowest] * 1000:.1f} ms "
          f"({slowest}, language/chosen), fastest of 3")
    summary.append(f"latency: p50 {p50:.2f} ms, p99 {p99:.2f} ms, ratio to raw rapidfuzz p99 {p99 / r99:.1f}x; "
                   f"4x cards p99 {b99:.2f} ms ({b99 / p99:.2f}x); 4,096 characters at most "
                   f"{longest[slowest] * 1000:.0f} ms")
    from .throughput import run as throughput

    n = 200 if quick else 2000
    for telegram_limits in (True, False):
        (ours_rate, ours_p99, ours_cpu), (echo_rate, echo_p99, echo_cpu) = throughput(
            engine, n, telegram_limits, rounds=1 if telegram_limits else 3)
        how = "with Telegram's ~30 messages/s limit" if telegram_limits else "without the rate limit (the bot's own speed)"
        print(f"\nEnd-to-end, {n} updates through the real Application and the local Bot API server, {how}; "
              "ours as deployed, the usage counter on")
        print(f"  ours {ours_rate:.0f} updates/s (p99 arrival->reply {ours_p99 * 1000:.0f} ms, CPU {ours_cpu:.2f} ms "
              f"per update); echo bot {echo_rate:.0f} updates/s (p99 {echo_p99 * 1000:.0f} ms, CPU {echo_cpu:.2f} ms); "
              "best of the rounds, the two taking turns")
        summary.append(f"throughput {'limited' if telegram_limits else 'unlimited'}: ours {ours_rate:.0f}/s, "
                       f"echo {echo_rate:.0f}/s, ratio {ours_rate / echo_rate:.2f}; p99 arrival->reply {ours_p99 * 1000:.0f} ms; "
                       f"CPU per update ours {ours_cpu:.2f} ms, echo {echo_cpu:.2f} ms, ratio {echo_cpu / ours_cpu:.2f}")
    from .flood import run as flood_run

    flood = 1000
    (wait, replies), (old_wait, old_replies) = flood_run(engine, flood)
    print(f"\nFlood: one chat sends {flood} messages at once, a second person writes halfway through (Telegram's limits on)")
    print(f"  ours: the second person waits {wait:.2f} s; the flooder gets {replies} replies (one 'please wait', "
          f"the rest dropped); the old scheduling (an update held a slot while waiting its turn): {old_wait:.2f} s, "
          f"{old_replies} replies")
    summary.append(f"flood: second person's wait during a {flood}-message flood {wait:.2f} s "
                   f"(old scheduling {old_wait:.2f} s, ratio {old_wait / max(wait, 1e-3):.0f}x)")
    from .load import Faults, report, run as load

    people = 50 if quick else 500
    print(f"\nLoad and faults: {people} people x 10 updates; 1% of calls 429, 3% 500, 3% dropped connections")
    result = load(engine, people, 10, Faults(too_many=0.01, server_error=0.03, dropped=0.03, seed=1))
    print("  " + report(result))
    summary.append(report(result))
    with tempfile.TemporaryDirectory() as cache:
        first, first_rss = cold_start(Path(cache))  # parses and indexes the content, writes the start-up cache
        seconds, rss = cold_start(Path(cache))
    print(f"\nCold start (process start to first reply), all languages: {seconds:.2f} s; "
          f"the first start after a content change (no start-up cache yet) {first:.2f} s; peak RSS {rss:.0f} MB "
          f"({first_rss:.0f} MB in the bot that started first, the cache built by its child process)")
    summary += [f"cold start: {seconds:.2f} s ({first:.2f} s after a content change)",
                f"peak RSS: {rss:.0f} MB ({first_rss:.0f} MB on the first start after a content change)"]
    print("\nSummary")
    for line in summary:
        print("  " + line)
    return summary
