"""Starting a scenario: its name, the mode (Explore or Classroom) and, optionally, a role."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QRadioButton,
                               QVBoxLayout, QWidget)

from gui.widgets.theme import MutedLabel
from scenario.model import Pack
from scenario.record import NAME_MAX, Mode

MODES: dict[Mode, tuple[str, str]] = {
    "explore": ("&Explore", "Everything can be seen, and you can move freely through time. As in Classroom mode, a "
                           "forecast locks once you have been on or past the date its question resolves, so jumping "
                           "ahead (End) locks every forecast."),
    "classroom": ("&Classroom", "Only what was known on each date is shown. A forecast locks once you have been on or past "
                               "the date its question resolves, and a step that would lock questions you have not "
                               "forecast asks first. Jumping to the end asks first and is recorded in your submission."),
}


class NewScenarioDialog(QDialog):
    def __init__(self, pack: Pack, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.setWindowTitle(f"New scenario: {pack.title}")
        self.name = QLineEdit(name)
        self.name.setMaxLength(NAME_MAX)
        self.name.setAccessibleName("Scenario name")
        self.modes = QButtonGroup(self)
        modes = QWidget()  # a widget, not a bare layout: QFormLayout gives wrapped text its height only then
        mode_box = QVBoxLayout(modes)
        mode_box.setContentsMargins(0, 0, 0, 0)
        for n, (mode, (label, explanation)) in enumerate(MODES.items()):
            button = QRadioButton(label)
            button.setProperty("mode", mode)
            button.setAccessibleDescription(explanation)
            button.setChecked(n == 0)
            self.modes.addButton(button, n)
            mode_box.addWidget(button)
            mode_box.addWidget(MutedLabel(explanation))
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        self.role.addItem("No role", None)
        for role in pack.roles:
            self.role.addItem(role.title, role.id)
        self.brief = MutedLabel()
        self.role.currentIndexChanged.connect(self._role_changed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Start")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip())))
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("Mode:", modes)
        form.addRow("&Role:", self.role)
        form.addRow("", self.brief)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.name.setMinimumWidth(440)
        self._role_changed()

    def _role_changed(self, *_: object) -> None:
        role = next((r for r in self.pack.roles if r.id == self.role.currentData()), None)
        self.brief.setText(role.brief if role else "You can take a role now or later, from the Role & prompts tab.")
        self.brief.setAccessibleDescription(self.brief.text())
        self._fit_text()

    def _fit_text(self) -> None:
        """Tall enough for every wrapped line at the current width: Qt sizes a dialog from its
        layout's minimum, which does not count the lines wrapped text needs."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > 0:
            self.setMinimumHeight(needed)
            if self.height() < needed:
                self.resize(self.width(), needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_text()


    def values(self) -> tuple[str, Mode, str | None]:
        mode = self.modes.checkedButton().property("mode")
        return self.name.text().strip(), mode, self.role.currentData()
