"""Checks that a window's words fit: text cut off, widgets laid over each other, text outside
its window, and (right to left) a layout that is not mirrored.

Each check walks the visible widgets of a shown window and returns `Problem`s, so that one
failing test lists every problem at once. tests/i18n/test_clipping_checks.py proves each
check on made-up widgets: a too-narrow one is reported, a fitting one is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QStackedLayout,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QToolBar,
    QWidget,
)

from piritimer.present.countdown import CountdownDisplay
from piritimer.present.elided import ElidedLabel
from piritimer.widgets.dial import PAUSED_TEXT, Dial
from piritimer.widgets.plain import might_be_rich

SLACK_PX = 1
"""Rounding between Qt's measures (sizeHint, font metrics, geometry) is at most a pixel."""
MIRROR_SLACK_PX = 3

IsData = Callable[[str], bool]
"""Whether a text came from a file or the person (may be elided), not from the program."""


@dataclass(frozen=True)
class Problem:
    kind: str
    """``clipped``, ``overlap``, ``outside`` or ``not mirrored``."""
    widget: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.widget}: {self.detail}"


def describe(widget: QWidget) -> str:
    """``Class#objectName`` with the path of parents that have a name, and its text."""
    names = []
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() and not parent.objectName().startswith("qt_"):
            names.append(f"{type(parent).__name__}#{parent.objectName()}")
        parent = parent.parentWidget()
    own = type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
    text = widget_text(widget)
    where = " in ".join([own, *names[:2]])
    return f"{where} {text[:60]!r}" if text else where


def widget_text(widget: QWidget) -> str:
    if isinstance(widget, ElidedLabel):
        return widget.text()
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def shown_widgets(window: QWidget) -> Iterator[QWidget]:
    """The window and every descendant that is visible on screen now."""
    yield window
    for child in window.findChildren(QWidget):
        if child.isVisibleTo(window) and child.isVisible() and not child.isWindow():
            yield child


# -- text that does not fit ---------------------------------------------------------------------


def _plain(label: QLabel) -> str:
    if label.textFormat() is Qt.TextFormat.PlainText:
        return label.text()
    if label.textFormat() is Qt.TextFormat.RichText or might_be_rich(label.text()):
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()
    return label.text()


def _label_room(label: QLabel) -> QRect:
    margin = label.margin()
    rect = label.contentsRect().adjusted(margin, margin, -margin, -margin)
    indent = label.indent()
    if indent > 0:
        rect.adjust(indent, 0, 0, 0)
    return rect


def label_problems(label: QLabel, is_data: IsData) -> Iterator[Problem]:
    if not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return
    if isinstance(label, ElidedLabel):
        if label.shown_text() != label.text() and not is_data(label.text()):
            yield Problem(
                "clipped",
                describe(label),
                f"fixed words elided to {label.shown_text()!r} in {label.width()} px",
            )
        return
    room = _label_room(label)
    if room.width() <= 0 or room.height() <= 0:
        yield Problem("clipped", describe(label), f"no room at all ({label.size().toTuple()})")
        return
    text = _plain(label)
    if label.textFormat() is not Qt.TextFormat.PlainText and text != label.text():
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(label.text())
        if label.wordWrap():
            document.setTextWidth(room.width())
        needed_w, needed_h = document.idealWidth(), document.size().height()
    else:
        flags = int(label.alignment().value)
        if label.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap.value)
        needed = QFontMetrics(label.font()).boundingRect(room, flags, text)
        needed_w, needed_h = needed.width(), needed.height()
    if needed_w > room.width() + SLACK_PX:
        yield Problem(
            "clipped", describe(label), f"needs {needed_w:.0f} px wide, has {room.width()}"
        )
    elif needed_h > room.height() + SLACK_PX:
        yield Problem(
            "clipped", describe(label), f"needs {needed_h:.0f} px high, has {room.height()}"
        )
    elif label.wordWrap() and label.hasHeightForWidth():
        wanted = label.heightForWidth(label.width())
        if wanted > label.height() + SLACK_PX:
            yield Problem(
                "clipped",
                describe(label),
                f"wrapped to {label.width()} px it needs {wanted} px high, has {label.height()}",
            )


