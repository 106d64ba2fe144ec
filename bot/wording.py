"""The translation warnings about wording: strength of "should" and the glossary's legal terms."""

from __future__ import annotations

from collections import Counter

from .content import Catalog
from .glossary import glossary_warnings
from .strength import strength_warnings


def wording_warnings(catalog: Catalog) -> dict[str, list[str]]:
    return {"strength": strength_warnings(catalog), "glossary": glossary_warnings(catalog)}


def warning_counts(found: list[str]) -> str:
    """ "ar 3, fr 1": warnings per language, from the language folder each warning starts with."""
    counts = Counter(warning.split("/", 1)[0] for warning in found)
    return ", ".join(f"{lang} {n}" for lang, n in sorted(counts.items())) or "none"
