"""Getting replies through a flaky network: updates in order per chat, calls retried on network errors."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable

from telegram import Update
from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter, BaseUpdateProcessor

log = logging.getLogger(__name__)


def _chat_key(update: object) -> int | None:
    if isinstance(update, Update):
        if update.effective_chat:
            return update.effective_chat.id
        if update.effective_user:  # inline queries have a sender but no chat
            return update.effective_user.id
    return None


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Different chats are served at the same time; the updates of one chat one after another, in order.

    One person waiting on a retry does not hold up anyone else, and a person who taps twice gets the
    answers in the order they tapped. The ids are kept only while a chat has an update in hand.
    """

    def __init__(self, max_concurrent_updates: int = 256):
        super().__init__(max_concurrent_updates)
        self._last: dict[int, asyncio.Future] = {}  # chat -> the future its latest update sets when done

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        if key is None:
            await coroutine
            return
        previous = self._last.get(key)
        done = asyncio.get_running_loop().create_future()
        self._last[key] = done
        try:
            if previous is not None:
                await previous
            await coroutine
        finally:
            done.set_result(None)
            if self._last.get(key) is done:
                del self._last[key]

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


class RetryingRateLimiter(AIORateLimiter):
    """Telegram's rate limits, and retries when a call fails on the way in (500, dropped connection).

    A call Telegram refused with 429 is retried by AIORateLimiter after `retry_after`. A call that
    failed on the network is retried here with a growing pause; a Bad Request is the bot's own fault
    and is not retried. If an answer is lost after Telegram acted on the call, the retry repeats the
    message: the Bot API has no way to ask "did that arrive?", and a repeat is better than silence.
    """

    def __init__(self, *args: Any, network_retries: int = 6, first_pause: float = 0.2, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.network_retries = network_retries
        self.first_pause = first_pause

    async def process_request(self, *args: Any, **kwargs: Any) -> Any:
        pause = self.first_pause
        for attempt in range(self.network_retries + 1):
            try:
                return await super().process_request(*args, **kwargs)
            except BadRequest:
                raise
            except NetworkError:
                if attempt == self.network_retries:
                    raise
                log.info("network error calling Telegram; retrying in %.1f s", pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, 5.0)
        raise AssertionError("unreachable")


def production_limiter(telegram_limits: bool = True, first_pause: float = 0.2) -> RetryingRateLimiter:
    """The limiter the bot deploys: Telegram's limits (or none, for tests of the bot's own speed),
    3 retries after a 429 and 6 after a network error."""
    if telegram_limits:
        return RetryingRateLimiter(max_retries=3, first_pause=first_pause)
    return RetryingRateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=3, first_pause=first_pause)
