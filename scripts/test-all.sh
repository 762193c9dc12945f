#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, GUI under the
# offscreen platform, and the integration suites that start real PostgreSQL,
# dnsmasq and Prosody servers on loopback addresses). Then the same suite
# again in a second build directory built with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan), and each libFuzzer target of
# fuzz/ for a bounded time from a copy of its seed corpus. Any failure,
# sanitizer report or fuzzer finding fails the run; a summary ends it.
#
# Environment: FEDGATE_BUILD_DIR (./build), FEDGATE_ASAN_BUILD_DIR
# (./build-asan), FEDGATE_FUZZ_SECONDS (60 per target; 0 skips fuzzing),
# FEDGATE_SANITIZERS=0 skips the sanitizer build, its tests and fuzzing.
# Extra arguments go to both ctest runs (for example -R topology).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${FEDGATE_BUILD_DIR:-$here/build}
asan_build=${FEDGATE_ASAN_BUILD_DIR:-$here/build-asan}
fuzz_seconds=${FEDGATE_FUZZ_SECONDS:-60}
jobs=${FEDGATE_JOBS:-$(nproc)}
# shellcheck source=cmake-configure.sh
. "$here/scripts/cmake-configure.sh"

started=$SECONDS
summary=()
failed=0
stage() { # stage NAME COMMAND...: runs it, records the result and the time
  local name=$1 t0=$SECONDS rc=0
  shift
  echo "== $name"
  "$@" || rc=$?
  summary+=("$(printf '%-34s %s (%ds)' "$name" "$([ $rc = 0 ] && echo ok || echo "FAILED ($rc)")" $((SECONDS - t0)))")
  [ $rc = 0 ] || failed=1
  return $rc
}

"$here/scripts/install-deps.sh"

# 1. The ordinary build and test suite.
build_main() { "$here/scripts/build.sh"; }
test_main() { (cd "$build" && ctest --output-on-failure --timeout 600 "$@"); }
if stage "build ($build)" build_main; then
  stage "tests ($build)" test_main "$@" || true
fi

# 2. Sanitizers: a lean build (-O1, line tables only) keeps the cold build
# and the slower instrumented tests inside the CI budget.
# The hostile-peer tests bound the engine's resident memory: ASan keeps its
# default 256 MiB of freed memory in quarantine and never returns memory to
# the system, which alone exceeds those bounds; 16 MiB still catches a use
# after a recent free.
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:quarantine_size_mb=16:allocator_release_to_os_interval_ms=100
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$here/scripts/lsan-suppressions.txt:print_suppressions=0
build_asan() {
  local flags="-O1 -gline-tables-only -DNDEBUG"
  fedgate_configure "$asan_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" -DFEDGATE_SANITIZE=ON -DFEDGATE_FUZZ=ON || return
  cmake --build "$asan_build" -j "$jobs"
}
test_asan() { (cd "$asan_build" && ctest --output-on-failure --timeout 900 "$@"); }

# 3. Each fuzzer for $fuzz_seconds from a copy of its seeds, two at a time;
# crashes, leaks, timeouts and out-of-memory inputs are findings, saved in
# $asan_build/fuzz-findings/.
fuzz_one() { # fuzz_one NAME: runs bin fuzz_NAME, prints "NAME executions result"
  local name=$1 bin=$asan_build/fuzz/fuzz_$1 work=$asan_build/fuzz-work/$1
  local findings=$asan_build/fuzz-findings dict=() rc=0
  rm -rf "$work" && mkdir -p "$work/corpus" "$findings"
  cp -r "$here/fuzz/corpus/$name/." "$work/corpus/"
  case $name in
  xmlstream | inbound_session) dict=(-dict="$here/fuzz/xmpp.dict") ;;
  topology_document) dict=(-dict="$here/fuzz/topology.dict") ;;
  esac
  "$bin" "$work/corpus" "${dict[@]}" -max_total_time="$fuzz_seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/$name-" \
    >"$work/log" 2>&1 || rc=$?
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
  if [ $rc != 0 ]; then
    echo "---- fuzz_$name found a problem (exit $rc); the end of its log:" >&2
    grep -v '^#[0-9]' "$work/log" | tail -60 >&2
  fi
  echo "$name ${execs:-0} $([ $rc = 0 ] && echo ok || echo FINDING)" >"$work/result"
  return $rc
}
fuzz_all() {
  local names=() rc=0
  for f in "$here"/fuzz/fuzz_*.cpp; do
    f=${f##*/fuzz_}
    names+=("${f%.cpp}")
  done
  export -f fuzz_one
  export here asan_build fuzz_seconds
  printf '%s\n' "${names[@]}" | xargs -P 2 -I{} bash -c 'fuzz_one "$1"' _ {} || rc=$?
  {
    printf '%-24s %12s %8s %s\n' fuzzer executions "per s" result
    for n in "${names[@]}"; do
      local execs=0 result=missing
      [ -f "$asan_build/fuzz-work/$n/result" ] && read -r _ execs result <"$asan_build/fuzz-work/$n/result"
      printf '%-24s %12s %8s %s\n' "fuzz_$n" "$execs" $((execs / fuzz_seconds)) "$result"
    done
  } >"$asan_build/fuzz-work/summary"
  return $rc
}

if [ "${FEDGATE_SANITIZERS:-1}" != 0 ]; then
  rm -rf "$asan_build/fuzz-work"
  if stage "build ($asan_build, ASan+UBSan)" build_asan; then
    stage "tests ($asan_build, ASan+UBSan)" test_asan "$@" || true
    if [ "$fuzz_seconds" -gt 0 ]; then
      stage "fuzzing (${fuzz_seconds}s per target)" fuzz_all || true
    fi
  fi
fi

echo "== Summary"
printf '%s\n' "${summary[@]}"
[ -f "$asan_build/fuzz-work/summary" ] && cat "$asan_build/fuzz-work/summary"
echo "total: $((SECONDS - started)) s"
exit $failed
