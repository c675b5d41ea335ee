"""Contrast (WCAG 2.1 1.4.3 and 1.4.11), computed from the colours the app really uses: the
palettes the theme switcher applies, the colours the list rows and muted labels derive from them,
and the chart styles. Text needs 4.5:1; chart marks, focus marks and control outlines 3:1.

Not checked, on purpose: the chart grid (decoration: every value is in the tick labels and in
Show data) and disabled controls (WCAG exempts inactive components).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from matplotlib.colors import to_hex
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QApplication, QCheckBox, QDoubleSpinBox, QFrame, QLineEdit, QPushButton, QRadioButton, QSpinBox, QStyle,
                               QStyleOptionButton, QVBoxLayout, QWidget)

from gui.charts.chart_style import chart_style
from gui.plots.role_weights import _shades
from gui.plots.style import ChartStyle, style_for
from gui.widgets.row_delegate import row_colours
from gui.widgets.rows_model import Row, RowsModel
from gui.widgets.theme import MutedLabel, ThemeSwitcher, is_dark
from gui.widgets.typed_text import TypedLine

TEXT, LARGE_TEXT_OR_GRAPHIC = 4.5, 3.0
Role = QPalette.ColorRole


def _channel(value: int) -> float:
    v = value / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance."""
    return 0.2126 * _channel(colour.red()) + 0.7152 * _channel(colour.green()) + 0.0722 * _channel(colour.blue())


def contrast(foreground: QColor | str, background: QColor | str) -> float:
    """The WCAG contrast ratio; a translucent foreground (Fusion's placeholder text) is first laid on the background."""
    fg, bg = QColor(foreground), QColor(background)
    a = fg.alphaF()
    fg = QColor.fromRgbF(fg.redF() * a + bg.redF() * (1 - a), fg.greenF() * a + bg.greenF() * (1 - a), fg.blueF() * a + bg.blueF() * (1 - a))
    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes on white
    assert contrast(QColor(0, 0, 0, 128), "#ffffff") == pytest.approx(contrast("#7f7f7f", "#ffffff"), abs=0.05)


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp) -> Iterator[str]:
    """The theme applied as the app applies it; the light one (every GUI test's) afterwards."""
    switcher = ThemeSwitcher(qapp)
    switcher.apply(request.param)
    yield request.param
    switcher.apply("light")


def failing(pairs: dict[str, tuple[QColor | str, QColor | str]], minimum: float) -> list[str]:
    return [f"{what}: {QColor(fg).name()} on {QColor(bg).name()} is {contrast(fg, bg):.2f}:1, needs {minimum}:1"
            for what, (fg, bg) in pairs.items() if contrast(fg, bg) < minimum]


def test_text_in_the_window_has_4_5_to_1(theme, qtbot) -> None:
    palette = QApplication.palette()
    colour = palette.color
    muted_rows = RowsModel()
    muted_rows.set_rows([Row("Later: an event", muted=True)])
    muted_row = muted_rows.data(muted_rows.index(0), Qt.ItemDataRole.ForegroundRole)
    _, row_detail = row_colours(palette, False, None)
    label = MutedLabel("A hint")
    qtbot.addWidget(label)
    hint = label.palette().color(Role.WindowText)
    pairs = {
        "window text": (colour(Role.WindowText), colour(Role.Window)),
        "text in fields and lists": (colour(Role.Text), colour(Role.Base)),
        "text on alternate rows": (colour(Role.Text), colour(Role.AlternateBase)),
        "button text": (colour(Role.ButtonText), colour(Role.Button)),
        "selected row text": (colour(Role.HighlightedText), colour(Role.Highlight)),
        "link": (colour(Role.Link), colour(Role.Base)),
        "visited link": (colour(Role.LinkVisited), colour(Role.Base)),
        "placeholder (a hint in an empty field)": (colour(Role.PlaceholderText), colour(Role.Base)),
        "tooltip": (colour(Role.ToolTipText), colour(Role.ToolTipBase)),
        "banner text (on the alternate base)": (colour(Role.WindowText), colour(Role.AlternateBase)),
        "a list row's detail lines": (row_detail, colour(Role.Base)),
        "a list row's detail lines, alternate row": (row_detail, colour(Role.AlternateBase)),
        "a greyed row (later event, law no longer in force)": (muted_row, colour(Role.Base)),
        "a greyed row, alternate row": (muted_row, colour(Role.AlternateBase)),
        "a muted label (help, hints)": (hint, colour(Role.Window)),
        "a muted label in the banner": (hint, colour(Role.AlternateBase)),
        "check box and radio button text": (QApplication.palette("QCheckBox").color(Role.WindowText), colour(Role.Window)),
    }
    assert not failing(pairs, TEXT), "\n".join(failing(pairs, TEXT))


