"""Tabs whose views are built the first time they are shown, first asked for, or in idle time.

Building every tab with the window costs start-up time, so none is built before the window
paints (the owner may build the rest in idle time afterwards: `unbuilt`). A view built late
must show the state it was built in (its constructor catches up with its model).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class _Page(QWidget):
    """A tab's page that holds nothing until it is first shown or its view is asked for."""

    def __init__(self, make: Callable[[], QWidget]) -> None:
        super().__init__()
        self._make: Callable[[], QWidget] | None = make
        self.view: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self._make is not None:
            self.view, self._make = self._make(), None
            self.layout().addWidget(self.view)
            if self.isVisible():  # being shown: lay out and show the view now, not a turn later
                self.layout().activate()
                self.view.show()
        assert self.view is not None
        return self.view

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)


class LazyTabs(QTabWidget):
    """A QTabWidget with `add_lazy`; `setCurrentWidget` and `indexOf` also take a built view, and
    `currentWidget` gives the view (not the page holding it) once it is built.

    A QTabWidget answers every layout request by laying out its tabs again and repainting itself,
    page included. Requests come up from any label in the page whose text changed (a count in a
    list's title, on every step), so the whole page in front was repainted on every step. Here a
    request that changes neither the tab bar nor the sizes the tabs ask for is only passed on.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shape: tuple[QSize, QSize, QSize] | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            shape = (self.tabBar().sizeHint(), self.minimumSizeHint(), self.sizeHint())
            if shape == self._shape:
                self.updateGeometry()  # what QTabWidget would also do: the parent's layout hears of it
                return True
            self._shape = shape
        return super().event(event)

    def add_lazy(self, make: Callable[[], QWidget], label: str) -> int:
        return self.addTab(_Page(make), label)

    def unbuilt(self) -> list[int]:
        return [n for n in range(self.count()) if isinstance(page := self.widget(n), _Page) and page.view is None]

    def lay_out_hidden(self, index: int) -> None:
        """Give a hidden page, and everything in it, the sizes it will have when shown.

        Qt sizes a hidden widget's children only when it shows. A chart sized then draws then,
        in front of the student; sized now, it draws in idle time, and showing it only paints.
        This is what showing does first (each widget's pending resize event, its layout), top down.
        """
        page = self.widget(index)
        if page.isVisible() or not self.isVisible():  # shown already, or no page in front to take the size of
            return
        page.setGeometry(QTabWidget.currentWidget(self).geometry())
        widgets = [page]
        while widgets:
            widget = widgets.pop(0)
            if widget.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent):
                widget.setAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent, False)
                QCoreApplication.sendEvent(widget, QResizeEvent(widget.size(), QSize()))
            if widget.layout() is not None:
                widget.layout().activate()
            widgets += [child for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                        if not child.isWindow() and not child.isHidden()]

    def view(self, index: int) -> QWidget:
        """The view on tab `index`, built now if it was not yet."""
        page = self.widget(index)
        return page.build() if isinstance(page, _Page) else page

    def indexOf(self, widget: QWidget) -> int:
        for n in range(self.count()):
            page = self.widget(n)
            if widget is page or (isinstance(page, _Page) and widget is page.view):
                return n
        return -1

    def setCurrentWidget(self, widget: QWidget) -> None:
        self.setCurrentIndex(self.indexOf(widget))

    def currentWidget(self) -> QWidget | None:
        page = super().currentWidget()
        return page.view if isinstance(page, _Page) and page.view is not None else page
