#!/bin/sh
# Installs every package Bengal needs to build, test and benchmark, from Debian 12's archive.
# Run as root (or through sudo). Safe to run again: apt skips what is already installed.
set -eu

packages="
  build-essential cmake ninja-build pkg-config git
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  nlohmann-json3-dev libmsgpack-cxx-dev libxxhash-dev
  libyaml-cpp-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev
  python3-jinja2
  python3-pygments
  python3 libxml2-utils
  hyperfine hugo strace
  chromium
  bazel-bootstrap nginx libnginx-mod-http-dav-ext
"

if [ "$(id -u)" -ne 0 ]; then
  exec sudo "$0" "$@"
fi

export DEBIAN_FRONTEND=noninteractive
# Only refresh the package lists when something is missing: keeps repeat runs fast and offline.
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
fi
