"""The parsed content, its search indexes and what the bot reads from Babel's locale data for its
languages (bot/i18n.py `LocaleFacts`), kept on disk between starts.

Reading the content and indexing twenty languages takes seconds (more the first time the Ukrainian
lemma table is built); loading the result back takes a fraction of a second. The file's name is a hash of every content file and of the code that
reads and indexes them, so any change rebuilds it; its header repeats that hash and a hash of the
rest, checked before loading, and a file another user owns or could write is never loaded. It holds
nothing but the content and those facts, and the bot runs without it (no directory, read-only disk, a damaged file).
"""

from __future__ import annotations

import copyreg
import hashlib
import logging
import os
import pickle
import subprocess
import sys
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

import babel

from .content import CONTENT_DIR, Catalog, load_catalog
from .i18n import locale_facts, remember
from .kept_files import open_own, write_whole
from .search import Searcher

log = logging.getLogger(__name__)


def _read_only(table: dict) -> MappingProxyType:
    return MappingProxyType(table)


copyreg.pickle(MappingProxyType, lambda proxy: (_read_only, (dict(proxy),)))  # the catalog's read-only tables
HERE = Path(__file__).resolve().parent
CODE = ("content.py", "normalize.py", "startup_cache.py", "i18n.py", *(f"search/{p.name}" for p in sorted((HERE / "search").glob("*.py"))))


def cache_dir() -> Path:
    return Path(os.environ.get("RIGHTS_BOT_CACHE_DIR") or HERE.parent / "data" / "cache")


def cache_key(root: Path) -> str:
    digest = hashlib.sha256(sys.version.encode() + babel.__version__.encode())  # Babel: the locale facts
    for path in sorted(root.rglob("*.toml")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    for name in CODE:
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:20]


MAGIC = b"rights-bot start-up cache\n"


def load(root: Path = CONTENT_DIR, directory: Path | None = None) -> tuple[Catalog, Searcher]:
    """The catalog and its searcher: from the cache when it matches, else built and cached.

    The cache is built in a child process when it can be: building loads what a bot started from the
    cache never needs (pymorphy3's Ukrainian dictionary, about 28 MB, and Babel's locale data), and a
    process keeps such memory for as long as it runs."""
    root, directory = Path(root), directory or cache_dir()
    key = cache_key(root)
    path = directory / f"startup-{key}.pickle"
    loaded = _load(path, key)
    if loaded is None and _writable(directory) and _build_in_child(root, directory):
        loaded = _load(path, key)
    return loaded or _build(root, path, key)


def _load(path: Path, key: str) -> tuple[Catalog, Searcher] | None:
    try:
        handle = open_own(path)
        if handle is None:
            log.warning("start-up cache %s is not this user's alone; not reading it", path.name)
            return None
        with handle:
            _check(handle, key)
            catalog, searcher, facts = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged file: build anew
        log.warning("start-up cache %s could not be read; rebuilding it", path.name)
        return None
    remember(facts)
    return catalog, searcher


def _build(root: Path, path: Path, key: str) -> tuple[Catalog, Searcher]:
    catalog = load_catalog(root)
    searcher = Searcher(catalog)
    numbers = {n for card in catalog.cards.values() for s in card.sources for n in (s.principle, *s.guidelines)}
    _save(path, (catalog, searcher, {code: locale_facts(code, numbers) for code in catalog.codes}), key)
    return catalog, searcher


def build_here(root: str, directory: str) -> None:
    """Build and write the cache in this process: what the child started by `_build_in_child` runs."""
    root_path = Path(root)
    key = cache_key(root_path)
    _build(root_path, Path(directory) / f"startup-{key}.pickle", key)


def _writable(directory: Path) -> bool:
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(directory, os.W_OK)


def _build_in_child(root: Path, directory: Path) -> bool:
    """Build the cache in a child process; False when that could not be done (then the caller builds)."""
    if not sys.executable:
        return False
    code = "import sys; from bot.startup_cache import build_here; build_here(sys.argv[1], sys.argv[2])"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(HERE.parent), os.environ.get("PYTHONPATH"))))}
    try:
        return subprocess.run([sys.executable, "-c", code, str(root), str(directory)], env=env,
                              stdin=subprocess.DEVNULL, timeout=900).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _check(handle: BinaryIO, key: str) -> None:
    """Raise unless the file was made for `key` and its bytes after the header are the ones hashed in
    it; leave `handle` at those bytes. Unpickling runs code, so the caller opens only a file this user
    owns and no one else can write (`open_own`). The bytes are hashed, then unpickled, as they stream
    from the file: held whole in memory (some 15 MB with twenty languages) beside what they unpickle
    to, they set the bot's peak memory."""
    magic, found_key, digest = (handle.readline(200) for _ in range(3))
    if magic != MAGIC or found_key.rstrip(b"\n").decode(errors="replace") != key:
        raise ValueError("not a start-up cache for this content")
    start = handle.tell()
    if hashlib.file_digest(handle, "sha256").hexdigest().encode() != digest.rstrip(b"\n"):
        raise ValueError("start-up cache damaged")
    handle.seek(start)


def _save(path: Path, value: object, key: str) -> None:
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        header = MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"
        write_whole(path, header + payload, "startup-*.pickle")
    except Exception as error:  # the cache is a convenience: never a reason not to start
        log.info("start-up cache not written (%s); the bot works without it", type(error).__name__)
