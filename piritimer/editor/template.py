"""The text a new session starts from: small, valid, and commented so it teaches the format."""

from __future__ import annotations

from piritimer.core.schema import SCHEMA_FILE_NAME

# The schema file the modeline names is written beside the session on save (schema_file.py).
MODELINE = f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}"

TEMPLATE = f"""\
{MODELINE}
# A piritimer session. Lines starting with # are comments.
# Durations: 30, 30s, 1m30s or 1:30. Every key: docs/session-format.md
format: 1
title: My session
summary: Two gentle exercises to start with; change them to your own.
safety: Stop at once if you feel sharp pain, numbness or tingling.
tags: [stretch, breathing]

# Every exercise uses these defaults unless it says otherwise.
defaults:
  get ready: 5s           # countdown before the work; `none` leaves it out
  setup time: 15s         # time to get into position; `wait` waits for you
  rest between reps: 5s
  rest after: 15s         # rest before the next exercise
  breathing:              # the pace of `hold: 5 breaths`
    inhale: 4s
    exhale: 6s

exercises:
  - name: Figure-four stretch
    about: Eases the muscles deep in the hip.
    setup:
      - Lie on your back, knees bent
      - Cross the right ankle over the left knee
    sides: left then right
    reps: 2
    hold: 30s             # a timed hold, breathing freely
    cues:
      hold: let the knee fall open

  - name: Slow breathing
    setup: Sit tall, shoulders soft
    setup time: wait
    breathing:            # paced breathing: one breath's pace, how many
      inhale: 4s
      hold in: 2s
      exhale: 6s
      cycles: 5
    cues:
      inhale: fill the belly
      exhale: let the shoulders drop
"""
