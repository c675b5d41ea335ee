"""The charts' colours taken from the window palette, so charts switch with light and dark themes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPalette

from gui.widgets.theme import is_dark

if TYPE_CHECKING:
    from gui.plots.style import ChartStyle


def chart_style(palette: QPalette) -> ChartStyle:
    import dataclasses

    from gui.plots.style import style_for  # imports matplotlib: only once a chart is on screen

    base = style_for(is_dark(palette))
    colour = lambda role: palette.color(role).name()  # noqa: E731
    return dataclasses.replace(base, foreground=colour(QPalette.ColorRole.WindowText), background=colour(QPalette.ColorRole.Base))
