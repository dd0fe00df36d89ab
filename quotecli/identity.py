"""One speaker per person across the whole index.

Each article's engine run names its speakers in full where it can ("Donald
Trump", "Volodymyr Zelenskyy"). When an article is stored, its speakers are
matched against those already in the index: the same name, a spelling variant
of it (Zelensky / Zelenskyy), or a bare surname that only one known person
carries. People who merely share a surname (Donald Trump, Donald Trump Jr.,
Ivanka Trump) stay apart. Pure functions: the store looks the candidates up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from thefuzz import fuzz

from quotecli.model import PERSON, Speaker

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD = re.compile(r"[^\W_]+")
# Below these, two spellings are two names: "Zelensky"/"Zelenskyy" scores 94,
# "Clinton"/"Clifton" 86.
SURNAME_SIMILARITY = 90
NAME_SIMILARITY = 90


@dataclass(frozen=True, slots=True)
class Known:
    """A speaker already in the index."""

    id: int
    name: str
    type: str | None
    aliases: tuple[str, ...] = ()


def name_tokens(name: str) -> list[str]:
    """Lowercase words of a name, without accents, punctuation or initials."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = [w.lower() for w in _WORD.findall(plain)]
    return [w for w in words if len(w) > 1 or len(words) == 1]


def surname(name: str) -> str:
    """The family name: the last word that is not a suffix ("Trump" in "Donald Trump Jr.")."""
    words = [w for w in name_tokens(name) if w not in _SUFFIXES]
    return words[-1] if words else ""


def _suffix(words: list[str]) -> str:
    return words[-1] if words and words[-1] in _SUFFIXES else ""


def same_person(a: str, b: str) -> bool:
    """Whether two full names are one person's, allowing for spelling variants."""
    wa, wb = name_tokens(a), name_tokens(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if _suffix(wa) != _suffix(wb) or len(wa) < 2 or len(wb) < 2:
        return False
    first_a, first_b = wa[0], wb[0]
    if first_a != first_b:
        return False
    return (
        fuzz.ratio(surname(a), surname(b)) >= SURNAME_SIMILARITY
        and fuzz.ratio(" ".join(wa), " ".join(wb)) >= NAME_SIMILARITY
    )


def match(new: Speaker, candidates: Sequence[Known]) -> int | None:
    """The id of the known speaker that ``new`` is, or None for a new speaker."""
    key = name_tokens(new.name)
    for known in candidates:
        # One name, one speaker: the index keeps canonical names unique.
        if name_tokens(known.name) == key:
            return known.id
    if new.type != PERSON or not key:
        return None
    people = [k for k in candidates if k.type in (PERSON, None)]
    if len(key) == 1:
        # A bare surname joins the one person who carries it, and only then.
        bearers = {
            k.id for k in people if len(name_tokens(k.name)) > 1 and surname(k.name) == key[0]
        }
        return bearers.pop() if len(bearers) == 1 else None
    variants = [k for k in people if same_person(new.name, k.name)]
    if not variants:
        return None
    best = max(variants, key=lambda k: (fuzz.ratio(new.name.lower(), k.name.lower()), -k.id))
    return best.id
