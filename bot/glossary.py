"""The words of the law: one plain rendering per legal term and language, and the cards that avoid it.

content/en/glossary.toml names each term and the English `marks` that show a card uses it;
content/<lang>/glossary.toml gives the language's `term`, Persian also `dari`, and `match` stems
(content/README.md, "Words of the law").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .content import SOURCE_LANG, Catalog, ContentError, read_toml
from .phrases import fold, stem_pattern

FILE = "glossary.toml"


@dataclass(frozen=True)
class Rendering:
    term: str
    dari: str | None
    patterns: tuple[re.Pattern[str], ...]

    def used_in(self, folded_text: str) -> bool:
        return any(p.search(folded_text) for p in self.patterns)


@dataclass(frozen=True)
class Glossary:
    marks: dict[str, tuple[re.Pattern[str], ...]]  # term id -> English patterns
    renderings: dict[str, dict[str, Rendering]]  # lang -> term id -> rendering


def _words(rel: Path, term_id: str, table: dict, key: str, required: bool) -> tuple[str, ...]:
    value = table.get(key, [])
    if (required and not value) or not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContentError(rel, f"`{key}` must be a list of words, e.g. {key} = [\"...\"]", term_id)
    return tuple(value)


def load_glossary(root: Path, codes: tuple[str, ...]) -> Glossary:
    rel = Path(SOURCE_LANG) / FILE
    english = read_toml(root / rel, rel) if (root / rel).exists() else {}
    marks = {}
    for term_id, table in english.items():
        if not isinstance(table, dict) or not isinstance(table.get("plain"), str):
            raise ContentError(rel, "each term needs `marks` (English words) and `plain` (its plain meaning)", term_id)
        marks[term_id] = tuple(
            re.compile(r"(?<!\w)" + re.escape(fold(m))) for m in _words(rel, term_id, table, "marks", True)
        )
    renderings: dict[str, dict[str, Rendering]] = {}
    for lang in codes:
        rel = Path(lang) / FILE
        if lang == SOURCE_LANG or not (root / rel).exists():
            continue
        data = read_toml(root / rel, rel)
        prefixes = _words(rel, "prefixes", data, "prefixes", False)
        renderings[lang] = {}
        for term_id, table in data.items():
            if term_id == "prefixes":
                continue
            if term_id not in marks:
                raise ContentError(rel, f"term '{term_id}' is not in {SOURCE_LANG}/{FILE}; use its ids", term_id)
            if not isinstance(table, dict) or not isinstance(table.get("term"), str) or not table["term"].strip():
                raise ContentError(rel, "`term` must be the plain rendering of this term", term_id)
            dari = table.get("dari")
            if dari is not None and not isinstance(dari, str):
                raise ContentError(rel, "`dari` must be a text", term_id)
            forms = (*_words(rel, term_id, table, "match", False), table["term"], *([dari] if dari else []))
            renderings[lang][term_id] = Rendering(
                table["term"], dari, tuple(stem_pattern(f, prefixes) for f in forms)
            )
    return Glossary(marks, renderings)


def _folded(text) -> str:
    return fold("\n".join((text.title, text.body, *text.actions)))


def glossary_warnings(catalog: Catalog) -> list[str]:
    """Translated cards that avoid a term their English card uses; terms a language has no rendering for."""
    glossary = load_glossary(catalog.root, catalog.codes)
    found = []
    for lang in catalog.codes:
        if lang == SOURCE_LANG:
            continue
        own = glossary.renderings.get(lang)
        if own is None:
            found.append(f"{lang}/{FILE}: missing; give each legal term of {SOURCE_LANG}/{FILE} its plain rendering")
            continue
        for term_id in glossary.marks.keys() - own.keys():
            found.append(f"{lang}/{FILE} [{term_id}]: no rendering yet; add `term` and `match`")
        for card in catalog.cards.values():
            text = card.texts.get(lang)
            if text is None:
                continue
            english = _folded(card.texts[SOURCE_LANG])
            translated = _folded(text)
            for term_id, patterns in glossary.marks.items():
                rendering = own.get(term_id)
                if rendering is None or not any(p.search(english) for p in patterns):
                    continue
                if not rendering.used_in(translated):
                    also = f" or «{rendering.dari}»" if rendering.dari else ""
                    found.append(
                        f"{lang}/cards/{card.file} [{card.id}]: the English card uses '{term_id}', but this "
                        f"translation does not say «{rendering.term}»{also} ({lang}/{FILE}); use it"
                    )
    return found
