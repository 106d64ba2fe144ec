"""Draw the bot's first screen as a 360-pixel-wide phone shows it, in every language.

    .venv/bin/python docs/first_screen.py            # docs/first_screen.html, and a text drawing on stdout
    chromium --headless --screenshot=docs/first_screen.png --window-size=1520,ROWS docs/first_screen.html
    (ROWS = 16 + 656 per row of four phones; fonts: docs/posters.md)

A mock, not Telegram itself: a chat 640 pixels high (status bar, header and input field included),
a message bubble and inline buttons at Telegram's Android sizes (44-pixel rows, 8 pixels apart).
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.console import plain  # noqa: E402
from bot.engine import build_engine  # noqa: E402
from bot.i18n import language_name, right_to_left  # noqa: E402
from bot.links import FONTS  # noqa: E402  (the posters' fonts: every script of every language)

STYLE = """
body { margin: 0; padding: 16px; background: #ddd; font-family: %s;
       display: flex; flex-wrap: wrap; gap: 16px; }
.phone { width: 360px; height: 640px; background: #b9d3a9; display: flex; flex-direction: column;
         overflow: hidden; border-radius: 6px; box-shadow: 0 1px 4px #0005; }
.status { height: 24px; background: #3c6e99; }
.header { height: 56px; background: #517da2; color: #fff; font-size: 17px; display: flex; align-items: center;
          padding: 0 16px; }
.chat { flex: 1; display: flex; flex-direction: column; justify-content: flex-end; padding: 6px 8px; gap: 4px; }
.bubble { background: #fff; border-radius: 10px; padding: 7px 10px; font-size: 15px; line-height: 20px;
          white-space: pre-wrap; max-width: 300px; }
.row { display: flex; gap: 4px; }
.button { flex: 1; height: 40px; border-radius: 8px; background: #0003; color: #fff; font-size: 14px;
          display: flex; align-items: center; justify-content: center; overflow: hidden; white-space: nowrap;
          text-overflow: ellipsis; padding: 0 6px; }
.input { height: 48px; background: #fff; color: #999; display: flex; align-items: center; padding: 0 16px; }
""" % FONTS


def phone(engine, lang: str) -> str:
    reply = engine.welcome(lang)
    direction = "rtl" if right_to_left(lang) else "ltr"
    rows = "".join(
        '<div class="row">' + "".join(f'<div class="button">{escape(b.label)}</div>' for b in row) + "</div>"
        for row in reply.buttons
    )
    return (f'<div class="phone" dir="{direction}"><div class="status"></div>'
            f'<div class="header">Rights bot · {escape(language_name(lang))}</div>'
            f'<div class="chat"><div class="bubble">{escape(plain(reply.text).strip())}</div>{rows}</div>'
            f'<div class="input">Message</div></div>')


def text_drawing(engine, lang: str, width: int = 44) -> str:
    reply = engine.welcome(lang)
    lines = ["┌" + "─" * width]
    lines += [f"│ {line}" for line in plain(reply.text).strip().splitlines()]
    lines.append("├" + "─" * width)
    for row in reply.buttons:
        cell = (width - 2 * len(row)) // len(row)
        lines.append("│" + " ".join(f"[{b.label:^{cell - 2}}]" for b in row))
    lines.append("└" + "─" * width)
    return "\n".join(lines)


def main() -> None:
    engine = build_engine()
    body = "".join(phone(engine, lang) for lang in engine.catalog.codes)
    out = Path(__file__).resolve().parent / "first_screen.html"
    out.write_text(f"<!doctype html><meta charset='utf-8'><style>{STYLE}</style><body>{body}</body>", encoding="utf-8")
    print(text_drawing(engine, "en"))


if __name__ == "__main__":
    main()
