#!/usr/bin/env bash
# Time from main() to the first frame on screen, as tavla-kiosk logs it
# ("first frame after N ms"), over 10 starts at 1280x800 under Xvfb; the
# process's own start (exec, dynamic linking) comes on top and is shown as
# the wall time of the whole run to its first frame and exit.
#   usage: bench/ui_startup.sh [RUNS]   (default 10)
source "$(dirname "${BASH_SOURCE[0]}")/ui_common.sh"
runs="${1:-10}"
build_release
start_xvfb 1280x800
start_broker
publish_room kiosk-start 12
printf 'wait-for home.clock\nquit\n' >"$WORK/start.script"
: >"$WORK/first.txt"
: >"$WORK/wall.txt"
for i in $(seq "$runs"); do
  rm -rf "$WORK/data-kiosk-start"
  t0="$(date +%s%N)"
  DISPLAY="$DISPLAY_NAME" "$KIOSK" --config "$(kiosk_file kiosk-start)" --windowed 1280x800 \
    --start-time "$START_TIME" --script "$WORK/start.script" 2>"$WORK/start-$i.log"
  t1="$(date +%s%N)"
  grep -o 'first frame after [0-9]*' "$WORK/start-$i.log" | grep -o '[0-9]*$' >>"$WORK/first.txt"
  echo $(((t1 - t0) / 1000000)) >>"$WORK/wall.txt"
done
echo "machine: $(machine)"
echo "$runs starts at 1280x800 under Xvfb (fresh data dir each time):"
sort -n "$WORK/first.txt" | awk '{v[NR]=$1} END {printf "  main() to first frame: median %d ms, min %d ms, max %d ms\n", v[int((NR+1)/2)], v[1], v[NR]}'
sort -n "$WORK/wall.txt" | awk '{v[NR]=$1} END {printf "  exec to exit (first frame, then quit): median %d ms\n", v[int((NR+1)/2)]}'
