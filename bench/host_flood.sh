#!/usr/bin/env bash
# Bounded host memory under a flood: N events of SIZE bytes (default 2000 of
# 250 KB: over the protocol's event limit, so each is quarantined, as a
# flood from a broken or hostile device would be) published at QoS 1 to a
# local mosquitto while the real `tavla-host serve` (SQLite) ingests them.
# Prints the host's peak resident set (VmHWM) once every event is in its
# quarantine table. The host's MessageQueue is bounded (16 MiB) and its
# connect sets Receive Maximum 64, so the broker holds the backlog.
# Usage: bench/host_flood.sh [N] [SIZE] (BUILD=build-release for the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
size=${2:-250000}
build=${BUILD:-build}
host="$build/bin/tavla-host"
[ -x "$host" ] || { echo "build tavla-host first ($host)" >&2; exit 1; }
dir=$(mktemp -d /tmp/tavla-flood.XXXXXX)
cleanup() {
  [ -n "${host_pid:-}" ] && kill "$host_pid" 2>/dev/null || true
  [ -n "${broker_pid:-}" ] && kill "$broker_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
port=$(( 20000 + RANDOM % 20000 ))

cat > "$dir/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
max_queued_messages 0
max_inflight_messages 0
max_packet_size 2097152
persistence false
user $(id -un)
CONF
/usr/sbin/mosquitto -c "$dir/mosquitto.conf" >"$dir/mosquitto.log" 2>&1 &
broker_pid=$!

cp host/dist/examples/*.toml host/dist/examples/*.csv "$dir/"
sed -i -e "s|^url = \"tcp://.*|url = \"tcp://127.0.0.1:$port\"|" \
  -e '/^username = /d' -e '/^password_file = /d' -e '/^ca_file = /d' -e '/^device_url = /d' \
  -e "s|^url = \"sqlite:.*|url = \"sqlite:$dir/host.db\"|" "$dir/host.toml"
device=$(sed -n 's/^id = "\(kiosk-[^"]*\)".*/\1/p' "$dir/host.toml" | head -1)
site=$(sed -n 's/^id = "\([^"]*\)".*/\1/p' "$dir/host.toml" | head -1)

"$host" serve --config "$dir/host.toml" >"$dir/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 100); do grep -q "ready:" "$dir/host.log" && break; sleep 0.1; done
grep -q "ready:" "$dir/host.log" || { cat "$dir/host.log" >&2; exit 1; }
rss_start=$(awk '/VmRSS/ {print $2}' "/proc/$host_pid/status")

# One payload file; each message differs only in where it is sent from.
head -c "$size" /dev/zero | tr '\0' 'x' > "$dir/payload"
topic="tavla/v1/$site/$device/events"
for _ in $(seq "$n"); do
  mosquitto_pub -p "$port" -q 1 -t "$topic" -f "$dir/payload"
done

quarantined() {
  "$host" quarantine list --config "$dir/host.toml" --format csv --limit $((n + 10)) | tail -n +2 | wc -l
}
until [ "$(quarantined)" -ge "$n" ]; do sleep 1; done
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$host_pid/status")
echo "# $(date -u +%Y-%m-%d) nproc=$(nproc) build=$build"
echo "flood: $n events of $size bytes, all quarantined; host VmRSS at start $rss_start kB, peak VmHWM $hwm kB"