_CONTENTS = (
    (QCheckBox, QStyle.SubElement.SE_CheckBoxContents),
    (QRadioButton, QStyle.SubElement.SE_RadioButtonContents),
    (QPushButton, QStyle.SubElement.SE_PushButtonContents),
)
"""Where each kind of button draws its words (inside its padding, after its indicator)."""


def _text_room(button: QAbstractButton) -> QRect | None:
    for kind, element in _CONTENTS:
        if isinstance(button, kind):
            option = QStyleOptionButton()
            button.initStyleOption(option)
            return button.style().subElementRect(element, option, button)
    return None


def button_problems(button: QAbstractButton) -> Iterator[Problem]:
    """Words wider than where the button draws them (Qt cuts them off at that edge); a tool
    button, which has no such measure, against its size hint."""
    if not button.text():
        return
    room = _text_room(button)
    if room is None:
        hint = button.sizeHint()
        if hint.width() > button.width() + SLACK_PX:
            yield Problem(
                "clipped", describe(button), f"needs {hint.width()} px wide, has {button.width()}"
            )
        return
    metrics = button.fontMetrics()
    lines = button.text().replace("&&", "&").split("\n")
    needed = max(metrics.horizontalAdvance(line.replace("&", "")) for line in lines)
    if not button.icon().isNull() and isinstance(button, QPushButton):
        needed += button.iconSize().width() + 4  # Qt's gap between icon and words
    if needed > room.width() + SLACK_PX:
        yield Problem(
            "clipped", describe(button), f"words need {needed} px wide, have {room.width()}"
        )
    elif metrics.height() * len(lines) > room.height() + 2 * SLACK_PX and len(lines) > 1:
        yield Problem(
            "clipped",
            describe(button),
            f"{len(lines)} lines need {metrics.height() * len(lines)} px, have {room.height()}",
        )


def group_box_problems(box: QGroupBox) -> Iterator[Problem]:
    if not box.title():
        return
    needed = box.minimumSizeHint().width()
    if needed > box.width() + SLACK_PX:
        yield Problem("clipped", describe(box), f"title needs {needed} px, has {box.width()}")


def tab_problems(bar: QTabBar) -> Iterator[Problem]:
    for index in range(bar.count()):
        if not bar.isTabVisible(index) or not bar.tabText(index):
            continue
        needed, has = bar.tabSizeHint(index).width(), bar.tabRect(index).width()
        if needed > has + SLACK_PX:
            yield Problem(
                "clipped",
                describe(bar),
                f"tab {bar.tabText(index)!r} needs {needed} px, has {has}",
            )


def combo_problems(combo: QComboBox) -> Iterator[Problem]:
    text = combo.currentText()
    if not text or combo.isEditable():
        return
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = text
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    if needed > field.width() + SLACK_PX:
        yield Problem(
            "clipped", describe(combo), f"current text needs {needed} px, has {field.width()}"
        )


def header_problems(header: QHeaderView) -> Iterator[Problem]:
    model = header.model()
    if model is None:
        return
    horizontal = header.orientation() is Qt.Orientation.Horizontal
    count = model.columnCount() if horizontal else model.rowCount()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = QFontMetrics(header.font())
    for section in range(count):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        if not text:
            continue
        needed = (metrics.horizontalAdvance(text) if horizontal else metrics.height()) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            needed += metrics.height()
        has = header.sectionSize(section)
        if needed > has + SLACK_PX:
            yield Problem(
                "clipped", describe(header), f"section {text!r} needs {needed} px, has {has}"
            )


def placeholder_problems(edit: QLineEdit) -> Iterator[Problem]:
    text = edit.placeholderText()
    if edit.text() or not text:
        return
    room = edit.contentsRect().width() - 2 * edit.style().pixelMetric(
        QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit
    )
    needed = edit.fontMetrics().horizontalAdvance(text)
    if needed > room + 4 * SLACK_PX:  # QLineEdit keeps a few pixels of side margin
        yield Problem("clipped", describe(edit), f"placeholder needs {needed} px, has {room}")


