#!/usr/bin/env bash
# The end-to-end demo (`./tavla demo` runs it after building): the three real
# programs on this machine, then the money.
#
#   1. its own mosquitto on a free loopback port, with its own config;
#   2. tavla-host serve on SQLite with the example site (site.toml.in, made
#      for today and the current year), after recording individual-guidance
#      hours bought;
#   3. tavla-kiosk, the touch UI, in a window when there is a display and
#      under Xvfb otherwise, playing the day through the real UI: the morning
#      (morning.script: group guidance, check-ins, a walk-in guest, an undo)
#      and midday (midday.script: the network meeting with decisions, a
#      retraction and action items), each until the host has acked all;
#   4. stops the kiosk, the host (SIGTERM: it drains) and the broker, and
#      prints usage, allocation and settlement for the current year.
#
# Everything it starts is stopped on exit, also on failure. The database,
# the logs and the screenshots stay in build/demo/.
#   usage: docs/demo/run-demo.sh [BUILD_DIR]     (default: build)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
host="$build/bin/tavla-host"
kiosk="$build/bin/tavla-kiosk"
work="$build/demo"
mosquitto="$(command -v mosquitto || echo /usr/sbin/mosquitto)"
started_at="$(date +%s.%N)"

say() { printf '\033[1m--- %s\033[0m\n' "$*" >&2; }
fail() {
  printf 'demo: %s\n' "$*" >&2
  exit 1
}

