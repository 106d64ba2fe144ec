"""Ukrainian lemmas: pymorphy3 and its Ukrainian dictionary while indexing, a table of forms after.

pymorphy3 reads a word as its dictionary form ("безплатного" -> "безплатний"); loading its Ukrainian
dictionary takes about 28 MB. A query word matters only when its lemma is a card's term, so when the
cards are indexed every inflected form of their lemmas is stored, folded, with the lemma pymorphy3
gives it, and a bot started from the start-up cache looks query words up there and never loads the
dictionary. A word outside the table is kept as typed: pymorphy3's guesses for words it does not know
(mostly typos) are lost, and look-alikes find those by their surface form anyway.

Building the table reads some 50,000 forms with pymorphy3 (15-40 s on a shared machine), so it is kept
on disk beside the start-up cache, named by a hash of what it is built from: `main.py check`, the tests
and a start after a change to other languages' content read it back in a fraction of a second.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import logging
import re
from array import array
from importlib.metadata import version
from pathlib import Path

from ..kept_files import read_own, write_whole
from ..normalize import normalize

log = logging.getLogger(__name__)
HEADER = "rights-bot Ukrainian lemma table "

_morph: dict = {}  # not pickled with the index; loaded on first use, while indexing
# The Ukrainian dictionary holds Cyrillic words only; pymorphy3 fails on some other characters
# (unicodedata has no name for them), so anything else is kept as typed.
CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff'’ʼ-]+")
_WRITTEN_WORD = re.compile(r"[\u0400-\u04ff]+(?:['’ʼ-][\u0400-\u04ff]+)*")  # "ім'я", "будь-який"


def _morphology():
    if "uk" not in _morph:
        import pymorphy3

        _morph["uk"] = pymorphy3.MorphAnalyzer(lang="uk")
    return _morph["uk"]


# Memoised: tests and calibration index the same words many times over in one process.
@functools.lru_cache(maxsize=65536)
def _dictionary_form(word: str) -> str:
    """pymorphy3's first reading of `word`, unfolded (folded, "автоматичний" would lose its й)."""
    return _morphology().parse(word)[0].normal_form


def lemma(word: str) -> str:
    """`word`'s lemma by pymorphy3, folded."""
    return normalize(_dictionary_form(word)) if CYRILLIC_WORD.fullmatch(word) else word


@functools.lru_cache(maxsize=16384)
def _inflections(word: str) -> tuple[str, ...]:
    """The folded forms of every paradigm pymorphy3 reads `word` in ("безплатний" -> "безплатного", ...)."""
    forms = {form.word for parse in _morphology().parse(word) for form in parse.lexeme}
    return tuple(sorted({normalize(form) for form in forms}))


class LemmaTable:
    """Folded word -> lemma, for the forms `build` found: sorted in one string, a fraction of a dict's memory."""

    def __init__(self, table: dict[str, str]):
        forms = sorted(table)
        self._forms = "".join(forms)
        self._ends = array("I", [0])
        for form in forms:
            self._ends.append(self._ends[-1] + len(form))
        self._lemmas = sorted(set(table.values()))
        position = {term: n for n, term in enumerate(self._lemmas)}
        self._lemma_of = array("I", (position[table[form]] for form in forms))

    def __len__(self) -> int:
        return len(self._lemma_of)

    def _form(self, n: int) -> str:
        return self._forms[self._ends[n] : self._ends[n + 1]]

    def get(self, word: str, default: str | None = None) -> str | None:
        n = bisect.bisect_left(range(len(self)), word, key=self._form)
        if n < len(self) and self._form(n) == word:
            return self._lemmas[self._lemma_of[n]]
        return default

    def items(self):
        return ((self._form(n), self._lemmas[self._lemma_of[n]]) for n in range(len(self)))


def build(words: dict[str, str], texts) -> LemmaTable:
    """The cards' folded `words` (word -> its term, a lemma) and their `texts` as written: each form of
    the paradigms of every reading of those words, their terms and their first readings' lemmas, that
    is not one of `words` -> the lemma pymorphy3's first reading gives it (as a query word was read
    before the table), kept where that lemma or the form itself is a card's term. The terms themselves
    too: a query word that is a term matches it only if pymorphy3 agrees. The words as written count
    because folding loses letters pymorphy3 needs ("безплатний" folds to "безплатнии")."""
    terms = {term: term for term in words.values()}  # the index's own strings, shared
    written = {w for text in texts for w in _WRITTEN_WORD.findall(text.casefold())}
    path = _cache_path(words, written)
    found = _read(path)
    if found is not None:
        return LemmaTable({form: terms.get(read, read) for form, read in found.items()})
    readings = {w for w in [*written, *words, *terms] if CYRILLIC_WORD.fullmatch(w)}
    readings |= {_dictionary_form(w) for w in readings}
    table: dict[str, str] = {}
    seen = set(words)
    for form in [*sorted(terms), *(form for word in sorted(readings) for form in _inflections(word))]:
        if form in seen:
            continue
        seen.add(form)
        read = lemma(form)
        if read != form and (read in terms or form in terms):
            table[form] = terms.get(read, read)
    _save(path, table)
    return LemmaTable(table)


def _cache_path(words: dict[str, str], written: set[str]) -> Path:
    from ..startup_cache import cache_dir  # not at import: startup_cache imports the search package

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name in ("pymorphy3", "pymorphy3-dicts-uk"):
        digest.update(version(name).encode() + b"\0")
    for word, term in sorted(words.items()):
        digest.update(f"{word}\t{term}\n".encode())
    digest.update("\n".join(sorted(written)).encode())
    return cache_dir() / f"uk-lemmas-{digest.hexdigest()[:20]}.tsv"


def _read(path: Path) -> dict[str, str] | None:
    """The table kept at `path`: only from a file this user owns and no one else can write, whole."""
    try:
        data = read_own(path)
        if data is None:
            return None
        header, *lines = data.decode("utf-8").split("\n")
        rows = [line.split("\t") for line in lines if line]
        if header != HEADER + path.stem or any(len(row) != 2 for row in rows):
            raise ValueError("not a whole lemma table")
        return dict(rows)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, UnicodeDecodeError):
        log.warning("lemma table %s could not be read; building it anew", path.name)
        return None


def _save(path: Path, table: dict[str, str]) -> None:
    try:
        text = HEADER + path.stem + "\n" + "".join(f"{form}\t{read}\n" for form, read in sorted(table.items()))
        write_whole(path, text.encode("utf-8"), "uk-lemmas-*.tsv")
    except OSError as error:  # a convenience: search works without it
        log.info("lemma table not kept on disk (%s)", type(error).__name__)
