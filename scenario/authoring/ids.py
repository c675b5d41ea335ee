"""New ids for pack records, offered from what the author typed as a title.

An id is how the rest of a pack (and every saved scenario and submission) refers to a record,
so it must match the model's `Id` pattern whatever the title holds: accents, other scripts,
emoji, punctuation, or a whole paragraph pasted in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

MAX_SLUG = 40  # room for a "-12345" suffix and still far inside the Id limit of 64
FALLBACK = "item"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def suggest_id(title: str, taken: Collection[str]) -> str:
    """A readable id for `title` that is not in `taken`: "Congrès: l'accord" -> "congres-l-accord".

    Accented letters fold to ASCII (NFKD); whatever has no ASCII form (CJK, emoji) is dropped,
    and a title with nothing left becomes "item". A long title is cut at a word boundary, so
    the id still reads as words. Clashes get "-2", "-3"…, as a person numbering copies would.
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = _shorten(_NOT_SLUG.sub("-", folded.lower()).strip("-")) or FALLBACK
    if slug not in taken:
        return slug
    n = 2
    while f"{slug}-{n}" in taken:
        n += 1
    return f"{slug}-{n}"


def _shorten(slug: str) -> str:
    """`slug` cut to MAX_SLUG at the last hyphen that keeps at least half of it, else mid-word."""
    if len(slug) <= MAX_SLUG:
        return slug
    cut = slug.rfind("-", MAX_SLUG // 2, MAX_SLUG + 1)
    return slug[: cut if cut > 0 else MAX_SLUG].strip("-")
