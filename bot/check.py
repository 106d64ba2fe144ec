"""Validate the content: every problem names the file and card at fault and how to fix it."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from . import callbacks as cb
from .content import ID_PATTERN, MAX_QUESTIONS, MIN_QUESTIONS, SOURCE_LANG, Catalog, ContentError, load_catalog
from .i18n import LIST_PATTERNS, TRANSLATIONS_DIR, BadListPattern, MissingCatalog, without_and
from .normalize import normalize
from .screens import MAX_ROWS
from .telegram_html import html_problems

SOURCE_TEXT = Path(__file__).resolve().parent.parent.parent / "shared" / "sources" / "000_89c746550c93c495.txt"
MAX_MESSAGE = 4096
MAX_TOPIC_LABEL = 24
MAX_CARD_LABEL = 64  # a full-width button: Telegram shows more, phones cut it short
MAX_SHORT_LABEL = 32  # a card's `label`: a whole button on a 360-pixel-wide phone
LABELLED = 0.9  # once this share of a language's cards has a label, the rest must have one too
MAX_PAIRED_LABEL = 18  # visible characters (emoji not counted) of a button that shares its row
MAX_FIRST_ROWS = MAX_ROWS  # rows of buttons on the first screen: it fits a 360x640 phone without scrolling
MAX_WELCOME = 160  # characters of the first screen's text: two short lines
# Guideline ranges of Principles 1-20 (CONTENT_GUIDE.md); used when the source text is not beside us.
RANGES = [(1, 6), (7, 11), (12, 18), (19, 26), (27, 35), (36, 45), (46, 50), (51, 59), (60, 65), (66, 72),
          (73, 78), (79, 87), (88, 92), (93, 97), (98, 102), (103, 107), (108, 113), (114, 119), (120, 124), (125, 132)]


def guideline_principles(source: Path = SOURCE_TEXT) -> dict[int, int]:
    """guideline number -> principle number, read from the OHCHR text (sections A-T are Principles 1-20)."""
    if not source.exists():
        return {g: p for p, (lo, hi) in enumerate(RANGES, 1) for g in range(lo, hi + 1)}
    mapping: dict[int, int] = {}
    principle = 0
    expected = 1
    for line in source.read_text(encoding="utf-8").splitlines():
        section = re.match(r"^\s*([A-T])\.\s+Principle", line)
        if section:
            principle = ord(section.group(1)) - ord("A") + 1
            continue
        number = re.match(r"^\s*(\d{1,3})\.\s", line)
        if principle and number and int(number.group(1)) == expected:
            mapping[expected] = principle
            expected += 1
    return mapping


def check_catalog(catalog: Catalog) -> list[str]:
    from .engine import build_engine

    problems = list(catalog.problems)
    en = f"{SOURCE_LANG}/cards"
    for item in (*catalog.topics, *catalog.cards):
        if not ID_PATTERN.match(item):
            problems.append(f"{item}: id must be 1-30 lowercase letters, digits or '-'; rename it")
    both = set(catalog.topics) & set(catalog.cards)
    problems += [f"menu.toml [{i}]: used as both a topic and a card id; rename one" for i in sorted(both)]
    for item in catalog.main:
        if item not in catalog.topics and item not in catalog.cards:
            problems.append(f"menu.toml [main]: '{item}' is neither a topic nor a card; fix the id")
    for item in catalog.more:
        if item not in catalog.topics:
            problems.append(f"menu.toml [more]: '{item}' is not a topic; fix the id")
    homes: dict[str, list[str]] = {}
    for topic in catalog.topics.values():
        for card_id in topic.cards:
            homes.setdefault(card_id, []).append(topic.id)
            if card_id not in catalog.cards:
                problems.append(f"menu.toml [topics.{topic.id}]: card '{card_id}' does not exist in {en}/")
        for lang in catalog.codes:
            if lang not in topic.texts:
                problems.append(f"{lang}/topics.toml [{topic.id}]: topic text is missing; add label, title, intro")
            elif shown_length(topic.texts[lang].label) > MAX_TOPIC_LABEL:
                problems.append(f"{lang}/topics.toml [{topic.id}]: label over {MAX_TOPIC_LABEL} characters; shorten it")
    shown = (*catalog.main, *catalog.more)
    reachable = set(catalog.main) | {c for t in shown if t in catalog.topics for c in catalog.topics[t].cards}
    principles = guideline_principles()
    for card in catalog.cards.values():
        where = f"{en}/{card.file} [{card.id}]"
        if len(homes.get(card.id, [])) != 1:
            problems.append(f"{where}: must be listed in exactly one topic in menu.toml (found {len(homes.get(card.id, []))})")
        if card.id not in reachable:
            problems.append(f"{where}: not reachable from the main menu; list it in a topic that `main` or `more` shows")
        for rel in card.related:
            if rel not in catalog.cards:
                problems.append(f"{where}: related card '{rel}' does not exist; fix or remove it")
        for source in card.sources:
            if not 1 <= source.principle <= 20:
                problems.append(f"{where}: principle {source.principle} does not exist (1-20)")
            for g in source.guidelines:
                if principles.get(g) != source.principle:
                    owner = principles.get(g)
                    hint = f"it belongs to principle {owner}" if owner else "there is no such guideline"
                    problems.append(f"{where}: guideline {g} is cited under principle {source.principle}, but {hint}")
    problems += question_problems(catalog)
    problems += label_problems(catalog)
    problems += not_covered_problems(catalog)
    problems += mixed_script_problems(catalog)
    try:
        engine = build_engine(catalog)
    except (MissingCatalog, BadListPattern) as error:
        return problems + [str(error)]
    problems += rendered_problems(engine)
    problems += list_pattern_problems(engine)
    problems += interface_problems(catalog.codes)
    return problems


def interface_problems(codes, directory: Path = TRANSLATIONS_DIR) -> list[str]:
    """Every interface string of the template translated in each offered language's catalog, with every
    plural form, and the compiled .mo made from the current .po; else the bot shows English there."""
    with (directory / "messages.pot").open("rb") as handle:
        template = [m.id for m in read_po(handle) if m.id]
    problems = []
    for code in codes:
        po_path = directory / code / "LC_MESSAGES" / "messages.po"
        if code == SOURCE_LANG or not po_path.exists():
            continue  # English is the template; a missing catalog is load_translators' error
        with po_path.open("rb") as handle:
            po = read_po(handle)
        where = f"translations/{code}/LC_MESSAGES/messages.po"
        for msgid in template:
            message = po.get(msgid)
            forms = () if message is None else message.string if isinstance(message.string, (list, tuple)) else (message.string,)
            wanted = po.num_plurals if isinstance(msgid, (list, tuple)) else 1
            name = msgid if isinstance(msgid, str) else msgid[0]
            if message is None or message.fuzzy or len(forms) != wanted or not all(forms):
                problems.append(f"{where}: '{name}' is not translated{' (marked fuzzy)' if message is not None and message.fuzzy else ''}"
                                f"; write its msgstr ({wanted} form{'s' * (wanted > 1)}), remove any '#, fuzzy' line, "
                                "then run pybabel compile -d translations")
        if _compiled(po) != _compiled_file(po_path.with_suffix(".mo")):
            problems.append(f"translations/{code}/LC_MESSAGES/messages.mo is older than its .po: run pybabel compile -d translations")
    return problems


def _compiled(po) -> dict:
    fresh = io.BytesIO()
    write_mo(fresh, po)
    fresh.seek(0)
    return compiled_translations(read_mo(fresh))


def _compiled_file(path: Path) -> dict | None:
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return compiled_translations(read_mo(handle))


def compiled_translations(catalog) -> dict:
    """Message id -> translation, for the messages a compiled catalog carries (not the .mo header,
    which names the Babel version)."""
    return {m.id if isinstance(m.id, str) else tuple(m.id): m.string if isinstance(m.string, str) else tuple(m.string)
            for m in catalog if m.id and not m.fuzzy and (all(m.string) if isinstance(m.string, (list, tuple)) else m.string)}


def list_pattern_problems(engine) -> list[str]:
    """Every language says 'and' in a list: Babel's CLDR root pattern ("79, 80, 81") does not."""
    problems = []
    for lang in engine.catalog.codes:
        tr = engine.tr(lang)
        if missing := without_and(tr):
            problems.append(f"translations/{LIST_PATTERNS}: Babel has no list pattern for '{lang}' and would write "
                            f"'{tr.join(['79', '80', '81'])}'; add a table [{lang}] with "
                            f"{', '.join(f'{key!r}' for key in missing)} (the file's comments say how)")
    return problems


