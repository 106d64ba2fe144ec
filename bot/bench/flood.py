"""One chat floods the bot; how long does a second person wait? Ours beside the old scheduling.

The old scheduling (kept here as the baseline) let every update of a chat take one of the shared
slots while it waited for that chat's earlier updates, so one person's flood filled every slot.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Awaitable

from telegram.ext import BaseUpdateProcessor

from ..delivery import PerChatUpdateProcessor, _chat_key
from ..engine import Engine
from ..telegram_app import build_application, please_wait
from .fake_bot_api import FakeBotApi
from .throughput import _update, limiter

FLOODER, SECOND = 30_001, 30_002


class SlotPerWaitingUpdate(BaseUpdateProcessor):
    """The baseline: in order per chat, but an update holds a shared slot while it waits its turn."""

    def __init__(self, max_concurrent_updates: int = 256):
        super().__init__(max_concurrent_updates)
        self._last: dict[int, asyncio.Future] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
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


def second_persons_wait(engine: Engine, flood: int, processor: BaseUpdateProcessor, telegram_limits: bool = True,
                        timeout: float = 120.0) -> tuple[float, int]:
    """(seconds from the second person's message reaching the bot to its answer, replies the flooder got)."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with FakeBotApi() as api:
        async def main() -> None:
            app = build_application(engine, "1:FLOOD", api.base_url, rate_limiter=limiter(telegram_limits))
            app._update_processor = processor  # the scheduling under test; everything else as deployed
            if isinstance(processor, PerChatUpdateProcessor):
                processor.on_overflow = lambda update: please_wait(app, update)
            async with app:
                await app.start()
                for i in range(flood):  # the second person writes halfway through the flood
                    api.push(_update(FLOODER, f"doctor {i}"))
                    if i == flood // 2:
                        api.push(_update(SECOND, "school"))
                await app.updater.start_polling(poll_interval=0, timeout=0)
                began = time.perf_counter()
                while SECOND not in api.replied and time.perf_counter() - began < timeout:
                    await asyncio.sleep(0.005)
                await app.updater.stop()
                await app.stop()

        asyncio.run(main())
        second_update = flood // 2 + 2  # update ids start at 1; the second person's came after flood // 2 + 1
        wait = api.replied.get(SECOND, float("inf")) - api.delivered[second_update]
        flooder = sum(1 for method, params in api.calls if method == "sendMessage" and int(params["chat_id"]) == FLOODER)
    return wait, flooder


def run(engine: Engine, flood: int) -> tuple[tuple[float, int], tuple[float, int]]:
    ours = second_persons_wait(engine, flood, PerChatUpdateProcessor())
    old = second_persons_wait(engine, flood, SlotPerWaitingUpdate())
    return ours, old
