#!/bin/sh
# Nightly backup of the database and uploads, with rotation.
BACKUP_ROOT=/var/backups/app
DAYS=14
today=`date +%F`
target="$BACKUP_ROOT/$today"

mkdir -p "$target" || exit 1

for db in main analytics; do
  pg_dump --format=custom "$db" > "$target/$db.dump" 2>>"$target/errors.log"
  status=$?
  if [ $status -ne 0 ]; then
    echo "dump of $db failed with status $status" | mail -s 'backup failed' root
  fi
done

# Copy uploads; hard links make unchanged files free.
previous=$(ls -1d "$BACKUP_ROOT"/*/ 2>/dev/null | sort | tail -n 2 | head -n 1)
rsync -a --delete ${previous:+--link-dest="$previous/uploads"} /srv/app/uploads/ "$target/uploads/"

find "$BACKUP_ROOT" -mindepth 1 -maxdepth 1 -type d -mtime +$DAYS -exec rm -rf {} \;

count=0
for f in "$target"/*.dump; do
  count=$((count + 1))
  size=$(stat -c %s "$f")
  echo "$f: $size bytes"
done
echo "wrote $count dumps to $target"
