"""Load and faults: many people at once through the real Application, on a network that misbehaves.

Every simulated person sends a fixed script (commands, button taps, searches, an inline query) in
their own language. The local Bot API server answers some calls with 429 and `retry_after`, some
with 500, drops some connections, and loses the answer to some calls it has acted on. Afterwards
each chat's replies are compared with what the engine alone says: every reply arrives, in order per
chat, no error reply; a reply comes twice (right after itself) only where the answer to its first
send was lost, and each lost answer explains at most one repeat.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from dataclasses import dataclass, field

from ..delivery import production_limiter
from ..engine import Engine
from ..telegram_app import build_application
from .fake_bot_api import FakeBotApi, Faults

SEARCHES = {
    "en": ["doctr no papers", "boss wont pay"], "ar": ["طبيب بدون اوراق", "المدرسة"],
    "fa": ["دکتر بدون مدرک", "مدرسه"], "fr": ["medecin sans papiers", "patron paye pas"],
    "es": ["medico sin papeles", "escuela"], "uk": ["лікар без документів", "школа"],
    "ru": ["врач без документов", "школа"], "tr": ["belgesiz doktor", "okul"],
}


REPLIES = {"sendMessage", "editMessageText"}


@dataclass
class Person:
    chat_id: int
    lang: str
    steps: list[tuple[str, str]] = field(default_factory=list)  # (kind, text or callback data)


@dataclass
class LoadResult:
    people: int
    updates: int
    seconds: float
    faults: dict[str, int]
    wrong_chats: list[str]  # chats that missed a reply, got one out of order, or a repeat no lost answer explains
    inline_answers: dict[str, int]
    callback_answers: dict[str, int]
    repeated: int = 0  # messages that arrived twice because the answer to the first send was lost
    repeated_answers: int = 0  # callback and inline answers sent twice for the same reason

    @property
    def ok(self) -> bool:
        return (not self.wrong_chats and all(n >= 1 for n in self.inline_answers.values())
                and all(n >= 1 for n in self.callback_answers.values()))


def compare(got: list, wanted: list, lost: Counter) -> tuple[str | None, int]:
    """(what is wrong, or None; how many repeats) for one chat's replies against what it should get.

    A reply may come again right after itself only where its first send was acted on and its answer
    lost (then the bot cannot know it arrived, and sends it again); each such loss explains one repeat.
    """
    done = repeats = 0
    for reply in got:
        if done < len(wanted) and reply == wanted[done]:
            done += 1
        elif done and reply == wanted[done - 1] and lost[reply] > 0:
            lost[reply] -= 1
            repeats += 1
        else:
            return f"reply {done + repeats + 1} is not the one expected", repeats
    return (None if done == len(wanted) else f"got {done} of {len(wanted)} replies"), repeats


def script(engine: Engine, person: int, steps: int) -> Person:
    langs = [lang for lang in SEARCHES if lang in engine.catalog.languages]
    lang = langs[person % len(langs)]
    first, second = SEARCHES[lang]
    start = engine.start(lang)
    topic = start.buttons[1][0].data  # the second topic of the main menu
    card = engine.press(topic).buttons[0][0].data
    cycle = [("command", "/start"), ("button", topic), ("text", first), ("inline", first), ("button", card),
             ("command", "/help"), ("text", second), ("button", f"m|{lang}|"), ("command", "/privacy"),
             ("text", "thanks")]
    return Person(20_000 + person, lang, [cycle[i % len(cycle)] for i in range(steps)])


def expected(engine: Engine, person: Person) -> list[tuple[str, str]]:
    """What the chat must receive, in order, according to the engine alone."""
    replies = []
    for kind, value in person.steps:
        if kind == "command":
            replies.append(("sendMessage", engine.command(person.lang, value[1:]).text))
        elif kind == "text":
            replies.append(("sendMessage", engine.text(person.lang, value).text))
        elif kind == "button":
            replies.append(("editMessageText", engine.press(value).text))
    return replies


def update(person: Person, step: int) -> dict:
    kind, value = person.steps[step]
    user = {"id": person.chat_id, "is_bot": False, "first_name": "p", "language_code": person.lang}
    chat = {"id": person.chat_id, "type": "private"}
    if kind == "inline":
        return {"inline_query": {"id": f"{person.chat_id}-{step}", "from": user, "query": value, "offset": ""}}
    if kind == "button":
        return {"callback_query": {"id": f"{person.chat_id}-{step}", "from": user, "chat_instance": "1", "data": value,
                                   "message": {"message_id": 7, "date": 0, "chat": chat, "text": "menu"}}}
    message = {"message_id": step + 1, "date": 0, "chat": chat, "from": user, "text": value}
    if kind == "command":
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(value)}]
    return {"message": message}


def run(engine: Engine, people: int, steps: int, faults: Faults, timeout: float = 300.0) -> LoadResult:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # The updater logs each failed getUpdates with a traceback; here those failures are the point.
    logging.getLogger("telegram.ext.Updater").setLevel(logging.CRITICAL)
    persons = [script(engine, p, steps) for p in range(people)]
    wanted = {p.chat_id: expected(engine, p) for p in persons}
    total = sum(len(w) for w in wanted.values())
    # The deployed limiter and its retries; Telegram's 30 messages a second would make this a test of
    # patience, so the rate limits are off and the pause before a network retry is short.
    limiter = production_limiter(telegram_limits=False, first_pause=0.05)
    with FakeBotApi(faults) as api:
        async def main() -> float:
            app = build_application(engine, "1:LOAD", api.base_url, rate_limiter=limiter)
            async with app:
                await app.start()
                for step in range(steps):  # everyone at once: the queue interleaves the chats
                    for person in persons:
                        api.push(update(person, step))
                began = time.perf_counter()
                await app.updater.start_polling(poll_interval=0, timeout=0)
                while time.perf_counter() - began < timeout:
                    with api.lock:
                        done = sum(1 for m, _ in api.calls if m in REPLIES) - sum(1 for m, _ in api.lost if m in REPLIES)
                    if done >= total:
                        break
                    await asyncio.sleep(0.05)
                elapsed = time.perf_counter() - began
                await asyncio.sleep(0.5)  # room for a duplicate to show up
                await app.updater.stop()
                await app.stop()
            return elapsed

        seconds = asyncio.run(main())
        got: dict[int, list[tuple[str, str]]] = {p.chat_id: [] for p in persons}
        inline: dict[str, int] = {}
        callbacks: dict[str, int] = {}
        for method, params in api.calls:
            if method in REPLIES:
                got.setdefault(int(params["chat_id"]), []).append((method, params["text"]))
            elif method == "answerInlineQuery":
                inline[params["inline_query_id"]] = inline.get(params["inline_query_id"], 0) + 1
            elif method == "answerCallbackQuery":
                callbacks[params["callback_query_id"]] = callbacks.get(params["callback_query_id"], 0) + 1
        lost = {chat: Counter() for chat in got}
        lost_answers = Counter()
        for method, params in api.lost:
            if method in REPLIES:
                lost.setdefault(int(params["chat_id"]), Counter())[(method, params["text"])] += 1
            else:
                lost_answers[params.get("inline_query_id") or params.get("callback_query_id")] += 1
    wrong, repeated = [], 0
    for chat, want in wanted.items():
        problem, repeats = compare(got.get(chat, []), want, lost[chat])
        repeated += repeats
        if problem:
            wrong.append(f"chat {chat}: {problem}")
    repeated_answers = 0
    for table in (inline, callbacks):
        for query, n in table.items():
            if n > 1 + lost_answers[query]:
                wrong.append(f"query {query} answered {n} times, {lost_answers[query]} answers lost")
            repeated_answers += n - 1
    for person in persons:
        for step, (kind, _) in enumerate(person.steps):
            table = inline if kind == "inline" else callbacks if kind == "button" else None
            if table is not None:
                table.setdefault(f"{person.chat_id}-{step}", 0)
    return LoadResult(people, people * steps, seconds, dict(faults.injected), wrong, inline, callbacks,
                      repeated, repeated_answers)


def report(result: LoadResult) -> str:
    faults = ", ".join(f"{n} {kind}" for kind, n in result.faults.items())
    if not result.ok:
        verdict = f"FAILED: {len(result.wrong_chats)} chats or queries wrong"
    elif result.repeated == result.repeated_answers == 0:
        verdict = "every reply exactly once, in order"
    else:
        verdict = (f"every reply arrived, in order; {result.repeated} message(s) and {result.repeated_answers} "
                   "button/inline answer(s) came twice, each after a lost answer")
    return (f"load: {result.people} people x {result.updates // max(result.people, 1)} updates in "
            f"{result.seconds:.1f} s ({result.updates / result.seconds:.0f} updates/s), survived {faults}: {verdict}")
