#!/usr/bin/env bash
# Makes the README's screenshots by scripted runs of the real kiosk under
# Xvfb (Mesa llvmpipe) with its own mosquitto: check-in.png and meeting.png
# (1280x800) in this directory. Each run starts the kiosk's clock on
# Friday 27 November 2026 (--start-time), so the pictures do not change
# with the day they are made on.
#   usage: docs/screenshots/make-screenshots.sh [path/to/tavla-kiosk]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
kiosk="${1:-$root/build/bin/tavla-kiosk}"
mosquitto="$(command -v mosquitto || echo /usr/sbin/mosquitto)"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# A virtual display on a number Xvfb picks (written to fd 3 when ready).
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
display=":$(head -1 "$work/display")"

# A broker on a free loopback port, holding the room config (retained).
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$port" >"$work/mosquitto.conf"
"$mosquitto" -c "$work/mosquitto.conf" >"$work/mosquitto.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  mosquitto_pub -p "$port" -r -q 1 -t tavla/v1/stottepilar/kiosk-1/config \
    -f "$here/room-config.json" 2>/dev/null && break
  sleep 0.1
done

run() {  # run NAME START: plays readme-NAME.script from START on a fresh kiosk
  mkdir -p "$work/data-$1"
  printf '[device]\nid = "kiosk-1"\nsite = "stottepilar"\ndata_dir = "%s"\n[broker]\nurl = "tcp://127.0.0.1:%s"\n' \
    "$work/data-$1" "$port" >"$work/kiosk-$1.toml"
  DISPLAY="$display" "$kiosk" --config "$work/kiosk-$1.toml" --windowed 1280x800 \
    --start-time "$2" --script "$here/readme-$1.script" --shots "$work/shots"
}
run check-in 2026-11-27T08:25:00.000Z   # 09:25 in Oslo: group guidance is on
run meeting 2026-11-27T10:41:00.000Z    # 11:41: the network meeting has begun
cp "$work/shots/check-in.png" "$work/shots/meeting.png" "$here/"
echo "wrote $here/check-in.png and $here/meeting.png"
