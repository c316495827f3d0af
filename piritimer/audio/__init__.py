"""Sound cues and a spoken voice that follow the session engine, on the beat.

Pure parts (no Qt): ``cues`` (which sound and line belong to which step), ``speech_policy``
(when the voice may speak and how much), ``settings``, ``outputs`` (interfaces and silent
stand-ins), ``mixer`` (cues summed into one stream, each from a chosen frame), ``wav``
(reading the cue files), ``ssip`` (speech-dispatcher's protocol: text that stays text),
``speech_messages`` (what the app and the fallback speech helper say) and ``helper`` (how
that helper is started, from source or a frozen build).

Qt parts: ``guide`` (AudioGuide, the one object the window uses), ``player`` (cues at clock
times, started early by the output latency), ``voice`` (the policy applied to a speech
output), ``hardware`` (opens the real outputs once at start-up). The real outputs:
``sink_output`` (the mixer into a QAudioSink on an audio thread of the app's process),
``ssip_output`` (the voice: speech-dispatcher spoken to from the app's process) and, where
there is no speech-dispatcher, ``speech_output`` (Qt TextToSpeech in one helper process,
``speech_worker``, which says why it is a process). The measuring rigs live in tests/lab,
not here. See docs/audio.md.
"""
