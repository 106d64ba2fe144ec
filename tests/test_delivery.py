"""The limiter the bot deploys retries calls that failed on the network, and only those."""

import asyncio

import pytest
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.delivery import RetryingRateLimiter, production_limiter
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


def test_the_limiter_defaults_and_the_deployed_rate_limits(engine):
    bare = RetryingRateLimiter()
    assert (bare.network_retries, bare.first_pause) == (6, 0.2)
    deployed = deployed_limiter(engine)
    assert deployed._base_limiter.max_rate == 30 and deployed._group_max_rate == 20  # Telegram's limits
    assert deployed._max_retries == 3 and deployed.first_pause == 0.2
    unlimited = production_limiter(telegram_limits=False, first_pause=0.05)
    assert unlimited._base_limiter is None and unlimited._group_max_rate == 0
    assert unlimited._max_retries == 3 and unlimited.first_pause == 0.05 and unlimited.network_retries == 6


def test_a_429_is_waited_out_three_times_then_given_up(engine, monkeypatch):
    from telegram.error import RetryAfter

    limiter = production_limiter(telegram_limits=False)
    attempts = []
    with pytest.raises(RetryAfter):
        call(limiter, [RetryAfter(0)] * 4, attempts)
    assert len(attempts) == 4


def test_positional_arguments_reach_telegrams_limiter(engine):
    limiter = production_limiter(telegram_limits=False)
    seen = []

    async def callback(*args, **kwargs):
        seen.append((args, kwargs))
        return True

    async def main():
        return await limiter.process_request(callback, ("a",), {"k": 1}, "sendMessage", {"chat_id": 1}, None)

    assert asyncio.run(main()) is True and seen == [(("a",), {"k": 1})]


def test_each_retry_is_logged_with_its_pause(engine, monkeypatch, caplog):
    import logging

    async def no_sleep(seconds):
        pass

    monkeypatch.setattr("bot.delivery.asyncio.sleep", no_sleep)
    caplog.set_level(logging.INFO)
    call(deployed_limiter(engine), [NetworkError("x")], [])
    assert caplog.messages == ["network error calling Telegram; retrying in 0.2 s"]


def update(chat_id=None, user_id=None, update_id=1):
    from telegram import Update

    if chat_id is not None:
        chat = {"id": chat_id, "type": "private"}
        return Update.de_json({"update_id": update_id, "message": {"message_id": 1, "date": 0, "chat": chat,
                                                                  "text": "x"}}, None)
    if user_id is not None:
        sender = {"id": user_id, "is_bot": False, "first_name": "u"}
        return Update.de_json({"update_id": update_id, "inline_query": {"id": "1", "from": sender, "query": "",
                                                                       "offset": ""}}, None)
    return Update.de_json({"update_id": update_id}, None)


def test_one_chat_in_order_different_chats_at_the_same_time():
    from bot.delivery import PerChatUpdateProcessor

    log = []

    async def handle(name, pause):
        log.append(f"{name} start")
        await asyncio.sleep(pause)
        log.append(f"{name} end")

    async def main():
        processor = PerChatUpdateProcessor(max_concurrent_updates=8)
        await asyncio.gather(
            processor.process_update(update(chat_id=1), handle("a1", 0.05)),
            processor.process_update(update(chat_id=1), handle("a2", 0.0)),
            processor.process_update(update(chat_id=2), handle("b1", 0.0)),
            processor.process_update(update(user_id=3), handle("inline", 0.0)),
            processor.process_update(update(), handle("no chat", 0.0)),
        )
        return processor

    processor = asyncio.run(main())
    assert log.index("a1 end") < log.index("a2 start")  # one chat: one after another
    assert log.index("b1 end") < log.index("a1 end")  # another chat did not wait for it
    assert log.index("inline end") < log.index("a1 end") and "no chat end" in log
    assert processor._chats == {}  # nothing about a chat outlives its last reply


def test_a_burst_beyond_the_backlog_is_dropped_with_one_note():
    from bot.delivery import PerChatUpdateProcessor

    handled, notes = [], []

    async def handle(n):
        await asyncio.sleep(0.01)
        handled.append(n)

    async def note(update):
        notes.append(update.update_id)

    async def main():
        processor = PerChatUpdateProcessor(max_concurrent_updates=8, backlog=3)
        processor.on_overflow = note
        await asyncio.gather(*(processor.process_update(update(chat_id=1, update_id=n), handle(n)) for n in range(6)))

    asyncio.run(main())
    assert handled == [0, 1, 2] and notes == [3]


def test_an_unreadable_update_becomes_an_empty_one_with_its_id_only(caplog):
    import logging

    from bot.delivery import SkippingBot

    caplog.set_level(logging.WARNING)
    bot = SkippingBot("1:TEST")
    assert bot._read_one({"update_id": 7, "message": "not a message"}).update_id == 7
    assert bot._read_one({"update_id": "x", "message": "not a message"}).update_id == 0
    assert caplog.messages == ["skipped an update that could not be read (update id 7)",
                               "skipped an update that could not be read (update id ?)"]
    assert bot._read_one({"update_id": 8}).update_id == 8


def test_python_telegram_bots_dump_of_an_unparsable_batch_is_kept_out_of_the_log():
    import logging

    from bot.delivery import _NoRawUpdates

    def record(message):
        return logging.LogRecord("telegram.ext.ExtBot", logging.ERROR, "", 0, message, (), None)

    assert not _NoRawUpdates().filter(record("Error while parsing updates! Received data was [{'from': ...}]"))
    assert _NoRawUpdates().filter(record("something else"))


def test_limiter_arguments_by_position_and_the_last_try_too():
    assert RetryingRateLimiter(0, 1, 0)._base_limiter is None  # overall_max_rate given by position
    assert production_limiter(telegram_limits=True, first_pause=0.05).first_pause == 0.05
    limiter = RetryingRateLimiter(overall_max_rate=0, group_max_rate=0, network_retries=1, first_pause=0)
    seen, failures = [], [NetworkError("once")]

    async def callback(*args, **kwargs):
        seen.append(args)
        if failures:
            raise failures.pop()
        return True

    async def main():
        return await limiter.process_request(callback, ("a",), {}, "sendMessage", {"chat_id": 1}, None)

    assert asyncio.run(main()) is True and seen == [("a",), ("a",)]


def test_the_processor_defaults_and_a_burst_without_a_note_handler():
    from bot.delivery import PerChatUpdateProcessor

    processor = PerChatUpdateProcessor()
    assert (processor.max_concurrent_updates, processor.backlog) == (256, 10)
    handled = []

    async def handle(n):
        await asyncio.sleep(0.01)
        handled.append(n)

    async def main():
        small = PerChatUpdateProcessor(backlog=1)  # no on_overflow: the rest of the burst is dropped quietly
        await asyncio.gather(*(small.process_update(update(chat_id=1, update_id=n), handle(n)) for n in range(3)))

    asyncio.run(main())
    assert handled == [0]
