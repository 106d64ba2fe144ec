"""The transport-free core: (language, input) -> Reply (text in Telegram HTML + buttons)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from . import callbacks as cb
from .contacts import Contact
from .content import Catalog
from .i18n import Translator, language_name
from .normalize import normalize
from .render import card_html, finish, heading
from .search import ANSWER_THRESHOLD, Searcher

CONFIDENT = 55.0  # a search this sure, and clearly ahead, opens the card directly


@dataclass(frozen=True)
class Button:
    label: str
    data: str | None = None  # callback data
    url: str | None = None
    switch_inline: str | None = None  # Telegram: share into another chat


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[tuple[Button, ...], ...]
    lang: str
    event: str = "menu"  # anonymous event name, for usage counts
    card_id: str | None = None


@dataclass(frozen=True)
class Shareable:
    """A card offered in inline mode, to send into any chat."""

    lang: str
    card_id: str
    title: str
    text: str  # the card, in Telegram HTML

    @property
    def id(self) -> str:
        return f"{self.lang}:{self.card_id}"  # at most 64 bytes: ids are at most 30 characters

    @property
    def payload(self) -> str:
        """The deep-link payload that opens the card in the bot."""
        return cb.payload(self.lang, self.card_id)


MAX_INLINE_RESULTS = 20  # Telegram allows 50


@dataclass
class Engine:
    catalog: Catalog
    translators: dict[str, Translator]
    contacts: tuple[Contact, ...] = ()
    searcher: Searcher | None = None  # built from the catalog when not given

    def __post_init__(self) -> None:
        if self.searcher is None:
            self.searcher = Searcher(self.catalog)

    # ---- inputs -------------------------------------------------------------------------
    def start(self, lang: str, payload: str | None = None) -> Reply:
        """/start, with an optional deep-link payload (`ar_health-doctor`, `fr`, `detention`)."""
        link_lang, target = cb.parse_payload(payload)
        if link_lang in self.catalog.languages:
            lang = link_lang
        elif link_lang and target is None:
            target = None
        if target in self.catalog.cards:
            return self._with_event(self.card(lang, target), "deep_link")
        if target in self.catalog.topics:
            return self._with_event(self.topic(lang, target), "deep_link")
        return self.welcome(lang)

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
        if press.verb == cb.LANGUAGES:
            return self.language_menu(lang)
        if press.verb == cb.HELP:
            return self.help(lang)
        if press.verb == cb.ABOUT:
            return self.about(lang)
        if press.verb == cb.PRIVACY:
            return self.privacy(lang)
        if press.verb == cb.CLEAR:
            return self.cleared(lang)
        if press.verb == cb.CONTACTS and self.contacts:
            return self.help_near_you(lang)
        return self.main_menu(lang)

    def command(self, lang: str, name: str, arg: str = "") -> Reply:
        handlers = {
            "start": lambda: self.start(lang, arg or None),
            "menu": lambda: self.main_menu(lang),
            "help": lambda: self.help(lang),
            "language": lambda: self.language_menu(lang),
            "privacy": lambda: self.privacy(lang),
            "about": lambda: self.about(lang),
        }
        return handlers.get(name.lower(), lambda: self.main_menu(lang))()

    def text(self, lang: str, message: str) -> Reply:
        """Free text: small talk, or a search."""
        folded = normalize(message[:300])
        if not folded:
            return self.not_understood(lang)
        kind = self._small_talk(lang, folded)
        if kind == "greeting":
            return self.welcome(lang)
        if kind == "thanks":
            tr = self.tr(lang)
            return self._reply(lang, tr.gettext("You are welcome. Take care. I am here if you need me."), [self._nav_row(lang)])
        if kind == "help":
            return self.help(lang)
        if kind == "menu":
            return self.main_menu(lang)
        return self.search(lang, message)

    def unsupported(self, lang: str) -> Reply:
        """Stickers, photos, voice notes, files, locations: never read."""
        tr = self.tr(lang)
        return self._menu_reply(lang, tr.gettext("I can only read text. Type a few words, or choose a topic:"), "unsupported")

    def error(self, lang: str) -> Reply:
        tr = self.tr(lang)
        return self._menu_reply(lang, tr.gettext("Sorry, something went wrong. Here is the menu:"), "error")

    # ---- screens ------------------------------------------------------------------------
    def tr(self, lang: str) -> Translator:
        return self.translators.get(lang) or self.translators["en"]

    def welcome(self, lang: str) -> Reply:
        tr = self.tr(lang)
        text = heading(
            tr.gettext("Hello. I explain the rights of migrants in plain words."),
            tr.gettext("If you are in danger, call the local emergency number now."),
            tr.gettext("Choose a topic, or type your question in your own words."),
        )
        return self._menu_reply(lang, text, "start", raw=True)

    def main_menu(self, lang: str) -> Reply:
        tr = self.tr(lang)
        return self._menu_reply(lang, tr.gettext("Choose a topic, or type your question in your own words."), "menu")

    def topic(self, lang: str, topic_id: str) -> Reply:
        tr = self.tr(lang)
        text = self.catalog.topic_text(topic_id, lang)
        rows = [(self._card_button(lang, cid),) for cid in self.catalog.topics[topic_id].cards]
        rows.append(self._nav_row(lang))
        return Reply(finish(heading(text.title, text.intro), tr), tuple(rows), lang, "topic")

    def shareable(self, lang: str, query: str) -> list[Shareable]:
        """Inline mode: `detention`, `ar detention` or a card id; the best cards to send into a chat."""
        words = query.strip()[:256].split(maxsplit=1)
        if words and words[0] in self.catalog.languages:
            lang, words = words[0], words[1:]
        text = " ".join(words)
        if text in self.catalog.cards:
            found = [(text, lang)]
        else:
            found = [(h.card_id, h.lang) for h in self.searcher.search_any(text, lang, MAX_INLINE_RESULTS)] if text else []
        return [
            Shareable(card_lang, card_id, self.catalog.card_text(card_id, card_lang)[0].title,
                      self.card(card_lang, card_id).text)
            for card_id, card_lang in found
        ]

    def card(self, lang: str, card_id: str, also: tuple[str, ...] = ()) -> Reply:
        tr = self.tr(lang)
        card = self.catalog.cards[card_id]
        related = list(dict.fromkeys((*also, *card.related)))
        rows: list[tuple[Button, ...]] = [(self._card_button(lang, r),) for r in related if r in self.catalog.cards and r != card_id]
        back = cb.encode(cb.TOPIC, lang, card.topic) if card.topic else cb.encode(cb.MAIN, lang)
        rows.append((Button(tr.gettext("⬅️ Back"), back), Button(tr.gettext("🏠 Main menu"), cb.encode(cb.MAIN, lang))))
        rows.append(
            (
                Button(tr.gettext("🌐 Language"), cb.encode(cb.LANGUAGES, lang)),
                Button(tr.gettext("📤 Send to a chat"), switch_inline=f"{lang} {card_id}"),
            )
        )
        text = card_html(self.catalog, card_id, lang, tr)
        local = [c for c in self.contacts if card.topic in c.topics]
        if local:
            text += finish("\n\n<b>" + escape(tr.gettext("Help near you")) + "</b>\n" + "\n\n".join(c.html() for c in local), tr)
            rows[-2:-2] = self._talk_rows(lang, local)
        return Reply(text, tuple(rows), lang, "card", card_id)

    def help_near_you(self, lang: str) -> Reply:
        tr = self.tr(lang)
        text = "<b>" + escape(tr.gettext("Help near you")) + "</b>\n\n" + "\n\n".join(c.html() for c in self.contacts)
        rows = [*self._talk_rows(lang, self.contacts), self._nav_row(lang)]
        return Reply(finish(text, tr), tuple(rows), lang, "contacts")

    def _talk_rows(self, lang: str, contacts) -> list[tuple[Button, ...]]:
        label = self.tr(lang).gettext("💬 Talk to a person")
        return [(Button(f"{label}: {c.name}"[:64], url=f"https://t.me/{c.telegram}"),) for c in contacts if c.telegram]

    def search(self, lang: str, query: str) -> Reply:
        tr = self.tr(lang)
        hits = [h for h in self.searcher.search_any(query, lang) if h.score >= ANSWER_THRESHOLD]
        if not hits:
            return self.not_understood(lang)
        found = hits[0].lang
        top = hits[0]
        if top.score >= CONFIDENT and (len(hits) == 1 or hits[1].score <= top.score - 15):
            reply = self.card(found, top.card_id, also=tuple(h.card_id for h in hits[1:3]))
            return self._with_event(reply, "search_answered")
        ftr = self.tr(found)
        rows = [(self._card_button(found, h.card_id),) for h in hits]
        rows.append(self._nav_row(found))
        return Reply(finish(escape(ftr.gettext("Here is what I found. Choose one:")), ftr), tuple(rows), found, "search_answered", top.card_id)

    def not_understood(self, lang: str) -> Reply:
        tr = self.tr(lang)
        text = tr.gettext(
            "Sorry, I did not find an answer to that. Try other words, like \"doctor\" or \"school\", or choose a topic:"
        )
        return self._menu_reply(lang, text, "search_unanswered")

    def language_menu(self, lang: str) -> Reply:
        tr = self.tr(lang)
        buttons = []
        for code, language in self.catalog.languages.items():
            label = language_name(code) + ("" if language.reviewed else " *")
            buttons.append(Button(label, cb.encode(cb.MAIN, code)))
        rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
        rows.append(self._nav_row(lang))
        note = tr.gettext("* not yet reviewed by a native speaker")
        text = heading(tr.gettext("Choose your language"), note if any(not l.reviewed for l in self.catalog.languages.values()) else "")
        return Reply(finish(text, tr), tuple(rows), lang, "languages")

    def help(self, lang: str) -> Reply:
        tr = self.tr(lang)
        text = heading(
            tr.gettext("How to use this bot"),
            tr.gettext("Tap a topic, then a question. Or type a few words, like \"doctor no papers\" or \"school\"."),
            tr.gettext("Each answer says what international human rights standards say, what you can do, and where it comes from."),
            tr.gettext("This is general information, not legal advice. Rules differ from country to country."),
        )
        return Reply(finish(text, tr), (self._nav_row(lang),), lang, "help")

    def about(self, lang: str) -> Reply:
        tr = self.tr(lang)
        text = heading(
            tr.gettext("About this bot"),
            tr.gettext("The answers come from the UN Human Rights Office's Principles and Guidelines on the human rights protection of migrants in vulnerable situations."),
            tr.gettext("These are international standards. They tell countries what they should do. They are not a law you can use in court in every country."),
            tr.gettext("This is general information, not legal advice. For your own case, talk to a lawyer or a trusted organisation."),
        )
        return Reply(finish(text, tr), (self._nav_row(lang),), lang, "about")

    def privacy(self, lang: str) -> Reply:
        tr = self.tr(lang)
        text = heading(
            tr.gettext("Your privacy"),
            tr.gettext("This bot does not keep your name, your number, your messages or where you are."),
            tr.gettext("It only counts, without knowing who asked, which topics are opened, so that helpers know what people need."),
            tr.gettext("To remove this chat from your phone, delete the chat in Telegram."),
            tr.gettext("The button below deletes the messages this bot sent you recently, where Telegram allows it."),
        )
        clear = (Button(tr.gettext("🧹 Clear this chat"), cb.encode(cb.CLEAR, lang)),)
        return Reply(finish(text, tr), (clear, self._nav_row(lang)), lang, "privacy")

    def cleared(self, lang: str) -> Reply:
        tr = self.tr(lang)
        text = tr.gettext("Done. I deleted the messages I could. Your own messages: hold one, tap Delete, or delete the whole chat.")
        return Reply(finish(escape(text), tr), (self._nav_row(lang),), lang, "cleared")

    # ---- helpers ------------------------------------------------------------------------
    def _small_talk(self, lang: str, folded: str) -> str | None:
        for code in dict.fromkeys((lang, "en")):
            for kind, words in self.catalog.languages[code].small_talk.items():
                if folded in {normalize(w) for w in words} or (kind == "help" and folded == ""):
                    return kind
        return None

    def _card_button(self, lang: str, card_id: str) -> Button:
        text, _ = self.catalog.card_text(card_id, lang)
        return Button(text.button, cb.encode(cb.CARD, lang, card_id))

    def _nav_row(self, lang: str) -> tuple[Button, ...]:
        tr = self.tr(lang)
        return (Button(tr.gettext("🏠 Main menu"), cb.encode(cb.MAIN, lang)), Button(tr.gettext("🌐 Language"), cb.encode(cb.LANGUAGES, lang)))

    def _menu_buttons(self, lang: str) -> tuple[tuple[Button, ...], ...]:
        tr = self.tr(lang)
        rows: list[tuple[Button, ...]] = []
        pair: list[Button] = []
        for item in self.catalog.main:
            if item in self.catalog.cards:
                rows.append((self._card_button(lang, item),))
                continue
            label = self.catalog.topic_text(item, lang).label
            pair.append(Button(label, cb.encode(cb.TOPIC, lang, item)))
            if len(pair) == 2:
                rows.append(tuple(pair))
                pair = []
        if pair:
            rows.append(tuple(pair))
        if self.contacts:
            rows.append((Button(tr.gettext("📍 Get help near you"), cb.encode(cb.CONTACTS, lang)),))
        rows.append((Button(tr.gettext("🌐 Language"), cb.encode(cb.LANGUAGES, lang)), Button(tr.gettext("ℹ️ About"), cb.encode(cb.ABOUT, lang))))
        rows.append((Button(tr.gettext("❓ Help"), cb.encode(cb.HELP, lang)), Button(tr.gettext("🔒 Privacy"), cb.encode(cb.PRIVACY, lang))))
        return tuple(rows)

    def _menu_reply(self, lang: str, text: str, event: str, raw: bool = False) -> Reply:
        tr = self.tr(lang)
        return Reply(finish(text if raw else escape(text), tr), self._menu_buttons(lang), lang, event)

    def _reply(self, lang: str, text: str, rows: list[tuple[Button, ...]]) -> Reply:
        return Reply(finish(escape(text), self.tr(lang)), tuple(rows), lang, "small_talk")

    @staticmethod
    def _with_event(reply: Reply, event: str) -> Reply:
        return Reply(reply.text, reply.buttons, reply.lang, event, reply.card_id)


def build_engine(catalog: Catalog | None = None, contacts_file=None) -> Engine:
    from .contacts import contacts_path, load_contacts
    from . import startup_cache
    from .i18n import load_translators

    searcher = None
    if catalog is None:  # the shipped content: parsed and indexed once, then loaded from the cache
        catalog, searcher = startup_cache.load()
    contacts = load_contacts(contacts_file or contacts_path(), set(catalog.topics))
    return Engine(catalog, load_translators(catalog.codes), contacts, searcher)
