"""The start-up cache: used when it matches, rebuilt when content changes, never needed to start."""

import pickle

import pytest

from bot import startup_cache


def test_second_start_reads_the_cache_instead_of_the_content(content_copy, tmp_path, monkeypatch):
    catalog, searcher = startup_cache.load(content_copy, tmp_path)
    assert len(list(tmp_path.glob("startup-*.pickle"))) == 1

    def no_parsing(root):
        raise AssertionError("the content was parsed again")

    monkeypatch.setattr(startup_cache, "load_catalog", no_parsing)
    before = pickle.dumps(searcher)
    searcher.search("doctr no papers zyxwvut", "en")  # a search leaves nothing of what was typed
    assert pickle.dumps(searcher) == before
    cached_catalog, cached_searcher = startup_cache.load(content_copy, tmp_path)
    assert cached_catalog.cards.keys() == catalog.cards.keys()
    assert cached_searcher.search("doctor no papers", "en")[0].card_id == "health-doctor"


def test_a_content_change_rebuilds_it(content_copy, tmp_path):
    startup_cache.load(content_copy, tmp_path)
    health = content_copy / "en" / "cards" / "health.toml"
    health.write_text(health.read_text(encoding="utf-8").replace('"docter"', '"docter", "zyxwvut"', 1), encoding="utf-8")
    _, searcher = startup_cache.load(content_copy, tmp_path)
    assert searcher.search("zyxwvut", "en")[0].card_id == "health-doctor"
    assert len(list(tmp_path.glob("startup-*.pickle"))) == 1  # the old one is gone


@pytest.mark.parametrize("damage", ["unwritable", "garbage"])
def test_the_bot_starts_without_a_usable_cache(content_copy, tmp_path, damage):
    if damage == "unwritable":
        directory = tmp_path / "a-file"
        directory.write_text("not a directory")
    else:
        directory = tmp_path
        (directory / f"startup-{startup_cache.cache_key(content_copy)}.pickle").write_bytes(b"not a pickle")
    _, searcher = startup_cache.load(content_copy, directory)
    assert searcher.search("doctor no papers", "en")[0].card_id == "health-doctor"
