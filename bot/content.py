"""Load the rights content (content/*.toml) into immutable, typed objects, once, at start."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

SOURCE_LANG = "en"
CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$")
LANG_PATTERN = re.compile(r"^[a-z]{2,3}$")
SMALL_TALK_KINDS = ("greeting", "thanks", "help", "menu")
MIN_QUESTIONS, MAX_QUESTIONS = 5, 10  # example questions per card per language, once a language has them


class ContentError(Exception):
    """A content file cannot be read; the message names the file (and card) and the fix."""

    def __init__(self, path: Path | str, message: str, item: str | None = None):
        where = f"{path}" + (f" [{item}]" if item else "")
        super().__init__(f"{where}: {message}")
        self.path, self.item, self.reason = str(path), item, message


@dataclass(frozen=True)
class Source:
    principle: int
    guidelines: tuple[int, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"principle": self.principle, "guidelines": list(self.guidelines)}


@dataclass(frozen=True)
class CardText:
    title: str
    body: str
    actions: tuple[str, ...]
    keywords: tuple[str, ...]
    source_hash: str | None = None  # fingerprint of the English card this translates
    questions: tuple[str, ...] = ()  # example questions as people ask them; searched, not translated
    label: str | None = None  # the short button text; not part of the fingerprint

    @property
    def button(self) -> str:
        """What a button that opens this card says: its label, or its title until it has one."""
        return self.label or self.title


@dataclass(frozen=True)
class Card:
    id: str
    topic: str
    file: str  # file name under content/<lang>/cards/, e.g. "health.toml"
    sources: tuple[Source, ...]
    related: tuple[str, ...]
    texts: Mapping[str, CardText]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.texts[SOURCE_LANG])


@dataclass(frozen=True)
class TopicText:
    label: str
    title: str
    intro: str


@dataclass(frozen=True)
class Topic:
    id: str
    cards: tuple[str, ...]
    texts: Mapping[str, TopicText]


@dataclass(frozen=True)
class Language:
    code: str
    reviewed: bool
    small_talk: Mapping[str, tuple[str, ...]]  # kind -> words people type ("hi", "thanks"...)
    stop_words: tuple[str, ...] = ()  # words and phrases that say little about which card answers
    offered: bool = True  # False while the language is being written: checked, but not in the bot
    glued_prefixes: tuple[str, ...] = ()  # stop words people type stuck to the next word (Persian "آیا")
    suffixes: tuple[str, ...] = ()  # endings search takes off a word where Snowball has no stemmer
    folds: Mapping[str, str] = field(default_factory=dict)  # spellings one language reads as one ("aa" -> "a")
    # topics no card answers -> the words people ask about them with ("driving licence")
    not_covered: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    read_as: Mapping[str, str] = field(default_factory=dict)  # whole words the stemmer misreads -> the word they are
    latin: Mapping[str, str] = field(default_factory=dict)  # Latin letters people type -> the language's own ("zh" -> "ж")


@dataclass(frozen=True)
class Catalog:
    root: Path
    languages: Mapping[str, Language]
    main: tuple[str, ...]  # the first screen: topic and card ids
    topics: Mapping[str, Topic]
    cards: Mapping[str, Card]
    problems: tuple[str, ...] = field(default=())  # non-fatal load problems, for `check`
    more: tuple[str, ...] = ()  # the topics behind "More topics"

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.languages)

    def card_text(self, card_id: str, lang: str) -> tuple[CardText, str]:
        """The card in `lang`, or in English when it is not translated; with the language used."""
        texts = self.cards[card_id].texts
        if lang in texts:
            return texts[lang], lang
        return texts[SOURCE_LANG], SOURCE_LANG

    def topic_text(self, topic_id: str, lang: str) -> TopicText:
        texts = self.topics[topic_id].texts
        return texts.get(lang) or texts[SOURCE_LANG]

    def is_stale(self, card_id: str, lang: str) -> bool:
        card = self.cards[card_id]
        text = card.texts.get(lang)
        return lang != SOURCE_LANG and text is not None and text.source_hash != card.fingerprint


def fingerprint(text: CardText) -> str:
    """A short hash of what a translator translates: changes when the English meaning may have."""
    joined = "\x1f".join((text.title, text.body.strip(), *text.actions))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]


def read_toml(path: Path, shown: Path | None = None) -> dict[str, Any]:
    """A content file as a dict; errors name `shown` (default `path`) and say how to fix it."""
    where = shown or path
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ContentError(where, "file is missing; create it (see content/README.md)") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(where, f"is not valid TOML ({error}); fix the syntax") from None


def _text(path: Path, item: str, table: Mapping[str, Any], key: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, f"`{key}` must be a non-empty text", item)
    return value.strip()


def _texts(path: Path, item: str, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise ContentError(path, f"`{key}` must be a non-empty list of texts", item)
    return tuple(v.strip() for v in value)


def _optional_texts(path: Path, item: str, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContentError(path, f"`{key}` must be a list of non-empty texts, like [\"...\", \"...\"]", item)
    return tuple(v.strip() for v in value)


def _sources(path: Path, item: str, table: Mapping[str, Any]) -> tuple[Source, ...]:
    raw = table.get("sources")
    if not isinstance(raw, list) or not raw:
        raise ContentError(
            path, "`sources` must list at least one { principle = N, guidelines = [..] }", item
        )
    sources = []
    for entry in raw:
        principle = entry.get("principle") if isinstance(entry, dict) else None
        guidelines = entry.get("guidelines") if isinstance(entry, dict) else None
        if not isinstance(principle, int) or not isinstance(guidelines, list) or not all(
            isinstance(g, int) for g in guidelines
        ):
            raise ContentError(
                path, f"bad source {entry!r}: write {{ principle = 12, guidelines = [79, 80] }}", item
            )
        sources.append(Source(principle, tuple(guidelines)))
    return tuple(sources)


def _card_text(path: Path, card_id: str, table: Any, translated: bool) -> CardText:
    if not isinstance(table, dict):
        raise ContentError(path, "must be a table: start it with a [card-id] line", card_id)
    source_hash = table.get("source_hash")
    if translated and not isinstance(source_hash, str):
        raise ContentError(
            path,
            "`source_hash` is missing: copy the English card's fingerprint from "
            "`python main.py check --coverage`",
            card_id,
        )
    return CardText(
        title=_text(path, card_id, table, "title"),
        body=_text(path, card_id, table, "body"),
        actions=_texts(path, card_id, table, "actions"),
        keywords=_texts(path, card_id, table, "keywords"),
        source_hash=source_hash if translated else None,
        questions=_optional_texts(path, card_id, table, "questions"),
        label=_text(path, card_id, table, "label") if "label" in table else None,
    )


def _language(root: Path, code: str) -> Language:
    path = root / code / "language.toml"
    data = read_toml(path)
    reviewed = data.get("reviewed")
    if not isinstance(reviewed, bool):
        raise ContentError(path, "`reviewed` must be true or false")
    offered = data.get("offered", True)
    if not isinstance(offered, bool):
        raise ContentError(path, "`offered` must be true or false (false while the language is being written)")
    talk = data.get("small_talk", {})
    small_talk = {kind: tuple(talk.get(kind, ())) for kind in SMALL_TALK_KINDS}
    search_path = root / code / "search.toml"
    stop_words: tuple[str, ...] = ()
    glued: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    folds: dict[str, str] = {}
    read_as: dict[str, str] = {}
    latin: dict[str, str] = {}
    not_covered: dict[str, tuple[str, ...]] = {}
    if search_path.exists():
        search = read_toml(search_path)
        stop_words = _optional_texts(search_path, "stop_words", search, "stop_words")
        glued = _optional_texts(search_path, "glued_prefixes", search, "glued_prefixes")
        suffixes = _optional_texts(search_path, "suffixes", search, "suffixes")
        folds = _folds(search_path, search.get("folds", {}))
        read_as = _read_as(search_path, search.get("read_as", {}))
        latin = _latin(search_path, search.get("latin", {}))
        not_covered = _not_covered(search_path, search.get("not_covered", {}))
    return Language(code, reviewed, MappingProxyType(small_talk), stop_words, offered, glued, suffixes,
                    MappingProxyType(folds), MappingProxyType(not_covered), MappingProxyType(read_as),
                    MappingProxyType(latin))


def _text_table(path: Path, table: Any, name: str, entry_ok, how: str) -> dict[str, str]:
    """A search.toml table of texts to texts, each pair passing `entry_ok`; else an error saying `how`."""
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) and entry_ok(k, v)
                                              for k, v in table.items()):
        raise ContentError(path, f"`[{name}]` must map {how}", name)
    return dict(table)


def _folds(path: Path, table: Any) -> dict[str, str]:
    return _text_table(path, table, "folds", lambda k, v: bool(k),
                       "what people type to the one form search reads, like \"aa\" = \"a\"")


def _read_as(path: Path, table: Any) -> dict[str, str]:
    return _text_table(path, table, "read_as", lambda k, v: len(k.split()) == 1 and len(v.split()) == 1,
                       "one word the stemmer misreads to the one word it is, like \"paye\" = \"paie\" "
                       "(a word read as itself is kept whole)")


def _latin(path: Path, table: Any) -> dict[str, str]:
    return _text_table(path, table, "latin", lambda k, v: k.isascii() and k.isalpha() and k == k.lower() and bool(v),
                       "small Latin letters people type to the language's own letters, like \"zh\" = \"ж\"")


def _not_covered(path: Path, table: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise ContentError(path, "`[not_covered]` must name topics no card answers, each with the words people "
                                 "ask about it with, like driving-licence = [\"driving licence\", \"license\"]",
                           "not_covered")
    return {topic: _optional_texts(path, f"not_covered.{topic}", table, topic) for topic in table}


def _topic_texts(root: Path, codes: list[str]) -> dict[str, dict[str, TopicText]]:
    by_topic: dict[str, dict[str, TopicText]] = {}
    for code in codes:
        path = root / code / "topics.toml"
        for topic_id, table in read_toml(path).items():
            if not isinstance(table, dict):
                raise ContentError(path, "must be a table: start it with a [topic-id] line", topic_id)
            by_topic.setdefault(topic_id, {})[code] = TopicText(
                label=_text(path, topic_id, table, "label"),
                title=_text(path, topic_id, table, "title"),
                intro=_text(path, topic_id, table, "intro"),
            )
    return by_topic


def language_codes(root: Path) -> list[str]:
    """Every folder under content/ with a language.toml; English first."""
    codes = sorted(p.parent.name for p in root.glob("*/language.toml"))
    if SOURCE_LANG not in codes:
        raise ContentError(root / SOURCE_LANG / "language.toml", "English is missing")
    for code in codes:
        if not LANG_PATTERN.match(code):
            raise ContentError(root / code, "a language folder is named by its 2-3 letter code")
    return [SOURCE_LANG] + [c for c in codes if c != SOURCE_LANG]


def load_catalog(root: Path = CONTENT_DIR, drafts: bool = False) -> Catalog:
    """Read every content file. Raises ContentError when a file cannot be understood.

    A language whose language.toml says `offered = false` is being written: `check` reads it
    (drafts=True) so that its mistakes show, but the bot does not offer it."""
    root = Path(root)
    languages = {code: _language(root, code) for code in language_codes(root)}
    languages = {code: lang for code, lang in languages.items() if drafts or lang.offered}
    codes = list(languages)
    menu_path = root / "menu.toml"
    menu = read_toml(menu_path)
    main = menu.get("main")
    if not isinstance(main, list) or not all(isinstance(i, str) for i in main):
        raise ContentError(menu_path, "`main` must be a list of topic and card ids")
    more = menu.get("more", [])
    if not isinstance(more, list) or not all(isinstance(i, str) for i in more):
        raise ContentError(menu_path, "`more` must be a list of topic ids")
    topic_cards: dict[str, tuple[str, ...]] = {}
    for topic_id, table in (menu.get("topics") or {}).items():
        cards = table.get("cards") if isinstance(table, dict) else None
        if not isinstance(cards, list) or not all(isinstance(c, str) for c in cards):
            raise ContentError(menu_path, "`cards` must be a list of card ids", f"topics.{topic_id}")
        topic_cards[topic_id] = tuple(cards)
    home = {card: topic for topic, cards in topic_cards.items() for card in cards}

    english: dict[str, tuple[str, Mapping[str, Any]]] = {}
    texts: dict[str, dict[str, CardText]] = {}
    problems: list[str] = []
    for code in codes:
        for path in sorted((root / code / "cards").glob("*.toml")):
            for card_id, table in read_toml(path).items():
                rel = path.relative_to(root)
                if card_id in texts and code in texts[card_id]:
                    problems.append(f"{rel} [{card_id}]: this card id is used twice; rename one")
                    continue
                texts.setdefault(card_id, {})[code] = _card_text(
                    rel, card_id, table, translated=code != SOURCE_LANG
                )
                if code == SOURCE_LANG:
                    english[card_id] = (path.name, table)

    cards: dict[str, Card] = {}
    for card_id, (file_name, table) in english.items():
        rel = Path(SOURCE_LANG) / "cards" / file_name
        related = table.get("related", [])
        if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
            raise ContentError(rel, "`related` must be a list of card ids", card_id)
        cards[card_id] = Card(
            id=card_id,
            topic=home.get(card_id, ""),
            file=file_name,
            sources=_sources(rel, card_id, table),
            related=tuple(related),
            texts=MappingProxyType(texts[card_id]),
        )
    for card_id, by_lang in texts.items():
        if card_id not in english:
            for code in by_lang:
                problems.append(
                    f"{code}/cards [{card_id}]: translated card has no English original; "
                    "remove it or add the English card"
                )

    topic_texts = _topic_texts(root, codes)
    topics = {
        topic_id: Topic(topic_id, cards_, MappingProxyType(topic_texts.get(topic_id, {})))
        for topic_id, cards_ in topic_cards.items()
    }
    return Catalog(
        root=root,
        languages=MappingProxyType(languages),
        main=tuple(main),
        topics=MappingProxyType(topics),
        cards=MappingProxyType(cards),
        problems=tuple(problems),
        more=tuple(more),
    )
