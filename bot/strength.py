"""How strong a sentence is: a translation must not say "must" where the English card says "should".

Checked paragraph by paragraph (title, each body paragraph, each action, paired with the English ones):
one "must" in an English card allows it only in the paragraph that says it.

Each language lists its own forms in content/<lang>/language.toml, table [strength] (content/README.md):
  should  the soft forms to use (named in the warning as the fix)
  must    forms that always say "must", "have to" or "is forbidden"
  framed  forms that say "must" alone but "should" inside a frame such as "according to international
          standards..." (Russian «должны», Persian «باید», Turkish -meli)
  frame   words of that frame; a framed form is accepted in a paragraph that contains one of them
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .content import SOURCE_LANG, Catalog, ContentError
from .phrases import fold, fold_mapped, original, paragraphs, word_pattern

ENGLISH_MUST = re.compile(r"(?<!\w)must(?!\w)", re.IGNORECASE)
KEYS = ("should", "must", "framed", "frame")


@dataclass(frozen=True)
class Strength:
    should: tuple[str, ...]
    must: tuple[str, ...]
    framed: tuple[str, ...]
    frame: tuple[str, ...]


def load_strength(root: Path, lang: str) -> Strength | None:
    """The [strength] table of a language, or None when it has none (English needs none)."""
    path = root / lang / "language.toml"
    with path.open("rb") as handle:
        table = tomllib.load(handle).get("strength")
    if table is None:
        return None
    rel = Path(lang) / "language.toml"
    if not isinstance(table, dict):
        raise ContentError(rel, "[strength] must be a table with should, must, framed, frame")
    values = {}
    for key in KEYS:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ContentError(rel, f"[strength] `{key}` must be a list of words, e.g. {key} = [\"...\"]")
        values[key] = tuple(v.strip() for v in value)
    if not values["should"] or not values["must"]:
        raise ContentError(rel, "[strength] needs `should` and `must`: how this language says each")
    if values["framed"] and not values["frame"]:
        raise ContentError(rel, "[strength] lists `framed` forms but no `frame` words that allow them")
    unknown = set(table) - set(KEYS)
    if unknown:
        raise ContentError(rel, f"[strength] has unknown key(s) {sorted(unknown)}; use {', '.join(KEYS)}")
    return Strength(**values)


def must_words(text, strength: Strength, english=None) -> list[str]:
    """The must-forms a translated card uses outside any allowed frame, each once, in order found.
    With `english` (its English card), a paragraph whose English paragraph says "must" may say it too."""
    found: list[str] = []
    frames = [fold(f) for f in strength.frame]
    soft = tuple(fold(s) for s in strength.should)
    for paragraph in _unchecked(text, english):
        folded, origin = fold_mapped(paragraph)
        framed_ok = any(f in folded for f in frames)
        forms = strength.must + (() if framed_ok else strength.framed)
        for form in forms:
            for match in word_pattern(form).finditer(folded):
                # Right after a should-form it is part of it: Arabic «ينبغي على الدول أن» is "should".
                if folded[: match.start()].rstrip().endswith(soft):
                    continue
                word = original(paragraph, origin, match.start(), match.end())
                if word not in found:
                    found.append(word)
    return found


def _unchecked(text, english) -> list[str]:
    """The paragraphs of a translation to check: those whose English paragraph has no "must". Title,
    body paragraphs and actions pair up one to one; when they do not, a "must" anywhere in the English
    lets the whole card say it."""
    mine = paragraphs(text)
    if english is None:
        return mine
    theirs = paragraphs(english)
    if len(theirs) != len(mine):
        return [] if any(ENGLISH_MUST.search(p) for p in theirs) else mine
    return [p for p, e in zip(mine, theirs) if not ENGLISH_MUST.search(e)]


def strength_warnings(catalog: Catalog) -> list[str]:
    """One warning per translated card that says "must" where its English card does not."""
    found = []
    for lang in catalog.codes:
        if lang == SOURCE_LANG:
            continue
        strength = load_strength(catalog.root, lang)
        if strength is None:
            found.append(
                f"{lang}/language.toml: no [strength] table; add how this language says should and must "
                "(content/README.md, 'How strong a sentence is')"
            )
            continue
        soft = " / ".join(f"«{s}»" for s in strength.should)
        for card in catalog.cards.values():
            text = card.texts.get(lang)
            if text is None:
                continue
            words = must_words(text, strength, card.texts[SOURCE_LANG])
            if words:
                used = ", ".join(f"«{w}»" for w in words)
                frame = f", or keep it in a paragraph that says {' / '.join(strength.frame)}" if strength.framed else ""
                found.append(
                    f"{lang}/cards/{card.file} [{card.id}]: {used} means 'must', but the English card says "
                    f"'should': write {soft}{frame}"
                )
    return found
