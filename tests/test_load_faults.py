"""Many people at once while the Bot API server answers 429, 500 and drops connections (CI size)."""

from bot.bench.load import report, run
from bot.bench.fake_bot_api import Faults


def test_every_reply_exactly_once_in_order_through_429_500_and_dropped_connections(engine):
    faults = Faults(too_many=0.01, server_error=0.04, dropped=0.04, seed=3)
    result = run(engine, people=60, steps=10, faults=faults, timeout=120)
    print("\n" + report(result))
    assert all(n > 0 for n in result.faults.values()), result.faults  # the faults really happened
    assert not result.wrong_chats, result.wrong_chats[:5]
    assert result.inline_answers and all(n == 1 for n in result.inline_answers.values())
    assert result.callback_answers and all(n == 1 for n in result.callback_answers.values())


def test_the_check_notices_a_lost_reply(engine, monkeypatch):
    # Without retries a dropped connection loses a reply, and the comparison must say so.
    from bot.bench import load as bench_load
    from bot.delivery import RetryingRateLimiter

    no_retry = RetryingRateLimiter(overall_max_rate=0, group_max_rate=0, network_retries=0)
    monkeypatch.setattr(bench_load, "production_limiter", lambda **_: no_retry)
    result = run(engine, people=20, steps=10, faults=Faults(dropped=0.1, seed=5), timeout=8)
    assert result.faults["dropped"] > 0
    assert not result.ok
