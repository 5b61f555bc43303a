#!/usr/bin/env bash
# Make sure Qt can run: `offscreen` (tests) needs Qt's core libraries; `desktop` (make run) also
# needs the X11 (xcb) platform plugin's libraries. Missing Debian/Ubuntu packages are installed
# with apt-get (as root, or through sudo); elsewhere the missing libraries are named.
set -euo pipefail
python=$1
mode=${2:-offscreen}

# The Debian packages of Qt's runtime libraries (the .deb of the bundle depends on the same).
debs=$(tr '\n' ' ' <"$(dirname "$0")/qt-runtime-debs.txt")

missing() {
  if ! "$python" -c "import PySide6.QtGui" 2>/dev/null; then
    echo "Qt's core libraries"
    return
  fi
  if [ "$mode" = desktop ]; then
    plugin=$("$python" -c "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / 'Qt/plugins/platforms/libqxcb.so')")
    ldd "$plugin" 2>/dev/null | awk '/not found/ {print $1}' | sort -u | tr '\n' ' '
  fi
}

gap=$(missing)
[ -z "$gap" ] && exit 0
echo "Qt cannot start yet (missing: $gap)"
if ! command -v apt-get >/dev/null; then
  echo "Install your system's packages for these libraries, then run make again." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
echo "Installing Qt's runtime libraries with apt-get: $debs"
# shellcheck disable=SC2086
$sudo apt-get update -qq && $sudo apt-get install -y -qq $debs >/dev/null
gap=$(missing)
if [ -n "$gap" ]; then
  echo "Qt still cannot start (missing: $gap)" >&2
  exit 1
fi
