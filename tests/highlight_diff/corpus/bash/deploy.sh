#!/usr/bin/env bash
# Build the site and copy it to the web server, keeping the last five releases.
set -euo pipefail

REMOTE_HOST="${DEPLOY_HOST:-www.example.org}"
REMOTE_DIR=/srv/www/releases
KEEP=5
STAMP=$(date +%Y%m%d-%H%M%S)
VERBOSE=0

usage() {
  echo "usage: $0 [-v] [-k count] site-dir" >&2
  exit 2
}

log() {
  if [[ $VERBOSE -eq 1 ]]; then
    printf '[%s] %s\n' "$(date +%T)" "$*"
  fi
}

while getopts "vk:" opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    k) KEEP="$OPTARG" ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage
SITE="$1"

log "building $SITE"
(cd "$SITE" && bengal-ninja-gen && ninja) || { echo "build failed" >&2; exit 1; }

archive="/tmp/site-${STAMP}.tar.gz"
tar -C "$SITE/public" -czf "$archive" .
log "archive is $(du -h "$archive" | cut -f1)"

scp -q "$archive" "$REMOTE_HOST:/tmp/"
ssh "$REMOTE_HOST" bash -s <<EOF
set -e
mkdir -p "$REMOTE_DIR/$STAMP"
tar -C "$REMOTE_DIR/$STAMP" -xzf "/tmp/site-${STAMP}.tar.gz"
ln -sfn "$REMOTE_DIR/$STAMP" /srv/www/current
ls -1dt $REMOTE_DIR/* | tail -n +$((KEEP + 1)) | xargs -r rm -rf
EOF

rm -f "$archive"
log "deployed release $STAMP to $REMOTE_HOST"
