#!/bin/sh
# Builds Bengal's tools for benchmarking, Release, from a commit (default HEAD):
#
#     bench/build-bengal.sh [COMMIT]      # tools in build-bench/obj/bin, the commit in build-bench/commit
#
# It builds a snapshot of the commit (git archive), not the working tree, so uncommitted edits
# in the checkout are not what gets measured, and the results can name the exact commit.
# Reading the repository this way leaves its index, HEAD and working tree alone.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/build-bench"
rev=$(git -C "$repo" rev-parse "${1:-HEAD}")

rm -rf "$out/src"
mkdir -p "$out/src"
git -C "$repo" archive --format=tar "$rev" | tar -x -C "$out/src"
echo "$rev" > "$out/commit"
cmake -S "$out/src" -B "$out/obj" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBENGAL_BUILD_TESTS=OFF >/dev/null
ninja -C "$out/obj" -j"${JOBS:-2}"
echo "build-bengal.sh: tools of $rev in $out/obj/bin"
