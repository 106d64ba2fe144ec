import textstat


def test_english_card_bodies_are_plain(catalog):
    grades = {cid: textstat.flesch_kincaid_grade(c.texts["en"].body) for cid, c in catalog.cards.items()}
    average = sum(grades.values()) / len(grades)
    print(f"\nFlesch-Kincaid: average {average:.1f}, max {max(grades.values()):.1f}")
    assert average <= 6
    assert {cid: g for cid, g in grades.items() if g > 8} == {}


def test_enough_cards_where_it_matters(catalog):
    assert len(catalog.cards) >= 60
    for topic in ("health", "education", "detention", "information"):
        assert len(catalog.topics[topic].cards) >= 5
