"""Per language: cards translated, stale (English changed since) and missing; review status."""

from __future__ import annotations

from dataclasses import dataclass

from .content import SOURCE_LANG, Catalog


@dataclass(frozen=True)
class Coverage:
    lang: str
    translated: int
    stale: tuple[str, ...]
    missing: tuple[str, ...]
    reviewed: bool
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * (self.translated - len(self.stale)) / self.total if self.total else 100.0


def coverage(catalog: Catalog) -> list[Coverage]:
    report = []
    for lang, language in catalog.languages.items():
        ids = list(catalog.cards)
        missing = tuple(c for c in ids if lang not in catalog.cards[c].texts)
        stale = tuple(c for c in ids if catalog.is_stale(c, lang))
        report.append(Coverage(lang, len(ids) - len(missing), stale, missing, language.reviewed, len(ids)))
    return report


def warnings(catalog: Catalog) -> list[str]:
    """Stale and missing translations: the bot still answers (stale text, or English), so not errors."""
    found = []
    for item in coverage(catalog):
        for card_id in item.stale:
            card = catalog.cards[card_id]
            found.append(
                f"{item.lang}/cards/{card.file} [{card_id}]: stale: the English card changed; update the "
                f"translation, then set source_hash = \"{card.fingerprint}\""
            )
        if item.missing:
            files = sorted({catalog.cards[c].file for c in item.missing})
            found.append(
                f"{item.lang}/cards: {len(item.missing)} card(s) not translated yet, in {', '.join(files)}; "
                "the bot shows them in English"
            )
    return found


def table(catalog: Catalog) -> str:
    lines = [f"{'lang':<5} {'translated':>10} {'stale':>6} {'missing':>8} {'coverage':>9}  review"]
    for item in coverage(catalog):
        review = "source" if item.lang == SOURCE_LANG else ("reviewed" if item.reviewed else "not yet reviewed")
        if not catalog.languages[item.lang].offered:
            review += " (being written: offered = false, not in the bot)"
        lines.append(
            f"{item.lang:<5} {item.translated:>10} {len(item.stale):>6} {len(item.missing):>8} {item.percent:>8.0f}%  {review}"
        )
    lines.append("")
    lines.append("English fingerprints (paste into source_hash after updating a translation):")
    lines += [f"  {card.file:<20} {card.id:<24} {card.fingerprint}" for card in catalog.cards.values()]
    return "\n".join(lines)
