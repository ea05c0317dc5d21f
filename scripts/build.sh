#!/bin/sh
# Installs Bengal's dependencies (Debian 12 packages), builds the tools into build/bin, and
# builds the example documentation site into examples/docs/public/.
set -eu
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build

cd examples/docs
../../build/bin/bengal-ninja-gen
ninja
echo "Built examples/docs into $(pwd)/public/"