def question_problems(catalog: Catalog) -> list[str]:
    """Example questions: 5-10 per card, enforced in a language once every card of it has some."""
    problems: list[str] = []
    for lang in catalog.codes:
        texts = [(c, c.texts[lang]) for c in catalog.cards.values() if lang in c.texts]
        if not texts or not all(t.questions for _, t in texts):
            continue
        for card, text in texts:
            if not MIN_QUESTIONS <= len(text.questions) <= MAX_QUESTIONS:
                problems.append(
                    f"{lang}/cards/{card.file} [{card.id}]: `questions` has {len(text.questions)}; "
                    f"write {MIN_QUESTIONS} to {MAX_QUESTIONS} example questions"
                )
            seen = [q.casefold() for q in text.questions]
            if len(set(seen)) != len(seen):
                problems.append(f"{lang}/cards/{card.file} [{card.id}]: `questions` repeats a question; remove the copy")
    return problems


def not_covered_problems(catalog: Catalog) -> list[str]:
    """A topic no card answers (search.toml `[not_covered]`) never uses a card's own keyword."""
    problems: list[str] = []
    for lang in catalog.codes:
        keywords = {normalize(k): card.id for card in catalog.cards.values() if lang in card.texts
                    for k in card.texts[lang].keywords}
        for topic, words in catalog.languages[lang].not_covered.items():
            for word in words:
                if normalize(word) in keywords:
                    problems.append(f"{lang}/search.toml [not_covered] {topic}: \"{word}\" is a keyword of card "
                                    f"'{keywords[normalize(word)]}', which answers it; remove it from one of them")
    return problems


