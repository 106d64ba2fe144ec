"""Many people at once while the Bot API server answers 429, 500, drops connections and loses answers."""

from bot.bench.fake_bot_api import Faults
from bot.bench.load import report, run


def test_every_reply_arrives_in_order_and_only_a_lost_answer_repeats_one(engine):
    faults = Faults(too_many=0.01, server_error=0.04, dropped=0.04, lost=0.02, seed=3)
    result = run(engine, people=60, steps=10, faults=faults, timeout=120)
    print("\n" + report(result))
    assert all(n > 0 for n in result.faults.values()), result.faults  # the faults really happened
    assert not result.wrong_chats, result.wrong_chats[:5]
    assert result.inline_answers and all(n >= 1 for n in result.inline_answers.values())
    assert result.callback_answers and all(n >= 1 for n in result.callback_answers.values())
    # Lost answers after Telegram acted do cause repeats, and nothing else does.
    assert 0 < result.repeated + result.repeated_answers <= result.faults["lost"]


def test_without_lost_answers_every_reply_arrives_exactly_once(engine):
    result = run(engine, people=20, steps=10, faults=Faults(server_error=0.05, dropped=0.05, seed=4), timeout=60)
    assert result.faults["500"] > 0 and result.faults["dropped"] > 0
    assert result.ok and result.repeated == result.repeated_answers == 0
    assert all(n == 1 for n in (*result.inline_answers.values(), *result.callback_answers.values()))


def test_the_check_notices_a_lost_reply(engine, monkeypatch):
    # Without retries a dropped connection loses a reply, and the comparison must say so.
    from bot.bench import load as bench_load
    from bot.delivery import RetryingRateLimiter

    no_retry = RetryingRateLimiter(overall_max_rate=0, group_max_rate=0, network_retries=0)
    monkeypatch.setattr(bench_load, "production_limiter", lambda **_: no_retry)
    result = run(engine, people=20, steps=10, faults=Faults(dropped=0.1, seed=5), timeout=8)
    assert result.faults["dropped"] > 0
    assert not result.ok


def test_the_comparison_allows_a_repeat_only_where_an_answer_was_lost():
    from collections import Counter

    from bot.bench.load import compare

    a, b = ("sendMessage", "a"), ("sendMessage", "b")
    assert compare([a, b], [a, b], Counter()) == (None, 0)
    assert compare([a, a, b], [a, b], Counter({a: 1})) == (None, 1)
    assert compare([a, a, b], [a, b], Counter())[0] is not None  # a repeat nothing explains
    assert compare([a, a, a, b], [a, b], Counter({a: 1}))[0] is not None  # one loss, one repeat
    assert compare([b, a], [a, b], Counter({a: 1, b: 1}))[0] is not None  # out of order
    assert compare([a], [a, b], Counter()) == ("got 1 of 2 replies", 0)
