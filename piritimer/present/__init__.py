"""Presentation mode: a projected, high-contrast view driven by a clicker, and a presenter view.

The app opens it with ``present.opening.open_presentation(driver, screen)`` for
``piritimer --present FILE`` and from the window's menu, and connects the voice's captions to
``Presentation.show_caption``.
"""
