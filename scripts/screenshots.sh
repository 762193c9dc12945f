#!/bin/sh
# Saves a PNG of every wizard page and main dialog, in English and in French,
# into screenshots/ (or the directory given as $1). The wizard runs under Xvfb
# at 1280x800 on a throw-away data directory loaded with the example topology
# (resources/examples/contoso.json); nothing in ~/.local is touched.
#
#   scripts/screenshots.sh [OUTPUT_DIR]
#
# The DNS page is shot after a real check: as root, with dnsmasq installed,
# the script serves the example's external records from a dnsmasq of its own
# on a loopback address (port 53, which QDnsLookup always asks; no forwarding,
# the machine's resolver configuration is not touched) and the tour checks
# against it. One record is left out on purpose, so the picture also shows a
# missing row with its fix. Otherwise the DNS rows show "not checked".
#
# The home page is also shot with the deployment running: the tour runs its
# steps (local replica, certificates from the internal CA, service
# configuration, Start services) and fedgated listens on 127.0.0.26-28 until
# the tour ends.
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

example=$here/resources/examples/contoso.json
dns_address=127.0.0.153
mkdir -p "$out"
data=$(mktemp -d)
dns_pid=
cleanup() {
  if [ -n "$dns_pid" ]; then kill "$dns_pid" 2>/dev/null || true; fi
  # The tour stops the fedgated its home steps started; if it died first,
  # stop it here (each language has its own data directory).
  for lang in en fr; do
    if [ -x "$build/bin/fedgatectl" ] && [ -e "$data/$lang/fedgated.pid" ]; then
      FEDGATE_DATA_DIR=$data/$lang "$build/bin/fedgatectl" service stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$data"
}
trap cleanup EXIT

# Serves the example's external zone with dnsmasq; prints nothing and
# returns 1 when it cannot (not root, no dnsmasq, no fedgatectl).
start_dns() {
  [ "$(id -u)" = 0 ] || return 1
  command -v dnsmasq >/dev/null || return 1
  [ -x "$build/bin/fedgatectl" ] || return 1
  FEDGATE_DATA_DIR=$data/ctl "$build/bin/fedgatectl" dns export --file "$example" \
    --format zone >"$data/zone" || return 1
  # Zone lines ("owner [ttl] [IN] type data") to dnsmasq records; the
  # address of xmpp2.contoso.test is left out (the "missing" row).
  awk '
    { sub(/;.*/, "") }
    NF == 0 || $1 ~ /^\$/ { next }
    {
      owner = $1; i = 2
      while (i <= NF && ($i ~ /^[0-9]+$/ || toupper($i) == "IN")) i++
      type = toupper($i); sub(/\.$/, "", owner)
      if ((type == "A" || type == "AAAA") && owner != "xmpp2.contoso.test")
        print "host-record=" owner "," $(i + 1)
      else if (type == "CNAME") { t = $(i + 1); sub(/\.$/, "", t); print "cname=" owner "," t }
      else if (type == "SRV" && $(i + 4) == ".") print "srv-host=" owner
      else if (type == "SRV") {
        t = $(i + 4); sub(/\.$/, "", t)
        print "srv-host=" owner "," t "," $(i + 3) "," $(i + 1) "," $(i + 2)
      }
    }' "$data/zone" >"$data/dnsmasq.conf"
  echo "local=/test/" >>"$data/dnsmasq.conf"
  # dnsmasq drops root after reading its config; the pid file directory must
  # stay reachable for the user it becomes.
  chmod 0755 "$data"
  # Without --keep-in-foreground dnsmasq returns once it listens (or fails).
  dnsmasq --no-resolv --no-hosts --bind-interfaces --listen-address="$dns_address" \
    --port=53 --pid-file="$data/dnsmasq.pid" --conf-file="$data/dnsmasq.conf" || return 1
  dns_pid=$(cat "$data/dnsmasq.pid")
}

dns_option=
if start_dns; then
  dns_option="--screenshot-dns-server=$dns_address"
  echo "screenshots.sh: DNS page checked against dnsmasq on $dns_address"
else
  echo "screenshots.sh: no dnsmasq (needs root and dnsmasq): DNS rows stay \"not checked\"" >&2
fi

for lang in en fr; do
  rm -rf "$data/$lang"; mkdir -p "$data/$lang"
  # shellcheck disable=SC2086 # $dns_option is one word or none
  FEDGATE_DATA_DIR=$data/$lang LANG=C.UTF-8 \
    xvfb-run -a -s '-screen 0 1280x800x24' \
    "$fedgate" --lang "$lang" --open "$example" \
    --screenshot-tour "$out" $dns_option
done
ls -1 "$out"/*.png
