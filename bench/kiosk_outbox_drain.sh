#!/usr/bin/env bash
# Draining a 100 000-event kiosk outbox to a local mosquitto with a host that
# acks, beside a bare Paho QoS 1 publisher -> subscriber through the same
# broker in the same run; both count what arrived (the broker runs with
# max_queued_messages 0, so nothing is dropped silently).
# Usage: bench/kiosk_outbox_drain.sh [N] [MAX_IN_FLIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
./tavla setup >/dev/null
[ -f build-release/CMakeCache.txt ] || cmake --preset release >/dev/null
cmake --build build-release -j2 --target tavla_bench_kiosk_drain >/dev/null
echo "# $(date -u +%Y-%m-%d) nproc=$(nproc) cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
build-release/bin/tavla_bench_kiosk_drain "${1:-100000}" "${2:-256}" 2> >(grep -v '^tavla-kiosk' >&2)
