"""Editing session files inside piritimer: a YAML editor with live checking and safe saving.

The composition root owns one ``editor.windows.EditorWindows``, which opens the windows.
"""
