"""`python main.py bench`: matching quality against baselines, search latency, cold start, memory.

Figures are printed side by side with their baselines, measured in the same run.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils
from rapidfuzz import fuzz, process

from ..engine import Engine
from ..normalize import normalize

QUERY_DIR = Path(__file__).resolve().parents[2] / "tests"


def labelled_queries() -> dict[str, list[tuple[str, set[str]]]]:
    """lang -> [(query, accepted card ids)] from tests/queries_<lang>.tsv."""
    sets = {}
    for path in sorted(QUERY_DIR.glob("queries_*.tsv")):
        lang = path.stem.split("_", 1)[1]
        with path.open(encoding="utf-8") as handle:
            rows = [r for r in csv.reader(handle, delimiter="\t") if len(r) >= 2 and not r[0].startswith("#")]
        sets[lang] = [(q, set(ids.split(","))) for q, ids in rows]
    return sets


class Fts5Baseline:
    """SQLite FTS5 with BM25 over card titles and texts."""

    def __init__(self, engine: Engine, lang: str):
        self.db = sqlite_utils.Database(memory=True)
        rows = []
        for card in engine.catalog.cards.values():
            if lang in card.texts:
                text = card.texts[lang]
                rows.append({"id": card.id, "title": normalize(text.title), "body": normalize(text.body + " " + " ".join(text.actions))})
        self.db["cards"].insert_all(rows, pk="id")
        self.db["cards"].enable_fts(["title", "body"], tokenize="unicode61 remove_diacritics 2")

    def search(self, query: str, limit: int = 3) -> list[str]:
        words = [w.replace('"', "") for w in normalize(query).split()]
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        return [r["id"] for r in self.db["cards"].search(match, limit=limit, columns=["id"])]


class TitleWRatioBaseline:
    """Plain rapidfuzz WRatio over titles alone."""

    def __init__(self, engine: Engine, lang: str):
        self.ids, self.titles = [], []
        for card in engine.catalog.cards.values():
            if lang in card.texts:
                self.ids.append(card.id)
                self.titles.append(normalize(card.texts[lang].title))

    def search(self, query: str, limit: int = 3) -> list[str]:
        return [self.ids[i] for _, _, i in process.extract(normalize(query), self.titles, scorer=fuzz.WRatio, limit=limit)]


def accuracy(search, queries) -> tuple[float, float]:
    top1 = top3 = 0
    for query, accepted in queries:
        found = search(query)
        top1 += bool(found[:1] and found[0] in accepted)
        top3 += bool(accepted & set(found[:3]))
    return top1 / len(queries), top3 / len(queries)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def latency(engine: Engine, sets, repeat: int) -> tuple[list[float], list[float]]:
    ours, raw = [], []
    for lang, queries in sets.items():
        index = engine.searcher.indexes[lang]
        for _ in range(repeat):
            for query, _ in queries:
                start = time.perf_counter()
                engine.searcher.search_any(query, lang)
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                for word in normalize(query).split():
                    process.extract(word, index.vocab, scorer=fuzz.ratio, limit=8)
                raw.append(time.perf_counter() - start)
    return ours, raw


def cold_start(cache: Path) -> tuple[float, float]:
    """Seconds from process start to the first reply, and peak RSS (MB) of that process."""
    # Peak RSS from /proc (VmHWM): getrusage's ru_maxrss would carry over the benchmark's own peak,
    # which Linux passes on to a forked child.
    code = ("import time;t=time.perf_counter();from bot.engine import build_engine;e=build_engine();"
            "e.text('en','doctor');s=time.perf_counter()-t;"
            "print(s, [int(l.split()[1]) / 1024 for l in open('/proc/self/status') if l.startswith('VmHWM')][0])")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2],
                         env={**os.environ, "RIGHTS_BOT_CACHE_DIR": str(cache)}).stdout.split()
    return time.perf_counter() - start, float(out[1])


def run(engine: Engine, quick: bool) -> list[str]:
    translated = {lang for lang, index in engine.searcher.indexes.items() if index.card_ids}
    sets = {lang: q for lang, q in labelled_queries().items() if lang in translated}
    summary = []
    print("Matching quality (top-1 / top-3)")
    print(f"  {'lang':<5} {'n':>4}  {'ours':>13}  {'FTS5 BM25':>13}  {'WRatio titles':>13}")
    for lang, queries in sets.items():
        ours = accuracy(lambda q: [h.card_id for h in engine.searcher.search(q, lang, 3)], queries)
        fts = accuracy(Fts5Baseline(engine, lang).search, queries)
        wr = accuracy(TitleWRatioBaseline(engine, lang).search, queries)
        fmt = lambda a: f"{a[0]:>5.0%} / {a[1]:>4.0%}"
        print(f"  {lang:<5} {len(queries):>4}  {fmt(ours)}  {fmt(fts)}  {fmt(wr)}")
        summary.append(f"quality {lang}: top-3 ours {ours[1]:.0%}, FTS5 {fts[1]:.0%}, WRatio {wr[1]:.0%} (top-1 ours {ours[0]:.0%})")
    ours, raw = latency(engine, sets, 3 if quick else 20)
    p50, p99 = percentile(ours, 50) * 1000, percentile(ours, 99) * 1000
    r50, r99 = percentile(raw, 50) * 1000, percentile(raw, 99) * 1000
    print(f"\nSearch latency, {len(ours)} searches, all languages loaded")
    print(f"  ours p50 {p50:.3f} ms p99 {p99:.3f} ms; raw rapidfuzz.process.extract p50 {r50:.3f} ms p99 {r99:.3f} ms")
    summary.append(f"latency: p50 {p50:.2f} ms, p99 {p99:.2f} ms, ratio to raw rapidfuzz p99 {p99 / r99:.1f}x")
    from .throughput import run as throughput

    n = 200 if quick else 2000
    for telegram_limits in (True, False):
        (ours_rate, ours_p99), (echo_rate, echo_p99) = throughput(engine, n, telegram_limits, rounds=1 if telegram_limits else 3)
        how = "with Telegram's ~30 messages/s limit" if telegram_limits else "without the rate limit (the bot's own speed)"
        print(f"\nEnd-to-end, {n} updates through the real Application and the local Bot API server, {how}; "
              "ours as deployed, the usage counter on")
        print(f"  ours {ours_rate:.0f} updates/s (p99 arrival->reply {ours_p99 * 1000:.0f} ms); "
              f"echo bot {echo_rate:.0f} updates/s (p99 {echo_p99 * 1000:.0f} ms)")
        summary.append(f"throughput {'limited' if telegram_limits else 'unlimited'}: ours {ours_rate:.0f}/s, "
                       f"echo {echo_rate:.0f}/s, ratio {ours_rate / echo_rate:.2f}; p99 arrival->reply {ours_p99 * 1000:.0f} ms")
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
        first, _ = cold_start(Path(cache))  # parses and indexes the content, writes the start-up cache
        seconds, rss = cold_start(Path(cache))
    print(f"\nCold start (process start to first reply), all languages: {seconds:.2f} s; "
          f"the first start after a content change (no start-up cache yet) {first:.2f} s; peak RSS {rss:.0f} MB")
    summary += [f"cold start: {seconds:.2f} s ({first:.2f} s after a content change)", f"peak RSS: {rss:.0f} MB"]
    print("\nSummary")
    for line in summary:
        print("  " + line)
    return summary
