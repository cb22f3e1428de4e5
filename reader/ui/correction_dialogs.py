"""The two small dialogs of the Article menu: the new title when an article is split,
and an article's title and authors.

Both only collect what the user wants; the window turns it into core operations
(`SplitArticle`, `SetTitle`, `SetAuthors`) and runs them through `UndoableWrites`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.parse.model import Author
from reader.ui.i18n import tr


class SplitDialog(QDialog):
    """Confirms a split and names the new article (prefilled with the start of its
    text, `corrections.suggested_title`)."""

    def __init__(self, suggested: str, open_new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitDialog")
        self.setWindowTitle(tr("Split Article"))
        self.suggested = suggested
        explanation = QLabel(tr("The text from the cursor on becomes a new article."), self)
        explanation.setWordWrap(True)
        self.title_edit = QLineEdit(suggested, self)
        self.title_edit.setObjectName("splitTitle")
        self.title_edit.selectAll()
        self.open_new_box = QCheckBox(tr("Open the new article"), self)
        self.open_new_box.setObjectName("openNewArticle")
        self.open_new_box.setChecked(open_new)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Split"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Title of the new article:"), self.title_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.open_new_box)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def title(self) -> str | None:
        """The title the user gave; None when it is the suggestion (the page's own text
        then names the new article, also after a re-parse)."""
        title = self.title_edit.text().strip()
        return None if not title or title == self.suggested else title

    def open_new(self) -> bool:
        return self.open_new_box.isChecked()


class TitleAuthorsDialog(QDialog):
    """An article's title and its authors (name and role, e.g. 记者, 通讯员, 摄影)."""

    def __init__(
        self, title: str, authors: Sequence[Author], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("titleAuthorsDialog")
        self.setWindowTitle(tr("Edit Title and Authors"))
        self.original_title = title
        self.original_authors = tuple(authors)
        self.title_edit = QLineEdit(title, self)
        self.title_edit.setObjectName("articleTitle")
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("authorsTable")
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Role")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for author in authors:
            self.add_author(author.name, author.role)
        add = QPushButton(tr("Add Author"), self)
        add.clicked.connect(lambda: self.add_author("", "", edit=True))
        remove = QPushButton(tr("Remove Author"), self)
        remove.clicked.connect(self.remove_current_author)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Title:"), self.title_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Authors:"), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(480, 360)

    def add_author(self, name: str, role: str, *, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(role))
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove_current_author(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def title(self) -> str:
        return self.title_edit.text().strip()

    def authors(self) -> tuple[Author, ...]:
        """The authors as listed; a row without a name is left out."""
        authors = []
        for row in range(self.table.rowCount()):
            name, role = (self.table.item(row, c) for c in (0, 1))
            name_text = name.text().strip() if name else ""
            if name_text:
                authors.append(Author(name_text, role.text().strip() if role else ""))
        return tuple(authors)

    def title_changed(self) -> bool:
        return self.title() != self.original_title

    def authors_changed(self) -> bool:
        return self.authors() != self.original_authors
