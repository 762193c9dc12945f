#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job. Without a display
# it goes as far as the product can unattended with the bundled example
# topology: publish it into the default central store (with its validation
# findings, versions and DNS records), deploy it on this machine with
# 'fedgatectl deploy --answers resources/examples/contoso-answers.json'
# (local replica, internal CA, the three certificates, a user's password,
# fedgated with both roles on loopback addresses under the built-in
# supervisor), then show the netstat-style listener status and the
# deployment checklist. Running it again publishes nothing new and the
# deployment says "Nothing to change".
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

# Deploy on this machine, unattended, from the bundled answers file
# (resources/examples/contoso-answers.json): the local replica from the
# default central store, the internal CA, the three certificates signed by
# it, alice's password (contoso-answers-passwords.txt), the service
# configuration and fedgated with both roles under the built-in supervisor.
# The example's addresses belong to another network, so the answers move the
# listeners to loopback addresses: federation on 127.0.0.1:5269, the internal
# link on 127.0.0.1:23456, clients on 127.0.0.1:5222. Each action runs only
# when needed: a second run says "Nothing to change".
ctl="$bin/fedgatectl"
echo "== Deploying the example on this machine (fedgatectl deploy)"
"$ctl" deploy --answers "$here/resources/examples/contoso-answers.json"
echo "== Listener status (from the operating system)"
"$ctl" service listeners || true
echo "== Deployment checklist (fedgatectl check)"
# The example's partners (fabrikam.test, jabber-provider.test) and its DNS
# records do not exist on this network, so those checks report problems
# with their fixes; everything of this machine itself should pass.
"$ctl" check || true
echo "== Sessions"
"$ctl" sessions || true
