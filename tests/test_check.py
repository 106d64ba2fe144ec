import re

from bot.check import guideline_principles, run_check
from bot.content import load_catalog


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def without_labels_and_questions(content_copy, lang):
    """The shipped cards of `lang` without their labels and questions, so a test can add its own."""
    for path in (content_copy / lang / "cards").glob("*.toml"):
        text = re.sub(r"(?m)^label = .*\n", "", path.read_text(encoding="utf-8"))
        text = re.sub(r"(?ms)^questions = \[.*?^\]\n", "", text)
        path.write_text(text, encoding="utf-8")


def test_shipped_content_passes():
    assert run_check() == []


def test_source_text_maps_all_132_guidelines():
    mapping = guideline_principles()
    assert len(mapping) == 132
    assert (mapping[19], mapping[51], mapping[79], mapping[132]) == (4, 8, 12, 20)


def test_guideline_of_another_principle_is_named(content_copy):
    edit(content_copy / "en/cards/health.toml", "principle = 12, guidelines = [79, 80]", "principle = 12, guidelines = [51, 80]")
    problems = run_check(content_copy)
    assert any("health.toml [health-doctor]" in p and "guideline 51" in p and "principle 8" in p for p in problems)


def test_bad_toml_names_the_file(content_copy):
    edit(content_copy / "en/cards/work.toml", "title =", "title ==")
    [problem] = run_check(content_copy)
    assert "work.toml" in problem and "not valid TOML" in problem


def test_unreachable_card_and_missing_related(content_copy):
    edit(content_copy / "menu.toml", '"health-hiv", ', "")
    edit(content_copy / "en/cards/health.toml", 'related = ["health-emergency", "health-reporting"]', 'related = ["health-emergency", "no-such-card"]')
    problems = run_check(content_copy)
    assert any("[health-hiv]" in p and "not reachable" in p for p in problems)
    assert any("[health-doctor]" in p and "no-such-card" in p for p in problems)


def test_duplicate_id_is_reported(content_copy):
    path = content_copy / "en/cards/health.toml"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"\[health-doctor\].*?(?=\n\[)", text, re.S).group(0)
    (content_copy / "en/cards/extra.toml").write_text(block, encoding="utf-8")
    assert any("[health-doctor]" in p and "used twice" in p for p in run_check(content_copy))


def test_message_over_telegram_limit(content_copy):
    edit(content_copy / "en/cards/health.toml", "In practice, rules differ", "word " * 900 + "In practice, rules differ")
    assert any("[health-doctor]" in p and "over 4096" in p for p in run_check(content_copy))


def test_missing_field_and_long_label(content_copy):
    edit(content_copy / "en/topics.toml", 'label = "🏥 Health"', 'label = "🏥 Health care and hospitals and clinics"')
    problems = run_check(content_copy)
    assert any("topics.toml [health]" in p and "label" in p for p in problems)
    edit(content_copy / "en/cards/health.toml", "sources = [{ principle = 12, guidelines = [79, 80] }]", "")
    [problem] = run_check(content_copy)
    assert "[health-doctor]" in problem and "sources" in problem


def test_bad_id_and_payload(content_copy):
    edit(content_copy / "menu.toml", '"health-hiv"', '"Health_HIV"')
    edit(content_copy / "en/cards/health.toml", "[health-hiv]", "[Health_HIV]")
    for reviews in content_copy.glob("*/reviews.toml"):  # a review line follows the card it records
        reviews.write_text(reviews.read_text(encoding="utf-8").replace("\nhealth-hiv =", "\nHealth_HIV ="), encoding="utf-8")
    assert any("Health_HIV" in p and "lowercase" in p for p in run_check(content_copy))


def test_a_new_language_without_its_interface_catalog_is_a_problem_not_a_crash(content_copy):
    # The first steps of README "Adding a language": cards folder and topics, no .po/.mo yet.
    # Swahili stands for a language nobody has started (pt, the old example, is being written now).
    new = content_copy / "sw"
    (new / "cards").mkdir(parents=True)
    for name in ("language.toml", "topics.toml"):
        (new / name).write_text((content_copy / "en" / name).read_text(encoding="utf-8"), encoding="utf-8")
    problems = run_check(content_copy)
    assert any(p.startswith("translations/sw/LC_MESSAGES/messages.mo is missing") and "pybabel init" in p
               for p in problems), problems


def test_a_language_being_written_is_checked_but_not_offered(content_copy):
    new = content_copy / "sw"
    (new / "cards").mkdir(parents=True)
    (new / "topics.toml").write_text((content_copy / "en/topics.toml").read_text(encoding="utf-8"), encoding="utf-8")
    language = (content_copy / "en/language.toml").read_text(encoding="utf-8")
    (new / "language.toml").write_text("offered = false\n" + language, encoding="utf-8")
    assert "sw" not in load_catalog(content_copy).codes  # the bot does not offer it
    assert "sw" in load_catalog(content_copy, drafts=True).codes
    assert any(p.startswith("translations/sw/LC_MESSAGES/messages.mo is missing") for p in run_check(content_copy))
    (new / "language.toml").write_text('offered = "no"\n' + language, encoding="utf-8")
    [problem] = run_check(content_copy)
    assert "sw/language.toml" in problem and "`offered` must be true or false" in problem