broker_pid=""
host_pid=""
xvfb_pid=""
kiosk_pid=""
cleanup() {
  local status=$?
  if [ -n "$kiosk_pid" ]; then
    kill -TERM "$kiosk_pid" 2>/dev/null || true
    wait "$kiosk_pid" 2>/dev/null || true
  fi
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$host_pid" 2>/dev/null || true
  fi
  for pid in "$broker_pid" "$xvfb_pid"; do
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [ "$status" -eq 130 ]; then
    printf 'demo: interrupted; everything it started is stopped\n' >&2
  elif [ "$status" -ne 0 ]; then
    printf 'demo: failed; logs in %s\n' "$work" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds.
wait_for() {
  local tries=$(($1 * 10))
  shift
  for _ in $(seq "$tries"); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

[ -x "$host" ] && [ -x "$kiosk" ] || fail "build first: $host and $kiosk are missing"
rm -rf "$work"
mkdir -p "$work/kiosk-data" "$work/screenshots"

# The day it plays is today in Oslo; the plan is for this year.
today="$(TZ=Europe/Oslo date +%F)"
year="${today%%-*}"
oslo_to_utc() { date -u -d "TZ=\"Europe/Oslo\" $today $1" +%Y-%m-%dT%H:%M:%S.000Z; }

say "1/4 mosquitto on a free loopback port"
# Try ports until one binds: a port another program holds makes our
# mosquitto exit at once, which is what the liveness check catches.
broker_up() { kill -0 "$broker_pid" 2>/dev/null && mosquitto_pub -p "$port" -t demo/ping -m x 2>/dev/null; }
for _ in $(seq 20); do
  port=$((20000 + RANDOM % 40000))
  cat >"$work/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
persistence false
user $(id -un)
set_tcp_nodelay true
log_dest file $work/mosquitto.log
CONF
  "$mosquitto" -c "$work/mosquitto.conf" >/dev/null 2>&1 &
  broker_pid=$!
  if wait_for 5 broker_up; then break; fi
  kill "$broker_pid" 2>/dev/null || true
  broker_pid=""
done
[ -n "$broker_pid" ] || fail "mosquitto did not start (see $work/mosquitto.log)"
echo "broker: tcp://127.0.0.1:$port (config $work/mosquitto.conf)"

say "2/4 tavla-host serve (SQLite) with the example site for $today"
cp "$here"/*.csv "$work/"
sed -e "s/@PORT@/$port/g" -e "s/@YEAR@/$year/g" -e "s/@TODAY@/$today/g" \
  "$here/site.toml.in" >"$work/site.toml"
site="$work/site.toml"
"$host" check --config "$site"
# Individual guidance bought this year (the rate part of the plan).
"$host" purchases add --config "$site" --year "$year" --municipality nannestad --hours 96 \
  --note "Individuell veiledning, tre fosterhjem" --by demo
"$host" purchases add --config "$site" --year "$year" --municipality eidsvoll --hours 140 \
  --note "Individuell veiledning" --by demo
"$host" purchases add --config "$site" --year "$year" --municipality ullensaker --hours 310.5 \
  --note "Individuell veiledning" --by demo
"$host" serve --config "$site" --instance demo 2>"$work/host.log" &
host_pid=$!
host_ready() { kill -0 "$host_pid" 2>/dev/null && grep -q 'ready' "$work/host.log"; }
wait_for 30 host_ready || fail "tavla-host did not get ready (see $work/host.log)"
grep 'ready' "$work/host.log"

say "3/4 tavla-kiosk: the day through the touch UI"
cat >"$work/kiosk.toml" <<TOML
[device]
id = "kiosk-1"
site = "stottepilar"
data_dir = "$work/kiosk-data"
[broker]
url = "tcp://127.0.0.1:$port"
TOML
display="${DISPLAY:-}"
if [ -z "$display" ]; then
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/xvfb-display" \
    2>"$work/xvfb.log" &
  xvfb_pid=$!
  wait_for 10 test -s "$work/xvfb-display" || fail "Xvfb did not start (see $work/xvfb.log)"
  display=":$(head -1 "$work/xvfb-display")"
  echo "no display: the kiosk runs under Xvfb on $display"
else
  echo "the kiosk opens a window on $display"
fi
# play NAME OSLO_TIME: one part of the day, the kiosk's clock starting then.
# In the background and waited for, so a signal to the demo stops it at once.
play() {
  local start
  start="$(oslo_to_utc "$2")"
  echo "$1: the kiosk's clock starts at $2 in Oslo ($start)"
  DISPLAY="$display" TZ=Europe/Oslo timeout 180 "$kiosk" --config "$work/kiosk.toml" \
    --windowed 1280x800 --start-time "$start" --script "$here/$1.script" \
    --shots "$work/screenshots" >"$work/kiosk-$1.log" 2>&1 &
  kiosk_pid=$!
  if ! wait "$kiosk_pid"; then
    kiosk_pid=""
    tail -5 "$work/kiosk-$1.log" >&2
    fail "the kiosk's $1 script failed (see $work/kiosk-$1.log)"
  fi
  kiosk_pid=""
}
play morning 09:05
play midday 12:05

say "4/4 stopping the host (it drains) and the broker; the figures for $year"
kill -TERM "$host_pid"
wait "$host_pid" || fail "tavla-host did not stop cleanly (see $work/host.log)"
host_pid=""
grep 'stopped' "$work/host.log"
kill -TERM "$broker_pid"
wait "$broker_pid" 2>/dev/null || true
broker_pid=""
if [ -n "$xvfb_pid" ]; then
  kill -TERM "$xvfb_pid"
  wait "$xvfb_pid" 2>/dev/null || true
  xvfb_pid=""
fi

echo
echo "Usage per municipality, $year (tavla-host usage --year $year):"
"$host" usage --config "$site" --year "$year"
echo
echo "Allocation, $year (tavla-host allocate --year $year):"
"$host" allocate --config "$site" --year "$year"
echo
echo "Settlement, $year (tavla-host settle --year $year):"
"$host" settle --config "$site" --year "$year"
echo
echo "Screenshots of the day: $work/screenshots/"
ls "$work/screenshots"
echo "Site file, database and logs: $work/"
awk -v a="$(date +%s.%N)" -v b="$started_at" 'BEGIN { printf "The demo took %.1f s.\n", a - b }'
