"""Pain before and after over time (QtCharts), for the history window.

Its own module so that QtCharts loads after the history window's first paint. Over more than
half a year, each point is a week's mean; a chart of ten years of daily points would show
noise, and drawing 7,000 points would cost a paint each time.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QPointF, Qt
from PySide6.QtGui import QPainter

from piritimer.core.i18n import _, pgettext
from piritimer.core.practice import PAIN_MAX, PAIN_MIN, HistoryRow, pain_series

WEEKLY_AFTER_DAYS = 180
DAY_MS = 86_400_000


def _ms(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp() * 1000.0


class PainChart(QChartView):
    """Two series, "before" and "after"; ``bucket_days`` says what one point stands for."""

    def __init__(self) -> None:
        chart = QChart()
        chart.setTitle(_("Pain (0–10)"))
        self.before = QLineSeries()
        self.before.setName(pgettext("pain", "before"))
        self.after = QLineSeries()
        self.after.setName(pgettext("pain", "after"))
        chart.addSeries(self.before)
        chart.addSeries(self.after)
        self.x_axis = QDateTimeAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setRange(PAIN_MIN, PAIN_MAX)
        self.y_axis.setTickCount(6)
        self.y_axis.setLabelFormat("%d")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.before, self.after):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.bucket_days = 1

    def set_rows(self, rows: list[HistoryRow]) -> None:
        points = [
            (date.fromisoformat(row.day), row.pain_before, row.pain_after)
            for row in rows
            if row.pain_before is not None or row.pain_after is not None
        ]
        days = [day for day, _before, _after in points]
        span_days = (max(days) - min(days)).days if days else 0
        self.bucket_days = 7 if span_days > WEEKLY_AFTER_DAYS else 1
        series = pain_series(points, self.bucket_days)
        self.before.replace([QPointF(_ms(d), b) for d, b, _a in series if b is not None])
        self.after.replace([QPointF(_ms(d), a) for d, _b, a in series if a is not None])
        title = _("Pain (0–10), weekly mean") if self.bucket_days == 7 else _("Pain (0–10)")
        self.chart().setTitle(title)
        if series:
            first, last = _ms(series[0][0]), _ms(series[-1][0])
            last = max(last, first + DAY_MS)
            self.x_axis.setRange(
                QDateTime.fromMSecsSinceEpoch(round(first - DAY_MS / 2)),
                QDateTime.fromMSecsSinceEpoch(round(last + DAY_MS / 2)),
            )
            # The chart writes the names in its locale, QLocale's default when it was made
            # (the app's language); the order of day and month is the translation's.
            self.x_axis.setFormat(
                # Translators: a Qt date format (d day, MMM short month name); keep its letters.
                pgettext("qt date format", "d MMM")
                if span_days < 90
                # Translators: a Qt date format (MMM short month name, yyyy year).
                else pgettext("qt date format", "MMM yyyy")
            )

    def point_counts(self) -> tuple[int, int]:
        return self.before.count(), self.after.count()
