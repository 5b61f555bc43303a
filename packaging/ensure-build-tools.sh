#!/usr/bin/env bash
# Make sure pip can build the one dependency PyPI has no wheel for: PyICU (needed by
# followthemoney's `normality`) compiles against ICU, found through pkg-config, with a C++
# compiler. Missing Debian/Ubuntu packages are installed with apt-get (as root, or through
# sudo); elsewhere the missing pieces are named.
set -euo pipefail

missing() {
  command -v pkg-config >/dev/null 2>&1 || { echo "pkg-config"; return; }
  pkg-config --exists icu-uc icu-i18n 2>/dev/null || echo "ICU's headers (libicu-dev)"
  command -v c++ >/dev/null 2>&1 || echo "a C++ compiler"
}

gap=$(missing | tr '\n' ' ')
[ -z "$gap" ] && exit 0
echo "pip cannot build PyICU yet (missing: $gap)"
if ! command -v apt-get >/dev/null; then
  echo "Install your system's packages for these, then run make again." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
echo "Installing the tools to build PyICU with apt-get: pkg-config libicu-dev g++"
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libicu-dev g++ >/dev/null
gap=$(missing | tr '\n' ' ')
if [ -n "$gap" ]; then
  echo "PyICU still cannot be built (missing: $gap)" >&2
  exit 1
fi
