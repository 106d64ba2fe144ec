"""Getting replies through a flaky network: updates in order per chat, calls retried on network errors."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

from telegram import Update
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import AIORateLimiter, BaseUpdateProcessor, ExtBot

log = logging.getLogger(__name__)


def _chat_key(update: object) -> int | None:
    if isinstance(update, Update):
        if update.effective_chat:
            return update.effective_chat.id
        if update.effective_user:  # inline queries have a sender but no chat
            return update.effective_user.id
    return None


@dataclass
class _Chat:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # fair: waiters go in the order they came
    waiting: int = 0  # updates of this chat in hand: the one being answered and those queued behind it
    warned: bool = False  # the "please wait" note went out for this burst


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Different chats are served at the same time; the updates of one chat one after another, in order.

    One chat holds at most one of the shared slots, so a person sending hundreds of messages never
    makes anyone else wait. Of one chat's burst the bot keeps `backlog` updates and drops the rest,
    calling `on_overflow` once per burst (a short "please wait"). A chat's entry exists only while it
    has updates in hand: nothing about a chat outlives its last reply.
    """

    def __init__(self, max_concurrent_updates: int = 256, backlog: int = 10):
        super().__init__(max_concurrent_updates)
        self.backlog = backlog
        self.on_overflow: Callable[[Update], Awaitable[None]] | None = None
        self._chats: dict[int, _Chat] = {}

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        if key is None:
            await super().process_update(update, coroutine)
            return
        chat = self._chats.setdefault(key, _Chat())
        if chat.waiting >= self.backlog:
            coroutine.close()  # type: ignore[attr-defined]  # never started: dropped
            if not chat.warned and self.on_overflow is not None and isinstance(update, Update):
                chat.warned = True
                await self.on_overflow(update)
            return
        chat.waiting += 1
        try:
            async with chat.lock:  # this chat's earlier updates first; then one shared slot
                await super().process_update(update, coroutine)
        finally:
            chat.waiting -= 1
            if chat.waiting == 0:
                del self._chats[key]

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        await coroutine

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


class SkippingBot(ExtBot):
    """A bot whose polling skips an update it cannot read, once, instead of asking for it forever.

    python-telegram-bot turns a whole batch of updates into objects at once; one it cannot parse
    fails the batch, the offset never moves and the same batch comes back for ever. Here the batch is
    read update by update, and one that cannot be read becomes an empty update with only its id, so
    the offset moves past it. The log gets that id and nothing the update held.
    """

    async def _post(self, endpoint: str, data: Any = None, *args: Any, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, *args, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            self._raw_updates = result
        return result

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        try:
            return await super().get_updates(*args, **kwargs)
        except (TelegramError, asyncio.CancelledError):
            raise
        except Exception:  # the batch could not be parsed: read it one update at a time
            return tuple(self._read_one(raw) for raw in getattr(self, "_raw_updates", []) if isinstance(raw, dict))

    def _read_one(self, raw: dict) -> Update:
        try:
            return Update.de_json(raw, self)
        except Exception:
            update_id = raw.get("update_id")
            log.warning("skipped an update that could not be read (update id %s)", update_id if isinstance(update_id, int) else "?")
            return Update(update_id if isinstance(update_id, int) else 0)


class _NoRawUpdates(logging.Filter):
    """python-telegram-bot logs an update it cannot parse with its whole content (people's ids, names,
    messages): in polling ("Error while parsing updates", dropped: SkippingBot logs the update id) and in
    webhook mode ("Something went wrong processing the data", kept, saying only the update id)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if message.startswith("Error while parsing updates"):
            return False  # polling: SkippingBot reads the batch again and names the update it skips
        if not message.startswith("Something went wrong processing the data"):
            return True
        data = record.args[0] if isinstance(record.args, tuple) and record.args else record.args  # a lone dict stays one
        ids = [u.get("update_id") for u in (data if isinstance(data, list) else [data]) if isinstance(u, dict)]
        record.msg, record.args = "an update could not be read (update ids %s); its content is not logged", (ids,)
        record.exc_info, record.exc_text, record.levelno, record.levelname = None, None, logging.WARNING, "WARNING"
        return True


for _name in ("telegram.Bot", "telegram.ext.ExtBot", "telegram.ext.Updater"):  # where python-telegram-bot logs them
    logging.getLogger(_name).addFilter(_NoRawUpdates())


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
        for _ in range(self.network_retries):
            try:
                return await super().process_request(*args, **kwargs)
            except BadRequest:
                raise
            except NetworkError:
                log.info("network error calling Telegram; retrying in %.1f s", pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, 5.0)
        return await super().process_request(*args, **kwargs)  # the last try: its error goes to the caller


def production_limiter(telegram_limits: bool = True, first_pause: float = 0.2) -> RetryingRateLimiter:
    """The limiter the bot deploys: Telegram's limits (or none, for tests of the bot's own speed),
    3 retries after a 429 and 6 after a network error."""
    if telegram_limits:
        return RetryingRateLimiter(max_retries=3, first_pause=first_pause)
    return RetryingRateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=3, first_pause=first_pause)
