#!/usr/bin/env bash
# Configures and builds Fedgate into ./build (or $FEDGATE_BUILD_DIR).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${FEDGATE_BUILD_DIR:-$here/build}
jobs=${FEDGATE_JOBS:-$(nproc)}
# ccache makes rebuilds and extra build directories (sanitizers, fuzzing)
# cheap; see cmake-configure.sh.
# shellcheck source=cmake-configure.sh
. "$here/scripts/cmake-configure.sh"
fedgate_configure "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$build" -j "$jobs"
