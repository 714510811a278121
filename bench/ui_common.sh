# Shared by the ui_*.sh benchmarks (sourced, not run): a release build of
# tavla-kiosk, a virtual display, a broker holding a room config, and a
# kiosk file per device. Everything started here is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
PIDS=()
# The kiosk's clock starts on a Friday morning when both sessions of the
# generated room are open, whatever day the benchmark runs.
START_TIME="2026-11-27T09:00:00.000Z"

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

machine() {
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
}

build_release() {
  if [ ! -f "$ROOT/build-release/CMakeCache.txt" ]; then
    (cd "$ROOT" && cmake --preset release >/dev/null)
  fi
  (cd "$ROOT" && cmake --build --preset release --target tavla-kiosk -j 2 >/dev/null)
  KIOSK="$ROOT/build-release/bin/tavla-kiosk"
}

start_xvfb() {  # start_xvfb WIDTHxHEIGHT: sets DISPLAY_NAME
  Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
  PIDS+=($!)
  for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
  DISPLAY_NAME=":$(head -1 "$WORK/display")"
}

start_broker() {  # sets PORT
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$PORT" >"$WORK/mosquitto.conf"
  "$(command -v mosquitto || echo /usr/sbin/mosquitto)" -c "$WORK/mosquitto.conf" >"$WORK/mosquitto.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do
    mosquitto_pub -p "$PORT" -t bench/ping -m x 2>/dev/null && return 0
    sleep 0.1
  done
  echo "mosquitto did not start" >&2
  return 1
}

publish_room() {  # publish_room DEVICE MEMBERS: a room whose roster has MEMBERS people
  python3 - "$1" "$2" >"$WORK/room-$1.json" <<'PY'
import json, sys
device, members = sys.argv[1], int(sys.argv[2])
first = ["Kari", "Ola", "Åse", "Ingrid", "Mona", "Per", "Siri", "Tor", "Lise", "Jonas",
         "Hanne", "Bjørn", "Nina", "Geir", "Randi", "Eirik", "Solveig", "Øystein", "Marit", "Håkon"]
munis = ["nannestad", "gjerdrum", "hurdal", "nes", "lunner", "eidsvoll", "ullensaker"]
room = {"v": 1, "site": "stottepilar", "device": device, "room": "Møterom Nannestad", "rev": 1,
        "locale": "nb", "municipalities": [{"id": m, "name": m.capitalize()} for m in munis],
        "orgs": [{"id": "bufetat", "name": "Bufetat"}],
        "groups": [
            {"id": "gv", "name": "Gruppeveiledning", "kind": "group_guidance", "members": [
                {"participant": "p-%03d" % i, "display_name": "%s %s." % (first[i % 20], chr(65 + i % 26)),
                 "municipality": munis[i % 7]} for i in range(members)]},
            {"id": "nm", "name": "Læringsnettverk", "kind": "network_meeting", "members": [
                # The meeting's leader takes it on the screen with PIN 9999.
                {"participant": "p-nl", "display_name": "Nina S.", "municipality": "nes",
                 "leader": True,
                 "pin_hash": "sha256:a1b2c3d4e5f60718:b9fa4db412a207635c872a46f04f27449932c84b6d8f598db581fd171db492d9"},
                {"participant": "p-gh", "display_name": "Geir H.", "municipality": "hurdal"}]}],
        "agendas": [{"id": "fast", "name": "Fast agenda", "items": [
            {"item": "sak-%d" % i, "title": t, "minutes": m} for i, (t, m) in enumerate(
                [("Velkommen", 15), ("Oppfølgingspunkter", 30), ("Status", 30), ("Lunsj", 45),
                 ("Eventuelt", 15)], 1)]}],
        "schedule": [
            {"session": "bench-gv", "group": "gv", "kind": "group_guidance", "title": "Samling 4",
             "start": "2026-11-27T08:00:00.000Z", "end": "2026-11-27T16:00:00.000Z"},
            {"session": "bench-nm", "group": "nm", "kind": "network_meeting", "title": "Nettverksmøte",
             "start": "2026-11-27T08:00:00.000Z", "end": "2026-11-27T16:00:00.000Z", "agenda": "fast"}],
        "open_actions": []}
print(json.dumps(room, ensure_ascii=False))
PY
  mosquitto_pub -p "$PORT" -r -q 1 -t "tavla/v1/stottepilar/$1/config" -f "$WORK/room-$1.json"
}

kiosk_file() {  # kiosk_file DEVICE: prints the path of its kiosk.toml (own data dir)
  mkdir -p "$WORK/data-$1"
  printf '[device]\nid = "%s"\nsite = "stottepilar"\ndata_dir = "%s"\n[broker]\nurl = "tcp://127.0.0.1:%s"\n' \
    "$1" "$WORK/data-$1" "$PORT" >"$WORK/kiosk-$1.toml"
  echo "$WORK/kiosk-$1.toml"
}

cpu_ticks() {  # cpu_ticks PID: user + system time of the process, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}

percentiles() {  # percentiles FILE: p50 and p99 of the numbers in FILE (one per line)
  sort -n "$1" | awk '{v[NR] = $1} END {
    p50 = v[int(0.50 * (NR - 1)) + 1]; p99 = v[int(0.99 * (NR - 1)) + 1];
    printf "n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms\n", NR, p50 / 1000, p99 / 1000, v[NR] / 1000 }'
}
