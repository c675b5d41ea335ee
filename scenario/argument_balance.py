"""The student's weighing of arguments, summed for and against a ban or forced sale, by theme.

An argument the student has not weighed counts 0: it has not been judged yet, and counting it
at some default would put words in the student's mouth. A theme with arguments but no weights
still appears (with zeros), so the student sees what they have not considered.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable, Mapping, Sequence

from scenario.labels import THEMES
from scenario.model import Argument, Theme
from scenario.record import ArgumentWeight

_THEME_ORDER = typing.get_args(Theme)


@dataclasses.dataclass(frozen=True)
class ThemeBalance:
    theme: str
    label: str
    weight_for: int
    weight_against: int
    arguments_for: int  # how many arguments on that side, weighed or not
    arguments_against: int

    @property
    def net(self) -> int:
        return self.weight_for - self.weight_against


@dataclasses.dataclass(frozen=True)
class Balance:
    themes: tuple[ThemeBalance, ...]  # in the schema's theme order, only themes with arguments
    weighed: int  # arguments with a weight above 0

    @property
    def total_for(self) -> int:
        return sum(t.weight_for for t in self.themes)

    @property
    def total_against(self) -> int:
        return sum(t.weight_against for t in self.themes)


def weight_totals(made: Sequence[Argument], weights: Mapping[str, ArgumentWeight], position: Mapping[str, int]) -> tuple[int, int]:
    """The balance's totals (for, against) over `made`, a prefix of the pack's arguments, where
    `position` gives each argument's index in the pack: it costs the number of weights, not of
    arguments, so a step through a large pack stays cheap."""
    totals = [0, 0]
    for argument_id, weight in weights.items():
        n = position.get(argument_id)
        if n is not None and n < len(made):
            totals[made[n].side != "for"] += weight.weight
    return totals[0], totals[1]


def argument_balance(arguments: Iterable[Argument], weights: Mapping[str, ArgumentWeight]) -> Balance:
    """Pass the arguments visible at the current date, so classroom mode stays spoiler-free."""
    sums: dict[str, list[int]] = {}  # theme -> [weight for, weight against, count for, count against]
    weighed = 0
    for argument in arguments:
        weight = weights[argument.id].weight if argument.id in weights else 0
        weighed += weight > 0
        row = sums.setdefault(argument.theme, [0, 0, 0, 0])
        side = 0 if argument.side == "for" else 1
        row[side] += weight
        row[side + 2] += 1
    themes = tuple(
        ThemeBalance(theme, THEMES.get(theme, theme), *sums[theme])
        for theme in sorted(sums, key=_THEME_ORDER.index)
    )
    return Balance(themes, weighed)
