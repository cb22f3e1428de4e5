"""Work that waits until a window has been drawn once.

`QTimer.singleShot(0, …)` right after `show()` runs *before* the window is drawn: the
window system's expose event, which paints it, is handled after the events already
posted. Measured offscreen on a 10,000-article library, the work queued that way (tag
counts, the lock keeper's confirmation, the outdated-pages check) put 60 ms between
`show()` and anything on screen. `FirstPaint` waits for the window's first paint event
and says so on the event loop's next turn, once the window and its children are drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

#: A window shown but not painted this long after (minimised at start, a window
#: system that never exposes it) gets its waiting work anyway.
FALLBACK_MS = 1000


class FirstPaint(QObject):
    """Emits `painted` once: after `window` was first painted, or `FALLBACK_MS` after
    it was shown without being painted. Make it before the window is shown."""

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._done = False
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(FALLBACK_MS)
        self._fallback.timeout.connect(self._emit)
        window.installEventFilter(self)

    @property
    def done(self) -> bool:
        return self._done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and not self._done:
            if event.type() == QEvent.Type.Show:
                self._fallback.start()
            elif event.type() == QEvent.Type.Paint:
                # the children are painted in the same pass, after their window
                QTimer.singleShot(0, self, self._emit)
        return False

    def _emit(self) -> None:
        if self._done:
            return
        self._done = True
        self._fallback.stop()
        self._window.removeEventFilter(self)
        self.painted.emit()
