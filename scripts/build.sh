#!/usr/bin/env bash
# Configures and builds Fedgate into ./build (or $FEDGATE_BUILD_DIR).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${FEDGATE_BUILD_DIR:-$here/build}
jobs=${FEDGATE_JOBS:-$(nproc)}
# ccache makes rebuilds and extra build directories (sanitizers, fuzzing)
# cheap; paths are hashed relative to the checkout so clones share hits.
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFEDGATE_WERROR=ON \
  "${launcher[@]}" "$@" >/dev/null
cmake --build "$build" -j "$jobs"
