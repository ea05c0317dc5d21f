#!/bin/sh
# Builds a Bengal site by calling the tools one by one, as bengal(7) describes the pipeline:
# no Ninja, no incremental rebuild, every step in the open. It builds from scratch: it removes
# the site's output folder and its own build folder (BUILD_DIR/scripted) first.
#
#   examples/scripted/build.sh [SITE]
#
# SITE defaults to a copy of examples/docs in a temporary folder (printed at the end). The tools
# are taken from $BENGAL_BIN, else build/bin of this checkout. Pages are put into one shard per
# top-level section; Ninja's smaller shards give the same bytes (tests/e2e/test_make.py checks).
# Not covered: [assets] fingerprint = true (the hash and publish steps of the Ninja file).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${BENGAL_BIN:-$here/../../build/bin}" && pwd)
if [ $# -ge 1 ]; then
  site=$1
else
  site=$(mktemp -d)/docs
  cp -R "$here/../docs" "$site"
  rm -rf "$site/public" "$site/.bengal" "$site/build.ninja"
fi
cd "$site"
export LC_ALL=C  # byte order of paths, as bengal-ninja-gen sorts them

# The few settings this script needs, read from bengal.toml: KEY in [TABLE], else DEFAULT.
setting() {
  awk -v table="[$1]" -v key="$2" '
    /^[ \t]*\[/ { gsub(/[ \t]/, ""); in_table = ($0 == table); next }
    in_table && $1 == key { sub(/^[^=]*=[ \t]*"?/, ""); sub(/"?[ \t]*(#.*)?$/, ""); print; exit }
  ' bengal.toml | grep . || echo "$3"
}
content=$(setting build content_dir content)
static=$(setting build static_dir static)
public=$(setting build output_dir public)
b=$(setting build build_dir .bengal)/scripted
templates="-t $(setting build templates_dir templates)"
theme=$(setting site theme "")
[ -n "$theme" ] && templates="$templates -t themes/$theme/templates"

rm -rf "$b" "$public"
mkdir -p "$b/shards" "$public"
shards=""

# 1. scan and parse: a shard per top-level section, one for the pages directly in content/.
markdown() { find "$@" -name '*.md' ! -path '*/.*' | sort; }
for dir in "$content" $(find "$content" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | sort); do
  if [ "$dir" = "$content" ]; then
    name=root; files=$(markdown "$content" -maxdepth 1)
  else
    name=s-$(basename "$dir"); files=$(markdown "$dir")
  fi
  [ -n "$files" ] || continue
  # shellcheck disable=SC2086  # one path per word: paths with spaces are not supported here
  "$bin/bengal-scan" --content-dir "$content" -o "$b/shards/$name.scan" $files
  "$bin/bengal-parse" -c bengal.toml -o "$b/shards/$name" "$b/shards/$name.scan"
  shards="$shards $name"
done

# 2. link: the whole site at once; it writes S.link beside each S.meta, and the link files of
# the generated pages (section lists without an _index.md) and of taxonomy and term pages.
metas=""
for s in $shards; do metas="$metas $b/shards/$s.meta"; done
# shellcheck disable=SC2086
"$bin/bengal-link" -c bengal.toml --site "$b/site" --page-table "$b/pagetable" --taxonomies "$b/taxonomies" \
  --generated "$b/shards/_generated.link" --term-shard "$b/shards/_terms-0.link" $templates $metas

# 3. render and emit, shard by shard.
for s in $shards _generated _terms-0; do
  case $s in
    _*) sources="" ;;
    *) sources="--meta $b/shards/$s.meta --body $b/shards/$s.body --text $b/shards/$s.text" ;;
  esac
  # shellcheck disable=SC2086
  "$bin/bengal-render" --site "$b/site" --taxonomies "$b/taxonomies" $sources $templates \
    -o "$b/shards/$s.pages" "$b/shards/$s.link"
  "$bin/bengal-emit" -d "$public" --hashes "$b/shards/$s.hashes" -o "$b/shards/$s.manifest" "$b/shards/$s.pages"
done

# 4. the site-wide files. Without bengal-ninja-gen's list of copied files, bengal-index writes
# robots.txt and the like even when static/ has its own: the copies below overwrite them.
texts=""
for s in $shards; do texts="$texts $b/shards/$s.meta $b/shards/$s.text"; done
# shellcheck disable=SC2086
"$bin/bengal-index" -c bengal.toml --page-table "$b/pagetable" --manifest "$b/index.manifest" -d "$public" $texts

# 5. static files and page resources (the non-Markdown files of content/), copied as they are.
copy_tree() {
  [ -d "$1" ] || return 0
  (cd "$1" && find . -type f ! -path '*/.*' | sed 's|^\./||' | sort) | while IFS= read -r rel; do
    case $rel in *.md) [ "$1" = "$content" ] && continue ;; esac
    "$bin/bengal-emit" --copy -o "$public/$rel" "$1/$rel"
  done
}
copy_tree "$content"
copy_tree "$static"

# 6. the built-in theme's assets (bengal/theme.css, ...), those static/ does not replace: the
# files of this checkout's themes/default/static/, which bengal-emit carries inside it.
builtin=$here/../../themes/default/static
if [ -d "$builtin" ]; then
  (cd "$builtin" && find . -type f | sed 's|^\./||' | sort) | while IFS= read -r name; do
    [ -e "$static/$name" ] || "$bin/bengal-emit" --builtin "$name" -o "$public/$name"
  done
fi

echo "built $site/$public"
