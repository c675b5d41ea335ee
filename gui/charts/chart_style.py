"""The charts' colours taken from the window palette, so charts switch with light and dark themes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QPalette

from gui.widgets.theme import is_dark

if TYPE_CHECKING:
    from gui.plots.style import ChartStyle


def chart_style(palette: QPalette, font: QFont | None = None) -> ChartStyle:
    """With `font` (the widget's), chart text is never smaller than the window's: a student who set
    a large system font reads the charts at that size too."""
    import dataclasses

    from gui.plots.style import style_for  # imports matplotlib: only once a chart is on screen

    base = style_for(is_dark(palette))
    colour = lambda role: palette.color(role).name()  # noqa: E731
    size = max(base.font_size, font.pointSizeF()) if font is not None else base.font_size
    return dataclasses.replace(base, foreground=colour(QPalette.ColorRole.WindowText), background=colour(QPalette.ColorRole.Base),
                               font_size=size)