def test_focus_and_selection_marks_have_3_to_1(theme) -> None:
    """Fusion draws the focus frame and a selected row in the Highlight colour."""
    colour = QApplication.palette().color
    pairs = {"focus frame on the window": (colour(Role.Highlight), colour(Role.Window)),
             "focus frame or selection in a list": (colour(Role.Highlight), colour(Role.Base))}
    assert not failing(pairs, LARGE_TEXT_OR_GRAPHIC), "\n".join(failing(pairs, LARGE_TEXT_OR_GRAPHIC))


def test_fields_check_boxes_and_radio_buttons_show_their_outline(theme, qtbot) -> None:
    """Measured on the drawn pixels, with the focus elsewhere: an empty text field or spin box, and the
    box of an unchecked check box or radio button, is told from the window by its outline."""
    frame = QFrame()
    qtbot.addWidget(frame)
    layout = QVBoxLayout(frame)
    elsewhere = QPushButton("Focus here")
    layout.addWidget(elsewhere)
    indicators = {QCheckBox("Range"): QStyle.SubElement.SE_CheckBoxIndicator, QRadioButton("Explore"): QStyle.SubElement.SE_RadioButtonIndicator}
    fields = [QLineEdit(), QSpinBox(), QDoubleSpinBox(), TypedLine()]
    for widget in (*indicators, *fields):
        layout.addWidget(widget)
    frame.show()
    qtbot.waitExposed(frame)
    elsewhere.setFocus()
    window = frame.palette().color(Role.Window)

    def strongest(widget: QWidget, rect: QRect) -> float:
        image = widget.grab().toImage()
        return max(contrast(image.pixelColor(x, y), window) for x in range(rect.left(), rect.right() + 1)
                   for y in range(rect.top(), rect.bottom() + 1))

    weak = []
    for box, element in indicators.items():
        option = QStyleOptionButton()
        option.initFrom(box)
        weak += [(box, strongest(box, box.style().subElementRect(element, option, box)))]
    for field in fields:  # its outermost two pixels all round
        r = field.rect()
        edges = [QRect(0, 0, r.width(), 2), QRect(0, r.height() - 2, r.width(), 2), QRect(0, 0, 2, r.height()), QRect(r.width() - 2, 0, 2, r.height())]
        weak += [(field, max(strongest(field, edge) for edge in edges))]
    failing_outlines = [f"{type(w).__name__} {ratio:.2f}:1" for w, ratio in weak if ratio < LARGE_TEXT_OR_GRAPHIC]
    assert not failing_outlines, f"outlines under 3:1 in the {theme} theme: {failing_outlines}"


def _chart_failures(style: ChartStyle, where: str) -> list[str]:
    text = {f"{where}: text": (style.foreground, style.background),
            f"{where}: muted text (empty charts, 'none' cells, ticks)": (style.muted, style.background),
            f"{where}: cell text on the weightiest role-weight cell": (style.foreground, to_hex(_shades(style)(1.0)))}
    marks = {f"{where}: series colour {n} (bars, lines, event markers)": (colour, style.background)
             for n, colour in enumerate(style.palette)}
    marks[f"{where}: axes and tick marks"] = (style.muted, style.background)
    return failing(text, TEXT) + failing(marks, LARGE_TEXT_OR_GRAPHIC)


def test_chart_text_and_marks_contrast_with_the_chart_background(theme) -> None:
    """The window's charts take their colours from the palette (chart_style); the class charts and
    the reports use style_for. Every series colour is used: the timeline gives each event kind one."""
    palette = QApplication.palette()
    problems = _chart_failures(chart_style(palette), "charts in the window")
    problems += _chart_failures(style_for(is_dark(palette)), "class charts and reports")
    assert not problems, "\n".join(problems)
