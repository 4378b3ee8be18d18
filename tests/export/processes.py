"""Which processes exist, from /proc (Linux): to check that nothing is left running."""

from __future__ import annotations

import os
from pathlib import Path


def children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:  # ended meanwhile
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def grandchildren(pid: int) -> list[int]:
    """Process ids whose parent's parent is ``pid`` (the query processes of a server, whose
    child is its query worker)."""
    return [grandchild for child in children(pid) for grandchild in children(child)]


def mentioning(text: str) -> list[int]:
    """Process ids whose command line contains ``text``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                command = Path(f"/proc/{entry}/cmdline").read_bytes().decode("utf-8", "replace")
            except OSError:
                continue
            if text in command:
                found.append(int(entry))
    return found
