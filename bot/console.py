"""The console chat: the same engine, menus as numbered choices; works with input piped on stdin."""

from __future__ import annotations

import html
import re
import sys
from typing import TextIO

from .engine import Engine, Reply
from .i18n import Translator

_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text)).replace("\u200f", "")


def show(reply: Reply, out: TextIO, tr: Translator) -> list[str]:
    """Print a reply and what to type next, in `tr`'s language; return the callback data of its numbered choices."""
    if reply.notice:  # Telegram shows it over the chat for a moment
        out.write(f"\n({reply.notice})\n")
    out.write("\n" + plain(reply.text) + "\n\n")
    choices: list[str] = []
    for row in reply.buttons:
        for button in row:
            if button.data:
                choices.append(button.data)
                out.write(f"  {len(choices):>2}. {button.label}\n")
            elif button.url:  # "Talk to a person": a link the person opens themselves
                out.write(f"   • {button.label}: {button.url}\n")
    # "q" quits in every language: each translation names it, whatever the language's own word
    out.write("\n" + tr.gettext("Type a number, or your question (q to quit).") + "\n")
    return choices


def chat(engine: Engine, lang: str = "en", stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> None:
    reply = engine.start(lang)
    choices = show(reply, out, engine.tr(reply.lang))
    for line in stdin:
        message = line.strip()
        if message.lower() in {"q", "quit", "exit"}:
            break
        if message.isdigit() and 1 <= int(message) <= len(choices):
            reply = engine.press(choices[int(message) - 1])
        elif message.startswith("/") and len(message) > 1:  # /privacy, /help, /start en_health-doctor
            name, _, arg = message[1:].partition(" ")
            reply = engine.command(lang, name.lower(), arg.strip())
        else:
            reply = engine.text(lang, message)
        lang = reply.lang
        choices = show(reply, out, engine.tr(lang))
        out.flush()
