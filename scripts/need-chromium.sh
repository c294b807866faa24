#!/bin/sh
# Debian's Chromium, for the browser tests (tests/web/test_browser.py), installed when missing.
# The tests drive it with Playwright; no browser is ever downloaded by Playwright itself.
# Without root or sudo, install it yourself (`apt-get install -y chromium`) or skip those tests
# with SEARCHKIT_SKIP_BROWSER=1.
set -e
command -v chromium >/dev/null 2>&1 && exit 0
if [ "${SEARCHKIT_SKIP_BROWSER:-}" = "1" ]; then
    echo "need-chromium: SEARCHKIT_SKIP_BROWSER=1, not installing Chromium (browser tests will be skipped)"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "need-chromium: Chromium is missing and this user cannot install packages." >&2
    echo "  As root: apt-get install -y chromium   (or set SEARCHKIT_SKIP_BROWSER=1 to skip the browser tests)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# The package lists may be missing or old on a fresh machine: read them again if the first try fails.
$as_root apt-get install -y chromium || { $as_root apt-get update && $as_root apt-get install -y chromium; }
