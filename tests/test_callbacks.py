"""Callback data is measured in bytes (Telegram's limit is 64 bytes, not 64 characters)."""

import pytest

from bot import callbacks as cb


def test_encode_takes_64_bytes_and_refuses_65():
    assert cb.encode(cb.CARD, "en", "a" * 59) == "c|en|" + "a" * 59  # 64 bytes
    with pytest.raises(ValueError, match="over 64 bytes"):
        cb.encode(cb.CARD, "en", "a" * 60)


def test_encode_counts_bytes_not_characters():
    with pytest.raises(ValueError):
        cb.encode(cb.CARD, "en", "é" * 30)  # 35 characters, 65 bytes


def test_decode_refuses_data_over_64_bytes_even_when_under_64_characters():
    assert cb.decode("c|en|" + "é" * 29) == cb.Press(cb.CARD, "en", "é" * 29)  # 63 bytes
    assert cb.decode("c|en|" + "é" * 30) is None  # 35 characters, 65 bytes
    assert cb.decode("c|en|" + "a" * 60) is None


@pytest.mark.parametrize("data", ["", None, "c|en", "c|en|x|y", "q|en|x", "|en|x"])
def test_decode_refuses_malformed_data(data):
    assert cb.decode(data) is None


def test_payloads_and_deep_links():
    assert cb.payload("ar", "det-basics") == "ar_det-basics"
    assert cb.deep_link("my_bot", "ar") == "https://t.me/my_bot?start=ar"
    assert cb.parse_payload("ar_det-basics") == ("ar", "det-basics")
    assert cb.parse_payload("ar") == ("ar", None)
    assert cb.parse_payload("detention") == (None, "detention")
    assert cb.parse_payload("x" * 65) == (None, None)
    assert cb.parse_payload("bad payload") == (None, None)
    with pytest.raises(ValueError):
        cb.payload("en", "x" * 62)  # 65 characters
    with pytest.raises(ValueError):
        cb.payload("en", "not ok")


def test_edges_of_payloads_and_data():
    assert cb.payload("ar") == "ar"
    assert cb.deep_link("my_bot", "ar", "det-basics") == "https://t.me/my_bot?start=ar_det-basics"
    assert cb.parse_payload("pes") == ("pes", None)  # up to three letters: a language
    assert cb.parse_payload("abcd") == (None, "abcd")  # longer: a card or topic id
    assert cb.decode("c|en|" + "a" * 59) == cb.Press(cb.CARD, "en", "a" * 59)  # exactly 64 bytes
    with pytest.raises(ValueError, match="deep-link payload 'en_not ok' is not 1-64 characters"):
        cb.payload("en", "not ok")


def test_the_screen_the_language_menu_came_from():
    assert cb.parse_screen(cb.screen(cb.CARD, "det-basics")) == (cb.CARD, "det-basics")
    assert cb.parse_screen("c:a:b") == (cb.CARD, "a:b")  # only the first ':' separates
    assert cb.parse_screen("zz:det-basics") == (cb.MAIN, "")  # not a screen: the main menu, with nothing
    assert cb.parse_payload("en_") == ("en", "")  # a link cut short after the language
    assert cb.screen(cb.MAIN) == "m:"


def test_a_page_of_the_language_menu_travels_in_front_of_the_screen():
    assert cb.screen(cb.CARD, "det-basics", 1) == "1c:det-basics" and cb.screen(cb.CARD, "det-basics", 0) == "c:det-basics"
    assert cb.parse_screen("1c:det-basics") == (cb.CARD, "det-basics") == cb.parse_screen("c:det-basics")
    assert cb.parse_screen("12m:") == (cb.MAIN, "") and cb.parse_screen("3zz:x") == (cb.MAIN, "")
    assert [cb.screen_page(a) for a in ("c:det-basics", "1c:det-basics", "12m:", "", "-1c:x", "7")] == [0, 1, 12, 0, 0, 7]
    longest = cb.encode(cb.LANGUAGES, "ckb", cb.screen(cb.CARD, "x" * 30, 9))
    assert len(longest.encode()) <= cb.MAX_CALLBACK_BYTES
