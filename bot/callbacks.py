"""The navigation state carried in buttons' callback data and in deep links, and nowhere else.

Callback data is `verb|lang|arg` (at most 64 bytes); a deep-link payload is `lang_id`, `id` or
`lang` (at most 64 characters of A-Z a-z 0-9 _ -). Anything else decodes to None: the main menu.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CALLBACK_BYTES = 64
MAX_PAYLOAD_CHARS = 64
PAYLOAD_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

MAIN = "m"      # main menu (also how a language is chosen: the main menu in that language)
TOPIC = "t"     # a topic's list of cards
CARD = "c"      # one card
LANGUAGES = "l"  # the language menu
HELP = "h"
PRIVACY = "p"
ABOUT = "a"
CONTACTS = "g"  # local help contacts ("Get help near you")
CLEAR = "x"     # delete the bot's messages in this chat (front ends that can)
MORE = "o"      # the topics that are not on the first screen
FEEDBACK = "f"  # 👍 / 👎 under a card: arg is "+card-id" or "-card-id"
VERBS = {MAIN, TOPIC, CARD, LANGUAGES, HELP, PRIVACY, ABOUT, CONTACTS, CLEAR, MORE, FEEDBACK}
SCREENS = {MAIN, TOPIC, CARD, HELP, PRIVACY, ABOUT, CONTACTS, MORE}  # what the language menu can reopen


@dataclass(frozen=True)
class Press:
    verb: str
    lang: str
    arg: str = ""


def encode(verb: str, lang: str, arg: str = "") -> str:
    data = f"{verb}|{lang}|{arg}"
    if len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data {data!r} is over {MAX_CALLBACK_BYTES} bytes; shorten the id")
    return data


def decode(data: str | None) -> Press | None:
    """The button pressed, or None when the data is forged, stale or unreadable."""
    if not data or len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        return None
    parts = data.split("|")
    if len(parts) != 3 or parts[0] not in VERBS:
        return None
    return Press(*parts)


def screen(verb: str, arg: str = "", page: int = 0) -> str:
    """The language menu's arg: the screen to reopen in the language chosen, `c:health-doctor`;
    a page of the menu after the first is its number in front, `1c:health-doctor`."""
    return f"{page or ''}{verb}:{arg}"


def parse_screen(arg: str) -> tuple[str, str]:
    """(verb, arg) of the screen the language menu came from; the main menu when unreadable."""
    verb, _, target = arg.lstrip("0123456789").partition(":")
    return (verb, target) if verb in SCREENS else (MAIN, "")


def screen_page(arg: str) -> int:
    """The page of the language menu that `arg` asks for: 0, the first, unless a number leads it."""
    digits = arg[: len(arg) - len(arg.lstrip("0123456789"))]
    return int(digits) if digits else 0


def payload(lang: str, target: str = "") -> str:
    value = f"{lang}_{target}" if target else lang
    if not PAYLOAD_PATTERN.match(value):
        raise ValueError(f"deep-link payload {value!r} is not 1-64 characters of A-Z a-z 0-9 _ -")
    return value


def deep_link(bot: str, lang: str, target: str = "") -> str:
    """The t.me link that opens `target` (a card or topic id, or nothing) in `lang`."""
    return f"https://t.me/{bot}?start={payload(lang, target)}"


def parse_payload(value: str | None) -> tuple[str | None, str | None]:
    """(language, topic-or-card id) from a deep-link payload; either may be None."""
    if not value or not PAYLOAD_PATTERN.match(value):
        return None, None
    lang, underscore, target = value.lower().partition("_")  # QR readers and people sometimes shout
    if not target:
        if underscore:  # `en_`: the link was cut short
            return lang, ""
        return (lang, None) if len(lang) <= 3 else (None, lang)
    return lang, target
