"""The screens the bot draws: text in Telegram HTML and the buttons under it, for one language.

Every screen knows where it is (a callback verb and argument), so its 🌐 button can reopen it in
another language and no button on it leads back to itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from . import callbacks as cb
from .contacts import Contact
from .content import Catalog
from .i18n import Translator, language_name
from .render import card_html, finish, heading


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
    notice: str | None = None  # a short note shown over the chat (Telegram: the answer to a button press)
    not_covered: str | None = None  # a search matched this topic no card answers (search.toml), counted apart


Rows = list[tuple[Button, ...]]
MAX_ROWS = 8  # rows of buttons a 360x640 phone shows under two short lines without scrolling (README)


@dataclass
class Screens:
    catalog: Catalog
    translators: dict[str, Translator]
    contacts: tuple[Contact, ...] = ()
    _card_texts: dict[tuple[str, str], str] = field(default_factory=dict, init=False, repr=False)

    def tr(self, lang: str) -> Translator:
        return self.translators.get(lang) or self.translators["en"]

    # ---- the first screen ------------------------------------------------------------------
    def welcome(self, lang: str, note: str = "") -> Reply:
        """/start: two short lines over the first screen's buttons."""
        tr = self.tr(lang)
        lines = [note] if note else []
        lines += [tr.gettext("Hello. I explain migrants' rights in plain words."),
                  tr.gettext("In danger? Tap 🆘. Or tap a topic, or type your question.")]
        return self._menu_reply(lang, "\n".join(lines), "start")

    def main_menu(self, lang: str, note: str = "", event: str = "menu") -> Reply:
        tr = self.tr(lang)
        text = tr.gettext("Choose a topic, or type your question in your own words.")
        return self._menu_reply(lang, f"{note}\n{text}" if note else text, event)

    def more_topics(self, lang: str) -> Reply:
        tr = self.tr(lang)
        rows = self._topic_rows(lang, self.catalog.more)
        rows.append((self._home(lang), self._language_button(lang, cb.MORE)))
        return Reply(finish(heading(tr.gettext("More topics")), tr), tuple(rows), lang, "more")

    # ---- topics and cards ------------------------------------------------------------------
    def topic(self, lang: str, topic_id: str) -> Reply:
        tr = self.tr(lang)
        text = self.catalog.topic_text(topic_id, lang)
        rows: Rows = [(self._card_button(lang, cid),) for cid in self.catalog.topics[topic_id].cards]
        if topic_id in self.catalog.main:
            rows.append((self._home(lang), self._language_button(lang, cb.TOPIC, topic_id)))
        else:
            rows.append((self._back(lang, cb.encode(cb.MORE, lang)), self._home(lang)))
            rows.append((self._language_button(lang, cb.TOPIC, topic_id),))
        return Reply(finish(heading(text.title, text.intro), tr), tuple(rows), lang, "topic")

    def card(self, lang: str, card_id: str, also: tuple[str, ...] = (), feedback: bool = True) -> Reply:
        tr = self.tr(lang)
        card = self.catalog.cards[card_id]
        rows: Rows = [self._feedback_row(lang, card_id)] if feedback else []
        related = dict.fromkeys((*also, *card.related))
        rows += [(self._card_button(lang, r),) for r in related if r in self.catalog.cards and r != card_id]
        text = self._card_texts.get((lang, card_id))
        if text is None:  # the content never changes while the bot runs: each card is drawn once
            text = self._card_texts[(lang, card_id)] = card_html(self.catalog, card_id, lang, tr)
        local = [c for c in self.contacts if card.topic in c.topics]
        if local:
            text += finish("\n\n<b>" + escape(tr.gettext("Help near you")) + "</b>\n" + "\n\n".join(c.html() for c in local), tr)
            rows += self._talk_rows(lang, local)
        on_first_screen = card_id in self.catalog.main or not card.topic
        rows.append((self._home(lang),) if on_first_screen else (self._back(lang, cb.encode(cb.TOPIC, lang, card.topic)), self._home(lang)))
        rows.append((self._language_button(lang, cb.CARD, card_id),
                     Button(tr.gettext("📤 Send to a chat"), switch_inline=f"{lang} {card_id}")))
        return Reply(text, tuple(rows), lang, "card", card_id)

    def thanks_for_feedback(self, lang: str, card_id: str, helpful: bool) -> Reply:
        """👍 / 👎 pressed: the same card without the question, and a thank-you note."""
        reply = self.card(lang, card_id, feedback=False)
        notice = self.tr(lang).gettext("Thank you. This helps us make the answers better.")
        return Reply(reply.text, reply.buttons, lang, "helpful" if helpful else "not_helpful", card_id, notice)

    def found(self, lang: str, card_ids: list[str], not_covered: str | None = None) -> Reply:
        """A search that found several cards: choose one. `not_covered`: the question is also about this topic
        no card answers (a lost passport), and the cards answer the rest of it."""
        tr = self.tr(lang)
        rows: Rows = [(self._card_button(lang, c),) for c in card_ids]
        rows.append(self._nav_row(lang, cb.MAIN))
        lead = (tr.gettext("I cannot answer all of that. These answers may help with part of it. Choose one:")
                if not_covered else tr.gettext("Here is what I found. Choose one:"))
        text = finish(escape(lead), tr)
        return Reply(text, tuple(rows), lang, "search_answered", card_ids[0], not_covered=not_covered)

    def help_near_you(self, lang: str) -> Reply:
        tr = self.tr(lang)
        text = "<b>" + escape(tr.gettext("Help near you")) + "</b>\n\n" + "\n\n".join(c.html() for c in self.contacts)
        rows = [*self._talk_rows(lang, self.contacts), self._nav_row(lang, cb.CONTACTS)]
        return Reply(finish(text, tr), tuple(rows), lang, "contacts")

    # ---- languages, help, about, privacy ---------------------------------------------------
    def language_pages(self) -> list[tuple[str, ...]]:
        """The languages, two to a row, in pages that fit a phone with the rows under them."""
        codes = tuple(self.catalog.languages)
        fits = 2 * (MAX_ROWS - 1)  # every language, and the row of Back / Main menu
        per_page = len(codes) if len(codes) <= fits else 2 * (MAX_ROWS - 2)  # and a row to turn pages
        return [codes[i : i + per_page] for i in range(0, len(codes), per_page)]

    def language_menu(self, lang: str, back: str = "") -> Reply:
        """Each language reopens the screen the person came from (`back`, as cb.screen gives it)."""
        tr = self.tr(lang)
        verb, arg = cb.parse_screen(back)
        pages = self.language_pages()
        page = min(cb.screen_page(back), len(pages) - 1)
        buttons = []
        for code in pages[page]:
            label = language_name(code) + ("" if self.catalog.languages[code].reviewed else " *")
            buttons.append(Button(label, cb.encode(verb, code, arg)))
        rows: Rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
        if len(pages) > 1:  # numbers and arrows: no words to translate, the same in every language
            turn = [(page - 1, f"◀️ {page}/{len(pages)}"), (page + 1, f"{page + 2}/{len(pages)} ▶️")]
            rows.append(tuple(Button(label, cb.encode(cb.LANGUAGES, lang, cb.screen(verb, arg, to)))
                              for to, label in turn if 0 <= to < len(pages)))
        if verb == cb.MAIN:
            rows.append((self._home(lang),))
        else:
            rows.append((self._back(lang, cb.encode(verb, lang, arg)), self._home(lang)))
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
        return Reply(finish(text, tr), (self._nav_row(lang, cb.HELP),), lang, "help")

    def about(self, lang: str) -> Reply:
        tr = self.tr(lang)
        text = heading(
            tr.gettext("About this bot"),
            tr.gettext("The answers come from the UN Human Rights Office's Principles and Guidelines on the human rights protection of migrants in vulnerable situations."),
            tr.gettext("These are international standards. They tell countries what they should do. They are not a law you can use in court in every country."),
            tr.gettext("This is general information, not legal advice. For your own case, talk to a lawyer or a trusted organisation."),
        )
        return Reply(finish(text, tr), (self._nav_row(lang, cb.ABOUT),), lang, "about")

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
        return Reply(finish(text, tr), (clear, self._nav_row(lang, cb.PRIVACY)), lang, "privacy")

    def cleared(self, lang: str) -> Reply:
        tr = self.tr(lang)
        text = tr.gettext("Done. I deleted the messages I could. Your own messages: hold one, tap Delete, or delete the whole chat.")
        return Reply(finish(escape(text), tr), (self._nav_row(lang, cb.MAIN),), lang, "cleared")

    # ---- buttons -----------------------------------------------------------------------------
    def _card_button(self, lang: str, card_id: str) -> Button:
        text, _ = self.catalog.card_text(card_id, lang)
        return Button(text.button, cb.encode(cb.CARD, lang, card_id))

    def _topic_rows(self, lang: str, items) -> Rows:
        """Topics two to a row (their labels are short); a card on its own row."""
        rows: Rows = []
        pair: list[Button] = []
        for item in items:
            if item in self.catalog.cards:  # wears its topic's emoji, like the topics around it (🆘)
                button = self._card_button(lang, item)
                topic = self.catalog.cards[item].topic
                emoji = self.catalog.topic_text(topic, lang).label.split(" ")[0] if topic else ""
                label = f"{emoji} {button.label}" if emoji and not emoji[0].isalnum() else button.label
                rows.append((Button(label, button.data),))
            elif item in self.catalog.topics:
                pair.append(Button(self.catalog.topic_text(item, lang).label, cb.encode(cb.TOPIC, lang, item)))
            if len(pair) == 2:
                rows.append(tuple(pair))
                pair = []
        if pair:
            rows.append(tuple(pair))
        return rows

    def _feedback_row(self, lang: str, card_id: str) -> tuple[Button, ...]:
        tr = self.tr(lang)
        return (Button(tr.gettext("👍 Helpful"), cb.encode(cb.FEEDBACK, lang, f"+{card_id}")),
                Button(tr.gettext("👎 Not helpful"), cb.encode(cb.FEEDBACK, lang, f"-{card_id}")))

    def _talk_rows(self, lang: str, contacts) -> Rows:
        label = self.tr(lang).gettext("💬 Talk to a person")
        return [(Button(f"{label}: {c.name}"[:64], url=f"https://t.me/{c.telegram}"),) for c in contacts if c.telegram]

    def _home(self, lang: str) -> Button:
        return Button(self.tr(lang).gettext("🏠 Main menu"), cb.encode(cb.MAIN, lang))

    def _back(self, lang: str, data: str) -> Button:
        return Button(self.tr(lang).gettext("⬅️ Back"), data)

    def _language_button(self, lang: str, verb: str, arg: str = "") -> Button:
        return Button(self.tr(lang).gettext("🌐 Language"), cb.encode(cb.LANGUAGES, lang, cb.screen(verb, arg)))

    def _nav_row(self, lang: str, here: str, arg: str = "") -> tuple[Button, ...]:
        """Main menu and Language, for a screen that is not the main menu."""
        return (self._home(lang), self._language_button(lang, here, arg))

    def _menu_buttons(self, lang: str) -> tuple[tuple[Button, ...], ...]:
        """The first screen: urgent help and the most asked topics, More topics, then the bot's own pages."""
        tr = self.tr(lang)
        rows = self._topic_rows(lang, self.catalog.main)
        if self.catalog.more:
            rows.append((Button(tr.gettext("➕ More topics"), cb.encode(cb.MORE, lang)),))
        if self.contacts:
            rows.append((Button(tr.gettext("📍 Get help near you"), cb.encode(cb.CONTACTS, lang)),))
        rows.append((self._language_button(lang, cb.MAIN), Button(tr.gettext("❓ Help"), cb.encode(cb.HELP, lang))))
        rows.append((Button(tr.gettext("🛡️ Privacy"), cb.encode(cb.PRIVACY, lang)), Button(tr.gettext("ℹ️ About"), cb.encode(cb.ABOUT, lang))))
        return tuple(rows)

    def _menu_reply(self, lang: str, text: str, event: str) -> Reply:
        return Reply(finish(escape(text), self.tr(lang)), self._menu_buttons(lang), lang, event)

    def _reply(self, lang: str, text: str, event: str) -> Reply:
        """A short note with the way home."""
        return Reply(finish(escape(text), self.tr(lang)), (self._nav_row(lang, cb.MAIN),), lang, event)
