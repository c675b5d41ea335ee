"""New ids offered from titles: always valid for the model's Id, readable, and unique."""

from __future__ import annotations

import msgspec
import pytest

from scenario.authoring.ids import FALLBACK, MAX_SLUG, suggest_id
from scenario.model import Id


def valid(value: str) -> bool:
    try:
        msgspec.convert(value, Id)
    except msgspec.ValidationError:
        return False
    return True


@pytest.mark.parametrize(("title", "expected"), [
    ("Congrès: l'accord", "congres-l-accord"),
    ("TikTok sues over the Executive Order", "tiktok-sues-over-the-executive-order"),
    ("  Ärger über ÉTÉ  ", "arger-uber-ete"),
    ("ﬁnal ① step", "final-1-step"),  # compatibility forms fold too (NFKD)
    ("2024", "2024"),
    ("--lead", "lead"),
    ("under_score", "under-score"),
])
def test_slug_reads_as_the_title(title: str, expected: str) -> None:
    assert suggest_id(title, ()) == expected


@pytest.mark.parametrize("title", ["", "   ", "🎉🎉", "抖音", "---", "!!!", "\x00\n\t"])
def test_a_title_with_nothing_to_keep_gives_the_fallback(title: str) -> None:
    assert suggest_id(title, ()) == FALLBACK


def test_a_very_long_title_is_cut_at_a_word_boundary() -> None:
    slug = suggest_id("The Protecting Americans from Foreign Adversary Controlled Applications Act", ())
    assert slug == "the-protecting-americans-from-foreign"
    assert len(suggest_id("word " * 2000, ())) <= MAX_SLUG


def test_one_unbroken_long_word_is_cut_mid_word() -> None:
    assert suggest_id("x" * 10_000, ()) == "x" * MAX_SLUG


def test_clashes_are_numbered() -> None:
    taken = {"deadline", "deadline-2", "other"}
    assert suggest_id("Deadline", taken) == "deadline-3"
    assert suggest_id("Deadline", ["other"]) == "deadline"
    assert suggest_id("🎉", {FALLBACK}) == f"{FALLBACK}-2"


@pytest.mark.parametrize("title", [
    "", "🎉", "1234567890" * 10, "-leading", "_leading", "Ω" * 50, "a" * 10_000, "a-" * 5000,
    "é" * 10_000, "Ünïcödé " * 300, "\u202eright-to-left", "=HYPERLINK(\"x\")",
])
def test_every_suggestion_is_a_valid_unused_id(title: str) -> None:
    taken = {suggest_id(title, ())}
    for _ in range(3):
        slug = suggest_id(title, taken)
        assert valid(slug) and slug not in taken
        taken.add(slug)
