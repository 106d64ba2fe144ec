"""Files the bot keeps for itself between starts (the start-up cache, the Ukrainian lemma table): read
only when this user alone could have written them, and written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO


def open_own(path: Path) -> BinaryIO | None:
    """`path` opened for reading; None when another user owns it or anyone else could write it
    (FileNotFoundError when there is none). A symbolic link is never followed."""
    handle = os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb")
    stat = os.fstat(handle.fileno())
    if hasattr(os, "getuid") and (stat.st_uid != os.getuid() or stat.st_mode & 0o022):
        handle.close()
        return None
    return handle


def read_own(path: Path) -> bytes | None:
    """The bytes of `path`, on the terms of `open_own`."""
    handle = open_own(path)
    if handle is None:
        return None
    with handle:
        return handle.read()


def write_whole(path: Path, data: bytes, replaces: str) -> None:
    """`data` into `path`, readable and writable by this user only, whole or not at all even with two
    instances writing at once; then the other files beside it matching the glob `replaces` go."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkstemp makes the file readable and writable by this user only
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        try:
            handle.write(data)
        except BaseException:
            os.unlink(handle.name)
            raise
    os.replace(handle.name, path)
    for old in path.parent.glob(replaces):
        if old != path:
            old.unlink(missing_ok=True)
