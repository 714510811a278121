#!/usr/bin/env bash
# CPU of tavla-kiosk idle on its home screen for 30 s under Xvfb, beside the
# same program forced to draw every loop turn (--continuous), in the same
# run. Target: the idle kiosk under 1 % of one core.
#   usage: bench/ui_idle_cpu.sh [SECONDS]   (default 30)
source "$(dirname "${BASH_SOURCE[0]}")/ui_common.sh"
seconds="${1:-30}"
build_release
start_xvfb 1280x800
start_broker
for device in kiosk-idle kiosk-busy; do publish_room "$device" 12; done

DISPLAY="$DISPLAY_NAME" "$KIOSK" --config "$(kiosk_file kiosk-idle)" --windowed 1280x800 \
  --start-time "$START_TIME" 2>"$WORK/idle.log" &
idle=$!
PIDS+=($idle)
DISPLAY="$DISPLAY_NAME" "$KIOSK" --config "$(kiosk_file kiosk-busy)" --windowed 1280x800 \
  --start-time "$START_TIME" --continuous 2>"$WORK/busy.log" &
busy=$!
PIDS+=($busy)
sleep 5  # first frame, broker, room config: then only the clock's minute changes
hz="$(getconf CLK_TCK)"
idle0="$(cpu_ticks "$idle")"
busy0="$(cpu_ticks "$busy")"
sleep "$seconds"
idle1="$(cpu_ticks "$idle")"
busy1="$(cpu_ticks "$busy")"
kill -TERM "$idle" "$busy"
wait "$idle" "$busy" 2>/dev/null || true

echo "machine: $(machine)"
echo "home screen at 1280x800 under Xvfb (Mesa llvmpipe), ${seconds} s after a 5 s warm-up:"
awk -v a="$idle0" -v b="$idle1" -v hz="$hz" -v s="$seconds" \
  'BEGIN { printf "  idle loop:        %5.2f %% of one core\n", (b - a) / hz / s * 100 }'
awk -v a="$busy0" -v b="$busy1" -v hz="$hz" -v s="$seconds" \
  'BEGIN { printf "  every turn drawn: %5.2f %% of one core\n", (b - a) / hz / s * 100 }'
echo "  frames drawn (whole run): idle $(grep -o '[0-9]* frames' "$WORK/idle.log"), continuous $(grep -o '[0-9]* frames' "$WORK/busy.log")"
