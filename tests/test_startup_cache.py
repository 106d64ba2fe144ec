"""The start-up cache: used when it matches, rebuilt when content changes, never needed to start."""

import pickle
import subprocess
import sys
from pathlib import Path

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


class Planted:
    """What an attacker would plant: unpickling it writes a file."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def plant(content_copy, directory, value, key=None, mode=0o600):
    key = key or startup_cache.cache_key(content_copy)
    path = directory / f"startup-{key}.pickle"
    startup_cache._save(path, value, key)
    path.chmod(mode)
    return path


@pytest.mark.parametrize("how", ["writable by others", "writable by the group", "owned by another user",
                                 "made for other content", "damaged after writing"])
def test_a_cache_file_that_cannot_be_trusted_is_never_unpickled(content_copy, tmp_path, monkeypatch, how):
    marker = tmp_path / "unpickled"
    directory = tmp_path / "cache"
    directory.mkdir()
    key = startup_cache.cache_key(content_copy)
    path = plant(content_copy, directory, Planted(marker), key="0" * 20 if how == "made for other content" else key,
                 mode={"writable by others": 0o602, "writable by the group": 0o620}.get(how, 0o600))
    if how == "made for other content":
        path.rename(directory / f"startup-{key}.pickle")
    if how == "damaged after writing":
        path.write_bytes(path.read_bytes() + b"x")
    if how == "owned by another user":
        monkeypatch.setattr(startup_cache.os, "getuid", lambda: path.stat().st_uid + 1)
    _, searcher = startup_cache.load(content_copy, directory)
    assert not marker.exists()
    assert searcher.search("doctor no papers", "en")[0].card_id == "health-doctor"


def test_a_trusted_file_is_what_gets_loaded(content_copy, tmp_path):
    """The checks above refuse for their reasons, not because planting fails: the same file, trusted, loads."""
    marker = tmp_path / "unpickled"
    plant(content_copy, tmp_path, Planted(marker))
    _, searcher = startup_cache.load(content_copy, tmp_path)  # not a (catalog, searcher) pair: rebuilt
    assert marker.exists()
    assert searcher.search("doctor no papers", "en")[0].card_id == "health-doctor"


def test_the_cache_is_written_for_this_user_only(content_copy, tmp_path):
    startup_cache.load(content_copy, tmp_path / "cache")
    [path] = (tmp_path / "cache").glob("startup-*.pickle")
    assert path.stat().st_mode & 0o077 == 0
    assert (tmp_path / "cache").stat().st_mode & 0o077 == 0


def test_a_bot_that_builds_the_cache_keeps_none_of_what_only_building_needs(content_copy, tmp_path):
    """The cache is built in a child process: the bot itself then holds what a start from the cache
    holds, not Babel's locale data (nor, when the Ukrainian lemma table is built, pymorphy3)."""
    code = ("import sys; from pathlib import Path; import babel.localedata as data; from bot import startup_cache;"
            "_, s = startup_cache.load(Path(sys.argv[1]), Path(sys.argv[2]));"
            "print(s.search('doctor no papers', 'en')[0].card_id, sorted(data._cache), 'pymorphy3' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(content_copy), str(tmp_path / "cache")], check=True,
                         capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1]).stdout.split()
    assert out == ["health-doctor", "[]", "False"]
    assert len(list((tmp_path / "cache").glob("startup-*.pickle"))) == 1
