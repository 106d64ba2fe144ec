"""Any input gives a reply within Telegram's limits, never an exception (Hypothesis)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import callbacks as cb
from bot.check import MAX_MESSAGE, html_problems

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LANGS = st.sampled_from(["en", "ar", "fa", "fr", "es", "uk", "ru", "tr", "zz", ""])


def within_limits(reply):
    assert reply.text and len(reply.text) <= MAX_MESSAGE
    assert not html_problems(reply.text)
    for row in reply.buttons:
        assert 1 <= len(row) <= 2
        for button in row:
            assert button.label
            assert button.data is None or len(button.data.encode()) <= cb.MAX_CALLBACK_BYTES


@SETTINGS
@given(text=st.text(max_size=5000))
def test_any_text(engine, text):
    within_limits(engine.text("en", text))


@SETTINGS
@given(data=st.one_of(st.text(max_size=200), st.builds(lambda v, l, a: f"{v}|{l}|{a}", st.sampled_from(sorted(cb.VERBS)), LANGS, st.text(max_size=70))))
def test_any_callback_data(engine, data):
    within_limits(engine.press(data))


@SETTINGS
@given(payload=st.one_of(st.text(max_size=100), st.from_regex(r"[A-Za-z0-9_-]{1,70}", fullmatch=True)))
def test_any_deep_link(engine, payload):
    within_limits(engine.start("en", payload))


@SETTINGS
@given(query=st.text(max_size=300), lang=LANGS)
def test_any_search_in_any_language(engine, query, lang):
    hits = engine.searcher.search_any(query, lang or "en", limit=50)
    assert len(hits) <= 50 and all(0 <= h.score <= 100 for h in hits)
