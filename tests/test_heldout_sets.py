"""The held-out sets stay held out: well formed, big enough, and never copied into a tuned set.

Held-out figures are evidence only while no keyword was written against their questions (see
tests/heldout/README.md). These tests read the sets to check their shape, never to score.
"""

from rapidfuzz import fuzz, process

from bot.normalize import normalize
from bot import quality
from bot.quality import HELDOUT, TESTS, TUNING, _rows, junk_sets

NEAR_SAME = 90  # rapidfuzz ratio of the normalised texts: the same question, give or take a typo
CONTAINED = 90  # rapidfuzz partial_ratio: the shorter text, of CONTAINED_WORDS words or more, inside the longer
CONTAINED_WORDS = 6


def heldout_rows(lang):
    return [r for r in _rows(HELDOUT / f"{lang}.tsv") if r[0].strip().lower() != "query"]


def tuned_rows(lang):
    """(file name, query, source page or None) of every tuned row in `lang`."""
    found = []
    for path, source_column in ((TUNING / f"{lang}.tsv", 2), (TESTS / f"queries_{lang}.tsv", None)):
        if path.exists():
            for r in _rows(path):
                source = r[source_column] if source_column is not None and len(r) > source_column else ""
                found.append((path.name, r[0], page(source)))
    return found


def contained(a, b):
    """Is one normalised text, long enough to be a question of its own, (nearly) inside the other? A
    tuned "if they send me back they will kill me" inside a held-out "... will they deport me anyway"."""
    short, long = sorted((a, b), key=len)
    return len(short.split()) >= CONTAINED_WORDS and fuzz.partial_ratio(short, long) >= CONTAINED


def page(source):
    """The page a row came from, without the "(shortened)" note and a trailing slash; None if written."""
    source = source.strip()
    return source.split()[0].rstrip("/") if source.startswith(("http://", "https://")) else None


def valid_numbers(field, highest):
    return field.strip() == "-" or all(p.strip().isdigit() and 1 <= int(p) <= highest for p in field.split(","))


def test_every_language_has_a_heldout_set_and_a_junk_set(catalog):
    junk_by_lang = junk_sets(catalog)
    for lang in catalog.codes:
        rows = heldout_rows(lang)
        assert len(rows) >= 30, f"tests/heldout/{lang}.tsv: {len(rows)} questions; issue 13 asks for at least 30"
        junk = junk_by_lang.get(lang, [])
        assert len(junk) >= 30, f"tests/heldout/junk_{lang}.tsv: {len(junk)} inputs; add greetings, thanks, letters..."


def test_heldout_rows_name_principles_guidelines_and_a_source(catalog):
    for lang in catalog.codes:
        for r in heldout_rows(lang):
            where = f"tests/heldout/{lang}.tsv: {r[0][:50]!r}"
            assert len(r) >= 4, f"{where} needs query, principles, guidelines and source"
            assert valid_numbers(r[1], 20) and valid_numbers(r[2], 132), f"{where}: principles 1-20, guidelines 1-132, or '-'"
            assert (r[1].strip() == "-") == (r[2].strip() == "-"), f"{where}: '-' goes in both columns or neither"
            assert page(r[3]) or r[3].strip().startswith("written"), f"{where}: the source is a page URL or 'written'"


def test_no_tuned_row_repeats_a_heldout_question_or_comes_from_a_heldout_page(catalog):
    leaks = []
    for lang in catalog.codes:
        held = heldout_rows(lang)
        held_texts = [normalize(r[0]) for r in held]
        held_pages = {page(r[3]) for r in held if len(r) > 3} - {None}
        for name, query, source_page in tuned_rows(lang):
            text = normalize(query)
            twin = process.extractOne(text, held_texts, scorer=fuzz.ratio, score_cutoff=NEAR_SAME)
            if twin:
                leaks.append(f"{name}: {query!r} is the held-out question {twin[0]!r}")
            leaks += [f"{name}: {query!r} and the held-out question {held_text!r}: one holds the other"
                      for held_text in held_texts if contained(text, held_text)]
            if source_page in held_pages:
                leaks.append(f"{name}: {query!r} comes from the held-out page {source_page}")
    assert not leaks, "take these rows out of the tuned set (a held-out question must never be tuned on):\n" + "\n".join(leaks)


def test_the_leak_check_sees_a_copied_question_and_a_shared_page():
    assert fuzz.ratio(normalize("Can I see a doctor without papers?"), normalize("can i see a doctor without paper")) >= NEAR_SAME
    assert page("https://example.org/thread/12/ (shortened)") == page("https://example.org/thread/12")
    assert page("written") is None
    question = normalize("If they send me back, they will kill me")
    assert contained(question, normalize("if they send me back they will kill me, can they deport me anyway?"))
    assert not contained(normalize("send me back"), normalize("if they send me back they will kill me"))  # too short to count


# Languages whose held-out set has reached issue 10's 40 real questions; add a language when it does.
# Not yet (2026-12-07): am 26, ckb 9, ku 19, ky 28, so 17, tg 28, ti 18, uz 21.
REACHED_40 = ("en", "ar", "es", "fa", "fr", "ru", "tr", "uk", "bn", "ps", "pt", "ur")


def test_languages_that_reached_40_real_heldout_questions_keep_them():
    """Issue 10: per language at least 40 real questions found on public pages ("written" rows don't count)."""
    for lang in REACHED_40:
        real = [r for r in heldout_rows(lang) if len(r) > 3 and page(r[3])]
        assert len(real) >= 40, f"tests/heldout/{lang}.tsv: {len(real)} questions from public pages; add real ones to reach 40"


def test_written_held_out_rows_are_told_apart_from_real_ones(catalog, tmp_path, monkeypatch):
    """The bench reports held-out questions copied from pages apart from those their collector wrote:
    written ones are far easier, and pooled together they hid how the search does on real questions."""
    (tmp_path / "en.tsv").write_text(
        "query\tprinciples\tguidelines\tsource\n"
        "can i see a doctor with no papers\t2\t7\thttps://example.org/forum/123 (shortened)\n"
        "doctr no papers\t2\t7\twritten\n", encoding="utf-8")
    monkeypatch.setattr(quality, "HELDOUT", tmp_path)
    rows = quality.heldout_sets(catalog)["en"]
    real, written = quality.by_source(rows)
    assert [r.query for r in real] == ["can i see a doctor with no papers"]
    assert [r.query for r in written] == ["doctr no papers"]
    assert real[0].accepted == written[0].accepted != frozenset()


def test_the_mixed_question_sets_name_real_cards_in_offered_languages(catalog):
    from bot.quality import MIXED, MIXED_TUNING, mixed_sets

    for path, least in ((MIXED, 100), (MIXED_TUNING, 40)):
        rows = [r for rows in mixed_sets(catalog, path).values() for r in rows]
        assert sum(bool(r.accepted) for r in rows) >= least, path
        assert any(not r.accepted for r in rows), f"{path}: questions only about a topic no card answers"
        assert all(r.accepted <= set(catalog.cards) for r in rows), path
