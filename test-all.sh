#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need (Debian's Chromium and ChromeDriver for the
# browser test), then runs every test on H2 and again on a real PostgreSQL, plus the Modeler lint of the models.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
# a CJK font, so the browser test's screenshots show the Chinese UI rather than boxes
fc-list :lang=zh 2>/dev/null | grep -q . || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[test-all] installing ${need_apt[*]} from Debian"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

exec mvn -B -ntp verify "$@"
