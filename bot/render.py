"""Turn content into message text in Telegram's HTML subset, with right-to-left lines kept right."""

from __future__ import annotations

from html import escape

from .content import Catalog, Source
from .i18n import Translator

RLM = "\u200f"  # RIGHT-TO-LEFT MARK: a line that starts with "1.", "UN" or "•" still reads right to left
BULLET = "•"


def rtl_lines(text: str) -> str:
    """Start every non-empty line with a right-to-left mark."""
    return "\n".join(RLM + line if line.strip() else line for line in text.split("\n"))


def finish(text: str, tr: Translator) -> str:
    return rtl_lines(text) if tr.rtl else text


def sources_line(sources: tuple[Source, ...], tr: Translator) -> str:
    parts = []
    for source in sources:
        numbers = tr.join([tr.number(g) for g in source.guidelines])
        parts.append(
            tr.ngettext(
                "principle %(principle)s, guideline %(numbers)s",
                "principle %(principle)s, guidelines %(numbers)s",
                len(source.guidelines),
            )
            % {"principle": tr.number(source.principle), "numbers": numbers}
        )
    return tr.gettext("Source: UN Principles and Guidelines on migrants in vulnerable situations, %(list)s.") % {
        "list": tr.join_groups(parts)
    }


def card_html(catalog: Catalog, card_id: str, lang: str, tr: Translator) -> str:
    """The full message for one card."""
    card = catalog.cards[card_id]
    text, _ = catalog.card_text(card_id, lang)
    paragraphs = [escape(p.strip()) for p in text.body.split("\n\n") if p.strip()]
    actions = "\n".join(f"{BULLET} {escape(a)}" for a in text.actions)
    what_you_can_do = tr.gettext("What you can do")  # outside the f-string, where pybabel finds it
    parts = [
        f"<b>{escape(text.title)}</b>",
        *paragraphs,
        f"<b>{escape(what_you_can_do)}</b>\n{actions}",
        "<i>"
        + escape(
            tr.gettext(
                "This is general information, not legal advice. Rules differ from country to country."
            )
        )
        + "</i>",
        f"<i>{escape(sources_line(card.sources, tr))}</i>",
    ]
    return finish("\n\n".join(parts), tr)


def heading(title: str, *lines: str) -> str:
    """A bold title and plain paragraphs, escaped."""
    return "\n\n".join([f"<b>{escape(title)}</b>", *(escape(line) for line in lines if line)])
