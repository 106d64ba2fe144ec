"""Any input gives a reply within Telegram's limits, never an exception (Hypothesis)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import callbacks as cb
from bot.check import MAX_MESSAGE
from bot.telegram_html import html_problems

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


@SETTINGS
@given(query=st.one_of(st.text(max_size=400), st.builds(lambda l, q: f"{l} {q}", LANGS, st.text(max_size=100))), lang=LANGS)
def test_any_inline_query(engine, query, lang):
    results = engine.shareable(lang or "en", query)
    assert len(results) <= 50
    assert len({r.id for r in results}) == len(results)
    for item in results:
        assert len(item.id.encode()) <= 64 and item.title
        assert len(item.text) <= MAX_MESSAGE and not html_problems(item.text)
        assert len(item.payload) <= 64 and engine.start("en", item.payload).card_id == item.id.split(":", 1)[1]
