"""How each card was last reviewed, per language: content/<lang>/reviews.toml (content/README.md, "Reviews").

One line per card, so that reviewers of different languages never edit the same file:
    [cards]
    health-doctor = { method = "source", by = "reviewer handle", on = 2026-12-06, english = "1a2b3c4d5e6f" }
`english` is the fingerprint of the English card that was reviewed: when the English card changes, the
review is outdated and counted apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .content import SOURCE_LANG, Catalog, ContentError, read_toml

FILE = "reviews.toml"
# method -> what it means; English cards are checked against the source, translations against English.
METHODS = {
    "written": "written or translated, not yet reviewed by someone else",
    "source": "English: every sentence checked against the OHCHR text by someone who did not write it",
    "back-translation": "translated back into English and compared by someone who did not translate it",
    "native": "read and corrected by a native speaker",
}
FINGERPRINT = re.compile(r"^[0-9a-f]{12}$")


@dataclass(frozen=True)
class Review:
    method: str
    by: str
    on: dt.date
    english: str


def load_reviews(root: Path, lang: str, card_ids) -> dict[str, Review]:
    rel = Path(lang) / FILE
    path = root / rel
    if not path.exists():
        return {}
    table = read_toml(path, rel).get("cards", {})
    reviews = {}
    for card_id, entry in table.items():
        if card_id not in card_ids:
            raise ContentError(rel, "no such card; fix the id or remove the line", card_id)
        if not isinstance(entry, dict) or entry.get("method") not in METHODS:
            raise ContentError(rel, f"`method` must be one of {', '.join(METHODS)}", card_id)
        if lang == SOURCE_LANG and entry["method"] == "back-translation":
            raise ContentError(rel, "English is reviewed against the source: method = \"source\"", card_id)
        if lang != SOURCE_LANG and entry["method"] == "source":
            raise ContentError(rel, "a translation is reviewed by back-translation or a native speaker", card_id)
        if not isinstance(entry.get("on"), dt.date) or isinstance(entry.get("on"), dt.datetime):
            raise ContentError(rel, "`on` must be the date of the review, e.g. on = 2026-12-06", card_id)
        if not isinstance(entry.get("english"), str) or not FINGERPRINT.match(entry["english"]):
            raise ContentError(rel, "`english` must be the English card's fingerprint (`check --coverage`)", card_id)
        by = entry.get("by", "")
        if not isinstance(by, str):
            raise ContentError(rel, "`by` must be a text (who reviewed: a role or handle)", card_id)
        reviews[card_id] = Review(entry["method"], by, entry["on"], entry["english"])
    return reviews


def review_counts(catalog: Catalog) -> dict[str, Counter]:
    """lang -> counts of current reviews per method, plus 'outdated' and 'none', over its translated cards."""
    counts = {}
    for lang in catalog.codes:
        reviews = load_reviews(catalog.root, lang, catalog.cards)
        count: Counter = Counter()
        for card in catalog.cards.values():
            if lang not in card.texts:
                continue
            review = reviews.get(card.id)
            if review is None:
                count["none"] += 1
            elif review.english != card.fingerprint:
                count["outdated"] += 1
            else:
                count[review.method] += 1
        counts[lang] = count
    return counts


def review_table(catalog: Catalog) -> str:
    columns = [*METHODS, "outdated", "none"]
    lines = ["Reviews (content/<lang>/reviews.toml; outdated = the English card changed since):",
             f"{'lang':<5} " + " ".join(f"{c:>{max(8, len(c))}}" for c in columns)]
    for lang, count in review_counts(catalog).items():
        lines.append(f"{lang:<5} " + " ".join(f"{count.get(c, 0):>{max(8, len(c))}}" for c in columns))
    return "\n".join(lines)
