"""Repaint only the artists that follow the current date, over a cached background.

A full Agg draw of the timeline takes 25-40 ms (tick labels, legend and layout), which is
over a step's 16 ms budget; restoring a cached background and drawing the few moving artists
takes a few milliseconds. This is matplotlib's blitting recipe, kept Qt-free: it needs only a
canvas that supports `copy_from_bbox` (every Agg-based canvas, QtAgg included).
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.backend_bases import FigureCanvasBase


class Blitter:
    """Call `update()` after changing the artists (e.g. `TimelineChart.move_cursor`).

    Animated artists are left out of ordinary draws and of `savefig`, so call `release()`
    before exporting the figure, and make a new Blitter if the chart is drawn afresh.
    """

    def __init__(self, canvas: FigureCanvasBase, artists: Sequence[Artist]) -> None:
        self.canvas = canvas
        self.artists = list(artists)
        self._background = None
        for artist in self.artists:
            artist.set_animated(True)
        self._connection = canvas.mpl_connect("draw_event", self._on_draw)

    def _on_draw(self, _event) -> None:
        """A full draw (first paint, resize, restyle) renews the background, then adds the artists."""
        self._background = self.canvas.copy_from_bbox(self.canvas.figure.bbox)
        self._draw_artists()

    def _draw_artists(self) -> None:
        for artist in self.artists:
            self.canvas.figure.draw_artist(artist)

    def update(self) -> None:
        if self._background is None:
            self.canvas.draw()
            return
        self.canvas.restore_region(self._background)
        self._draw_artists()
        self.canvas.blit(self.canvas.figure.bbox)

    def release(self) -> None:
        self.canvas.mpl_disconnect(self._connection)
        for artist in self.artists:
            artist.set_animated(False)
        self._background = None
