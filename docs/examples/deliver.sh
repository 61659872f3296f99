#!/bin/sh
# Copies each fleet export to its laptop's inbox: NAME.dtx.part first, renamed to NAME.dtx only
# once complete, so the laptop's inbox never picks up half a file. Usage:
#   deliver.sh OUT_DIR INBOX_ROOT
# copies OUT_DIR/<ward>.dtx to INBOX_ROOT/<ward>/<ward>.dtx for every export in OUT_DIR (one
# inbox folder per laptop, e.g. a share mounted from each ward laptop). Exit 1 if any failed.
set -u
out_dir=$1
inbox_root=$2
status=0
for export in "$out_dir"/*.dtx; do
  [ -e "$export" ] || continue
  name=$(basename "$export" .dtx)
  inbox="$inbox_root/$name"
  if [ ! -d "$inbox" ]; then
    echo "deliver: no inbox $inbox for $name.dtx; skipped" >&2
    status=1
    continue
  fi
  if cp "$export" "$inbox/$name.dtx.part" && mv -f "$inbox/$name.dtx.part" "$inbox/$name.dtx"; then
    echo "deliver: $name.dtx → $inbox"
  else
    rm -f "$inbox/$name.dtx.part"
    echo "deliver: could not copy $name.dtx to $inbox" >&2
    status=1
  fi
done
exit $status
