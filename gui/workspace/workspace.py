"""The exercise page: banner and stepper on top, lists and detail below, in resizable panes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from gui.editors.arguments_view import ArgumentsView
from gui.editors.assumptions_view import AssumptionsView
from gui.workspace.banner import Banner
from gui.charts.charts_view import ChartsView
from gui.workspace.detail_view import DetailView
from gui.workspace.disagreements_view import DisagreementsView
from gui.workspace.events_view import EventsView
from gui.editors.forecasts_view import ForecastsView
from gui.workspace.in_force_view import InForceView
from gui.editors.role_view import RoleView
from gui.document.editor import Editor
from gui.workspace.step_actions import StepActions
from gui.workspace.stepper import Stepper


class Workspace(QWidget):
    def __init__(self, editor: Editor, actions: StepActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        document = editor.document
        self.banner = Banner(document)
        self.stepper = Stepper(document, actions)
        self.in_force = InForceView(document)
        self.events = EventsView(document)
        self.detail = DetailView(document)
        self.arguments = ArgumentsView(editor)
        self.assumptions = AssumptionsView(editor)
        self.charts = ChartsView(document)
        self.disagreements = DisagreementsView(document)
        self.role = RoleView(editor)
        self.forecasts = ForecastsView(editor)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.arguments, "&Arguments")
        self.tabs.addTab(self.assumptions, "Your assu&mptions")
        self.tabs.addTab(self.charts, "&Charts")
        self.tabs.addTab(self.forecasts, "&Forecasts")
        self.tabs.addTab(self.role, "R&ole && prompts")
        self.tabs.addTab(self.disagreements, "Sources &disagree")
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.setObjectName("leftSplitter")
        for widget in (self.in_force, self.events, self.detail):
            self.left.addWidget(widget)
        self.left.setSizes([170, 330, 200])
        self.main = QSplitter(Qt.Orientation.Horizontal)
        self.main.setObjectName("mainSplitter")
        self.main.addWidget(self.left)
        self.main.addWidget(self.tabs)
        self.main.setSizes([480, 800])
        self.main.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.banner)
        layout.addWidget(self.stepper)
        layout.addWidget(self.main, 1)

    def splitters(self) -> list[QSplitter]:
        return [self.left, self.main]
