"""The audio design before issue 9, kept runnable for ``bench/audio.py`` only (never shipped).

Cues played in one helper process (our mixer into a QAudioSink fed every 2 ms, 16 ms queued)
and the voice in another (QTextToSpeech), each spoken to in JSON lines, the sound helper
watched by pings. ``bench/audio.py`` runs it beside the in-process design the app now uses.
"""
