"""Deep links, QR codes and printable posters for NGOs."""

from __future__ import annotations

import unicodedata
from html import escape
from pathlib import Path

import segno

from . import callbacks as cb
from .engine import Engine
from .i18n import language_name


def _without_emoji(label: str) -> str:
    """'🏥 Health' -> 'Health': the leading symbol of a topic label, when it has no letter in it."""
    first, _, rest = label.partition(" ")
    has_letter = any("LETTER" in unicodedata.name(c, "") for c in first)
    return label if has_letter or not rest else rest.strip()


def all_links(engine: Engine, bot: str, langs: list[str]) -> list[tuple[str, str, str]]:
    """(lang, target id, link) for the bot itself, every topic and every card."""
    catalog = engine.catalog
    rows = []
    for lang in langs:
        rows.append((lang, "", cb.deep_link(bot, lang)))
        rows += [(lang, t, cb.deep_link(bot, lang, t)) for t in catalog.topics]
        rows += [(lang, c, cb.deep_link(bot, lang, c)) for c in catalog.cards]
    return rows


# Fonts that cover every script of the bot's languages (Google's Noto families, free; Debian and Ubuntu:
# `fonts-noto-core`), then a generic fallback. A browser takes each letter from the first font that has
# it: Latin and Cyrillic from Noto Sans, Arabic script (Arabic, Persian, Pashto, Sorani) from Noto Naskh
# Arabic, Ethiopic (Amharic, Tigrinya) and Bengali from their Noto Sans. Urdu is read in Nastaliq first,
# which needs taller lines.
FONTS = ('"Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans Ethiopic", "Noto Sans Bengali", '
         '"DejaVu Sans", sans-serif')
SCRIPT_FONTS = {"ur": ('"Noto Nastaliq Urdu", ' + FONTS, 2.2)}  # lang -> (font-family, line-height)


def poster_style(lang: str) -> str:
    fonts, line_height = SCRIPT_FONTS.get(lang, (FONTS, 1.4))
    return (f"body{{font-family:{fonts};line-height:{line_height};max-width:40em;margin:2em auto;text-align:center}}\n"
            "ul{columns:2;text-align:start} .qr svg{width:18em;height:18em} .note{font-weight:bold}")


def _in_danger(engine: Engine, lang: str) -> str:
    """The urgent-help card's first paragraph ("If your life ... is in danger, call the local emergency
    number now."), translated with the cards, or nothing when the first screen has no card."""
    urgent = next((item for item in engine.catalog.main if item in engine.catalog.cards), None)
    return engine.catalog.card_text(urgent, lang)[0].body.split("\n\n")[0].strip() if urgent else ""


def poster(engine: Engine, bot: str, lang: str, qr_svg: str) -> str:
    tr = engine.tr(lang)
    # Without their emoji: a printer's or an old computer's fonts may not have them.
    topics = [_without_emoji(engine.catalog.topic_text(t, lang).label) for t in (*engine.catalog.main, *engine.catalog.more)
              if t in engine.catalog.topics]
    direction = "rtl" if tr.rtl else "ltr"
    items = "".join(f"<li>{escape(t)}</li>" for t in topics)
    # gettext outside the f-string, where pybabel finds it; the welcome's own words, translated everywhere.
    hello = tr.gettext("Hello. I explain migrants' rights in plain words.")
    private = tr.gettext("This bot does not keep your name, your number, your messages or where you are.")
    # dir="auto": a line still in English reads left to right in a right-to-left poster.
    return f"""<!doctype html>
<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8"><title>@{escape(bot)}</title>
<style>{poster_style(lang)}</style></head>
<body><h1><bdi dir="ltr">@{escape(bot)}</bdi></h1>
<h2 dir="auto">{escape(hello)}</h2>
<div class="qr">{qr_svg}</div>
<p dir="ltr">{escape(cb.deep_link(bot, lang))}</p>
<ul>{items}</ul>
<p class="note" dir="auto">{escape(private)}</p>
<p dir="auto">{escape(_in_danger(engine, lang))}</p>
<p>{escape(language_name(lang))}</p>
</body></html>
"""


def write_links(engine: Engine, bot: str, langs: list[str], out: Path) -> list[tuple[str, str, str]]:
    rows = all_links(engine, bot, langs)
    out.mkdir(parents=True, exist_ok=True)
    for lang, target, link in rows:
        qr = segno.make(link, error="m")
        name = f"{lang}_{target or 'start'}"
        qr.save(out / f"{name}.svg", scale=4)
        qr.save(out / f"{name}.png", scale=6)
        if not target:
            svg = qr.svg_inline(scale=6, omitsize=True)  # sized by the poster's CSS
            (out / f"poster_{lang}.html").write_text(poster(engine, bot, lang, svg), encoding="utf-8")
    return rows
