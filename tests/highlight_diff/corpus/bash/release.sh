#!/usr/bin/env bash
# Tag a release: check the tree, bump the version, build, and push the tag.
set -o errexit -o nounset -o pipefail
shopt -s nullglob

readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION_FILE="$ROOT/CMakeLists.txt"
dry_run=false

die() { printf 'release: error: %s\n' "$*" >&2; exit 1; }

for arg in "$@"; do
  case $arg in
    --dry-run) dry_run=true ;;
    -h|--help) echo "usage: ${0##*/} [--dry-run] VERSION"; exit 0 ;;
    -*) die "unknown option $arg" ;;
    *) version=$arg ;;
  esac
done
[[ -n ${version:-} ]] || die "no version given"
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "bad version '$version'"

if [[ -n $(git -C "$ROOT" status --porcelain) ]]; then
  die "the working tree has changes"
fi

current=$(sed -n 's/^project(bengal VERSION \([0-9.]*\).*/\1/p' "$VERSION_FILE")
echo "bumping $current -> $version"
sed -i.bak "s/VERSION $current/VERSION $version/" "$VERSION_FILE" && rm -f "$VERSION_FILE.bak"

build_dir=$(mktemp -d)
trap 'rm -rf "$build_dir"' EXIT
cmake -S "$ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build_dir" -j "$(nproc)"
ctest --test-dir "$build_dir" -j "$(nproc)" --output-on-failure || die "tests failed"

files=("$build_dir"/bin/bengal-*)
echo "built ${#files[@]} tools"
if $dry_run; then
  echo "dry run: not tagging v$version"
else
  git -C "$ROOT" commit -qam "Release $version"
  git -C "$ROOT" tag -a "v$version" -m "Bengal $version"
  git -C "$ROOT" push --follow-tags
fi
