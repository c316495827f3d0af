#!/usr/bin/env bash
# The translations, with Babel from the test lock (bash tools/test.sh installs it):
#   bash tools/translations.sh extract   re-read the code into po/piritimer.pot
#   bash tools/translations.sh update    extract, then merge new and changed strings into po/*.po
#   bash tools/translations.sh compile   po/*.po -> assets/locale/*/LC_MESSAGES/piritimer.mo
#   bash tools/translations.sh init LANG start a new language (then add it to SHIPPED_LANGUAGES)
# The tests (tests/i18n/test_catalogs.py) fail when the template is stale, a shipped language
# misses a string or loses a {placeholder}, or a compiled catalog is older than its source.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=.venv/bin/pybabel
languages=(fr de es)

extract() {
  "$pybabel" -q extract -F po/babel.cfg --no-location --sort-output \
    --project=piritimer --copyright-holder="the piritimer authors" \
    --msgid-bugs-address="https://github.com/piritimer/piritimer/issues" \
    -o po/piritimer.pot piritimer
}
compile_all() {
  for lang in "${languages[@]}"; do
    mkdir -p "assets/locale/$lang/LC_MESSAGES"
    "$pybabel" -q compile --statistics -D piritimer -l "$lang" -i "po/$lang.po" \
      -o "assets/locale/$lang/LC_MESSAGES/piritimer.mo"
  done
}
case "${1:-}" in
  extract) extract ;;
  update)
    extract
    for lang in "${languages[@]}"; do
      "$pybabel" -q update --no-fuzzy-matching --ignore-obsolete \
        -D piritimer -l "$lang" -i po/piritimer.pot -o "po/$lang.po"
    done
    ;;
  compile) compile_all ;;
  init)
    extract
    "$pybabel" -q init -D piritimer -l "$2" -i po/piritimer.pot -o "po/$2.po"
    ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
