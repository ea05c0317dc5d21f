#!/bin/sh
# Builds Bengal (if needed) and runs every test: unit tests, CLI cases, end-to-end site builds.
set -eu
cd "$(dirname "$0")/.."

if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build
cd build
ctest --output-on-failure -j "$(nproc)"
