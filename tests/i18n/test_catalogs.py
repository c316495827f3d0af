"""The catalogs are complete, current and faithful: a shipped language that misses a string,
loses a placeholder or ships a stale compiled file fails here (tools/translations.sh fixes
the last; the first two need a translator)."""

from __future__ import annotations

import gettext

import pytest

from piritimer.core import i18n
from tests.i18n.catalogs import (
    TEMPLATE,
    TRANSLATED,
    accelerators,
    extracted_keys,
    fields,
    key,
    messages,
    mo_path,
    po_path,
    read,
)


def test_the_template_holds_every_marked_string_and_no_other() -> None:
    template = {key(message) for message in messages(read(TEMPLATE))}
    now = extracted_keys()
    assert sorted(now - template, key=str) == [], "run `bash tools/translations.sh update`"
    assert sorted(template - now, key=str) == [], "run `bash tools/translations.sh update`"


def test_every_shipped_language_has_a_source_and_a_compiled_catalog() -> None:
    for language in TRANSLATED:
        assert po_path(language).is_file()
        assert mo_path(language).is_file()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated(language: str) -> None:
    catalog = read(po_path(language), locale=language)
    template = {key(message) for message in messages(read(TEMPLATE))}
    translated = {
        key(message)
        for message in messages(catalog)
        if not message.fuzzy
        and all(
            form.strip()
            for form in (message.string if isinstance(message.string, tuple) else [message.string])
        )
    }
    missing = sorted(template - translated, key=str)
    assert missing == [], f"{len(missing)} strings untranslated in po/{language}.po"


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_placeholder_or_accelerator_is_lost(language: str) -> None:
    lost: list[str] = []
    for message in messages(read(po_path(language), locale=language)):
        sources = list(message.id) if isinstance(message.id, tuple) else [message.id]
        forms = list(message.string) if isinstance(message.string, tuple) else [message.string]
        wanted = set().union(*(fields(source) for source in sources))
        for form in forms:
            if not form:
                continue
            # A plural form may leave the number out ("une seconde"); no form may invent one,
            # and together the forms keep every field the source has.
            if not set(fields(form)) <= wanted:
                lost.append(f"{sources[0]!r}: {form!r} has a field the source has not")
            if accelerators(form) != accelerators(sources[0]):
                lost.append(f"{sources[0]!r}: {form!r} changes the & accelerators")
        kept = set().union(*(fields(form) for form in forms if form))
        if any(forms) and kept != wanted:
            lost.append(f"{sources[0]!r}: the forms keep {sorted(kept)}, not {sorted(wanted)}")
    assert lost == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalog_is_the_source_compiled(language: str) -> None:
    source = read(po_path(language), locale=language)
    with mo_path(language).open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale: list[str] = []
    plural_index = gettext.c2py(source.plural_expr)  # Babel's Catalog has no plural function
    for message in messages(source):
        if message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id
            for n in (0, 1, 2, 5, 1_000_000):
                wanted = message.string[plural_index(n)]
                got = (
                    compiled.npgettext(message.context, singular, plural, n)
                    if message.context
                    else compiled.ngettext(singular, plural, n)
                )
                if wanted and got != wanted:
                    stale.append(f"{singular} (n={n})")
        elif message.string:
            got = (
                compiled.pgettext(message.context, message.id)
                if message.context
                else compiled.gettext(message.id)
            )
            if got != message.string:
                stale.append(message.id)
    assert stale == [], "run `bash tools/translations.sh compile`"


def test_each_language_names_itself() -> None:
    assert set(i18n.LANGUAGE_NAMES) == set(i18n.SHIPPED_LANGUAGES)
