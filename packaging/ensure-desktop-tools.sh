#!/usr/bin/env bash
# Make sure the desktop files can be validated: desktop-file-validate (desktop-file-utils),
# appstreamcli (appstream) and update-mime-database (shared-mime-info). Missing Debian/Ubuntu
# packages are installed with apt-get (as root, or through sudo); elsewhere the tests that need
# a missing tool skip and say which.
set -euo pipefail

declare -A package=(
  [desktop-file-validate]=desktop-file-utils
  [appstreamcli]=appstream
  [update-mime-database]=shared-mime-info
)
missing=()
for tool in "${!package[@]}"; do
  command -v "$tool" >/dev/null || missing+=("${package[$tool]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "desktop validators missing (${missing[*]}): their tests will skip" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
echo "Installing the desktop file validators with apt-get: ${missing[*]}"
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
  echo "could not install ${missing[*]}: the desktop file tests will skip" >&2
fi
