"""Chart tests draw on an Agg canvas: no display, no pyplot."""

from __future__ import annotations

import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from scenario.model import Pack
from scenario.pack import load_pack
from tests.conftest import MINI_PACK


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(MINI_PACK).pack


@pytest.fixture
def ax() -> Axes:
    fig = Figure(layout="constrained")
    FigureCanvasAgg(fig)
    return fig.add_subplot()


def texts(ax: Axes) -> list[str]:
    """Every visible string in the axes, for asserting on what a reader would see."""
    return [t.get_text() for t in ax.texts]
