"""The transport-free core: (language, input) -> Reply (text in Telegram HTML + buttons).

This module decides which screen answers an input; bot/screens.py draws the screens.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import callbacks as cb
from .content import Catalog
from .normalize import normalize
from .screens import Button, Reply, Screens  # noqa: F401  (Button and Reply: the engine's output types)
from .search import NONE, OPEN, Searcher


@dataclass(frozen=True)
class Shareable:
    """A card offered in inline mode, to send into any chat."""

    lang: str
    card_id: str
    title: str
    text: str  # the card, in Telegram HTML
    button: str = "🤖"  # the label of the button that opens the card in the bot, in the card's language

    @property
    def id(self) -> str:
        return f"{self.lang}:{self.card_id}"  # at most 64 bytes: ids are at most 30 characters

    @property
    def payload(self) -> str:
        """The deep-link payload that opens the card in the bot."""
        return cb.payload(self.lang, self.card_id)


MAX_INLINE_RESULTS = 20  # Telegram allows 50


@dataclass
class Engine(Screens):
    """What to show for each input: a command, a button press, a deep link, free text."""

    searcher: Searcher | None = None  # built from the catalog when not given

    def __post_init__(self) -> None:
        if self.searcher is None:
            self.searcher = Searcher(self.catalog)
        self._talk: dict[str, dict[str, str]] = {}  # small-talk words, folded once: language -> word -> kind
        for code, language in self.catalog.languages.items():
            for kind, words in language.small_talk.items():
                for word in words:
                    self._talk.setdefault(code, {}).setdefault(normalize(word), kind)

    # ---- inputs -------------------------------------------------------------------------
    def start(self, lang: str, payload: str | None = None) -> Reply:
        """/start, with an optional deep-link payload (`ar_health-doctor`, `fr`, `detention`)."""
        if not payload:
            return self.welcome(lang)
        link_lang, target = cb.parse_payload(payload)
        if link_lang in self.catalog.languages:
            lang = link_lang
        if target in self.catalog.cards:
            return self._with_event(self.card(lang, target), "deep_link")
        if target in self.catalog.topics:
            return self._with_event(self.topic(lang, target), "deep_link")
        if target is None and link_lang in self.catalog.languages:  # `fr`: the welcome in French
            return self.welcome(lang)
        note = self.tr(lang).gettext("Sorry, that link did not work.")
        return self._with_event(self.welcome(lang, note), "bad_link")

    def press(self, data: str | None) -> Reply:
        """A button press: everything needed is in its callback data."""
        press = cb.decode(data)
        if press is None or press.lang not in self.catalog.languages:
            return self.main_menu(press.lang if press and press.lang in self.catalog.languages else "en")
        lang, arg = press.lang, press.arg
        if press.verb == cb.CARD and arg in self.catalog.cards:
            return self.card(lang, arg)
        if press.verb == cb.TOPIC and arg in self.catalog.topics:
            return self.topic(lang, arg)
        if press.verb == cb.FEEDBACK and arg[:1] in "+-" and arg[1:] in self.catalog.cards:
            return self.thanks_for_feedback(lang, arg[1:], arg[0] == "+")
        screens = {
            cb.LANGUAGES: lambda: self.language_menu(lang, arg),
            cb.MORE: lambda: self.more_topics(lang),
            cb.HELP: lambda: self.help(lang),
            cb.ABOUT: lambda: self.about(lang),
            cb.PRIVACY: lambda: self.privacy(lang),
            cb.CLEAR: lambda: self.cleared(lang),
        }
        if press.verb == cb.CONTACTS and self.contacts:
            return self.help_near_you(lang)
        return screens.get(press.verb, lambda: self.main_menu(lang))()

    def command(self, lang: str, name: str, arg: str = "") -> Reply:
        handlers = {
            "start": lambda: self.start(lang, arg or None),
            "menu": lambda: self.main_menu(lang),
            "help": lambda: self.help(lang),
            "language": lambda: self.language_menu(lang),
            "privacy": lambda: self.privacy(lang),
            "about": lambda: self.about(lang),
        }
        if name.lower() in handlers:
            return handlers[name.lower()]()
        note = self.tr(lang).gettext("Sorry, I do not know that command.")
        return self.main_menu(lang, note, "unknown_command")

    def text(self, lang: str, message: str) -> Reply:
        """Free text: small talk, or a search."""
        folded = normalize(message[:300])
        if not folded:
            return self.help(lang) if message.strip() in ("?", "？", "؟") else self.not_understood(lang)
        kind = self._talk.get(lang, {}).get(folded) or self._talk.get("en", {}).get(folded)
        if kind == "greeting":
            return self.welcome(lang)
        if kind == "thanks":
            return self._reply(lang, self.tr(lang).gettext("You are welcome. Take care. I am here if you need me."), "small_talk")
        if kind == "help":
            return self.help(lang)
        if kind == "menu":
            return self.main_menu(lang)
        return self.search(lang, message)

    def unsupported(self, lang: str) -> Reply:
        """Stickers, photos without a caption, voice notes, locations: never read."""
        note = self.tr(lang).gettext("I can only read text. Type a few words, or choose a topic:")
        return self._menu_reply(lang, note, "unsupported")

    def error(self, lang: str) -> Reply:
        return self._menu_reply(lang, self.tr(lang).gettext("Sorry, something went wrong. Here is the menu:"), "error")

    def search(self, lang: str, query: str) -> Reply:
        """The search's decision (bot/search/decision.py): open the card, offer a list, or not found."""
        answer = self.searcher.answer(query, lang)
        if answer.decision == NONE:
            return replace(self.not_understood(lang), not_covered=answer.not_covered)
        hits = answer.hits
        if answer.decision == OPEN:
            reply = self.card(answer.lang, hits[0].card_id, also=tuple(h.card_id for h in hits[1:3]))
            return self._with_event(reply, "search_answered")
        return self.found(answer.lang, [h.card_id for h in hits], answer.not_covered)

    def not_understood(self, lang: str) -> Reply:
        text = self.tr(lang).gettext(
            "Sorry, I did not find an answer to that. Try other words, like \"doctor\" or \"school\", or choose a topic:"
        )
        return self._menu_reply(lang, text, "search_unanswered")

    def shareable(self, lang: str, query: str) -> list[Shareable]:
        """Inline mode: `detention`, `ar detention` or a card id; the best cards to send into a chat.

        A language named first is the language of every result, whatever language the words matched in.
        A code that is also a word of the person's language ("so", "am" in English) names a language
        only with a colon ("am: detention"), so "so my boss..." stays English.
        """
        words = query.strip()[:256].split(maxsplit=1)
        first = words[0].lower() if words else ""
        code = first.removesuffix(":")
        chosen = code if code in self.catalog.languages else None
        if chosen and not first.endswith(":") and chosen != lang and self.searcher.is_word(chosen, lang):
            chosen = None
        if chosen:
            lang, words = chosen, words[1:]
        text = " ".join(words)
        if text in self.catalog.cards:
            found = [(text, lang)]
        else:
            hits = self.searcher.search_any(text, lang, MAX_INLINE_RESULTS) if text else []
            found = [(h.card_id, chosen or h.lang) for h in hits]
        found = list(dict.fromkeys(found))
        return [
            Shareable(card_lang, card_id, self.catalog.card_text(card_id, card_lang)[0].title,
                      self.card(card_lang, card_id).text, self.tr(card_lang).gettext("🤖 Open in the bot"))
            for card_id, card_lang in found
        ]

    @staticmethod
    def _with_event(reply: Reply, event: str) -> Reply:
        return replace(reply, event=event)


def build_engine(catalog: Catalog | None = None, contacts_file=None) -> Engine:
    from .contacts import contacts_path, load_contacts
    from . import startup_cache
    from .i18n import load_translators

    searcher = None
    if catalog is None:  # the shipped content: parsed and indexed once, then loaded from the cache
        catalog, searcher = startup_cache.load()
    contacts = load_contacts(contacts_file or contacts_path(), set(catalog.topics))
    return Engine(catalog, load_translators(catalog.codes), contacts, searcher)
