"""What part of the open scenario an edit changed: views redraw only what they show.

An enum rather than strings, so a misspelt kind fails when the module loads, not silently.
"""

from __future__ import annotations

import enum


class Change(enum.Enum):
    ASSUMPTION = "assumption"
    WEIGHT = "weight"
    FORECAST = "forecast"
    ANSWER = "answer"
    ROLE = "role"
    REVEAL = "reveal"  # the student chose to see what happened (Classroom mode)
    NAME = "name"
