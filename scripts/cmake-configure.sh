# Sourced by scripts/build.sh and scripts/test-all.sh (not run on its own):
# fedgate_configure BUILD_DIR [CMAKE_ARGS...] configures a Ninja build of the
# checkout with warnings as errors and, when ccache is installed, ccache as
# compiler launcher (paths hashed relative to the checkout so clones and
# build directories share hits). `here` must name the checkout.
fedgate_configure() {
  local build=$1
  shift
  local launcher=()
  if command -v ccache >/dev/null; then
    export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S "$here" -B "$build" -G Ninja -DFEDGATE_WERROR=ON "${launcher[@]}" "$@" >/dev/null
}
