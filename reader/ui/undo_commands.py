"""The undo stack's one command: a thin adapter over a core `UndoStep`.

Every edit is a core operation (`reader.store.operations`) that `UndoableWrites` applies
*before* anything goes on the QUndoStack; only when it succeeded and changed something is
an `OperationCommand` pushed, so the stack never holds a change that did not happen and
its first `redo()` (QUndoStack.push calls it) finds the step done already and does
nothing. Undo and redo run the step's stored inverse (`reader.store.history`), which the
core computed from the real state: an edit that changed nothing has no step at all, so
undoing "tag an article with a tag it has" cannot take that tag away.

Undo and redo never let an exception cross into Qt (PySide would print "Error calling
Python override…" or abort): a failure is handed to the owner, and the step stays as it
was, for the stack to be put back and the step retried.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from reader.store.change import Change
from reader.store.history import Applies, UndoStep
from reader.ui.i18n import label_text

#: QUndoStack merges consecutive commands with the same id(); the steps themselves
#: decide (through their merge keys) whether they really merge.
MERGEABLE_ID = 1001


class StepOwner(Protocol):
    """Who runs the steps (the window's `UndoableWrites`) and hears how they went."""

    @property
    def library(self) -> Applies: ...

    def step_done(self, change: Change) -> None: ...

    def step_failed(self, error: BaseException) -> None: ...


class OperationCommand(QUndoCommand):
    """One user action on the QUndoStack; `step.done` says which side the library is on."""

    def __init__(self, step: UndoStep, owner: StepOwner) -> None:
        super().__init__(label_text(step.label))
        self.step = step
        self._owner = owner

    def id(self) -> int:
        return MERGEABLE_ID if self.step.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        return isinstance(other, OperationCommand) and self.step.absorb(other.step)

    def redo(self) -> None:
        if not self.step.done:  # done already on the first push, and after a failed undo
            self._switch(self.step.redo)

    def undo(self) -> None:
        if self.step.done:
            self._switch(self.step.undo)

    def _switch(self, move) -> None:
        try:
            change = move(self._owner.library)
        except Exception as error:  # nothing may cross into Qt's C++ here
            self._owner.step_failed(error)
            return
        self._owner.step_done(change)
