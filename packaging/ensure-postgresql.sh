#!/usr/bin/env bash
# Make sure PostgreSQL's server programs are installed: the team-case tests start a throwaway
# server of their own (tests/team/server.py). A missing Debian/Ubuntu `postgresql` package is
# installed with apt-get (as root, or through sudo); elsewhere the missing programs are named.
set -euo pipefail

found() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1
}

found && exit 0
echo "PostgreSQL's server programs (initdb, pg_ctl) are not installed"
if ! command -v apt-get >/dev/null; then
  echo "Install your system's PostgreSQL server package, then run make again." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
echo "Installing Debian's postgresql package with apt-get"
# The package's own cluster is not wanted (the tests make their own): do not start it.
$sudo apt-get update -qq
RUNLEVEL=1 $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
if ! found; then
  echo "PostgreSQL's server programs are still missing after installing postgresql" >&2
  exit 1
fi