def toolbar_problems(bar: QToolBar) -> Iterator[Problem]:
    """A toolbar too narrow for its actions hides the rest behind a » button."""
    extension = bar.findChild(QWidget, "qt_toolbar_ext_button")
    if extension is not None and extension.isVisible():
        hidden = [
            a.text()
            for a in bar.actions()
            if not a.isSeparator()
            and (w := bar.widgetForAction(a)) is not None
            and not w.isVisible()
        ]
        yield Problem("clipped", describe(bar), f"actions behind the » button: {hidden}")


def painted_problems(widget: QWidget) -> Iterator[Problem]:
    """The custom-painted counts: the dial's count and PAUSED band, the class's countdown."""
    if isinstance(widget, Dial):
        text = widget.center_text
        if text:
            rect = widget.text_rect()
            needed = QFontMetrics(widget.count_font()).boundingRect(
                rect, int(Qt.AlignmentFlag.AlignCenter.value), text
            )
            if not rect.adjusted(-SLACK_PX, -SLACK_PX, SLACK_PX, SLACK_PX).contains(needed):
                yield Problem("clipped", describe(widget), f"count {text!r} outside {rect}")
        band = widget.paused_rect()
        needed = QFontMetrics(widget.paused_font()).boundingRect(
            band, int(Qt.AlignmentFlag.AlignCenter.value), PAUSED_TEXT
        )
        if widget.paused and not band.adjusted(-1, -1, 1, 1).contains(needed):
            yield Problem("clipped", describe(widget), f"{PAUSED_TEXT!r} outside {band}")
    elif isinstance(widget, CountdownDisplay) and widget.text():
        ink = widget.digits_rect()
        if not widget.rect().adjusted(-1, -1, 1, 1).contains(ink):
            yield Problem("clipped", describe(widget), f"{widget.text()!r} ink {ink} outside")


def clipped_text(window: QWidget, is_data: IsData = lambda _text: False) -> list[Problem]:
    """Every visible text in ``window`` that does not fit the room it is given."""
    found: list[Problem] = []
    for widget in shown_widgets(window):
        if isinstance(widget, QLabel):
            found.extend(label_problems(widget, is_data))
        elif isinstance(widget, QAbstractButton):
            found.extend(button_problems(widget))
        elif isinstance(widget, QGroupBox):
            found.extend(group_box_problems(widget))
        elif isinstance(widget, QTabBar):
            found.extend(tab_problems(widget))
        elif isinstance(widget, QComboBox):
            found.extend(combo_problems(widget))
        elif isinstance(widget, QHeaderView):
            found.extend(header_problems(widget))
        elif isinstance(widget, QLineEdit):
            found.extend(placeholder_problems(widget))
        elif isinstance(widget, QToolBar):
            found.extend(toolbar_problems(widget))
        else:
            found.extend(painted_problems(widget))
    return found


# -- widgets laid over each other, and text outside the window ---------------------------------


def layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    """The widgets ``layout`` places, through its nested layouts (not inside its widgets)."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if (widget := item.widget()) is not None:
            yield widget
        elif (inner := item.layout()) is not None:
            yield from layout_widgets(inner)


def overlapping(window: QWidget) -> list[Problem]:
    """Visible widgets placed by the same layout whose rectangles meet."""
    found: list[Problem] = []
    for widget in shown_widgets(window):
        layout = widget.layout()
        if layout is None or isinstance(layout, QStackedLayout):
            continue
        placed = [
            w
            for w in layout_widgets(layout)
            if w.isVisible() and not w.isWindow() and w.width() > 0 and w.height() > 0
        ]
        for first_index, first in enumerate(placed):
            for second in placed[first_index + 1 :]:
                common = first.geometry().intersected(second.geometry())
                if common.width() > SLACK_PX and common.height() > SLACK_PX:
                    found.append(
                        Problem(
                            "overlap",
                            describe(first),
                            f"{first.geometry().getRect()} overlaps {describe(second)}"
                            f" {second.geometry().getRect()} by {common.width()}×"
                            f"{common.height()} px",
                        )
                    )
    return found


def _has_text(widget: QWidget) -> bool:
    return bool(widget_text(widget)) or isinstance(widget, QTabBar | QHeaderView)


def outside(window: QWidget) -> list[Problem]:
    """Text whose widget reaches past its parent (up to the window), where Qt cuts it off.

    A scroll area's contents may be larger than its viewport: that is scrolling, not
    clipping, so the walk stops at a viewport."""
    found: list[Problem] = []
    for widget in shown_widgets(window):
        if widget is window or not _has_text(widget):
            continue
        child: QWidget = widget
        parent = widget.parentWidget()
        while parent is not None and not child.isWindow():
            if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
                parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
            ):
                break
            rect = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
            if not parent.rect().adjusted(-SLACK_PX, -SLACK_PX, SLACK_PX, SLACK_PX).contains(rect):
                cut = rect.intersected(parent.rect())
                found.append(
                    Problem(
                        "outside",
                        describe(widget),
                        f"{rect.getRect()} reaches past {describe(parent)} "
                        f"{parent.rect().getRect()} (shown: {cut.width()}×{cut.height()})",
                    )
                )
                break
            if parent is window:
                break
            child, parent = parent, parent.parentWidget()
    return found


def layout_problems(window: QWidget, is_data: IsData = lambda _text: False) -> list[Problem]:
    """Clipped text, overlapping widgets and text outside the window, all at once."""
    return clipped_text(window, is_data) + overlapping(window) + outside(window)


# -- right to left ------------------------------------------------------------------------------


def widget_key(widget: QWidget, window: QWidget) -> tuple[str, ...]:
    """A widget's place among its parent's children, down from the window: the same widget
    in two builds of one window has the same key."""
    path: list[str] = []
    current: QWidget = widget
    while current is not window:
        parent = current.parentWidget()
        if parent is None:
            break
        siblings = [c for c in parent.children() if isinstance(c, QWidget)]
        path.append(f"{type(current).__name__}:{siblings.index(current)}")
        current = parent
    return tuple(reversed(path))


Placement = dict[tuple[str, ...], tuple[QRect, int]]
"""Each laid-out widget's geometry and its parent's width, by `widget_key`."""


def _laid_out(
    window: QWidget, by_hand: bool = False
) -> Iterator[tuple[tuple[str, ...], QWidget, int]]:
    if by_hand:  # a view that places its children itself (the class's view)
        for child in window.children():
            if isinstance(child, QWidget) and child.isVisible() and not child.isWindow():
                yield widget_key(child, window), child, window.width()
    for widget in shown_widgets(window):
        layout = widget.layout()
        if layout is None or isinstance(widget, QMenu):
            continue
        for placed in layout_widgets(layout):
            if placed.isVisible() and not placed.isWindow():
                yield widget_key(placed, window), placed, widget.width()


def placement(window: QWidget, by_hand: bool = False) -> Placement:
    """Where the layouts put each visible widget of ``window`` (kept after it is closed);
    ``by_hand``: also the window's own children that no layout places."""
    return {key: (QRect(w.geometry()), width) for key, w, width in _laid_out(window, by_hand)}


def not_mirrored(
    left_to_right: Placement,
    right_to_left: QWidget,
    exempt: tuple[type[QWidget], ...] = (),
    by_hand: bool = False,
) -> list[Problem]:
    """Widgets of the right-to-left window that are not where the mirror image of the
    left-to-right one (its `placement`) puts them: x' = parent width − (x + width)."""
    found: list[Problem] = []
    for key, widget, parent_width in _laid_out(right_to_left, by_hand):
        if isinstance(widget, exempt) or key not in left_to_right:
            continue
        original, original_parent_width = left_to_right[key]
        if original_parent_width != parent_width:
            continue  # a parent of another size: not comparable
        rect = widget.geometry()
        wanted = parent_width - (original.x() + original.width())
        if (
            abs(rect.x() - wanted) > MIRROR_SLACK_PX
            or abs(rect.width() - original.width()) > MIRROR_SLACK_PX
        ):
            found.append(
                Problem(
                    "not mirrored",
                    describe(widget),
                    f"x={rect.x()} w={rect.width()} right to left; left to right x="
                    f"{original.x()} w={original.width()}, so x={wanted} was expected"
                    f" (parent {parent_width} px wide)",
                )
            )
    return found
