"""Plans: how often a session is meant to be done, and how the person is keeping to it.

A plan is a number of runs a day on a number of days a week: ``daily`` is 1 × 7, ``twice a
day`` 2 × 7, ``3 days a week`` 1 × 3. Only completed runs count towards it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from piritimer.core.i18n import _, ngettext
from piritimer.core.past_run import PastRun

MAX_PER_DAY = 12
_NUMBER_WORDS = {"once": 1, "twice": 2, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_PER_DAY = re.compile(r"^(once|twice|([0-9]+|one|two|three|four|five) times?) (a|per|each) day$")
_PER_WEEK = re.compile(
    r"^(once|twice|([0-9]+|one|two|three|four|five) (times?|days?)) (a|per|each) week$"
)
PLAN_EXAMPLES = ("daily", "twice a day", "3 times a day", "3 days a week", "once a week")


@dataclass(frozen=True)
class Plan:
    per_day: int = 1
    """Runs on each day of practice."""
    days_per_week: int = 7

    @property
    def is_daily(self) -> bool:
        return self.days_per_week == 7

    def text(self) -> str:
        """The plan in the words a file would use (``parse_plan(plan.text()) == plan``)."""
        if self.is_daily:
            return {1: "daily", 2: "twice a day"}.get(self.per_day, f"{self.per_day} times a day")
        # Weekly plans are one run on each day of practice (parse_plan makes no other).
        return {1: "once a week", 2: "twice a week"}.get(
            self.days_per_week, f"{self.days_per_week} days a week"
        )


def parse_plan(text: str) -> Plan:
    """``daily``, ``twice a day``, ``3 times a day``, ``3 days a week``, ``once a week``…

    Raises ValueError with the accepted forms.
    """
    words = " ".join(text.strip().lower().replace("-", " ").split())
    if words in ("daily", "every day", "each day"):
        return Plan()
    if words == "weekly":
        return Plan(days_per_week=1)
    if match := _PER_DAY.match(words):
        per_day = _number(match.group(1).split()[0])
        if not 1 <= per_day <= MAX_PER_DAY:
            raise ValueError(
                _("a plan has from 1 to {most} runs a day, found {found}").format(
                    most=MAX_PER_DAY, found=per_day
                )
            )
        return Plan(per_day=per_day)
    if match := _PER_WEEK.match(words):
        days = _number(match.group(1).split()[0])
        if days == 7:
            return Plan()
        if not 1 <= days <= 7:
            raise ValueError(
                _("a week has 7 days; a plan has from 1 to 7 days a week, found {found}").format(
                    found=days
                )
            )
        return Plan(days_per_week=days)
    examples = ", ".join(f"`{e}`" for e in PLAN_EXAMPLES)
    raise ValueError(
        _("expected a plan such as {examples}, found {found}").format(
            examples=examples, found=repr(text.strip()[:40])
        )
    )


def _number(word: str) -> int:
    return _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)


@dataclass(frozen=True)
class PlanProgress:
    """How the plan stands today: runs done today, good days this week, and the streak."""

    plan: Plan
    done_today: int
    days_this_week: int
    """Days this week (Monday first) with the plan's runs done, at most the plan's days."""
    streak: int
    """Days in a row (daily plans) or weeks in a row (weekly plans) the plan was kept."""

    def today_text(self) -> str:
        """ "1 of 2 today" for a daily plan; "1 of 3 days this week" otherwise."""
        if self.plan.is_daily:
            return _("{done} of {planned} today").format(
                done=self.done_today, planned=self.plan.per_day
            )
        planned = self.plan.days_per_week
        return ngettext(
            "{done} of {planned} day this week", "{done} of {planned} days this week", planned
        ).format(done=self.days_this_week, planned=planned)

    def streak_text(self) -> str:
        """ "4 days in a row", "2 weeks in a row", or "" before the first."""
        if not self.streak:
            return ""
        if self.plan.is_daily:
            text = ngettext("{count} day in a row", "{count} days in a row", self.streak)
        else:
            text = ngettext("{count} week in a row", "{count} weeks in a row", self.streak)
        return text.format(count=self.streak)


def plan_progress(plan: Plan, runs: Sequence[PastRun], today: date) -> PlanProgress:
    """Where ``plan`` stands on ``today`` given ``runs`` (any order; future runs ignored)."""
    per_day = Counter(run.started.date() for run in runs if run.completed)
    kept_days = {day for day, count in per_day.items() if count >= plan.per_day and day <= today}
    week_start = today - timedelta(days=today.weekday())
    # Practising on more days than planned keeps the week; it does not read "2 of 1".
    this_week = min(plan.days_per_week, sum(1 for day in kept_days if week_start <= day <= today))
    if plan.is_daily:
        streak = _days_in_a_row(kept_days, today)
    else:
        streak = _weeks_in_a_row(kept_days, week_start, plan.days_per_week)
    return PlanProgress(plan, per_day.get(today, 0), this_week, streak)


def _days_in_a_row(kept: set[date], today: date) -> int:
    # Today not yet done does not break the streak: the day is not over.
    day = today if today in kept else today - timedelta(days=1)
    count = 0
    while day in kept:
        count += 1
        day -= timedelta(days=1)
    return count


def _weeks_in_a_row(kept: set[date], week_start: date, days_per_week: int) -> int:
    def kept_in(start: date) -> int:
        return sum(1 for offset in range(7) if start + timedelta(days=offset) in kept)

    start = week_start if kept_in(week_start) >= days_per_week else week_start - timedelta(7)
    count = 0
    while kept and start >= min(kept) - timedelta(7) and kept_in(start) >= days_per_week:
        count += 1
        start -= timedelta(days=7)
    return count
