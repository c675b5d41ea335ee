"""Starting a scenario: its name, the mode (Explore or Classroom) and, optionally, a role."""

from __future__ import annotations

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
        mode_box = QVBoxLayout()
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
        form.addRow("Mode:", mode_box)
        form.addRow("&Role:", self.role)
        form.addRow("", self.brief)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._role_changed()

    def _role_changed(self, *_: object) -> None:
        role = next((r for r in self.pack.roles if r.id == self.role.currentData()), None)
        self.brief.setText(role.brief if role else "You can take a role now or later, from the Role & prompts tab.")

    def values(self) -> tuple[str, Mode, str | None]:
        mode = self.modes.checkedButton().property("mode")
        return self.name.text().strip(), mode, self.role.currentData()
