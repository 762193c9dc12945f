#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job. Without a display
# (or without the wizard in this version) it goes as far as the product can
# unattended: publish the bundled example topology into the default central
# store and print it with its validation findings, the published versions
# and the DNS records it needs. Running it again publishes nothing new.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"
bin=${FEDGATE_BUILD_DIR:-$here/build}/bin
example="$here/resources/examples/contoso.json"

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -x "$bin/fedgate" ]]; then
  exec "$bin/fedgate"
fi

echo "== Validating the example topology ($example)"
"$bin/fedgatectl" topology validate --file "$example" || true
echo "== Publishing it into the default central store"
"$bin/fedgatectl" topology publish --file "$example" --comment "quick start: bundled example"
echo "== Published topology"
"$bin/fedgatectl" topology show
echo "== Versions"
"$bin/fedgatectl" topology versions
echo "== DNS records this topology needs (hand them to the DNS team)"
"$bin/fedgatectl" dns plan
