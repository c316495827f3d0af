"""Sound cues and a spoken voice that follow the session engine, on the beat.

Pure parts (no Qt): ``cues`` (which sound and line belong to which step), ``speech_policy``
(when the voice may speak and how much), ``settings``, ``outputs`` (interfaces and silent
stand-ins), ``measure`` (finding cues in a recording).

Qt parts: ``guide`` (AudioGuide, the one object the window uses), ``player`` (cues at clock
times, started early by the output latency), ``voice`` (the policy applied to a speech
output), ``hardware`` (opens the real outputs once at start-up). The real outputs run in
helper processes: ``sound_process``/``sound_worker`` (our ``mixer`` into a QAudioSink, in
``sink_output``) and
``speech_output``/``speech_worker`` (Qt TextToSpeech); ``sound_worker`` says why.

For measuring: ``pulse_lab`` (a private PulseAudio server, speech-dispatcher, parec) and
``lab_session`` (a session run on the real clock through the real outputs).
See docs/audio.md.
"""
