import pytest

from bot import callbacks as cb
from bot.contacts import ContactsError, load_contacts
from bot.engine import Engine

GOOD = """
[[contact]]
name = "Harbour Legal Aid"
topics = ["detention", "justice"]
phone = "+00 111"
telegram = "harbour_aid"
languages = ["en", "ar"]
hours = "Mon-Fri"
"""


def engine_with(catalog, engine, text, tmp_path):
    path = tmp_path / "contacts.toml"
    path.write_text(text, encoding="utf-8")
    return Engine(catalog, engine.translators, load_contacts(path, set(catalog.topics)))


def test_cards_of_a_topic_show_its_contacts_and_a_talk_button(catalog, engine, tmp_path):
    local = engine_with(catalog, engine, GOOD, tmp_path)
    reply = local.card("en", "det-basics")
    assert "Harbour Legal Aid" in reply.text and "+00 111" in reply.text
    assert any(b.url == "https://t.me/harbour_aid" for row in reply.buttons for b in row)
    assert "Harbour" not in local.card("en", "health-doctor").text
    near = local.press(cb.encode(cb.CONTACTS, "en"))
    assert near.event == "contacts" and "Harbour Legal Aid" in near.text


def test_without_a_file_no_contact_is_shown(engine):
    assert engine.contacts == ()
    labels = [b.label for row in engine.main_menu("en").buttons for b in row]
    assert not any("near you" in l for l in labels)
    assert engine.press(cb.encode(cb.CONTACTS, "en")).event == "menu"


@pytest.mark.parametrize("bad, message", [
    ('[[contact]]\nname = "X"\ntopics = ["nope"]\nphone = "1"', "topics"),
    ('[[contact]]\ntopics = ["health"]\nphone = "1"', "name"),
    ('[[contact]]\nname = "X"\ntopics = ["health"]', "at least one"),
    ('[[contact]]\nname = "X"\ntopics = ["health"]\ntelegram = "a b"', "username"),
    ('[[contact]]\nname = "X"\ntopics = ["health"]\nphone = "1"\nemail = "x"', "unknown field"),
    ('[[contact]\nname = ', "TOML"),
    ('[[contact]]\nname = "X"\ntopics = "health"\nphone = "1"', "`topics` must be a list of strings"),
    ('[[contact]]\nname = "X"\ntopics = ["health"]\nlanguages = "ar"\nphone = "1"', "`languages` must be a list"),
    ('[[contact]]\nname = "X"\ntopics = ["health"]\ntelegram = 12345', "`telegram` must be a string"),
    ('[[contact]]\nname = 7\ntopics = ["health"]\nphone = "1"', "`name` must be a string"),
    ('[[contact]]\nname = "X"\ntopics = ["health"]\nphone = 110', "`phone` must be a string"),
    ('contact = "Harbour"', "\\[\\[contact\\]\\] table"),
])
def test_bad_contacts_name_the_file_and_entry(catalog, tmp_path, bad, message):
    path = tmp_path / "c.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ContactsError, match=message) as error:
        load_contacts(path, set(catalog.topics))
    assert str(path) in str(error.value)


def test_example_file_is_valid(catalog):
    from conftest import ROOT
    assert load_contacts(ROOT / "contacts.example.toml", set(catalog.topics)) == ()
