"""The ids of messages the bot sent, per chat, in memory only: bounded and expiring, for "clear this chat"."""

from __future__ import annotations

import time
from collections import OrderedDict

MAX_CHATS = 2000
MAX_PER_CHAT = 100
TTL_SECONDS = 47 * 3600  # Telegram lets a bot delete its messages for 48 hours


class SentMessages:
    def __init__(self, max_chats: int = MAX_CHATS, per_chat: int = MAX_PER_CHAT, ttl: float = TTL_SECONDS, clock=time.monotonic):
        self.max_chats, self.per_chat, self.ttl, self.clock = max_chats, per_chat, ttl, clock
        self._chats: OrderedDict[int, list[tuple[float, int]]] = OrderedDict()

    def add(self, chat_id: int, message_id: int) -> None:
        entries = self._chats.pop(chat_id, [])
        entries = [*entries, (self.clock(), message_id)][-self.per_chat:]
        self._chats[chat_id] = entries
        while len(self._chats) > self.max_chats:
            self._chats.popitem(last=False)

    def take(self, chat_id: int) -> list[int]:
        """The ids still deletable in a chat, forgetting the chat."""
        now = self.clock()
        return [mid for at, mid in self._chats.pop(chat_id, []) if now - at < self.ttl]

    def __len__(self) -> int:
        return len(self._chats)
