#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages piritimer's window, sound, voice and tests need.
# Runs apt-get as root, or through sudo; does nothing where there is no apt-get.
set -euo pipefail

PACKAGES=(
  # A real window under X11 (Qt's xcb platform) and a virtual display for tests.
  xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libegl1 libgl1
  libfontconfig1 libdbus-1-3 fonts-dejavu-core
  # Screenshots.
  imagemagick x11-utils
  # Sound through PulseAudio (tests record a null sink with parec).
  pulseaudio pulseaudio-utils
  # Voice: Qt's speechd engine speaks through speech-dispatcher and espeak-ng.
  speech-dispatcher speech-dispatcher-espeak-ng
  # The load beside the audio bench's cue runs (bench/audio.py).
  stress-ng
  # A session bus for the screensaver-inhibit tests.
  dbus
  # Drives the real window with real key presses in the presentation-mode tests.
  xdotool
  # Validating the .desktop entry and the AppStream metainfo.
  desktop-file-utils appstream
  # Two real screens that can be unplugged live (Xorg's dummy driver, xrandr) and a window
  # manager for focus, for the classroom tests.
  xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils openbox
  # The phone remote's page in a real browser (Selenium drives headless chromium).
  chromium chromium-driver
  # A real MPRIS client, and the accessibility tree read through AT-SPI.
  playerctl at-spi2-core python3-pyatspi
  # The frozen build (tools/freeze.sh): PyInstaller needs objdump on Linux.
  binutils
)

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-packages: no apt-get here; install the equivalents of: ${PACKAGES[*]}" >&2
  exit 0
fi
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
# Node.js and npm for the YAML language server editors run, to test the schema in it
# (tools/yaml-language-server.sh). Asked for by command, not by package: a machine may have
# them from elsewhere (NodeSource's nodejs bundles npm and conflicts with Debian's npm).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
