#!/usr/bin/env bash
# The system parts the tests need besides npm packages: Debian's Chromium (browser journeys), a
# CJK font (so screenshots show Chinese), PostgreSQL (the API suite runs on it too) and faketime
# (the suites run again at moved dates). Installs them when it can (root with apt-get, as in CI);
# otherwise stops with the exact command to run. It never lets a test be skipped silently.
set -euo pipefail

packages=()
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || packages+=(chromium)
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then packages+=(fonts-wqy-microhei); fi
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || packages+=(postgresql)
command -v faketime >/dev/null || packages+=(faketime)

[ ${#packages[@]} -eq 0 ] && exit 0

command="apt-get update && apt-get install -y --no-install-recommends ${packages[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages for the tests: ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
else
  echo "The tests need system packages that are missing: ${packages[*]}" >&2
  echo "Install them with:  sudo sh -c '$command'" >&2
  echo "(or set CHROMIUM_PATH to a Chromium binary)" >&2
  exit 1
fi
