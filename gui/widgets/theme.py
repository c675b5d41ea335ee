"""Light and dark palettes, so the app reads well whatever the desktop's own theme is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory, QWidget

_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#2a2b2f",
    QPalette.ColorRole.ToolTipBase: "#2a2b2f",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2e31",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#8ab4f8",
    QPalette.ColorRole.HighlightedText: "#17181a",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
    QPalette.ColorRole.Light: "#3c4043",
    QPalette.ColorRole.Midlight: "#34363a",
    QPalette.ColorRole.Mid: "#2a2b2f",
    QPalette.ColorRole.Dark: "#111214",
    QPalette.ColorRole.Shadow: "#000000",
}
# Where Fusion's light palette falls short of WCAG 2.1 AA (tests/gui/test_contrast.py), the same hue, darker.
_LIGHT = {
    QPalette.ColorRole.Highlight: "#2a7bad",  # white selected text on it 4.6:1 (Fusion's #308cc6: 3.7:1)
    QPalette.ColorRole.PlaceholderText: "#6e6e6e",  # "Why? (your note)" 5.1:1 on white (Fusion's half-clear black: 3.9:1)
    QPalette.ColorRole.LinkVisited: "#a100a1",  # Fusion's #ff00ff: 3.1:1 on white
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#80868b",
    QPalette.ColorRole.Text: "#80868b",
    QPalette.ColorRole.ButtonText: "#80868b",
}


def light_palette(standard: QPalette) -> QPalette:
    """Fusion's light palette, `standard`, with enough contrast for every text and focus mark."""
    palette = QPalette(standard)
    for role, colour in _LIGHT.items():
        palette.setColor(role, QColor(colour))
    return palette


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


class ThemeSwitcher:
    """Applies 'system', 'light' or 'dark'; remembers the platform look so 'system' can return to it."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self._system_style = app.style().name()
        self._system_palette = app.palette()

    def apply(self, theme: str) -> None:
        if theme == "system":
            self.app.setStyle(QStyleFactory.create(self._system_style))
            self.app.setPalette(self._system_palette)
            return
        self.app.setStyle(QStyleFactory.create("Fusion"))
        palette = dark_palette() if theme == "dark" else light_palette(self.app.style().standardPalette())
        self.app.setPalette(palette)
        for kind in INDICATED:  # after the app palette, which resets every class palette
            self.app.setPalette(indicator_palette(palette), kind)
        for kind in FIELDS:
            self.app.setPalette(outlined_palette(palette), kind)


INDICATED = ("QCheckBox", "QRadioButton")
FIELDS = ("QLineEdit", "QAbstractSpinBox")  # an empty field is told from the window by its outline alone
_DARK_INDICATOR = "#70757a"  # 3.5:1 against the dark window; the check mark in white on it, 4.8:1
_OUTLINE_SOURCE = "#a0a0a0"  # the outline Fusion makes from it: 3.5:1 or more on either window (Fusion's own: 1.1 to 2:1)


def outlined_palette(palette: QPalette) -> QPalette:
    """Fusion draws a control's outline from the control's own Window colour, made darker: a hair
    away from the window itself, too faint to find an empty field by (WCAG 1.4.11 asks 3:1). A
    field or a check box never fills its Window, so a mid grey there changes only the outline."""
    adjusted = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        adjusted.setColor(group, QPalette.ColorRole.Window, QColor(_OUTLINE_SOURCE))
    return adjusted


def indicator_palette(palette: QPalette) -> QPalette:
    """Check boxes and radio buttons draw their box in the Base colour with an outline darker than
    the window: on a dark window that box all but vanishes, so dark palettes give it a mid grey.
    On a light window the box is white: it gets the outline of a field."""
    if not is_dark(palette):
        return outlined_palette(palette)
    adjusted = QPalette(palette)
    adjusted.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.Base, QColor(_DARK_INDICATOR))
    adjusted.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Base, QColor(_DARK_INDICATOR))
    adjusted.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.Text, QColor("#ffffff"))
    adjusted.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Text, QColor("#ffffff"))
    return adjusted


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def muted(text: QColor, base: QColor, share: float = 0.35) -> QColor:
    """Text pulled a third of the way towards the background: quieter, still above 4.5:1 contrast
    (tests/gui/test_contrast.py checks each use against both palettes)."""
    mix = lambda a, b: round(a + (b - a) * share)  # noqa: E731
    return QColor(mix(text.red(), base.red()), mix(text.green(), base.green()), mix(text.blue(), base.blue()))


class MutedLabel(QLabel):
    """Secondary plain text (help, hints) that stays readable, and follows a change of theme.

    Disabled labels are the usual trick, but their grey is too faint to read comfortably.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not getattr(self, "_restyling", False):
            self._restyle()

    def _restyle(self) -> None:
        self._restyling = True
        palette = QApplication.palette(self)
        palette.setColor(QPalette.ColorRole.WindowText, muted(palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)))
        self.setPalette(palette)
        self._restyling = False


def discard(widget: QWidget) -> None:
    """Take a widget off screen and out of the tree now (deleteLater alone leaves it, readable, until the loop turns)."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()
