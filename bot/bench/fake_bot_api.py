"""A small Bot API server on 127.0.0.1 that behaves like Telegram where the bot depends on it."""

from __future__ import annotations

import json
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

from ..telegram_html import html_problems

BOT_USER = {"id": 42, "is_bot": True, "first_name": "Rights", "username": "rights_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}


SEND_METHODS = {"sendMessage", "editMessageText", "answerCallbackQuery", "answerInlineQuery"}
# Telegram takes a bot's profile per language only for two-letter codes (tdlib's validate_bot_language_code).
PROFILE_METHODS = {"setMyCommands", "setMyDescription", "setMyShortDescription", "setMyName"}


class Faults:
    """Seeded, reproducible network trouble: 429 with retry_after, 500, dropped connections, lost answers.

    "429", "500" and "dropped" strike before a call takes effect, as when Telegram refuses or the
    connection breaks on the way in. "lost" strikes after: Telegram has acted on the call (the message
    is in the chat) but its answer never comes back, so the bot cannot tell it from "dropped".
    `getUpdates` only ever loses its answer, and Telegram then sends the updates again.
    """

    def __init__(self, too_many: float = 0.0, server_error: float = 0.0, dropped: float = 0.0, lost: float = 0.0,
                 seed: int = 1):
        self.rates = {"429": too_many, "500": server_error, "dropped": dropped, "lost": lost}
        self.random = random.Random(seed)
        self.injected = {kind: 0 for kind in self.rates}

    def pick(self, method: str) -> str | None:
        roll = self.random.random()
        for kind, rate in self.rates.items():
            if (kind == "429" and method not in SEND_METHODS) or (kind == "lost" and method == "getUpdates"):
                continue
            if roll < rate:
                self.injected[kind] += 1
                return kind
            roll -= rate
        return None


class _Server(ThreadingHTTPServer):
    request_queue_size = 512  # Python's default of 5 refuses connections when the bot sends many calls at once
    daemon_threads = True


class FakeBotApi:
    def __init__(self, faults: Faults | None = None) -> None:
        self.pending: list[dict] = []  # updates not yet confirmed by a getUpdates offset
        self.arrived = threading.Condition()
        self.faults = faults or Faults()
        self.calls: list[tuple[str, dict]] = []  # every call that reached the server, in order
        self.lost: list[tuple[str, dict]] = []  # calls acted on whose answer was then lost
        self.lock = threading.Lock()
        self.next_update = 1
        self.next_message = 100
        self.delivered: dict[int, float] = {}  # update_id -> when getUpdates handed it out
        self.replied: dict[int, float] = {}  # chat_id -> when its first sendMessage arrived
        self.too_many = 0  # answer this many sends with 429 and retry_after
        self.refused = 0
        self.gone: set[int] = set()  # message ids that editMessageText refuses: deleted, or too old
        self.server = _Server(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/bot"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def push(self, update: dict) -> None:
        with self.lock:
            update["update_id"] = self.next_update
            self.next_update += 1
        with self.arrived:
            self.pending.append(update)
            self.arrived.notify_all()

    def _get_updates(self, params: dict) -> list[dict]:
        """Telegram's contract: updates stay until a later call's offset confirms them."""
        offset = int(params.get("offset") or 0)
        with self.arrived:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
            if not self.pending:
                self.arrived.wait(timeout=0.3)
            batch = self.pending[:100]
        now = time.perf_counter()
        with self.lock:
            for update in batch:
                self.delivered.setdefault(update["update_id"], now)
        return batch

    def wait_for(self, method: str, count: int = 1, timeout: float = 15.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                found = [p for m, p in self.calls if m == method]
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"{method} called {len(found)} times, expected {count}: {self.calls}")

    def _answer(self, method: str, params: dict) -> tuple[int, dict]:
        if method == "getUpdates":
            batch = self._get_updates(params)
            with self.lock:
                fault = self.faults.pick(method) if batch else None
            if fault == "500":
                return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
            if fault == "dropped":
                return 0, {}
            return 200, {"ok": True, "result": batch}
        with self.lock:
            if method == "sendMessage" and self.too_many > 0:
                self.too_many -= 1
                self.refused += 1
                return 429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                             "parameters": {"retry_after": 1}}
            fault = self.faults.pick(method)
            if fault == "429":
                return 429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                             "parameters": {"retry_after": 1}}
            if fault == "500":
                return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
            if fault == "dropped":
                return 0, {}
            self.calls.append((method, params))
        status, answer = self._act(method, params)
        if fault == "lost":
            with self.lock:
                self.lost.append((method, params))
            return 0, {}
        return status, answer

    def _act(self, method: str, params: dict) -> tuple[int, dict]:
        """What Telegram does with a call that reached it, and its answer."""
        text = params.get("text", "")
        if len(text) > 4096:
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"}
        for row in (params.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                if len(button.get("callback_data", "").encode()) > 64:
                    return 400, {"ok": False, "error_code": 400, "description": "Bad Request: BUTTON_DATA_INVALID"}
        if params.get("parse_mode") == "HTML" and html_problems(text):
            reason = html_problems(text)[0]
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: can't parse entities: {reason}"}
        code = params.get("language_code") or ""
        if method in PROFILE_METHODS and code and not (len(code) == 2 and code.isascii() and code.islower()):
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: invalid language code specified"}
        if method == "answerInlineQuery" and len(params.get("results", [])) > 50:
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: RESULTS_TOO_MUCH"}
        if method == "editMessageText" and int(params.get("message_id") or 0) in self.gone:
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: message to edit not found"}
        if method == "answerCallbackQuery" and params.get("callback_query_id") == "expired":
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: query is too old and response timeout expired or query ID is invalid"}
        if method == "getMe":
            return 200, {"ok": True, "result": BOT_USER}
        if method in {"sendMessage", "editMessageText"}:
            with self.lock:
                self.next_message += 1
                self.replied.setdefault(int(params.get("chat_id", 0)), time.perf_counter())
            chat = {"id": int(params.get("chat_id", 1)), "type": "private"}
            return 200, {"ok": True, "result": {"message_id": self.next_message, "date": 0, "chat": chat, "text": text}}
        return 200, {"ok": True, "result": True}

    def _handler(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                method = self.path.rsplit("/", 1)[-1]
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                params = {}
                for key, value in parse_qsl(body):
                    try:
                        params[key] = json.loads(value)
                    except ValueError:
                        params[key] = value
                status, payload = api._answer(method, params)
                if status == 0:  # drop the connection without an answer
                    self.close_connection = True
                    return
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client stopped waiting (shutdown)
                    pass

            def log_message(self, *args):
                pass

        return Handler