def _give_every_card_questions(cards_dir, count):
    for path in cards_dir.glob("*.toml"):
        questions = "questions = [" + ", ".join(f'"question {i}"' for i in range(count)) + "]"
        text = re.sub(r"^(\[[a-z0-9-]+\])$", lambda m: f"{m.group(1)}\n{questions}", path.read_text(encoding="utf-8"), flags=re.M)
        path.write_text(text, encoding="utf-8")


def test_questions_are_counted_once_every_card_of_a_language_has_them(content_copy):
    without_labels_and_questions(content_copy, "en")
    edit(content_copy / "en/cards/health.toml", "[health-doctor]\n", '[health-doctor]\nquestions = ["one", "two"]\n')
    assert run_check(content_copy) == []  # English is still being written: no count yet
    edit(content_copy / "en/cards/health.toml", 'questions = ["one", "two"]\n', "")
    _give_every_card_questions(content_copy / "en/cards", 5)
    assert run_check(content_copy) == []
    edit(content_copy / "en/cards/health.toml", '"question 4"]', '"question 4", "question 0"]')  # 6, one repeated
    edit(content_copy / "en/cards/work.toml", '"question 2", "question 3", "question 4"]', "]")
    problems = run_check(content_copy)
    assert any("[health-doctor]" in p and "repeats" in p for p in problems), problems
    assert any("work.toml" in p and "`questions` has 2" in p for p in problems), problems
    assert len(problems) == 2, problems


def test_a_word_mixing_latin_and_cyrillic_letters_is_named(content_copy):
    edit(content_copy / "uz/cards/information.toml", '"вай-фай", ', '"wифи", "wifi", "вайфай", ')
    [problem] = run_check(content_copy)
    assert "uz/cards/information.toml [" in problem and '"wифи"' in problem and "one script" in problem


def test_questions_must_be_a_list_of_texts(content_copy):
    without_labels_and_questions(content_copy, "fr")
    edit(content_copy / "fr/cards/health.toml", "[health-doctor]\n", "[health-doctor]\nquestions = \"un docteur\"\n")
    [problem] = run_check(content_copy)
    assert "fr/cards/health.toml [health-doctor]" in problem and "questions" in problem


def test_card_label_is_the_button_and_is_checked(content_copy):
    from bot.content import load_catalog
    from bot.engine import build_engine

    without_labels_and_questions(content_copy, "fr")
    without_labels_and_questions(content_copy, "en")
    edit(content_copy / "fr/cards/health.toml", "[health-doctor]\n", '[health-doctor]\nlabel = "Médecin sans papiers"\n')
    catalog = load_catalog(content_copy)
    engine = build_engine(catalog)
    labels = [b.label for row in engine.topic("fr", "health").buttons for b in row]
    assert "Médecin sans papiers" in labels
    assert catalog.card_text("health-emergency", "fr")[0].title in labels  # no label yet: the title
    assert catalog.cards["health-doctor"].texts["fr"].label == "Médecin sans papiers"
    before = catalog.cards["health-doctor"].fingerprint
    edit(content_copy / "en/cards/health.toml", "[health-doctor]\n", '[health-doctor]\nlabel = "Doctor without papers"\n')
    assert load_catalog(content_copy).cards["health-doctor"].fingerprint == before  # a label never makes translations stale
    edit(content_copy / "fr/cards/health.toml", 'label = "Médecin sans papiers"', 'label = "' + "x" * 33 + '"')
    [problem] = run_check(content_copy)
    assert "fr/cards/health.toml [health-doctor]" in problem and "over 32" in problem and "shorten" in problem


def test_missing_label_is_reported_once_a_language_has_them(content_copy):
    from bot.content import load_catalog

    without_labels_and_questions(content_copy, "en")
    cards = [(c.file, c.id) for c in load_catalog(content_copy).cards.values()]
    for file_name, card_id in cards[1:]:
        edit(content_copy / "en/cards" / file_name, f"[{card_id}]\n", f'[{card_id}]\nlabel = "Short {card_id}"\n')
    problems = run_check(content_copy)
    file_name, card_id = cards[0]
    assert problems == [p for p in problems if f"en/cards/{file_name} [{card_id}]" in p and "label" in p and "missing" in p]
    assert len(problems) == 1


def test_marks_that_sit_on_letters_do_not_make_a_label_longer():
    from bot.check import shown_length, visible_length

    assert shown_length("স্বাস্থ্য") == 6 and len("স্বাস্থ্য") == 9  # Bengali: three virama take no room
    assert shown_length("مُسَاعَدَة") == 6 and shown_length("Health") == 6
    assert visible_length("🏥 স্বাস্থ্য") == 6


def test_a_label_is_measured_by_the_room_it_takes(content_copy):
    # 31 letters with harakat on them: 62 code points, but a button's worth of text.
    long_but_short = "ب" * 16 + " " + "طَ" * 14
    edit(content_copy / "ar/cards/health.toml", 'label = "طبيب بدون أوراق"', f'label = "{long_but_short}"')
    assert not any("[health-doctor]" in p and "label" in p for p in run_check(content_copy))
    edit(content_copy / "ar/cards/health.toml", f'label = "{long_but_short}"', f'label = "{long_but_short}طط"')
    assert any("ar/cards/health.toml [health-doctor]" in p and "33 characters, over 32" in p for p in run_check(content_copy))
