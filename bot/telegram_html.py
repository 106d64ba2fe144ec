"""Telegram's HTML subset: what Telegram parses without "can't parse entities".

One checker for `check`, the tests and the fake Bot API server, so they cannot disagree.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "blockquote",
        "span", "tg-emoji"}
# An '&' that does not start one of the entities Telegram knows: &lt; &gt; &amp; &quot; and numeric ones.
BAD_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);)")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # keep entities apart, to check them
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in TAGS:
            self.errors.append(f"tag <{tag}> is not in Telegram's HTML subset")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"closing </{tag}> does not match an open tag")

    def handle_data(self, data: str) -> None:
        if "<" in data:
            self.errors.append("a bare '<' must be written &lt;")


def html_problems(text: str) -> list[str]:
    """Why Telegram would refuse `text` in HTML parse mode; empty when it would accept it."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    ampersand = ["a bare '&' must be written &amp; (or use &lt; &gt; &amp; &quot;)"] if BAD_AMPERSAND.search(text) else []
    return checker.errors + [f"unclosed <{tag}>" for tag in reversed(checker.stack)] + ampersand
