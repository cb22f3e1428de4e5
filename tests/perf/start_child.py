"""Code shared by the benchmarks that time a start in a process of its own."""

#: Child code (after `ready()` is defined): READY once the window has been drawn and
#: the event loop is idle again. A 0-ms timer queued before `show()` fires before the
#: window system's expose event, so before anything is painted; so at the loop's first
#: turn the shown window gets a filter for its first paint, and its children (the list's
#: first page, the article) are painted in the same pass.
AFTER_FIRST_PAINT = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, ready)
        return False
first_paint = FirstPaint()
def watch_window():
    [window] = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    window.installEventFilter(first_paint)
QTimer.singleShot(0, watch_window)  # runs once the loop turns after show()
"""
