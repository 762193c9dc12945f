#!/bin/sh
# Saves a PNG of every wizard page and main dialog, in English and in French,
# into screenshots/ (or the directory given as $1). The wizard runs under Xvfb
# at 1280x800 on a throw-away data directory loaded with the example topology
# (resources/examples/contoso.json); nothing in ~/.local is touched.
#
#   scripts/screenshots.sh [OUTPUT_DIR]
#
# Needs a build (scripts/build.sh, or BUILD_DIR pointing to one) and xvfb-run.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}
out=${1:-$here/screenshots}
fedgate=$build/bin/fedgate
if [ ! -x "$fedgate" ]; then
  echo "screenshots.sh: $fedgate not found; build first (scripts/build.sh) or set BUILD_DIR." >&2
  exit 1
fi
command -v xvfb-run >/dev/null || { echo "screenshots.sh: install xvfb (xvfb-run)." >&2; exit 1; }

mkdir -p "$out"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
for lang in en fr; do
  rm -rf "$data/$lang"; mkdir -p "$data/$lang"
  FEDGATE_DATA_DIR=$data/$lang LANG=C.UTF-8 \
    xvfb-run -a -s '-screen 0 1280x800x24' \
    "$fedgate" --lang "$lang" --open "$here/resources/examples/contoso.json" \
    --screenshot-tour "$out"
done
ls -1 "$out"/*.png
