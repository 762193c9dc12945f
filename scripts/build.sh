#!/usr/bin/env bash
# Configures and builds Fedgate into ./build (or $FEDGATE_BUILD_DIR).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${FEDGATE_BUILD_DIR:-$here/build}
jobs=${FEDGATE_JOBS:-$(nproc)}
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFEDGATE_WERROR=ON >/dev/null
cmake --build "$build" -j "$jobs"
