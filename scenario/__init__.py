"""The domain of Divestiture Lab: packs, timelines, assumptions, outcomes. Pure Python, no Qt."""

__version__ = "0.1.0"
