"""The exercise page: banner and stepper on top, lists and detail below, in resizable panes.

Only the Arguments tab, in front at the start, is built with the page, so the window paints
soon. The other tabs, with their charts' figures, are built in idle time after that (or when
first shown or asked for, if sooner) and laid out at their size, so their charts are drawn
then too: a first click on a tab only paints.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from gui.editors.arguments_view import ArgumentsView
from gui.editors.assumptions_view import AssumptionsView
from gui.workspace.banner import Banner
from gui.charts.charts_view import ChartsView
from gui.charts.figure_panel import FigurePanel
from gui.workspace.detail_view import DetailView
from gui.workspace.disagreements_view import DisagreementsView
from gui.workspace.events_view import EventsView
from gui.editors.forecast_alerts import FORECASTS_TAB
from gui.editors.forecasts_view import ForecastsView
from gui.workspace.in_force_view import InForceView
from gui.editors.role_view import RoleView
from gui.document.editor import Editor
from gui.widgets.idle_work import ACTIVITY, IdleWork
from gui.widgets.lazy_tabs import LazyTabs
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
        for change in (document.dateChanged, document.recordChanged):
            change.connect(ACTIVITY.touch)
        self.tabs = LazyTabs()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("What you do at this date")
        self.tabs.addTab(self.arguments, "&Arguments")
        self._assumptions = self.tabs.add_lazy(lambda: AssumptionsView(editor), "Your assu&mptions")
        self._charts = self.tabs.add_lazy(lambda: ChartsView(document), "&Charts")
        self._forecasts = self.tabs.add_lazy(lambda: ForecastsView(editor), FORECASTS_TAB)
        self._role = self.tabs.add_lazy(lambda: RoleView(editor), "R&ole && prompts")
        self._disagreements = self.tabs.add_lazy(lambda: DisagreementsView(document), "Sources &disagree")
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

    def prepare_in_idle(self, work: IdleWork) -> None:
        """Queue each tab not built yet, then its charts' figures, one job each: the longest job
        (a chart's draw, 50-90 ms) is the most a key pressed meanwhile waits, and no job starts
        while the student is stepping or editing (`ACTIVITY`)."""
        for n in self.tabs.unbuilt():
            work.add(lambda n=n: self._prepare_tab(n, work))

    def _prepare_tab(self, index: int, work: IdleWork) -> None:
        """Next come its charts' figures, then its layout at the size it will have, which
        draws the charts (still in idle time)."""
        jobs = [panel.prepare for panel in self.tabs.view(index).findChildren(FigurePanel)]
        for job in reversed([*jobs, lambda: self.tabs.lay_out_hidden(index)]):
            work.add_next(job)

    def show_tab(self, index: int) -> None:
        """Bring a tab to the front and give the keyboard to the tab bar, as a click on the tab would:
        a keyboard user lands on the tab just chosen (a screen reader says which), and Tab goes on into
        its page, not from wherever the focus was before."""
        self.tabs.setCurrentIndex(index)
        self.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    @property
    def assumptions(self) -> AssumptionsView:
        return cast(AssumptionsView, self.tabs.view(self._assumptions))

    @property
    def charts(self) -> ChartsView:
        return cast(ChartsView, self.tabs.view(self._charts))

    @property
    def forecasts(self) -> ForecastsView:
        return cast(ForecastsView, self.tabs.view(self._forecasts))

    @property
    def role(self) -> RoleView:
        return cast(RoleView, self.tabs.view(self._role))

    @property
    def disagreements(self) -> DisagreementsView:
        return cast(DisagreementsView, self.tabs.view(self._disagreements))

    def splitters(self) -> list[QSplitter]:
        return [self.left, self.main]
