#!/usr/bin/env bash
# Installs every Debian 12 package Fedgate needs to build, run and test.
# Idempotent: packages already present are left alone.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang-format git ccache
  # sanitizer build and fuzzers (test-all.sh): clang, libFuzzer, llvm-symbolizer
  clang libfuzzer-14-dev llvm-14
  # Qt 6.4 (Widgets, Network, Sql, Test, Concurrent, LinguistTools)
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev
  # SVG icons of the wizard (icon engine plugin)
  qt6-svg-dev libqt6svg6
  libgl-dev
  # crypto, logging, XML
  libssl-dev openssl libspdlog-dev libfmt-dev libexpat1-dev
  # fedgated's allocator (cmake/FedgateAllocator.cmake): mimalloc gives the
  # memory of closed sessions back, glibc's malloc kept it
  libmimalloc-dev
  # real peers used by the tests
  prosody lua-unbound dnsmasq-base postgresql python3-slixmpp
  bind9-utils bind9-dnsutils iproute2 procps
  # DNS resolver library (topology/DnsResolver), DNSSEC test zones served by NSD
  # and signed with ldns-signzone (tests/topology/tst_dnssec)
  libunbound-dev nsd ldnsutils
  # libunbound.pc requires libevent (pkg-config fails without it)
  libevent-dev
  # the Debian package: man pages from --help, dpkg-shlibdeps, lintian
  help2man dpkg-dev lintian
  # GUI tests and screenshots
  xvfb xauth x11-apps imagemagick fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "fedgate: installing ${#missing[@]} missing package(s): ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "fedgate: all required packages are installed"
fi
