#!/usr/bin/env bash
# Frame time (build + draw + swap, as the loop measures it) while a finger
# scrolls a 40-member roster up and down at 1280x800 under Xvfb (Mesa
# llvmpipe): p50 and p99 over every frame of the scripted drags.
#   usage: bench/ui_scroll_frames.sh
source "$(dirname "${BASH_SOURCE[0]}")/ui_common.sh"
build_release
start_xvfb 1280x800
start_broker
publish_room kiosk-scroll 40
{
  echo "wait-for home.checkin.bench-gv 20000"
  echo "tap home.checkin.bench-gv"
  echo "wait-for checkin.member.p-000"
  for _ in $(seq 15); do
    echo "drag 640 650 640 160 400"
    # Proof that the drag scrolled: the first row is out of sight.
    echo "expect-absent checkin.member.p-000"
    echo "drag 640 160 640 650 400"
    echo "expect checkin.member.p-000"
  done
  echo "quit"
} >"$WORK/scroll.script"
DISPLAY="$DISPLAY_NAME" "$KIOSK" --config "$(kiosk_file kiosk-scroll)" --windowed 1280x800 \
  --start-time "$START_TIME" --script "$WORK/scroll.script" --frame-log "$WORK/frames.txt" \
  2>"$WORK/scroll.log" || { cat "$WORK/scroll.log" >&2; exit 1; }
# The frames before the first drag (start, home, the roster) are a handful
# of the total; the rest are drag frames.
echo "machine: $(machine)"
echo "40-member roster, 30 drags of 490 px in 400 ms at 1280x800:"
echo "  $(percentiles "$WORK/frames.txt")"
