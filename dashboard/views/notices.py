"""Notices about what a link asked for and did not get: short, whatever the link holds.

A link can repeat a parameter a thousand times or carry a 100 kB value; the reader still gets a
notice of a few lines, never a wall of text.
"""

from __future__ import annotations

from collections import defaultdict

SHOWN_CHARS = 40  # of a value quoted in a notice
EACH_NAME = 3  # notices kept per parameter before the rest are counted
UNKNOWN = "not a known parameter"
NAMES_SHOWN = 5


def shown(value: str) -> str:
    """The value quoted for a notice, cut to a readable length."""
    if len(value) <= SHOWN_CHARS:
        return repr(value)
    return repr(value[:SHOWN_CHARS]) + f"… ({len(value)} characters)"


def notice_name(message: str) -> str:
    """The parameter a notice is about: the text before its first '=' or ':'."""
    cut = min((i for i in (message.find("="), message.find(":")) if i >= 0), default=len(message))
    return message[:cut]


def summarised(messages: list[str], unknown_names: list[str] = ()) -> list[str]:  # type: ignore[assignment]
    """The notices with each parameter's beyond the first few counted, and unknown names listed once."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for message in messages:
        by_name[notice_name(message)].append(message)
    result: list[str] = []
    for name, notes in by_name.items():
        if len(notes) <= EACH_NAME:
            result += notes
        else:
            result += [*notes[: EACH_NAME - 1], f"ignored {len(notes)} values of {name} in all"]
    if len(unknown_names) == 1:
        result.append(f"{shown(unknown_names[0])}: {UNKNOWN}")
    elif unknown_names:
        names = ", ".join(shown(name) for name in unknown_names[:NAMES_SHOWN])
        more = f" and {len(unknown_names) - NAMES_SHOWN} more" if len(unknown_names) > NAMES_SHOWN else ""
        result.append(f"{len(unknown_names)} unknown parameters: {names}{more}")
    return result
