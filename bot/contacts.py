"""Local help contacts, from the deployment's own file: never invented, never shipped as content."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from html import escape
from pathlib import Path

USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")
FIELDS = {"name", "topics", "phone", "website", "telegram", "languages", "hours"}


@dataclass(frozen=True)
class Contact:
    name: str
    topics: tuple[str, ...]
    phone: str = ""
    website: str = ""
    telegram: str = ""
    languages: tuple[str, ...] = ()
    hours: str = ""

    def html(self) -> str:
        lines = [f"<b>{escape(self.name)}</b>"]
        lines += [escape(v) for v in (self.phone, self.website, self.hours) if v]
        if self.languages:
            lines.append(escape(", ".join(self.languages)))
        return "\n".join(lines)


class ContactsError(Exception):
    pass


def contacts_path() -> Path | None:
    value = os.environ.get("RIGHTS_BOT_CONTACTS")
    return Path(value) if value else None


def load_contacts(path: Path | None, topics: set[str]) -> tuple[Contact, ...]:
    """Read and validate the contacts file; no file means no contacts."""
    if path is None:
        return ()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContactsError(f"{path}: contacts file not found; fix RIGHTS_BOT_CONTACTS or create it") from None
    except tomllib.TOMLDecodeError as error:
        raise ContactsError(f"{path}: not valid TOML ({error})") from None
    entries = data.get("contact", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ContactsError(f"{path}: write each contact as a [[contact]] table")
    return tuple(_contact(f"{path} [[contact]] #{n}", entry, topics) for n, entry in enumerate(entries, 1))


def _contact(where: str, entry: dict, topics: set[str]) -> Contact:
    unknown = set(entry) - FIELDS
    if unknown:
        raise ContactsError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(FIELDS)}")
    for field in ("topics", "languages"):
        value = entry.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ContactsError(f'{where}: `{field}` must be a list of strings, like {field} = ["a", "b"]')
    for field in FIELDS - {"topics", "languages"}:
        if not isinstance(entry.get(field, ""), str):
            raise ContactsError(f'{where}: `{field}` must be a string in quotes, like {field} = "..."')
    if not entry.get("name", "").strip():
        raise ContactsError(f"{where}: `name` is required")
    wrong = [t for t in entry.get("topics", []) if t not in topics]
    if wrong or not entry.get("topics"):
        raise ContactsError(f"{where}: `topics` must list topic ids from content/menu.toml (bad: {wrong})")
    telegram = entry.get("telegram", "").lstrip("@")
    if telegram and not USERNAME.match(telegram):
        raise ContactsError(f"{where}: `telegram` '{telegram}' is not a Telegram username")
    if not (entry.get("phone") or entry.get("website") or telegram):
        raise ContactsError(f"{where}: give at least one of phone, website, telegram")
    return Contact(entry["name"].strip(), tuple(entry["topics"]), entry.get("phone", ""), entry.get("website", ""),
                   telegram, tuple(entry.get("languages", ())), entry.get("hours", ""))
