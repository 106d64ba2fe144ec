"""The parsed content and its search indexes, kept on disk between starts.

Reading some 700 TOML tables and indexing eight languages takes about a second; loading the result
back takes a quarter of that. The file's name is a hash of every content file and of the code that
reads and indexes them, so any change rebuilds it. It holds nothing but the content, and the bot
runs without it (no directory, read-only disk, a damaged file).
"""

from __future__ import annotations

import copyreg
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path
from types import MappingProxyType

from .content import CONTENT_DIR, Catalog, load_catalog
from .search import Searcher

log = logging.getLogger(__name__)


def _read_only(table: dict) -> MappingProxyType:
    return MappingProxyType(table)


copyreg.pickle(MappingProxyType, lambda proxy: (_read_only, (dict(proxy),)))  # the catalog's read-only tables
HERE = Path(__file__).resolve().parent
CODE = ("content.py", "normalize.py", "startup_cache.py", *(f"search/{p.name}" for p in sorted((HERE / "search").glob("*.py"))))


def cache_dir() -> Path:
    return Path(os.environ.get("RIGHTS_BOT_CACHE_DIR") or HERE.parent / "data" / "cache")


def cache_key(root: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(root.rglob("*.toml")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    for name in CODE:
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:20]


def load(root: Path = CONTENT_DIR, directory: Path | None = None) -> tuple[Catalog, Searcher]:
    """The catalog and its searcher: from the cache when it matches, else built and cached."""
    root, directory = Path(root), directory or cache_dir()
    path = directory / f"startup-{cache_key(root)}.pickle"
    try:
        with path.open("rb") as handle:
            catalog, searcher = pickle.load(handle)
        return catalog, searcher
    except FileNotFoundError:
        pass
    except Exception:  # a damaged or foreign file: build anew
        log.warning("start-up cache %s could not be read; rebuilding it", path.name)
    catalog = load_catalog(root)
    searcher = Searcher(catalog)
    _save(path, (catalog, searcher))
    return catalog, searcher


def _save(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
            try:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                os.unlink(handle.name)
                raise
        os.replace(handle.name, path)  # whole or not at all, even with two instances starting
        for old in path.parent.glob("startup-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except Exception as error:  # the cache is a convenience: never a reason not to start
        log.info("start-up cache not written (%s); the bot works without it", type(error).__name__)
