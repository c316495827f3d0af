"""The app's language: chosen in the settings or followed from the system, applied at start.

The words come from gettext (``core/i18n``); this adds what Qt does itself: numbers, dates and
times through ``QLocale``'s default, Qt's own strings (a file dialog's buttons) through its
``qtbase`` translations, and a right-to-left layout for a language written that way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from piritimer.core import i18n

LANGUAGE_KEY = "ui/language"
"""A language tag, or empty to follow the system (the default)."""
FOLLOW_SYSTEM = ""
QT_TRANSLATOR_NAME = "piritimerQtTranslations"
"""The object name of the installed translator of Qt's own strings (one at a time)."""


def language_choice(settings: QSettings) -> str:
    """What the person chose: a language tag, or ``FOLLOW_SYSTEM``."""
    value = settings.value(LANGUAGE_KEY, FOLLOW_SYSTEM)
    text = value if isinstance(value, str) else FOLLOW_SYSTEM
    return text if text == FOLLOW_SYSTEM or i18n.is_language_tag(text) else FOLLOW_SYSTEM


def save_language_choice(settings: QSettings, choice: str) -> None:
    settings.setValue(LANGUAGE_KEY, choice)


def system_languages() -> list[str]:
    """The desktop's languages, most preferred first (Qt reads LANGUAGE, LC_* and LANG)."""
    return [tag for tag in QLocale.system().uiLanguages() if tag]


def resolve_language(choice: str) -> str:
    """The language the app will speak for ``choice`` (the system's, when it follows it)."""
    preferences = [choice] if choice != FOLLOW_SYSTEM else system_languages()
    return i18n.best_language(preferences)


def apply_language(app: QCoreApplication | None, choice: str) -> str:
    """Speak ``choice`` (or the system's language) from now on; returns the language used.

    Called once, before any window is built: the windows read their words as they are made,
    so a new choice takes effect at the next start (the settings say so)."""
    language = resolve_language(choice)
    i18n.use(language)
    locale = QLocale(language) if choice != FOLLOW_SYSTEM else _system_locale_for(language)
    QLocale.setDefault(locale)
    if app is not None:
        _use_qt_translations(app, locale, language)
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if locale.textDirection() is Qt.LayoutDirection.RightToLeft
            else Qt.LayoutDirection.LeftToRight
        )
    return language


def drop_qt_translations(app: QCoreApplication) -> None:
    """Qt's own words back in English: the translator an earlier choice installed goes."""
    for old in app.findChildren(QTranslator, QT_TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)  # no longer the app's: freed with its last reference


def _use_qt_translations(app: QCoreApplication, locale: QLocale, language: str) -> None:
    """Qt's own words in ``language``: the translator installed for an earlier choice goes
    first, or its words would outlive it (English buttons would stay French)."""
    drop_qt_translations(app)
    if language == i18n.SOURCE_LANGUAGE:
        return
    translator = QTranslator(app)
    translator.setObjectName(QT_TRANSLATOR_NAME)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(locale, "qtbase", "_", folder):
        app.installTranslator(translator)
    else:
        translator.setParent(None)


def _system_locale_for(language: str) -> QLocale:
    """The system's own locale when it speaks ``language`` (so a Swiss German desktop keeps
    its number format), else that language's default locale."""
    system = QLocale.system()
    if i18n.base_language(system.name()) == language:
        return system
    return QLocale(language)
