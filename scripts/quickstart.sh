#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job. Without a display
# it goes as far as the product can unattended with the bundled example
# topology: publish it into the default central store (with its validation
# findings, versions and DNS records), deploy it on this machine (local
# replica, internal CA, the three certificates, a user's password, fedgated
# with both roles on loopback addresses), start it under the built-in
# supervisor, and show its status and the netstat-style listener check.
# Running it again publishes nothing new, reuses the certificates and
# restarts the service.
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

# Deploy on this machine. The example's addresses belong to another network,
# so the listeners move to loopback addresses: federation on 127.0.0.1:5269,
# the internal link on 127.0.0.1:23456, clients on 127.0.0.1:5222.
ctl="$bin/fedgatectl"
field() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# The data directory every tool uses (service status exits 1 while stopped).
data=$({ "$ctl" service status --json || true; } | field 'd["dataDirectory"]')

echo "== Importing the published topology into this machine's local replica"
"$ctl" topology import --from-store "$("$ctl" topology versions --json | field 'd["store"]')"

echo "== Certificates: the internal CA, then one certificate per interface"
assigned=$("$ctl" cert show --json |
  field '" ".join(sorted(k for k, v in d.get("assigned", {}).items() if v))')
if [[ ! -f "$data/ca/ca.pem" ]]; then
  "$ctl" ca create
fi
for usage in external internal gateway; do
  if [[ " $assigned " == *" $usage "* ]]; then
    echo "$usage: already assigned"
    continue
  fi
  id=$("$ctl" cert request --usage "$usage" --immediate --json | field 'd["issued"]["certificate"]["id"]')
  "$ctl" cert assign --usage "$usage" "$id"
done
"$ctl" cert check || true

echo "== A password for alice@contoso.test (quick start only: 'fedgate-quickstart')"
password_file=$(mktemp)
trap 'rm -f "$password_file"' EXIT
echo fedgate-quickstart >"$password_file"
"$ctl" user password alice@contoso.test --password-file "$password_file"

echo "== Starting fedgated (both roles) under the built-in supervisor"
cat >"$data/service.json" <<'JSON'
{"arguments": ["--listen", "127.0.0.1:5269", "--internal-listen", "127.0.0.1:23456",
               "--client-listen", "127.0.0.1:5222"]}
JSON
"$ctl" service restart
echo "== Listener status (from the operating system)"
for _ in $(seq 1 25); do
  "$ctl" service listeners >/dev/null && break
  sleep 0.2
done
"$ctl" service listeners || true
echo "== Sessions"
"$ctl" sessions || true
