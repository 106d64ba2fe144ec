"""`python main.py mutate`: mutation testing (mutmut) of the modules that carry the README's promises.

mutmut changes one thing at a time in a copy of the code (`mutants/`), runs the tests that reach the
changed function, and counts the changes no test notices. The fast tests it runs are listed in
pyproject.toml ([tool.mutmut]). Not in CI: a whole run takes about half an hour on two cores.
"""

from __future__ import annotations

import fnmatch
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# module -> the functions whose mutants count for it
TARGETS = {
    "callbacks": ["bot.callbacks.*"],
    "stats": ["bot.stats.*"],
    "sent_messages": ["bot.sent_messages.*"],
    "staleness/coverage": ["bot.coverage.*", "bot.content.x_fingerprint__*", "bot.content.xǁCatalogǁis_stale__*",
                           "bot.content.xǁCatalogǁcard_text__*"],
    "delivery": ["bot.delivery.*"],
    "normalize": ["bot.normalize.*"],
    "i18n": ["bot.i18n.*"],
    # what decides what is counted, remembered, deleted, logged and answered on an error
    "telegram_app (privacy)": [f"bot.telegram_app.x_{name}__*" for name in
                               ("lang_of", "count", "remember", "send", "clear_chat", "on_chosen_inline", "on_error")],
}
KILLED = {1, 3, 36, 24, -24, 152, 255}  # a failing test, pytest's internal error, or a timeout
MIN_SCORE = 0.9


def results() -> dict[str, int | None]:
    """mutant name -> mutmut's exit code, from the last run."""
    found: dict[str, int | None] = {}
    for meta in (ROOT / "mutants" / "bot").glob("*.py.meta"):
        found.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return found


def scores(codes: dict[str, int | None]) -> dict[str, tuple[int, list[str]]]:
    """module -> (mutants, the names of those that survived or were not run)."""
    table = {}
    for module, patterns in TARGETS.items():
        names = sorted(n for n in codes if any(fnmatch.fnmatch(n, p) for p in patterns))
        table[module] = (len(names), [n for n in names if codes[n] not in KILLED])
    return table


def status(code: int | None) -> str:
    return {None: "not run", 0: "survived", 33: "no test reaches it", 5: "no test reaches it"}.get(code, f"exit {code}")


def run(rerun: bool = True) -> int:
    if rerun:
        patterns = [p for group in TARGETS.values() for p in group]
        subprocess.run([sys.executable, "-c", "from mutmut.__main__ import cli; cli()", "run", *patterns], cwd=ROOT)
    codes = results()
    table = scores(codes)
    print(f"\n{'module':<24} {'mutants':>7} {'killed':>7} {'score':>6}")
    for module, (total, survivors) in table.items():
        score = (total - len(survivors)) / total if total else 0.0
        print(f"{module:<24} {total:>7} {total - len(survivors):>7} {score:>6.0%}")
    for module, (_, survivors) in table.items():
        for name in survivors:
            print(f"{status(codes[name])}: {name}  (see it: mutmut show {name})")
    ok = all(total and (total - len(s)) / total >= MIN_SCORE for total, s in table.values())
    return 0 if ok else 1
