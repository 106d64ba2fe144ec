"""The limiter the bot deploys retries calls that failed on the network, and only those."""

import asyncio

import pytest
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.delivery import RetryingRateLimiter
from bot.telegram_app import build_application


def deployed_limiter(engine) -> RetryingRateLimiter:
    return build_application(engine, "123:TEST").bot.rate_limiter


def call(limiter, failures: list[Exception], attempts: list[int]):
    """One Bot API call through `limiter`: it fails with `failures` in turn, then succeeds."""
    async def callback(*args, **kwargs):
        attempts.append(1)
        if failures:
            raise failures.pop(0)
        return {"ok": True}

    async def main():
        return await limiter.process_request(callback=callback, args=(), kwargs={}, endpoint="sendMessage",
                                             data={"chat_id": 1, "text": "x"}, rate_limit_args=None)

    return asyncio.run(main())


def test_the_deployed_limiter_retries_network_errors(engine):
    limiter = deployed_limiter(engine)
    limiter.first_pause = 0.01  # only the wait is shortened; the number of retries is the deployed one
    attempts = []
    assert call(limiter, [NetworkError("dropped"), TimedOut(), NetworkError("reset")], attempts) == {"ok": True}
    assert len(attempts) == 4
    attempts = []
    with pytest.raises(NetworkError):
        call(limiter, [NetworkError("down")] * (limiter.network_retries + 1), attempts)
    assert len(attempts) == limiter.network_retries + 1 >= 4


def test_the_deployed_limiter_does_not_retry_a_bad_request(engine):
    attempts = []
    with pytest.raises(BadRequest):
        call(deployed_limiter(engine), [BadRequest("can't parse entities")], attempts)
    assert attempts == [1]


def test_pauses_grow_between_network_retries_up_to_five_seconds(engine, monkeypatch):
    pauses = []

    async def no_sleep(seconds):
        pauses.append(seconds)

    monkeypatch.setattr("bot.delivery.asyncio.sleep", no_sleep)
    call(deployed_limiter(engine), [NetworkError("x")] * 6, [])
    assert pauses == [0.2, 0.4, 0.8, 1.6, 3.2, 5.0]
