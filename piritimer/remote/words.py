"""The phone page's fixed words (buttons, the connection line) in the app's language.

The server writes them into the page as a JSON data block, with the page's ``lang`` and
``dir``; app.js reads the block and sets every word with textContent, as it does the class
view's text. A data block is not a script, so the page's Content-Security-Policy
(``script-src 'self'``) stands; the JSON is escaped so that no translation can end the block.
"""

from __future__ import annotations

import html
import json

from PySide6.QtCore import QLocale, Qt

from piritimer.core import i18n
from piritimer.core.i18n import _, pgettext

LANG_MARK = "__LANG__"
DIR_MARK = "__DIR__"
WORDS_MARK = "__WORDS__"
"""Where page.html takes the language, the direction and the words."""


def page_words() -> dict[str, str]:
    """The page's words, by the names app.js uses, in the app's language."""
    return {
        "connecting": _("Connecting…"),
        "remoteConnected": _("Remote — connected"),
        "followingConnected": _("Following — connected"),
        "lost": _("Connection lost — reconnecting…"),
        "previous": pgettext("phone remote", "◀ Previous"),
        "next": pgettext("phone remote", "Next ▶"),
        "pause": pgettext("phone remote", "Pause"),
        "resume": pgettext("phone remote", "Resume"),
        "blank": pgettext("phone remote", "Blank"),
        "show": pgettext("phone remote", "Show"),
    }


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside ``<script type="application/json">``: no ``<``,
    ``>`` or ``&`` left (``</script>`` or ``<!--`` in a translation cannot end or change
    the block); JSON reads the escapes back as the same characters."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def direction(language: str) -> str:
    """``rtl`` for a language written right to left, else ``ltr``."""
    right_to_left = QLocale(language).textDirection() is Qt.LayoutDirection.RightToLeft
    return "rtl" if right_to_left else "ltr"


def render_page(template: str, words: dict[str, str] | None = None) -> str:
    """page.html with the app's language, its direction and the words filled in."""
    language = i18n.current_language()
    return (
        template.replace(LANG_MARK, html.escape(language))
        .replace(DIR_MARK, direction(language))
        .replace(WORDS_MARK, script_json(page_words() if words is None else words))
    )
