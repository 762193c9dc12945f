#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, GUI under the
# offscreen platform, and the integration suites that start real PostgreSQL,
# dnsmasq and Prosody servers on loopback addresses).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"
build=${FEDGATE_BUILD_DIR:-$here/build}
cd "$build"
ctest --output-on-failure --timeout 600 "$@"