_MIXED_WORD = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0400-\u04ff])\w+\b")


def mixed_script_problems(catalog: Catalog) -> list[str]:
    """A word that mixes Latin and Cyrillic letters is a typing or conversion slip ('wифи'): it reads
    wrong to people, and nobody types it."""
    problems: list[str] = []
    for lang in catalog.codes:
        for card in catalog.cards.values():
            text = card.texts.get(lang)
            if text is None:
                continue
            fields = (text.title, text.label or "", text.body, *text.actions, *text.keywords, *text.questions)
            for word in sorted({w for field in fields for w in _MIXED_WORD.findall(field)}):
                problems.append(f"{lang}/cards/{card.file} [{card.id}]: \"{word}\" mixes Latin and Cyrillic "
                                f"letters; write it in one script")
    return problems


def label_problems(catalog: Catalog) -> list[str]:
    """Card labels fit a phone's button; in a language that has (nearly) all of them, none is missing."""
    problems: list[str] = []
    for lang in catalog.codes:
        cards = [(card, card.texts[lang]) for card in catalog.cards.values() if lang in card.texts]
        labelled = sum(1 for _, text in cards if text.label)
        complete = cards and labelled >= LABELLED * len(cards)
        for card, text in cards:
            where = f"{lang}/cards/{card.file} [{card.id}]"
            if text.label and shown_length(text.label) > MAX_SHORT_LABEL:
                problems.append(f"{where}: `label` is {shown_length(text.label)} characters, over {MAX_SHORT_LABEL}; shorten it")
            elif not text.label and complete:
                problems.append(f"{where}: `label` is missing (the other cards in this language have one); "
                                f"add label = \"...\", at most {MAX_SHORT_LABEL} characters")
    return problems


def shown_length(label: str) -> int:
    """Characters that take room on a button: marks that sit on a letter (Bengali ্ and ু, Arabic
    harakat) and zero-width joiners are not counted, so a Bengali label is not judged longer than it looks."""
    return sum(1 for ch in label if unicodedata.category(ch) not in {"Mn", "Cf"})


def visible_length(label: str) -> int:
    """Characters a reader sees as letters: emoji, their joiners and variation selectors not counted."""
    def emoji(ch: str) -> bool:
        return unicodedata.category(ch) in {"So", "Sk"} or ch in "\u200d\ufe0f\u20e3\u2139" or 0x1F000 <= ord(ch) <= 0x1FAFF
    return shown_length("".join(ch for ch in label if not emoji(ch)).strip())


