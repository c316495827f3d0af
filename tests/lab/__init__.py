"""Lab code shared by the tests and the benches, never shipped in the wheel.

``pulse_lab`` (a private PulseAudio server, speech-dispatcher, parec), ``measure`` (finding
cues in a recording), ``lab_session`` (a session on the real clock through real outputs),
``proctree`` (whole-app memory and CPU from /proc) and ``helpers`` (the old audio design,
for comparison). Run from the repository root (``python -m tests.lab.lab_session``); the
benches put the root on ``sys.path``.
"""