def first_screen_problems(engine) -> list[str]:
    """The first screen fits a 360x640 phone: a short welcome and few rows of buttons."""
    from .console import plain

    problems = []
    for lang in engine.catalog.codes:
        welcome = engine.welcome(lang)
        if len(plain(welcome.text)) > MAX_WELCOME:
            problems.append(f"translations/{lang}: the welcome is {len(plain(welcome.text))} characters, over {MAX_WELCOME}; shorten it")
        if len(welcome.buttons) > MAX_FIRST_ROWS:
            problems.append(f"menu.toml [main]: the first screen has {len(welcome.buttons)} rows of buttons in {lang}, "
                            f"over {MAX_FIRST_ROWS}; move topics from `main` to `more`")
        for page in range(len(engine.language_pages())):
            menu = engine.language_menu(lang, cb.screen(cb.CARD, "x", page))
            if len(menu.buttons) > MAX_FIRST_ROWS:
                problems.append(f"bot/screens.py: page {page + 1} of the language menu has {len(menu.buttons)} rows "
                                f"of buttons in {lang}, over {MAX_FIRST_ROWS}; give it fewer languages a page")
    return problems


def rendered_problems(engine) -> list[str]:
    """Every message the bot can send fits Telegram: length, HTML, buttons, callback data, deep links."""
    catalog = engine.catalog
    problems: list[str] = []
    screens = []
    for lang in catalog.codes:
        screens += [(f"{lang} main menu", engine.main_menu(lang))]
        screens += [(f"{lang} languages, page {p + 1}", engine.language_menu(lang, cb.screen(cb.MAIN, "", p)))
                    for p in range(len(engine.language_pages()))]
        screens += [(f"{lang} welcome", engine.welcome(lang)), (f"{lang} more topics", engine.more_topics(lang))]
        screens += [(f"{lang} help", engine.help(lang)), (f"{lang} about", engine.about(lang)), (f"{lang} privacy", engine.privacy(lang))]
        screens += [(f"{lang}/topics.toml [{t}]", engine.topic(lang, t)) for t in catalog.topics]
        screens += [(f"{lang}/cards/{c.file} [{c.id}]", engine.card(lang, c.id)) for c in catalog.cards.values()]
        for target in (*catalog.topics, *catalog.cards):
            try:
                cb.payload(lang, target)
            except ValueError as error:
                problems.append(f"[{target}]: {error}")
    too_wide: set[str] = set()
    for name, reply in screens:
        if len(reply.text) > MAX_MESSAGE:
            problems.append(f"{name}: message is {len(reply.text)} characters, over {MAX_MESSAGE}; shorten it or split the card")
        problems += [f"{name}: {p}" for p in html_problems(reply.text)]
        for row in reply.buttons:
            for button in row:
                if len(row) == 1 and shown_length(button.label) > MAX_CARD_LABEL:
                    problems.append(f"{name}: button '{button.label}' is over {MAX_CARD_LABEL} characters; shorten it")
                elif len(row) > 1 and visible_length(button.label) > MAX_PAIRED_LABEL and button.label not in too_wide:
                    too_wide.add(button.label)  # reported once, on the first screen that shows it
                    problems.append(f"{name}: button '{button.label}' shares its row and is over {MAX_PAIRED_LABEL} "
                                    "characters (emoji not counted); shorten it")
    return problems + first_screen_problems(engine)


def run_check(root: Path | None = None) -> list[str]:
    from .contacts import ContactsError, contacts_path, load_contacts

    try:
        catalog = load_catalog(root, drafts=True) if root else load_catalog(drafts=True)
    except ContentError as error:
        return [str(error)]
    try:
        load_contacts(contacts_path(), set(catalog.topics))
    except ContactsError as error:
        return [str(error)]
    try:
        load_wording_data(catalog)
    except ContentError as error:
        return [str(error)]
    return check_catalog(catalog)


def load_wording_data(catalog: Catalog) -> None:
    """Read the strength tables, glossaries and review records, so that a mistake in them is a problem."""
    from .glossary import load_glossary
    from .reviews import load_reviews
    from .strength import load_strength

    load_glossary(catalog.root, catalog.codes)
    for lang in catalog.codes:
        load_strength(catalog.root, lang)
        load_reviews(catalog.root, lang, catalog.cards)
